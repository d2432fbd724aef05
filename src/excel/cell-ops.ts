/**
 * Plan cells as write operations: number formats, values, hyperlinks, styles and unlocked cells, each over
 * as few rectangles as cover the cells. Number formats go first, so text we mark as text (`@`) is stored as
 * text when its value arrives: a unit's `=SUM(A1)` or `-完成…` never becomes a formula.
 */
import { toA1, type CellRange } from '../core/grid.ts';
import type { PlanCell, PlanStyle } from '../core/write-plan/plan-model.ts';
import { PLAN_STYLES, type StyleSpec } from '../core/write-plan/plan-styles.ts';
import {
  CALL_BYTES,
  PATH_BYTES,
  a1,
  jsonBytes,
  op,
  rectangles,
  rowSlices,
  shape,
  type WriteOp,
} from './write-ops.ts';

/** How a cell is written: `full` with its style (our cells), `value` keeping the cell's formatting. */
export type CellMode = 'full' | 'value';

/** Most bytes of values in one operation (a request holds several). */
const SLICE_BYTES = 512 * 1024;

// Text Excel would turn into a number, percentage, date or time when typed or written through `values`
// (exceljs stores it as text, so we must mark it `@` to store the same):
//   '12.5' → 12.5   '68.1%' → 0.681   '1,200' → 1200   '3e5' → 300000
const NUMBER_LIKE = /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
//   '2024-06-30' → a date   '6/30' → 30 June   '2024年6月30日' → a date   '2024.6' → a date in some locales
const DATE_LIKE = /^\d{1,4}\s*[-/.年]\s*\d{1,2}(\s*[-/.月]\s*\d{1,4}\s*日?)?$/;
//   '9:30' → a time   '14:05:59' → a time   '9:30 AM' → a time   '0:00' → a time
const TIME_LIKE = /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i;

/**
 * True when Excel would not keep `text` as the text it is (see the patterns above; also TRUE / FALSE).
 * @example excelWouldRetype('68.1%') === true; excelWouldRetype('2024-06-30') === true;
 *   excelWouldRetype('完成200亿元') === false; excelWouldRetype('6月底前') === false
 */
export function excelWouldRetype(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return true;
  return NUMBER_LIKE.test(t) || DATE_LIKE.test(t) || TIME_LIKE.test(t);
}

/** The number format a cell gets, or undefined to leave the cell's own. */
export function formatFor(cell: PlanCell, mode: CellMode): string | undefined {
  if (cell.asText) return '@';
  if (mode === 'value') return undefined;
  if (cell.numberFormat !== undefined) return cell.numberFormat;
  return typeof cell.value === 'string' && excelWouldRetype(cell.value) ? '@' : undefined;
}

/** A cell value as Office.js takes it: `''` empties a cell (null would mean "leave as is"). */
function officeValue(value: PlanCell['value']): string | number | boolean {
  return value === null ? '' : value;
}

function grouped<K>(cells: readonly PlanCell[], key: (c: PlanCell) => K | undefined): Map<K, PlanCell[]> {
  const out = new Map<K, PlanCell[]>();
  for (const c of cells) {
    const k = key(c);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

/** 2-D values of `range` from the cells by position. */
function matrix<T>(range: CellRange, at: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const line: T[] = [];
    for (let c = range.left; c <= range.right; c++) line.push(at(r, c));
    out.push(line);
  }
  return out;
}

/** One operation per slice of each rectangle, setting a 2-D property (`values` or `numberFormat`). */
function matrixOps(
  sheet: string,
  cells: readonly PlanCell[],
  value: (c: PlanCell) => string | number | boolean,
  set: (range: Excel.Range, data: (string | number | boolean)[][]) => void,
): WriteOp[] {
  const byPos = new Map<number, PlanCell>();
  for (const c of cells) byPos.set(c.row * 16384 + c.col, c);
  const at = (row: number, col: number): string | number | boolean => {
    const c = byPos.get(row * 16384 + col);
    return c === undefined ? '' : value(c);
  };
  const ops: WriteOp[] = [];
  for (const rect of rectangles(cells)) {
    const rowBytes = (row: number): number => jsonBytes(matrix({ ...rect, top: row, bottom: row }, at)[0]);
    for (const slice of rowSlices(rect, rowBytes, SLICE_BYTES)) {
      const data = matrix(slice, at);
      ops.push(
        op(2, 1, data, (scope) => {
          set(scope.sheet(sheet).getRange(a1(slice)), data);
        }),
      );
    }
  }
  return ops;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center' } as const;
const BORDER_COLOUR = '#BFBFBF';

/** Proxies and calls one style application costs (for the estimate). */
function styleCost(spec: StyleSpec): { paths: number; calls: number } {
  let paths = 2;
  let calls = 0;
  if (spec.fill !== undefined) {
    paths++;
    calls++;
  }
  if (spec.bold || spec.size !== undefined || spec.colour !== undefined || spec.underline) {
    paths++;
    calls += 4;
  }
  calls += 3;
  if (spec.border) {
    paths += 7;
    calls += 12;
  }
  return { paths, calls };
}

/** Queue a plan style on every cell of `range` (rows × cols cells). */
export function applyStyle(range: Excel.Range, spec: StyleSpec, rows: number, cols: number): void {
  const format = range.format;
  if (spec.fill !== undefined) format.fill.color = `#${spec.fill}`;
  if (spec.bold) format.font.bold = true;
  if (spec.size !== undefined) format.font.size = spec.size;
  if (spec.colour !== undefined) format.font.color = `#${spec.colour}`;
  if (spec.underline) format.font.underline = 'Single';
  if (spec.wrap) format.wrapText = true;
  if (spec.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[spec.horizontal];
  if (spec.vertical !== undefined) format.verticalAlignment = VERTICAL[spec.vertical];
  if (spec.border) {
    type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
    const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    // Inside borders exist only where there are cells on both sides.
    if (rows > 1) edges.push('InsideHorizontal');
    if (cols > 1) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = BORDER_COLOUR;
    }
  }
}

/**
 * The operations writing `cells` on `sheet`: number formats, values, hyperlinks (internal links of the 校验
 * sheet: `documentReference` to the cell), then — in `full` mode — styles and unlocked cells.
 */
export function cellOps(sheet: string, cells: readonly PlanCell[], mode: CellMode): WriteOp[] {
  if (cells.length === 0) return [];
  const ops: WriteOp[] = [];
  for (const [fmt, list] of grouped(cells, (c) => formatFor(c, mode))) {
    ops.push(
      ...matrixOps(
        sheet,
        list,
        () => fmt,
        (range, data) => {
          range.numberFormat = data as string[][];
        },
      ),
    );
  }
  ops.push(
    ...matrixOps(
      sheet,
      cells,
      (c) => officeValue(c.value),
      (range, data) => {
        range.values = data;
      },
    ),
  );
  for (const c of cells) {
    const link = c.link;
    if (!link) continue;
    const text = typeof c.value === 'string' ? c.value : toA1(link);
    const hyperlink = { documentReference: toA1(link), textToDisplay: text };
    ops.push(
      op(2, 1, hyperlink, (scope) => {
        scope.sheet(sheet).getCell(c.row, c.col).hyperlink = hyperlink;
      }),
    );
  }
  if (mode === 'value') return ops;
  for (const [style, list] of grouped<PlanStyle>(cells, (c) => c.style)) {
    const spec = PLAN_STYLES[style];
    const cost = styleCost(spec);
    for (const rect of rectangles(list)) {
      const { rows, cols } = shape(rect);
      ops.push(
        op(cost.paths, cost.calls, null, (scope) => {
          applyStyle(scope.sheet(sheet).getRange(a1(rect)), spec, rows, cols);
        }),
      );
    }
  }
  for (const rect of rectangles(cells.filter((c) => c.locked === false))) {
    ops.push({
      bytes: 3 * PATH_BYTES + CALL_BYTES,
      apply: (scope) => {
        scope.sheet(sheet).getRange(a1(rect)).format.protection.locked = false;
      },
    });
  }
  return ops;
}
