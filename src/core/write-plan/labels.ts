/**
 * The Chinese words we write into the workbook (sheet names, headers, captions), as one commented table so
 * the add-in and the command line write the same text. Matching vocabulary (status words, synonyms) stays in
 * `core/vocab/`; these are only labels we print.
 */

/** Names of our own sheets. */
export const OWNED_SHEET_NAMES = {
  ranking: '评分排名', // ranking with data bars
  circular: '通报', // the circular's draft, A4
  findings: '校验', // findings with links to the cells
  mergeLog: '合并记录', // which file each merged row came from
  instructions: '填报说明', // the instructions sheet of a unit's copy
} as const;

/** Headers of the owned result columns, in order (the ledger's own 完成率 / 序时进度 / 状态 / 说明). */
export const RESULT_HEADERS = ['完成率', '序时进度', '状态', '说明'] as const;

/** Widths of the owned result columns (Excel character units), parallel to {@link RESULT_HEADERS}. */
export const RESULT_WIDTHS = [9, 9, 10, 40] as const;

/** Headers of the 评分排名 sheet. */
export const RANKING_HEADERS = [
  '位次', // rank (RANK.EQ, ties shared)
  '责任单位', // unit
  '得分', // score 0–100 (data bar)
  '状态', // worst status of its sub-tasks
  '位次变化', // movement: 位次前移2位 / 位次不变 / 新进入排名
  '子任务数', // tasks led
  '已完成', // done
  '序时推进', // on track
  '滞后', // lagging (yellow)
  '严重滞后', // severe (red)
  '未评分', // unscored
] as const;

/** Headers of the 校验 sheet. */
export const FINDINGS_HEADERS = ['序号', '级别', '位置', '问题', '建议', '代码'] as const;

/** Severity words of the 校验 sheet. */
export const SEVERITY_LABELS = {
  error: '错误', // error
  warning: '警告', // warning
  info: '提示', // info
} as const;

/** Captions of the 通报 sheet. */
export const CIRCULAR_LABELS = {
  titleSuffix: '年重点工作任务推进情况通报', // 2024 + this
  titleNoYear: '重点工作任务推进情况通报',
  asOf: '截至日期', // as-of date
  timeProgress: '序时进度',
  counts: '总体情况', // counts heading
  units: '责任单位', // number of units
  subTasks: '子任务', // number of sub-tasks
  praise: '通报表扬', // praise list
  escalate: '督查七联动', // escalation list
  ranking: '单位排名', // ranking heading
  paragraph: '通报正文', // the paragraph
  none: '无', // empty list
  draftNote: '（本页为督办助手生成的通报草稿，请核对后印发）',
} as const;

/** Headers of the 合并记录 sheet. */
export const MERGE_LOG_HEADERS = ['编号', '责任单位', '来源文件', '文件修改时间', '更新的单元格'] as const;

/** Headers of the merge log's second part: problems and units that have not returned. */
export const MERGE_LOG_CAPTIONS = {
  refused: '未合并的内容', // refusals
  missing: '尚未报送的单位', // units without a return
  merged: '已合并的任务行', // merged rows
} as const;
