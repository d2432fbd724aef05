/**
 * Words written around the figure in a reported actual value (完成值): `同比下降1.2%`, `4496人左右`,
 * `80余次`. Units of measure themselves come from `validate-measure-units.ts`, shared with validation.
 * Compared on the compact key (NFKC, whitespace removed).
 */

/**
 * Words before a figure that make it a decrease: `下降1.2%` is −1.2 %. Matched at the end of the text before
 * the figure, longest first.
 */
export const DECLINE_WORDS: readonly string[] = [
  '同比下降', // 同比下降1.2%
  '下降', // 增速下降0.5个百分点 · 下降1.2%
  '同比减少', // 同比减少300万元
  '减少', // 减少20户
  '降低', // 降低3%
  '回落', // 回落0.8个百分点
  '负增长', // 负增长2.1%
];

/**
 * Words between a figure and its unit, or after the unit, that only soften it and are dropped:
 * `80余次`, `4496人左右`, `5.5%以上`.
 */
export const APPROXIMATE_WORDS: readonly string[] = [
  '左右', // 4496人左右
  '以上', // 增长5.5%以上
  '余', // 80余次
  '多', // 300多户
  '上下', // 2万元上下
];

/** Units a weight (权重/分值) cell may carry after its figure: `10分`. */
export const WEIGHT_UNIT_WORDS: readonly string[] = [
  '分', // 10分
  '分值', // 10分值 (rare, seen when the header word is repeated in the cell)
];
