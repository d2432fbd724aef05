/**
 * Words that mark a total row (合计/全市 …) in the unit column (or the first filled cell) of a table. Such
 * rows are kept as totals for checks and never treated as units or ranked.
 *
 * `TOTAL_ROW_WORDS` match the whole compact key of the cell; `TOTAL_ROW_PARTS` match anywhere in it, so
 * `全市合计`, `合计（全区）` and `小  计` are totals too.
 */

/** A cell that is exactly one of these (compact key) marks a total row. */
export const TOTAL_ROW_WORDS: readonly string[] = [
  '全市', // 全市
  '全区', // 全区
  '全县', // 全县
  '全省', // 全省
  '全镇', // 全镇
  '全乡', // 全乡
  '全街道', // 全街道
  '全市总计', // 全市总计
  '总体', // 总体
  '汇总', // 汇总
  '总数', // 总数
];

/** A cell containing one of these (compact key) marks a total row. */
export const TOTAL_ROW_PARTS: readonly string[] = [
  '合计', // 合计 · 全市合计 · 合 计
  '总计', // 总计 · 总  计
  '小计', // 小计 · 部门小计
  '共计', // 共计
];
