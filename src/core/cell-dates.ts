/**
 * Dates in cells. Hosts disagree on how a date cell arrives (Office.js: a serial number with a date number
 * format; exceljs: a JS Date), so every adapter turns it into the same ISO text before the core sees it:
 * `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` when the cell carries a time of day.
 */

const MS_PER_DAY = 86_400_000;
// Excel's day 0 is 1899-12-30 in the 1900 date system once its fictitious 1900-02-29 is accounted for.
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Format a UTC instant as the ISO text the core expects.
 * @example isoFromUtcMillis(Date.UTC(2024, 5, 30)) === '2024-06-30'
 */
export function isoFromUtcMillis(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  return minutes === 0 ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * Excel serial date (1900 system) to ISO text. Serials before 61 fall before Excel's fictitious leap day
 * and are shifted by one so that 1 is 1900-01-01.
 * @example excelSerialToIso(45473) === '2024-06-30'; excelSerialToIso(45473.5) === '2024-06-30 12:00'
 */
export function excelSerialToIso(serial: number): string {
  const adjusted = serial < 61 ? serial + 1 : serial;
  // Round to the minute so 0.9999999 of a day does not print as 23:59 through float noise.
  const ms = Math.round((adjusted * MS_PER_DAY) / 60_000) * 60_000;
  return isoFromUtcMillis(EXCEL_EPOCH_UTC + ms);
}

/**
 * True when a number format displays a date or time: it has y, m, d, h or s outside quotes and brackets,
 * or a Chinese date word, and is not an elapsed-time or pure number format.
 * @example isDateFormat('yyyy-mm-dd') === true; isDateFormat('yyyy"年"m"月"d"日"') === true
 * @example isDateFormat('0.0%') === false; isDateFormat('[Red]0.00') === false; isDateFormat('General') === false
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  // Remove quoted literals ("年"), escaped characters (\-) and bracketed parts ([Red], [$-804]) first:
  // e.g. 'yyyy"年"m"月"' → 'yyyym'; '[Red]0.00' → '0.00'; '[$-F800]dddd' → 'dddd'.
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  // Then any date/time letter: e.g. 'yyyy-mm-dd' ✓, 'h:mm' ✓, '0.00E+00' ✗ (E is not a date letter).
  return /[ymdhs]/i.test(bare);
}
