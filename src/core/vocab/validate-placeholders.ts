/**
 * Texts that mean "nothing to report here" in a numeric column (目标值 / 完成值 / 完成率 / 权重). Tables use them
 * for indicators that do not apply to a unit; the validator treats them like a blank cell instead of
 * reporting "text where a number is expected".
 *
 * Compared on the compact key (NFKC, no whitespace), so full-width `／` and `－` match `/` and `-`.
 */
export const NUMBER_PLACEHOLDERS: readonly string[] = [
  '/', // ／ · /
  '-', // - · －
  '--', // --
  '—', // — (em dash)
  '——', // —— (Chinese dash)
  '–', // – (en dash)
  '\\', // \
  '无', // 无
  '暂无', // 暂无
  '不适用', // 不适用
  '不涉及', // 不涉及
  '空', // 空
  'n/a', // N/A typed as text (an error value #N/A is reported separately)
  'na', // NA
];
