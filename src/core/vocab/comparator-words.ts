/**
 * Words that say how a number in a target is to be compared: written right before the number
 * (`突破88亿元`, `控制在0.9%以下`) or right after it (`5.5%以上`, `8%左右`), plus range separators
 * (`4.5%至5%`). Matched on NFKC text, longest first.
 *
 * A number with no such word reads as `=` — the usual wording of plain targets (`完成投资200亿元`,
 * `实现企业上市1家`, `新增技能人才2700人`); verbs like 完成 / 实现 / 新增 therefore stay in the metric.
 *
 * `strength`: a `strong` word fixes the comparator (`不低于`, `突破`, `约`); a `weak` word only frames the
 * number (`达到`, `控制在`, `稳定在`) and gives way to a word after the number (`控制在3%左右` → `~`).
 * A strong word before and a different word after (`不低于5%以下`) is ambiguous and reported.
 * `kind` marks words that decide the indicator kind: `lower` (lower is better) or `keep` (keep a level).
 */
import type { Comparator } from '../breakdown-model.ts';

/** A comparator word and what it means. */
export interface ComparatorWord {
  readonly word: string;
  readonly comparator: Comparator;
  readonly strength: 'strong' | 'weak';
  readonly kind?: 'lower' | 'keep';
  /** The word is not a comparator when one of these follows it (`10家上下游企业`). */
  readonly notBefore?: readonly string[];
}

/** Words written right before the number. */
export const PRE_COMPARATOR_WORDS: readonly ComparatorWord[] = [
  { word: '不低于', comparator: '>=', strength: 'strong' }, // 不低于90%
  { word: '不少于', comparator: '>=', strength: 'strong' }, // 不少于50家
  { word: '不小于', comparator: '>=', strength: 'strong' }, // 不小于3公里
  { word: '至少', comparator: '>=', strength: 'strong' }, // 至少3所
  { word: '突破', comparator: '>=', strength: 'strong' }, // 外贸进出口额突破88亿元
  { word: '超过', comparator: '>=', strength: 'strong' }, // 上半年项目开工率超过80%
  { word: '高于', comparator: '>=', strength: 'strong' }, // 高于5%
  { word: '大于', comparator: '>=', strength: 'strong' }, // 大于5%
  { word: '多于', comparator: '>=', strength: 'strong' }, // 多于10家
  { word: '超', comparator: '>=', strength: 'strong' }, // 超200亿元
  { word: '逾', comparator: '>=', strength: 'strong' }, // 逾200家
  { word: '达到', comparator: '>=', strength: 'weak' }, // 占比达到95%以上 · 强村公司达到60家
  { word: '达', comparator: '>=', strength: 'weak' }, // 覆盖率达95%
  { word: '过', comparator: '>=', strength: 'weak' }, // 集体经济收入过20万元村 · 引进过10亿元项目
  { word: '不超过', comparator: '<=', strength: 'strong', kind: 'lower' }, // 不超过5%
  { word: '不高于', comparator: '<=', strength: 'strong', kind: 'lower' }, // 不高于3.5%
  { word: '不多于', comparator: '<=', strength: 'strong', kind: 'lower' }, // 不多于2起
  { word: '不大于', comparator: '<=', strength: 'strong', kind: 'lower' }, // 不大于1%
  { word: '低于', comparator: '<=', strength: 'strong', kind: 'lower' }, // 低于1.5%
  { word: '少于', comparator: '<=', strength: 'strong', kind: 'lower' }, // 少于3次
  { word: '小于', comparator: '<=', strength: 'strong', kind: 'lower' }, // 小于0.5%
  { word: '控制在', comparator: '<=', strength: 'weak', kind: 'lower' }, // 不良贷款率控制在0.9%以下
  { word: '控制到', comparator: '<=', strength: 'weak', kind: 'lower' }, // 控制到3%以内
  { word: '控制为', comparator: '<=', strength: 'weak', kind: 'lower' }, // 控制为3%
  { word: '下降到', comparator: '<=', strength: 'weak', kind: 'lower' }, // 下降到3%以内
  { word: '下降至', comparator: '<=', strength: 'weak', kind: 'lower' }, // 下降至3%
  { word: '降低到', comparator: '<=', strength: 'weak', kind: 'lower' }, // 降低到1.2%
  { word: '降低至', comparator: '<=', strength: 'weak', kind: 'lower' }, // 降低至1.2%
  { word: '降到', comparator: '<=', strength: 'weak', kind: 'lower' }, // 降到2%
  { word: '降至', comparator: '<=', strength: 'weak', kind: 'lower' }, // 降至2%
  { word: '压减到', comparator: '<=', strength: 'weak', kind: 'lower' }, // 压减到10万吨
  { word: '压减至', comparator: '<=', strength: 'weak', kind: 'lower' }, // 压减至10万吨
  { word: '减少到', comparator: '<=', strength: 'weak', kind: 'lower' }, // 减少到5个
  { word: '减少至', comparator: '<=', strength: 'weak', kind: 'lower' }, // 减少至5个
  { word: '约', comparator: '~', strength: 'strong' }, // 总投资约1.5亿元
  { word: '大约', comparator: '~', strength: 'strong' }, // 大约200人
  { word: '接近', comparator: '~', strength: 'strong' }, // 接近80%
  { word: '将近', comparator: '~', strength: 'strong' }, // 将近200人
  { word: '近', comparator: '~', strength: 'strong' }, // 近200家
  { word: '动态保持在', comparator: '>=', strength: 'weak', kind: 'keep' }, // 动态保持在300个以上
  { word: '动态保持', comparator: '>=', strength: 'weak', kind: 'keep' }, // 储备库项目动态保持300个以上
  { word: '稳定在', comparator: '>=', strength: 'weak', kind: 'keep' }, // 粮食总产稳定在23万吨
  { word: '保持在', comparator: '>=', strength: 'weak', kind: 'keep' }, // 保持在95%以上
  { word: '维持在', comparator: '>=', strength: 'weak', kind: 'keep' }, // 维持在90%
  { word: '保持', comparator: '>=', strength: 'weak', kind: 'keep' }, // 保持300个以上
];

/**
 * Words that end like a comparator word but are not one: when the text before a number ends with one of
 * these, the number has no comparator word (`上级下达200亿元` is not `达 200亿元`).
 */
export const NOT_COMPARATOR_WORDS: readonly string[] = [
  '下达', // 上级下达200亿元
  '传达', // 传达3次
  '送达', // 送达文书50份
  '表达', // 表达
  '到达', // 到达
  '通过', // 通过验收 · 宝泰隆通过4A级景区恢复验收
  '经过', // 经过3轮
  '不过', // 不过
  '最近', // 最近3年
  '附近', // 附近
];

/** Words written right after the number and its unit. */
export const POST_COMPARATOR_WORDS: readonly ComparatorWord[] = [
  { word: '及以上', comparator: '>=', strength: 'strong' }, // 5个及以上
  { word: '以上', comparator: '>=', strength: 'strong' }, // 增长5.5%以上 · 3所以上
  { word: '及以下', comparator: '<=', strength: 'strong', kind: 'lower' }, // 1%及以下
  { word: '以下', comparator: '<=', strength: 'strong', kind: 'lower' }, // 控制在0.9%以下
  { word: '以内', comparator: '<=', strength: 'strong', kind: 'lower' }, // 控制在3%以内
  { word: '之内', comparator: '<=', strength: 'strong', kind: 'lower' }, // 3%之内
  { word: '左右', comparator: '~', strength: 'strong' }, // 固定资产投资增长8%左右
  { word: '上下', comparator: '~', strength: 'strong', notBefore: ['游', '级', '班', '楼', '联', '一心'] }, // 5%上下 (not 10家上下游企业)
];

/** Words between a number and its unit meaning "more than" (`200余家`, `20多个`): `>=`. */
export const MORE_THAN_MARKERS: readonly string[] = [
  '余', // 200余家
  '多', // 20多个
];

/** Separators of a range `4.5%至5%` (NFKC: `～` → `~`, `－` → `-`). */
export const RANGE_SEPARATORS: readonly string[] = [
  '至', // 4.5%至5%
  '到', // 4.5%到5%
  '-', // 4.5%-5% · 4.5-5%
  '—', // 4.5%—5%
  '–', // 4.5%–5%
  '~', // 4.5～5% · 4.5~5%
  '〜', // 4.5〜5%
];
