/**
 * Structure checks: duplicate and non-consecutive serial numbers (序号), and merged cells that span several
 * task rows in a column where each task needs its own value.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { toA1, toA1Local, type CellRef, type CellRange } from '../grid.ts';
import type { ColumnRole, TaskRow } from '../table-model.ts';
import { columnLabel, refKey, type ValidateContext } from './context.ts';

/**
 * Columns whose cells are commonly merged over a unit's tasks on purpose. The brief names unit, owner,
 * serial, category and leader; co-units and contacts follow the same pattern as units and owners.
 */
const MERGE_OK: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'unit',
  'coUnit',
  'owner',
  'leader',
  'contact',
  'serial',
  'category',
]);

interface SerialCell {
  readonly at: CellRef;
  readonly text: string;
  readonly key: string;
  readonly number: number | null;
  readonly category: string | null;
}

/**
 * The number of an integer serial key: one to nine ASCII digits, allowing a trailing `.` or `、` as typed
 * in some tables; else null. Checked character by character (this runs for every row).
 * @example integerSerial('3') === 3; integerSerial('12.') === 12; integerSerial('4、') === 4
 * @example integerSerial('1.1') === null; integerSerial('(一)') === null
 */
function integerSerial(k: string): number | null {
  let n = k.length;
  const last = k.charCodeAt(n - 1);
  if (last === 0x2e || last === 0x3001) n--; // '.' or '、'
  if (n < 1 || n > 9) return null;
  for (let i = 0; i < n; i++) {
    const c = k.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  return Number(n === k.length ? k : k.slice(0, n));
}

function serialCells(rows: readonly TaskRow[], key: (text: string) => string): SerialCell[] {
  const out: SerialCell[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const serial = row.serial;
    if (!serial) continue;
    const k = key(serial.value);
    // A serial merged over several rows, or shared by a wide table's records, is one serial.
    if (k === '' || seen.has(refKey(serial.at))) continue;
    seen.add(refKey(serial.at));
    out.push({
      at: serial.at,
      text: serial.value.trim(),
      key: k,
      number: integerSerial(k),
      category: row.category,
    });
  }
  return out;
}

/**
 * Split serials into sections: numbering that restarts at 1, or a change of category, starts a new section
 * (tables numbered per category reuse 1, 2, 3 legitimately).
 */
function sections(cells: readonly SerialCell[]): SerialCell[][] {
  const out: SerialCell[][] = [];
  let current: SerialCell[] = [];
  for (const cell of cells) {
    const prev = current[current.length - 1];
    const restart = prev !== undefined && cell.number === 1;
    const newCategory =
      prev !== undefined &&
      cell.category !== null &&
      prev.category !== null &&
      cell.category !== prev.category;
    if (restart || newCategory) {
      out.push(current);
      current = [];
    }
    current.push(cell);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function serialFindings(rows: readonly TaskRow[], key: (text: string) => string): Finding[] {
  const out: Finding[] = [];
  for (const section of sections(serialCells(rows, key))) {
    // Cells by key; a list only once a key repeats (most serials are unique).
    const byKey = new Map<string, SerialCell | SerialCell[]>();
    for (const cell of section) {
      const seen = byKey.get(cell.key);
      if (seen === undefined) byKey.set(cell.key, cell);
      else if (Array.isArray(seen)) seen.push(cell);
      else byKey.set(cell.key, [seen, cell]);
    }
    for (const list of byKey.values()) {
      if (!Array.isArray(list)) continue;
      for (const cell of list) {
        const other = list.find((o) => o !== cell);
        if (other)
          out.push(
            makeFinding('serial_duplicate', cell.at, { serial: cell.text, otherCell: toA1(other.at) }),
          );
      }
    }
    let prev: SerialCell | null = null;
    for (const cell of section) {
      if (cell.number === null) continue;
      if (prev?.number != null && cell.number !== prev.number) {
        if (cell.number > prev.number + 1) {
          const first = prev.number + 1;
          const last = cell.number - 1;
          out.push(
            makeFinding('serial_gap', cell.at, {
              previous: prev.number,
              current: cell.number,
              missing: first === last ? String(first) : `${String(first)}–${String(last)}`,
            }),
          );
        } else if (cell.number < prev.number) {
          out.push(
            makeFinding('serial_out_of_order', cell.at, { previous: prev.number, current: cell.number }),
          );
        }
      }
      prev = cell;
    }
  }
  return out;
}

/** Sorted distinct data rows, for counting the rows a merge spans. */
function dataRows(ctx: ValidateContext): number[] {
  return [...new Set([...ctx.table.rows, ...ctx.table.totals].map((r) => r.row))].sort((a, b) => a - b);
}

/** Number of values in a sorted array within [lo, hi]. */
function countWithin(sorted: readonly number[], lo: number, hi: number): number {
  const lowerBound = (x: number): number => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((sorted[mid] ?? 0) < x) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return lowerBound(hi + 1) - lowerBound(lo);
}

function rangeText(m: CellRange): string {
  return `${toA1Local({ row: m.top, col: m.left })}:${toA1Local({ row: m.bottom, col: m.right })}`;
}

function mergeFindings(ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  const merges = ctx.grid.merges ?? [];
  if (merges.length === 0) return out;
  const rows = dataRows(ctx);
  // Mapped columns where each task needs its own value, plus a wide table's indicator sub-columns.
  const checked = new Set(ctx.table.columns.filter((c) => !MERGE_OK.has(c.role)).map((c) => c.col));
  for (const g of ctx.table.groups) {
    for (const col of [g.planCol, g.actualCol, g.ratioCol]) if (col !== null) checked.add(col);
  }
  const columns = [...checked].sort((a, b) => a - b);
  for (const m of merges) {
    if (m.bottom <= m.top) continue;
    const spanned = countWithin(rows, m.top, m.bottom);
    if (spanned < 2) continue;
    const column = columns.find((col) => col >= m.left && col <= m.right);
    if (column === undefined) continue;
    out.push(
      makeFinding(
        'merge_across_tasks',
        { sheet: ctx.table.sheet, row: m.top, col: m.left },
        {
          range: rangeText(m),
          column: columnLabel(ctx, column),
          rows: spanned,
        },
      ),
    );
  }
  return out;
}

/** Run the structure checks. */
export function checkStructure(ctx: ValidateContext): Finding[] {
  return [...serialFindings(ctx.table.rows, ctx.key), ...mergeFindings(ctx)];
}
