/**
 * The raw grid: what every host adapter (Office.js, exceljs, in-memory) delivers and the only thing the core
 * reads. Plain data, 0-based coordinates; A1 addresses appear only at display time.
 */

/** An Excel error value such as `#N/A` or `#DIV/0!`, kept as a value rather than thrown. */
export interface CellError {
  readonly error: string;
}

/** One cell's value as the host reports it (the cached result for formulas). */
export type RawCell = string | number | boolean | null | CellError;

/** A cell on a sheet, 0-based and absolute (row 0 / col 0 is the user's `A1`). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** An inclusive rectangle of absolute 0-based coordinates, e.g. a merged area. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A block of a sheet. `cells[r][c]` is the user's cell at absolute row `origin.row + r`, column
 * `origin.col + c`. Rows may be ragged (missing trailing cells read as `null`).
 */
export interface Grid {
  readonly sheet: string;
  readonly origin: { readonly row: number; readonly col: number };
  readonly cells: readonly (readonly RawCell[])[];
  /** Merged areas in absolute coordinates. Only the top-left cell of an area carries the value. */
  readonly merges?: readonly CellRange[];
  /**
   * Number formats parallel to `cells` (`null` or missing = General). The core needs them to tell a cell
   * showing `68.1%` (value 0.681, format `0.0%`) from one showing `68.1`.
   */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** Absolute rows hidden by the user (they are still read; findings may mention them). */
  readonly hiddenRows?: readonly number[];
}

/** True when the value is an Excel error value. */
export function isCellError(value: RawCell | undefined): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/**
 * Column index to letters.
 * @example columnLetters(0) === 'A'; columnLetters(25) === 'Z'; columnLetters(26) === 'AA'
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Quote a sheet name for an A1 reference the way Excel does: only when it is not a plain identifier.
 * @example quoteSheetName('Sheet1') === 'Sheet1'; quoteSheetName('任务 台账') === "'任务 台账'"
 */
export function quoteSheetName(sheet: string): string {
  // Plain: letters (any script), digits, underscore, dot; not starting with a digit. Anything else is quoted,
  // with inner apostrophes doubled as Excel writes them: O'Brien → 'O''Brien'.
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Address of a cell without the sheet.
 * @example toA1Local({ sheet: 'S', row: 6, col: 2 }) === 'C7'
 */
export function toA1Local(ref: Pick<CellRef, 'row' | 'col'>): string {
  return `${columnLetters(ref.col)}${ref.row + 1}`;
}

/**
 * Address of a cell with its sheet, as shown to users and in JSON output.
 * @example toA1({ sheet: '分解表', row: 6, col: 2 }) === '分解表!C7'
 */
export function toA1(ref: CellRef): string {
  return `${quoteSheetName(ref.sheet)}!${toA1Local(ref)}`;
}

/**
 * Parse `C7`, `$C$7`, `Sheet!C7` or `'My sheet'!C7`. Returns null when the text is not an address.
 * @example parseA1('C7', 'S') → { sheet: 'S', row: 6, col: 2 }
 * @example parseA1("'任务 台账'!AA10") → { sheet: '任务 台账', row: 9, col: 26 }
 * @example parseA1('foo') → null
 */
export function parseA1(text: string, defaultSheet = ''): CellRef | null {
  // Optional sheet (quoted with doubled quotes, or bare up to '!'), then $?letters$?digits.
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? defaultSheet);
  const letters = (m[3] ?? '').toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[4]) - 1;
  if (row < 0) return null;
  return { sheet, row, col: col - 1 };
}

/** The value at an absolute position, `null` outside the grid. */
export function cellAt(grid: Grid, row: number, col: number): RawCell {
  const r = grid.cells[row - grid.origin.row];
  if (!r) return null;
  return r[col - grid.origin.col] ?? null;
}

/** The number format at an absolute position, `null` when unknown or General. */
export function numberFormatAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.numberFormats?.[row - grid.origin.row];
  if (!r) return null;
  return r[col - grid.origin.col] ?? null;
}

/** Number of rows and the widest row's length. */
export function gridSize(grid: Grid): { rows: number; cols: number } {
  let cols = 0;
  for (const r of grid.cells) if (r.length > cols) cols = r.length;
  return { rows: grid.cells.length, cols };
}

/** A CellRef on the grid's sheet. */
export function refOn(grid: Grid, row: number, col: number): CellRef {
  return { sheet: grid.sheet, row, col };
}
