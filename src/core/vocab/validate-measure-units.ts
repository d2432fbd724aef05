/**
 * Units of measure (计量单位) the validator can convert between, for comparing a target's unit with its
 * actual's (`万元` vs `亿元`: convertible; `人` vs `元`: not). Each unit names its base and how many base units
 * one of it is. Units with the same base convert; different bases never do.
 *
 * Looked up on the compact key (NFKC, no whitespace). A unit not listed here but written as `万`/`亿` + a
 * listed unit (`万辆`, `亿千瓦时`) is scaled by the prefix (see `MEASURE_PREFIXES`).
 */

/** How one unit relates to its base. */
export interface MeasureUnit {
  readonly base: string;
  readonly factor: number;
}

/** The units. Each comment shows how it is written in a target or header. */
export const MEASURE_UNITS: Readonly<Record<string, MeasureUnit>> = {
  // ── money ──
  元: { base: '元', factor: 1 }, // 人均可支配收入4.5万元 → 元 after scaling
  千元: { base: '元', factor: 1e3 }, // 金额(千元)
  万元: { base: '元', factor: 1e4 }, // 完成值(万元) · 20万元
  亿元: { base: '元', factor: 1e8 }, // 完成投资200亿元
  万亿元: { base: '元', factor: 1e12 }, // 1.2万亿元
  // ── people ──
  人: { base: '人', factor: 1 }, // 新增城镇就业7200人
  名: { base: '人', factor: 1 }, // 博士20名
  万人: { base: '人', factor: 1e4 }, // 接待游客1200万人
  人次: { base: '人次', factor: 1 }, // 培训3000人次
  万人次: { base: '人次', factor: 1e4 }, // 接待游客500万人次
  // ── weight ──
  吨: { base: '吨', factor: 1 }, // 粮食总产23万吨
  万吨: { base: '吨', factor: 1e4 }, // 23万吨
  千克: { base: '吨', factor: 1e-3 }, // 500千克
  公斤: { base: '吨', factor: 1e-3 }, // 500公斤
  // ── area ──
  平方米: { base: '平方米', factor: 1 }, // 建筑面积65.6万平方米
  万平方米: { base: '平方米', factor: 1e4 }, // 65.6万平方米
  平方公里: { base: '平方米', factor: 1e6 }, // 规划面积3平方公里
  公顷: { base: '平方米', factor: 1e4 }, // 造林100公顷
  亩: { base: '平方米', factor: 10_000 / 15 }, // 储备土地1017亩 (15 亩 = 1 公顷)
  万亩: { base: '平方米', factor: 1e8 / 15 }, // 粮食播种面积19万亩
  // ── length ──
  米: { base: '米', factor: 1 }, // 道路500米
  公里: { base: '米', factor: 1e3 }, // 新改建“四好农村路”40公里
  千米: { base: '米', factor: 1e3 }, // 40千米
  // ── energy and power ──
  千瓦: { base: '瓦', factor: 1e3 }, // 装机容量(千瓦)
  万千瓦: { base: '瓦', factor: 1e7 }, // 新增光伏装机10万千瓦
  千瓦时: { base: '瓦时', factor: 1e3 }, // 用电量(千瓦时)
  万千瓦时: { base: '瓦时', factor: 1e7 }, // 发电量500万千瓦时
  亿千瓦时: { base: '瓦时', factor: 1e11 }, // 全社会用电量20亿千瓦时
  吨标准煤: { base: '吨标准煤', factor: 1 }, // 能耗(吨标准煤)
  万吨标准煤: { base: '吨标准煤', factor: 1e4 }, // 能耗总量120万吨标准煤
  // ── ratios ──
  '%': { base: '%', factor: 1 }, // 增长8% · 完成目标(%)
  '‰': { base: '%', factor: 0.1 }, // 人口自然增长率3‰
  // ── counts: each word counts a different thing, so none converts into another ──
  个: { base: '个', factor: 1 }, // 重点项目120个
  家: { base: '家', factor: 1 }, // 科技平台10家
  项: { base: '项', factor: 1 }, // 科技项目30项
  所: { base: '所', factor: 1 }, // 幼儿园4所
  套: { base: '套', factor: 1 }, // 保障性住房300套
  户: { base: '户', factor: 1 }, // 改造500户
  万户: { base: '户', factor: 1e4 }, // 惠及1.2万户
  场次: { base: '场次', factor: 1 }, // 招聘会20场次
  场: { base: '场', factor: 1 }, // 活动10场
  次: { base: '次', factor: 1 }, // 督查4次
  件: { base: '件', factor: 1 }, // 民生实事10件
  辆: { base: '辆', factor: 1 }, // 新能源公交车50辆
  台: { base: '台', factor: 1 }, // 设备100台
  座: { base: '座', factor: 1 }, // 桥梁3座
  处: { base: '处', factor: 1 }, // 易涝点12处
  条: { base: '条', factor: 1 }, // 道路2条
  村: { base: '村', factor: 1 }, // 和美乡村5村
  栋: { base: '栋', factor: 1 }, // 楼宇3栋
  张: { base: '张', factor: 1 }, // 床位300张
  批: { base: '批', factor: 1 }, // 项目2批
};

/** Scale prefixes written before a listed unit that has no entry of its own: `万辆` = 10000 辆. */
export const MEASURE_PREFIXES: readonly { readonly prefix: string; readonly factor: number }[] = [
  { prefix: '万亿', factor: 1e12 }, // 万亿元 (when not listed)
  { prefix: '亿', factor: 1e8 }, // 亿千瓦时
  { prefix: '万', factor: 1e4 }, // 万辆 · 万台
  { prefix: '千', factor: 1e3 }, // 千辆
];
