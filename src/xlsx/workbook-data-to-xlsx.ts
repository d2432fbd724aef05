/**
 * Build an exceljs workbook from a plain {@link WorkbookData}: how tests and the playground turn the
 * reference description of a workbook into a real .xlsx file.
 */
import ExcelJS from 'exceljs';
import { isCellError, toA1Local, type RawCell } from '../core/grid.ts';
import { isDateFormat } from '../core/cell-dates.ts';
import type { SheetData, WorkbookData } from '../core/port/workbook-port.ts';

/**
 * ISO date text (as the core receives dates) to a UTC Date, or null.
 * @example isoToDate('2024-06-30') → 2024-06-30T00:00Z; isoToDate('2024-06-30 12:30') → …T12:30Z
 */
function isoToDate(text: string): Date | null {
  // 'YYYY-MM-DD' with an optional ' HH:MM': '2024-06-30' ✓, '2024-06-30 08:05' ✓, '6/30' ✗
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)),
  );
}

function cellValue(sheet: SheetData, row: number, col: number, value: RawCell): ExcelJS.CellValue {
  const address = toA1Local({ row, col });
  const formula = sheet.formulas?.[address];
  // exceljs types error values as a closed union; ours are whatever the host reported.
  const result: ExcelJS.CellValue = isCellError(value)
    ? { error: value.error as ExcelJS.CellErrorValue['error'] }
    : value;
  if (formula !== undefined) {
    return { formula: formula.replace(/^=/, ''), result: result ?? undefined };
  }
  const link = sheet.hyperlinks?.[address];
  if (link !== undefined) return { text: typeof value === 'string' ? value : '', hyperlink: link };
  const runs = sheet.richText?.[address];
  if (runs !== undefined)
    return { richText: runs.map((text, i) => (i % 2 === 1 ? { text, font: { bold: true } } : { text })) };
  if (typeof value === 'string' && isDateFormat(sheet.numberFormats?.[row]?.[col])) {
    const date = isoToDate(value);
    if (date) return date;
  }
  return result;
}

/** Write one sheet's data into an exceljs worksheet. */
export function addSheet(wb: ExcelJS.Workbook, sheet: SheetData): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility ?? 'visible' });
  sheet.cells.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = cellValue(sheet, r, c, value);
    });
  });
  sheet.numberFormats?.forEach((row, r) => {
    row.forEach((fmt, c) => {
      if (fmt) ws.getCell(r + 1, c + 1).numFmt = fmt;
    });
  });
  for (const m of sheet.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const r of sheet.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  return ws;
}

/** Build the whole workbook; the active sheet becomes the active tab. */
export function workbookDataToXlsx(data: WorkbookData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of data.sheets) addSheet(wb, sheet);
  const active = data.active === undefined ? -1 : data.sheets.findIndex((s) => s.name === data.active);
  if (active >= 0) {
    wb.views = [
      { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: active, visibility: 'visible' },
    ];
  }
  return wb;
}
