/**
 * Hiding our own owned result columns from readers (docs/owned-marks.md), shared by every host adapter: the
 * exceljs reader and the Office.js reader blank the same cells, so both hand the core the user's table only.
 */
import type { Grid, RawCell } from '../grid.ts';
import type { OwnedColumnMark } from './owned-settings.ts';

/**
 * The grid without the cells of our owned result columns (docs/owned-marks.md): readers must see the user's
 * table, not what an earlier run wrote beside it — else a re-run would read its own 完成率 column as the
 * table's and scoring twice would differ from scoring once.
 */
export function maskOwnedColumns(grid: Grid, marks: readonly OwnedColumnMark[]): Grid {
  const mine = marks.filter((m) => m.sheet === grid.sheet);
  if (mine.length === 0) return grid;
  const { row: top, col: left } = grid.origin;
  const cells = grid.cells.slice();
  const formats = grid.numberFormats?.slice();
  // Rows are copied the first time one of their cells is blanked; the others are shared with `grid`.
  const copied = new Set<number>();
  const blank = (row: number, firstCol: number, lastCol: number): void => {
    const r = row - top;
    const values = cells[r];
    if (values === undefined) return;
    if (!copied.has(r)) {
      copied.add(r);
      cells[r] = values.slice();
      const fmts = formats?.[r];
      if (formats && fmts) formats[r] = fmts.slice();
    }
    const v = cells[r] as RawCell[];
    const f = formats?.[r] as (string | null)[] | undefined;
    for (let c = Math.max(0, firstCol - left); c <= lastCol - left && c < v.length; c++) v[c] = null;
    if (f) for (let c = Math.max(0, firstCol - left); c <= lastCol - left && c < f.length; c++) f[c] = null;
  };
  for (const m of mine) {
    if (m.ownsHeader) blank(m.headerRow, m.firstCol, m.lastCol);
    for (let row = m.firstRow; row <= m.lastRow; row++) blank(row, m.firstCol, m.lastCol);
  }
  // Trim again as `sheetDataToGrid` does: the masked columns may have been the last used ones.
  const empty = (v: RawCell | undefined): boolean => v === null || v === undefined || v === '';
  let height = 0;
  let width = 0;
  cells.forEach((values, r) => {
    let end = values.length;
    while (end > 0 && empty(values[end - 1])) end--;
    if (end > 0) {
      height = r + 1;
      if (end > width) width = end;
    }
  });
  const cut = <T>(rows: readonly (readonly (T | null)[])[]): (T | null)[][] =>
    rows.slice(0, height).map((r) => {
      if (r.length === width) return r as (T | null)[];
      const out = r.slice(0, width);
      while (out.length < width) out.push(null);
      return out;
    });
  return {
    sheet: grid.sheet,
    origin: grid.origin,
    cells: cut(cells),
    numberFormats: formats
      ? cut(formats)
      : cells.slice(0, height).map(() => new Array<string | null>(width).fill(null)),
    merges: [...(grid.merges ?? [])],
    hiddenRows: [...(grid.hiddenRows ?? [])].sort((a, b) => a - b),
  };
}
