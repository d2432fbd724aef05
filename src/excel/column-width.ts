/**
 * Column widths between the write plan and Office.js. Plans give widths in Excel character units (the
 * width of a digit in the default font, as the .xlsx file and exceljs store them); Office.js reads and sets
 * `format.columnWidth` in points. One conversion for every caller, for Calibri 11 at 96 dpi (a digit is
 * 7 px, plus 5 px of cell padding; 0.75 pt per px):
 *
 *   points = round((chars × 7 + 5) × 0.75, 2)      chars = (points / 0.75 − 5) / 7
 *
 * The inverse is exact for every width the forward function produces (8 → 45.75 → 8).
 */

/** Points of a column width given in characters. @example charsToPoints(8) === 45.75; charsToPoints(10) === 56.25 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Characters of a column width given in points (the inverse). @example pointsToChars(45.75) === 8 */
export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 10000) / 10000;
}

/**
 * The width Excel gives a column nobody sized (8.43 characters of Calibri 11 = 64 px = 48 pt). Office.js
 * cannot "unset" a width, so clear puts a default column back by setting exactly this.
 */
export const DEFAULT_COLUMN_POINTS = 48;

/**
 * A width read from Excel as the plan's "previous width": null for the default width, else characters.
 * @example previousWidthOf(48) === null; previousWidthOf(56.25) === 10
 */
export function previousWidthOf(points: number): number | null {
  return Math.abs(points - DEFAULT_COLUMN_POINTS) < 0.005 ? null : pointsToChars(points);
}

/** The points to set to put back a previous width (null = default). */
export function restoredPoints(previous: number | null): number {
  return previous === null ? DEFAULT_COLUMN_POINTS : charsToPoints(previous);
}
