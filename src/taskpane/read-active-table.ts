/**
 * The walking skeleton's job, host-independent: active sheet → grid → table → a summary for people.
 * Pure given a port, so the pane, the ribbon commands and the tests (with `MemoryWorkbook`) share it.
 */
import type { Finding } from '../core/findings.ts';
import type { WorkbookPort } from '../core/port/workbook-port.ts';
import { readTable } from '../core/table/read-table.ts';

/** What 读取表格 shows. */
export interface TableSummary {
  /** The sheet that was read (the active one). */
  readonly sheet: string;
  /** Absolute 0-based header row (shown to users as 第{headerRow + 1}行); null when no table was found. */
  readonly headerRow: number | null;
  /** The recognised columns' header texts, left to right, as written. */
  readonly headerTexts: readonly string[];
  /** Task rows of the table (total rows such as 合计 excluded). */
  readonly rowCount: number;
  /** Findings of reading the table. */
  readonly findings: readonly Finding[];
}

/** Read the active sheet's table through any workbook port. Host failures reject (as `DubanError`s). */
export async function readActiveTable(port: WorkbookPort): Promise<TableSummary> {
  const sheet = await port.activeSheetName();
  const grid = await port.readSheet(sheet);
  const { table, findings } = readTable(grid);
  if (!table) return { sheet, headerRow: null, headerTexts: [], rowCount: 0, findings };
  const headerTexts = [...table.columns].sort((a, b) => a.col - b.col).map((c) => c.headerText);
  return { sheet, headerRow: table.headerRow, headerTexts, rowCount: table.rows.length, findings };
}
