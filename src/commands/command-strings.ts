/**
 * The ribbon commands' user-visible strings, zh-CN (default) and en-US; placeholders `{name}`. Host error
 * texts come from `src/excel/host-text.ts` (shared with the task pane).
 */
import type { Lang } from '../core/findings.ts';
import { fillTemplate } from '../core/text/fill-template.ts';

/** The commands' string table. */
export const COMMAND_STRINGS = {
  scoreTitle: { zh: '评分', en: 'Score' },
  clearTitle: { zh: '清除标注', en: 'Clear highlights' },
  scored: {
    zh: '已对工作表“{sheet}”评分（截至{asOf}）：{count} 项子任务，已完成 {done} 项，序时推进 {onTrack} 项，进展滞后 {lagging} 项，严重滞后 {severe} 项。滞后行已在表中标注，并生成了{sheets}。',
    en: 'Scored sheet “{sheet}” as of {asOf}: {count} sub-tasks — {done} done, {onTrack} on track, {lagging} lagging, {severe} severely lagging. Lagging rows are highlighted in place; {sheets} were written.',
  },
  findingsToCheck: {
    zh: '另有 {count} 条需要核对的问题，详见“校验”工作表。',
    en: '{count} findings need checking; see the 校验 (checks) sheet.',
  },
  cleared: {
    zh: '已清除督办助手添加的内容：{sheets} 个工作表、{columns} 组结果列、{rules} 条条件格式。您自己的内容保持不变。',
    en: 'Removed what Duban added: {sheets} sheet(s), {columns} block(s) of result columns, {rules} conditional format(s). Your own content is unchanged.',
  },
  nothingToClear: {
    zh: '工作簿中没有督办助手添加的标注，无需清除。',
    en: 'The workbook has no Duban highlights to clear.',
  },
  notScored: { zh: '无法评分', en: 'Could not score' },
  resultUnreadableTitle: { zh: '无法显示结果', en: 'Cannot show the result' },
  resultUnreadable: {
    zh: '结果页面的地址不完整，无法显示命令的结果。请重新点击功能区按钮。',
    en: 'The result page’s address is incomplete, so the outcome cannot be shown. Click the ribbon button again.',
  },
  close: { zh: '关闭', en: 'Close' },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** A key of the commands' string table. */
export type CommandStringKey = keyof typeof COMMAND_STRINGS;

/** A command string with `{name}` placeholders filled. */
export function ct(
  lang: Lang,
  key: CommandStringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(COMMAND_STRINGS[key][lang], params);
}
