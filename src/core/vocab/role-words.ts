/**
 * Words that make an owner cell a role or post (`各产业链组长`, `主要负责同志`) rather than a person's
 * name. Compared on the compact key (no spaces, NFKC).
 */

/** A name cell starting with one of these names a group of people or a post, not a person. */
export const ROLE_PREFIXES: readonly string[] = [
  '各', // 各产业链组长 · 各街道主要负责同志
  '相关', // 相关负责人
  '有关', // 有关负责同志
  '分管', // 分管负责同志
  '主要', // 主要负责同志
];

/** A name cell ending with one of these is a post (`张局长` too: a title, not a name). */
export const ROLE_SUFFIXES: readonly string[] = [
  '组长', // 各产业链组长 · 专班组长
  '副组长', // 副组长
  '局长', // 局长 · 副局长
  '主任', // 主任 · 办公室主任
  '书记', // 书记 · 党工委书记
  '负责人', // 负责人 · 主要负责人
  '负责同志', // 主要负责同志 · 分管负责同志
  '领导', // 分管领导 · 主要领导
  '区长', // 区长 · 副区长
  '市长', // 市长 · 副市长
  '县长', // 县长
  '镇长', // 镇长
  '乡长', // 乡长
  '部长', // 部长
  '处长', // 处长
  '科长', // 科长
  '队长', // 队长 · 大队长
  '站长', // 站长
  '所长', // 所长
  '院长', // 院长
  '校长', // 校长
  '经理', // 经理 · 总经理
  '董事长', // 董事长
  '主席', // 主席
  '秘书长', // 秘书长
  '指挥长', // 指挥长
  '专班长', // 专班长
  '社长', // 社长
  '理事长', // 理事长
  '联络员', // 联络员
  '专员', // 专员
  '班子成员', // 班子成员
];

/** A name cell containing one of these anywhere is a role. */
export const ROLE_PARTS: readonly string[] = [
  '负责同志', // 分管负责同志（张三）
  '负责人', // 单位负责人
  '领导班子', // 领导班子
];
