/**
 * A parsing view of a target text: NFKC-normalised characters with whitespace removed, each mapped back to
 * its span in the original, plus which characters sit inside quotes or brackets. Every stage of the
 * breakdown matches on this view and cuts its results out of the original text, so nothing the user wrote
 * is lost or re-spelled.
 */
import { nfkc } from '../text/normalize.ts';

/** The parsing view of one text. Indexes are UTF-16 positions in `chars`. */
export interface ParsedText {
  /** The text as given. */
  readonly source: string;
  /** NFKC, whitespace removed; circled item numbers (`①`, `⑴`, `⒈`) kept as written. */
  readonly chars: string;
  /** Start offset in `source` of each char. */
  readonly from: readonly number[];
  /** End offset (exclusive) in `source` of each char. */
  readonly to: readonly number[];
  /** True where whitespace was removed right before the char. */
  readonly spaceBefore: readonly boolean[];
  /** True where that whitespace contained a line break. */
  readonly breakBefore: readonly boolean[];
  /** True inside a matched pair of quotes (`“…”`, `《…》` …); the quote marks themselves are false. */
  readonly quoted: readonly boolean[];
  /** True inside a matched pair of brackets (`（…）`, `【…】` …); the brackets themselves are false. */
  readonly bracketed: readonly boolean[];
  /** True inside round brackets, brackets included: asides trimmed from metric phrases. */
  readonly parenZone: readonly boolean[];
}

// Quote pairs (after NFKC) — names live inside them: “四好农村路”, 《音画泰山》.
const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
};

// Bracket pairs (after NFKC: `（` → `(`, `［` → `[`, `｛` → `{`) — asides: （含徂汶景区500亩）.
const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '【': '】',
  '〔': '〕',
  '〖': '〗',
};

/** True for a circled or parenthesised item number that NFKC would turn into digits (`①` → `1`). */
export function isItemNumberChar(cp: number): boolean {
  return (
    (cp >= 0x2460 && cp <= 0x249b) || // ①–⑳, ⑴–⒇, ⒈–⒛
    (cp >= 0x24ea && cp <= 0x24ff) || // ⓪, ⓫–⓿
    (cp >= 0x2776 && cp <= 0x2793) // ❶–❿, ➀–➉, ➊–➓
  );
}

// Whitespace of any kind, including the ideographic space and zero-width marks.
// e.g. ' ' ✓, '\u3000' ✓, '\n' ✓, '\u200B' ✓, 'a' ✗
const WHITESPACE = /[\s\u3000\u200B-\u200D\uFEFF]/u;

/** True for a whitespace code point (fast paths for ASCII and CJK before the regex). */
function isWhitespace(source: string, i: number, cp: number, len: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp >= 0x4e00 && cp <= 0x9fff) return false;
  return WHITESPACE.test(source.slice(i, i + len));
}

/** True for a code point NFKC leaves alone: printable ASCII, CJK unified ideographs, item numbers we keep. */
function isStable(cp: number): boolean {
  return (cp > 0x20 && cp < 0x7f) || (cp >= 0x4e00 && cp <= 0x9fff) || isItemNumberChar(cp);
}

// NFKC of single characters, memoised: the same few hundred characters recur in every cell. Deterministic,
// so the cache changes speed only.
const NFKC_CACHE = new Map<string, string>();

function normaliseChar(ch: string): string {
  let n = NFKC_CACHE.get(ch);
  if (n === undefined) {
    n = nfkc(ch);
    if (NFKC_CACHE.size < 8192) NFKC_CACHE.set(ch, n);
  }
  return n;
}

function isLineBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029;
}

/**
 * Build the parsing view of a text.
 * @example parseText('增长８％\u3000以上').chars === '增长8%以上' (full-width digits, ideographic space)
 */
export function parseText(source: string): ParsedText {
  const from: number[] = [];
  const to: number[] = [];
  const spaceBefore: boolean[] = [];
  const breakBefore: boolean[] = [];
  let out = '';
  // Runs of characters NFKC leaves alone are copied with one slice (no per-character strings).
  let runStart = -1;
  let pendingSpace = false;
  let pendingBreak = false;
  const flush = (i: number): void => {
    if (runStart >= 0) out += source.slice(runStart, i);
    runStart = -1;
  };
  const n = source.length;
  for (let i = 0; i < n;) {
    const cp = source.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    if (isWhitespace(source, i, cp, len)) {
      flush(i);
      pendingSpace = true;
      if (isLineBreak(cp)) pendingBreak = true;
      i += len;
      continue;
    }
    if (isStable(cp)) {
      if (runStart < 0) runStart = i;
      for (let k = 0; k < len; k++) {
        from.push(i);
        to.push(i + len);
        spaceBefore.push(k === 0 && pendingSpace);
        breakBefore.push(k === 0 && pendingBreak);
      }
      pendingSpace = false;
      pendingBreak = false;
      i += len;
      continue;
    }
    flush(i);
    const norm = normaliseChar(source.slice(i, i + len));
    let first = true;
    for (let k = 0; k < norm.length; k++) {
      const unit = norm[k] ?? '';
      // NFKC may itself produce spaces (e.g. '¨' → ' ̈'): drop them like source spaces.
      if (WHITESPACE.test(unit)) continue;
      out += unit;
      from.push(i);
      to.push(i + len);
      spaceBefore.push(first && pendingSpace);
      breakBefore.push(first && pendingBreak);
      first = false;
    }
    if (!first) {
      pendingSpace = false;
      pendingBreak = false;
    }
    i += len;
  }
  flush(n);
  const { quoted, bracketed, parenZone } = markPairs(out);
  return { source, chars: out, from, to, spaceBefore, breakBefore, quoted, bracketed, parenZone };
}

interface OpenMark {
  readonly closer: string;
  readonly index: number;
  readonly quote: boolean;
}

// Any character that opens or closes a pair. e.g. '“' ✓, '(' ✓, '"' ✓, '》' ✓, '，' ✗
const PAIR_CHAR = /[“”‘’「」『』《》〈〉()[\]{}【】〔〕〖〗"]/;
const PAIR_CODES = codeSet([
  ...Object.keys(QUOTE_PAIRS),
  ...Object.values(QUOTE_PAIRS),
  ...Object.keys(BRACKET_PAIRS),
  ...Object.values(BRACKET_PAIRS),
  '"',
]);
const OPENERS = new Map<string, { closer: string; quote: boolean }>([
  ...Object.entries(QUOTE_PAIRS).map(([o, c]) => [o, { closer: c, quote: true }] as const),
  ...Object.entries(BRACKET_PAIRS).map(([o, c]) => [o, { closer: c, quote: false }] as const),
  ['"', { closer: '"', quote: true }],
]);

// Pair quotes and brackets with a stack. A closer that matches a deeper opener closes it (the openers above
// it stay unmatched); a closer with no opener, and openers never closed, are ordinary characters — so one
// stray `“` cannot swallow the rest of a cell.
function markPairs(text: string): { quoted: boolean[]; bracketed: boolean[]; parenZone: boolean[] } {
  const n = text.length;
  if (!PAIR_CHAR.test(text)) {
    const none = new Array<boolean>(n).fill(false);
    return { quoted: none, bracketed: none, parenZone: none };
  }
  const quoteDelta = new Int32Array(n + 1);
  const bracketDelta = new Int32Array(n + 1);
  const parenZone = new Array<boolean>(n).fill(false);
  const stack: OpenMark[] = [];
  for (let i = 0; i < n; i++) {
    if (!PAIR_CODES.has(text.charCodeAt(i))) continue;
    const c = text[i] ?? '';
    let depth = -1;
    for (let d = stack.length - 1; d >= 0; d--) {
      if (stack[d]?.closer === c) {
        depth = d;
        break;
      }
    }
    if (depth >= 0) {
      const open = stack[depth];
      stack.length = depth;
      if (open) {
        const delta = open.quote ? quoteDelta : bracketDelta;
        delta[open.index + 1] = (delta[open.index + 1] ?? 0) + 1;
        delta[i] = (delta[i] ?? 0) - 1;
        if (open.closer === ')') parenZone.fill(true, open.index, i + 1);
      }
      continue;
    }
    const opener = OPENERS.get(c);
    if (opener) stack.push({ closer: opener.closer, index: i, quote: opener.quote });
  }
  const quoted = new Array<boolean>(n);
  const bracketed = new Array<boolean>(n);
  let q = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    q += quoteDelta[i] ?? 0;
    b += bracketDelta[i] ?? 0;
    quoted[i] = q > 0;
    bracketed[i] = b > 0;
  }
  return { quoted, bracketed, parenZone };
}

/**
 * The parsing view of parse range `[start, end)` of `p`, as if that slice of the source had been parsed
 * on its own (the quote and bracket marks are those of the whole text, which never pairs across the
 * ranges the splitter produces). Lets a cell be parsed once and read piece by piece.
 */
export function subView(p: ParsedText, start: number, end: number): ParsedText {
  const base = p.from[start] ?? 0;
  const last = p.to[end - 1] ?? base;
  const from = p.from.slice(start, end).map((v) => v - base);
  const to = p.to.slice(start, end).map((v) => v - base);
  const spaceBefore = p.spaceBefore.slice(start, end);
  const breakBefore = p.breakBefore.slice(start, end);
  if (spaceBefore.length > 0) spaceBefore[0] = false;
  if (breakBefore.length > 0) breakBefore[0] = false;
  return {
    source: p.source.slice(base, last),
    chars: p.chars.slice(start, end),
    from,
    to,
    spaceBefore,
    breakBefore,
    quoted: p.quoted.slice(start, end),
    bracketed: p.bracketed.slice(start, end),
    parenZone: p.parenZone.slice(start, end),
  };
}

/**
 * True when the char at `i` is a thousands separator: an ASCII `,` as written (not a full-width `，`),
 * between a digit and exactly three digits. `1,017亩` is one number; `1，017` is two clauses.
 */
export function isThousandsComma(p: ParsedText, i: number): boolean {
  const at = p.from[i];
  if (p.chars[i] !== ',' || at === undefined || p.source[at] !== ',') return false;
  const digit = (k: number): boolean => {
    const c = p.chars[k];
    return c !== undefined && c >= '0' && c <= '9';
  };
  return digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
}

/** True when the char at `i` is inside quotes or brackets. */
export function isProtected(p: ParsedText, i: number): boolean {
  return p.quoted[i] === true || p.bracketed[i] === true;
}

/** The original text of parse range `[start, end)` (empty when the range is empty). */
export function sourceSlice(p: ParsedText, start: number, end: number): string {
  if (end <= start) return '';
  const a = p.from[start];
  const b = p.to[end - 1];
  if (a === undefined || b === undefined) return '';
  return p.source.slice(a, b);
}

/**
 * The original text of a set of parse positions (ascending): consecutive positions are cut as one slice so
 * the original spacing inside them is kept; gaps (removed words) are simply skipped.
 */
export function sourceOfPositions(p: ParsedText, positions: readonly number[]): string {
  let out = '';
  let runStart = -1;
  let prev = -2;
  for (const pos of positions) {
    if (pos !== prev + 1) {
      if (runStart >= 0) out += sourceSlice(p, runStart, prev + 1);
      runStart = pos;
    }
    prev = pos;
  }
  if (runStart >= 0) out += sourceSlice(p, runStart, prev + 1);
  return out;
}

/**
 * The UTF-16 codes of single characters, for fast membership tests with `charCodeAt` (indexing a string
 * of Chinese text with `s[i]` allocates a new string each time).
 * @example codeSet(['。', ';']).has('。'.charCodeAt(0)) === true
 */
export function codeSet(chars: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const c of chars) if (c.length === 1) out.add(c.charCodeAt(0));
  return out;
}

/**
 * A pattern matching any of `words` literally (regex specials escaped), for one quick "could this text
 * contain any of them" test instead of one search per word.
 * @example anyWordPattern(['年内', '6月']).test('力争6月完成') === true
 * @example anyWordPattern(['(含', '年']).test('含') === false
 */
export function anyWordPattern(words: readonly string[]): RegExp {
  // Escape every regex special character: e.g. '(含' → '\(含'; '1.5' → '1\.5'; 'a|b' → 'a\|b'; '年内' unchanged.
  const escaped = words.filter((w) => w.length > 0).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.length > 0 ? escaped.join('|') : '(?!)', 'u');
}

/**
 * The longest word of `words` that starts at `i` in `text`, or null.
 * @example longestAt('以上。', 0, ['以', '以上']) === '以上'
 */
export function longestAt(text: string, i: number, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const w of words) {
    if (w.length > 0 && text.startsWith(w, i) && (best === null || w.length > best.length)) best = w;
  }
  return best;
}

/** The longest word of `words` that ends right before `i` in `text`, or null. */
export function longestEndingAt(text: string, i: number, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const w of words) {
    if (w.length > 0 && w.length <= i && text.startsWith(w, i - w.length)) {
      if (best === null || w.length > best.length) best = w;
    }
  }
  return best;
}
