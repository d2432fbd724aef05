/**
 * The as-of choice of the 表格 tab: today (the session's default), the end of a quarter of the plan year, or
 * a date the user types. Quarter ends are the reporting dates of the seed notice (03-31, 06-30, 09-30, 12-31).
 */

/** How the as-of date is chosen. */
export type AsOfMode = 'today' | 'q1' | 'q2' | 'q3' | 'q4' | 'date';

/** Month-day of each quarter's end. */
export const QUARTER_ENDS: Readonly<Record<Exclude<AsOfMode, 'today' | 'date'>, string>> = {
  q1: '03-31',
  q2: '06-30',
  q3: '09-30',
  q4: '12-31',
};

/** True for a `YYYY-MM-DD` text (the shape `<input type="date">` gives). */
export function isIsoDate(text: string): boolean {
  // Four-digit year, two-digit month and day:
  // '2024-06-30' → yes; '2024-6-30' → no; '2024/06/30' → no; '' → no
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/**
 * The `asOf` to send to the session, or undefined for the session's default (today). A quarter needs a plan
 * year; without one the default applies.
 * @example asOfFor('q2', '', 2024) === '2024-06-30'
 * @example asOfFor('date', '2024-05-20', 2024) === '2024-05-20'
 * @example asOfFor('q1', '', null) === undefined
 */
export function asOfFor(mode: AsOfMode, date: string, planYear: number | null): string | undefined {
  if (mode === 'today') return undefined;
  if (mode === 'date') return isIsoDate(date) ? date : undefined;
  return planYear === null ? undefined : `${planYear}-${QUARTER_ENDS[mode]}`;
}

/**
 * The mode and date that show a stored as-of date: a quarter end of the plan year as that quarter, any other
 * date as itself, none as today.
 * @example asOfModeOf('2024-09-30', 2024) → { mode: 'q3', date: '2024-09-30' }
 * @example asOfModeOf('2024-05-20', 2024) → { mode: 'date', date: '2024-05-20' }
 */
export function asOfModeOf(
  asOf: string | null,
  planYear: number | null,
): { readonly mode: AsOfMode; readonly date: string } {
  if (asOf === null || !isIsoDate(asOf)) return { mode: 'today', date: '' };
  for (const [mode, md] of Object.entries(QUARTER_ENDS)) {
    if (planYear !== null && asOf === `${planYear}-${md}`) return { mode: mode as AsOfMode, date: asOf };
  }
  return { mode: 'date', date: asOf };
}
