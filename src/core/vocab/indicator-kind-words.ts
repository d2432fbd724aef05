/**
 * Words that decide an indicator's kind when the wording, not the number, carries it: keep-level phrases
 * without a number (`保持稳定`), relative targets (`不低于全市平均`, `与经济增长基本同步`), and the words
 * trimmed from a metric phrase (`力争`, `年内`, `均`). Comparator words that also set the kind (`控制在` →
 * lower is better, `稳定在` → keep level) live in `comparator-words.ts`; rate units in `measure-units.ts`.
 * Matched on NFKC text.
 */
import type { Comparator } from '../breakdown-model.ts';

/** Phrases that ask to keep a level without giving a number: kind `keep_level`, comparator `>=`. */
export const KEEP_LEVEL_PHRASES: readonly string[] = [
  '不低于上年水平', // 粮食产量不低于上年水平
  '不低于上年', // 不低于上年
  '不低于去年', // 不低于去年
  '稳定在上年水平', // 稳定在上年水平
  '保持上年水平', // 保持上年水平
  '保持稳定', // 粮食种植面积、总产保持稳定
  '保持平稳', // 物价保持平稳
  '总体稳定', // 就业局势总体稳定
  '只增不减', // 投入只增不减
  '稳中有升', // 稳中有升
];

/** Comparisons against a benchmark written as words (`不低于全市平均`): kind `relative`, value null. */
export const RELATIVE_COMPARATORS: readonly { readonly word: string; readonly comparator: Comparator }[] = [
  { word: '不低于', comparator: '>=' }, // 不低于全市平均
  { word: '不少于', comparator: '>=' }, // 不少于全省平均
  { word: '高于', comparator: '>=' }, // 高于全省平均
  { word: '快于', comparator: '>=' }, // 增速快于全市
  { word: '优于', comparator: '>=' }, // 优于全市平均水平
  { word: '好于', comparator: '>=' }, // 好于全省平均
  { word: '不高于', comparator: '<=' }, // 不高于全市平均
  { word: '低于', comparator: '<=' }, // 低于全省平均
  { word: '持平于', comparator: '~' }, // 持平于全市平均
];

/** Benchmarks after a relative comparator. Longest first where one is a prefix of another. */
export const RELATIVE_BENCHMARKS: readonly string[] = [
  '全国平均', // 高于全国平均
  '全省平均', // 高于全省平均
  '全市平均', // 不低于全市平均
  '全区平均', // 不低于全区平均
  '全县平均', // 不低于全县平均
  '平均水平', // 高于平均水平
  '全国', // 增速快于全国
  '全省', // 增速快于全省
  '全市', // 增速快于全市
  '全区', // 增速快于全区
  '全县', // 增速快于全县
  '同级', // 不低于同级
];

/** `与…同步`: a growth that must keep pace with another (`与经济增长基本同步`): comparator `~`. */
export const SYNC_WORDS: { readonly open: string; readonly close: readonly string[] } = {
  open: '与', // 与经济增长基本同步
  close: ['基本同步', '保持同步', '同步'], // …基本同步 · …同步
};

/**
 * Words trimmed from the start of a metric phrase: stance words and period words that say nothing about
 * what is measured (`力争强村公司达到60家` → metric `强村公司`; `年内新增城镇就业7200人以上` → `新增城镇就业`).
 * Deadline phrases at the start (`6月底前`) are trimmed too. Verbs (完成, 新增, 实现) stay.
 */
export const METRIC_LEADING_FILLER: readonly string[] = [
  '力争', // 力争外贸进出口额突破88亿元
  '确保', // 确保储备库项目动态保持300个以上
  '争取', // 争取市级以上科技项目30项
  '努力', // 努力实现…
  '力求', // 力求…
  '预计', // 预计…
  '计划', // 计划完成…
  '其中', // 其中…
  '年内', // 年内新增城镇就业7200人以上
  '全年', // 全年不良贷款率控制在0.9%以下
  '年末', // 年末各项贷款余额新增200亿元以上
  '年底前', // 年底前完成…
  '年底', // 年底…
  '今年', // 今年…
  '当年', // 当年…
  '年度', // 年度完成投资267亿元以上
];

/** The word that distributes values over listed metrics (`A、B分别突破190家、240家`). */
export const DISTRIBUTIVE_WORD = '分别'; // 国家高新技术企业、科技型中小企业分别突破190家、240家

/** Separators between listed items, and after a quantity that starts the next one. Longest first. */
export const LIST_SEPARATOR_WORDS: readonly string[] = [
  '以及', // 完成A 5个以及B 3个
  '、', // 改造老旧小区82个、建筑面积65.6万平方米
  '和', // 岗位240人和农村岗位800人
  '及', // 5个及B 3个 (及以上 is a comparator word and read first)
  '与', // A与B分别…
];

/** Words in a wide table's indicator-group name that make it lower-is-better (`不良贷款率控制`). */
export const GROUP_LOWER_HINTS: readonly string[] = [
  '控制', // 不良贷款率控制 · 能耗控制
];

/** Adverbs trimmed from the end of a metric phrase, before the value (`开工率、纳统率均达到100%`). */
export const METRIC_TRAILING_WORDS: readonly string[] = [
  '均', // 开工率、纳统率均达到100%
  '都', // 都达到
  '分别', // 分别达到 (when not distributed)
  '全部', // 全部达到
  '各', // 各达到
  '共', // 共完成
];
