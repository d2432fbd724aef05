/**
 * Which sheet holds the key-task table, read and analysed: the sheet the user named; else the active sheet;
 * else the first other visible sheet holding a table. A roster sheet (责任单位名单) is never taken for the
 * table; its names check the table's units.
 */
import { analyzeGrid, isRosterSheetName, rosterFromGrid, type Analysis } from '../analyze.ts';
import type { Finding } from '../findings.ts';
import type { Grid } from '../grid.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import type { ColumnOverride } from '../table-model.ts';
import { guardMisuse } from './guard-misuse.ts';
import { withReadCache } from './read-cache.ts';
import { failed, type WorkflowFailed } from './workflow-failure.ts';

/** The user's choices for finding and reading the table; every field optional. */
export interface TableOptions {
  /** The sheet holding the table; null or absent: look for it. */
  readonly sheet?: string | null;
  /** Plan year when the title does not say it. */
  readonly planYear?: number | null;
  /** As-of date (`YYYY-MM-DD`) for "progress missing after its reporting deadline". */
  readonly asOf?: string | null;
  /** The user's corrections of the column mapping. */
  readonly override?: ColumnOverride;
  /** Called once the sheets are read, before the analysis (a progress bar; throw to cancel). */
  readonly onStep?: (step: WorkflowStep) => void;
  /**
   * Sheets never taken for the table when looking for it (the ledger beside it, our own sheets); a sheet the
   * user names is looked at all the same.
   */
  readonly exclude?: readonly string[];
}

/** How {@link locateTableCached} looks, beyond the user's choices (for scoring's search beside a ledger). */
export interface TableSearch {
  /** A sheet to look at before the active one when none is named (the one the workbook settings store). */
  readonly prefer?: string | null;
  /** Whether a table found is the one wanted; the search goes on past one that is not. Default: any. */
  readonly accept?: (found: LocatedTable) => boolean;
}

/** Steps a long call reports through `onStep`. */
export type WorkflowStep = 'analyse' | 'score';

/** A table found and analysed. */
export interface LocatedTable {
  readonly ok: true;
  readonly sheet: string;
  readonly grid: Grid;
  readonly analysis: Analysis;
  /** Reading, breakdown and validation findings (`analysis.findings`). */
  readonly findings: readonly Finding[];
}

/** `sheet_not_found` when the named sheet does not exist, else null. */
export async function checkSheetExists(
  port: WorkbookPort,
  sheet: string | null,
): Promise<WorkflowFailed | null> {
  if (sheet === null) return null;
  const names = (await port.listSheets()).map((s) => s.name);
  return names.includes(sheet) ? null : failed('sheet_not_found', sheet, null, { sheets: names });
}

/** {@link locateTable} on a cached port, without the misuse guard (shared with scoring). */
export async function locateTableCached(
  port: WorkbookPort,
  options: TableOptions,
  search: TableSearch = {},
): Promise<LocatedTable | WorkflowFailed> {
  const sheet = options.sheet ?? null;
  const missing = await checkSheetExists(port, sheet);
  if (missing) return missing;
  const sheets = await port.listSheets();
  let candidates: string[];
  if (sheet !== null) {
    candidates = [sheet];
  } else {
    const excluded = new Set(options.exclude ?? []);
    const active = await port.activeSheetName();
    const prefer = search.prefer ?? null;
    // The preferred sheet may be hidden (the user hid the table after breakdown): it is still looked at.
    const first = prefer !== null && sheets.some((s) => s.name === prefer) ? [prefer, active] : [active];
    const others = sheets
      .filter((s) => s.visibility === 'visible' && !isRosterSheetName(s.name))
      .map((s) => s.name);
    candidates = [...new Set([...first, ...others])].filter((n) => !excluded.has(n));
  }
  const rosterSheet = sheets.map((s) => s.name).find(isRosterSheetName);
  const roster = rosterSheet !== undefined ? rosterFromGrid(await port.readSheet(rosterSheet)) : null;
  let reported = false;
  for (const name of candidates) {
    const grid = await port.readSheet(name);
    if (!reported) options.onStep?.('analyse');
    reported = true;
    const result = analyzeGrid(grid, {
      roster,
      ...(options.planYear !== undefined && options.planYear !== null ? { planYear: options.planYear } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.override ? { override: options.override } : {}),
    });
    if (result.analysis) {
      const found: LocatedTable = {
        ok: true,
        sheet: name,
        grid,
        analysis: result.analysis,
        findings: result.analysis.findings,
      };
      if (search.accept === undefined || search.accept(found)) return found;
    }
  }
  return failed('no_table', candidates[0] ?? null, null, { sheets: candidates });
}

/**
 * Find, read and analyse the key-task table (see the module comment for the order). Fails with
 * `sheet_not_found`, `no_table` (naming the sheets looked at), or `bad_argument` for a choice the core
 * refuses (a plan year that is not a whole year, an override naming a column twice).
 */
export function locateTable(
  port: WorkbookPort,
  options: TableOptions = {},
): Promise<LocatedTable | WorkflowFailed> {
  return guardMisuse(() => locateTableCached(withReadCache(port), options));
}
