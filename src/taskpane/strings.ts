/**
 * Every user-visible string of the task pane, in zh-CN (the default) and en-US. Placeholders are `{name}`,
 * filled by `t()` in `i18n.ts`. Host error texts, shared with the ribbon commands, are in
 * `src/excel/host-text.ts`; the commands' own texts in `src/commands/command-strings.ts`.
 */
import type { Lang } from '../core/findings.ts';

/** The string table: key → text per language. */
export const STRINGS = {
  appTitle: { zh: '督办助手', en: 'Duban' },
  appSubtitle: { zh: '重点工作任务分解表', en: 'Key-task responsibility tables' },
  readTable: { zh: '读取表格', en: 'Read table' },
  reading: { zh: '正在读取当前工作表…', en: 'Reading the active sheet…' },
  sheetLabel: { zh: '工作表', en: 'Sheet' },
  headerRowLabel: { zh: '表头', en: 'Header row' },
  rowNumber: { zh: '第{row}行', en: 'Row {row}' },
  columnsLabel: { zh: '识别的列', en: 'Columns found' },
  columnsSeparator: { zh: '、', en: ', ' },
  rowCountLabel: { zh: '任务行数', en: 'Task rows' },
  rowCount: { zh: '{count} 行', en: '{count} rows' },
  quoted: { zh: '“{text}”', en: '“{text}”' },
  noTableTitle: { zh: '没有找到表头', en: 'No table header found' },
  noTableBody: {
    zh: '工作表“{sheet}”中没有找到含有 序号、责任单位、目标任务、责任人 等列的表头。请切换到分解表所在的工作表后重试。',
    en: 'Sheet “{sheet}” has no header with columns such as 序号 (No.), 责任单位 (unit), 目标任务 (target) or 责任人 (owner). Switch to the sheet with the responsibility table and try again.',
  },
  notInOffice: {
    zh: '当前页面不在 Excel 中打开，读取功能不可用。',
    en: 'This page is not open inside Excel; reading is unavailable.',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** A key of the string table. */
export type StringKey = keyof typeof STRINGS;
