/**
 * Words that mark an owner cell as a role or post (岗位) rather than a person's name, for the owner checks of
 * the validate stage. The table reader flags roles it recognises (`Person.isRole`); this table is the
 * validator's own safety net so a post the reader missed is not reported as "not a person's name".
 *
 * Compared on the compact key (NFKC, no whitespace): `各产业链\n组长` is `各产业链组长`.
 */

/**
 * Endings of a role or post. Each is two characters or more on purpose: single characters such as `长`
 * also end real given names (`李长`), two-character titles do not.
 */
export const ROLE_SUFFIXES: readonly string[] = [
  '组长', // 各产业链组长 · 专班组长
  '副组长', // 专班副组长
  '链长', // 产业链链长
  '局长', // 王局长 · 分管副局长
  '主任', // 办公室主任 · 张主任
  '书记', // 党委书记 · 李书记
  '区长', // 分管副区长
  '镇长', // 镇长 · 副镇长
  '乡长', // 乡长
  '县长', // 副县长
  '市长', // 副市长
  '部长', // 宣传部部长
  '科长', // 综合科科长
  '处长', // 处长
  '队长', // 大队长 · 中队队长
  '站长', // 站长
  '所长', // 派出所所长
  '院长', // 医院院长
  '校长', // 校长
  '经理', // 项目经理 · 总经理
  '董事长', // 公司董事长
  '主席', // 工会主席
  '指挥长', // 指挥部指挥长
  '召集人', // 专班召集人
  '负责人', // 主要负责人 · 各街道负责人
  '负责同志', // 主要负责同志
  '领导', // 分管领导 · 主要领导
  '联络员', // 各单位联络员
  '专员', // 专职专员
];

/**
 * Beginnings of a role: `各` addresses every holder of a post at once (`各产业链组长`, `各街道主要负责人`).
 */
export const ROLE_PREFIXES: readonly string[] = [
  '各', // 各产业链组长 · 各镇街主要负责人
];
