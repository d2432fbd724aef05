/**
 * Every user-visible string of the task pane and the ribbon commands, in zh-CN (the default) and en-US.
 * Placeholders are `{name}`, filled by `t()` in `i18n.ts`.
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
  errorTitle: { zh: '读取失败', en: 'Could not read the table' },
  errorSheetNotFound: {
    zh: '找不到工作表“{sheet}”。它可能刚被重命名或删除，请重新选择工作表后重试。',
    en: 'Sheet “{sheet}” was not found. It may have been renamed or deleted; select the sheet again and retry.',
  },
  errorCellEdit: {
    zh: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再重试。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  errorHost: {
    zh: 'Excel 未能完成读取（错误代码 {code}）：{detail}',
    en: 'Excel could not finish reading (error code {code}): {detail}',
  },
  errorNoHost: {
    zh: '督办助手没有在 Excel 中运行，无法读取表格。请在 Excel 的“开始”选项卡中点击“打开督办助手”。',
    en: 'Duban is not running inside Excel, so there is no table to read. Open it from Excel’s Home tab (打开督办助手 / Open Duban).',
  },
  errorUnexpected: {
    zh: '发生了意外错误：{detail}',
    en: 'An unexpected error occurred: {detail}',
  },
  notInOffice: {
    zh: '当前页面不在 Excel 中打开，读取功能不可用。',
    en: 'This page is not open inside Excel; reading is unavailable.',
  },
  commandScoreTitle: { zh: '评分', en: 'Score' },
  commandClearTitle: { zh: '清除标注', en: 'Clear highlights' },
  commandRead: {
    zh: '已读取工作表“{sheet}”：表头在第{row}行，共 {count} 行任务。',
    en: 'Read sheet “{sheet}”: header on row {row}, {count} task rows.',
  },
  commandScoreLater: {
    zh: '评分功能将在下一版本中提供。',
    en: 'Scoring arrives in the next version.',
  },
  commandNothingToClear: {
    zh: '工作簿中没有督办助手添加的标注，无需清除。',
    en: 'The workbook has no Duban highlights to clear.',
  },
  close: { zh: '关闭', en: 'Close' },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** A key of the string table. */
export type StringKey = keyof typeof STRINGS;
