/**
 * A faster `compactKey` for the score stage, which keys every reported cell of a large ledger. Most cells
 * are printable ASCII and common CJK ideographs, which NFKC leaves unchanged and which contain no
 * whitespace: for those the key is the text itself and Unicode normalisation is skipped.
 */
import { compactKey } from '../text/normalize.ts';

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
