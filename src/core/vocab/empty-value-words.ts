/**
 * Cell texts that mean "nothing here" in owner and unit columns (a dash, a slash, 无). Parsing such a cell
 * yields no owner and no unit, so validation reports it as missing.
 */

/** Compact keys that stand for an empty value. */
export const EMPTY_VALUE_WORDS: readonly string[] = [
  '/', // / · ／ (NFKC turns the full-width slash into /)
  '\\', // \
  '-', // - · －
  '--', // --
  '—', // —
  '——', // ——
  '无', // 无
  '暂无', // 暂无
  '待定', // 待定
  '空', // 空
  'n/a', // N/A
];
