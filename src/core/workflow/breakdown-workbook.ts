/**
 * Breakdown through any port: the responsibility table found and analysed (`locateTable`), then laid out as
 * the ledger sheet (任务台账) that `planBreakdownWrites` adds to the workbook.
 *
 * A ledger's header (编号 / 责任单位 / 责任人 / 子任务 …) also reads as a key-task table, so the search skips
 * ledgers and our own sheets: breaking a ledger down again would give a second ledger full of empty targets.
 * When the only table found is a ledger (or the user names one), the answer is `is_ledger`, saying so.
 */
import { toA1 } from '../grid.ts';
import { buildLedger, findLedgerHeader, type LedgerSheet } from '../ledger/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { guardMisuse } from './guard-misuse.ts';
import { locateTableCached, type LocatedTable, type TableOptions } from './locate-table.ts';
import { isOwnedSheetName } from './own-sheets.ts';
import { withReadCache } from './read-cache.ts';
import { failed, type WorkflowFailed } from './workflow-failure.ts';

/** A table broken down into its ledger. */
export interface BrokenDown extends LocatedTable {
  /** The ledger sheet to write: `planBreakdownWrites(ledger, sheetNames)`. */
  readonly ledger: LedgerSheet;
  /** Names of the workbook's sheets, so the new sheet's name does not clash. */
  readonly sheetNames: readonly string[];
}

/**
 * Find and analyse the table and lay out its ledger. Fails as {@link locateTable} does, with `is_ledger` (at
 * the ledger's header) when the only table found is a ledger, and with `no_sub_tasks` (at the table's header)
 * when no task breaks down into a sub-task.
 */
export function breakdownWorkbook(
  port: WorkbookPort,
  options: TableOptions = {},
): Promise<BrokenDown | WorkflowFailed> {
  return guardMisuse(async () => {
    const cached = withReadCache(port);
    const owned = (await cached.listSheets()).map((s) => s.name).filter(isOwnedSheetName);
    // Ledgers passed over, in the order looked at (an array: TS does not follow assignments in callbacks).
    const ledgers: { sheet: string; cell: string }[] = [];
    const located = await locateTableCached(
      cached,
      { ...options, exclude: [...(options.exclude ?? []), ...owned] },
      {
        accept: (found) => {
          const header = findLedgerHeader(found.grid);
          if (header === null) return true;
          ledgers.push({ sheet: found.sheet, cell: toA1(header.at) });
          return false;
        },
      },
    );
    if (!located.ok) {
      const ledger = ledgers[0];
      if (located.failure.code === 'no_table' && ledger !== undefined) {
        return failed('is_ledger', ledger.sheet, ledger.cell);
      }
      return located;
    }
    const { table, breakdown } = located.analysis;
    if (breakdown.subTasks.length === 0) {
      const cell = toA1({ sheet: table.sheet, row: table.headerRow, col: table.columns[0]?.col ?? 0 });
      return failed('no_sub_tasks', table.sheet, cell);
    }
    const sheetNames = (await cached.listSheets()).map((s) => s.name);
    return { ...located, ledger: buildLedger(breakdown), sheetNames };
  });
}
