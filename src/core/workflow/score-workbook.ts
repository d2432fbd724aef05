/**
 * Scoring a workbook through any port, the same decisions for the add-in and the command line.
 *
 * What is scored: the ledger sheet (任务台账) when the workbook has one — the named sheet when the user names
 * a ledger, else a sheet called 任务台账, else the active sheet, else the first visible sheet whose header is
 * a ledger's — with the latest quarter each unit reported by the as-of date. Otherwise the responsibility
 * table itself (`locateTable`), from its own 目标值 / 完成值 / 完成率 / 进展情况 columns (long layout) or
 * indicator groups (wide layout).
 *
 * After a ledger is scored, the responsibility table it was broken down from is looked for in the other
 * sheets (`findCompanion`): when its breakdown carries the ledger's sub-task ids with the same units, the
 * result names the table row of each id, so the table's rows can show and highlight their sub-tasks' results
 * too. That search never changes whether or how the ledger scores.
 *
 * The as-of date defaults to today or the plan year's last day, whichever is earlier; `today` is the
 * caller's (the core has no clock).
 */
import type { Analysis } from '../analyze.ts';
import type { SubTask } from '../breakdown-model.ts';
import { isDubanError } from '../errors.ts';
import type { Finding } from '../findings.ts';
import { catalogEntry } from '../findings/catalog.ts';
import { toA1, type Grid } from '../grid.ts';
import { compactKey } from '../text/normalize.ts';
import type { DubanSettings } from '../write-plan/owned-settings.ts';
import { readLedger, type LedgerHeader } from '../ledger/index.ts';
import type { WorkbookPort } from '../port/workbook-port.ts';
import { readTableProgress } from '../progress/index.ts';
import {
  findPreset,
  resolveSettings,
  scoreSubTasks,
  type ScoreInput,
  type ScoreResult,
  type ScoringSettings,
} from '../score/index.ts';
import type { ReadTable } from '../table-model.ts';
import { isIsoDate } from '../validate/dates.ts';
import { guardMisuse } from './guard-misuse.ts';
import { findLedgerSheet, ledgerPlanYear } from './locate-ledger.ts';
import { checkSheetExists, locateTableCached, type LocatedTable, type TableOptions } from './locate-table.ts';
import { isOwnedSheetName } from './own-sheets.ts';
import { withReadCache } from './read-cache.ts';
import { failed, type WorkflowFailed } from './workflow-failure.ts';

/** The user's choices for scoring, and today's date. */
export interface ScoreOptions extends TableOptions {
  /** Rule preset name or alias (序时, yinchuan…); null or absent: the default preset. */
  readonly preset?: string | null;
  /** Today as `YYYY-MM-DD`, from the host's clock; read only when the as-of date is not given. */
  readonly today: string;
  /**
   * The sheet the workbook settings store, if the caller has them: looked at first for the responsibility
   * table beside a scored ledger (never the ledger itself). Scoring itself does not read it.
   */
  readonly storedSheet?: string | null;
}

/** The responsibility table a scored ledger was broken down from. */
export interface LedgerCompanion {
  readonly table: ReadTable;
  /** The table's sheet as read (our own columns masked). */
  readonly grid: Grid;
  /** Absolute table row of each ledger sub-task id found in the table's breakdown with the same units. */
  readonly rowOf: ReadonlyMap<string, number>;
}

/** What scoring produced, common to both kinds. */
interface ScoredCommon {
  readonly ok: true;
  /** The sheet scored. */
  readonly sheet: string;
  readonly grid: Grid;
  readonly asOf: string;
  /** True when no as-of date was given and it was chosen for the user. */
  readonly asOfDefaulted: boolean;
  readonly planYear: number;
  readonly settings: ScoringSettings;
  /** The sub-tasks scored (for their indicators), in `result.tasks` order. */
  readonly subTasks: readonly SubTask[];
  readonly result: ScoreResult;
  /** Every finding of every stage, each once, sorted by sheet, row, column, then code. */
  readonly findings: readonly Finding[];
  /** Absolute 0-based header row of the sheet scored. */
  readonly headerRow: number;
  /** Sub-tasks the sheet yields (a ledger's rows, the table's breakdown), for the "what was read" line. */
  readonly subTaskCount: number;
}

/** A ledger scored. */
export interface LedgerScored extends ScoredCommon {
  readonly kind: 'ledger';
  readonly header: LedgerHeader;
  /** For `planScoreWrites`. */
  readonly target: { readonly kind: 'ledger'; readonly header: LedgerHeader };
  /** The responsibility table in another sheet whose breakdown the ledger carries; null when there is none. */
  readonly companion: LedgerCompanion | null;
}

/** A responsibility table scored from its own columns. */
export interface TableScored extends ScoredCommon {
  readonly kind: 'table';
  readonly analysis: Analysis;
  readonly layout: ReadTable['layout'];
  /** For `planScoreWrites`. */
  readonly target: { readonly kind: 'table'; readonly table: ReadTable };
}

/** What {@link scoreWorkbook} returns. */
export type ScoreWorkbookResult = LedgerScored | TableScored | WorkflowFailed;

/**
 * The as-of date when none is given: today, but not after the plan year's last day (a finished year is
 * scored as of 12-31).
 * @example defaultAsOf('2025-03-02', 2024) === '2024-12-31'; defaultAsOf('2024-05-20', 2024) === '2024-05-20'
 */
export function defaultAsOf(today: string, planYear: number): string {
  const yearEnd = `${planYear}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/**
 * The scoring settings of a preset (null: the default), or `bad_preset` / `bad_settings`. A host may call it
 * before opening anything, to refuse a bad choice first.
 */
export function settingsForPreset(
  preset: string | null | undefined,
): { readonly ok: true; readonly settings: ScoringSettings } | WorkflowFailed {
  if (preset !== null && preset !== undefined && findPreset(preset) === null) {
    return failed('bad_preset', null, null, { name: preset });
  }
  try {
    return { ok: true, settings: resolveSettings(preset ?? undefined) };
  } catch (e) {
    if (isDubanError(e) && e.code === 'invalid_settings') {
      return failed('bad_settings', null, null, { detail: e.message });
    }
    throw e;
  }
}

/**
 * Every finding once, sorted by sheet, row, column, then code. Two stages may report the same thing: the
 * same finding twice, or one fact under two codes (a catalog entry's `sameAs`), where the one named by
 * `sameAs` is kept.
 */
export function tidyFindings(findings: readonly Finding[]): Finding[] {
  const cellOf = (f: Finding): string => `${f.at?.sheet ?? ''}|${f.at?.row ?? ''}|${f.at?.col ?? ''}`;
  const codesAt = new Set(findings.map((f) => `${f.code}|${cellOf(f)}`));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const sameAs = catalogEntry(f.code).sameAs;
    if (sameAs !== undefined && f.at !== undefined && codesAt.has(`${sameAs}|${cellOf(f)}`)) continue;
    const key = `${f.code}|${cellOf(f)}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  const pos = (f: Finding): [string, number, number] => [f.at?.sheet ?? '', f.at?.row ?? -1, f.at?.col ?? -1];
  return out.sort((a, b) => {
    const [as, ar, ac] = pos(a);
    const [bs, br, bc] = pos(b);
    if (as !== bs) return as < bs ? -1 : 1;
    if (ar !== br) return ar - br;
    if (ac !== bc) return ac - bc;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/** The as-of date given, else the default from today; `bad_today` when today is needed and not a date. */
function asOfFor(
  options: ScoreOptions,
  planYear: number,
): { ok: true; asOf: string; defaulted: boolean } | WorkflowFailed {
  const given = options.asOf ?? null;
  if (given !== null) return { ok: true, asOf: given, defaulted: false };
  if (!isIsoDate(options.today)) return failed('bad_today', null, null, { value: options.today });
  return { ok: true, asOf: defaultAsOf(options.today, planYear), defaulted: true };
}

type ScoredLedger = Omit<LedgerScored, 'companion'>;

function scoreLedger(
  grid: Grid,
  header: LedgerHeader,
  options: ScoreOptions,
  settings: ScoringSettings,
): ScoredLedger | WorkflowFailed {
  options.onStep?.('analyse');
  const cell = toA1(header.at);
  const planYear = options.planYear ?? ledgerPlanYear(grid, header);
  if (planYear === null) return failed('no_plan_year', grid.sheet, cell);
  const date = asOfFor(options, planYear);
  if (!date.ok) return date;
  const { asOf } = date;
  const { ledger, findings } = readLedger(grid, { asOf, planYear });
  if (!ledger || ledger.subTasks.length === 0) return failed('ledger_empty', grid.sheet, cell);
  options.onStep?.('score');
  const result = scoreSubTasks({
    asOf,
    planYear,
    settings,
    subTasks: ledger.subTasks,
    progress: ledger.progress,
  });
  return {
    ok: true,
    kind: 'ledger',
    sheet: grid.sheet,
    grid,
    asOf,
    asOfDefaulted: date.defaulted,
    planYear,
    settings,
    subTasks: ledger.subTasks,
    result,
    findings: tidyFindings([...findings, ...result.findings]),
    headerRow: header.headerRow,
    subTaskCount: ledger.subTasks.length,
    header,
    target: { kind: 'ledger', header },
  };
}

/**
 * The sheet stored settings point to as the responsibility table, for {@link ScoreOptions.storedSheet}: a
 * sheet holding an owned block other than the scored one (the table beside a ledger last time), else the
 * sheet chosen before the first run (`prior`), else the stored sheet; null without settings.
 */
export function storedTableSheet(settings: DubanSettings | null): string | null {
  if (settings === null) return null;
  const beside = settings.owned.columns.find((c) => c.sheet !== settings.sheet);
  return beside?.sheet ?? settings.prior?.sheet ?? settings.sheet;
}

/** Units compared without order or spacing: `区发改局、区财政局` ≡ `区财政局 、区发改局`. */
function unitKey(units: readonly string[]): string {
  return units.map(compactKey).sort().join('|');
}

/**
 * The responsibility table the ledger was broken down from: the first table in another sheet (the stored
 * sheet first) whose breakdown holds at least half of the ledger's sub-task ids with the same units. Never
 * the ledger's sheet nor our own sheets. Its analysis findings are not the run's: only the ledger was scored.
 */
async function findCompanion(
  port: WorkbookPort,
  scored: ScoredLedger,
  options: ScoreOptions,
): Promise<LedgerCompanion | null> {
  const names = (await port.listSheets()).map((s) => s.name);
  const exclude = names.filter((n) => n === scored.sheet || isOwnedSheetName(n));
  const ledgerUnits = new Map(scored.subTasks.map((t) => [t.id, unitKey(t.units)]));
  let rowOf = new Map<string, number>();
  const accept = (found: LocatedTable): boolean => {
    const matched = new Map<string, number>();
    for (const t of found.analysis.breakdown.subTasks) {
      const units = ledgerUnits.get(t.id);
      if (units !== undefined && units === unitKey(t.units)) matched.set(t.id, t.taskRow);
    }
    if (matched.size * 2 < ledgerUnits.size) return false;
    rowOf = matched;
    return true;
  };
  const found = await locateTableCached(
    port,
    { planYear: scored.planYear, exclude },
    { prefer: options.storedSheet ?? null, accept },
  );
  if (!found.ok) return null;
  return { table: found.analysis.table, grid: found.grid, rowOf };
}

async function scoreTable(
  port: WorkbookPort,
  options: ScoreOptions,
  settings: ScoringSettings,
): Promise<TableScored | WorkflowFailed> {
  const located = await locateTableCached(port, options);
  if (!located.ok) return located;
  const { grid, analysis } = located;
  const { table, breakdown, findings } = analysis;
  const cell = toA1({ sheet: table.sheet, row: table.headerRow, col: table.columns[0]?.col ?? 0 });
  const hasProgress =
    table.columns.some((c) => c.role === 'actual' || c.role === 'completionRate' || c.role === 'progress') ||
    table.groups.some((g) => g.actualCol !== null || g.ratioCol !== null);
  if (!hasProgress) return failed('no_progress_columns', table.sheet, cell);
  if (breakdown.subTasks.length === 0) return failed('no_sub_tasks', table.sheet, cell);
  const planYear = options.planYear ?? breakdown.planYear;
  if (planYear === null) return failed('no_plan_year', table.sheet, cell);
  const date = asOfFor(options, planYear);
  if (!date.ok) return date;
  const { asOf } = date;
  options.onStep?.('score');
  const tp = readTableProgress(table, breakdown, { grid, planYear });
  const input: ScoreInput = {
    asOf,
    planYear,
    settings,
    subTasks: tp.subTasks,
    progress: tp.progress,
    totals: tp.totals,
  };
  const result = scoreSubTasks(input);
  return {
    ok: true,
    kind: 'table',
    sheet: table.sheet,
    grid,
    asOf,
    asOfDefaulted: date.defaulted,
    planYear,
    settings,
    subTasks: tp.subTasks,
    result,
    findings: tidyFindings([...findings, ...tp.findings, ...result.findings]),
    headerRow: table.headerRow,
    subTaskCount: breakdown.subTasks.length,
    analysis,
    layout: table.layout,
    target: { kind: 'table', table },
  };
}

/**
 * Score the workbook (see the module comment for what is scored and the as-of default). Fails, in this
 * order, with `bad_as_of`, `bad_preset` / `bad_settings`, `sheet_not_found`; then for a ledger `no_plan_year`,
 * `bad_today`, `ledger_empty`; for a table `no_table`, `no_progress_columns`, `no_sub_tasks`, `no_plan_year`,
 * `bad_today`; and `bad_argument` for a choice the core refuses (a plan year out of range). Each sheet is
 * read at most once. A ledger's result names its responsibility table (`companion`) when one is found.
 */
export function scoreWorkbook(port: WorkbookPort, options: ScoreOptions): Promise<ScoreWorkbookResult> {
  return guardMisuse(async () => {
    const asOf = options.asOf ?? null;
    if (asOf !== null && !isIsoDate(asOf)) return failed('bad_as_of', null, null, { value: asOf });
    const chosen = settingsForPreset(options.preset);
    if (!chosen.ok) return chosen;
    const cached = withReadCache(port);
    const sheet = options.sheet ?? null;
    const missing = await checkSheetExists(cached, sheet);
    if (missing) return missing;
    const { found } = await findLedgerSheet(cached, { sheet, activeFirst: true });
    if (found) {
      const scored = scoreLedger(found.grid, found.header, options, chosen.settings);
      if (!scored.ok) return scored;
      return { ...scored, companion: await findCompanion(cached, scored, options) };
    }
    return scoreTable(cached, options, chosen.settings);
  });
}
