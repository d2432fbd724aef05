/**
 * The exceljs adapter of the workbook port: reads an .xlsx file into the same grids the in-memory reference
 * adapter defines (`sheetDataToGrid`), so the core cannot tell the hosts apart.
 */
import ExcelJS from 'exceljs';
import { DubanError } from '../core/errors.ts';
import type { CellRange, Grid, RawCell } from '../core/grid.ts';
import { isoFromUtcMillis } from '../core/cell-dates.ts';
import { sheetDataToGrid } from '../core/port/memory-workbook.ts';
import type { SheetInfo, WorkbookPort } from '../core/port/workbook-port.ts';
import {
  SETTINGS_MARKER,
  SETTINGS_SHEET_NAME,
  parseSettingsGrid,
  type OwnedColumnMark,
} from '../core/write-plan/owned-settings.ts';

/** Convert one exceljs cell value to a raw cell: cached results for formulas, plain text for rich text. */
export function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return isoFromUtcMillis(value.getTime());
  if (typeof value === 'object') {
    if ('error' in value) return { error: value.error };
    if ('richText' in value) return joinRich(value.richText) || null;
    if ('hyperlink' in value) {
      const text: unknown = value.text;
      if (typeof text === 'string') return text === '' ? null : text;
      if (text && typeof text === 'object' && 'richText' in text) {
        return joinRich((text as ExcelJS.CellRichTextValue).richText) || null;
      }
      return null;
    }
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : toRawCell(result);
    }
  }
  return null;
}

function joinRich(runs: readonly ExcelJS.RichText[]): string {
  return runs.map((r) => r.text).join('');
}

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a sheet, 0-based. exceljs keeps them in a private index; the model getter is the fallback. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeDims> })._merges;
  if (internal && typeof internal === 'object') {
    return Object.values(internal).map((d) => ({
      top: d.top - 1,
      left: d.left - 1,
      bottom: d.bottom - 1,
      right: d.right - 1,
    }));
  }
  throw new DubanError('host_failure', 'exceljs did not expose merged cells for this sheet.', {
    sheet: ws.name,
  });
}

/** Read one worksheet into a grid. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: RawCell[][] = [];
  const formats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const values: RawCell[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // A merged area's other cells echo the master's value in exceljs; only the top-left carries it.
      const slave = cell.type === ExcelJS.ValueType.Merge;
      values[c] = slave ? null : toRawCell(cell.value);
      fmts[c] = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
    });
    cells[r] = values;
    formats[r] = fmts;
  });
  // Hidden rows without values are not visited by eachRow; look at the sheet's row objects for them too.
  for (let i = 1; i <= ws.rowCount; i++) {
    const row = ws.findRow(i);
    if (row?.hidden && !hiddenRows.includes(i - 1)) hiddenRows.push(i - 1);
  }
  const dense = Array.from({ length: cells.length }, (_, r) => Array.from(cells[r] ?? [], (v) => v ?? null));
  const denseFmts = Array.from({ length: formats.length }, (_, r) =>
    Array.from(formats[r] ?? [], (v) => v ?? null),
  );
  return sheetDataToGrid({
    name: ws.name,
    cells: dense,
    numberFormats: denseFmts,
    merges: mergesOf(ws),
    hiddenRows: hiddenRows.filter((r) => r < dense.length),
  });
}

/**
 * The grid without the cells of our owned result columns (docs/owned-marks.md): readers must see the user's
 * table, not what an earlier run wrote beside it — else a re-run would read its own 完成率 column as the
 * table's and scoring twice would differ from scoring once.
 */
export function maskOwnedColumns(grid: Grid, marks: readonly OwnedColumnMark[]): Grid {
  const mine = marks.filter((m) => m.sheet === grid.sheet);
  if (mine.length === 0) return grid;
  const cells = grid.cells.map((r) => [...r]);
  const formats = grid.numberFormats?.map((r) => [...r]);
  const blank = (row: number, col: number): void => {
    const r = row - grid.origin.row;
    const c = col - grid.origin.col;
    const values = cells[r];
    if (values && c >= 0 && c < values.length) values[c] = null;
    const fmts = formats?.[r];
    if (fmts && c >= 0 && c < fmts.length) fmts[c] = null;
  };
  for (const m of mine) {
    for (let col = m.firstCol; col <= m.lastCol; col++) {
      if (m.ownsHeader) blank(m.headerRow, col);
      for (let row = m.firstRow; row <= m.lastRow; row++) blank(row, col);
    }
  }
  return sheetDataToGrid({
    name: grid.sheet,
    cells,
    ...(formats ? { numberFormats: formats } : {}),
    merges: grid.merges ?? [],
    hiddenRows: grid.hiddenRows ?? [],
  });
}

/** A workbook read from an .xlsx file or buffer. */
export class XlsxWorkbook implements WorkbookPort {
  readonly workbook: ExcelJS.Workbook;

  private constructor(workbook: ExcelJS.Workbook) {
    this.workbook = workbook;
  }

  /** Open a file. Unreadable files throw `DubanError('unreadable_file')` with the cause. */
  static async open(path: string): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(path);
    } catch (cause) {
      throw new DubanError(
        'unreadable_file',
        `Cannot read ${path} as an .xlsx workbook.`,
        { path },
        { cause },
      );
    }
    return new XlsxWorkbook(wb);
  }

  /** Wrap an exceljs workbook already in memory. */
  static fromWorkbook(wb: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(wb);
  }

  /** Load from bytes. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as ArrayBuffer);
    } catch (cause) {
      throw new DubanError('unreadable_file', 'Cannot read the data as an .xlsx workbook.', {}, { cause });
    }
    return new XlsxWorkbook(wb);
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return Promise.resolve(
      this.workbook.worksheets.map((ws) => ({
        name: ws.name,
        visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
      })),
    );
  }

  activeSheetName(): Promise<string> {
    const sheets = this.workbook.worksheets;
    // exceljs leaves `views` undefined for files that carry no workbook view.
    const views = this.workbook.views as ExcelJS.WorkbookView[] | undefined;
    const tab = views?.[0]?.activeTab;
    const active = tab === undefined ? undefined : sheets[tab];
    const chosen = active && active.state === 'visible' ? active : sheets.find((s) => s.state === 'visible');
    if (!chosen) {
      return Promise.reject(new DubanError('sheet_not_found', 'The workbook has no visible sheet.'));
    }
    return Promise.resolve(chosen.name);
  }

  readSheet(name: string): Promise<Grid> {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) {
      return Promise.reject(new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name }));
    }
    return Promise.resolve(maskOwnedColumns(worksheetToGrid(ws), this.ownedColumns()));
  }

  /**
   * Owned result columns listed by our settings sheet (none without one). Read on every call: a command may
   * clear or rewrite the settings between reads.
   */
  ownedColumns(): readonly OwnedColumnMark[] {
    const ws = this.workbook.getWorksheet(SETTINGS_SHEET_NAME);
    if (!ws || ws.getCell(1, 1).value !== SETTINGS_MARKER) return [];
    return parseSettingsGrid(worksheetToGrid(ws))?.owned.columns ?? [];
  }
}
