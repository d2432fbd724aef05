/**
 * The unit a target was written in (`亿元` in `完成投资200亿元`, held as 2e10 元), for showing its figures the
 * way the table wrote them; and the indicator constructor that records it.
 */
import type { Indicator } from '../breakdown-model.ts';
import { compactKeyFast } from '../text/fast-key.ts';
import { isRateUnit, unitShape as shape } from './unit-shape.ts';

// `String.prototype.charCodeAt`, called with `.call`. The loop here scans target texts character by
// character; `text.charCodeAt(i)` looks the method up on every string, and strings arrive in many internal
// forms (flat, concatenated, sliced, one- or two-byte), which turns that lookup megamorphic — several times
// slower than calling the builtin held here.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with a string receiver
const charCodeAt: (this: string, index: number) => number = String.prototype.charCodeAt;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57; // '0'…'9'
}

// At most this many digits are read as an integer exactly (below 2^53), and the powers of ten that divide
// them, written out (each exact in a double).
const EXACT_DIGITS = 15;
const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in `key` from `start` to `end` (digits, optionally a point and more digits), as
 * `Number(key.slice(start, end))` gives it, without making the slice: this runs for every figure of every
 * target of a large table. With at most 15 digits the digits form an exact integer and 10^decimals is
 * exact, so their one correctly rounded division is the double nearest the decimal — which is what
 * `Number` returns; longer figures take the slice.
 * @example figureValue('完成投资200亿元', 4, 7) === 200; figureValue('增长5.5%', 2, 5) === 5.5
 */
export function figureValue(key: string, start: number, end: number): number {
  let digits = 0;
  let whole = 0;
  let decimals = -1; // −1 until the point is passed
  for (let i = start; i < end; i++) {
    const c = charCodeAt.call(key, i);
    if (c === 46) {
      decimals = 0;
      continue;
    }
    whole = whole * 10 + (c - 48);
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits > EXACT_DIGITS) return Number(key.slice(start, end));
  return decimals > 0 ? whole / (POWERS[decimals] ?? 1) : whole;
}

/**
 * The longest word of at most this many characters after a figure that is tried as its unit
 * (`万吨标准煤` has 5).
 */
const MAX_UNIT_LENGTH = 6;

/** What the written unit is found from: the canonical value and unit, and the words they were read from. */
export type WrittenFrom = Pick<Indicator, 'unit' | 'value' | 'text'>;

/**
 * The unit the indicator's target was written in when it differs from the canonical one only in size
 * (`亿元` for 200亿元 stored as 2e10 元); else the canonical unit; null without a unit. Found by matching the
 * text's figures against the canonical value; breakdown records it on the indicator (`makeIndicator`), so
 * the stages after it do not scan the text again.
 * @example writtenUnit({ text: '完成投资200亿元', value: 2e10, unit: '元' }) === '亿元'
 * @example writtenUnit({ text: '新增城镇就业7200人', value: 7200, unit: '人' }) === '人'
 */
export function writtenUnit(indicator: WrittenFrom): string | null {
  const { unit, value } = indicator;
  if (unit === null || value === null || isRateUnit(unit) || !Number.isFinite(value)) return unit;
  const target = shape(unit);
  if (!target) return unit;
  let key = compactKeyFast(indicator.text);
  // A thousands separator between digits: '1,200万元' → '1200万元'; '12,000,000元' → '12000000元';
  // '1,20' (not three digits after) stays.
  if (key.includes(',')) key = key.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  // Each unsigned figure of the text (digits, and decimals after a point followed by a digit) with the word
  // after it: '完成投资200亿元' → 200 then '亿元'; '新增城镇就业7200人' → 7200 then '人'. Scanned by hand: this
  // runs for every indicator of a large ledger, and a scan allocates no match arrays.
  const n = key.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(charCodeAt.call(key, i))) {
      i++;
      continue;
    }
    const figureStart = i;
    while (i < n && isDigit(charCodeAt.call(key, i))) i++;
    if (i + 1 < n && charCodeAt.call(key, i) === 46 && isDigit(charCodeAt.call(key, i + 1))) {
      i += 2; // '.' and a digit
      while (i < n && isDigit(charCodeAt.call(key, i))) i++;
    }
    const figure = figureValue(key, figureStart, i);
    const start = i;
    // Written in the canonical unit itself (7200人): the common case, no search needed.
    if (figure === value && key.startsWith(unit, start)) return unit;
    for (let len = Math.min(MAX_UNIT_LENGTH, n - start); len >= 1; len--) {
      const candidate = key.slice(start, start + len);
      const s = shape(candidate);
      if (!s || s.base !== target.base) continue;
      const canonical = (figure * s.factor) / target.factor;
      if (Math.abs(canonical - value) <= 1e-9 * Math.max(1, Math.abs(value))) return candidate;
    }
  }
  return unit;
}

/**
 * An indicator with its written unit (`writtenUnit`): `written` when the caller read the target in a unit
 * of its own (a ledger's 计量单位), else found from the other fields. Every stage that makes indicators
 * (breakdown, the wide-table and ledger readers) makes them here, so they share one field order (one hidden
 * class for the scorer's reads) and the written unit is found once, where the target is read.
 * @example makeIndicator({ metric: '完成投资', kind: 'cumulative', comparator: '=', value: 2e10, valueMax: null,
 *   unit: '元', text: '完成投资200亿元' }).writtenUnit === '亿元'
 */
export function makeIndicator(fields: Omit<Indicator, 'writtenUnit'>, written?: string): Indicator {
  return {
    metric: fields.metric,
    kind: fields.kind,
    comparator: fields.comparator,
    value: fields.value,
    valueMax: fields.valueMax,
    unit: fields.unit,
    text: fields.text,
    writtenUnit: written ?? writtenUnit(fields),
  };
}
