/**
 * What the fake host does when a write reaches it: the document changes behind `Range.values = …`,
 * `format.fill.color = …`, `conditionalFormats.add(…)`, `worksheets.add(…)` and the rest, with the checks
 * Excel makes (shapes, enum words, protection, names) raising the codes Excel raises. Pure functions over the
 * host document; the proxies in `fake-excel.ts` call them in request order.
 */
import { columnLetters, type CellRange } from '../../src/core/grid.ts';
import { FakeNotModelledError, FakeOfficeError } from './fake-errors.ts';
import {
  cellAtHost,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_STYLE,
  formatAt,
  MAX_COLS,
  MAX_ROWS,
  newHostSheet,
  nextHostId,
  overlaps,
  parseLocalAddress,
  type HostBorderStyle,
  type HostCell,
  type HostChart,
  type HostConditionalFormat,
  type HostEdge,
  type HostHyperlink,
  type HostRange,
  type HostSheet,
  type HostStyle,
  type HostValidation,
  type HostValidationRule,
  type HostWorkbook,
} from './fake-host.ts';

/** Cells one formatting write may touch before the fake refuses (it stores formats cell by cell). */
export const FORMAT_CELL_LIMIT = 2_000_000;

const EMPTY: HostCell = { value: '', type: 'Empty' };

function invalid(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', message, location);
}

/** The local A1 name of a cell (`B3`). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The local address of a rectangle (`B3`, `A1:C5`, `1:5`, `A:C`). */
export function localAddress(r: CellRange): string {
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

// ---------------------------------------------------------------------------------------------------------
// guards

/** The sheet must still exist (a proxy may outlive `Worksheet.delete()`). */
export function checkLive(doc: HostWorkbook, sheet: HostSheet): void {
  if (!doc.sheets.includes(sheet)) {
    throw new FakeOfficeError('ItemNotFound', `The worksheet ${sheet.name} has been deleted.`);
  }
}

/**
 * Writes into a protected sheet fail with `AccessDenied`, as in Excel. Values may go into cells that are all
 * unlocked (what sheet protection is for); everything else is refused.
 */
export function guardSheet(range: HostRange, what: string, valuesIntoUnlocked = false): void {
  if (!range.sheet.protection.protected) return;
  if (valuesIntoUnlocked) {
    let allUnlocked = true;
    for (let r = range.top; r <= range.bottom && allUnlocked; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (styleAt(range.sheet, r, c).locked !== false) {
          allUnlocked = false;
          break;
        }
      }
    }
    if (allUnlocked) return;
  }
  throw new FakeOfficeError(
    'AccessDenied',
    `The sheet ${range.sheet.name} is protected: ${what} is not allowed.`,
    what,
  );
}

/** Sheet-structure changes fail with `AccessDenied` while the workbook is protected. */
export function guardWorkbook(doc: HostWorkbook, what: string): void {
  if (doc.protected) {
    throw new FakeOfficeError('AccessDenied', `The workbook is protected: ${what} is not allowed.`, what);
  }
}

// ---------------------------------------------------------------------------------------------------------
// cells

function setCell(sheet: HostSheet, row: number, col: number, cell: HostCell): void {
  let line = sheet.cells[row];
  if (!line) {
    if (cell.type === 'Empty') return;
    line = [];
    sheet.cells[row] = line;
  }
  if (cell.type === 'Empty' && col >= line.length) return;
  line[col] = cell;
}

function setNumberFormat(sheet: HostSheet, row: number, col: number, format: string): void {
  let line = sheet.formats[row];
  if (!line) {
    if (format === 'General') return;
    line = [];
    sheet.formats[row] = line;
  }
  if (format === 'General' && col >= line.length) return;
  line[col] = format;
}

/**
 * The shape check Excel makes on `values` / `numberFormat`: a 2-D array with exactly the range's rows and
 * columns. (Excel would broadcast a lone scalar; the fake refuses it: our writer always sends full arrays.)
 */
function checkShape(range: HostRange, data: unknown, prop: string): readonly (readonly unknown[])[] {
  const rows = range.bottom - range.top + 1;
  const cols = range.right - range.left + 1;
  const shapeError = (): FakeOfficeError =>
    invalid(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}, ${rows}×${cols}).`,
      `Range.${prop}`,
    );
  if (!Array.isArray(data) || data.length !== rows) throw shapeError();
  for (const line of data as unknown[]) {
    if (!Array.isArray(line) || line.length !== cols) throw shapeError();
  }
  return data as unknown[][];
}

// Numbers as Excel parses typed text: '12' ✓, '-3.5' ✓, '1e3' ✓, '.5' ✓, '12a' ✗, '1,234' ✗ (handled apart)
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Percent text: '50%' ✓, '-12.5%' ✓, '50 %' ✗, '%' ✗
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
// Text Excel would turn into a date or time: '2024-06-30' ✓, '2024/6/30' ✓, '6月30日' ✓, '2024年6月' ✓,
// '12:30' ✓, '6月底前' ✗ (no day number after 月), '第3季度' ✗
const DATE_LIKE =
  /^(\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?|\d{1,2}[-/]\d{1,2}|(\d{4}年)?\d{1,2}月(\d{1,2}日)?|\d{1,2}:\d{2}(:\d{2})?)$/;
// Thousands-separated numbers Excel also parses: '1,234' ✓, '12,345.6' ✓, '1,23' ✗
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * What Excel stores when `value` is written into a cell whose number format is `format`: strings are parsed
 * as if typed (numbers become numbers; `=…`, `+x`, `-x`, `@x` become formulas) unless the cell is formatted
 * as text (`@`). Returns the cell and, for formulas, the formula text.
 */
function typedCell(value: unknown, format: string): { cell: HostCell; formula?: string; format?: string } {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid('Numbers must be finite.', 'Range.values');
    return { cell: { value, type: 'Double' } };
  }
  if (typeof value === 'boolean') return { cell: { value, type: 'Boolean' } };
  if (typeof value !== 'string') throw invalid(`Unsupported cell value ${String(value)}.`, 'Range.values');
  if (value === '') return { cell: EMPTY };
  if (format === '@') return { cell: { value, type: 'String' } };
  const text = value.trim();
  if (NUMERIC.test(text)) return { cell: { value: Number(text), type: 'Double' } };
  const first = value[0];
  if (first === '=' || first === '+' || first === '-' || first === '@') {
    const formula = first === '=' ? value : `=${value}`;
    return { cell: { value: '#FAKE!', type: 'Error', unevaluated: true }, formula };
  }
  if (PERCENT.test(text) || GROUPED.test(text) || DATE_LIKE.test(text)) {
    throw new FakeNotModelledError(
      `Excel's conversion of the text '${value}' into a number or date (format the cell as text '@' first)`,
    );
  }
  return { cell: { value, type: 'String' } };
}

/** `Range.values = data`: null entries leave their cell as it is, as in Office.js. */
export function writeValues(range: HostRange, data: unknown): void {
  const rows = checkShape(range, data, 'values');
  guardSheet(range, 'Range.values', true);
  const sheet = range.sheet;
  rows.forEach((line, i) => {
    line.forEach((value, j) => {
      if (value === null) return;
      const row = range.top + i;
      const col = range.left + j;
      const typed = typedCell(value, formatAt(sheet, row, col));
      const name = a1(row, col);
      setCell(sheet, row, col, typed.cell);
      if (typed.formula !== undefined) sheet.formulas[name] = typed.formula;
      else Reflect.deleteProperty(sheet.formulas, name);
      Reflect.deleteProperty(sheet.richText, name);
    });
  });
}

/** `Range.numberFormat = data`. */
export function writeNumberFormats(range: HostRange, data: unknown): void {
  const rows = checkShape(range, data, 'numberFormat');
  guardSheet(range, 'Range.numberFormat');
  rows.forEach((line, i) => {
    line.forEach((format, j) => {
      if (format === null) return;
      if (typeof format !== 'string') throw invalid('Number formats must be strings.', 'Range.numberFormat');
      setNumberFormat(range.sheet, range.top + i, range.left + j, format === '' ? 'General' : format);
    });
  });
}

/** The value of a cell for a read, refusing formula results the fake could not compute. */
export function readableCell(sheet: HostSheet, row: number, col: number): HostCell {
  const cell = cellAtHost(sheet, row, col);
  if (cell.unevaluated) {
    throw new FakeNotModelledError(`the result of the formula ${sheet.formulas[a1(row, col)] ?? ''}`);
  }
  return cell;
}

// ---------------------------------------------------------------------------------------------------------
// formats

/** The stored formatting of a cell (an empty object when it has the defaults). */
export function styleAt(sheet: HostSheet, row: number, col: number): HostStyle {
  return sheet.styles.get(row)?.get(col) ?? {};
}

function normalised(style: HostStyle): HostStyle {
  const out: HostStyle = {};
  if (style.fill !== undefined) out.fill = style.fill;
  const defaults: Record<string, unknown> = DEFAULT_STYLE;
  for (const key of Object.keys(DEFAULT_STYLE) as (keyof typeof DEFAULT_STYLE)[]) {
    const v = style[key];
    if (v !== undefined && v !== defaults[key]) (out as Record<string, unknown>)[key] = v;
  }
  if (style.borders) {
    const borders: Partial<Record<HostEdge, { style: HostBorderStyle; color: string }>> = {};
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
      const b = style.borders[edge];
      if (b && !(b.style === 'None' && b.color === '#000000')) borders[edge] = { ...b };
    }
    if (Object.keys(borders).length > 0) out.borders = borders;
  }
  return out;
}

/** Change the formatting of one cell; a cell back at the defaults is dropped from the store. */
export function patchStyle(sheet: HostSheet, row: number, col: number, patch: (s: HostStyle) => void): void {
  const current = styleAt(sheet, row, col);
  const next: HostStyle = { ...current, ...(current.borders ? { borders: { ...current.borders } } : {}) };
  patch(next);
  const clean = normalised(next);
  let line = sheet.styles.get(row);
  if (Object.keys(clean).length === 0) {
    line?.delete(col);
    if (line && line.size === 0) sheet.styles.delete(row);
    return;
  }
  if (!line) {
    line = new Map();
    sheet.styles.set(row, line);
  }
  line.set(col, clean);
}

/** Apply a formatting change to every cell of a range (after the protection check). */
export function styleRange(range: HostRange, what: string, patch: (s: HostStyle) => void): void {
  guardSheet(range, what);
  if (cellCount(range) > FORMAT_CELL_LIMIT) {
    throw new FakeNotModelledError(`${what} on ${cellCount(range)} cells (the fake stores formats per cell)`);
  }
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) patchStyle(range.sheet, r, c, patch);
  }
}

/** The value every cell of the range shares, or null (Office.js's answer for mixed formatting). */
export function uniform<V>(range: HostRange, read: (row: number, col: number) => V): V | null {
  if (cellCount(range) > FORMAT_CELL_LIMIT) {
    throw new FakeNotModelledError(`reading formats of ${cellCount(range)} cells`);
  }
  let first: V | undefined;
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const v = read(r, c);
      if (first === undefined) first = v;
      else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}

// Colours: '#5B9BD5' ✓, '#5b9bd5' ✓ (stored upper-case), 'red' ✗ (Excel accepts names; the fake does not), '#FFF' ✗
const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

/** A colour as Excel stores it (`#RRGGBB`, upper case). */
export function colour(value: unknown, where: string): string {
  if (typeof value !== 'string') throw invalid(`${where} must be a colour string.`, where);
  if (!HEX_COLOUR.test(value)) {
    throw new FakeNotModelledError(`the colour '${value}' in ${where} (use #RRGGBB)`);
  }
  return value.toUpperCase();
}

/** One of Excel's enum words, exactly as spelt. */
export function enumWord(value: unknown, allowed: readonly string[], where: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw invalid(`${where}: '${String(value)}' is not one of ${allowed.join(', ')}.`, where);
  }
  return value;
}

export const HORIZONTAL = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
] as const;
export const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
export const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;
export const BORDER_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
] as const;
export const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;

/**
 * The cells and edges an Office.js border index stands for. Inside borders are stored on the bottom (right)
 * edge of every row (column) but the last — the fake's reading of Excel's shared edges.
 */
export function borderCells(range: HostRange, index: string): { row: number; col: number; edge: HostEdge }[] {
  const out: { row: number; col: number; edge: HostEdge }[] = [];
  const each = (rows: [number, number], cols: [number, number], edge: HostEdge): void => {
    for (let r = rows[0]; r <= rows[1]; r++)
      for (let c = cols[0]; c <= cols[1]; c++) out.push({ row: r, col: c, edge });
  };
  const { top, left, bottom, right } = range;
  switch (index) {
    case 'EdgeTop':
      each([top, top], [left, right], 'top');
      break;
    case 'EdgeBottom':
      each([bottom, bottom], [left, right], 'bottom');
      break;
    case 'EdgeLeft':
      each([top, bottom], [left, left], 'left');
      break;
    case 'EdgeRight':
      each([top, bottom], [right, right], 'right');
      break;
    case 'InsideHorizontal':
      if (bottom > top) each([top, bottom - 1], [left, right], 'bottom');
      break;
    case 'InsideVertical':
      if (right > left) each([top, bottom], [left, right - 1], 'right');
      break;
    default:
      throw new FakeNotModelledError(`the border ${index}`);
  }
  if (out.length > FORMAT_CELL_LIMIT) throw new FakeNotModelledError(`borders on ${out.length} cells`);
  return out;
}

/** `format.columnWidth = points` for every column of the range (48 = the standard width: nothing stored). */
export function setColumnWidth(range: HostRange, points: unknown): void {
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > 255 * 7.5) {
    throw invalid('columnWidth must be a number of points between 0 and 1,912.5.', 'RangeFormat.columnWidth');
  }
  guardSheet(range, 'RangeFormat.columnWidth');
  for (let c = range.left; c <= range.right; c++) {
    if (points === DEFAULT_COLUMN_WIDTH) range.sheet.columnWidths.delete(c);
    else range.sheet.columnWidths.set(c, points);
  }
}

/** `format.rowHeight = points` for every row of the range (15 = the standard height). */
export function setRowHeight(range: HostRange, points: unknown): void {
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > 409) {
    throw invalid('rowHeight must be a number of points between 0 and 409.', 'RangeFormat.rowHeight');
  }
  guardSheet(range, 'RangeFormat.rowHeight');
  for (let r = range.top; r <= range.bottom; r++) {
    if (points === DEFAULT_ROW_HEIGHT) range.sheet.rowHeights.delete(r);
    else range.sheet.rowHeights.set(r, points);
  }
}

// ---------------------------------------------------------------------------------------------------------
// clear, merge, hyperlinks

/** Rectangle `a` minus rectangle `b`: up to four rectangles. */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!overlaps(a, b)) return [{ ...a }];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

function intersection(a: CellRange, b: CellRange): CellRange | null {
  if (!overlaps(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

/** Cells of the stored block that fall inside the range (sparse walk: whole columns stay cheap). */
function storedCells(sheet: HostSheet, range: HostRange, f: (row: number, col: number) => void): void {
  const rows = Math.min(range.bottom, Math.max(sheet.cells.length, sheet.formats.length) - 1);
  for (let r = range.top; r <= rows; r++) {
    const width = Math.max(sheet.cells[r]?.length ?? 0, sheet.formats[r]?.length ?? 0);
    for (let c = range.left; c <= Math.min(range.right, width - 1); c++) f(r, c);
  }
}

function removeLinks(sheet: HostSheet, range: HostRange): void {
  for (const name of Object.keys(sheet.hyperlinks).concat(Object.keys(sheet.linkDetails))) {
    const cell = parseLocalAddress(name);
    if (cell && overlaps(cell, range)) {
      Reflect.deleteProperty(sheet.hyperlinks, name);
      Reflect.deleteProperty(sheet.linkDetails, name);
    }
  }
}

/**
 * `Range.clear(applyTo)`. The fake's reading of Excel: `All` empties values, formulas, number formats,
 * formatting, hyperlinks, and removes the cleared cells from conditional formats and data validation;
 * `Formats` clears formatting and number formats and removes conditional formats from the cells; `Contents`
 * empties values and formulas only.
 */
export function clearRange(range: HostRange, applyTo: unknown): void {
  const mode = enumWord(applyTo ?? 'All', ['All', 'Formats', 'Contents', 'Hyperlinks'], 'Range.clear');
  guardSheet(range, 'Range.clear', mode === 'Contents');
  const sheet = range.sheet;
  if (mode === 'All' || mode === 'Contents') {
    storedCells(sheet, range, (r, c) => {
      setCell(sheet, r, c, EMPTY);
      const name = a1(r, c);
      Reflect.deleteProperty(sheet.formulas, name);
      Reflect.deleteProperty(sheet.richText, name);
    });
  }
  if (mode === 'All' || mode === 'Formats') {
    storedCells(sheet, range, (r, c) => {
      setNumberFormat(sheet, r, c, 'General');
    });
    for (const [r, line] of [...sheet.styles]) {
      if (r < range.top || r > range.bottom) continue;
      for (const c of [...line.keys()]) if (c >= range.left && c <= range.right) line.delete(c);
      if (line.size === 0) sheet.styles.delete(r);
    }
    trimConditionalFormats(sheet, range);
  }
  if (mode === 'All' || mode === 'Hyperlinks') removeLinks(sheet, range);
  if (mode === 'All') clearValidation(range);
}

/** `Range.merge(across)`: merged areas inside the range are absorbed; values but the top-left's are lost. */
export function mergeRange(range: HostRange, across: unknown): void {
  guardSheet(range, 'Range.merge');
  const sheet = range.sheet;
  const areas: CellRange[] =
    across === true
      ? Array.from({ length: range.bottom - range.top + 1 }, (_, i) => ({
          top: range.top + i,
          left: range.left,
          bottom: range.top + i,
          right: range.right,
        }))
      : [{ top: range.top, left: range.left, bottom: range.bottom, right: range.right }];
  for (const m of sheet.merges) {
    if (overlaps(m, range) && subtract(m, range).length > 0) {
      throw new FakeNotModelledError('merging a range that cuts through an existing merged area');
    }
  }
  sheet.merges = sheet.merges.filter((m) => !overlaps(m, range));
  for (const area of areas) {
    if (area.top === area.bottom && area.left === area.right) continue;
    // Excel keeps the top-left cell's value and formatting for the whole merged area.
    const master = styleAt(sheet, area.top, area.left);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        patchStyle(sheet, r, c, (s) => {
          for (const key of Object.keys(s) as (keyof HostStyle)[]) Reflect.deleteProperty(s, key);
          Object.assign(s, structuredClone(master));
        });
        setCell(sheet, r, c, EMPTY);
        Reflect.deleteProperty(sheet.formulas, a1(r, c));
      }
    }
    sheet.merges.push(area);
  }
}

/** `Range.unmerge()`: every merged area touching the range is split. */
export function unmergeRange(range: HostRange): void {
  guardSheet(range, 'Range.unmerge');
  range.sheet.merges = range.sheet.merges.filter((m) => !overlaps(m, range));
}

/** `Range.hyperlink = link` on every cell of the range; `textToDisplay` becomes the cell's value. */
export function setHyperlink(range: HostRange, link: unknown): void {
  guardSheet(range, 'Range.hyperlink');
  if (link === null || typeof link !== 'object')
    throw invalid('hyperlink must be an object.', 'Range.hyperlink');
  const given = link as Record<string, unknown>;
  const details: HostHyperlink = {};
  for (const key of ['address', 'documentReference', 'screenTip', 'textToDisplay'] as const) {
    const v = given[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw invalid(`hyperlink.${key} must be a string.`, 'Range.hyperlink');
    details[key] = v;
  }
  for (const key of Object.keys(given)) {
    if (!['address', 'documentReference', 'screenTip', 'textToDisplay'].includes(key)) {
      throw invalid(`hyperlink has no property ${key}.`, 'Range.hyperlink');
    }
  }
  if (details.address === undefined && details.documentReference === undefined) {
    throw invalid('hyperlink needs an address or a documentReference.', 'Range.hyperlink');
  }
  const target = details.address ?? `#${details.documentReference ?? ''}`;
  if (cellCount(range) > FORMAT_CELL_LIMIT) throw new FakeNotModelledError('hyperlinks on a huge range');
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const name = a1(r, c);
      range.sheet.hyperlinks[name] = target;
      range.sheet.linkDetails[name] = { ...details };
      if (details.textToDisplay !== undefined) {
        setCell(
          range.sheet,
          r,
          c,
          details.textToDisplay === '' ? EMPTY : { value: details.textToDisplay, type: 'String' },
        );
        Reflect.deleteProperty(range.sheet.formulas, name);
      }
    }
  }
}

/** The hyperlink of a range's top-left cell as Office.js returns it (null when it has none). */
export function hyperlinkOf(range: HostRange): HostHyperlink | null {
  const name = a1(range.top, range.left);
  const details = range.sheet.linkDetails[name];
  if (details) return { ...details };
  const target = range.sheet.hyperlinks[name];
  if (target === undefined) return null;
  return target.startsWith('#') ? { documentReference: target.slice(1) } : { address: target };
}

// ---------------------------------------------------------------------------------------------------------
// data validation

const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
] as const;

function checkBasic(kind: string, basic: unknown): void {
  if (basic === null || typeof basic !== 'object') throw invalid(`rule.${kind} must be an object.`);
  const b = basic as Record<string, unknown>;
  const operator = enumWord(b['operator'], OPERATORS, `rule.${kind}.operator`);
  const formula = (v: unknown): boolean => typeof v === 'number' || (typeof v === 'string' && v !== '');
  if (!formula(b['formula1'])) throw invalid(`rule.${kind}.formula1 is missing.`);
  const needsTwo = operator === 'Between' || operator === 'NotBetween';
  if (needsTwo && !formula(b['formula2'])) throw invalid(`rule.${kind}.formula2 is missing for ${operator}.`);
  if (kind === 'textLength' && typeof b['formula1'] === 'number' && b['formula1'] < 0) {
    throw invalid('rule.textLength.formula1 must not be negative.');
  }
}

/** Office.js's checks on a `DataValidationRule`: exactly one criterion, well formed. */
function checkRule(rule: unknown): HostValidationRule {
  if (rule === null || typeof rule !== 'object') throw invalid('dataValidation.rule must be an object.');
  const entries = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length !== 1) throw invalid('dataValidation.rule must hold exactly one criterion.');
  const [kind, body] = entries[0] as [string, unknown];
  switch (kind) {
    case 'list': {
      const list = body as Record<string, unknown> | null;
      if (!list || typeof list !== 'object') throw invalid('rule.list must be an object.');
      const source = list['source'];
      if (typeof source !== 'string' || source === '')
        throw new FakeNotModelledError('a list rule whose source is not text');
      // Excel caps an inline list at 255 characters.
      if (source.length > 255) throw invalid('rule.list.source is longer than 255 characters.');
      if (list['inCellDropDown'] !== undefined && typeof list['inCellDropDown'] !== 'boolean') {
        throw invalid('rule.list.inCellDropDown must be a boolean.');
      }
      break;
    }
    case 'textLength':
    case 'decimal':
    case 'wholeNumber':
      checkBasic(kind, body);
      break;
    default:
      throw new FakeNotModelledError(`data validation of kind ${kind}`);
  }
  return JSON.parse(JSON.stringify({ [kind]: body })) as HostValidationRule;
}

/**
 * Change the validation of the cells of `range`: entries overlapping it are split, the part inside gets
 * `patch`; with `cover`, cells that had no validation get an entry too.
 */
function patchValidation(range: HostRange, patch: (v: HostValidation) => void, cover: boolean): void {
  const sheet = range.sheet;
  const out: HostValidation[] = [];
  let uncovered: CellRange[] = [
    { top: range.top, left: range.left, bottom: range.bottom, right: range.right },
  ];
  for (const v of sheet.validations) {
    const hit = intersection(v.range, range);
    if (!hit) {
      out.push(v);
      continue;
    }
    for (const rest of subtract(v.range, range)) out.push({ ...v, range: rest });
    const inside: HostValidation = { ...v, range: hit };
    patch(inside);
    out.push(inside);
    uncovered = uncovered.flatMap((u) => subtract(u, hit));
  }
  if (cover) {
    for (const u of uncovered) {
      const fresh: HostValidation = { range: u, rule: null, prompt: null, errorAlert: null };
      patch(fresh);
      out.push(fresh);
    }
  }
  sheet.validations = out.filter((v) => v.rule !== null || v.prompt !== null || v.errorAlert !== null);
}

/** `dataValidation.rule = rule`: replaces whatever validation the cells had. */
export function setValidationRule(range: HostRange, rule: unknown): void {
  guardSheet(range, 'DataValidation.rule');
  const checked = checkRule(rule);
  clearValidation(range);
  range.sheet.validations.push({
    range: { top: range.top, left: range.left, bottom: range.bottom, right: range.right },
    rule: checked,
    prompt: null,
    errorAlert: null,
  });
}

function text(v: unknown, where: string, max: number): string {
  if (v === undefined) return '';
  if (typeof v !== 'string') throw invalid(`${where} must be text.`, where);
  if (v.length > max) throw invalid(`${where} is longer than ${max} characters.`, where);
  return v;
}

/** `dataValidation.prompt = { showPrompt, title, message }` (title ≤ 32, message ≤ 255 characters). */
export function setValidationPrompt(range: HostRange, prompt: unknown): void {
  guardSheet(range, 'DataValidation.prompt');
  if (prompt === null || typeof prompt !== 'object') throw invalid('prompt must be an object.');
  const p = prompt as Record<string, unknown>;
  const value = {
    showPrompt: p['showPrompt'] !== false,
    title: text(p['title'], 'prompt.title', 32),
    message: text(p['message'], 'prompt.message', 255),
  };
  patchValidation(range, (v) => (v.prompt = { ...value }), true);
}

/** `dataValidation.errorAlert = { showAlert, style, title, message }`. */
export function setValidationAlert(range: HostRange, alert: unknown): void {
  guardSheet(range, 'DataValidation.errorAlert');
  if (alert === null || typeof alert !== 'object') throw invalid('errorAlert must be an object.');
  const a = alert as Record<string, unknown>;
  const value = {
    showAlert: a['showAlert'] !== false,
    style: enumWord(a['style'] ?? 'Stop', ['Stop', 'Warning', 'Information'], 'errorAlert.style'),
    title: text(a['title'], 'errorAlert.title', 32),
    message: text(a['message'], 'errorAlert.message', 255),
  };
  patchValidation(range, (v) => (v.errorAlert = { ...value }), false);
}

/** `dataValidation.clear()`. */
export function clearValidation(range: HostRange): void {
  guardSheet(range, 'DataValidation.clear');
  patchValidation(
    range,
    (v) => {
      v.rule = null;
      v.prompt = null;
      v.errorAlert = null;
    },
    false,
  );
}

/** The validation entries covering a range's cells. */
export function validationsIn(range: HostRange): HostValidation[] {
  return range.sheet.validations.filter((v) => overlaps(v.range, range));
}

// ---------------------------------------------------------------------------------------------------------
// conditional formats

/** Conditional formats touching a range, in priority order. */
export function conditionalFormatsIn(range: HostRange): HostConditionalFormat[] {
  return range.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => overlaps(a, range)));
}

/** `conditionalFormats.add(type)`: the new rule goes first (priority 0), as in Excel. */
export function addConditionalFormat(
  doc: HostWorkbook,
  range: HostRange,
  type: unknown,
): HostConditionalFormat {
  const kind = enumWord(
    type,
    [
      'Custom',
      'DataBar',
      'ColorScale',
      'IconSet',
      'TopBottom',
      'PresetCriteria',
      'ContainsText',
      'CellValue',
    ],
    'ConditionalFormatCollection.add',
  );
  if (kind !== 'Custom' && kind !== 'DataBar')
    throw new FakeNotModelledError(`conditional formats of type ${kind}`);
  guardSheet(range, 'ConditionalFormatCollection.add');
  const cf: HostConditionalFormat = {
    id: nextHostId(doc),
    type: kind,
    areas: [{ top: range.top, left: range.left, bottom: range.bottom, right: range.right }],
    anchor: { row: range.top, col: range.left },
    formula: '',
    fill: null,
    fontColor: null,
    bar: { direction: 'Context', fillColor: '#638EC6', gradient: true },
  };
  range.sheet.conditionalFormats.unshift(cf);
  return cf;
}

/** The sheet a conditional format lives on (it must still exist there). */
export function liveConditionalFormat(sheet: HostSheet, cf: HostConditionalFormat): void {
  if (!sheet.conditionalFormats.includes(cf)) {
    throw new FakeOfficeError('ItemNotFound', 'The conditional format has been deleted.');
  }
}

/** `cf.priority = n`: moves the rule; numbers past the end put it last. */
export function setPriority(sheet: HostSheet, cf: HostConditionalFormat, priority: unknown): void {
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0) {
    throw invalid('priority must be a non-negative integer.', 'ConditionalFormat.priority');
  }
  const list = sheet.conditionalFormats.filter((x) => x !== cf);
  list.splice(Math.min(priority, list.length), 0, cf);
  sheet.conditionalFormats = list;
}

/** `cf.delete()`. */
export function deleteConditionalFormat(sheet: HostSheet, cf: HostConditionalFormat): void {
  sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
}

/** Remove a range's cells from every conditional format (clearing formats); rules left empty go. */
function trimConditionalFormats(sheet: HostSheet, range: HostRange): void {
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.flatMap((a) => subtract(a, range));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// sheets

// Characters Excel forbids in sheet names: 'a/b' ✗, 'a[1]' ✗, 'x?' ✗, '任务台账' ✓, 'Q1 (2024)' ✓
const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

function checkSheetName(doc: HostWorkbook, name: string, self?: HostSheet): void {
  if (
    name === '' ||
    name.length > 31 ||
    BAD_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw invalid(`'${name}' is not a valid worksheet name.`, 'Worksheet.name');
  }
  const taken = doc.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  if (taken) {
    throw new FakeOfficeError(
      'ItemAlreadyExists',
      `A resource with the same name or identifier already exists (${name}).`,
      'WorksheetCollection.add',
    );
  }
}

/** `worksheets.add(name)`: a visible, empty sheet appended last. */
export function addSheet(doc: HostWorkbook, name: unknown): HostSheet {
  guardWorkbook(doc, 'WorksheetCollection.add');
  let chosen: string;
  if (name === undefined) {
    let n = doc.sheets.length + 1;
    while (doc.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    chosen = `Sheet${n}`;
  } else {
    if (typeof name !== 'string')
      throw invalid('The worksheet name must be text.', 'WorksheetCollection.add');
    chosen = name;
  }
  checkSheetName(doc, chosen);
  const sheet = newHostSheet(doc, chosen);
  doc.sheets.push(sheet);
  return sheet;
}

function visibleOthers(doc: HostWorkbook, sheet: HostSheet): HostSheet[] {
  return doc.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
}

/** When the active sheet goes away or is hidden, Excel activates the next visible one. */
function moveActiveFrom(doc: HostWorkbook, sheet: HostSheet): void {
  if (doc.active !== sheet.name) return;
  const index = doc.sheets.indexOf(sheet);
  const after = doc.sheets.slice(index + 1).find((s) => s.visibility === 'Visible');
  const before = doc.sheets
    .slice(0, index)
    .reverse()
    .find((s) => s.visibility === 'Visible');
  const next = after ?? before;
  if (next) doc.active = next.name;
}

/** `worksheet.delete()`: the last visible sheet cannot go. */
export function deleteSheet(doc: HostWorkbook, sheet: HostSheet): void {
  guardWorkbook(doc, 'Worksheet.delete');
  if (sheet.visibility === 'Visible' && visibleOthers(doc, sheet).length === 0) {
    throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
  }
  moveActiveFrom(doc, sheet);
  doc.sheets = doc.sheets.filter((s) => s !== sheet);
}

/** `worksheet.visibility = v`. */
export function setVisibility(doc: HostWorkbook, sheet: HostSheet, value: unknown): void {
  const v = enumWord(
    value,
    ['Visible', 'Hidden', 'VeryHidden'],
    'Worksheet.visibility',
  ) as HostSheet['visibility'];
  guardWorkbook(doc, 'Worksheet.visibility');
  if (v !== 'Visible' && sheet.visibility === 'Visible' && visibleOthers(doc, sheet).length === 0) {
    throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
  }
  if (v !== 'Visible') moveActiveFrom(doc, sheet);
  sheet.visibility = v;
}

/** `worksheet.position = n`. */
export function setPosition(doc: HostWorkbook, sheet: HostSheet, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= doc.sheets.length) {
    throw invalid('The position is out of range.', 'Worksheet.position');
  }
  guardWorkbook(doc, 'Worksheet.position');
  const rest = doc.sheets.filter((s) => s !== sheet);
  rest.splice(value, 0, sheet);
  doc.sheets = rest;
}

/** `worksheet.name = n`. */
export function renameSheet(doc: HostWorkbook, sheet: HostSheet, value: unknown): void {
  if (typeof value !== 'string') throw invalid('The worksheet name must be text.', 'Worksheet.name');
  guardWorkbook(doc, 'Worksheet.name');
  checkSheetName(doc, value, sheet);
  if (doc.active === sheet.name) doc.active = value;
  sheet.name = value;
}

/** `worksheet.activate()`: only a visible sheet can be active. */
export function activateSheet(doc: HostWorkbook, sheet: HostSheet): void {
  if (sheet.visibility !== 'Visible') {
    throw new FakeOfficeError(
      'InvalidOperation',
      `The sheet ${sheet.name} is hidden and cannot be activated.`,
    );
  }
  doc.active = sheet.name;
}

/**
 * `range.select()`: activate the range's sheet and make the range its selection. Excel cannot activate a
 * hidden sheet, so selecting there fails with `InvalidOperation`.
 */
export function selectRange(doc: HostWorkbook, range: HostRange): void {
  activateSheet(doc, range.sheet);
  range.sheet.selection = { top: range.top, left: range.left, bottom: range.bottom, right: range.right };
}

/** `workbook.getSelectedRange()`: the active sheet's selection (A1 when nothing was selected there). */
export function selectedRange(doc: HostWorkbook): HostRange {
  const sheet = doc.sheets.find((s) => s.name === doc.active);
  if (!sheet) throw new FakeOfficeError('GeneralException', 'No active worksheet.');
  return { sheet, ...(sheet.selection ?? { top: 0, left: 0, bottom: 0, right: 0 }) };
}

/** `worksheet.protection.protect()` / `unprotect()` (protecting twice fails, as documented). */
export function protectSheet(sheet: HostSheet, on: boolean): void {
  if (on && sheet.protection.protected) {
    throw new FakeOfficeError('InvalidOperation', `The sheet ${sheet.name} is already protected.`);
  }
  sheet.protection = { protected: on };
}

/** `workbook.protection.protect()` / `unprotect()`. */
export function protectWorkbook(doc: HostWorkbook, on: boolean): void {
  if (on && doc.protected)
    throw new FakeOfficeError('InvalidOperation', 'The workbook is already protected.');
  doc.protected = on;
}

/** `freezePanes.freezeRows(count)`; 0 unfreezes. */
export function freezeRows(sheet: HostSheet, count: unknown): void {
  const n = count === undefined ? 1 : count;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= MAX_ROWS) {
    throw invalid('freezeRows needs a row count.', 'WorksheetFreezePanes.freezeRows');
  }
  sheet.frozenRows = n;
}

// ---------------------------------------------------------------------------------------------------------
// page layout and charts

export const PAPER_SIZES = ['Letter', 'A3', 'A4', 'A5', 'Legal', 'B4', 'B5', 'Tabloid'] as const;

/** `pageLayout.zoom = { … }`: fit-to-pages or a scale, as Office.js takes it. */
export function setZoom(sheet: HostSheet, zoom: unknown): void {
  if (zoom === null || typeof zoom !== 'object') throw invalid('zoom must be an object.', 'PageLayout.zoom');
  const z = zoom as Record<string, unknown>;
  const out: HostSheet['pageLayout']['zoom'] = {};
  for (const key of ['horizontalFitToPages', 'verticalFitToPages', 'scale'] as const) {
    const v = z[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(`zoom.${key} must be a count.`);
    out[key] = v;
  }
  for (const key of Object.keys(z)) {
    if (!['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(key))
      throw invalid(`zoom has no ${key}.`);
  }
  if (out.scale !== undefined && (out.scale < 10 || out.scale > 400))
    throw invalid('zoom.scale must be 10–400.');
  sheet.pageLayout.zoom = out;
}

// Print title rows: '$1:$2' ✓, '1:2' ✓ (stored as '$1:$2'), 'A1:B2' ✗, '$1' ✗
const TITLE_ROWS = /^\$?(\d+):\$?(\d+)$/;

/** `pageLayout.setPrintTitleRows('$1:$2')`. */
export function setPrintTitleRows(sheet: HostSheet, rows: string): void {
  const m = TITLE_ROWS.exec(rows);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) {
    throw invalid(`'${rows}' is not a row range.`, 'PageLayout.setPrintTitleRows');
  }
  sheet.pageLayout.printTitleRows = `$${m[1]}:$${m[2]}`;
}

export const CHART_TYPES = [
  'ColumnClustered',
  'ColumnStacked',
  'BarClustered',
  'BarStacked',
  'Line',
  'LineMarkers',
  'Pie',
  'Doughnut',
  'Area',
  'XYScatter',
] as const;

/** `charts.add(type, source, seriesBy)`. */
export function addChart(
  doc: HostWorkbook,
  sheet: HostSheet,
  type: unknown,
  source: HostRange,
  seriesBy: unknown,
): HostChart {
  const kind = enumWord(type, CHART_TYPES, 'ChartCollection.add');
  const by = enumWord(seriesBy ?? 'Auto', ['Auto', 'Columns', 'Rows'], 'ChartCollection.add');
  if (source.sheet !== sheet) throw new FakeNotModelledError('a chart whose data lives on another sheet');
  guardSheet(source, 'ChartCollection.add');
  const chart: HostChart = {
    id: nextHostId(doc),
    name: `Chart ${sheet.charts.length + 1}`,
    type: kind,
    source: localAddress(source),
    seriesBy: by,
    title: null,
    legendVisible: true,
    position: null,
  };
  sheet.charts.push(chart);
  return chart;
}

/** A cell argument (`'M2'` or a range) as the local address of its top-left cell. */
export function cellArg(sheet: HostSheet, arg: unknown, resolve: (o: unknown) => HostRange): string {
  if (typeof arg === 'string') {
    const local = parseLocalAddress(arg);
    if (!local) throw invalid(`Invalid address ${arg}.`);
    return a1(local.top, local.left);
  }
  const r = resolve(arg);
  if (r.sheet !== sheet) throw invalid('The cell is on another sheet.');
  return a1(r.top, r.left);
}

/** `AccessDenied` for a change to a protected sheet that is not about particular cells (a chart, a rule). */
export function guardSheetOnly(sheet: HostSheet, what: string): void {
  if (sheet.protection.protected) {
    throw new FakeOfficeError(
      'AccessDenied',
      `The sheet ${sheet.name} is protected: ${what} is not allowed.`,
      what,
    );
  }
}
