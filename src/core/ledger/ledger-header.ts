/**
 * Recognising a ledger sheet (任务台账) by its header: a row whose cells are our own headers
 * (`vocab/ledger-columns.ts`), compared without spaces so `编 号` or `子任务\n` still match, holding at least
 * the required columns. Nothing else about the sheet is guessed.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { refOn, type CellRef, type Grid } from '../grid.ts';
import { findPlanYear } from '../table/plan-year.ts';
import { cellText, compactKey } from '../text/normalize.ts';
import { LEDGER_COLUMNS, LEDGER_REQUIRED_COLUMNS, type LedgerColumnKey } from '../vocab/ledger-columns.ts';

/** Rows from the top searched for the header. */
export const LEDGER_HEADER_SCAN_ROWS = 30;

/** Where a ledger's header is and what it says. */
export interface LedgerHeader {
  readonly sheet: string;
  /** Absolute 0-based row of the header. */
  readonly headerRow: number;
  /** Absolute column of every ledger column present (the first one when a header repeats). */
  readonly columns: ReadonlyMap<LedgerColumnKey, number>;
  /** Text above the header (the title), joined with spaces; null when there is none. */
  readonly title: string | null;
  /** Plan year written in the title, or null. */
  readonly planYear: number | null;
  /** The first cell of the header row, for findings about the sheet as a whole. */
  readonly at: CellRef;
  readonly findings: readonly Finding[];
}

const BY_HEADER = new Map<string, LedgerColumnKey>(LEDGER_COLUMNS.map((c) => [compactKey(c.zh), c.key]));

/**
 * Find the ledger header on a grid; null when the grid is not a ledger (no row in the first 30 holds the
 * required headers 编号, 责任单位, 子任务 and 一季度完成值). Never throws.
 */
export function findLedgerHeader(grid: Grid): LedgerHeader | null {
  const last = Math.min(grid.cells.length, LEDGER_HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const cells = grid.cells[r] ?? [];
    const columns = new Map<LedgerColumnKey, number>();
    const findings: Finding[] = [];
    cells.forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const key = BY_HEADER.get(compactKey(cell));
      if (key === undefined) return;
      const col = grid.origin.col + c;
      if (columns.has(key)) {
        findings.push(
          makeFinding('ledger_column_duplicate', refOn(grid, grid.origin.row + r, col), {
            header: cell.trim(),
          }),
        );
        return;
      }
      columns.set(key, col);
    });
    if (!LEDGER_REQUIRED_COLUMNS.every((k) => columns.has(k))) continue;
    const above = grid.cells
      .slice(0, r)
      .flatMap((row) => row.map((v) => cellText(v).trim()))
      .filter((t) => t !== '');
    const title = above.length > 0 ? above.join(' ') : null;
    const headerRow = grid.origin.row + r;
    return {
      sheet: grid.sheet,
      headerRow,
      columns,
      title,
      planYear: title === null ? null : findPlanYear(title),
      at: refOn(grid, headerRow, grid.origin.col),
      findings,
    };
  }
  return null;
}
