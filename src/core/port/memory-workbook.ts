/**
 * The in-memory reference adapter of the workbook port: a {@link WorkbookData} held as is. It defines what
 * every other adapter must deliver (see the contract suite in `test/contract/`).
 */
import { DubanError } from '../errors.ts';
import type { Grid, RawCell } from '../grid.ts';
import type { SheetData, SheetInfo, WorkbookData, WorkbookPort } from './workbook-port.ts';

/** Trim trailing empty cells and rows: the "used range" of a sheet starting at A1. */
function usedCells(cells: readonly (readonly RawCell[])[]): RawCell[][] {
  const rows = cells.map((r) => {
    let end = r.length;
    while (end > 0 && (r[end - 1] === null || r[end - 1] === '' || r[end - 1] === undefined)) end--;
    return r.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && (rows[last - 1]?.length ?? 0) === 0) last--;
  const kept = rows.slice(0, last);
  const width = kept.reduce((w, r) => Math.max(w, r.length), 0);
  // Rectangular like a host's used range: pad short rows with null.
  return kept.map((r) => [...r, ...Array<RawCell>(width - r.length).fill(null)]);
}

/** Turn a {@link SheetData} into the grid an adapter must deliver for it. */
export function sheetDataToGrid(sheet: SheetData): Grid {
  const cells = usedCells(sheet.cells);
  const width = cells[0]?.length ?? 0;
  const numberFormats = cells.map((_, r) =>
    Array.from({ length: width }, (_unused, c) => sheet.numberFormats?.[r]?.[c] ?? null),
  );
  return {
    sheet: sheet.name,
    origin: { row: 0, col: 0 },
    cells,
    merges: [...(sheet.merges ?? [])],
    numberFormats,
    hiddenRows: [...(sheet.hiddenRows ?? [])].sort((a, b) => a - b),
  };
}

/** An in-memory workbook implementing {@link WorkbookPort}. */
export class MemoryWorkbook implements WorkbookPort {
  readonly data: WorkbookData;

  constructor(data: WorkbookData) {
    this.data = data;
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return Promise.resolve(
      this.data.sheets.map((s) => ({ name: s.name, visibility: s.visibility ?? 'visible' })),
    );
  }

  activeSheetName(): Promise<string> {
    const first = this.data.sheets.find((s) => (s.visibility ?? 'visible') === 'visible');
    const name = this.data.active ?? first?.name;
    if (name === undefined) throw new DubanError('sheet_not_found', 'The workbook has no visible sheet.');
    return Promise.resolve(name);
  }

  readSheet(name: string): Promise<Grid> {
    const sheet = this.data.sheets.find((s) => s.name === name);
    if (!sheet) {
      return Promise.reject(new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name }));
    }
    return Promise.resolve(sheetDataToGrid(sheet));
  }
}
