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
  read: {
    zh: '已读取工作表“{sheet}”：表头在第{row}行，共 {count} 行任务。',
    en: 'Read sheet “{sheet}”: header on row {row}, {count} task rows.',
  },
  scoreLater: { zh: '评分功能将在下一版本中提供。', en: 'Scoring arrives in the next version.' },
  nothingToClear: {
    zh: '工作簿中没有督办助手添加的标注，无需清除。',
    en: 'The workbook has no Duban highlights to clear.',
  },
  noTable: {
    zh: '工作表“{sheet}”中没有找到含有 序号、责任单位、目标任务、责任人 等列的表头。请切换到分解表所在的工作表后重试。',
    en: 'Sheet “{sheet}” has no header with columns such as 序号 (No.), 责任单位 (unit), 目标任务 (target) or 责任人 (owner). Switch to the sheet with the responsibility table and try again.',
  },
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
