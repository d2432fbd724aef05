/**
 * Which sheet holds the ledger (任务台账): the sheet the user named; else a sheet called 任务台账; else (for
 * scoring) the active sheet; else the first visible sheet whose header is a ledger's.
 */
import type { Grid } from '../grid.ts';
import { findLedgerHeader, readLedger, type LedgerHeader } from '../ledger/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { compactKey } from '../text/normalize.ts';
import { LEDGER_SHEET_NAME } from '../vocab/ledger-columns.ts';
import { withReadCache } from './read-cache.ts';
import { failed, type WorkflowFailed } from './workflow-failure.ts';

/** A ledger found in a workbook. */
export interface LocatedLedger {
  readonly ok: true;
  readonly sheet: string;
  readonly grid: Grid;
  readonly header: LedgerHeader;
  /** From the title, else the deadlines; null when nothing says. */
  readonly planYear: number | null;
}

/** Options of {@link findLedgerSheet}. */
export interface FindLedgerOptions {
  /** The sheet the user named; only it is looked at. */
  readonly sheet: string | null;
  /** Look at the active sheet right after the sheets called 任务台账 (scoring does; split and merge do not). */
  readonly activeFirst: boolean;
}

/** The ledger's plan year as the sheet says it: the title's year, else the one its deadlines share. */
export function ledgerPlanYear(grid: Grid, header: LedgerHeader): number | null {
  return header.planYear ?? readLedger(grid).ledger?.planYear ?? null;
}

/** The sheets to look at, in order (see the module comment); names that do not exist are dropped. */
async function ledgerCandidates(port: WorkbookPort, options: FindLedgerOptions): Promise<string[]> {
  const sheets = await port.listSheets();
  const names = sheets.map((s) => s.name);
  if (options.sheet !== null) return names.includes(options.sheet) ? [options.sheet] : [];
  const named = names.filter((n) => compactKey(n) === LEDGER_SHEET_NAME);
  const active = options.activeFirst ? [await port.activeSheetName()] : [];
  const visible = sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);
  return [...new Set([...named, ...active, ...visible])];
}

/** The first ledger among the candidate sheets with the sheets looked at; `found` null when none is one. */
export async function findLedgerSheet(
  port: WorkbookPort,
  options: FindLedgerOptions,
): Promise<{ found: { grid: Grid; header: LedgerHeader } | null; looked: string[] }> {
  const candidates = await ledgerCandidates(port, options);
  for (const name of candidates) {
    const grid = await port.readSheet(name);
    const header = findLedgerHeader(grid);
    if (header) return { found: { grid, header }, looked: candidates };
  }
  return { found: null, looked: candidates };
}

/**
 * The ledger to split or merge into: the named sheet, else a sheet called 任务台账, else the first visible
 * ledger. Fails with `no_ledger` (naming the sheets looked at) when there is none.
 */
export async function locateLedger(
  port: WorkbookPort,
  options: { readonly sheet: string | null },
): Promise<LocatedLedger | WorkflowFailed> {
  const { found, looked } = await findLedgerSheet(withReadCache(port), {
    sheet: options.sheet,
    activeFirst: false,
  });
  if (found === null) return failed('no_ledger', options.sheet, null, { sheets: looked });
  const { grid, header } = found;
  return { ok: true, sheet: grid.sheet, grid, header, planYear: ledgerPlanYear(grid, header) };
}
