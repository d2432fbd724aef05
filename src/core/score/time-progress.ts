/**
 * 序时进度 (time progress): the share of the plan year that has elapsed at the as-of date, and the progress a
 * sub-task is expected to show given its own deadline. No clock: the as-of date is always passed in.
 *
 * Rule (docs/scoring.md §2): months elapsed ÷ 12, counting **completed months only**. A month counts once the
 * as-of date is its last day, because units report figures "1–6月" at the 6-30 deadline and "1–5月" on any day
 * of June before it (眉山's 1–7月 labels are 7/12, ARCHITECTURE.md §3). So 2024-03-31 → 3/12 = 25 %,
 * 2024-06-30 → 6/12 = 50 %, 2024-06-15 → 5/12 ≈ 41.7 %, 2024-12-31 → 100 %. Before the plan year → 0, after
 * it → 1.
 */
import { DubanError } from '../errors.ts';
import { clamp } from './numbers.ts';

/** A calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** True in leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parse a strict ISO date `YYYY-MM-DD` (a time part ` HH:MM`, as the adapters write for date-time cells, is
 * ignored). Null for anything else or an impossible date.
 * @example parseIsoDate('2024-06-30') → { year: 2024, month: 6, day: 30 }
 * @example parseIsoDate('2023-02-29') → null; parseIsoDate('2024-6-30') → null
 */
export function parseIsoDate(text: string): CalendarDate | null {
  // '2024-06-30' ✓, '2024-06-30 12:00' ✓ (time ignored), '2024-6-30' ✗, '24-06-30' ✗.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `YYYY-MM-DD` of a date. */
export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Chinese date as notices write it: `2024年6月30日`. */
export function formatChineseDate(d: CalendarDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** English date: `30 June 2024`. */
export function formatEnglishDate(d: CalendarDate): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${d.day} ${months[d.month - 1] ?? ''} ${d.year}`;
}

/**
 * Completed months from the start of the plan year to a date (may be negative before it or above 12 after).
 * @example completedMonths({ year: 2024, month: 6, day: 30 }, 2024) === 6
 * @example completedMonths({ year: 2024, month: 6, day: 15 }, 2024) === 5
 * @example completedMonths({ year: 2025, month: 3, day: 31 }, 2024) === 15
 */
export function completedMonths(date: CalendarDate, planYear: number): number {
  const atMonthEnd = date.day === daysInMonth(date.year, date.month);
  return (date.year - planYear) * 12 + date.month - 1 + (atMonthEnd ? 1 : 0);
}

/** Parse an as-of date or throw: a wrong as-of is misuse by the caller (CLI flag, settings), not a finding. */
export function parseAsOf(asOf: string): CalendarDate {
  const d = parseIsoDate(asOf);
  if (!d) {
    throw new DubanError(
      'invalid_argument',
      `截止日期“${asOf}”不是有效的 YYYY-MM-DD 日期 / as-of date "${asOf}" is not a valid YYYY-MM-DD date`,
      { field: 'asOf', value: asOf },
    );
  }
  return d;
}

/** Check the plan year is a plausible whole year or throw. */
export function checkPlanYear(planYear: number): void {
  if (!Number.isInteger(planYear) || planYear < 1900 || planYear > 2999) {
    throw new DubanError(
      'invalid_argument',
      `计划年度“${planYear}”无效，应为 1900–2999 之间的整数 / plan year "${planYear}" must be a whole number between 1900 and 2999`,
      { field: 'planYear', value: planYear },
    );
  }
}

/**
 * 序时进度 as a ratio: completed months ÷ 12, clamped to 0–1.
 * @example timeProgress('2024-06-30', 2024) === 0.5; timeProgress('2024-06-15', 2024) === 5 / 12
 * @example timeProgress('2023-12-31', 2024) === 0; timeProgress('2025-01-15', 2024) === 1
 */
export function timeProgress(asOf: string, planYear: number): number {
  checkPlanYear(planYear);
  return clamp(completedMonths(parseAsOf(asOf), planYear) / 12, 0, 1);
}

/** What a sub-task is expected to show at the as-of date. */
export interface Expectation {
  /** Expected completion as a ratio (0–1). */
  readonly expected: number;
  /** The date by which it must be done: its deadline, else the plan year's last day. */
  readonly dueDate: string;
  /** True when the as-of date is on or after `dueDate`: anything not done now is overdue or unfinished. */
  readonly due: boolean;
  /** `deadline` when the sub-task's own deadline set the expectation, `year` for plain 序时进度. */
  readonly basis: 'deadline' | 'year';
}

/**
 * The expected progress of one sub-task. Without a deadline: 序时进度. With a deadline D (ISO) the deadline
 * overrides it: 100 % once the as-of date reaches D; before D, the completed months so far ÷ the completed
 * months at D (a 6月底前 task is half-way expected at 03-31: 3/6), or 0 when D falls inside the first month.
 * An unreadable deadline is ignored (the caller reports it).
 * @example expectationFor('2024-03-31', 2024, '2024-06-30') → { expected: 0.5, due: false, basis: 'deadline', … }
 * @example expectationFor('2024-06-30', 2024, '2024-06-30') → { expected: 1, due: true, … }
 * @example expectationFor('2024-06-30', 2024, null) → { expected: 0.5, dueDate: '2024-12-31', due: false, … }
 */
export function expectationFor(asOf: string, planYear: number, deadline: string | null): Expectation {
  const at = parseAsOf(asOf);
  const d = deadline === null ? null : parseIsoDate(deadline);
  if (d === null) {
    const yearEnd = `${planYear}-12-31`;
    return {
      expected: clamp(completedMonths(at, planYear) / 12, 0, 1),
      dueDate: yearEnd,
      due: formatIsoDate(at) >= yearEnd,
      basis: 'year',
    };
  }
  const dueDate = formatIsoDate(d);
  const due = formatIsoDate(at) >= dueDate;
  if (due) return { expected: 1, dueDate, due, basis: 'deadline' };
  const total = completedMonths(d, planYear);
  const expected = total > 0 ? clamp(completedMonths(at, planYear) / total, 0, 1) : 0;
  return { expected, dueDate, due, basis: 'deadline' };
}

/** The reporting round an as-of date belongs to. */
export interface ReportingPeriod {
  /** The latest reporting date on or before the as-of date (`2024-06-30`), or null before the first one. */
  readonly date: string | null;
  /** 1-based index in the settings' reporting dates (2 for 06-30), or 0 before the first. */
  readonly index: number;
  /** True when the as-of date is itself a reporting date. */
  readonly onReportingDate: boolean;
  /** `一季度` / `上半年` / `前三季度` / `全年` for the standard quarter ends, else `截至M月D日`. */
  readonly labelZh: string;
  readonly labelEn: string;
}

/**
 * The reporting round (季度) of an as-of date, from the settings' `reportingDeadlines` (`MM-DD`). As-of
 * dates outside the plan year belong to no round of it.
 * @example reportingPeriod('2024-07-10', 2024, ['03-31','06-30','09-30','12-31']).labelZh === '上半年'
 */
export function reportingPeriod(
  asOf: string,
  planYear: number,
  deadlines: readonly string[],
): ReportingPeriod {
  const at = parseAsOf(asOf);
  const iso = formatIsoDate(at);
  let index = 0;
  let date: string | null = null;
  if (at.year === planYear) {
    for (const [i, md] of deadlines.entries()) {
      const candidate = `${planYear}-${md}`;
      if (candidate <= iso) {
        index = i + 1;
        date = candidate;
      }
    }
  } else if (at.year > planYear && deadlines.length > 0) {
    index = deadlines.length;
    date = `${planYear}-${deadlines[deadlines.length - 1] ?? '12-31'}`;
  }
  const md = date === null ? null : date.slice(5);
  const standard: Readonly<Record<string, readonly [string, string]>> = {
    '03-31': ['一季度', 'first quarter'],
    '06-30': ['上半年', 'first half'],
    '09-30': ['前三季度', 'first three quarters'],
    '12-31': ['全年', 'full year'],
  };
  const label = md === null ? undefined : standard[md];
  const parsed = date === null ? null : parseIsoDate(date);
  return {
    date,
    index,
    onReportingDate: date === iso,
    labelZh: label?.[0] ?? (parsed ? `截至${parsed.month}月${parsed.day}日` : '年初'),
    labelEn: label?.[1] ?? (parsed ? `to ${formatEnglishDate(parsed)}` : 'start of year'),
  };
}

/**
 * `expectationFor` memoised for one as-of date and plan year: a ledger has many sub-tasks but few distinct
 * deadlines, and this runs once per sub-task.
 */
export function expectationCache(asOf: string, planYear: number): (deadline: string | null) => Expectation {
  const cache = new Map<string | null, Expectation>();
  // Most sub-tasks have no deadline: their expectation is kept apart, without a hash lookup each time.
  let none: Expectation | null = null;
  return (deadline) => {
    if (deadline === null) {
      none ??= expectationFor(asOf, planYear, null);
      return none;
    }
    let hit = cache.get(deadline);
    if (hit === undefined) {
      hit = expectationFor(asOf, planYear, deadline);
      if (cache.size < 10_000) cache.set(deadline, hit);
    }
    return hit;
  };
}
