/**
 * Fast look-up of merged areas. A grid lists merges as rectangles; reading a table asks, cell by cell,
 * "which merge covers this cell?", so the rectangles are indexed once per read.
 */
import type { CellRange, Grid, RawCell } from '../grid.ts';
import { cellAt, gridSize } from '../grid.ts';

/** Merged areas of one grid, indexed by the cells they cover (clamped to the grid). */
export interface MergeIndex {
  /** The merge covering the absolute cell, including its own top-left cell; undefined when none. */
  readonly at: (row: number, col: number) => CellRange | undefined;
  /** Merges whose top row is `row`. */
  readonly startingInRow: (row: number) => readonly CellRange[];
}

function isValidRange(m: CellRange): boolean {
  return (
    Number.isInteger(m.top) &&
    Number.isInteger(m.left) &&
    Number.isInteger(m.bottom) &&
    Number.isInteger(m.right) &&
    m.top <= m.bottom &&
    m.left <= m.right
  );
}

/** Index a grid's merges. Malformed rectangles (non-integers, inverted) are ignored. */
export function buildMergeIndex(grid: Grid): MergeIndex {
  const { rows, cols } = gridSize(grid);
  const r0 = grid.origin.row;
  const c0 = grid.origin.col;
  const width = cols + 1;
  const cover = new Map<number, CellRange>();
  const byTopRow = new Map<number, CellRange[]>();
  for (const m of grid.merges ?? []) {
    if (!isValidRange(m)) continue;
    // Only the part inside the grid can matter; clamping also bounds the index's size.
    const top = Math.max(m.top, r0);
    const bottom = Math.min(m.bottom, r0 + rows - 1);
    const left = Math.max(m.left, c0);
    const right = Math.min(m.right, c0 + cols - 1);
    if (top > bottom || left > right) continue;
    if (m.top === m.bottom && m.left === m.right) continue; // a 1×1 "merge" changes nothing
    const list = byTopRow.get(m.top);
    if (list) list.push(m);
    else byTopRow.set(m.top, [m]);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const key = (r - r0) * width + (c - c0);
        // The first merge listed wins when a malformed grid overlaps two.
        if (!cover.has(key)) cover.set(key, m);
      }
    }
  }
  return {
    at(row, col) {
      if (row < r0 || col < c0 || col - c0 >= width) return undefined;
      return cover.get((row - r0) * width + (col - c0));
    },
    startingInRow(row) {
      return byTopRow.get(row) ?? [];
    },
  };
}

/** A cell's value after vertical merge filling, with the cell it came from. */
export interface FilledCell {
  readonly value: RawCell;
  readonly row: number;
  readonly col: number;
}

/**
 * The value a cell shows: its own, or — when a merge covers it and starts in the same column — the merge's
 * top-left value. A cell covered by a merge that starts in a column to its left is empty (the text belongs
 * to that other column).
 */
export function filledCell(grid: Grid, merges: MergeIndex, row: number, col: number): FilledCell {
  const m = merges.at(row, col);
  if (m === undefined) return { value: cellAt(grid, row, col), row, col };
  if (m.left !== col) return { value: null, row, col };
  return { value: cellAt(grid, m.top, m.left), row: m.top, col: m.left };
}

/**
 * The cell's own value: null when a merge covers it and it is not the merge's top-left cell.
 */
export function ownCell(grid: Grid, merges: MergeIndex, row: number, col: number): RawCell {
  const m = merges.at(row, col);
  if (m !== undefined && (m.top !== row || m.left !== col)) return null;
  return cellAt(grid, row, col);
}
