/**
 * Deadlines written in target texts and 完成时限 cells, as ISO dates of the plan year.
 *
 * Forms: `3月底前` → 03-31 (`2月底` → 02-29 in leap years), `6月` / `6月份` → month end, `10月上旬/中旬/下旬`
 * → 10 / 20 / month end, `9月15日前` → 09-15, `上半年` → 06-30, `下半年` → 12-31, `一季度`/`第一季度` →
 * 03-31 (… `四季度` → 12-31, `前三季度` → 09-30), `年内`/`年底前`/`年末`/`全年` → 12-31, holidays on their
 * own date (`国庆节前` → 10-01, `七一前` → 07-01, `元旦前` → 01-01 of the next year), lunar ones from the
 * Spring Festival table (`春节前` → 正月初一, `正月十五前`/`元宵节前` → 正月十五), and explicit dates
 * (`2024年6月底`, `2024-06-30`, `2024/6/30`) whose year wins over the plan year.
 *
 * A deadline that is recognised but cannot be dated — no plan year, a year outside the lunar table, a lunar
 * holiday we do not compute (`端午节前`), an impossible day (`2月30日`) — is returned with `needsDate: true`,
 * never dropped. With several deadlines in one text the latest date is the sub-task's deadline (the
 * sub-task is done when all its parts are); if any of them needs a date, the result needs one.
 * Wording inside quotes is a name, not a deadline (`“一年破零”`), except a quoted holiday (`“五一”前`).
 */
import { DubanError } from '../errors.ts';
import { excelSerialToIso, isoFromUtcMillis } from '../cell-dates.ts';
import { isCellError, type RawCell } from '../grid.ts';
import { SPRING_FESTIVAL } from '../vocab/lunar-new-year.ts';
import {
  CHINESE_MONTHS,
  DEADLINE_SUFFIXES,
  HALF_YEAR_WORDS,
  LUNAR_FIRST_MONTH,
  LUNAR_HOLIDAYS,
  MONTH_PARTS,
  ONGOING_WORDS,
  QUARTER_NUMBERS,
  SOLAR_HOLIDAYS,
  UNSUPPORTED_HOLIDAYS,
  YEAR_END_WORDS,
  YEAR_TAILS,
} from '../vocab/deadline-words.ts';
import { CONTINUES_CODES, parseChineseNumeral } from './numbers.ts';
import { DEADLINE_STARTS } from './char-kinds.ts';
import { codeSet, KIND, parseText, QUOTED, type ParsedText } from './parse-text.ts';
import { WordIndex, wordIndex } from './word-index.ts';

/** A deadline read from text. */
export interface DeadlineResult {
  /** ISO date `YYYY-MM-DD`, or null when there is none or it cannot be dated. */
  readonly iso: string | null;
  /** The deadline's wording as written (`6月底前`), or null when there is none. */
  readonly text: string | null;
  /** True when wording was recognised but needs a date (plan year unknown, lunar year outside the table…). */
  readonly needsDate: boolean;
}

/** A 完成时限 cell read as a deadline; `unreadable` when it holds something that is no deadline at all. */
export interface RowDeadline extends DeadlineResult {
  readonly unreadable: boolean;
}

/** What a deadline phrase denotes, before the plan year is applied. */
export type DateSpec =
  | {
      readonly kind: 'date';
      readonly year: number | null;
      readonly month: number;
      readonly day: number | 'end';
      readonly yearOffset?: number;
    }
  | { readonly kind: 'lunar'; readonly year: number | null; readonly offset: number }
  | { readonly kind: 'unsupported' };

/** A deadline phrase found in parse positions `[start, end)`. */
export interface DeadlineHit {
  readonly start: number;
  readonly end: number;
  readonly spec: DateSpec;
}

const NONE: DeadlineResult = { iso: null, text: null, needsDate: false };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of a year (February 29 days in leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// Vocabulary indexes (see word-index.ts): each answers as a scan of the whole list would.
const SUFFIXES = wordIndex(DEADLINE_SUFFIXES);
const PARTS = new WordIndex(MONTH_PARTS, (p) => p.word);
const HALF_YEARS = new WordIndex(HALF_YEAR_WORDS, (h) => h.word);
const LUNAR = new WordIndex(LUNAR_HOLIDAYS, (h) => h.word);
const SOLAR = new WordIndex(SOLAR_HOLIDAYS, (h) => h.word);
const UNSUPPORTED = wordIndex(UNSUPPORTED_HOLIDAYS);
const YEAR_END = wordIndex(YEAR_END_WORDS);
const TAILS = wordIndex(YEAR_TAILS);
const MONTH_CODE = '月'.charCodeAt(0);
const SEASON_CODE = '季'.charCodeAt(0);
const NIAN_CODE = '年'.charCodeAt(0);
const BOTTOM_CODE = '底'.charCodeAt(0);
const END_CODE = '末'.charCodeAt(0);
const OPEN_QUOTE_CODE = '“'.charCodeAt(0);
const CLOSE_QUOTE_CODE = '”'.charCodeAt(0);
const ASCII_QUOTE_CODE = '"'.charCodeAt(0);

/** Length of an optional deadline suffix (`前`, `之前`, `以前`) at `i`. */
function suffixLength(s: string, i: number): number {
  return SUFFIXES.longestAt(s, i)?.length ?? 0;
}

// A month written with Arabic digits or Chinese numerals, then 月.
// e.g. '6月底前' → '6'; '12月' → '12'; '十二月底' → '十二'; '六月份' → '六'
const MONTH = /(\d{1,2}|十二|十一|十|[一二三四五六七八九])月/y;
// A day after 月: digits then 日 or 号. e.g. '15日前' → '15'; '1号' → '1'; '30日' → '30'
const DAY = /(\d{1,2})[日号]/y;
// A quarter: optional 第 / 前, the quarter number, 季度, optional 末 / 底.
// e.g. '一季度' → '一'; '第一季度' → '一'; '前三季度' → '三'; '4季度末' → '4'
const QUARTER = /(第|前)?([一二三四1234首])季度(?:末|底)?/y;
// An explicit year then 年. e.g. '2024年6月底' → '2024'; '2025年底前' → '2025'; '2024年' → '2024'
const YEAR = /(\d{4})年/y;
// A numeric date. e.g. '2024-06-30' ✓; '2024/6/30' ✓; '2024.6.30' ✓; '2024-13-01' (read, then rejected)
const NUMERIC_DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/y;
// A lunar day of 正月. e.g. '十五' → 15; '初八' → 8; '二十' → 20; '廿三' → 23; '15' → 15
const LUNAR_DAY =
  /(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|\d{1,2})/y;

// The characters MONTH can start with; 月 then stands one or two characters further on.
const MONTH_START = codeSet(Array.from('0123456789十一二三四五六七八九'));
// The characters QUARTER can start with; 季 then stands one or two characters further on.
const QUARTER_START = codeSet(['第', '前', ...Object.keys(QUARTER_NUMBERS)]);

function execAt(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** A lunar day as written after 正月 (`十五`, `初八`, `廿三`, `15`), or null. */
function lunarDay(text: string): number | null {
  // Digits only. e.g. '15' ✓; '08' ✓; '十五' ✗
  if (/^\d+$/.test(text)) return Number(text);
  if (text.startsWith('初')) return parseChineseNumeral(text.slice(1));
  if (text.startsWith('廿')) {
    const rest = parseChineseNumeral(text.slice(1));
    return rest === null ? null : 20 + rest;
  }
  return parseChineseNumeral(text);
}

/** A month phrase at `i` (`6月底前`, `9月15日`, `十月中旬`), with an explicit year when given. */
function matchMonth(s: string, i: number, year: number | null): { end: number; spec: DateSpec } | null {
  // Every month phrase has 月 right after one or two characters: skip the pattern elsewhere.
  if (!MONTH_START.has(s.charCodeAt(i))) return null;
  if (s.charCodeAt(i + 1) !== MONTH_CODE && s.charCodeAt(i + 2) !== MONTH_CODE) return null;
  const m = execAt(MONTH, s, i);
  if (!m) return null;
  const monthText = m[1] ?? '';
  const arabic = isDigitCode(monthText.charCodeAt(0));
  const prev = s.charCodeAt(i - 1);
  // Part of a longer number (`13月`, `112月`) or of a Chinese numeral (`三十二月`): not a month.
  if (arabic ? isDigitCode(prev) : CONTINUES_CODES.has(prev)) return null;
  const month = arabic ? Number(monthText) : (CHINESE_MONTHS[monthText] ?? 0);
  if (month < 1 || month > 12) return null;
  let j = i + m[0].length;
  let day: number | 'end' = 'end';
  let hasPart = false;
  const d = isDigitCode(s.charCodeAt(j)) ? execAt(DAY, s, j) : null;
  if (d) {
    day = Number(d[1]);
    j += d[0].length;
    hasPart = true;
  } else {
    const part = PARTS.firstAt(s, j);
    if (part) {
      day = part.day;
      j += part.word.length;
      hasPart = true;
    }
  }
  const suffix = suffixLength(s, j);
  // A bare Chinese month (`一月一盘点`) is a rhythm word, not a deadline: it needs a part or 前.
  if (!arabic && !hasPart && suffix === 0 && year === null) return null;
  return { end: j + suffix, spec: { kind: 'date', year, month, day } };
}

/** A quarter or half-year phrase at `i`. */
function matchPeriod(s: string, i: number, year: number | null): { end: number; spec: DateSpec } | null {
  // Every quarter phrase has 季 right after one or two characters: skip the pattern elsewhere.
  const q =
    QUARTER_START.has(s.charCodeAt(i)) &&
    (s.charCodeAt(i + 1) === SEASON_CODE || s.charCodeAt(i + 2) === SEASON_CODE)
      ? execAt(QUARTER, s, i)
      : null;
  if (q) {
    const n = QUARTER_NUMBERS[q[2] ?? ''];
    if (n !== undefined) {
      const j = i + q[0].length;
      return { end: j + suffixLength(s, j), spec: { kind: 'date', year, month: n * 3, day: 'end' } };
    }
  }
  const h = HALF_YEARS.firstAt(s, i);
  if (h) {
    const j = i + h.word.length;
    return { end: j + suffixLength(s, j), spec: { kind: 'date', year, month: h.month, day: h.day } };
  }
  return null;
}

/** The lunar 正月 day phrase or lunar holiday at `i`. */
function matchLunar(s: string, i: number, year: number | null): { end: number; spec: DateSpec } | null {
  if (s.startsWith(LUNAR_FIRST_MONTH, i)) {
    const j0 = i + LUNAR_FIRST_MONTH.length;
    const m = execAt(LUNAR_DAY, s, j0);
    if (m) {
      const day = lunarDay(m[1] ?? '');
      if (day !== null && day >= 1 && day <= 30) {
        const j = j0 + m[0].length;
        return { end: j + suffixLength(s, j), spec: { kind: 'lunar', year, offset: day - 1 } };
      }
    }
    // 正月底 and the like: a lunar deadline we cannot date (the month has 29 or 30 days).
    const next = s.charCodeAt(j0);
    const j = j0 + (next === BOTTOM_CODE || next === END_CODE ? 1 : 0);
    const suffix = suffixLength(s, j);
    if (suffix > 0) return { end: j + suffix, spec: { kind: 'unsupported' } };
    return null;
  }
  for (const { word, entry } of LUNAR.candidatesAt(s, i)) {
    if (s.startsWith(word, i)) {
      const j = i + word.length;
      const suffix = suffixLength(s, j);
      if (suffix > 0) return { end: j + suffix, spec: { kind: 'lunar', year, offset: entry.offset } };
    }
  }
  return null;
}

/** A holiday phrase at `i`, optionally in quotes (`“五一”前`); holidays need 前 / 之前 / 以前. */
function matchHoliday(s: string, i: number, year: number | null): { end: number; spec: DateSpec } | null {
  const c = s.charCodeAt(i);
  const quoted = c === OPEN_QUOTE_CODE || c === ASCII_QUOTE_CODE;
  const k = quoted ? i + 1 : i;
  const lunar = matchLunar(s, k, year);
  if (lunar && !quoted) return lunar;
  const word = SOLAR.firstAt(s, k);
  const unsupported = word === null ? UNSUPPORTED.longestAt(s, k) : null;
  const lunarWord = word === null && unsupported === null ? LUNAR.firstAt(s, k) : null;
  const length = word?.word.length ?? unsupported?.length ?? lunarWord?.word.length ?? 0;
  if (length === 0) return null;
  let j = k + length;
  if (quoted) {
    const close = s.charCodeAt(j);
    if (close !== CLOSE_QUOTE_CODE && close !== ASCII_QUOTE_CODE) return null;
    j++;
  }
  const suffix = suffixLength(s, j);
  if (suffix === 0) return null;
  const end = j + suffix;
  if (word) {
    return {
      end,
      spec: { kind: 'date', year, month: word.month, day: word.day, yearOffset: word.nextYear ? 1 : 0 },
    };
  }
  if (lunarWord) return { end, spec: { kind: 'lunar', year, offset: lunarWord.offset } };
  return { end, spec: { kind: 'unsupported' } };
}

/** Year-end words at `i` (`年内`, `年底前`, `全年`); `年…` words right after a numeral are durations. */
function matchYearEnd(s: string, i: number, year: number | null): { end: number; spec: DateSpec } | null {
  const word = YEAR_END.longestAt(s, i);
  if (word === null) return null;
  const prev = s.charCodeAt(i - 1);
  if (word.charCodeAt(0) === NIAN_CODE && (isDigitCode(prev) || CONTINUES_CODES.has(prev))) {
    return null; // 三年内, 两年底 — a duration; 2024年内 is read with its year
  }
  const j = i + word.length;
  return { end: j + suffixLength(s, j), spec: { kind: 'date', year, month: 12, day: 31 } };
}

/** True when the four chars at `i` are ASCII digits (as `\d{4}` at the start of YEAR and NUMERIC_DATE). */
function fourDigitsAt(s: string, i: number): boolean {
  return (
    isDigitCode(s.charCodeAt(i)) &&
    isDigitCode(s.charCodeAt(i + 1)) &&
    isDigitCode(s.charCodeAt(i + 2)) &&
    isDigitCode(s.charCodeAt(i + 3))
  );
}

/** Four digits read as a year only when they can be one (`0171-02-03` is not a date). */
function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2200;
}

// Characters a deadline phrase can start with (char-kinds.ts); every other position is skipped at once.
const DEADLINE_START = codeSet(DEADLINE_STARTS);

// Which matchers can succeed at a character (each needs its phrase's first character there), so that
// matchDeadlineAt tries only those, in its usual order.
const TRY_HOLIDAY = 1;
const TRY_LUNAR = 2;
const TRY_PERIOD = 4;
const TRY_MONTH = 8;
const TRY_YEAR_END = 16;
const MATCHERS_AT = new Uint8Array(0x10000);
function canStart(flag: number, chars: readonly string[]): void {
  for (const c of chars)
    if (c.length > 0) MATCHERS_AT[c.charCodeAt(0)] = (MATCHERS_AT[c.charCodeAt(0)] ?? 0) | flag;
}
const LUNAR_STARTS = [LUNAR_FIRST_MONTH, ...LUNAR_HOLIDAYS.map((h) => h.word)];
canStart(TRY_HOLIDAY, [
  '“',
  '"',
  ...LUNAR_STARTS,
  ...SOLAR_HOLIDAYS.map((h) => h.word),
  ...UNSUPPORTED_HOLIDAYS,
]);
canStart(TRY_LUNAR, LUNAR_STARTS);
canStart(TRY_PERIOD, ['第', '前', ...Object.keys(QUARTER_NUMBERS), ...HALF_YEAR_WORDS.map((h) => h.word)]);
canStart(TRY_MONTH, Array.from('0123456789十一二三四五六七八九'));
canStart(TRY_YEAR_END, YEAR_END_WORDS);

/** True when a deadline phrase may start with char code `c` (a cheap necessary condition). */
export function mayStartDeadline(c: number): boolean {
  return DEADLINE_START.has(c);
}

/** Options of {@link matchDeadlineAt}. */
interface MatchOptions {
  /** Accept a bare `2024年` / `2024` as that year's end (完成时限 cells only). */
  readonly bareYear: boolean;
}

/** Deadlines inside target texts: a bare year is no deadline there. */
const IN_TEXT: MatchOptions = { bareYear: false };
/** Deadlines in 完成时限 cells. */
const IN_CELL: MatchOptions = { bareYear: true };

/** The deadline phrase starting exactly at parse position `i` of `s`, or null. */
export function matchDeadlineAt(
  s: string,
  i: number,
  options: MatchOptions = IN_TEXT,
): { end: number; spec: DateSpec } | null {
  const c = s.charCodeAt(i);
  if (!DEADLINE_START.has(c)) return null;
  if (isDigitCode(c)) {
    if (isDigitCode(s.charCodeAt(i - 1))) return null;
    // Both patterns below start with four digits: most numbers (`5.5%`, `190家`) are shorter, and are
    // passed over without running either.
    if (!fourDigitsAt(s, i)) return matchMonth(s, i, null) ?? matchPeriod(s, i, null);
    const nd = execAt(NUMERIC_DATE, s, i);
    if (nd && !isDigitCode(s.charCodeAt(i + nd[0].length)) && plausibleYear(Number(nd[1]))) {
      const j = i + nd[0].length;
      return {
        end: j + suffixLength(s, j),
        spec: { kind: 'date', year: Number(nd[1]), month: Number(nd[2]), day: Number(nd[3]) },
      };
    }
    const y = execAt(YEAR, s, i);
    if (y && plausibleYear(Number(y[1]))) {
      const year = Number(y[1]);
      const j = i + y[0].length;
      const body = matchMonth(s, j, year) ?? matchPeriod(s, j, year) ?? matchLunar(s, j, year);
      if (body) return body;
      // 2024年底前, 2024年末, 2024年内, 2024年度内, 2024年前
      const tail = TAILS.firstAt(s, j);
      if (tail !== null) {
        const k = j + tail.length;
        return { end: k + suffixLength(s, k), spec: { kind: 'date', year, month: 12, day: 31 } };
      }
      const suffix = suffixLength(s, j);
      if (suffix > 0 || options.bareYear) {
        return { end: j + suffix, spec: { kind: 'date', year, month: 12, day: 31 } };
      }
      return null;
    }
    return matchMonth(s, i, null) ?? matchPeriod(s, i, null);
  }
  const tries = MATCHERS_AT[c] ?? 0;
  return (
    ((tries & TRY_HOLIDAY) !== 0 ? matchHoliday(s, i, null) : null) ??
    ((tries & TRY_LUNAR) !== 0 ? matchLunar(s, i, null) : null) ??
    ((tries & TRY_PERIOD) !== 0 ? matchPeriod(s, i, null) : null) ??
    ((tries & TRY_MONTH) !== 0 ? matchMonth(s, i, null) : null) ??
    ((tries & TRY_YEAR_END) !== 0 ? matchYearEnd(s, i, null) : null)
  );
}

/**
 * Every deadline phrase in a parsed text, left to right, skipping wording inside quotes. Only the few
 * characters a deadline can start with are looked at.
 */
export function findDeadlines(p: ParsedText): readonly DeadlineHit[] {
  let hits: DeadlineHit[] | null = null; // most texts have none: no array for them
  const s = p.chars;
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view)
  for (let i = 0; i < s.length; i++) {
    const f = flags[at0 + i] ?? 0;
    if ((f & KIND.deadlineStart) === 0 || (f & QUOTED) !== 0) continue;
    const m = matchDeadlineAt(s, i);
    if (m && m.end > i) {
      (hits ??= []).push({ start: i, end: m.end, spec: m.spec });
      i = m.end - 1;
    }
  }
  return hits ?? NO_HITS;
}

const NO_HITS: readonly DeadlineHit[] = [];

/** Check a plan year argument: misuse (not an integer year) throws. */
export function checkPlanYear(planYear: number | null): void {
  if (planYear === null) return;
  if (!Number.isInteger(planYear) || planYear < 1900 || planYear > 2200) {
    throw new DubanError('invalid_argument', `Plan year must be an integer year, got ${String(planYear)}`, {
      planYear,
    });
  }
}

/** Resolve a spec to an ISO date, or null when it needs a date. */
export function resolveSpec(spec: DateSpec, planYear: number | null): string | null {
  if (spec.kind === 'unsupported') return null;
  const baseYear = spec.year ?? planYear;
  if (baseYear === null) return null;
  if (spec.kind === 'lunar') {
    const sf = SPRING_FESTIVAL[baseYear];
    if (!sf) return null;
    return isoFromUtcMillis(Date.UTC(baseYear, sf[0] - 1, sf[1] + spec.offset));
  }
  const year = baseYear + (spec.yearOffset ?? 0);
  if (spec.month < 1 || spec.month > 12) return null;
  const last = daysInMonth(year, spec.month);
  const day = spec.day === 'end' ? last : spec.day;
  if (day < 1 || day > last) return null;
  return `${year}-${pad2(spec.month)}-${pad2(day)}`;
}

/** Combine the hits of one text: latest date wins; any undatable hit makes the result need a date. */
export function combineHits(
  p: ParsedText,
  hits: readonly DeadlineHit[],
  planYear: number | null,
): DeadlineResult {
  let best: { iso: string; text: string } | null = null;
  for (const h of hits) {
    const text = p.sourceSlice(h.start, h.end);
    const iso = resolveSpec(h.spec, planYear);
    if (iso === null) return { iso: null, text, needsDate: true };
    if (best === null || iso > best.iso) best = { iso, text };
  }
  return best === null ? NONE : { iso: best.iso, text: best.text, needsDate: false };
}

/**
 * The deadline written in a text, as a date of the plan year (see the module comment).
 * Throws `DubanError('invalid_argument')` only for a plan year that is not an integer year.
 * @example parseDeadline('6月底前完成', 2024) → { iso: '2024-06-30', text: '6月底前', needsDate: false }
 * @example parseDeadline('2月底前', 2024).iso === '2024-02-29'; parseDeadline('正月十五前', 2022).iso === '2022-02-15'
 * @example parseDeadline('年内完成', null) → { iso: null, text: '年内', needsDate: true }
 */
export function parseDeadline(text: string, planYear: number | null): DeadlineResult {
  checkPlanYear(planYear);
  const p = parseText(text);
  return combineHits(p, findDeadlines(p), planYear);
}

/** Length of a deadline phrase starting at parse position `i` (for trimming it off a metric), or 0. */
export function deadlineLengthAt(s: string, i: number): number {
  const m = matchDeadlineAt(s, i);
  return m ? m.end - i : 0;
}

function noRowDeadline(): RowDeadline {
  return { iso: null, text: null, needsDate: false, unreadable: false };
}

/**
 * A 完成时限 cell as a deadline: an Excel date serial (45473 → 2024-06-30), a year number (2024 → its last
 * day), an ISO or Chinese date string (`2024-06-30`, `2024年6月底`, `6月底前`, `2024年`), or an ongoing word
 * (`长期`, `持续推进` → no deadline, not an error). Anything else non-empty is `unreadable`.
 */
export function parseRowDeadline(raw: RawCell | undefined, planYear: number | null): RowDeadline {
  checkPlanYear(planYear);
  if (raw === null || raw === undefined) return noRowDeadline();
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ...NONE, unreadable: true };
    if (Number.isInteger(raw) && raw >= 1900 && raw <= 2200) {
      const iso = `${raw}-12-31`;
      return { iso, text: String(raw), needsDate: false, unreadable: false };
    }
    if (raw >= 1 && raw < 2_958_466) {
      const iso = excelSerialToIso(Math.floor(raw)).slice(0, 10);
      return { iso, text: iso, needsDate: false, unreadable: false };
    }
    return { ...NONE, unreadable: true };
  }
  if (typeof raw === 'boolean' || isCellError(raw)) return { ...NONE, unreadable: true };
  const text = raw.trim();
  if (text === '') return noRowDeadline();
  const p = parseText(text);
  const hits: DeadlineHit[] = [];
  for (let i = 0; i < p.chars.length; i++) {
    if (p.isQuoted(i)) continue;
    const m = matchDeadlineAt(p.chars, i, IN_CELL);
    if (m && m.end > i) {
      hits.push({ start: i, end: m.end, spec: m.spec });
      i = m.end - 1;
    }
  }
  if (hits.length > 0) return { ...combineHits(p, hits, planYear), unreadable: false };
  // A bare four-digit year written as text: '2024'.
  // e.g. '2024' ✓ → 2024-12-31; '20240' ✗; '二〇二四' ✗ (not read)
  if (/^\d{4}$/.test(p.chars) && plausibleYear(Number(p.chars))) {
    const year = Number(p.chars);
    return { iso: `${year}-12-31`, text, needsDate: false, unreadable: false };
  }
  if (ONGOING_WORDS.some((w) => p.chars.includes(w))) return noRowDeadline();
  return { ...NONE, text, unreadable: true };
}
