/**
 * Every user-visible string of the task pane, in zh-CN (the default) and en-US. Placeholders are `{name}`,
 * filled by `t()` in `i18n.ts`. Host error texts, shared with the ribbon commands, are in
 * `src/excel/host-text.ts`; the commands' own texts in `src/commands/command-strings.ts`. Status words match
 * the ledger's (`src/core/vocab/ledger-columns.ts`), so the pane and the sheet say the same thing.
 */
import type { Lang } from '../core/findings.ts';

/** The string table: key → text per language. */
export const STRINGS = {
  // ── frame ──
  appTitle: { zh: '督办助手', en: 'Duban' },
  appSubtitle: { zh: '重点工作任务分解表', en: 'Key-task responsibility tables' },
  tabsLabel: { zh: '工作步骤', en: 'Workflow steps' },
  tabTable: { zh: '表格', en: 'Table' },
  tabBreakdown: { zh: '分解', en: 'Breakdown' },
  tabValidate: { zh: '校验', en: 'Checks' },
  tabScore: { zh: '评分', en: 'Score' },
  tabMark: { zh: '标注/清除', en: 'Highlight' },
  tabCircular: { zh: '通报', en: 'Circular' },
  loadingTab: { zh: '正在加载…', en: 'Loading…' },
  notInOffice: {
    zh: '当前页面不在 Excel 中打开，读取功能不可用。',
    en: 'This page is not open inside Excel; reading is unavailable.',
  },
  apiTooOldTitle: { zh: 'Office 版本过旧', en: 'Office is too old' },
  apiTooOldBody: {
    zh: '此版本的 Excel 不支持督办助手所需的功能（需要 ExcelApi {version}：Excel 2019、Excel 2021、Microsoft 365 或 Excel 网页版）。请升级 Office 后再打开督办助手。',
    en: 'This version of Excel lacks features Duban needs (ExcelApi {version}: Excel 2019, Excel 2021, Microsoft 365 or Excel on the web). Please update Office, then open Duban again.',
  },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  goToCell: { zh: '定位到 {cell}', en: 'Go to {cell}' },
  retry: { zh: '重试', en: 'Try again' },
  listSeparator: { zh: '、', en: ', ' },
  noneWord: { zh: '无', en: 'none' },

  // ── long work ──
  cancel: { zh: '取消', en: 'Cancel' },
  busyLoad: { zh: '正在加载督办助手…', en: 'Loading Duban…' },
  busyRead: { zh: '正在读取表格…', en: 'Reading the table…' },
  busySave: { zh: '正在保存设置…', en: 'Saving the settings…' },
  busyBreakdown: { zh: '正在分解…', en: 'Breaking down…' },
  busyScore: { zh: '正在评分…', en: 'Scoring…' },
  busyMark: { zh: '正在标注…', en: 'Highlighting…' },
  busyClear: { zh: '正在清除…', en: 'Clearing…' },
  busyCircular: { zh: '正在生成通报…', en: 'Writing the circular…' },
  busyWithStep: { zh: '{task}（{step}，{percent}%）', en: '{task} ({step}, {percent}%)' },
  stepRead: { zh: '读取', en: 'reading' },
  stepAnalyse: { zh: '分析', en: 'analysing' },
  stepScore: { zh: '评分', en: 'scoring' },
  stepPlan: { zh: '准备写入', en: 'planning' },
  stepWrite: { zh: '写入', en: 'writing' },
  stepClear: { zh: '清除', en: 'clearing' },
  cancelledTitle: { zh: '已取消', en: 'Cancelled' },
  cancelledBody: {
    zh: '操作已停止。需要时可以重新运行；标注若只写了一部分，点击“清除”即可移除。',
    en: 'The operation stopped. Run it again when you are ready; if highlighting was cut short, Clear removes what was written.',
  },

  // ── problems ──
  notProcessedTitle: { zh: '无法处理这张表', en: 'This table cannot be processed' },
  loadFailed: { zh: '督办助手未能启动', en: 'Duban could not start' },
  readFailed: { zh: '读取失败', en: 'Could not read the table' },
  saveFailed: { zh: '保存设置失败', en: 'Could not save the settings' },
  breakdownFailed: { zh: '分解失败', en: 'Breakdown failed' },
  scoreFailed: { zh: '评分失败', en: 'Scoring failed' },
  markFailed: { zh: '标注失败', en: 'Highlighting failed' },
  clearFailed: { zh: '清除失败', en: 'Clearing failed' },
  circularFailed: { zh: '生成通报失败', en: 'Could not write the circular' },
  partlyWritten: { zh: '部分内容未能写入', en: 'Some parts were not written' },
  crashTitle: { zh: '此页面出错了', en: 'This page hit a problem' },
  crashBody: {
    zh: '显示时发生错误（{detail}）。请点击“重试”；如果再次出现，请关闭并重新打开任务窗格。工作簿没有受到影响。',
    en: 'Something went wrong while showing this page ({detail}). Click Try again; if it happens again, close and reopen the pane. Your workbook is not affected.',
  },

  // ── 表格 ──
  readTable: { zh: '读取表格', en: 'Read table' },
  rereadTable: { zh: '重新读取', en: 'Read again' },
  sheetLabel: { zh: '工作表', en: 'Sheet' },
  tableFacts: { zh: '识别结果', en: 'What was detected' },
  headerRowLabel: { zh: '表头', en: 'Header row' },
  rowNumber: { zh: '第{row}行', en: 'Row {row}' },
  rowCountLabel: { zh: '任务行数', en: 'Task rows' },
  rowCount: { zh: '{count} 行', en: '{count} rows' },
  detectedYearLabel: { zh: '标题中的年度', en: 'Year in the title' },
  yearValue: { zh: '{year}年', en: '{year}' },
  yearUnknown: { zh: '未写明', en: 'not stated' },
  noTableYet: {
    zh: '这个工作表中没有找到分解表。请选择分解表所在的工作表。',
    en: 'No responsibility table was found on this sheet. Choose the sheet that holds it.',
  },
  planYearLabel: { zh: '计划年度', en: 'Plan year' },
  planYearHint: { zh: '留空则使用标题中的年度', en: 'Leave blank to use the year in the title' },
  planYearInvalid: { zh: '请填写四位数的年份，如 2024', en: 'Enter a four-digit year, such as 2024' },
  asOfLabel: { zh: '截至', en: 'As of' },
  asOfToday: { zh: '今天（默认）', en: 'Today (default)' },
  asOfQ1: { zh: '一季度末（3月31日）', en: 'End of Q1 (31 March)' },
  asOfQ2: { zh: '上半年末（6月30日）', en: 'End of H1 (30 June)' },
  asOfQ3: { zh: '前三季度末（9月30日）', en: 'End of Q3 (30 September)' },
  asOfQ4: { zh: '年末（12月31日）', en: 'Year end (31 December)' },
  asOfDate: { zh: '指定日期…', en: 'A date…' },
  asOfDateLabel: { zh: '截至日期', en: 'As-of date' },
  presetLabel: { zh: '评分规则', en: 'Scoring rules' },
  savedToWorkbook: { zh: '设置已保存到工作簿。', en: 'Settings saved in the workbook.' },
  mappingHeading: { zh: '列的对应', en: 'Column mapping' },
  mappingHint: {
    zh: '督办助手按表头识别各列。识别有误时，可在下面为每一项选择正确的列。',
    en: 'Duban recognises columns by their headers. If one is wrong, pick the right column below.',
  },
  mappingAuto: { zh: '自动：{column}', en: 'Automatic: {column}' },
  mappingAutoNone: { zh: '自动：未识别', en: 'Automatic: not found' },
  mappingNone: { zh: '本表没有此列', en: 'This table has no such column' },
  columnLetter: { zh: '{letter}列', en: 'Column {letter}' },
  columnWithText: { zh: '{letter}列 · {text}', en: 'Column {letter} · {text}' },

  // ── 分解 ──
  breakdownHint: {
    zh: '把每项目标任务分解为子任务和指标，并写入“分解台账”工作表。原表不会被修改。',
    en: 'Splits each target into sub-tasks and indicators and writes them to a ledger sheet. Your table is not changed.',
  },
  runBreakdown: { zh: '运行分解', en: 'Run breakdown' },
  breakdownDone: {
    zh: '已写入“{sheet}”：{subTasks} 个子任务，{indicators} 个指标，{findings} 条提示。',
    en: 'Written to “{sheet}”: {subTasks} sub-tasks, {indicators} indicators, {findings} findings.',
  },
  breakdownCaption: {
    zh: '各单位的子任务和指标（点击单位查看子任务）',
    en: 'Sub-tasks and indicators per unit (click a unit for its sub-tasks)',
  },
  colUnit: { zh: '单位', en: 'Unit' },
  colSubTasks: { zh: '子任务', en: 'Sub-tasks' },
  colIndicators: { zh: '指标', en: 'Indicators' },
  noUnit: { zh: '（未填责任单位）', en: '(no unit given)' },
  unitSubTasksHeading: { zh: '{unit}的子任务', en: 'Sub-tasks of {unit}' },
  subTaskLine: { zh: '{id}　{text}', en: '{id}  {text}' },
  subTaskMeta: {
    zh: '指标 {indicators} 个 · 时限：{deadline}',
    en: '{indicators} indicators · deadline: {deadline}',
  },
  noDeadline: { zh: '未写明', en: 'none given' },

  // ── 校验 ──
  runValidate: { zh: '重新校验', en: 'Check again' },
  validateNotRun: {
    zh: '读取表格后，这里列出发现的问题。',
    en: 'Problems found appear here once the table is read.',
  },
  noFindings: { zh: '没有发现问题。', en: 'No problems found.' },
  findingCounts: {
    zh: '共 {total} 条：错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条。',
    en: '{total} in all: {errors} errors, {warnings} warnings, {infos} notes.',
  },
  filterSeverity: { zh: '按严重程度筛选', en: 'Filter by severity' },
  filterKind: { zh: '按问题类型筛选', en: 'Filter by kind' },
  filterAll: { zh: '全部', en: 'All' },
  countedOption: { zh: '{label}（{count}）', en: '{label} ({count})' },
  severityError: { zh: '错误', en: 'Errors' },
  severityWarning: { zh: '警告', en: 'Warnings' },
  severityInfo: { zh: '提示', en: 'Notes' },
  kindSummary: { zh: '{title}（{count} 处）', en: '{title} ({count})' },
  selectCell: { zh: '在 Excel 中选中 {cell}', en: 'Select {cell} in Excel' },
  suggestedFix: { zh: '建议：{fix}', en: 'Suggested fix: {fix}' },
  showAll: { zh: '显示全部 {count} 处', en: 'Show all {count}' },

  // ── 评分 ──
  scoreHint: {
    zh: '按“表格”页的截至日期和评分规则计算得分和排名，不写入工作簿；写入请用“标注”。',
    en: 'Scores and ranks with the as-of date and rules chosen on the Table tab, without writing; Highlight writes.',
  },
  runScore: { zh: '运行评分', en: 'Run scoring' },
  scoreSummary: {
    zh: '截至 {asOf}（{period}），序时进度 {timeProgress}，规则“{preset}”：{units} 个单位，{subTasks} 个子任务。',
    en: 'As of {asOf} ({period}), time progress {timeProgress}, rules “{preset}”: {units} units, {subTasks} sub-tasks.',
  },
  statusCounts: {
    zh: '{doneWord} {done}，{onTrackWord} {onTrack}，{laggingWord} {lagging}，{severeWord} {severe}，{unscoredWord} {unscored}。',
    en: '{doneWord} {done}, {onTrackWord} {onTrack}, {laggingWord} {lagging}, {severeWord} {severe}, {unscoredWord} {unscored}.',
  },
  rankingCaption: { zh: '排名（点击单位查看子任务）', en: 'Ranking (click a unit for its sub-tasks)' },
  colRank: { zh: '名次', en: 'Rank' },
  colScore: { zh: '得分', en: 'Score' },
  colStatus: { zh: '状态', en: 'Status' },
  noOwner: { zh: '未填责任人', en: 'no owner' },
  movementNew: { zh: '新', en: 'new' },
  completionLine: {
    zh: '完成 {completion} · 序时 {expected}',
    en: 'done {completion} · expected {expected}',
  },
  statusDone: { zh: '已完成', en: 'Done' },
  statusOnTrack: { zh: '序时推进', en: 'On track' },
  statusLagging: { zh: '进展滞后', en: 'Lagging' },
  statusSevere: { zh: '严重滞后', en: 'Severely behind' },
  statusUnscored: { zh: '未评分', en: 'Not scored' },
  praiseHeading: { zh: '表扬', en: 'Praise' },
  praiseNone: { zh: '本期没有达到表扬条件的单位。', en: 'No unit qualifies for praise this time.' },
  escalateHeading: { zh: '提请督办', en: 'Escalation' },
  escalateNone: { zh: '本期没有需要提请督办的任务。', en: 'No task needs escalating this time.' },

  // ── 标注 / 清除 ──
  markHint: {
    zh: '评分并在原表中标注：滞后标黄、严重滞后标红，并写入评分排名、通报和校验工作表。再次标注会替换上一次的结果。',
    en: 'Scores and highlights in place — lagging yellow, severely behind red — and writes the ranking, circular and checks sheets. Highlighting again replaces the last run.',
  },
  greenLabel: { zh: '绿色标注', en: 'Green highlight' },
  greenDone: { zh: '只标注已完成', en: 'Done only' },
  greenDoneAndOnTrack: { zh: '已完成和序时推进', en: 'Done and on track' },
  greenNone: { zh: '不标绿色', en: 'No green' },
  runMark: { zh: '标注', en: 'Highlight' },
  runClear: { zh: '清除', en: 'Clear' },
  clearHint: {
    zh: '“清除”只移除督办助手写入的列、颜色和工作表，您自己填写的内容保持不变。',
    en: 'Clear removes only the columns, colours and sheets Duban wrote; your own entries stay as they are.',
  },
  hasMarks: { zh: '工作簿中有督办助手的标注。', en: 'The workbook has highlights from Duban.' },
  noMarks: { zh: '工作簿中没有督办助手的标注。', en: 'The workbook has no highlights from Duban.' },
  markedTitle: { zh: '已标注', en: 'Highlighted' },
  markedBody: { zh: '已写入工作表：{sheets}。', en: 'Sheets written: {sheets}.' },
  clearedTitle: { zh: '已清除', en: 'Cleared' },
  clearedBody: {
    zh: '已移除工作表：{sheets}；结果列 {columns} 列，条件格式 {rules} 条。',
    en: 'Removed sheets: {sheets}; {columns} result columns and {rules} conditional formats.',
  },
  clearedNothing: {
    zh: '工作簿中没有督办助手的标注，无需清除。',
    en: 'The workbook had nothing from Duban to clear.',
  },

  // ── 通报 ──
  circularHint: {
    zh: '生成“通报”工作表，并给出可直接使用的通报段落。',
    en: 'Writes the circular sheet and gives the circular’s paragraph, ready to paste.',
  },
  runCircular: { zh: '生成通报', en: 'Write the circular' },
  circularWritten: { zh: '已写入工作表：{sheets}。', en: 'Sheets written: {sheets}.' },
  circularNotRun: {
    zh: '评分或生成通报后，这里显示通报段落。',
    en: 'The circular’s paragraph appears here after scoring or writing the circular.',
  },
  paragraphHeading: { zh: '通报段落', en: 'Circular paragraph (Chinese)' },
  copyParagraph: { zh: '复制通报段落', en: 'Copy the paragraph' },
  copied: { zh: '已复制到剪贴板。', en: 'Copied to the clipboard.' },
  copyFailed: {
    zh: '无法访问剪贴板。请选中上面的段落，按 Ctrl+C 复制。',
    en: 'The clipboard is not available. Select the paragraph above and press Ctrl+C.',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** A key of the string table. */
export type StringKey = keyof typeof STRINGS;
