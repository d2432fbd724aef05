/**
 * Carrying out a {@link WritePlan} in the open workbook — the Office.js counterpart of the exceljs host's
 * `applyPlan` (`src/xlsx/apply-plan.ts`): the same checks before the first write, the same things written in
 * the same order, batched into as few requests as the 4 MB budget allows.
 *
 * Before the first write (nothing is written when any fails): a planned sheet's name taken by a sheet that is
 * not ours; a column block or update on a missing sheet; a settings sheet of that name that is not ours; a
 * protected sheet we would write to, or a protected workbook while we would add or delete sheets; a change
 * the user made to a sheet we read since we read it.
 *
 * When a request fails midway (Excel is not transactional: what came before the failing action stays), what
 * this plan wrote is removed again — the plan's own marks are cleared — and the previous settings sheet put
 * back; then the failure is thrown as `DubanError('host_failure')` with the Office code (a cancel as
 * `cancelled`). Nothing is swallowed: if the clean-up fails too, the error says so and carries both.
 *
 * Clear ({@link clearOffice}) removes what the settings list and writes back the settings as they were before
 * the first run (`settingsAfterClear`); when it fails midway, the settings sheet as it was is put back, so
 * the marks still name what is left and clearing again finishes the job.
 */
import { DubanError, isDubanError } from '../core/errors.ts';
import type { PlanConditionalFormat, WritePlan } from '../core/write-plan/plan-model.ts';
import { columnMark, ruleMarks } from '../core/write-plan/plan-score.ts';
import {
  SETTINGS_MARKER,
  SETTINGS_SHEET_NAME,
  settingsAfterClear,
  type DubanSettings,
  type OwnedMarks,
} from '../core/write-plan/owned-settings.ts';
import { cellOps } from './cell-ops.ts';
import { checkProtection, clearOps, touchedSheets, type ClearSummary } from './office-clear.ts';
import { officeErrorCode } from './office-workbook.ts';
import {
  blockOps,
  chartOp,
  deleteSheetOp,
  ruleOps,
  settingsOps,
  sheetOps,
  type HostAbilities,
  type SkippedWrite,
} from './plan-ops.ts';
import { readConditionalFormats, readOverview, type Prefetched, type RunContext } from './prefetch.ts';
import { syncStep } from './office-sync.ts';
import { flushOps, op, type WriteOp } from './write-ops.ts';

/** What applying a plan did besides writing it. */
export interface ApplyReport {
  /** What the host could not write (print setup before ExcelApi 1.9). */
  readonly skipped: readonly SkippedWrite[];
  /** What the plan's `replaceOwned` removed first (null when it removed nothing). */
  readonly cleared: ClearSummary | null;
}

function lowerNames(names: readonly string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}

/** The checks the exceljs host makes, plus protection and changes; throws before anything is written. */
function checkPlan(plan: WritePlan, pre: Prefetched): void {
  const names = pre.overview.sheets.map((s) => s.name);
  // Excel compares sheet names ignoring case.
  const existing = lowerNames(names);
  const ownedBefore = new Set(pre.settingsSheet === 'ours' ? (pre.settings?.owned.sheets ?? []) : []);
  for (const sheet of plan.sheets) {
    const found = existing.get(sheet.name.toLowerCase());
    const replaceable = plan.replaceOwned && found !== undefined && ownedBefore.has(found);
    if (found !== undefined && !replaceable) {
      throw new DubanError('invalid_argument', `A sheet named ${sheet.name} already exists.`, {
        sheet: sheet.name,
      });
    }
  }
  for (const target of [...plan.columns.map((c) => c.sheet), ...plan.updates.map((u) => u.sheet)]) {
    if (!names.includes(target)) {
      throw new DubanError('sheet_not_found', `Sheet not found: ${target}`, { sheet: target });
    }
  }
  if (plan.settings && pre.settingsSheet === 'foreign') {
    throw new DubanError('invalid_argument', `A sheet named ${SETTINGS_SHEET_NAME} already exists.`, {
      sheet: SETTINGS_SHEET_NAME,
    });
  }
  const previous = plan.replaceOwned && pre.settings ? pre.settings.owned : null;
  const writes = new Set<string>([
    ...plan.columns.map((c) => c.sheet),
    ...plan.updates.map((u) => u.sheet),
    ...plan.conditionalFormats.map((r) => r.sheet).filter((s) => names.includes(s)),
    ...(previous ? touchedSheets(previous, names) : []),
  ]);
  const structure =
    plan.sheets.length > 0 || plan.settings !== null || (previous !== null && previous.sheets.length > 0);
  checkProtection([...writes], structure, pre.protectedSheets, pre.overview.workbookProtected);
  const change = pre.watch.changes[0];
  if (change) {
    const sheet = pre.sheetIds.get(change.worksheetId) ?? '';
    throw new DubanError(
      'host_failure',
      `Sheet ${sheet} changed while Duban was working (${change.address}); nothing was written.`,
      { code: 'SheetChanged', sheet, address: change.address },
    );
  }
}

/** Every operation of the plan, in the exceljs host's order. */
function planOps(
  plan: WritePlan,
  pre: Prefetched,
  abilities: HostAbilities,
  skipped: SkippedWrite[],
): { ops: WriteOp[]; cleared: ClearSummary | null } {
  const ops: WriteOp[] = [];
  const names = pre.overview.sheets.map((s) => s.name);
  const settingsOurs = pre.settingsSheet === 'ours';
  let cleared: ClearSummary | null = null;
  let removedBySheet = new Map<string, number>();
  const gone = new Set<string>();
  if (plan.replaceOwned && pre.settings) {
    const clear = clearOps(pre.settings.owned, { sheetNames: names, settingsOurs, cfs: pre.cfs });
    ops.push(...clear.ops);
    cleared = clear.summary;
    removedBySheet = clear.removedBySheet;
    for (const s of clear.summary.sheets) gone.add(s);
  }
  const protects: WriteOp[] = [];
  for (const sheet of plan.sheets) {
    const built = sheetOps(sheet, abilities, skipped);
    ops.push(...built.ops);
    if (built.protect) protects.push(built.protect);
  }
  for (const block of plan.columns) ops.push(...blockOps(block));
  for (const update of plan.updates) ops.push(...cellOps(update.sheet, update.cells, 'value'));
  const bySheet = new Map<string, PlanConditionalFormat[]>();
  for (const rule of plan.conditionalFormats)
    bySheet.set(rule.sheet, [...(bySheet.get(rule.sheet) ?? []), rule]);
  for (const [sheet, rules] of bySheet) {
    const isNew = plan.sheets.some((s) => s.name === sheet);
    const before = isNew ? 0 : (pre.cfs.get(sheet)?.length ?? 0) - (removedBySheet.get(sheet) ?? 0);
    ops.push(...ruleOps(rules, Math.max(0, before)));
  }
  for (const rule of plan.conditionalFormats) {
    const chart = chartOp(rule);
    if (chart) ops.push(chart);
  }
  if (plan.settings) {
    if (settingsOurs && !gone.has(SETTINGS_SHEET_NAME)) ops.push(deleteSheetOp(SETTINGS_SHEET_NAME));
    ops.push(...settingsOps(plan.settings));
  }
  ops.push(...protects);
  return { ops, cleared };
}

/** Take the run's change handlers off when nothing will be written (one round trip, only if any). */
export async function stopWatching(run: RunContext, pre: Prefetched): Promise<void> {
  if (pre.watch.handlers.length === 0) return;
  await syncStep(
    run.context,
    () => {
      removeHandlers(pre)();
    },
    { ...run.policy, signal: undefined },
    run.counter,
  );
  pre.watch.handlers.length = 0;
}

/** Queue the removal of the run's change handlers (the list is emptied once the request went through). */
function removeHandlers(pre: Prefetched): () => void {
  return () => {
    for (const h of pre.watch.handlers) h.remove();
  };
}

/**
 * Apply `plan` in the run's context. `pre` is what the reads of this run found (with the conditional formats'
 * ranges and formulas of the sheets the stored settings name, when `replaceOwned`).
 */
export async function applyPlanOffice(
  run: RunContext,
  plan: WritePlan,
  pre: Prefetched,
  abilities: HostAbilities,
): Promise<ApplyReport> {
  // Let change events already on their way arrive before we decide that nothing changed.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // A refusal leaves the change handlers to the caller's clean-up (ExcelSession takes them off).
  checkPlan(plan, pre);
  const skipped: SkippedWrite[] = [];
  const { ops, cleared } = planOps(plan, pre, abilities, skipped);
  const before = run.counter.syncs;
  pre.watch.ownWrites = true;
  try {
    await flushOps(run, ops, removeHandlers(pre));
    pre.watch.handlers.length = 0;
  } catch (error) {
    // Nothing was sent (cancelled before the first request): nothing to undo.
    if (run.counter.syncs > before) await undoPlan(run, plan, pre, error);
    throw asHostFailure(error, 'write the results');
  }
  return { skipped, cleared };
}

/** An error as the session throws it: ours as they are, Office's as `host_failure` with the code. */
export function asHostFailure(error: unknown, action: string): DubanError {
  if (isDubanError(error)) return error;
  const code = officeErrorCode(error) ?? 'Unknown';
  const detail = error instanceof Error ? error.message : String(error);
  return new DubanError('host_failure', `Excel could not ${action}: ${detail}`, { code }, { cause: error });
}

/**
 * After a failed write: remove what the plan wrote (its sheets, columns and rules, found again by their
 * marks) and put the previous settings sheet back. Runs even when the run was cancelled.
 */
async function undoPlan(run: RunContext, plan: WritePlan, pre: Prefetched, cause: unknown): Promise<void> {
  const undo: RunContext = { ...run, policy: { ...run.policy, signal: undefined } };
  try {
    const now = await readOverview(undo);
    const names = now.sheets.map((s) => s.name);
    const marks: OwnedMarks = {
      sheets: plan.sheets.map((s) => s.name),
      columns: plan.columns.map(columnMark),
      rules: ruleMarks(plan.conditionalFormats),
    };
    const ruleSheets = [...new Set(marks.rules.map((r) => r.sheet))].filter(
      (s) => names.includes(s) && !marks.sheets.includes(s),
    );
    const cfs = await readConditionalFormats(undo, ruleSheets);
    const settingsNow =
      plan.settings !== null && names.includes(SETTINGS_SHEET_NAME) ? await markerOf(undo) : false;
    const { ops } = clearOps(
      { ...marks, rules: marks.rules.filter((r) => !marks.sheets.includes(r.sheet)) },
      { sheetNames: names, settingsOurs: settingsNow, cfs },
    );
    const previous = plan.settings !== null ? pre.settingsValues : null;
    if (previous) ops.push(restoreSettingsOp(previous));
    await flushOps(undo, ops);
  } catch (undoError) {
    throw new DubanError(
      'host_failure',
      `Excel could not write the results, and removing what was written failed too: ${String(undoError)}`,
      { code: officeErrorCode(cause) ?? 'Unknown', undoFailed: true },
      { cause: new AggregateError([cause, undoError]) },
    );
  }
}

/**
 * Clear in the run's context: remove what `settings` (read from the settings sheet, with owned marks) list
 * as owned, then write back {@link settingsAfterClear}'s document into a new veryHidden settings sheet —
 * unless it is null, when the settings sheet just goes. `pre` must hold the conditional formats' ranges and
 * formulas of the sheets the marks name; the protection checks were made by the caller.
 */
export async function clearOffice(
  run: RunContext,
  pre: Prefetched,
  settings: DubanSettings,
): Promise<ClearSummary> {
  const names = pre.overview.sheets.map((s) => s.name);
  const { ops, summary } = clearOps(settings.owned, { sheetNames: names, settingsOurs: true, cfs: pre.cfs });
  const after = settingsAfterClear(settings);
  if (after !== null) ops.push(...settingsOps(after));
  const before = run.counter.syncs;
  try {
    await flushOps(run, ops);
  } catch (error) {
    if (run.counter.syncs > before && pre.settingsValues) await undoClear(run, pre.settingsValues, error);
    throw asHostFailure(error, 'clear the highlights');
  }
  // Written back with the saved choices, the settings sheet is not reported as removed.
  return after === null
    ? summary
    : { ...summary, sheets: summary.sheets.filter((n) => n !== SETTINGS_SHEET_NAME) };
}

/**
 * After a failed clear: put the settings sheet back as it was (whatever of it is there now goes first — the
 * old one, or a new one half written), so the marks still name what is left and clearing again finishes.
 */
async function undoClear(run: RunContext, values: readonly string[], cause: unknown): Promise<void> {
  const undo: RunContext = { ...run, policy: { ...run.policy, signal: undefined } };
  try {
    const now = await readOverview(undo);
    const ops: WriteOp[] = [];
    // At the start of this run the sheet of that name was ours; only this run has written it since.
    if (now.sheets.some((s) => s.name === SETTINGS_SHEET_NAME)) ops.push(deleteSheetOp(SETTINGS_SHEET_NAME));
    ops.push(restoreSettingsOp(values));
    await flushOps(undo, ops);
  } catch (undoError) {
    throw new DubanError(
      'host_failure',
      `Excel could not clear the highlights, and putting the settings back failed too: ${String(undoError)}`,
      { code: officeErrorCode(cause) ?? 'Unknown', undoFailed: true },
      { cause: new AggregateError([cause, undoError]) },
    );
  }
}

/** True when the settings sheet's A1 holds our marker. */
async function markerOf(run: RunContext): Promise<boolean> {
  const cell = await syncStep(
    run.context,
    () => {
      const a1 = run.context.workbook.worksheets.getItem(SETTINGS_SHEET_NAME).getRange('A1');
      a1.load('values');
      return a1;
    },
    run.policy,
    run.counter,
  );
  return cell.values[0]?.[0] === SETTINGS_MARKER;
}

/** The settings sheet as it was (column A exactly as read), veryHidden. */
function restoreSettingsOp(values: readonly string[]): WriteOp {
  const data = values.map((v) => [v]);
  return op(4, 4, data, (scope) => {
    const ws = scope.addSheet(SETTINGS_SHEET_NAME);
    const range = ws.getRange(`A1:A${data.length}`);
    range.numberFormat = data.map(() => ['@']);
    range.values = data;
    ws.visibility = 'VeryHidden';
  });
}
