/**
 * Finding the quantities of a target text: a number (Arabic or Chinese), an optional scale word and unit of
 * measure, an optional range, and the comparator words around it (`突破88亿元`, `5.5%以上`, `4.5%至5%`).
 *
 * What is NOT a quantity:
 * - anything inside quotes or brackets (`“1151”机制`, `“四好农村路”`, `（含徂汶景区500亩）` — an aside);
 * - years, dates and durations: a number followed by 年/月/日/号/季度/时/点/天/周…, and `3个月`;
 * - a number glued to Latin letters (`5G`, `4A级`, `G104`) and ordinals (`第3名`, `第一季度`);
 * - a Chinese numeral that is part of a fixed phrase (`一批`, `进一步`, `一件事`) or followed by a
 *   name character (`十大工程`, `三大攻坚战`); Chinese numerals always need a unit (`两个`, `十个`, `三十五家`);
 * - a count of a rhetorical set (`三个关键`, `4项机制`, `七个联动`);
 * - an Arabic number with neither unit nor comparator word (`1151机制`).
 */
import type { Comparator, IndicatorKind } from '../breakdown-model.ts';
import {
  MORE_THAN_MARKERS,
  NOT_COMPARATOR_WORDS,
  POST_COMPARATOR_WORDS,
  PRE_COMPARATOR_WORDS,
  RANGE_SEPARATORS,
  type ComparatorWord,
} from '../vocab/comparator-words.ts';
import {
  NAME_SUFFIX_CHARS,
  NUMERAL_BLOCKING_PREFIXES,
  NUMERAL_WORDS,
  RHETORICAL_COUNT_NOUNS,
} from '../vocab/chinese-numerals.ts';
import { DATE_AFTER_NUMBER, DURATION_AFTER_GE } from '../vocab/deadline-words.ts';
import { MEASURE_UNITS, PERCENT_PREFIX, RATE_UNITS, SCALE_WORDS } from '../vocab/measure-units.ts';
import {
  CONTINUES_CODES,
  parseChineseNumeral,
  scaleDecimal,
  startsChineseNumeral,
  STARTS_CODES,
} from './numbers.ts';
import { codeSet, KIND, PROTECTED, type ParsedText } from './parse-text.ts';
import { WordIndex, wordIndex } from './word-index.ts';

/** One quantity found in a parsed text (positions are parse positions). */
export interface Quantity {
  /** Start of the quantity including its comparator word before the number. */
  readonly start: number;
  /** Start of the number itself. */
  readonly numStart: number;
  /** End (exclusive) including the unit and the comparator word after it. */
  readonly end: number;
  /** Canonical value (scale multiplied out), or null when unreadable. */
  readonly value: number | null;
  /** Upper bound of a range, else null. */
  readonly valueMax: number | null;
  /** Canonical unit, or null. */
  readonly unit: string | null;
  readonly pre: ComparatorWord | null;
  readonly post: ComparatorWord | null;
  /** `余` / `多` between number and unit (`200余家`). */
  readonly more: boolean;
  readonly range: boolean;
  /** The number could not be read (`1.2.3万元`, `三五个`, an overflowing value). */
  readonly unreadable: boolean;
}

const MAX_CHINESE_NUMERAL = 24;
// The characters a quantity's number can start with are `KIND.numberStart` (char-kinds.ts).
// Vocabulary indexes: the longest word at a position, and its entry (the first listed with that word).
const UNITS = new WordIndex(MEASURE_UNITS, (u) => u.word);
const SCALES = new WordIndex(SCALE_WORDS, (w) => w.word);
const PRE_WORDS = new WordIndex(PRE_COMPARATOR_WORDS, (w) => w.word);
const POST_WORDS = new WordIndex(POST_COMPARATOR_WORDS, (w) => w.word);
const NOT_COMPARATORS = wordIndex(NOT_COMPARATOR_WORDS);
const BLOCKING_PREFIXES = wordIndex(NUMERAL_BLOCKING_PREFIXES);
const DATE_WORDS = wordIndex(DATE_AFTER_NUMBER);
const DURATION_WORDS = wordIndex(DURATION_AFTER_GE);
const RHETORICAL_NOUNS = wordIndex(RHETORICAL_COUNT_NOUNS);
const NAME_SUFFIXES = codeSet(NAME_SUFFIX_CHARS);
const MORE_THAN = codeSet(MORE_THAN_MARKERS);
const RANGE_SEPARATOR_CODES = codeSet(RANGE_SEPARATORS);
const HUNDRED_CODE = '百'.charCodeAt(0);
const DOT_CODE = '.'.charCodeAt(0);
const COMMA_CODE = ','.charCodeAt(0);

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLatinCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

// For each numeral character, the fixed phrases containing it and where: checked only at numerals.
const NUMERAL_WORD_AT = new Map<string, { word: string; offset: number }[]>();
for (const word of NUMERAL_WORDS) {
  Array.from(word).forEach((c, offset) => {
    if (!startsChineseNumeral(c)) return;
    const list = NUMERAL_WORD_AT.get(c) ?? [];
    list.push({ word, offset });
    NUMERAL_WORD_AT.set(c, list);
  });
}

/** True when position `i` lies in a fixed phrase containing numerals (`一批`, `进一步`). */
function inNumeralWord(s: string, i: number): boolean {
  const list = NUMERAL_WORD_AT.get(s.charAt(i));
  return list !== undefined && list.some(({ word, offset }) => i >= offset && s.startsWith(word, i - offset));
}

/** A number token: its text and end. */
interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly chinese: boolean;
  /** Chinese value (already scaled by 万/亿 inside the numeral); null for Arabic or malformed. */
  readonly chineseValue: number | null;
  readonly malformed: boolean;
}

/**
 * Read an Arabic number at `i` (the caller ensures a digit there): digits, thousands groups `,ddd`, one
 * decimal part `.d…` — as the pattern `\d+(?:,\d{3})*(?:\.\d+)?` would — then a malformed tail of more
 * decimal parts (`.3` of `1.2.3`). Scanned by hand: this runs for every number of every target.
 * e.g. '7200人' → '7200'; '1,017亩' → '1,017'; '65.6万' → '65.6'; '1.2.3万元' → '1.2.3' (malformed)
 */
function readArabic(s: string, i: number): NumberToken {
  let j = i;
  while (isDigitCode(s.charCodeAt(j))) j++;
  while (
    s.charCodeAt(j) === COMMA_CODE &&
    isDigitCode(s.charCodeAt(j + 1)) &&
    isDigitCode(s.charCodeAt(j + 2)) &&
    isDigitCode(s.charCodeAt(j + 3))
  ) {
    j += 4;
  }
  j = afterDecimals(s, j, 1);
  const end = afterDecimals(s, j, Infinity);
  return { start: i, end, text: s.slice(i, end), chinese: false, chineseValue: null, malformed: end > j };
}

/** The end of up to `max` decimal parts `.d…` starting at `j` (`j` itself when there is none). */
function afterDecimals(s: string, j: number, max: number): number {
  let end = j;
  for (let n = 0; n < max && s.charCodeAt(end) === DOT_CODE && isDigitCode(s.charCodeAt(end + 1)); n++) {
    end += 2;
    while (isDigitCode(s.charCodeAt(end))) end++;
  }
  return end;
}

/**
 * Read a Chinese numeral at `i`. The run is cut back when its tail belongs to a unit (`五十万千瓦` →
 * `五十万` + `千瓦`).
 */
function readChinese(s: string, i: number): NumberToken {
  let runEnd = i;
  while (runEnd < s.length && CONTINUES_CODES.has(s.charCodeAt(runEnd))) runEnd++;
  // No count in a target needs more than a few characters (一千二百三十四万五千六百七十八 is 15): a longer
  // run is not a number, and cutting it back character by character would be quadratic.
  if (runEnd - i > MAX_CHINESE_NUMERAL) {
    return {
      start: i,
      end: runEnd,
      text: s.slice(i, runEnd),
      chinese: true,
      chineseValue: null,
      malformed: true,
    };
  }
  for (let end = runEnd; end > i; end--) {
    const text = s.slice(i, end);
    const value = parseChineseNumeral(text);
    if (value === null) continue;
    if (end === runEnd || UNITS.longestAt(s, end) !== null) {
      return { start: i, end, text, chinese: true, chineseValue: value, malformed: false };
    }
  }
  return {
    start: i,
    end: runEnd,
    text: s.slice(i, runEnd),
    chinese: true,
    chineseValue: null,
    malformed: true,
  };
}

/** Unit (and scale) after a number at `j`. */
interface UnitRead {
  readonly end: number;
  readonly unit: string | null;
  readonly exponent: number;
  readonly scaled: boolean;
  readonly more: boolean;
}

function readUnit(s: string, j: number, allowScale: boolean): UnitRead | null {
  let k = j;
  let more = false;
  // 200余家, 20多个: the marker counts only when a unit or scale follows it.
  if (
    MORE_THAN.has(s.charCodeAt(k)) &&
    (UNITS.longestAt(s, k + 1) !== null || (allowScale && SCALES.longestAt(s, k + 1) !== null))
  ) {
    more = true;
    k++;
  }
  const unit = UNITS.longestAt(s, k);
  if (unit !== null)
    return { end: k + unit.word.length, unit: unit.canonical, exponent: 0, scaled: false, more };
  if (!allowScale) return null;
  const scale = SCALES.longestAt(s, k);
  if (scale === null) return null;
  let u = k + scale.word.length;
  // 1万余人
  if (!more && MORE_THAN.has(s.charCodeAt(u)) && UNITS.longestAt(s, u + 1) !== null) {
    more = true;
    u++;
  }
  const unit2 = UNITS.longestAt(s, u);
  if (unit2 !== null) {
    return {
      end: u + unit2.word.length,
      unit: unit2.canonical,
      exponent: scale.exponent,
      scaled: true,
      more,
    };
  }
  return { end: u, unit: null, exponent: scale.exponent, scaled: true, more };
}

/** The comparator word written right before position `i`, if any. */
function preWordAt(p: ParsedText, i: number): ComparatorWord | null {
  const s = p.chars;
  if (NOT_COMPARATORS.longestEndingAt(s, i) !== null) return null;
  const w = PRE_WORDS.longestEndingAt(s, i);
  if (w === null || p.isProtected(i - w.word.length)) return null;
  return w;
}

/** The comparator word written right at position `i` (after a number), if any. */
function postWordAt(s: string, i: number): ComparatorWord | null {
  const entry = POST_WORDS.longestAt(s, i);
  if (entry === null) return null;
  const end = i + entry.word.length;
  if (entry.notBefore?.some((b) => s.startsWith(b, end))) return null;
  return entry;
}

/** A number with its unit, before range and comparator handling. */
interface Measured {
  readonly token: NumberToken;
  readonly unit: UnitRead | null;
  readonly end: number;
}

/** Read a number and its unit at `i`; null when there is no usable number there. */
function readMeasured(p: ParsedText, i: number): Measured | null {
  const s = p.chars;
  const c = s.charCodeAt(i);
  let token: NumberToken;
  if (isDigitCode(c)) {
    token = readArabic(s, i);
  } else if (STARTS_CODES.has(c) && !inNumeralWord(s, i)) {
    token = readChinese(s, i);
  } else {
    return null;
  }
  const unit = readUnit(s, token.end, !token.chinese);
  return { token, unit, end: unit ? unit.end : token.end };
}

/** Why a measured number is not a quantity, or null when it may be one. */
function rejectReason(p: ParsedText, m: Measured): string | null {
  const s = p.chars;
  const { token, unit } = m;
  const before = s.charCodeAt(token.start - 1);
  const spaced = p.hasSpaceBefore(token.start);
  if (!token.chinese && !spaced && (isLatinCode(before) || before === DOT_CODE || isDigitCode(before)))
    return 'glued';
  if (BLOCKING_PREFIXES.longestEndingAt(s, token.start) !== null) return 'ordinal';
  if (unit === null || (unit.unit === null && !unit.scaled)) {
    const after = s.charCodeAt(token.end);
    if (isLatinCode(after)) return 'glued'; // 5G, 4A级
    if (DATE_WORDS.longestAt(s, token.end) !== null) return 'date';
    if (NAME_SUFFIXES.has(after)) return 'name';
  }
  if (unit?.unit === '个' && DURATION_WORDS.longestAt(s, unit.end) !== null) return 'duration';
  if (unit !== null && RHETORICAL_NOUNS.longestAt(s, unit.end) !== null) return 'rhetorical';
  if (unit !== null && unit.unit === null && DATE_WORDS.longestAt(s, unit.end) !== null) return 'date';
  return null;
}

function valueOf(m: Measured, exponent: number): number | null {
  if (m.token.malformed) return null;
  if (m.token.chinese) {
    const v = m.token.chineseValue;
    return v === null ? null : v * 10 ** exponent;
  }
  return scaleDecimal(m.token.text, exponent);
}

/**
 * Every quantity in a parsed text, left to right (see the module comment for what is skipped).
 */
export function findQuantities(p: ParsedText): readonly Quantity[] {
  const s = p.chars;
  let out: Quantity[] | null = null; // most texts have none: no array for them
  let i = 0;
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view)
  while (i < s.length) {
    const f = flags[at0 + i] ?? 0;
    if ((f & KIND.numberStart) === 0 || (f & PROTECTED) !== 0) {
      i++;
      continue;
    }
    // 百分之五 · 百分之九十五 · 百分之百
    if (s.startsWith(PERCENT_PREFIX, i)) {
      const k = i + PERCENT_PREFIX.length;
      let value: number | null = null;
      let end = k;
      if (s.charCodeAt(k) === HUNDRED_CODE) {
        value = 100;
        end = k + 1;
      } else if (isDigitCode(s.charCodeAt(k))) {
        const t = readArabic(s, k);
        value = t.malformed ? null : scaleDecimal(t.text, 0);
        end = t.end;
      } else if (STARTS_CODES.has(s.charCodeAt(k))) {
        const t = readChinese(s, k);
        value = t.chineseValue;
        end = t.end;
      }
      if (end > k) {
        const post = postWordAt(s, end);
        const pre = preWordAt(p, i);
        (out ??= []).push({
          start: pre ? i - pre.word.length : i,
          numStart: i,
          end: post ? end + post.word.length : end,
          value,
          valueMax: null,
          unit: '%',
          pre,
          post,
          more: false,
          range: false,
          unreadable: value === null,
        });
        i = post ? end + post.word.length : end;
        continue;
      }
    }
    const m = readMeasured(p, i);
    if (m === null) {
      i++;
      continue;
    }
    const reason = rejectReason(p, m);
    const chineseNeedsUnit = m.token.chinese && (m.unit === null || m.unit.unit === null);
    if (reason !== null || chineseNeedsUnit) {
      i = Math.max(i + 1, m.token.end);
      continue;
    }
    let end = m.end;
    let unit = m.unit?.unit ?? null;
    let exponent = m.unit?.exponent ?? 0;
    let valueMax: number | null = null;
    let range = false;
    let value = valueOf(m, exponent);
    let unreadable = m.token.malformed || value === null;
    // A range: 4.5%至5%, 4.5～5%, 1-2亿元, 5000万-1亿元.
    if (RANGE_SEPARATOR_CODES.has(s.charCodeAt(end))) {
      const second = readMeasured(p, end + 1);
      if (second && second.unit?.unit && rejectReason(p, second) === null) {
        const sameUnit = unit === null || unit === second.unit.unit;
        if (sameUnit) {
          const firstExponent = m.unit?.scaled ? exponent : second.unit.exponent;
          const lo = valueOf(m, firstExponent);
          const hi = valueOf(second, second.unit.exponent);
          unit = second.unit.unit;
          exponent = second.unit.exponent;
          end = second.end;
          range = true;
          unreadable = unreadable || second.token.malformed || lo === null || hi === null;
          if (lo !== null && hi !== null) {
            value = Math.min(lo, hi);
            valueMax = Math.max(lo, hi);
          } else {
            value = null;
          }
        }
      }
    }
    const post = postWordAt(s, end);
    const pre = preWordAt(p, m.token.start);
    const more = m.unit?.more === true;
    const hasUnit = unit !== null || m.unit?.scaled === true;
    if (!hasUnit && pre === null && post === null && !range) {
      i = Math.max(i + 1, m.token.end);
      continue;
    }
    const finalEnd = post ? end + post.word.length : end;
    (out ??= []).push({
      start: pre ? m.token.start - pre.word.length : m.token.start,
      numStart: m.token.start,
      end: finalEnd,
      value: unreadable ? null : value,
      valueMax: unreadable ? null : valueMax,
      unit,
      pre,
      post,
      more,
      range,
      unreadable,
    });
    i = finalEnd;
  }
  return out ?? NO_QUANTITIES;
}

const NO_QUANTITIES: readonly Quantity[] = [];

/** A quantity's comparator and kind hint, given the comparator words that apply to it. */
export interface ResolvedComparator {
  readonly comparator: Comparator | null;
  /** A strong word before and a different word after (`不低于5%以下`). */
  readonly ambiguous: boolean;
  readonly hint: 'lower' | 'keep' | null;
}

/**
 * Resolve the comparator of a quantity: words before and after agree → that; a weak word before gives way
 * to the word after (`控制在3%左右` → `~`); a strong word before and a different one after is ambiguous
 * (null). No word: `>=` after `余`/`多`, else `=`. A range is `range`.
 */
export function resolveComparator(
  q: Quantity,
  pre: ComparatorWord | null = q.pre,
  post: ComparatorWord | null = q.post,
): ResolvedComparator {
  const hint = pre?.kind ?? post?.kind ?? null;
  if (q.range) return { comparator: 'range', ambiguous: false, hint };
  let comparator: Comparator | null;
  let ambiguous = false;
  if (pre && post) {
    if (pre.comparator === post.comparator || pre.strength === 'weak') comparator = post.comparator;
    else {
      comparator = null;
      ambiguous = true;
    }
  } else if (pre || post) {
    comparator = (pre ?? post)?.comparator ?? '=';
  } else {
    comparator = q.more ? '>=' : '=';
  }
  return { comparator, ambiguous, hint: comparator === '<=' ? 'lower' : hint };
}

/**
 * The kind of a numeric indicator: lower-is-better (`<=` or a lowering word like 控制在), keep-level
 * (稳定在, 保持), rate (a % / 个百分点 / 倍 value — growth rates and shares alike are compared directly),
 * approximate (`~` on a non-rate value), else cumulative. A growth rate with `左右` stays `rate` with
 * comparator `~`.
 */
export function numericKind(unit: string | null, resolved: ResolvedComparator): IndicatorKind {
  if (resolved.hint === 'lower') return 'lower_is_better';
  if (resolved.hint === 'keep') return 'keep_level';
  if (unit !== null && RATE_UNITS.includes(unit)) return 'rate';
  if (resolved.comparator === '~') return 'approximate';
  return 'cumulative';
}
