/**
 * Reading the numbers of target texts: Arabic decimals scaled by 万/亿 without floating-point noise
 * (`65.6万` → 656000, not 656000.0000000001), and Chinese numerals (`两`, `十`, `三十五`, `一百二十`).
 */
import { CHINESE_DIGITS, CHINESE_MULTIPLIERS, CHINESE_SCALES } from '../vocab/chinese-numerals.ts';
import { codeSet } from './word-index.ts';

// A plain decimal as written in targets, thousands separators allowed.
// e.g. '1017' ✓, '1,017' ✓, '65.6' ✓, '0.9' ✓; '1.2.3' ✗, '1,01' ✗, '.5' ✗
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * The value of a decimal string times 10^exponent, computed by moving the decimal point in the digits so
 * the result is exact whenever it is representable. Null when the text is not a plain decimal or the result
 * is not finite.
 * @example scaleDecimal('65.6', 4) === 656000; scaleDecimal('1.5', 8) === 150000000
 * @example scaleDecimal('1,017', 0) === 1017; scaleDecimal('1.2.3', 0) === null
 */
export function scaleDecimal(text: string, exponent: number): number | null {
  // Plain digits, unscaled (most values): the number as written, without the pattern.
  if (exponent === 0 && text.length > 0 && text.length <= 15 && isDigits(text)) return Number(text);
  const m = DECIMAL.exec(text);
  if (!m) return null;
  // Drop thousands separators. e.g. '1,017' → '1017'; '12,345,678' → '12345678'; '65' unchanged
  const intPart = (m[1] ?? '').replace(/,/g, '');
  let frac = m[2] ?? '';
  let digits = intPart;
  let shift = exponent;
  // Move fractional digits into the integer part while the exponent allows.
  while (shift > 0 && frac.length > 0) {
    digits += frac[0] ?? '';
    frac = frac.slice(1);
    shift--;
  }
  digits += '0'.repeat(shift);
  const value = Number(frac.length > 0 ? `${digits}.${frac}` : digits);
  return Number.isFinite(value) ? value : null;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const STARTS = new Set([...Object.keys(CHINESE_DIGITS).filter((c) => c !== '零' && c !== '〇'), '十', '拾']);
const CONTINUES = new Set([
  ...Object.keys(CHINESE_DIGITS),
  ...Object.keys(CHINESE_MULTIPLIERS),
  ...Object.keys(CHINESE_SCALES),
]);

/** {@link startsChineseNumeral} by char code, for per-character loops. */
export const STARTS_CODES = codeSet(STARTS);
/** {@link continuesChineseNumeral} by char code, for per-character loops. */
export const CONTINUES_CODES = codeSet(CONTINUES);

/** True for a character that can start a Chinese numeral (a digit, or `十`/`拾` alone: `十个`). */
export function startsChineseNumeral(c: string): boolean {
  return STARTS.has(c);
}

/** True for a character that can continue a Chinese numeral. */
export function continuesChineseNumeral(c: string): boolean {
  return CONTINUES.has(c);
}

/**
 * The value of a Chinese numeral, or null when it is not a well-formed number (`三五` — "three or five" —
 * and `一二` are not).
 * @example parseChineseNumeral('两') === 2; parseChineseNumeral('十') === 10
 * @example parseChineseNumeral('三十五') === 35; parseChineseNumeral('一百二十') === 120
 * @example parseChineseNumeral('一千零五') === 1005; parseChineseNumeral('一百二') === 120
 * @example parseChineseNumeral('十五万') === 150000; parseChineseNumeral('三五') === null
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0; // completed 亿 / 万 groups
  let section = 0; // value below the current 万
  let digit: number | null = null; // a digit waiting for its multiplier
  let lastMultiplier = 0; // multiplier seen right before the pending digit (for 一百二 = 120)
  let afterZero = false;
  for (const c of text) {
    const d = CHINESE_DIGITS[c];
    if (d !== undefined) {
      if (digit !== null) return null; // two digits in a row: 三五, 一二
      if (d === 0) {
        afterZero = true;
        continue;
      }
      digit = d;
      continue;
    }
    const mult = CHINESE_MULTIPLIERS[c];
    if (mult !== undefined) {
      // Only a leading 十 may stand without a digit (十五 = 15); 百 / 千 need one, and 十十 is malformed.
      if (digit === null && !(mult === 10 && section === 0 && total === 0 && !afterZero)) return null;
      section += (digit ?? 1) * mult;
      digit = null;
      lastMultiplier = mult;
      afterZero = false;
      continue;
    }
    const scale = CHINESE_SCALES[c];
    if (scale !== undefined) {
      const group = section + (digit ?? 0);
      if (group === 0) {
        // 一万亿: 亿 right after a completed 万 group scales the whole number.
        if (total > 0 && scale === 100_000_000) {
          total *= scale;
          continue;
        }
        return null;
      }
      if (scale === 100_000_000) total = (total + group) * scale;
      else total += group * scale;
      section = 0;
      digit = null;
      lastMultiplier = 0;
      afterZero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // A trailing digit right after 百 / 千 without 零 is a tenth of it: 一百二 = 120, 三千五 = 3500.
    section += lastMultiplier >= 100 && !afterZero ? (digit * lastMultiplier) / 10 : digit;
  }
  const value = total + section;
  return value > 0 && Number.isFinite(value) ? value : null;
}
