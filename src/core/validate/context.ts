/**
 * What every validate check reads: the grid, the table, the breakdown, the roster and the resolved options,
 * plus small lookups shared by the checks (a row's cell for a column role, a column's header text).
 */
import type { Breakdown, SubTask } from '../breakdown-model.ts';
import { cellAt, columnLetters, type CellRef, type Grid, type RawCell } from '../grid.ts';
import type { ColumnMapping, ColumnRole, ReadTable, TaskRow } from '../table-model.ts';
import { cellText, compactKey, tidySpaces } from '../text/normalize.ts';

/** Options after defaults were applied and invalid values replaced. */
export interface ResolvedOptions {
  readonly progressLimit: number;
  /** ISO date `YYYY-MM-DD`, or null when no as-of date was given. */
  readonly asOf: string | null;
  /** `MM-DD` dates, sorted, each valid. */
  readonly reportingDeadlines: readonly string[];
  /** The plan year from the options, the breakdown or the table title, or null. */
  readonly planYear: number | null;
}

/** The input of every check. */
export interface ValidateContext {
  readonly grid: Grid;
  readonly table: ReadTable;
  readonly breakdown: Breakdown;
  /** Roster unit names, or null when the workbook has none (an empty list counts as none). */
  readonly roster: readonly string[] | null;
  readonly options: ResolvedOptions;
  /** `compactKey`, memoised for this run: unit and owner names repeat across thousands of rows. */
  readonly key: (text: string) => string;
  /** Distinct compact keys of a row's units, in order, memoised for this run. */
  readonly unitKeys: (row: TaskRow) => readonly string[];
  /** The identity of a row's unit set: its unit keys sorted and joined; memoised. */
  readonly unitSetKey: (row: TaskRow) => string;
  /** The breakdown's sub-tasks by the sheet row of their task; built once per run. */
  readonly subTasksByRow: () => ReadonlyMap<number, readonly SubTask[]>;
}

/** The memoised lookups of a {@link ValidateContext}, fresh for each run (nothing outlives it). */
export function makeKeyCaches(
  breakdown: Breakdown,
): Pick<ValidateContext, 'key' | 'unitKeys' | 'unitSetKey' | 'subTasksByRow'> {
  const keys = new Map<string, string>();
  const key = (text: string): string => {
    let k = keys.get(text);
    if (k === undefined) {
      k = compactKey(text);
      keys.set(text, k);
    }
    return k;
  };
  // A row's unit keys and the identity of their set, worked out together on first use.
  // Kept by the row's units array, not the row: they depend on nothing else, and rows naming the same
  // units share one array (the table reader parses each distinct unit cell once).
  const units = new WeakMap<readonly string[], { readonly keys: readonly string[]; readonly set: string }>();
  const unitsOf = (row: TaskRow): { readonly keys: readonly string[]; readonly set: string } => {
    let info = units.get(row.units);
    if (!info) {
      // Distinct non-empty keys in order (a row names one unit, or a few).
      const keysOfRow: string[] = [];
      for (const unit of row.units) {
        const k = key(unit);
        if (k !== '' && !keysOfRow.includes(k)) keysOfRow.push(k);
      }
      const set = keysOfRow.length === 1 ? (keysOfRow[0] ?? '') : [...keysOfRow].sort().join('\u0000');
      info = { keys: keysOfRow, set };
      units.set(row.units, info);
    }
    return info;
  };
  const unitKeys = (row: TaskRow): readonly string[] => unitsOf(row).keys;
  const unitSetKey = (row: TaskRow): string => unitsOf(row).set;
  let byRow: Map<number, SubTask[]> | null = null;
  const subTasksByRow = (): ReadonlyMap<number, readonly SubTask[]> => {
    byRow ??= groupSubTasks(breakdown);
    return byRow;
  };
  return { key, unitKeys, unitSetKey, subTasksByRow };
}

/** A cell of a row as the checks see it: where it is and what it holds. */
export interface RowCell {
  readonly at: CellRef;
  readonly raw: RawCell;
}

/** The first column mapped to a role, or null. */
export function columnFor(table: ReadTable, role: ColumnRole): ColumnMapping | null {
  return table.columns.find((c) => c.role === role) ?? null;
}

/**
 * A row's cell for a role: the reader's merge-filled field when present, else the cell under the role's
 * column (when the role is mapped), else null.
 * @param column the role's column as {@link columnFor} gives it, when the caller looked it up once for all
 *   rows (omitted: looked up here).
 */
export function rowCell(
  ctx: ValidateContext,
  row: TaskRow,
  role: ColumnRole,
  column?: ColumnMapping | null,
): RowCell | null {
  const field = row.fields[role];
  if (field) return field; // a Located is a RowCell; no copy (this runs for every cell of every row)
  const mapping = column === undefined ? columnFor(ctx.table, role) : column;
  if (!mapping) return null;
  return {
    at: { sheet: ctx.table.sheet, row: row.row, col: mapping.col },
    raw: cellAt(ctx.grid, row.row, mapping.col),
  };
}

/** The header cell of a column: its mapping's header, else the last header row above it. */
export function columnHeaderRef(ctx: ValidateContext, col: number): CellRef {
  const mapping = ctx.table.columns.find((c) => c.col === col);
  if (mapping) return mapping.header;
  const lastHeaderRow = ctx.table.headerRow + Math.max(1, ctx.table.headerRowCount) - 1;
  return { sheet: ctx.table.sheet, row: lastHeaderRow, col };
}

/**
 * The header text of a column for messages: the mapping's header text, else (wide tables) the indicator
 * group's name with the sub-header below it, else the column letter.
 */
export function columnLabel(ctx: ValidateContext, col: number): string {
  const mapping = ctx.table.columns.find((c) => c.col === col);
  if (mapping) return tidySpaces(mapping.headerText) || columnLetters(col);
  const sub = tidySpaces(cellText(cellAt(ctx.grid, columnHeaderRef(ctx, col).row, col)));
  const group = ctx.table.groups.find((g) => g.planCol === col || g.actualCol === col || g.ratioCol === col);
  if (group) return sub ? `${tidySpaces(group.name)}/${sub}` : tidySpaces(group.name);
  return sub || columnLetters(col);
}

/**
 * The unit of measure written in a column's header (`完成值(万元)`), or for a wide table the indicator
 * group's unit, or null.
 */
export function columnMeasureUnit(ctx: ValidateContext, col: number): string | null {
  const mapping = ctx.table.columns.find((c) => c.col === col);
  if (mapping?.measureUnit) return mapping.measureUnit;
  const group = ctx.table.groups.find((g) => g.planCol === col || g.actualCol === col || g.ratioCol === col);
  return group?.measureUnit ?? null;
}

/**
 * A numeric map key for a cell of the table's sheet (every cell a check looks at is on that sheet). Numbers
 * hash and compare far faster than strings in the sets the checks keep per row. Excel has at most 16,384
 * columns, so `row * 20000 + col` is unique and exact for every real row number.
 */
export function refKey(ref: CellRef): number {
  return ref.row * 20_000 + ref.col;
}

/** True when two refs name the same cell. */
export function sameRef(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/**
 * The sub-tasks broken out of a row's target. In a wide table several records share a sheet row, so a
 * sub-task must also come from the record's target cell when that is known.
 */
export function subTasksOf(
  bySheetRow: ReadonlyMap<number, readonly SubTask[]>,
  row: TaskRow,
): readonly SubTask[] {
  const onRow = bySheetRow.get(row.row) ?? NO_SUBTASKS;
  const target = row.target;
  if (!target) return onRow;
  // The usual long table: every sub-task of the row comes from its one target cell; no copy needed.
  let all = true;
  for (const s of onRow) {
    // The breakdown hands each sub-task its target's own ref: the same object, as a rule.
    if (s.at !== target.at && !sameRef(s.at, target.at)) {
      all = false;
      break;
    }
  }
  if (all) return onRow;
  const fromCell = onRow.filter((s) => sameRef(s.at, target.at));
  return fromCell.length > 0 ? fromCell : onRow;
}

const NO_SUBTASKS: readonly SubTask[] = [];

/** Sub-tasks grouped by the sheet row of their task, in order. */
function groupSubTasks(breakdown: Breakdown): Map<number, SubTask[]> {
  const map = new Map<number, SubTask[]>();
  const all = breakdown.subTasks;
  // The breakdown lists a row's sub-tasks together: take each run in one slice.
  for (let i = 0; i < all.length;) {
    const row = all[i]?.taskRow ?? 0;
    let j = i + 1;
    while (j < all.length && all[j]?.taskRow === row) j++;
    const list = map.get(row);
    if (list) for (let k = i; k < j; k++) list.push(all[k] as SubTask);
    else map.set(row, all.slice(i, j));
    i = j;
  }
  return map;
}

/** Display label of a row's units: `区财政局、区税务局`, else the unit cell's text, else `—`. */
export function unitLabel(row: TaskRow): string {
  if (row.units.length > 0) return row.units.map(tidySpaces).join('、');
  const text = row.unitCell ? tidySpaces(row.unitCell.value) : '';
  return text === '' ? '—' : text;
}

/** Format a number for a message without float noise: 666.6666666 → 666.667, 10000 → 10000. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/**
 * Append `items` to `out`. (`out.push(...items)` passes every item as an argument: a check on a 100,000-row
 * table can return more findings than a call may take, and would throw.)
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** The code points of a text, so a CJK character or an emoji counts as one character. */
export function chars(text: string): string[] {
  return Array.from(text);
}
