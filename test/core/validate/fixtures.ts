/**
 * Hand-built inputs for the validate tests: a grid, the table a reader would make of it, and a breakdown.
 * Nothing here calls the reader or the breakdown; every record is spelled out by the test that uses it.
 */
import type { Breakdown, Indicator, IndicatorKind, SubTask } from '../../../src/core/breakdown-model.ts';
import type { CellRange, CellRef, Grid, RawCell } from '../../../src/core/grid.ts';
import type {
  ColumnMapping,
  ColumnRole,
  IndicatorGroup,
  Located,
  Person,
  ReadTable,
  TaskRow,
} from '../../../src/core/table-model.ts';
import { makeIndicator } from '../../../src/core/measure/written-unit.ts';

export const SHEET = '分解表';

/** A cell on the test sheet (0-based). */
export function ref(row: number, col: number, sheet = SHEET): CellRef {
  return { sheet, row, col };
}

/** A person; `key` is written by hand (spaces removed). */
export function person(display: string, key = display, extra: Partial<Person> = {}): Person {
  return { display, key, deputies: [], isRole: false, ...extra };
}

/** A role such as 各产业链组长. */
export function role(display: string, key: string): Person {
  return { display, key, deputies: [], isRole: true };
}

/** Column layout: role → 0-based column. Header texts default to the usual Chinese words. */
export type Layout = Partial<Record<ColumnRole, number>>;

const DEFAULT_HEADERS: Record<ColumnRole, string> = {
  serial: '序号',
  unit: '责任单位',
  coUnit: '配合单位',
  target: '目标任务',
  owner: '责任人',
  leader: '责任领导',
  contact: '联系人',
  deadline: '完成时限',
  planValue: '目标值',
  actual: '完成值',
  completionRate: '完成率',
  progress: '进展情况',
  remark: '备注',
  category: '类别',
  weight: '权重',
};

/** Options of {@link buildGrid}. */
export interface GridOptions {
  readonly headerRow?: number;
  readonly headers?: Partial<Record<ColumnRole, string>>;
  readonly merges?: readonly CellRange[];
  /** Number formats by absolute cell: `'r,c'` → format. */
  readonly formats?: Readonly<Record<string, string>>;
  readonly sheet?: string;
}

/**
 * A grid: a title in A1, the header row (default row index 1, the user's row 2) and the data rows below
 * it, each a full row of raw cells.
 */
export function buildGrid(
  layout: Layout,
  data: readonly (readonly RawCell[])[],
  options: GridOptions = {},
): Grid {
  const headerRow = options.headerRow ?? 1;
  const width = Math.max(0, ...Object.values(layout).map((c) => c + 1), ...data.map((r) => r.length));
  const cells: RawCell[][] = [];
  for (let r = 0; r < headerRow; r++) cells.push(r === 0 ? ['2024年重点工作任务分解表'] : []);
  const header: RawCell[] = new Array<RawCell>(width).fill(null);
  for (const [r, col] of Object.entries(layout) as [ColumnRole, number][]) {
    header[col] = options.headers?.[r] ?? DEFAULT_HEADERS[r];
  }
  cells.push(header);
  for (const row of data) cells.push([...row]);
  const formats = options.formats;
  const numberFormats = formats
    ? cells.map((row, r) =>
        Array.from(
          { length: Math.max(row.length, width) },
          (_, c) => formats[`${String(r)},${String(c)}`] ?? null,
        ),
      )
    : undefined;
  return {
    sheet: options.sheet ?? SHEET,
    origin: { row: 0, col: 0 },
    cells,
    ...(options.merges ? { merges: options.merges } : {}),
    ...(numberFormats ? { numberFormats } : {}),
  };
}

function cellOf(grid: Grid, row: number, col: number): RawCell {
  return grid.cells[row - grid.origin.row]?.[col - grid.origin.col] ?? null;
}

function textOf(raw: RawCell): string {
  if (raw === null) return '';
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}

/** What a test says about one task row beyond the grid: the reader's parsed units and owners. */
export interface RowSpec {
  readonly row: number;
  readonly units?: readonly string[];
  readonly owners?: readonly Person[];
  readonly category?: string | null;
  /** Where a merged cell's value came from, by role: the merge's top-left cell. */
  readonly from?: Partial<Record<ColumnRole, CellRef>>;
  /** Whether the reader gives a blank target as `null` (default) or as an empty Located. */
  readonly blankTargetAsEmpty?: boolean;
}

/** One task row as the reader would produce it: every mapped cell with its address and raw value. */
export function taskRow(grid: Grid, layout: Layout, spec: RowSpec): TaskRow {
  const fields: Partial<Record<ColumnRole, Located<RawCell>>> = {};
  for (const [r, col] of Object.entries(layout) as [ColumnRole, number][]) {
    const at = spec.from?.[r] ?? ref(spec.row, col, grid.sheet);
    const raw = cellOf(grid, at.row, at.col);
    fields[r] = { value: raw, at, raw };
  }
  const located = (r: ColumnRole, keepBlank = false): Located<string> | null => {
    const f = fields[r];
    if (!f) return null;
    const text = textOf(f.raw);
    if (text.trim() === '' && !keepBlank) return null;
    return { value: text, at: f.at, raw: f.raw };
  };
  const unitCell = located('unit');
  return {
    row: spec.row,
    serial: located('serial'),
    units: spec.units ?? (unitCell ? [unitCell.value] : []),
    unitCell,
    coUnits: [],
    owners: spec.owners ?? [],
    ownerCell: located('owner'),
    target: located('target', spec.blankTargetAsEmpty ?? false),
    fields,
    category: spec.category ?? null,
    group: null,
  };
}

/** Options of {@link buildTable}. */
export interface TableOptions {
  readonly headerRow?: number;
  readonly measureUnits?: Partial<Record<ColumnRole, string>>;
  readonly totals?: readonly RowSpec[];
  readonly planYear?: number | null;
  readonly layout?: 'long' | 'wide';
  readonly groups?: readonly IndicatorGroup[];
}

/** The table a reader would make of `grid`. */
export function buildTable(
  grid: Grid,
  layout: Layout,
  rows: readonly RowSpec[],
  options: TableOptions = {},
): ReadTable {
  const headerRow = options.headerRow ?? 1;
  const columns: ColumnMapping[] = (Object.entries(layout) as [ColumnRole, number][]).map(([r, col]) => ({
    role: r,
    col,
    header: ref(headerRow, col, grid.sheet),
    headerText: textOf(cellOf(grid, headerRow, col)),
    measureUnit: options.measureUnits?.[r] ?? null,
  }));
  return {
    sheet: grid.sheet,
    layout: options.layout ?? 'long',
    headerRow,
    headerRowCount: 1,
    columns,
    groups: options.groups ?? [],
    rows: rows.map((spec) => taskRow(grid, layout, spec)),
    totals: (options.totals ?? []).map((spec) => taskRow(grid, layout, spec)),
    title: '2024年重点工作任务分解表',
    planYear: options.planYear === undefined ? 2024 : options.planYear,
    findings: [],
  };
}

/** An indicator. */
export function indicator(
  kind: IndicatorKind,
  text: string,
  value: number | null = null,
  unit: string | null = null,
): Indicator {
  return makeIndicator({
    metric: text,
    kind,
    comparator: value === null ? null : '>=',
    value,
    valueMax: null,
    unit,
    text,
  });
}

/** A sub-task of the task on `row`, split from the target cell `at`. */
export function subTask(
  row: number,
  seq: number,
  text: string,
  at: CellRef,
  extra: { indicators?: readonly Indicator[]; deadline?: string | null; deadlineText?: string | null } = {},
): SubTask {
  return {
    id: `${String(row)}.${String(seq).padStart(2, '0')}`,
    taskRow: row,
    seq,
    units: [],
    owners: [],
    text,
    at,
    deadline: extra.deadline ?? null,
    deadlineText: extra.deadlineText ?? null,
    indicators: extra.indicators ?? [],
  };
}

/** A breakdown of `table` with the given sub-tasks. */
export function buildBreakdown(
  table: ReadTable,
  subTasks: readonly SubTask[] = [],
  planYear: number | null = 2024,
): Breakdown {
  return { table, planYear, subTasks, findings: [] };
}

/** The common four-column long layout of the seed: 序号 / 责任单位 / 目标任务 / 责任人. */
export const SEED_LAYOUT: Layout = { serial: 0, unit: 1, target: 2, owner: 3 };

function letters(col: number): string {
  // Written out here rather than imported, so the expected addresses do not come from code under test.
  const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return col < 26 ? (a[col] ?? '?') : `${a[Math.floor(col / 26) - 1] ?? '?'}${a[col % 26] ?? '?'}`;
}

/** `code@D3` for each finding (`code@-` without a cell), in the order given. */
export function summary(findings: readonly { code: string; at?: CellRef }[]): string[] {
  return findings.map((f) => `${f.code}@${f.at ? `${letters(f.at.col)}${String(f.at.row + 1)}` : '-'}`);
}

/** Only the findings whose code is one of `codes`. */
export function only<T extends { code: string }>(findings: readonly T[], ...codes: string[]): T[] {
  return findings.filter((f) => codes.includes(f.code));
}
