/**
 * Chinese digits as written in years (`二〇二四年`, `二零二四年`): each character is one decimal digit.
 */

/** Digit value of each character. */
export const CHINESE_YEAR_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, // 二〇二四
  '○': 0, // 二○二四 (a circle often typed for 〇)
  Ｏ: 0, // 二Ｏ二四 (full-width letter O typed for 〇)
  零: 0, // 二零二四
  一: 1, // 二〇二一
  二: 2, // 二〇二四
  三: 3, // 二〇二三
  四: 4, // 二〇二四
  五: 5, // 二〇二五
  六: 6, // 二〇一六
  七: 7, // 二〇一七
  八: 8, // 二〇一八
  九: 9, // 二〇一九
};
