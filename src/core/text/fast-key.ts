/**
 * A faster `compactKey` for the stages that key every cell or target of a large ledger (scoring, the written
 * unit of a target). Most cells are printable ASCII and common CJK ideographs, which NFKC leaves unchanged and which contain no
 * whitespace: for those the key is the text itself and Unicode normalisation is skipped.
 */
import { compactKey } from './normalize.ts';

// `String.prototype.charCodeAt`, called with `.call`. The loops here scan reported cells character by
// character; `text.charCodeAt(i)` looks the method up on every string, and strings arrive in many internal
// forms (flat, concatenated, sliced, one- or two-byte), which turns that lookup megamorphic — several times
// slower than calling the builtin held here.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with a string receiver
const charCodeAt: (this: string, index: number) => number = String.prototype.charCodeAt;

/**
 * Same result as `compactKey(text)`, without normalising text that is already compact.
 * @example compactKeyFast('30.05亿元') === '30.05亿元' (no work); compactKeyFast('３０ 亿元') === '30亿元' (full-width digits folded)
 */
export function compactKeyFast(text: string): string {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = charCodeAt.call(text, i);
    // Printable ASCII without the space, or a CJK Unified Ideograph (U+4E00–U+9FFF): NFKC-stable.
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    return compactKey(text);
  }
  return text;
}

/**
 * A text setting (header unit, category) trimmed, or null when blank or absent — `value.trim()` without
 * the call for the usual value that has nothing to trim.
 * @example trimmedOrNull(' 部门 ') === '部门'; trimmedOrNull('部门') === '部门'; trimmedOrNull('\u3000') === null
 */
export function trimmedOrNull(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  // Only call trim() when an end could be whitespace: a code up to a space, or a non-ASCII space.
  const first = charCodeAt.call(value, 0);
  const last = charCodeAt.call(value, value.length - 1);
  if (first > 0x20 && last > 0x20 && !mayBeSpace(first) && !mayBeSpace(last)) return value;
  const t = value.trim();
  return t === '' ? null : t;
}

// Non-ASCII characters String.prototype.trim() removes: U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000 and U+FEFF.
function mayBeSpace(c: number): boolean {
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
