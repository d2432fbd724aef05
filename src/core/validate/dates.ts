/**
 * Calendar checks on ISO text, without `Date`: the core has no clock, and comparing `YYYY-MM-DD` strings
 * orders them correctly.
 */

/**
 * A full ISO date.
 * @example '2024-06-30' ✓  '2024-6-30' ✗  '2024-06-30T00:00' ✗
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A month and day as in the reporting calendar.
 * @example '03-31' ✓  '12-31' ✓  '3-31' ✗
 */
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a `MM-DD` that exists in some year (`02-29` included). */
export function isMonthDay(text: string): boolean {
  const m = MONTH_DAY.exec(text);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/** The year of an ISO date (the caller has checked it). */
export function isoYear(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * The latest reporting deadline of the plan year that is on or before `asOf`, as an ISO date, or null
 * when `asOf` is before the first one. `02-29` in a non-leap plan year falls on `02-28`.
 * @example latestPassedDeadline('2024-07-01', 2024, ['03-31','06-30','09-30','12-31']) === '2024-06-30'
 */
export function latestPassedDeadline(
  asOf: string,
  planYear: number,
  deadlines: readonly string[],
): string | null {
  let latest: string | null = null;
  for (const md of deadlines) {
    const month = Number(md.slice(0, 2));
    const day = Math.min(Number(md.slice(3, 5)), daysInMonth(planYear, month));
    const iso = `${String(planYear).padStart(4, '0')}-${md.slice(0, 2)}-${String(day).padStart(2, '0')}`;
    if (iso <= asOf && (latest === null || iso > latest)) latest = iso;
  }
  return latest;
}
