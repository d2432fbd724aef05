/**
 * Header vocabulary of responsibility tables (分解表): which header words name which column.
 *
 * Words are compared on their compact key (NFKC, no whitespace, ASCII lower-cased), so `目   标   任   务`,
 * `目标\n任务` and `目标任务` are the same word. A header cell matches a word exactly first (with its unit of
 * measure, then without: `完成目标(%)`, `目标值（万元）`); failing that, a short header (≤ 16 characters)
 * containing a word matches it, and the longest contained word wins (ties: the word that ends later,
 * because the head noun of a Chinese phrase comes last — `目标任务完成情况` is a progress column). Words
 * flagged `exact` never match by containment.
 *
 * Kinds are finer than column roles; `resolveRoles` in `table/find-header.ts` turns them into roles:
 * - `leadUnit` is always the lead unit; a plain `unit` column becomes `coUnit` when a `leadUnit` column exists
 *   (a table with 牵头单位 and 责任单位 lists co-units under 责任单位);
 * - `leader` (责任领导) becomes `owner` when the table has no `owner` column; `contact` (联系人) becomes
 *   `owner` when it has neither an `owner` nor a `leader` column;
 * - `target` becomes `planValue` when its data cells are numbers, and `actual` becomes `progress` when its
 *   data cells are words;
 * - `ignore` words are real headers that must not fall to a shorter word they contain (`序时进度` is not
 *   `进度`, `计量单位` is not `单位`).
 */

/** What a header word says about its column, before the table-wide rules above are applied. */
export type HeaderKind =
  | 'serial'
  | 'unit'
  | 'leadUnit'
  | 'coUnit'
  | 'target'
  | 'owner'
  | 'leader'
  | 'contact'
  | 'deadline'
  | 'planValue'
  | 'actual'
  | 'completionRate'
  | 'progress'
  | 'remark'
  | 'category'
  | 'weight'
  | 'ignore';

/** One header word. `word` is written in compact-key form (no spaces, half-width, lower-case ASCII). */
export interface HeaderSynonym {
  readonly word: string;
  readonly kind: HeaderKind;
  /**
   * Match only a header that is exactly this word. Set for short generic words that occur inside data
   * (`街道` in `岱庙街道`, `目标` in `完成年度目标`) so a data row is never taken for a header.
   */
  readonly exact?: true;
}

/** The header words. Each comment shows a header cell the entry matches. */
export const HEADER_SYNONYMS: readonly HeaderSynonym[] = [
  // ── serial number ──
  { word: '序号', kind: 'serial' }, // 序号 · 序  号
  { word: '编号', kind: 'serial' }, // 编号 · 任务编号
  { word: '序', exact: true, kind: 'serial' }, // 序 (narrow first column)
  { word: 'no.', exact: true, kind: 'serial' }, // No. · NO.
  { word: 'no', exact: true, kind: 'serial' }, // No

  // ── lead / responsible unit ──
  { word: '责任单位', kind: 'unit' }, // 责任单位 · 责 任 单 位
  { word: '责任部门', kind: 'unit' }, // 责任部门
  { word: '承办单位', kind: 'unit' }, // 承办单位
  { word: '主办单位', kind: 'leadUnit' }, // 主办单位 (the lead when 承办/责任单位 also appear)
  { word: '牵头单位', kind: 'leadUnit' }, // 牵头单位
  { word: '牵头部门', kind: 'leadUnit' }, // 牵头部门
  { word: '牵头责任单位', kind: 'leadUnit' }, // 牵头责任单位
  { word: '责任主体', kind: 'unit' }, // 责任主体
  { word: '单位', exact: true, kind: 'unit' }, // 单位 (wide tables: a row per unit)
  { word: '单位名称', kind: 'unit' }, // 单位名称
  { word: '部门', exact: true, kind: 'unit' }, // 部门
  { word: '地区', exact: true, kind: 'unit' }, // 地区
  { word: '区县', exact: true, kind: 'unit' }, // 区县
  { word: '县区', exact: true, kind: 'unit' }, // 县区
  { word: '县市区', exact: true, kind: 'unit' }, // 县市区
  { word: '县(市、区)', kind: 'unit' }, // 县（市、区）
  { word: '县(市区)', kind: 'unit' }, // 县(市区)
  { word: '镇街', exact: true, kind: 'unit' }, // 镇街
  { word: '镇(街道)', kind: 'unit' }, // 镇（街道）
  { word: '乡镇', exact: true, kind: 'unit' }, // 乡镇
  { word: '乡镇(街道)', kind: 'unit' }, // 乡镇（街道）
  { word: '街道', exact: true, kind: 'unit' }, // 街道
  { word: '功能区', exact: true, kind: 'unit' }, // 功能区

  // ── co-units ──
  { word: '配合单位', kind: 'coUnit' }, // 配合单位
  { word: '协办单位', kind: 'coUnit' }, // 协办单位
  { word: '配合部门', kind: 'coUnit' }, // 配合部门
  { word: '协同单位', kind: 'coUnit' }, // 协同单位
  { word: '参与单位', kind: 'coUnit' }, // 参与单位

  // ── target (the task text) ──
  { word: '目标任务', kind: 'target' }, // 目   标   任   务
  { word: '工作任务', kind: 'target' }, // 工作任务
  { word: '重点任务', kind: 'target' }, // 重点任务
  { word: '重点工作任务', kind: 'target' }, // 重点工作任务
  { word: '任务内容', kind: 'target' }, // 任务内容
  { word: '工作目标', kind: 'target' }, // 工作目标
  { word: '项目内容', kind: 'target' }, // 项目内容
  { word: '工作内容', kind: 'target' }, // 工作内容
  { word: '主要任务', kind: 'target' }, // 主要任务
  { word: '具体任务', kind: 'target' }, // 具体任务
  { word: '任务', exact: true, kind: 'target' }, // 任务
  { word: '目标', exact: true, kind: 'target' }, // 目标
  { word: '指标', exact: true, kind: 'target' }, // 指标 (a table of named indicators)
  { word: '指标名称', kind: 'target' }, // 指标名称
  { word: '考核指标', kind: 'target' }, // 考核指标
  { word: '项目名称', kind: 'target' }, // 项目名称

  // ── owner, leader, contact ──
  { word: '责任人', kind: 'owner' }, // 责任人
  { word: '具体责任人', kind: 'owner' }, // 具体责任人
  { word: '负责人', kind: 'owner' }, // 负责人
  { word: '责任领导', kind: 'leader' }, // 责任领导
  { word: '分管领导', kind: 'leader' }, // 分管领导
  { word: '牵头领导', kind: 'leader' }, // 牵头领导
  { word: '包保领导', kind: 'leader' }, // 包保领导
  { word: '分管区领导', kind: 'leader' }, // 分管区领导
  { word: '联系人', kind: 'contact' }, // 联系人
  { word: '联络员', kind: 'contact' }, // 联络员

  // ── deadline ──
  { word: '完成时限', kind: 'deadline' }, // 完成时限
  { word: '时间节点', kind: 'deadline' }, // 时间节点
  { word: '时限', exact: true, kind: 'deadline' }, // 时限
  { word: '完成时间', kind: 'deadline' }, // 完成时间
  { word: '时间要求', kind: 'deadline' }, // 时间要求
  { word: '完成期限', kind: 'deadline' }, // 完成期限

  // ── plan value ──
  { word: '目标值', kind: 'planValue' }, // 目标值
  { word: '年度目标', kind: 'planValue' }, // 年度目标
  { word: '计划', exact: true, kind: 'planValue' }, // 计划
  { word: '计划值', kind: 'planValue' }, // 计划值
  { word: '年度计划', kind: 'planValue' }, // 年度计划
  { word: '计划数', kind: 'planValue' }, // 计划数

  // ── actual ──
  { word: '完成值', kind: 'actual' }, // 完成值
  { word: '进度', kind: 'actual' }, // 进度
  { word: '实际完成', kind: 'actual' }, // 实际完成
  { word: '累计完成', kind: 'actual' }, // 累计完成
  { word: '完成数', kind: 'actual' }, // 完成数
  { word: '实际完成值', kind: 'actual' }, // 实际完成值

  // ── completion rate ──
  { word: '完成率', kind: 'completionRate' }, // 完成率
  { word: '完成比例', kind: 'completionRate' }, // 完成比例
  { word: '完成目标(%)', kind: 'completionRate' }, // 完成目标(%) · 完成目标（％）
  { word: '完成进度', kind: 'completionRate' }, // 完成进度

  // ── progress text ──
  { word: '进展情况', kind: 'progress' }, // 进展情况
  { word: '完成情况', kind: 'progress' }, // 完成情况 (text — never the number 完成值)
  { word: '工作进展', kind: 'progress' }, // 工作进展
  { word: '工作进度', kind: 'progress' }, // 工作进度 (text, unlike the bare 进度)
  { word: '推进情况', kind: 'progress' }, // 推进情况
  { word: '落实情况', kind: 'progress' }, // 落实情况
  { word: '进展', exact: true, kind: 'progress' }, // 进展

  // ── remark, category, weight ──
  { word: '备注', kind: 'remark' }, // 备注
  { word: '类别', kind: 'category' }, // 类别
  { word: '分类', exact: true, kind: 'category' }, // 分类
  { word: '类型', exact: true, kind: 'category' }, // 类型
  { word: '权重', kind: 'weight' }, // 权重
  { word: '分值', kind: 'weight' }, // 分值

  // ── headers that must not fall to a shorter word they contain ──
  { word: '序时进度', kind: 'ignore' }, // 序时进度 (time progress, computed by us — not 进度)
  { word: '计量单位', kind: 'ignore' }, // 计量单位 (unit of measure — not 单位)
  { word: '单位负责人', kind: 'owner' }, // 单位负责人 (a person — not 单位)
];

/** The part of an indicator group a sub-column header names (wide/matrix tables). */
export type SubColumnKind = 'plan' | 'actual' | 'ratio';

/** One sub-column word under an indicator group. */
export interface SubColumnSynonym {
  readonly word: string;
  readonly kind: SubColumnKind;
}

/**
 * Sub-column words under an indicator group in a two-level header (`城镇新增就业（人）` above
 * `目标任务 | 进度 | 完成比例`). Matched exactly on the compact key, after a unit in brackets is removed.
 */
export const SUB_COLUMN_SYNONYMS: readonly SubColumnSynonym[] = [
  { word: '目标', kind: 'plan' }, // 目标
  { word: '目标任务', kind: 'plan' }, // 目标任务
  { word: '年度目标', kind: 'plan' }, // 年度目标
  { word: '计划', kind: 'plan' }, // 计划
  { word: '目标值', kind: 'plan' }, // 目标值
  { word: '任务', kind: 'plan' }, // 任务
  { word: '进度', kind: 'actual' }, // 进度
  { word: '完成', kind: 'actual' }, // 完成
  { word: '完成值', kind: 'actual' }, // 完成值
  { word: '累计完成', kind: 'actual' }, // 累计完成
  { word: '实际完成', kind: 'actual' }, // 实际完成
  { word: '完成比例', kind: 'ratio' }, // 完成比例
  { word: '完成率', kind: 'ratio' }, // 完成率
  { word: '完成进度', kind: 'ratio' }, // 完成进度
];
