import type { CatalogPart } from './catalog-entry.ts';

/** Findings raised by the table stage. Each key is a stable finding code. */
export const tableFindings = {
  /** No row of the searched range qualifies as a header. Params: sheet, firstRow, lastRow (1-based). */
  table_not_found: {
    severity: 'error',
    zh: '在工作表“{sheet}”的第{firstRow}–{lastRow}行中未找到表头（需要“责任单位”一类的列和“目标任务”一类的列）。',
    en: 'No header row found in rows {firstRow}–{lastRow} of sheet "{sheet}" (a unit column such as 责任单位 and a target column such as 目标任务 are needed).',
    fixZh: '确认表头在前30行内，并含有责任单位和目标任务等列；或手动指定表头行和各列。',
    fixEn:
      'Make sure the header is within the first 30 rows and names a unit and a target column, or choose the header row and columns by hand.',
  },
  /** The header row the user chose has no recognisable column. Params: sheet, row (1-based). */
  header_row_unrecognised: {
    severity: 'error',
    zh: '指定的表头行（工作表“{sheet}”第{row}行）中没有可识别的列名。',
    en: 'The chosen header row (row {row} of sheet "{sheet}") has no recognisable column names.',
    fixZh: '选择包含“序号、责任单位、目标任务、责任人”等列名的行，或为各列手动指定含义。',
    fixEn:
      'Choose the row holding column names such as 序号, 责任单位, 目标任务, 责任人, or assign the columns by hand.',
  },
  /** Two header cells claim the same role; the first is used. Params: roleZh, roleEn, kept, dropped (A1). */
  header_ambiguous: {
    severity: 'warning',
    zh: '有两列都像“{roleZh}”：{kept} 和 {dropped}；已采用 {kept}。',
    en: 'Two columns look like the {roleEn} column: {kept} and {dropped}; {kept} is used.',
    fixZh: '如果应使用另一列，请在列设置中手动指定“{roleZh}”列。',
    fixEn: 'If the other column is meant, choose the {roleEn} column by hand in the column settings.',
  },
  /** A header row repeated inside the table (printed page breaks) was skipped. Params: row (1-based). */
  repeated_header_skipped: {
    severity: 'info',
    zh: '第{row}行重复了表头（分页打印时常见），已跳过。',
    en: 'Row {row} repeats the header (common where a printed table spans pages) and was skipped.',
    fixZh: '无需处理；如需整理表格，可删除该行并改用“打印标题行”。',
    fixEn: 'Nothing to do; to tidy the table, delete the row and use print titles instead.',
  },
  /** A note, signature, date or similar line below or inside the table was skipped. Params: text. */
  footer_skipped: {
    severity: 'info',
    zh: '{cell}“{text}”是表注、落款或日期，不是任务，已跳过。',
    en: '{cell} "{text}" is a note, signature or date, not a task, and was skipped.',
    fixZh: '如果这确实是一项任务，请补全其责任单位和目标任务。',
    fixEn: 'If this really is a task, fill in its unit and target.',
  },
  /** A header was found but no task row below it. Params: sheet, row (1-based header row). */
  table_empty: {
    severity: 'warning',
    zh: '工作表“{sheet}”第{row}行的表头下没有任务行。',
    en: 'There are no task rows below the header in row {row} of sheet "{sheet}".',
    fixZh: '在表头下方填写任务，或检查是否选错了工作表。',
    fixEn: 'Fill in tasks below the header, or check that the right sheet is chosen.',
  },
} as const satisfies CatalogPart;
