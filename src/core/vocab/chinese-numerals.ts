/**
 * Chinese numerals in target texts (`3所以上` has Arabic digits, but `两个`, `十个`, `三十五家`, `一百二十人`
 * do not), and the many fixed phrases that merely contain a numeral and are names, not quantities
 * (`十大工程`, `一网通办`, `三大攻坚战`, `一批`). Matched on NFKC text.
 */

/** Digit characters and their values. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, // 一千零五
  〇: 0, // 一〇五 (rare in counts)
  一: 1, // 一百二十
  壹: 1, // financial form
  二: 2, // 二十
  贰: 2, // financial form
  两: 2, // 两个
  三: 3, // 三十五家
  叁: 3, // financial form
  四: 4, // 四个
  肆: 4, // financial form
  五: 5, // 五所
  伍: 5, // financial form
  六: 6, // 六项
  陆: 6, // financial form
  七: 7, // 七个
  柒: 7, // financial form
  八: 8, // 八家
  捌: 8, // financial form
  九: 9, // 九条
  玖: 9, // financial form
};

/** Multipliers inside a section (below 万). `十` may stand alone (`十个` = 10). */
export const CHINESE_MULTIPLIERS: Readonly<Record<string, number>> = {
  十: 10, // 十个 · 三十五
  拾: 10, // financial form
  百: 100, // 一百二十
  佰: 100, // financial form
  千: 1000, // 三千
  仟: 1000, // financial form
};

/** Section scales. */
export const CHINESE_SCALES: Readonly<Record<string, number>> = {
  万: 10_000, // 三万 · 十五万亩
  亿: 100_000_000, // 两亿元
};

/**
 * Fixed phrases containing a numeral that are names or ordinary words, never quantities. Where one of
 * these covers a numeral, the numeral is skipped (`10个一件事场景` → 10 个, not also 1 件). Phrases that
 * start with a bare 百 / 千 / 万 (`千方百计`, `千家万户`, `万人`) need no entry: those never start a number.
 */
export const NUMERAL_WORDS: readonly string[] = [
  '一件事', // “高效办成一件事” · 10个一件事场景
  '一类事', // 集成“一类事”
  '一张图', // 城管一张图
  '一张网', // 一张网
  '一网通办', // 政务服务一网通办
  '一网统管', // 城市运行一网统管
  '一批', // 谋划储备一批重点项目
  '一些', // 一些
  '一系列', // 一系列
  '一体化', // 一体化推进
  '一体', // 一体
  '一站式', // 一站式服务
  '一老一小', // “一老一小”服务
  '一刻钟', // 一刻钟便民生活圈
  '一揽子', // 一揽子政策
  '一把手', // 一把手
  '一盘棋', // 全区一盘棋
  '一线', // 一线
  '一流', // 一流
  '一般', // 一般公共预算收入
  '一律', // 一律
  '一致', // 一致
  '一起', // 一起
  '一道', // 一道
  '一直', // 一直
  '一定', // 一定
  '一次性', // 一次性告知
  '一屏', // 一屏统揽
  '一带一路', // 一带一路
  '一事一议', // 一事一议
  '一村一品', // 一村一品
  '一企一策', // 一企一策
  '一户一策', // 一户一策
  '一人一档', // 一人一档
  '一个个', // 一个个项目
  '进一步', // 进一步提高
  '统一', // 统一部署
  '唯一', // 唯一
  '之一', // 之一
  '逐一', // 逐一销号
  '单一', // 单一
  '同一', // 同一
  '万一', // 万一
  '四面八方', // 四面八方
  '三令五申', // 三令五申
];

/**
 * Nouns that turn a preceding count into a rhetorical set rather than a target (`三个关键`,
 * `4项机制`, `七个联动`, `两个维护`): the count restates a named list, nobody reports an actual for it.
 */
export const RHETORICAL_COUNT_NOUNS: readonly string[] = [
  '关键', // 抓牢聚才、引才、留才三个关键
  '机制', // 落实项目推进4项机制
  '联动', // 七个联动督查工作机制
  '制度', // 两项制度
  '方面', // 三个方面
  '环节', // 四个环节
  '原则', // 三项原则
  '意识', // 四个意识
  '自信', // 四个自信
  '维护', // 两个维护
  '确立', // 两个确立
  '务必', // 两个务必
  '代表', // 三个代表
  '坚持', // 五个坚持
  '必须', // 五个必须
  '体系', // 三大体系
];

/**
 * Characters that, right after a numeral, make it part of a name (`十大工程`, `三大攻坚战`, `四新经济`,
 * `四好农村路`, `一网通办`, `三区`, `三年行动`). None of them is a unit, so such numerals are never read as
 * values; the list documents why, and is checked before units.
 */
export const NAME_SUFFIX_CHARS: readonly string[] = [
  '大', // 十大工程 · 三大攻坚战 · 6大特色产业
  '类', // 三类
  '化', // 一化
  '型', // 四型机关
  '新', // “四新”经济
  '好', // “四好农村路”
  '网', // 一网通办
  '区', // 三区
  '年', // 三年行动 · 2024年 (years are never values)
  '星', // 五星级
  '级', // 4A级 · 三级
  '维', // 三维
  '线', // 三线
  '期', // 二期
  '院', // 中医二院
];

/** Characters before a numeral that make it an ordinal or part of a word: `第一季度`, `首批`. */
export const NUMERAL_BLOCKING_PREFIXES: readonly string[] = [
  '第', // 第一季度 · 第3名
  '初', // 正月初八 (a date)
  '星期', // 星期一
  '周', // 周一
];

/**
 * Enumeration words after a Chinese numeral that start a numbered item inside a cell: `一是…，二是…`.
 * (Arabic and circled item numbers — `1.`, `（1）`, `①` — are punctuation, handled by the splitter.)
 */
export const ENUMERATION_SUFFIXES: readonly string[] = [
  '是', // 一是加快…，二是推进…
];
