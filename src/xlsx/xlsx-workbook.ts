/**
 * The exceljs adapter of the workbook port: reads an .xlsx file into the same grids the in-memory reference
 * adapter defines (`sheetDataToGrid`), so the core cannot tell the hosts apart.
 */
import ExcelJS from 'exceljs';
import { DubanError } from '../core/errors.ts';
import type { CellRange, Grid, RawCell } from '../core/grid.ts';
import { isoFromUtcMillis } from '../core/cell-dates.ts';
import type { SheetInfo, WorkbookPort } from '../core/port/workbook-port.ts';
import { maskOwnedColumns } from '../core/write-plan/mask-owned.ts';
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

/**
 * Read one worksheet into a grid — the same grid `sheetDataToGrid` (the reference adapter) defines: rows
 * trimmed of trailing empty cells, trailing empty rows dropped, every row padded to the widest, number
 * formats for every cell of that rectangle, hidden rows sorted.
 *
 * Built in one pass straight into the final arrays: a 20,000-row ledger has ≈440,000 cells, and the
 * intermediate sparse / dense / trimmed copies this once made cost more than reading the cells themselves.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const valueRows: RawCell[][] = [];
  const formatRows: (string | null)[][] = [];
  // Rows up to the last one holding a value (not counting merge echoes); width up to the last such column.
  let height = 0;
  let width = 0;
  // Rows exceljs counts as holding values (merge echoes included): hidden rows beyond them are not reported.
  let valuedRows = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    valuedRows = rowNumber;
    const length = row.cellCount;
    const values = new Array<RawCell>(length).fill(null);
    const formats = new Array<string | null>(length).fill(null);
    let end = 0;
    // A plain loop rather than row.eachCell: no callback per cell, no closure per row.
    for (let c = 0; c < length; c++) {
      const cell = row.findCell(c + 1);
      if (cell === undefined) continue;
      const type = cell.type;
      if (type === ExcelJS.ValueType.Null) continue;
      // A merged area's other cells echo the master's value in exceljs; only the top-left carries it.
      if (type !== ExcelJS.ValueType.Merge) {
        const value = toRawCell(cell.value);
        if (value !== null) {
          values[c] = value;
          end = c + 1;
        }
      }
      const numFmt = cell.numFmt;
      if (numFmt && numFmt !== 'General') formats[c] = numFmt;
    }
    valueRows[r] = values;
    formatRows[r] = formats;
    if (end > 0) {
      height = rowNumber;
      if (end > width) width = end;
    }
  });
  const cells: RawCell[][] = new Array<RawCell[]>(height);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(height);
  for (let r = 0; r < height; r++) {
    cells[r] = fitted(valueRows[r], width);
    numberFormats[r] = fitted(formatRows[r], width);
  }
  const hiddenRows: number[] = [];
  for (let i = 1; i <= Math.min(ws.rowCount, valuedRows); i++) {
    if (ws.findRow(i)?.hidden) hiddenRows.push(i - 1);
  }
  return {
    sheet: ws.name,
    origin: { row: 0, col: 0 },
    cells,
    merges: mergesOf(ws),
    numberFormats,
    hiddenRows,
  };
}

/** `row` cut or padded with nulls to exactly `width` entries (in place when it exists). */
function fitted<T>(row: (T | null)[] | undefined, width: number): (T | null)[] {
  if (row === undefined) return new Array<T | null>(width).fill(null);
  if (row.length > width) row.length = width;
  while (row.length < width) row.push(null);
  return row;
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
    if (!ws || ws.findCell(1, 1)?.value !== SETTINGS_MARKER) return [];
    return parseSettingsGrid(worksheetToGrid(ws))?.owned.columns ?? [];
  }
}
