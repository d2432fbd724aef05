/**
 * Progress taken straight from a responsibility table's own columns, for scoring a table that carries its
 * figures (目标值 / 完成值 / 完成率 / 进展情况) without a ledger.
 *
 * Rules:
 * - Long layout (a row per task): the row's cells go to the sub-tasks broken down from it.
 *   - One sub-task: everything goes to it — 完成值 as its actual (read in the unit the 完成值 or 目标值 header
 *     names, `完成值（万元）`), 目标值 as its plan (overriding the target text's value), 完成率 as a printed rate
 *     to recompute, 进展情况 as its progress text, 权重 and 类别.
 *   - Several sub-tasks: the figures (完成值, 目标值, 完成率) go to the only sub-task with a quantified
 *     indicator (an info finding says so); with none or several such sub-tasks they cannot be assigned and
 *     are reported, not scored. 进展情况 and 类别 go to every sub-task (a one-word text such as 已完成 then
 *     counts for each); a number in 权重 is shared equally among them.
 *   - A row's single 目标值/完成值 pair applies to its sub-task's first indicator.
 * - Wide layout (a row per unit, indicator groups across): each record (unit × group) is one sub-task; its
 *   plan is the group's 目标 cell, its actual the 进度/完成 cell, its printed rate the 完成比例 cell, all read
 *   in the unit the group header names (`城镇新增就业（人）`).
 * - Total rows (全市, 合计) are broken down like the others into sub-tasks of their own, with ids named after
 *   the row (`全市.01`), and listed in `totals` so scoring scores them (their printed rates are checked too)
 *   but never ranks or counts them.
 */
import type { Breakdown, SubTask } from '../breakdown-model.ts';
import { breakDownTable } from '../breakdown/break-down-table.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { isCellError, numberFormatAt, type Grid, type RawCell } from '../grid.ts';
import { readWeight } from '../score/interpret-actual.ts';
import { isEmptyProgress, progressEntry } from '../score/progress-entry.ts';
import type { ProgressEntry } from '../score/score-model.ts';
import type { Located, ReadTable, TaskRow } from '../table-model.ts';
import { cellText, compactKey, isBlank } from '../text/normalize.ts';
import { isQuantified } from '../ledger/ledger-values.ts';

/** Options of {@link readTableProgress}. */
export interface TableProgressOptions {
  /**
   * The grid the table was read from, for the number formats of the figure cells (a cell showing `68.1%`
   * holds 0.681). Without it every number is read as written.
   */
  readonly grid?: Grid;
  /** Plan year for breaking down total rows (default: the breakdown's). */
  readonly planYear?: number;
}

/** Everything a responsibility table says about progress, ready for `scoreSubTasks`. */
export interface TableProgress {
  /**
   * Every sub-task to score: the breakdown's, a repeated id made unique (`1.01`, then `1.01-2` for a second
   * row with serial 1), followed by the total rows' sub-tasks.
   */
  readonly subTasks: SubTask[];
  /** Progress per sub-task id (of `subTasks`), total rows' sub-tasks included. */
  readonly progress: Map<string, ProgressEntry>;
  /** Sub-tasks of the total rows, to be scored alongside the breakdown's (ids such as `全市.01`). */
  readonly totalSubTasks: SubTask[];
  /** For `ScoreInput.totals`: the total rows' labels and absolute rows. */
  readonly totals: { readonly units: string[]; readonly rows: number[] };
  readonly findings: Finding[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The label of a total row that names itself nowhere (neither in its unit nor its serial cell). */
const DEFAULT_TOTAL_LABEL = '合计';

function present(cell: Located<RawCell> | undefined): cell is Located<RawCell> {
  return cell !== undefined && (!isBlank(cell.raw) || isCellError(cell.raw));
}

function formatOf(grid: Grid | undefined, cell: Located<RawCell>): string | null {
  return grid ? numberFormatAt(grid, cell.at.row, cell.at.col) : null;
}

function asText(cell: Located<RawCell>): Located<string> {
  return { value: cellText(cell.raw).trim(), at: cell.at, raw: cell.raw };
}

/** The unit of measure plain figures of a long table are in: the 完成值 header's, else the 目标值 header's. */
function longMeasureUnit(table: ReadTable): string | null {
  const actual = table.columns.find((c) => c.role === 'actual')?.measureUnit ?? null;
  const plan = table.columns.find((c) => c.role === 'planValue')?.measureUnit ?? null;
  return actual ?? plan;
}

/** The figure fields of a row (plan, actual, printed rate) as entry fields. */
function figures(row: TaskRow, unit: string | null, grid: Grid | undefined): Partial<Mutable<ProgressEntry>> {
  const out: Partial<Mutable<ProgressEntry>> = {};
  const { actual, planValue, completionRate } = row.fields;
  if (present(actual)) {
    out.actual = actual;
    out.actualFormat = formatOf(grid, actual);
  }
  if (present(planValue)) {
    out.plan = planValue;
    out.planFormat = formatOf(grid, planValue);
  }
  if (present(completionRate)) {
    out.printedRate = completionRate;
    out.printedRateFormat = formatOf(grid, completionRate);
  }
  if (unit !== null && unit.trim() !== '' && (out.actual || out.plan)) out.actualUnit = unit;
  return out;
}

/** The fields every sub-task of a row shares: progress text, category, and the weight divided `share` ways. */
function shared(row: TaskRow, share: number): Partial<Mutable<ProgressEntry>> {
  const out: Partial<Mutable<ProgressEntry>> = {};
  const progress = row.fields.progress;
  if (present(progress)) out.text = asText(progress);
  if (row.category !== null) out.category = row.category;
  const weight = row.fields.weight;
  if (present(weight)) {
    const w = readWeight(weight.raw);
    out.weight = share > 1 && w !== null ? w / share : weight;
  }
  return out;
}

function hasFigures(entry: Partial<ProgressEntry>): boolean {
  return entry.actual !== undefined || entry.plan !== undefined || entry.printedRate !== undefined;
}

/** Entries for the sub-tasks of one long-layout row. */
function longRow(
  row: TaskRow,
  subs: readonly SubTask[],
  unit: string | null,
  grid: Grid | undefined,
  progress: Map<string, ProgressEntry>,
  findings: Finding[],
): void {
  if (subs.length === 0) return;
  const figs = figures(row, unit, grid);
  const common = shared(row, subs.length);
  const only = subs[0];
  if (subs.length === 1 && only) {
    const entry = progressEntry({ ...figs, ...common });
    if (!isEmptyProgress(entry)) progress.set(only.id, entry);
    return;
  }
  let target: SubTask | null = null;
  if (hasFigures(figs)) {
    const quantified = subs.filter((s) => s.indicators.some(isQuantified));
    const at = (figs.actual ?? figs.plan ?? figs.printedRate)?.at;
    const serial = row.serial?.value ?? String(row.row + 1);
    const one = quantified[0];
    if (quantified.length === 1 && one) {
      target = one;
      findings.push(makeFinding('table_progress_actual_assigned', at, { serial, id: one.id }));
    } else {
      findings.push(makeFinding('table_progress_actual_ambiguous', at, { serial, count: quantified.length }));
    }
  }
  for (const sub of subs) {
    const entry = progressEntry(sub === target ? { ...figs, ...common } : common);
    if (!isEmptyProgress(entry)) progress.set(sub.id, entry);
  }
}

/** Entry of one wide-layout record (a unit × an indicator group). */
function wideRow(table: ReadTable, row: TaskRow, grid: Grid | undefined): ProgressEntry {
  const group = table.groups.find((g) => g.name === row.group);
  return progressEntry({ ...figures(row, group?.measureUnit ?? null, grid), ...shared(row, 1) });
}

/** Sub-tasks of each task row, keyed by absolute row. */
function subTasksByRow(subTasks: readonly SubTask[]): Map<number, SubTask[]> {
  const out = new Map<number, SubTask[]>();
  for (const s of subTasks) {
    const list = out.get(s.taskRow) ?? [];
    list.push(s);
    out.set(s.taskRow, list);
  }
  return out;
}

/** Entries for `rows` whose sub-tasks are `subTasks`. */
function collect(
  table: ReadTable,
  rows: readonly TaskRow[],
  subTasks: readonly SubTask[],
  grid: Grid | undefined,
  progress: Map<string, ProgressEntry>,
  findings: Finding[],
): void {
  const byRow = subTasksByRow(subTasks);
  const unit = longMeasureUnit(table);
  const seenLong = new Set<number>();
  for (const row of rows) {
    const subs = byRow.get(row.row) ?? [];
    if (row.group !== null) {
      const name = row.group.trim();
      const sub = subs.find((s) => s.text === name);
      if (!sub) continue;
      const entry = wideRow(table, row, grid);
      if (!isEmptyProgress(entry)) progress.set(sub.id, entry);
      continue;
    }
    // A long row appears once per sheet row; a second record of the same row would only repeat it.
    if (seenLong.has(row.row)) continue;
    seenLong.add(row.row);
    longRow(row, subs, unit, grid, progress, findings);
  }
}

/** The label a total row is named by: its unit cell (`全市`), else its serial cell, else `合计`. */
function totalLabel(row: TaskRow): string {
  const text = compactKey(row.unitCell?.value ?? row.serial?.value ?? '');
  return text === '' ? DEFAULT_TOTAL_LABEL : text;
}

/** Break the total rows down into sub-tasks of their own, with ids and units named after the row. */
function totalSubTasks(
  table: ReadTable,
  planYear: number | null,
  taken: ReadonlySet<string>,
): { subTasks: SubTask[]; findings: Finding[] } {
  if (table.totals.length === 0) return { subTasks: [], findings: [] };
  const broken = breakDownTable(
    { ...table, rows: table.totals, totals: [], findings: [] },
    planYear !== null ? { planYear } : {},
  );
  const rowsByIndex = new Map(table.totals.map((r) => [r.row, r]));
  const used = new Set(taken);
  const subTasks = broken.subTasks.map((sub) => {
    const row = rowsByIndex.get(sub.taskRow);
    const label = row ? totalLabel(row) : DEFAULT_TOTAL_LABEL;
    let id = `${label}.${String(sub.seq).padStart(2, '0')}`;
    for (let n = 2; used.has(id); n++) id = `${label}${n}.${String(sub.seq).padStart(2, '0')}`;
    used.add(id);
    return { ...sub, id, units: sub.units.length > 0 ? sub.units : [label] };
  });
  return { subTasks, findings: [...broken.findings] };
}

/**
 * Sub-tasks with unique ids: two rows with the same 序号 give the same ids, and scoring needs them apart.
 * A repeat gets `-2`, `-3` … appended (`1.01-2`); the first keeps its id.
 */
function uniqueIds(subTasks: readonly SubTask[]): SubTask[] {
  const seen = new Map<string, number>();
  const taken = new Set(subTasks.map((s) => s.id));
  return subTasks.map((sub) => {
    const n = (seen.get(sub.id) ?? 0) + 1;
    seen.set(sub.id, n);
    if (n === 1) return sub;
    let k = n;
    while (taken.has(`${sub.id}-${k}`)) k += 1;
    const id = `${sub.id}-${k}`;
    taken.add(id);
    return { ...sub, id };
  });
}

/**
 * Progress, total sub-tasks and findings from a responsibility table's own columns (rules in the module
 * comment). Never throws for any table content; throws `DubanError('invalid_argument')` only for a plan year
 * that is not a whole year.
 */
export function readTableProgress(
  table: ReadTable,
  breakdown: Breakdown,
  options: TableProgressOptions = {},
): TableProgress {
  const progress = new Map<string, ProgressEntry>();
  const findings: Finding[] = [];
  const subTasks = uniqueIds(breakdown.subTasks);
  collect(table, table.rows, subTasks, options.grid, progress, findings);
  const planYear = options.planYear ?? breakdown.planYear;
  const ids = new Set(subTasks.map((s) => s.id));
  const totals = totalSubTasks(table, planYear, ids);
  findings.push(...totals.findings);
  collect(table, table.totals, totals.subTasks, options.grid, progress, findings);
  const labels = [...new Set(totals.subTasks.flatMap((s) => s.units))];
  return {
    subTasks: [...subTasks, ...totals.subTasks],
    progress,
    totalSubTasks: totals.subTasks,
    totals: { units: labels, rows: [...new Set(table.totals.map((r) => r.row))] },
    findings,
  };
}

/**
 * Progress per sub-task id from a responsibility table's own columns (see {@link readTableProgress}, which
 * also returns the total rows' sub-tasks and the findings).
 */
export function progressFromTable(
  table: ReadTable,
  breakdown: Breakdown,
  options: TableProgressOptions = {},
): Map<string, ProgressEntry> {
  return readTableProgress(table, breakdown, options).progress;
}
