import type { CatalogPart } from './catalog-entry.ts';

/** Findings raised by the breakdown stage. Each key is a stable finding code. */
export const breakdownFindings = {
  duplicate_sentence: {
    severity: 'info',
    zh: '{cell}：任务 {serial} 的目标中重复出现“{sentence}”，已只计一次',
    en: '{cell}: the target of task {serial} repeats "{sentence}"; it is counted once',
    fixZh: '删除重复的句子，或核实是否本应写入另一项内容',
    fixEn: 'Delete the repeated sentence, or check whether something else was meant there',
  },
  deadline_needs_date: {
    severity: 'warning',
    zh: '{cell}：时限“{deadline}”（{id}）无法换算为具体日期',
    en: '{cell}: the deadline "{deadline}" ({id}) cannot be turned into a date',
    fixZh: '在设置中填写计划年度，或把时限写成具体日期（如 2024年6月30日）',
    fixEn: 'Set the plan year in the settings, or write the deadline as a date (e.g. 2024-06-30)',
  },
  deadline_unreadable: {
    severity: 'warning',
    zh: '{cell}：完成时限“{value}”不是可识别的日期',
    en: '{cell}: the deadline "{value}" is not a recognisable date',
    fixZh: '写成日期（2024年6月30日、2024-06-30）或时段（6月底前、上半年、年底前）',
    fixEn: 'Write a date (2024-06-30) or a period such as 6月底前 (end of June), 上半年 (first half), 年底前',
  },
  value_unreadable: {
    severity: 'warning',
    zh: '{cell}：任务 {serial} 中的数值“{text}”无法识别',
    en: '{cell}: the value "{text}" in task {serial} cannot be read',
    fixZh: '改写为明确的数字和单位，如“200亿元”“8%”',
    fixEn: 'Rewrite it as a plain number with its unit, e.g. 200亿元 or 8%',
  },
  comparator_ambiguous: {
    severity: 'warning',
    zh: '{cell}：任务 {serial} 中“{text}”同时含有相互矛盾的比较词',
    en: '{cell}: "{text}" in task {serial} has comparator words that contradict each other',
    fixZh: '只保留一种表述，如“以上”“以下”或“左右”',
    fixEn: 'Keep one comparison only, such as 以上 (at least), 以下 (at most) or 左右 (about)',
  },
} as const satisfies CatalogPart;
