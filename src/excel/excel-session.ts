/**
 * The add-in's use cases over Office.js ({@link DubanSession}): the host-independent workflow
 * (`src/core/workflow`) decides which sheet, ledger or table, and scores; this module reads the workbook for
 * it in few round trips and writes the plan the core makes.
 *
 * Round trips of a call (each `Excel.run` is one batch; syncs inside it are counted in the outcome):
 * 1. overview — sheets, active sheet, workbook protection;
 * 2. prefetch — settings sheet, candidate sheets (first ≤ 5,000 rows), every sheet's protection and
 *    conditional-format list, widths and used width of the candidates, change handlers;
 * 3. only when needed — further 5,000-row blocks, and the ranges / formulas of the conditional formats the
 *    stored settings name (a re-run must find its own rules to replace them);
 * 4. the writes — clear of what the last run owned and the new plan in one request (more only over 4 MB).
 * A sheet the workflow wants that was not prefetched costs one more. Score + highlight of a 5,000-row ledger:
 * 3 syncs on the first run, 4 on a re-run; +1 per further 5,000-row block.
 */
import type { Lang } from '../core/findings.ts';
import { DubanError } from '../core/errors.ts';
import { isRosterSheetName } from '../core/analyze.ts';
import type { Grid } from '../core/grid.ts';
import type { SheetInfo, WorkbookPort } from '../core/port/workbook-port.ts';
import { COLUMN_ROLES, type ColumnOverride } from '../core/table-model.ts';
import { compactKey, cellText } from '../core/text/normalize.ts';
import { LEDGER_SHEET_NAME } from '../core/vocab/ledger-columns.ts';
import {
  breakdownWorkbook,
  failureMessage,
  locateTable,
  scoreWorkbook,
  storedTableSheet,
  type WorkflowFailure,
  type WorkflowStep,
} from '../core/workflow/index.ts';
import { OWNED_SHEET_NAMES } from '../core/write-plan/labels.ts';
import { EMPTY_PLAN, type WritePlan } from '../core/write-plan/plan-model.ts';
import { planBreakdownWrites } from '../core/write-plan/plan-breakdown.ts';
import { planScoreWrites, type UserSheetFacts } from '../core/write-plan/plan-score.ts';
import {
  SETTINGS_SHEET_NAME,
  hasOwnedMarks,
  settingsWithChoice,
  type DubanSettings,
  type OwnedColumnMark,
} from '../core/write-plan/owned-settings.ts';
import { columnLetters } from '../core/grid.ts';
import { previousWidthOf } from './column-width.ts';
import { printSkippedText } from './host-text.ts';
import {
  applyPlanOffice,
  asHostFailure,
  clearOffice,
  stopWatching,
  type ApplyReport,
} from './office-apply-plan.ts';
import { checkProtection, touchedSheets } from './office-clear.ts';
import { syncStep, throwIfCancelled } from './office-sync.ts';
import type { ExcelHost, RequirementSets } from './office-workbook.ts';
import {
  completeReads,
  prefetch,
  readOverview,
  readSheetsNow,
  type OverviewRead,
  type Prefetched,
  type RunContext,
} from './prefetch.ts';
import type { HostAbilities } from './plan-ops.ts';
import type {
  BreakdownOutcome,
  ClearOutcome,
  DubanSession,
  InspectOutcome,
  NotProcessed,
  RunControl,
  ScoreChoice,
  ScoreOutcome,
  SessionProgress,
  TableChoice,
  WorkbookOverview,
} from './session-api.ts';

/** Tuning of a session; the defaults are issue 6's limits. */
export interface ExcelSessionOptions {
  /** Most rows read per round trip (5,000). */
  readonly blockRows?: number;
  /** Bytes a request or response should stay under (4,000,000). */
  readonly requestBudgetBytes?: number;
  /** Pauses before retrying in cell-edit mode (default 0.5 s, 1 s, 2 s; tests pass zeros). */
  readonly retryDelaysMs?: readonly number[];
  /** Today as `YYYY-MM-DD` (default: the local date). */
  readonly today?: () => string;
  /** Column widths read per candidate sheet (default 64: A…BL). */
  readonly widthColumns?: number;
  /** Most visible sheets read ahead besides the likely ones (default 4). */
  readonly readAheadSheets?: number;
}

/** The local date as `YYYY-MM-DD`. */
export function localTodayIso(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A stored mapping as a column override (table roles only; a ledger's keys are not overrides). */
function storedOverride(mapping: Readonly<Record<string, number>> | null): ColumnOverride | null {
  if (mapping === null) return null;
  const out: ColumnOverride = {};
  for (const role of COLUMN_ROLES) {
    const col = mapping[role];
    if (col !== undefined) out[role] = col;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The columns to use: the ones the caller chose, else the mapping saved in the workbook, else none. */
function overrideFor(choice: TableChoice, pre: Prefetched): ColumnOverride | undefined {
  return choice.mapping ?? storedOverride(pre.settings?.mapping ?? null) ?? undefined;
}

/** The workflow's view of the workbook: the prefetched grids, and one round trip for any other sheet. */
class SessionPort implements WorkbookPort {
  constructor(
    private readonly run: RunContext,
    private readonly pre: Prefetched,
    private readonly owned: readonly OwnedColumnMark[],
  ) {}

  listSheets(): Promise<readonly SheetInfo[]> {
    return Promise.resolve(this.pre.overview.sheets.map((s) => ({ name: s.name, visibility: s.visibility })));
  }

  activeSheetName(): Promise<string> {
    return Promise.resolve(this.pre.overview.active);
  }

  async readSheet(name: string): Promise<Grid> {
    if (!this.pre.overview.sheets.some((s) => s.name === name)) {
      throw new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name });
    }
    if (!this.pre.grids.has(name)) await readSheetsNow(this.run, this.pre, [name], this.owned);
    const grid = this.pre.grids.get(name);
    if (!grid) throw new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name });
    return grid;
  }
}

/** {@link DubanSession} over Office.js (or the strict fake in tests). */
export class ExcelSession implements DubanSession {
  readonly lang: Lang;
  private readonly excel: ExcelHost;
  private readonly requirements: RequirementSets;
  private readonly options: ExcelSessionOptions;

  constructor(
    excel: ExcelHost,
    requirements: RequirementSets,
    lang: Lang,
    options: ExcelSessionOptions = {},
  ) {
    this.excel = excel;
    this.requirements = requirements;
    this.lang = lang;
    this.options = options;
  }

  async overview(control?: RunControl): Promise<WorkbookOverview> {
    return this.withRun('read the workbook', control, async (run) => {
      const overview = await readOverview(run);
      const pre = await prefetch(run, overview, { grids: [], widthColumns: 0, watch: false });
      const s = pre.settings;
      const mapping = s ? storedOverride(s.mapping) : null;
      return {
        sheets: overview.sheets.map((x) => ({ name: x.name, visible: x.visibility === 'visible' })),
        activeSheet: overview.active,
        stored: s ? { sheet: s.sheet, planYear: s.planYear, asOf: s.asOf, preset: s.preset, mapping } : null,
        // Saved choices alone are nothing for 清除 to remove.
        hasOwnedMarks: pre.settingsSheet === 'ours' && s !== null && hasOwnedMarks(s),
      };
    });
  }

  async inspect(choice: TableChoice, control?: RunControl): Promise<InspectOutcome> {
    return this.withRun('read the table', control, async (run) => {
      const { pre, port, sheet } = await this.readFor(run, choice, false, control);
      const located = await locateTable(port, {
        sheet,
        planYear: choice.planYear ?? null,
        override: overrideFor(choice, pre),
        onStep: this.onStep(control),
      });
      if (!located.ok) return this.notProcessed(located.failure);
      const table = located.analysis.table;
      const headers = (located.grid.cells[table.headerRow - located.grid.origin.row] ?? [])
        .map((v, i) => ({ col: i + located.grid.origin.col, text: cellText(v).trim() }))
        .filter((h) => h.text !== '');
      return {
        ok: true,
        sheet: located.sheet,
        analysis: located.analysis,
        findings: located.findings,
        headers,
      };
    });
  }

  async breakdown(choice: TableChoice, control?: RunControl): Promise<BreakdownOutcome> {
    return this.withRun('write the ledger', control, async (run) => {
      const { pre, port, sheet } = await this.readFor(run, choice, true, control);
      const done = await breakdownWorkbook(port, {
        sheet,
        planYear: choice.planYear ?? null,
        override: overrideFor(choice, pre),
        onStep: this.onStep(control),
      });
      if (!done.ok) return this.stopWatching(run, pre, this.notProcessed(done.failure));
      this.progress(control, 'plan', 0.6);
      const plan = planBreakdownWrites(done.ledger, done.sheetNames);
      this.progress(control, 'write', 0.7);
      const report = await applyPlanOffice(run, plan, pre, this.abilities());
      this.progress(control, 'write', 1);
      return {
        ok: true,
        ledgerSheet: plan.sheets[0]?.name ?? LEDGER_SHEET_NAME,
        subTasks: done.analysis.breakdown.subTasks,
        findings: done.findings,
        syncs: run.counter.syncs,
        ...this.warnings(report),
      };
    });
  }

  async score(choice: ScoreChoice, write: boolean, control?: RunControl): Promise<ScoreOutcome> {
    return this.withRun(write ? 'write the results' : 'read the table', control, async (run) => {
      const { pre, port, sheet } = await this.readFor(run, choice, write, control);
      const scored = await scoreWorkbook(port, {
        sheet,
        planYear: choice.planYear ?? null,
        asOf: choice.asOf ?? null,
        preset: choice.preset ?? null,
        override: overrideFor(choice, pre),
        today: (this.options.today ?? localTodayIso)(),
        onStep: this.onStep(control),
        storedSheet: storedTableSheet(pre.settingsSheet === 'ours' ? pre.settings : null),
      });
      if (!scored.ok) return this.stopWatching(run, pre, this.notProcessed(scored.failure));
      const common = {
        ok: true as const,
        sheet: scored.sheet,
        kind: scored.kind,
        asOf: scored.asOf,
        subTasks: scored.subTasks,
        result: scored.result,
        findings: scored.findings,
      };
      if (!write) return { ...common, sheetsWritten: [], syncs: run.counter.syncs };
      this.progress(control, 'plan', 0.6);
      const facts = await sheetFacts(run, pre, scored.sheet, scored.grid, this.widthColumns());
      // The responsibility table beside a ledger: its facts from the same prefetch (widths, used width).
      const beside = scored.kind === 'ledger' ? scored.companion : null;
      const companion = beside
        ? {
            table: beside.table,
            sheet: await sheetFacts(run, pre, beside.table.sheet, beside.grid, this.widthColumns()),
            rowOf: beside.rowOf,
          }
        : null;
      const previousOwned = pre.settingsSheet === 'ours' ? (pre.settings?.owned.sheets ?? []) : [];
      const sheetNames = pre.overview.sheets
        .map((s) => s.name)
        .filter(
          (n) => !previousOwned.includes(n) && !(n === SETTINGS_SHEET_NAME && pre.settingsSheet === 'ours'),
        );
      const plan = planScoreWrites({
        target: scored.target,
        result: scored.result,
        findings: scored.findings,
        sheet: facts,
        sheetNames,
        previous: pre.settingsSheet === 'ours' ? pre.settings : null,
        ...(choice.green ? { green: choice.green } : {}),
        companion,
      });
      this.progress(control, 'write', 0.7);
      const report = await applyPlanOffice(run, plan, pre, this.abilities());
      this.progress(control, 'write', 1);
      return {
        ...common,
        sheetsWritten: plan.sheets.map((s) => s.name),
        syncs: run.counter.syncs,
        ...this.warnings(report),
      };
    });
  }

  async clear(control?: RunControl): Promise<ClearOutcome> {
    return this.withRun('clear the highlights', control, async (run) => {
      const overview = await readOverview(run);
      const pre = await prefetch(run, overview, { grids: [], widthColumns: 0, watch: false });
      const settings = pre.settingsSheet === 'ours' ? pre.settings : null;
      // Nothing of ours, or saved choices only (kept: they are what the workbook was like before scoring).
      if (!settings || !hasOwnedMarks(settings))
        return { ok: true, sheets: [], columns: 0, rules: 0, hadMarks: false, syncs: run.counter.syncs };
      const names = overview.sheets.map((s) => s.name);
      await completeReads(run, pre, { cfDetailSheets: ruleSheets(settings, names) }, []);
      checkProtection(
        touchedSheets(settings.owned, names),
        true,
        pre.protectedSheets,
        overview.workbookProtected,
      );
      this.progress(control, 'clear', 0.5);
      const summary = await clearOffice(run, pre, settings);
      this.progress(control, 'clear', 1);
      return { ok: true, ...summary, hadMarks: true, syncs: run.counter.syncs };
    });
  }

  async saveChoice(choice: ScoreChoice, control?: RunControl): Promise<void> {
    await this.withRun('save the settings', control, async (run) => {
      const overview = await readOverview(run);
      const pre = await prefetch(run, overview, { grids: [], widthColumns: 0, watch: false });
      const current = pre.settingsSheet === 'ours' ? pre.settings : null;
      // With owned marks, the choices go into the saved-before document too: they survive a clear.
      const settings = settingsWithChoice(current, choice);
      const plan: WritePlan = { ...EMPTY_PLAN, settings };
      await applyPlanOffice(run, plan, pre, this.abilities());
    });
  }

  async select(cell: string): Promise<void> {
    const bang = cell.lastIndexOf('!');
    const raw = bang < 0 ? '' : cell.slice(0, bang);
    const local = bang < 0 ? cell : cell.slice(bang + 1);
    // A quoted name with its inner quotes doubled: 'O''Brien' → O'Brien; '任务 台账' → 任务 台账;
    // 'a''''b' → a''b; 'plain' → plain.
    const sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    await this.withRun('select the cell', undefined, async (run) => {
      await syncStep(
        run.context,
        () => {
          const ws =
            sheet === ''
              ? run.context.workbook.worksheets.getActiveWorksheet()
              : run.context.workbook.worksheets.getItem(sheet);
          // Range.select (ExcelApi 1.1) brings the range's sheet to the front and selects the cell, as a
          // click on a finding promises.
          ws.getRange(local).select();
        },
        run.policy,
        run.counter,
      );
    });
  }

  // -------------------------------------------------------------------------------------------------------

  private widthColumns(): number {
    return this.options.widthColumns ?? 64;
  }

  private abilities(): HostAbilities {
    return { pageLayout: this.requirements.isSetSupported('ExcelApi', '1.9') };
  }

  private warnings(report: ApplyReport): { warnings?: readonly string[] } {
    const print = report.skipped.map((s) => s.sheet);
    return print.length > 0 ? { warnings: [printSkippedText(this.lang, print)] } : {};
  }

  private notProcessed(f: WorkflowFailure): NotProcessed {
    return { ok: false, problem: { code: f.code, cell: f.cell, message: failureMessage(f, this.lang) } };
  }

  /** Nothing will be written: take the change handlers off again (one round trip) and return `value`. */
  private async stopWatching<T>(run: RunContext, pre: Prefetched, value: T): Promise<T> {
    await stopWatching(run, pre);
    return value;
  }

  private progress(control: RunControl | undefined, step: SessionProgress['step'], fraction: number): void {
    control?.onProgress?.({ step, fraction });
  }

  private onStep(control: RunControl | undefined): (step: WorkflowStep) => void {
    return (step) => {
      throwIfCancelled(control?.signal);
      this.progress(control, step === 'analyse' ? 'analyse' : 'score', step === 'analyse' ? 0.3 : 0.45);
    };
  }

  /** Overview, prefetch of the likely sheets, completion: the reads every table command starts with. */
  private async readFor(
    run: RunContext,
    choice: TableChoice,
    watch: boolean,
    control: RunControl | undefined,
  ): Promise<{ pre: Prefetched; port: SessionPort; sheet: string | null }> {
    this.progress(control, 'read', 0);
    const overview = await readOverview(run);
    const names = overview.sheets.map((s) => s.name);
    if (choice.sheet !== undefined && !names.includes(choice.sheet)) {
      throw new DubanError('sheet_not_found', `Sheet not found: ${choice.sheet}`, { sheet: choice.sheet });
    }
    const grids = candidates(overview, choice.sheet ?? null, this.options.readAheadSheets ?? 4);
    const pre = await prefetch(run, overview, { grids, widthColumns: this.widthColumns(), watch });
    const settings = pre.settingsSheet === 'ours' ? pre.settings : null;
    const owned = settings?.owned.columns ?? [];
    await completeReads(
      run,
      pre,
      { cfDetailSheets: watch && settings ? ruleSheets(settings, names) : [] },
      owned,
    );
    this.progress(control, 'read', 0.2);
    const stored = settings?.sheet ?? null;
    const sheet = choice.sheet ?? (stored !== null && names.includes(stored) ? stored : null);
    return { pre, port: new SessionPort(run, pre, owned), sheet };
  }

  private async withRun<T>(
    action: string,
    control: RunControl | undefined,
    body: (run: RunContext) => Promise<T>,
  ): Promise<T> {
    const signal = control?.signal;
    throwIfCancelled(signal);
    try {
      return await this.excel.run(async (context) => {
        const run: RunContext = {
          context,
          policy: {
            ...(this.options.retryDelaysMs ? { retryDelaysMs: this.options.retryDelaysMs } : {}),
            ...(signal ? { signal } : {}),
          },
          counter: { syncs: 0 },
          blockRows: Math.max(1, this.options.blockRows ?? 5000),
          budget: Math.max(1, this.options.requestBudgetBytes ?? 4_000_000),
          requirements: this.requirements,
          watches: [],
        };
        try {
          return await body(run);
        } catch (error) {
          const cleanup = await dropWatches(run);
          if (cleanup === null) throw error;
          // Both are reported: the run's failure, with the failed clean-up in its fields.
          const failure = asHostFailure(error, action);
          throw new DubanError(
            failure.code,
            failure.message,
            { ...failure.fields, cleanupError: errorText(cleanup) },
            { cause: error },
          );
        }
      });
    } catch (error) {
      throw asHostFailure(error, action);
    }
  }
}

/** An error's message for a field (any thrown value). */
function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/** Take off change handlers a failed run left registered (one round trip); returns the error if that failed. */
async function dropWatches(run: RunContext): Promise<unknown> {
  const left = (run.watches ?? []).filter((w) => w.handlers.length > 0);
  if (left.length === 0) return null;
  try {
    await syncStep(
      run.context,
      () => {
        for (const w of left) for (const h of w.handlers) h.remove();
      },
      { ...run.policy, signal: undefined },
      run.counter,
    );
    for (const w of left) w.handlers.length = 0;
    return null;
  } catch (error) {
    return error ?? new Error('unknown failure');
  }
}

/** Sheets holding our rules that stay (rules on owned sheets leave with the sheet). */
function ruleSheets(settings: DubanSettings, names: readonly string[]): string[] {
  const owned = new Set(settings.owned.sheets);
  return [...new Set(settings.owned.rules.map((r) => r.sheet))].filter(
    (s) => names.includes(s) && !owned.has(s),
  );
}

const OWNED_NAMES: readonly string[] = Object.values(OWNED_SHEET_NAMES);

/**
 * The sheets read ahead: the one chosen, else those named 任务台账, the active sheet, the roster, and — in a
 * workbook of few visible sheets besides ours — the other visible ones (the workflow looks at them when no
 * ledger is found, and for the responsibility table beside a ledger). Our own sheets are never candidates.
 */
function candidates(overview: OverviewRead, chosen: string | null, readAhead: number): string[] {
  if (chosen !== null) return [chosen];
  const names = overview.sheets.map((s) => s.name);
  const visible = overview.sheets
    .filter((s) => s.visibility === 'visible')
    .map((s) => s.name)
    .filter((n) => !OWNED_NAMES.some((o) => n.startsWith(o)));
  const named = names.filter((n) => compactKey(n) === LEDGER_SHEET_NAME);
  const roster = names.filter(isRosterSheetName);
  // Our sheets from an earlier run do not count: a re-run reads the same sheets ahead as the first run.
  const others = visible.length <= readAhead ? visible : [];
  return [...new Set([...named, overview.active, ...roster, ...others])].filter(
    (n) => n !== SETTINGS_SHEET_NAME,
  );
}

/**
 * The planner's facts about the scored sheet as it will be once what the last run owned is removed: its last
 * used column (values and formats; a block of ours at the right edge does not count) and its widths in
 * characters (our block's columns at the widths they had before it).
 */
async function sheetFacts(
  run: RunContext,
  pre: Prefetched,
  sheet: string,
  grid: Grid,
  widthColumns: number,
): Promise<UserSheetFacts> {
  const owned = (pre.settingsSheet === 'ours' ? (pre.settings?.owned.columns ?? []) : []).filter(
    (m) => m.sheet === sheet,
  );
  const gridLast = (grid.cells[0]?.length ?? 0) + grid.origin.col - 1;
  if (!pre.usedRight.has(sheet)) await readWidths(run, pre, sheet, widthColumns);
  let used = pre.usedRight.get(sheet) ?? -1;
  for (const m of owned) {
    if (m.ownsHeader && used >= m.firstCol && used <= m.lastCol) used = Math.max(gridLast, m.firstCol - 1);
  }
  const lastCol = Math.max(used, gridLast);
  if ((pre.widths.get(sheet)?.length ?? 0) < lastCol + 6) await readWidths(run, pre, sheet, lastCol + 6);
  const widths: (number | null)[] = (pre.widths.get(sheet) ?? []).map(previousWidthOf);
  for (const m of owned) {
    if (!m.ownsHeader) continue;
    for (let c = m.firstCol; c <= m.lastCol; c++) widths[c] = m.previousWidths[c - m.firstCol] ?? null;
  }
  return { name: sheet, lastCol, widths };
}

/** Widths of the first `count` columns and the used width, for a sheet the prefetch did not cover. */
async function readWidths(run: RunContext, pre: Prefetched, sheet: string, count: number): Promise<void> {
  const got = await syncStep(
    run.context,
    () => {
      const ws = run.context.workbook.worksheets.getItem(sheet);
      const columns = Array.from({ length: count }, (_, c) => {
        const column = ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`);
        column.format.load('columnWidth');
        return column;
      });
      const used = ws.getUsedRangeOrNullObject(false);
      used.load('columnIndex, columnCount');
      return { columns, used };
    },
    run.policy,
    run.counter,
  );
  pre.widths.set(
    sheet,
    got.columns.map((c) => c.format.columnWidth),
  );
  pre.usedRight.set(sheet, got.used.isNullObject ? -1 : got.used.columnIndex + got.used.columnCount - 1);
}

/**
 * The session the task pane loads: over `Excel` and `Office.context.requirements` in the add-in, over the
 * fake in the playground.
 */
export function createExcelSession(
  excel: ExcelHost,
  requirements: RequirementSets,
  lang: Lang,
  options: ExcelSessionOptions = {},
): DubanSession {
  return new ExcelSession(excel, requirements, lang, options);
}
