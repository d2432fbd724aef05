/**
 * Deadline wording inside target texts and 完成时限 cells, turned into dates of the plan year
 * (`3月底前` → 03-31, `上半年` → 06-30, `年内` → 12-31). Month forms (`6月底`, `10月中旬`, `9月15日`) are
 * patterns in `breakdown/deadlines.ts`; the fixed words are here. Matched on NFKC text.
 *
 * A holiday is its own date: `国庆节前` → 10-01, `正月十五前` → the 15th day of the first lunar month.
 */

/** Words meaning "by the end of the plan year". */
export const YEAR_END_WORDS: readonly string[] = [
  '今年年底前', // 今年年底前完成
  '今年年底', // 今年年底
  '今年底前', // 今年底前
  '今年底', // 今年底
  '年底前', // 年底前建成
  '年底', // 年底完成
  '年末', // 年末各项贷款余额新增200亿元以上
  '年终', // 年终
  '年内', // 年内新增城镇就业7200人以上 (not after a numeral: `三年内` is a duration)
  '全年', // 全年不良贷款率控制在0.9%以下
  '本年度内', // 本年度内
  '本年度', // 本年度
  '年度内', // 年度内完成
  '本年内', // 本年内
];

/** Half years: month and day. */
export const HALF_YEAR_WORDS: readonly {
  readonly word: string;
  readonly month: number;
  readonly day: number;
}[] = [
  { word: '上半年', month: 6, day: 30 }, // 上半年开工
  { word: '下半年', month: 12, day: 31 }, // 下半年建成
];

/** Quarter numbers written before 季度 (`一季度`, `第一季度`, `1季度`, `首季度`); the deadline is its last day. */
export const QUARTER_NUMBERS: Readonly<Record<string, number>> = {
  一: 1, // 一季度 → 03-31
  '1': 1, // 1季度
  首: 1, // 首季度
  二: 2, // 二季度 → 06-30
  '2': 2, // 2季度
  三: 3, // 三季度 → 09-30 · 前三季度
  '3': 3, // 3季度
  四: 4, // 四季度 → 12-31
  '4': 4, // 4季度
};

/** Month numbers written in Chinese (`六月底`, `十二月`). Arabic months are read as digits. */
export const CHINESE_MONTHS: Readonly<Record<string, number>> = {
  一: 1, // 一月底
  二: 2, // 二月底
  三: 3, // 三月底
  四: 4, // 四月
  五: 5, // 五月
  六: 6, // 六月底前
  七: 7, // 七月
  八: 8, // 八月
  九: 9, // 九月
  十: 10, // 十月
  十一: 11, // 十一月
  十二: 12, // 十二月底
};

/** Parts of a month written after `N月`: the day they end on (`end` = the month's last day). */
export const MONTH_PARTS: readonly { readonly word: string; readonly day: number | 'end' }[] = [
  { word: '上旬', day: 10 }, // 10月上旬 → 10-10
  { word: '中旬', day: 20 }, // 10月中旬 → 10-20
  { word: '下旬', day: 'end' }, // 10月下旬 → 10-31
  { word: '底', day: 'end' }, // 6月底 → 06-30 · 2月底 → 02-29 in 2024
  { word: '末', day: 'end' }, // 6月末
  { word: '份', day: 'end' }, // 6月份
];

/** Words meaning a deadline is ongoing rather than a date (`长期`): a 完成时限 cell with one is not an error. */
export const ONGOING_WORDS: readonly string[] = [
  '长期坚持', // 长期坚持
  '长期', // 长期
  '持续推进', // 持续推进
  '持续', // 持续
  '常态化', // 常态化
  '按进度', // 按进度推进
  '按序时', // 按序时推进
];

/** Words after a deadline that are part of its wording (`6月底前`, `年底之前`). Longest first. */
export const DEADLINE_SUFFIXES: readonly string[] = [
  '之前', // 年底之前
  '以前', // 6月以前
  '前', // 6月底前 · 国庆节前
];

/** Fixed-date holidays before which something is due; `nextYear` for 元旦 (the one ending the plan year). */
export const SOLAR_HOLIDAYS: readonly {
  readonly word: string;
  readonly month: number;
  readonly day: number;
  readonly nextYear?: boolean;
}[] = [
  { word: '元旦', month: 1, day: 1, nextYear: true }, // 元旦前 in a 2024 plan → 2025-01-01
  { word: '劳动节', month: 5, day: 1 }, // 劳动节前
  { word: '五一', month: 5, day: 1 }, // “五一”前
  { word: '儿童节', month: 6, day: 1 }, // 儿童节前
  { word: '六一', month: 6, day: 1 }, // 六一前
  { word: '建党节', month: 7, day: 1 }, // 建党节前
  { word: '七一', month: 7, day: 1 }, // 七一前
  { word: '建军节', month: 8, day: 1 }, // 建军节前
  { word: '八一', month: 8, day: 1 }, // 八一前
  { word: '国庆节', month: 10, day: 1 }, // 国庆节前
  { word: '国庆', month: 10, day: 1 }, // 国庆前
];

/** Lunar holidays computed from the Spring Festival table: days after 正月初一. */
export const LUNAR_HOLIDAYS: readonly { readonly word: string; readonly offset: number }[] = [
  { word: '春节', offset: 0 }, // 春节前 → 正月初一
  { word: '元宵节', offset: 14 }, // 元宵节前 → 正月十五
  { word: '元宵', offset: 14 }, // 元宵前
];

/**
 * Lunar (or solar-term) holidays the core does not compute: a deadline written with them is reported as
 * needing a date instead of being dropped.
 */
export const UNSUPPORTED_HOLIDAYS: readonly string[] = [
  '端午节', // 端午节前 (五月初五)
  '端午', // 端午前
  '中秋节', // 中秋节前 (八月十五)
  '中秋', // 中秋前
  '重阳节', // 重阳节前 (九月初九)
  '七夕', // 七夕前
  '腊八', // 腊八前
  '小年', // 小年前
  '除夕', // 除夕前 (the eve of the next lunar year)
  '清明节', // 清明节前 (a solar term: 04-04 or 04-05)
  '清明', // 清明前
];

/** Tails after an explicit `YYYY年` that mean that year's end (`2024年底前`, `2024年度内`). Longest first. */
export const YEAR_TAILS: readonly string[] = [
  '度内', // 2024年度内
  '底', // 2024年底前
  '末', // 2024年末
  '终', // 2024年终
  '内', // 2024年内
  '度', // 2024年度
];

/** Words right after a number that make it a date, time or duration, never a value (`2024年`, `6月`, `3天`). */
export const DATE_AFTER_NUMBER: readonly string[] = [
  '年', // 2024年 · 三年行动
  '月', // 6月底
  '日', // 15日
  '号', // 15号
  '季度', // 1季度
  '时', // 8时
  '点', // 8点 (个百分点 is a unit and read first)
  '天', // 3天内
  '周', // 2周
  '届', // 第3届
  '世纪', // 21世纪
  '分钟', // 10分钟
  '小时', // 24小时
];

/** Words after the classifier 个 that make a duration, not a count (`3个月`, `5个工作日`). */
export const DURATION_AFTER_GE: readonly string[] = [
  '月', // 3个月内
  '工作日', // 5个工作日
  '小时', // 24个小时
  '季度', // 两个季度
  '年度', // 两个年度
  '星期', // 两个星期
];

/** The first lunar month, before a day number (`正月十五`, `正月初八`). */
export const LUNAR_FIRST_MONTH = '正月'; // 正月十五前
