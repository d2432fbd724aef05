/**
 * Units of measure read after a number in a target text (`7200人`, `40公里`, `1.5亿元`), and the scale words
 * that may stand between the number and the unit (`19万亩`, `200亿元`, `10万千瓦`).
 *
 * Matching is on NFKC text (`％` → `%`, `㎡` → `m2`) and longest first, so `人次` wins over `人`, `千瓦时`
 * over `千瓦`, `个百分点` over `个`. A scale word is tried only when no unit starts at that position, so
 * `千瓦` stays a unit and `3千人` reads as 3000 人.
 *
 * Units are kept as written except where two spellings mean the same thing (`canonical`); values are never
 * converted between different units (`名` stays `名`, not `人`).
 */

/** One unit spelling and the canonical unit it stands for. */
export interface MeasureUnit {
  readonly word: string;
  readonly canonical: string;
}

/** Units of measure (base units, no scale word). */
export const MEASURE_UNITS: readonly MeasureUnit[] = [
  { word: '%', canonical: '%' }, // 增长8% · ％ after NFKC
  { word: '‰', canonical: '‰' }, // 千分比: 人口自然增长率3‰
  { word: '个百分点', canonical: '个百分点' }, // 提高0.5个百分点
  { word: '百分点', canonical: '个百分点' }, // 提高2百分点 (个 omitted)
  { word: '元', canonical: '元' }, // 200亿元 (with scale 亿), 5000元
  { word: '人次', canonical: '人次' }, // 培训3000人次
  { word: '人', canonical: '人' }, // 新增城镇就业7200人
  { word: '名', canonical: '名' }, // 博士20名以上
  { word: '位', canonical: '位' }, // 引进专家5位
  { word: '家', canonical: '家' }, // 科技平台10家
  { word: '个', canonical: '个' }, // 重点建设项目120个
  { word: '所', canonical: '所' }, // 完成4所幼儿园建设
  { word: '项', canonical: '项' }, // 科技项目30项
  { word: '亩', canonical: '亩' }, // 储备土地1017亩 · 19万亩
  { word: '公顷', canonical: '公顷' }, // 造林100公顷
  { word: '平方公里', canonical: '平方公里' }, // 治理水土流失5平方公里
  { word: '公里', canonical: '公里' }, // 新改建“四好农村路”40公里
  { word: '千米', canonical: '公里' }, // 40千米 = 40公里
  { word: 'km', canonical: '公里' }, // 40km
  { word: '平方米', canonical: '平方米' }, // 建筑面积65.6万平方米
  { word: 'm2', canonical: '平方米' }, // 65.6万㎡ / 65.6万m² (NFKC turns both into m2)
  { word: '立方米', canonical: '立方米' }, // 清淤10万立方米
  { word: '米', canonical: '米' }, // 护岸800米
  { word: '吨', canonical: '吨' }, // 稳定在23万吨
  { word: '千克', canonical: '千克' }, // 千克
  { word: '公斤', canonical: '公斤' }, // 公斤
  { word: '台套', canonical: '台套' }, // 工业机器人50台套
  { word: '套', canonical: '套' }, // 保障性住房500套
  { word: '户次', canonical: '户次' }, // 走访1000户次
  { word: '户', canonical: '户' }, // 改造农村危房30户
  { word: '场次', canonical: '场次' }, // 举办招聘会20场次
  { word: '场', canonical: '场' }, // 举办活动12场
  { word: '次', canonical: '次' }, // 开展督查4次
  { word: '处', canonical: '处' }, // 整治易涝点6处
  { word: '起', canonical: '起' }, // 较大安全事故不超过1起 (一起 'together' is a numeral word)
  { word: '条', canonical: '条' }, // 补齐2条区管道路路灯
  { word: '座', canonical: '座' }, // 新建公厕10座
  { word: '台', canonical: '台' }, // 更新设备20台
  { word: '辆', canonical: '辆' }, // 新能源公交车30辆
  { word: '件', canonical: '件' }, // 办好10件民生实事
  { word: '千瓦时', canonical: '千瓦时' }, // 发电量1亿千瓦时
  { word: '千瓦', canonical: '千瓦' }, // 光伏装机10万千瓦
  { word: '兆瓦', canonical: '兆瓦' }, // 储能100兆瓦
  { word: '间', canonical: '间' }, // 改造厕所500间
  { word: '张', canonical: '张' }, // 发放证书500张
  { word: '栋', canonical: '栋' }, // 建成安置楼12栋
  { word: '幢', canonical: '幢' }, // 12幢
  { word: '株', canonical: '株' }, // 植树10万株
  { word: '棵', canonical: '棵' }, // 10万棵
  { word: '头', canonical: '头' }, // 生猪出栏10万头
  { word: '只', canonical: '只' }, // 家禽100万只
  { word: '盏', canonical: '盏' }, // 安装路灯200盏
  { word: '宗', canonical: '宗' }, // 处置闲置土地5宗
  { word: '艘', canonical: '艘' }, // 艘
  { word: '架', canonical: '架' }, // 无人机10架
  { word: '标箱', canonical: '标箱' }, // 集装箱吞吐量10万标箱
  { word: '篇', canonical: '篇' }, // 发表论文20篇
  { word: '种', canonical: '种' }, // 新增认证产品3种
  { word: '例', canonical: '例' }, // 完成筛查1000例
  { word: '份', canonical: '份' }, // 发放问卷5000份
  { word: '倍', canonical: '倍' }, // 增长1倍
];

/**
 * Scale words between a number and its unit; the value is multiplied out (`1.5亿元` → 150000000 元).
 * Longest first: `万亿` before `亿` and `万`.
 */
export const SCALE_WORDS: readonly { readonly word: string; readonly exponent: number }[] = [
  { word: '万亿', exponent: 12 }, // 2万亿元
  { word: '亿', exponent: 8 }, // 200亿元 · 1.5亿元
  { word: '万', exponent: 4 }, // 19万亩 · 23万吨 · 65.6万平方米
  { word: '千', exponent: 3 }, // 3千人
  { word: '百', exponent: 2 }, // 5百亩 (rare; 百 alone is never a number)
];

/** Written before a number to make it a percentage (`百分之九十五` → 95 %). */
export const PERCENT_PREFIX = '百分之'; // 百分之九十五 · 百分之百

/** Units whose indicators are rates or ratios: compared directly, never against time progress. */
export const RATE_UNITS: readonly string[] = [
  '%', // 增长8% · 占比达到95% · 开工率100%
  '‰', // 千分比
  '个百分点', // 提高0.5个百分点
  '倍', // 增长1倍
];
