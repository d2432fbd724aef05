/**
 * The "document" behind the fake Excel: a workbook held the way Excel holds it (dates as serial numbers,
 * error values as `#N/A` strings with a value type, number formats `General` by default), built from and
 * exported back to the project's plain {@link WorkbookData}.
 */
import { excelSerialToIso, isDateFormat } from '../../src/core/cell-dates.ts';
import {
  columnLetters,
  isCellError,
  quoteSheetName,
  type CellRange,
  type RawCell,
} from '../../src/core/grid.ts';
import type { SheetData, SheetInfo, WorkbookData } from '../../src/core/port/workbook-port.ts';

/** Excel's grid limits (rows, columns) since Excel 2007. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** What Excel returns for one cell in `values`. */
export type HostValue = string | number | boolean;

/** The value types Excel reports in `valueTypes` (the subset a workbook of plain cells produces). */
export type HostValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

/** Excel's sheet visibility words. */
export type HostVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** One cell as stored by the fake host. */
export interface HostCell {
  value: HostValue;
  type: HostValueType;
  /**
   * A formula written through `Range.values` whose result the fake cannot compute: reading the cell's value
   * throws {@link FakeNotModelledError} rather than invent one.
   */
  unevaluated?: true;
}

/** Excel's `BorderLineStyle` words. */
export type HostBorderStyle =
  'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';

/** One edge of a cell's border. */
export interface HostBorder {
  style: HostBorderStyle;
  /** `#RRGGBB`. */
  color: string;
}

/** The four edges a cell stores (Office's inside borders are stored on the cells' bottom / right edges). */
export type HostEdge = 'top' | 'bottom' | 'left' | 'right';

/**
 * A cell's formatting. Only what differs from Excel's defaults is stored (see {@link DEFAULT_STYLE}), so two
 * cells that look the same compare equal whatever was written to them before.
 */
export interface HostStyle {
  /** Solid fill `#RRGGBB`; absent = no fill. */
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  underline?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  locked?: boolean;
  borders?: Partial<Record<HostEdge, HostBorder>>;
}

/** Excel's defaults for a new workbook (Calibri 11, the font the width formula in ISSUE6 assumes). */
export const DEFAULT_STYLE = {
  bold: false,
  fontColor: '#000000',
  fontSize: 11,
  fontName: 'Calibri',
  underline: 'None',
  wrap: false,
  horizontal: 'General',
  vertical: 'Bottom',
  locked: true,
} as const;

/** Excel's standard column width in points (8.43 characters of Calibri 11) and row height in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** A conditional format; its place in {@link HostSheet.conditionalFormats} is its priority (0 = first). */
export interface HostConditionalFormat {
  readonly id: string;
  /** Custom and DataBar are modelled; other kinds only come from a loaded .xlsx and are carried as `raw`. */
  readonly type: HostConditionalFormatType;
  /** The cells it applies to; more than one area after part of it was cleared. */
  areas: CellRange[];
  /** The cell its formula is written for (the top-left of the range it was created on). */
  readonly anchor: { readonly row: number; readonly col: number };
  /** A rule of another kind read from an .xlsx (the exceljs rule), written back as it was. */
  readonly raw?: unknown;
  /** Custom: the rule formula as written (`=$V3="进展滞后"`), relative to the first area's top-left. */
  formula: string;
  /** Custom: the format applied when the rule holds. */
  fill: string | null;
  fontColor: string | null;
  /** DataBar settings (Excel's defaults for a new bar). */
  bar: { direction: string; fillColor: string; gradient: boolean };
}

/** Office.js's `ConditionalFormatType` words. */
export type HostConditionalFormatType =
  | 'Custom'
  | 'DataBar'
  | 'ColorScale'
  | 'IconSet'
  | 'TopBottom'
  | 'PresetCriteria'
  | 'ContainsText'
  | 'CellValue';

/** A data-validation rule as Office.js passes it (`{ list: { inCellDropDown, source } }` and so on). */
export type HostValidationRule = Readonly<Record<string, unknown>>;

/** Data validation on one rectangle. */
export interface HostValidation {
  range: CellRange;
  /** Null: no criteria (an input prompt alone). */
  rule: HostValidationRule | null;
  prompt: { showPrompt: boolean; title: string; message: string } | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
}

/** A hyperlink as Office.js describes it (`Range.hyperlink`). */
export interface HostHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** Page setup (ExcelApi 1.9 `PageLayout`). */
export interface HostPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  /** `$1:$2`, or null. */
  printTitleRows: string | null;
}

/** A chart on a sheet. */
export interface HostChart {
  readonly id: string;
  name: string;
  readonly type: string;
  /** Local address of the source data (`A1:B9`). */
  readonly source: string;
  readonly seriesBy: string;
  title: string | null;
  legendVisible: boolean;
  /** Local addresses of the top-left and bottom-right cells it covers, null until placed. */
  position: { start: string; end: string | null } | null;
}

/** An `onChanged` registration. */
export interface HostHandler {
  readonly id: number;
  readonly handler: (args: unknown) => unknown;
}

/** A worksheet as the fake host stores it. */
export interface HostSheet {
  /** Excel's worksheet id (`{GUID}`); stable for the sheet's life. */
  readonly id: string;
  name: string;
  visibility: HostVisibility;
  /** Row-major cells from A1; missing cells are empty. */
  cells: HostCell[][];
  /** Row-major number formats from A1; missing = `General`. */
  formats: string[][];
  merges: CellRange[];
  hiddenRows: Set<number>;
  formulas: Record<string, string>;
  /** Cell → link target (URL, or `#Sheet!A1` for a place in the workbook), as plain data exports it. */
  hyperlinks: Record<string, string>;
  /** Cell → the hyperlink's parts as last written through Office.js. */
  linkDetails: Record<string, HostHyperlink>;
  richText: Record<string, readonly string[]>;
  /** Row → column → formatting that differs from the defaults. */
  styles: Map<number, Map<number, HostStyle>>;
  /** Column → width in points, for columns not at the standard width. */
  columnWidths: Map<number, number>;
  /** Row → height in points, for rows not at the standard height. */
  rowHeights: Map<number, number>;
  conditionalFormats: HostConditionalFormat[];
  validations: HostValidation[];
  frozenRows: number;
  pageLayout: HostPageLayout;
  protection: { protected: boolean };
  charts: HostChart[];
  handlers: HostHandler[];
  /**
   * The cells selected on this sheet (Excel keeps one selection per sheet and shows the active sheet's);
   * absent until something was selected: Excel then has A1 selected.
   */
  selection?: CellRange;
}

/** The whole fake document. */
export interface HostWorkbook {
  sheets: HostSheet[];
  active: string;
  /** Workbook structure protection. */
  protected: boolean;
  /** Counter behind sheet, rule, chart and handler ids (deterministic, so snapshots are reproducible). */
  nextId: number;
}

/** A fresh id in Excel's `{GUID}` shape. */
export function nextHostId(doc: HostWorkbook): string {
  const n = doc.nextId++;
  return `{00000000-0001-0000-0000-${n.toString(16).toUpperCase().padStart(12, '0')}}`;
}

/** A new, empty sheet with Excel's defaults. */
export function newHostSheet(doc: HostWorkbook, name: string): HostSheet {
  return {
    id: nextHostId(doc),
    name,
    visibility: 'Visible',
    cells: [],
    formats: [],
    merges: [],
    hiddenRows: new Set(),
    formulas: {},
    hyperlinks: {},
    linkDetails: {},
    richText: {},
    styles: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    conditionalFormats: [],
    validations: [],
    frozenRows: 0,
    pageLayout: {
      orientation: 'Portrait',
      paperSize: 'Letter',
      zoom: { scale: 100 },
      centerHorizontally: false,
      printTitleRows: null,
    },
    protection: { protected: false },
    charts: [],
    handlers: [],
  };
}

/** An absolute rectangle on one sheet (0-based, inclusive). */
export interface HostRange {
  readonly sheet: HostSheet;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const EMPTY: HostCell = { value: '', type: 'Empty' };
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * ISO date text (what fixtures write for a date cell) to an Excel serial, or null when the text is no date.
 * The inverse of `excelSerialToIso`: serials below 61 sit before Excel's fictitious 1900-02-29.
 * @example isoToSerial('2024-06-30') === 45473; isoToSerial('2024-06-30 12:00') === 45473.5
 * @example isoToSerial('1900-01-01') === 1; isoToSerial('6月底') === null
 */
export function isoToSerial(text: string): number | null {
  // YYYY-MM-DD with an optional " HH:MM": e.g. '2024-06-30' ✓, '2024-06-30 08:30' ✓, '2024/6/30' ✗, '6月底' ✗
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const days = (utc - EXCEL_EPOCH_UTC) / MS_PER_DAY;
  const fraction = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) / 1440;
  return (days < 61 ? days - 1 : days) + fraction;
}

function toHostCell(value: RawCell | undefined, format: string | null | undefined): HostCell {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (isCellError(value)) return { value: value.error, type: 'Error' };
  if (typeof value === 'number') return { value, type: 'Double' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  // Fixture convention: a date cell holds ISO text and a date number format; Excel stores it as a serial.
  if (isDateFormat(format)) {
    const serial = isoToSerial(value);
    if (serial !== null) return { value: serial, type: 'Double' };
  }
  return { value, type: 'String' };
}

function fromHostCell(cell: HostCell, format: string): RawCell {
  switch (cell.type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(cell.value) };
    default:
      if (typeof cell.value === 'number' && isDateFormat(format)) return excelSerialToIso(cell.value);
      return cell.value;
  }
}

const VISIBILITY_TO_HOST: Record<SheetInfo['visibility'], HostVisibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/** Build the host document from plain data (the data is copied, never shared). */
export function hostFromData(data: WorkbookData): HostWorkbook {
  const doc: HostWorkbook = { sheets: [], active: '', protected: false, nextId: 1 };
  const sheets = data.sheets.map((s): HostSheet => {
    const cells = s.cells.map((row, r) => row.map((v, c) => toHostCell(v, s.numberFormats?.[r]?.[c])));
    const formats = (s.numberFormats ?? []).map((row) => row.map((f) => f ?? 'General'));
    return {
      ...newHostSheet(doc, s.name),
      visibility: VISIBILITY_TO_HOST[s.visibility ?? 'visible'],
      cells,
      formats,
      merges: (s.merges ?? []).map((m) => ({ ...m })),
      hiddenRows: new Set(s.hiddenRows ?? []),
      formulas: { ...(s.formulas ?? {}) },
      hyperlinks: { ...(s.hyperlinks ?? {}) },
      richText: { ...(s.richText ?? {}) },
    };
  });
  const firstVisible = sheets.find((s) => s.visibility === 'Visible');
  const active = data.active ?? firstVisible?.name;
  if (active === undefined) throw new Error('fake-excel: a workbook needs at least one visible sheet');
  const activeSheet = sheets.find((s) => s.name === active);
  // Excel cannot activate a hidden sheet; a fixture asking for it is a mistake in the test.
  if (!activeSheet || activeSheet.visibility !== 'Visible') {
    throw new Error(`fake-excel: active sheet ${active} must exist and be visible`);
  }
  doc.sheets = sheets;
  doc.active = active;
  return doc;
}

/** Export the host document back to plain data. */
export function dataFromHost(host: HostWorkbook): WorkbookData {
  const visibility: Record<HostVisibility, SheetInfo['visibility']> = {
    Visible: 'visible',
    Hidden: 'hidden',
    VeryHidden: 'veryHidden',
  };
  const sheets = host.sheets.map((s): SheetData => {
    const rows = Math.max(s.cells.length, s.formats.length);
    const cells: RawCell[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      const width = Math.max(s.cells[r]?.length ?? 0, s.formats[r]?.length ?? 0);
      const cellRow: RawCell[] = [];
      const fmtRow: (string | null)[] = [];
      for (let c = 0; c < width; c++) {
        const format = formatAt(s, r, c);
        cellRow.push(fromHostCell(cellAtHost(s, r, c), format));
        fmtRow.push(format === 'General' ? null : format);
      }
      cells.push(cellRow);
      numberFormats.push(fmtRow);
    }
    return {
      name: s.name,
      visibility: visibility[s.visibility],
      cells,
      numberFormats,
      merges: s.merges.map((m) => ({ ...m })),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      formulas: { ...s.formulas },
      hyperlinks: { ...s.hyperlinks },
      richText: { ...s.richText },
    };
  });
  return { sheets, active: host.active };
}

/** The stored cell at an absolute position (empty outside the stored block). */
export function cellAtHost(sheet: HostSheet, row: number, col: number): HostCell {
  return sheet.cells[row]?.[col] ?? EMPTY;
}

/** The number format at an absolute position (`General` when none was set). */
export function formatAt(sheet: HostSheet, row: number, col: number): string {
  return sheet.formats[row]?.[col] ?? 'General';
}

/**
 * The used range as Excel computes it: the smallest rectangle holding every cell with a value, and (unless
 * `valuesOnly`) every cell with a non-General number format or inside a merged area. Null for a blank sheet.
 */
export function usedRect(sheet: HostSheet, valuesOnly: boolean): HostRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const take = (r: number, c: number): void => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  sheet.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.type !== 'Empty') take(r, c);
    });
  });
  if (!valuesOnly) {
    sheet.formats.forEach((row, r) => {
      row.forEach((f, c) => {
        if (f !== 'General') take(r, c);
      });
    });
    for (const m of sheet.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
    // Excel counts formatted cells (a fill, a border…) as used, like cells with a number format.
    for (const [r, row] of sheet.styles) for (const c of row.keys()) take(r, c);
  }
  if (bottom < 0) return null;
  return { sheet, top, left, bottom, right };
}

/** Intersection of two rectangles on the same sheet, or null. */
export function intersect(a: HostRange, b: HostRange): HostRange | null {
  if (a.sheet !== b.sheet) return null;
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  if (top > bottom || left > right) return null;
  return { sheet: a.sheet, top, left, bottom, right };
}

/** True when two rectangles share at least one cell. */
export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * An address the way Excel prints it: `Sheet1!A1:C5`, `Sheet1!B3` for one cell, `Sheet1!1:5000` for whole
 * rows, `'任务 台账'!A1:D9` when the name needs quotes.
 */
export function formatAddress(range: HostRange): string {
  const sheet = quoteSheetName(range.sheet.name);
  if (range.left === 0 && range.right === MAX_COLS - 1)
    return `${sheet}!${range.top + 1}:${range.bottom + 1}`;
  if (range.top === 0 && range.bottom === MAX_ROWS - 1) {
    return `${sheet}!${columnLetters(range.left)}:${columnLetters(range.right)}`;
  }
  const start = `${columnLetters(range.left)}${range.top + 1}`;
  if (range.top === range.bottom && range.left === range.right) return `${sheet}!${start}`;
  return `${sheet}!${start}:${columnLetters(range.right)}${range.bottom + 1}`;
}

function lettersToCol(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * Parse a local address (no sheet part) as `Worksheet.getRange` accepts it: a cell, a cell rectangle,
 * whole rows or whole columns. Returns null when Excel would reject it.
 * @example parseLocalAddress('B3') → rows 2–2, cols 1–1; parseLocalAddress('A1:C5') → rows 0–4, cols 0–2
 * @example parseLocalAddress('1:5000') → rows 0–4999, all columns; parseLocalAddress('A:C') → all rows, cols 0–2
 */
export function parseLocalAddress(text: string): CellRange | null {
  const t = text.trim().replace(/\$/g, '');
  // Cell or rectangle: 'B3' ✓, 'A1:C5' ✓, 'a1:c5' ✓ (Excel ignores case), 'A0' ✗ (rows start at 1)
  const cells = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(t);
  if (cells) {
    const r1 = Number(cells[2]) - 1;
    const c1 = lettersToCol(cells[1] ?? '');
    const r2 = cells[4] !== undefined ? Number(cells[4]) - 1 : r1;
    const c2 = cells[3] !== undefined ? lettersToCol(cells[3]) : c1;
    return checked(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2));
  }
  // Whole rows: '1:5000' ✓, '7:7' ✓, '7' ✗ (Excel wants both ends)
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(t);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    return checked(Math.min(r1, r2), 0, Math.max(r1, r2), MAX_COLS - 1);
  }
  // Whole columns: 'A:C' ✓, 'd:d' ✓, 'A' ✗
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(t);
  if (cols) {
    const c1 = lettersToCol(cols[1] ?? '');
    const c2 = lettersToCol(cols[2] ?? '');
    return checked(0, Math.min(c1, c2), MAX_ROWS - 1, Math.max(c1, c2));
  }
  return null;
}

function checked(top: number, left: number, bottom: number, right: number): CellRange | null {
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLS) return null;
  return { top, left, bottom, right };
}
