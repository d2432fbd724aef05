/**
 * Interpreting what units report: a figure (`4496`, `4496人`, `30.05亿元`, `68.1%`, a cell 0.681 formatted
 * `0.0%`), a self-reported completion percentage, or a status word (`已完成`, `进展缓慢`). Every reading keeps
 * the cell it came from. Never throws: anything unreadable becomes an `invalid` reading with a reason.
 *
 * Rules (docs/scoring.md §3):
 * - A percentage is recognised by a `%` sign or a percent number format (0.681 with `0.0%` is 68.1 %).
 *   For a rate indicator (unit `%`) it is the figure itself; for any other indicator it is a completion ratio
 *   the unit worked out itself (`68.1%` against 新增就业6600人 → completion 0.681).
 * - A plain number for a rate indicator is a percent number (5.5 = 5.5 %). For a quantity it is in the unit
 *   the column header names (`完成值(亿元)`), else in the unit the target was written in (`200亿元` → 亿元),
 *   else in the indicator's canonical unit. For an indicator with no target (qualitative, milestone) it is a
 *   self-reported percentage: 60 → 60 %, and a number ≤ 1 → that ratio (0.6 → 60 %), reported as assumed.
 * - A number with a unit is converted to the indicator's unit (`30.05亿元` → 3 005 000 000 元, `万元` vs
 *   `亿元`); units of a different kind (`人` for `元`) are a mismatch.
 * - Text with exactly one figure may have words around it (`完成4496人左右`, `同比下降1.2%` → −1.2); text with
 *   two or more figures (`1-5月完成30亿元`) is ambiguous and not read.
 */
import type { StatusWordClass } from '../vocab/status-words.ts';
import { STATUS_WORDS, STATUS_WORD_PUNCTUATION } from '../vocab/status-words.ts';
import { APPROXIMATE_WORDS, DECLINE_WORDS, WEIGHT_UNIT_WORDS } from '../vocab/actual-value-words.ts';
import { EMPTY_VALUE_WORDS } from '../vocab/empty-value-words.ts';
import { isCellError, type CellRef, type RawCell } from '../grid.ts';
import type { Located } from '../table-model.ts';
import { cellText } from '../text/normalize.ts';
import { compactKeyFast as compactKey } from '../text/fast-key.ts';
import { isPercentFormat as isPercentFormatUncached } from '../validate/number-cell.ts';
import { convertValue, isRateUnit } from '../measure/unit-shape.ts';

/** Why a reading could not be used. */
export type InvalidReadingReason =
  'unreadable_actual' | 'cell_error' | 'unit_mismatch' | 'unknown_status' | 'ambiguous_status';

/** What a reported cell says. */
export type ActualReading =
  | { readonly kind: 'blank' }
  /** A figure in the indicator's unit (a percent number for rates). */
  | {
      readonly kind: 'value';
      readonly value: number;
      /** The unit a plain number was assumed to be in when it was not `ctx.unit` (e.g. `亿元`), else null. */
      readonly assumedUnit: string | null;
      readonly at: CellRef;
      /** The cell's value as read; `cellText(raw)` for messages (kept raw so numbers cost no string). */
      readonly raw: RawCell;
    }
  /** A completion ratio stated by the unit (0.681 for `68.1%`). `assumed` when read from a bare number ≤ 1. */
  | {
      readonly kind: 'ratio';
      readonly ratio: number;
      readonly assumed: boolean;
      readonly at: CellRef;
      readonly raw: RawCell;
    }
  | {
      readonly kind: 'word';
      readonly cls: StatusWordClass;
      readonly word: string;
      readonly at: CellRef;
      readonly raw: RawCell;
    }
  | {
      readonly kind: 'invalid';
      readonly reason: InvalidReadingReason;
      readonly text: string;
      /** For `unit_mismatch`: the unit written in the cell. */
      readonly unit: string | null;
      readonly at: CellRef;
    };

/** What the indicator a value is read for expects. */
export interface UnitContext {
  /** The indicator's canonical unit (`元`, `人`, `%`), or null. */
  readonly unit: string | null;
  /** The unit plain numbers are in (header `完成值(亿元)` or as the target was written), or null = `unit`. */
  readonly plainUnit: string | null;
  /**
   * Whether plain numbers are figures in the indicator's unit: true unless the indicator is qualitative or a
   * milestone without a target value, whose plain numbers are self-reported percentages.
   */
  readonly expectsFigure: boolean;
}

const EMPTY_KEYS = new Set(EMPTY_VALUE_WORDS.map((w) => compactKey(w).toLowerCase()));
const MAX_EMPTY_LENGTH = Math.max(...[...EMPTY_KEYS].map((k) => k.length));
// The first characters placeholders start with, both cases (`/`, `—`, `暂`, `n`, `N`): a key starting with
// anything else is not one, without lower-casing it and looking it up.
const EMPTY_FIRST_CODES: readonly number[] = [
  ...new Set([...EMPTY_KEYS].flatMap((k) => [k.charCodeAt(0), k.toUpperCase().charCodeAt(0)])),
];
// `String.prototype.charCodeAt`, called with `.call`. The loops here scan reported cells character by
// character; `text.charCodeAt(i)` looks the method up on every string, and strings arrive in many internal
// forms (flat, concatenated, sliced, one- or two-byte), which turns that lookup megamorphic — several times
// slower than calling the builtin held here.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with a string receiver
const charCodeAt: (this: string, index: number) => number = String.prototype.charCodeAt;

// The punctuation marks as character codes, for a test per character without a hash lookup: a table for
// ASCII marks and a short list for the others (`。`, `、`, `“`, `”`). Every listed mark is one UTF-16 unit.
const ASCII_PUNCTUATION = new Uint8Array(128);
const WIDE_PUNCTUATION: number[] = [];
for (const mark of STATUS_WORD_PUNCTUATION) {
  const code = mark.charCodeAt(0);
  if (code < 128) ASCII_PUNCTUATION[code] = 1;
  else if (!WIDE_PUNCTUATION.includes(code)) WIDE_PUNCTUATION.push(code);
}

function isPunctuation(code: number): boolean {
  if (code < 128) return ASCII_PUNCTUATION[code] === 1;
  for (let i = 0; i < WIDE_PUNCTUATION.length; i++) if (WIDE_PUNCTUATION[i] === code) return true;
  return false;
}
// A status word with its punctuation (`“已完成。”`) is at most this much longer than the word.
const MAX_TRAILING_PUNCTUATION = 4;
// The vocabulary as a Map, built once: a lookup per reported cell (and per position when a cell is scanned)
// is cheaper on a Map than `Object.hasOwn` plus a property read on a large dictionary-mode object.
const WORD_CLASSES: ReadonlyMap<string, StatusWordClass> = new Map(Object.entries(STATUS_WORDS));
// The match of each vocabulary word, made once: a status cell is nearly always exactly one word, and the
// match is the same whichever cell it came from.
const WORD_MATCHES: ReadonlyMap<string, StatusWordMatch> = new Map(
  Object.entries(STATUS_WORDS).map(([word, cls]) => [word, { kind: 'word', cls, word }]),
);
const NO_MATCH: StatusWordMatch = { kind: 'none' };
const WORD_LENGTHS = [...new Set(Object.keys(STATUS_WORDS).map((w) => w.length))].sort((a, b) => b - a);
const MAX_WORD_LENGTH = WORD_LENGTHS[0] ?? 0;
const DECLINES = [...DECLINE_WORDS].sort((a, b) => b.length - a.length);
const APPROXIMATES = [...APPROXIMATE_WORDS].sort((a, b) => b.length - a.length);

// Whether a number format scales by 100 (`0.0%`), remembered per format text: a workbook uses a handful of
// formats, and the check runs for every formatted numeric cell of a large ledger.
const percentFormats = new Map<string, boolean>();
function isPercentFormat(format: string | null): boolean {
  if (!format) return false;
  let hit = percentFormats.get(format);
  if (hit === undefined) {
    hit = isPercentFormatUncached(format);
    if (percentFormats.size < 1000) percentFormats.set(format, hit);
  }
  return hit;
}

function lookupWord(key: string): StatusWordClass | null {
  return WORD_CLASSES.get(key) ?? null;
}

function stripPunctuation(key: string): string {
  // Test codes first so clean keys (nearly all) allocate nothing.
  const n = key.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (isPunctuation(charCodeAt.call(key, i))) {
      first = i;
      break;
    }
  }
  if (first < 0) return key;
  // Keep the runs between marks. A mark is one UTF-16 unit and never half of a surrogate pair, so slicing
  // around marks keeps every other character whole.
  let out = key.slice(0, first);
  let runStart = first + 1;
  for (let i = first + 1; i < n; i++) {
    if (!isPunctuation(charCodeAt.call(key, i))) continue;
    if (i > runStart) out += key.slice(runStart, i);
    runStart = i + 1;
  }
  if (runStart < n) out += key.slice(runStart);
  return out;
}

/** A status word found in a text. */
export type StatusWordMatch =
  | { readonly kind: 'word'; readonly cls: StatusWordClass; readonly word: string }
  | { readonly kind: 'ambiguous'; readonly words: readonly string[] }
  | { readonly kind: 'none' };

/**
 * Find the status word of a short text: the whole text when it is one (`已完成。`), else by leftmost-longest
 * scanning (`目前已完成` → 已完成; `尚未完成` → 尚未完成, never 完成). Words of different classes in one text
 * (`部分完成，部分滞后`) are ambiguous. With `exactOnly`, only a text that is one word as a whole counts
 * (used for free progress text, where `完成投资5亿元` must not read as 完成).
 */
export function findStatusWord(text: string, exactOnly = false): StatusWordMatch {
  // A progress text with more CJK ideographs than any word and its punctuation cannot be one word as a
  // whole. Ideographs (U+4E00–U+9FFF) are never changed or dropped by the compact key, so this can be told
  // before normalising a text of 200 characters.
  if (exactOnly && ideographsExceed(text, MAX_WORD_LENGTH + MAX_TRAILING_PUNCTUATION)) return NO_MATCH;
  return statusWordInKey(compactKey(text), exactOnly);
}

// True when `text` has more than `limit` CJK unified ideographs.
function ideographsExceed(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = charCodeAt.call(text, i);
    if (c >= 0x4e00 && c <= 0x9fff && ++count > limit) return true;
  }
  return false;
}

// findStatusWord on a compact key already computed.
function statusWordInKey(compact: string, exactOnly: boolean): StatusWordMatch {
  // A long free text cannot be one word: skip the work (progress texts run to 200 characters).
  if (exactOnly && compact.length > MAX_WORD_LENGTH + MAX_TRAILING_PUNCTUATION) return NO_MATCH;
  const key = stripPunctuation(compact);
  if (key === '') return NO_MATCH;
  const whole = WORD_MATCHES.get(key);
  if (whole !== undefined) return whole;
  if (exactOnly) return NO_MATCH;
  const found: { word: string; cls: StatusWordClass }[] = [];
  let i = 0;
  while (i < key.length) {
    let matched = 0;
    for (const len of WORD_LENGTHS) {
      if (i + len > key.length) continue;
      const cls = lookupWord(key.slice(i, i + len));
      if (cls) {
        found.push({ word: key.slice(i, i + len), cls });
        matched = len;
        break;
      }
    }
    i += matched > 0 ? matched : 1;
  }
  const first = found[0];
  if (!first) return NO_MATCH;
  if (found.every((f) => f.cls === first.cls)) return WORD_MATCHES.get(first.word) ?? NO_MATCH;
  return { kind: 'ambiguous', words: found.map((f) => f.word) };
}

/** A figure found in text. */
export interface TextFigure {
  readonly value: number;
  /** What follows the figure, approximate words and brackets removed (`亿元`, `%`, ``). */
  readonly suffix: string;
  readonly percent: boolean;
  /**
   * The figure ÷ 100; for a percentage parsed from its digits so `68.1%` is exactly 0.681 (68.1 / 100 is
   * 0.68099…).
   */
  readonly hundredth: number;
  /** Decimals written (`68.1%` → 1). */
  readonly decimals: number;
}

/**
 * A thousands separator between digits (`1,200,000` → `1200000`; `4,496人` → `4496人`); a comma not followed
 * by exactly three digits (`1,20`) is kept, so such text has two figures and is not read.
 */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;

/**
 * Brackets and what is inside them (`人(含灵活就业)` → `人`, `亿元[预计]` → `亿元`).
 */
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】/g;

/**
 * U+2212 MINUS SIGN, which NFKC does not fold to a hyphen-minus.
 * @example '−0.5%' → '-0.5%'; '增长−1.2' → '增长-1.2'; '-3' unchanged
 */
const MINUS_SIGN = /\u2212/g;

// Whether a text has an ASCII digit (where a figure would start).
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(charCodeAt.call(text, i))) return true;
  return false;
}

// Whether a text has `(`, `[` or `【` (one pass instead of a search for each).
function hasOpeningBracket(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = charCodeAt.call(text, i);
    if (c === 40 || c === 91 || c === 0x3010) return true; // '(' '[' '【'
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57; // '0'…'9'
}

/**
 * The one figure of a compact key (exported for tests), found by a scan rather than a regular expression (this runs for every
 * reported cell, and a scan allocates no match arrays). A figure is an optional sign directly before digits,
 * the digits, and a decimal part when a point is followed by a digit — what `/[-+]?\d+(?:\.\d+)?/g` would
 * match: `4496人` → `4496`; `30.05亿元` → `30.05`; `同比下降-1.2%` → `-1.2`; `1-5月完成30亿元` → `1`, `-5`, `30`
 * (more than one figure: `many`, not read).
 */
export function readFigure(compact: string): TextFigure | 'none' | 'many' {
  // The replacements run only when needed (one pass looks for both marks): this is read for every
  // reported cell.
  let key = compact;
  let minus = false;
  let comma = false;
  for (let i = 0; i < key.length; i++) {
    const c = charCodeAt.call(key, i);
    if (c === 0x2212) minus = true;
    else if (c === 44) comma = true; // ','
  }
  if (minus) key = key.replace(MINUS_SIGN, '-');
  if (comma) key = key.replace(THOUSANDS, '$1');
  const n = key.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = charCodeAt.call(key, i);
    if (isDigit(c) || ((c === 43 || c === 45) && i + 1 < n && isDigit(charCodeAt.call(key, i + 1)))) {
      start = i; // a digit, or '+' / '-' right before one
      break;
    }
  }
  if (start < 0) return 'none';
  let end = isDigit(charCodeAt.call(key, start)) ? start + 1 : start + 2;
  while (end < n && isDigit(charCodeAt.call(key, end))) end++;
  let dot = -1;
  if (end + 1 < n && charCodeAt.call(key, end) === 46 && isDigit(charCodeAt.call(key, end + 1))) {
    dot = end; // '.' followed by a digit
    end += 2;
    while (end < n && isDigit(charCodeAt.call(key, end))) end++;
  }
  // A second figure anywhere after the first (it would start at a digit, signed or not).
  for (let i = end; i < n; i++) if (isDigit(charCodeAt.call(key, i))) return 'many';
  const figureText = key.slice(start, end);
  const unsigned = Number(figureText);
  let value = unsigned;
  if (value > 0 && start > 0) {
    // A decline word right before the figure (`同比下降1.2%`), longest first.
    for (const w of DECLINES) {
      if (start >= w.length && key.startsWith(w, start - w.length)) {
        value = -value;
        break;
      }
    }
  }
  let rest = end === n ? '' : key.slice(end);
  if (rest !== '' && hasOpeningBracket(rest)) rest = rest.replace(BRACKETED, '');
  let suffix = rest === '' ? '' : stripPunctuation(rest);
  if (suffix !== '') {
    // Approximate words may sit between the figure and the unit (80余次) or after the unit (4496人左右).
    for (const w of APPROXIMATES) if (suffix.startsWith(w)) suffix = suffix.slice(w.length);
    for (const w of APPROXIMATES) if (suffix.endsWith(w)) suffix = suffix.slice(0, suffix.length - w.length);
  }
  const percent = suffix === '%';
  const hundredth = percent ? Number(`${figureText}e-2`) * (value === unsigned ? 1 : -1) : value / 100;
  const decimals = dot < 0 ? 0 : end - dot - 1;
  return { value, suffix, percent, hundredth, decimals };
}

function blankKey(compact: string): boolean {
  // Placeholders are short (`/`, `—`, `暂无`, `N/A`): only short keys can be one.
  if (compact === '') return true;
  if (compact.length > MAX_EMPTY_LENGTH || !EMPTY_FIRST_CODES.includes(charCodeAt.call(compact, 0)))
    return false;
  return EMPTY_KEYS.has(compact.toLowerCase());
}

/**
 * The vocabulary words a cell may hold exactly as written, with the match the full reading below gives
 * them: built by running that reading on each word, so the shortcut can never disagree with it (a word it
 * would read otherwise — a placeholder, one with punctuation it strips — is left out).
 */
const EXACT_WORDS: ReadonlyMap<string, StatusWordMatch & { readonly kind: 'word' }> = (() => {
  const map = new Map<string, StatusWordMatch & { readonly kind: 'word' }>();
  for (const word of WORD_CLASSES.keys()) {
    // The steps readActual takes for a text: key, placeholder, digit, word.
    const key = compactKey(word);
    if (blankKey(key) || hasDigit(key)) continue;
    const match = statusWordInKey(key, false);
    if (match.kind === 'word') map.set(word, match);
  }
  return map;
})();

// One shared blank reading: most cells of a ledger are empty.
const BLANK: ActualReading = { kind: 'blank' };

/**
 * Read a reported actual value for an indicator. `format` is the cell's number format (null = General).
 * @example interpretActual({ value: 0.681, raw: 0.681, at }, '0.0%', { unit: '%', plainUnit: null, expectsFigure: true })
 *   → { kind: 'value', value: 68.1, … }
 * @example interpretActual({ value: '30.05亿元', … }, null, { unit: '元', plainUnit: '亿元', expectsFigure: true })
 *   → { kind: 'value', value: 3005000000, … }
 */
export function interpretActual(
  cell: Located<RawCell>,
  format: string | null,
  ctx: UnitContext,
): ActualReading {
  return readActual(cell, format, ctx.unit, ctx.plainUnit, ctx.expectsFigure);
}

/**
 * {@link interpretActual} with the unit context spelt out, for the scorer, which reads a cell per indicator
 * and need not build a context object for each.
 */
export function readActual(
  cell: Located<RawCell>,
  format: string | null,
  unit: string | null,
  plainUnit: string | null,
  expectsFigure: boolean,
): ActualReading {
  const raw = cell.value;
  const at = cell.at;
  // `undefined` is not a RawCell, but a hand-built entry may carry it: read it as blank.
  if (raw === null || (raw as RawCell | undefined) === undefined) return BLANK;
  if (isCellError(raw)) return { kind: 'invalid', reason: 'cell_error', text: raw.error, unit: null, at };
  if (typeof raw === 'boolean') {
    // A check-box column: TRUE is done, FALSE is not done yet.
    return {
      kind: 'word',
      cls: raw ? 'done' : 'in_progress',
      word: raw ? 'TRUE' : 'FALSE',
      at,
      raw,
    };
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      return { kind: 'invalid', reason: 'unreadable_actual', text: String(raw), unit: null, at };
    if (isPercentFormat(format)) return percentReading(raw * 100, raw, unit, at, raw);
    return plainReading(raw, unit, plainUnit, expectsFigure, at, raw);
  }
  const text = typeof raw === 'string' ? raw : cellText(raw);
  // The usual status cell is a vocabulary word exactly as written (序时推进): its match is known without
  // normalising or scanning the text.
  const exact = EXACT_WORDS.get(text);
  if (exact !== undefined) return { kind: 'word', cls: exact.cls, word: exact.word, at, raw: text };
  const key = compactKey(text);
  if (blankKey(key)) return BLANK;
  // Without a digit there is no figure: the cell is a status word — as a whole (`序时推进`, `已完成。`, the
  // usual status cell) or found in the text — or nothing usable. With one, it is a figure, never a word (no
  // status word or listed punctuation contains a digit), so neither path does the other's work.
  if (!hasDigit(key)) {
    const word = statusWordInKey(key, false);
    if (word.kind === 'word') return { kind: 'word', cls: word.cls, word: word.word, at, raw: text };
    if (word.kind === 'ambiguous')
      return { kind: 'invalid', reason: 'ambiguous_status', text, unit: null, at };
    return { kind: 'invalid', reason: 'unknown_status', text, unit: null, at };
  }
  const figure = readFigure(key);
  // ('none' cannot happen here: there is a digit.)
  if (figure === 'many' || figure === 'none') {
    return { kind: 'invalid', reason: 'unreadable_actual', text, unit: null, at };
  }
  if (!Number.isFinite(figure.value))
    return { kind: 'invalid', reason: 'unreadable_actual', text, unit: null, at };
  if (figure.percent) return percentReading(figure.value, figure.hundredth, unit, at, text);
  if (figure.suffix === '') return plainReading(figure.value, unit, plainUnit, expectsFigure, at, text);
  return unitReading(figure.value, figure.suffix, unit, expectsFigure, at, text);
}

// `ratio` is passed separately so a formatted 0.681 stays exactly 0.681 (0.681 × 100 ÷ 100 is not).
function percentReading(
  percentNumber: number,
  ratio: number,
  unit: string | null,
  at: CellRef,
  raw: RawCell,
): ActualReading {
  if (isRateUnit(unit)) {
    const value = unit === '‰' ? percentNumber * 10 : percentNumber;
    return { kind: 'value', value, assumedUnit: null, at, raw };
  }
  return { kind: 'ratio', ratio, assumed: false, at, raw };
}

function plainReading(
  n: number,
  unit: string | null,
  plainUnit: string | null,
  expectsFigure: boolean,
  at: CellRef,
  raw: RawCell,
): ActualReading {
  if (isRateUnit(unit)) return { kind: 'value', value: n, assumedUnit: null, at, raw };
  if (!expectsFigure) {
    // Self-reported completion: 60 → 60 %, 0.6 → 60 % (assumed, reported as such).
    return n <= 1 && n >= 0
      ? { kind: 'ratio', ratio: n, assumed: true, at, raw }
      : { kind: 'ratio', ratio: n / 100, assumed: false, at, raw };
  }
  const plain = plainUnit ?? unit ?? '';
  const target = unit ?? '';
  const value = convertValue(n, plain, target);
  if (value === null)
    return { kind: 'invalid', reason: 'unit_mismatch', text: cellText(raw), unit: plain, at };
  return { kind: 'value', value, assumedUnit: plain !== target ? plain : null, at, raw };
}

function unitReading(
  n: number,
  suffix: string,
  unit: string | null,
  expectsFigure: boolean,
  at: CellRef,
  raw: RawCell,
): ActualReading {
  const target = unit ?? '';
  // Without a unit on the indicator, a unit written with the figure only scales it (30万 → 300000).
  const value = convertValue(n, suffix, target);
  if (value === null)
    return { kind: 'invalid', reason: 'unit_mismatch', text: cellText(raw), unit: suffix, at };
  if (!expectsFigure && !isRateUnit(unit)) {
    // A figure with a unit for an indicator without a target cannot be a completion: not usable.
    return { kind: 'invalid', reason: 'unit_mismatch', text: cellText(raw), unit: suffix, at };
  }
  return { kind: 'value', value, assumedUnit: null, at, raw };
}

/** A percentage read from a printed 完成率 cell, with the decimals it was shown with. */
export interface PrintedPercent {
  /** Percent number (68.1 for 68.1 %). */
  readonly percent: number;
  /** Decimals as printed (`68.1%` → 1, `112%` → 0); decides the rounding tolerance. */
  readonly decimals: number;
}

function decimalsOf(numberText: string): number {
  const dot = numberText.indexOf('.');
  return dot < 0 ? 0 : numberText.length - dot - 1;
}

/**
 * Decimals a number format shows: the digit placeholders after the first section's decimal point.
 * @example formatDecimals('0.0%') === 1; formatDecimals('0.00%;[Red]-0.00%') === 2; formatDecimals('0%') === 0
 */
export function formatDecimals(format: string): number {
  const first = format.split(';')[0] ?? '';
  // Placeholders after the point: '0.0%' → '0'; '#,##0.00' → '00'; '0%' → no match.
  const m = /\.([0#?]+)/.exec(first);
  return m?.[1]?.length ?? 0;
}

/**
 * Read a printed completion rate (完成率) as a percent number. A bare number without a percent format is
 * ambiguous (0.681 or 68.1?): the reading closer to `expectedPercent` (the recomputed rate) is taken.
 * Null when the cell holds no single figure.
 */
export function readPrintedPercent(
  raw: RawCell,
  format: string | null,
  expectedPercent: number,
): PrintedPercent | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    if (isPercentFormat(format)) {
      return { percent: raw * 100, decimals: format ? formatDecimals(format) : 0 };
    }
    // A format with digit placeholders ('0.00', '#,##0.0') fixes the decimals shown; 'General' does not.
    const shown = format && /[0#]/.test(format) ? formatDecimals(format) : decimalsOf(String(raw));
    const asRatio = raw * 100;
    return Math.abs(asRatio - expectedPercent) < Math.abs(raw - expectedPercent)
      ? { percent: asRatio, decimals: Math.max(0, shown - 2) }
      : { percent: raw, decimals: shown };
  }
  if (typeof raw !== 'string') return null;
  const key = compactKey(raw);
  if (blankKey(key)) return null;
  const figure = readFigure(key);
  if (figure === 'none' || figure === 'many' || !Number.isFinite(figure.value)) return null;
  if (figure.suffix !== '' && !figure.percent) return null;
  return { percent: figure.value, decimals: figure.decimals };
}

/** Largest weight accepted: far above any 分值 in use, low enough that sums of weights never overflow. */
export const MAX_WEIGHT = 1_000_000;

/** True for a usable weight: a number from 0 to {@link MAX_WEIGHT}. */
export function isValidWeight(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= MAX_WEIGHT;
}

/**
 * Read a weight (权重/分值) cell: a number from 0 to {@link MAX_WEIGHT}, `10分` and `20%` allowed. Null when
 * unreadable.
 */
export function readWeight(raw: RawCell): number | null {
  if (typeof raw === 'number') return isValidWeight(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const figure = readFigure(compactKey(raw));
  if (figure === 'none' || figure === 'many') return null;
  if (figure.suffix !== '' && !WEIGHT_UNIT_WORDS.includes(figure.suffix) && !figure.percent) return null;
  return isValidWeight(figure.value) ? figure.value : null;
}
