/**
 * Finding the ledger sheet (任务台账) of a workbook for split and merge: the `--sheet` named, else a sheet
 * called 任务台账, else the first visible sheet whose header is a ledger's.
 */
import type { Grid } from '../core/grid.ts';
import { findLedgerHeader, readLedger, type LedgerHeader } from '../core/ledger/index.ts';
import { compactKey } from '../core/text/normalize.ts';
import { LEDGER_SHEET_NAME } from '../core/vocab/ledger-columns.ts';
import type { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';

/** A ledger found in a workbook. */
export interface FoundLedger {
  readonly grid: Grid;
  readonly header: LedgerHeader;
  /** From the title, else the deadlines; null when nothing says. */
  readonly planYear: number | null;
}

/** The ledger sheet, or null when the workbook has none. */
export async function findLedger(workbook: XlsxWorkbook, sheet: string | null): Promise<FoundLedger | null> {
  const sheets = await workbook.listSheets();
  const names = sheets.map((s) => s.name);
  const candidates =
    sheet !== null
      ? [sheet]
      : [
          ...new Set([
            ...names.filter((n) => compactKey(n) === LEDGER_SHEET_NAME),
            ...sheets.filter((s) => s.visibility === 'visible').map((s) => s.name),
          ]),
        ];
  for (const name of candidates) {
    if (!names.includes(name)) continue;
    const grid = await workbook.readSheet(name);
    const header = findLedgerHeader(grid);
    if (header) {
      const planYear = header.planYear ?? readLedger(grid).ledger?.planYear ?? null;
      return { grid, header, planYear };
    }
  }
  return null;
}
