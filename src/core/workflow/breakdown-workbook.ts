/**
 * Breakdown through any port: the responsibility table found and analysed (`locateTable`), then laid out as
 * the ledger sheet (任务台账) that `planBreakdownWrites` adds to the workbook.
 */
import { toA1 } from '../grid.ts';
import { buildLedger, type LedgerSheet } from '../ledger/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { guardMisuse } from './guard-misuse.ts';
import { locateTableCached, type LocatedTable, type TableOptions } from './locate-table.ts';
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
 * Find and analyse the table and lay out its ledger. Fails as {@link locateTable} does, and with
 * `no_sub_tasks` (at the table's header) when no task breaks down into a sub-task.
 */
export function breakdownWorkbook(
  port: WorkbookPort,
  options: TableOptions = {},
): Promise<BrokenDown | WorkflowFailed> {
  return guardMisuse(async () => {
    const cached = withReadCache(port);
    const located = await locateTableCached(cached, options);
    if (!located.ok) return located;
    const { table, breakdown } = located.analysis;
    if (breakdown.subTasks.length === 0) {
      const cell = toA1({ sheet: table.sheet, row: table.headerRow, col: table.columns[0]?.col ?? 0 });
      return failed('no_sub_tasks', table.sheet, cell);
    }
    const sheetNames = (await cached.listSheets()).map((s) => s.name);
    return { ...located, ledger: buildLedger(breakdown), sheetNames };
  });
}
