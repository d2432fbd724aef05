/**
 * A parsing view of a target text: NFKC-normalised characters with whitespace removed, each mapped back to
 * its span in the original, plus which characters sit inside quotes or brackets. Every stage of the
 * breakdown matches on this view and cuts its results out of the original text, so nothing the user wrote
 * is lost or re-spelled.
 *
 * The view is built for speed (10,000-row tables): per-character facts — where the character stands and
 * its kinds (char-kinds.ts) — live as bit flags in typed arrays shared by a text and all its sub-views (and
 * cut from blocks shared by many texts), read through the methods of ParsedText; the source offset of a
 * character is stored only when it differs from its parse position.
 */
import { nfkc } from '../text/normalize.ts';
import { BRACKET_PAIRS, isItemNumberChar, KIND, KIND_OF, QUOTE_PAIRS } from './char-kinds.ts';
import { CodeSet, codeSet } from './word-index.ts';

export { CodeSet, codeSet };

/** Flag: whitespace was removed right before the char. */
export const SPACE_BEFORE = 1;
/** Flag: that whitespace contained a line break. */
export const BREAK_BEFORE = 2;
/** Flag: inside a matched pair of quotes (`“…”`, `《…》` …); the quote marks themselves are not. */
export const QUOTED = 4;
/** Flag: inside a matched pair of brackets (`（…）`, `【…】` …); the brackets themselves are not. */
export const BRACKETED = 8;
/** Flag: inside round brackets, brackets included: asides trimmed from metric phrases. */
export const PAREN_ZONE = 16;
/** Flags meaning "inside quotes or brackets". */
export const PROTECTED = QUOTED | BRACKETED;

// The character kinds live in char-kinds.ts; the flags of a parse carry them (see ParsedText.flags).
export { isItemNumberChar, KIND };

// Whitespace of any kind, including the ideographic space and zero-width marks.
// e.g. ' ' ✓, '\u3000' ✓, '\n' ✓, '\u200B' ✓, 'a' ✗
const WHITESPACE = /[\s\u3000\u200B-\u200D\uFEFF]/u;

function isLineBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029;
}

// What a single UTF-16 character (outside a surrogate pair) becomes in the parse, worked out on first sight
// and kept: the same few hundred characters recur in every cell. Deterministic, so the table changes speed
// only. 0 = not classified yet.
const CLASS_STABLE = 1; // kept as written: NFKC leaves it alone (ASCII, CJK …) or an item number we keep
const CLASS_SPACE = 2; // whitespace: removed
const CLASS_BREAK = 3; // whitespace with a line break: removed
const CLASS_MAPPED = 4; // replaced by its NFKC form (see NFKC_OF)
const CHAR_CLASS = new Uint8Array(0x10000);
// NFKC of CLASS_MAPPED characters, with the whitespace NFKC itself may produce (e.g. '¨' → ' ̈') removed.
const NFKC_OF = new Map<number, string>();

function dropWhitespace(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const unit = text[k] ?? '';
    if (!WHITESPACE.test(unit)) out += unit;
  }
  return out;
}

function classify(code: number): number {
  let cls: number;
  if (code < 0x80) {
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) cls = isLineBreak(code) ? CLASS_BREAK : CLASS_SPACE;
    else cls = CLASS_STABLE; // NFKC leaves every ASCII character alone
  } else if (code >= 0x4e00 && code <= 0x9fff) {
    cls = CLASS_STABLE; // CJK unified ideographs
  } else if (code >= 0xd800 && code <= 0xdfff) {
    // Half of a surrogate pair: never taken as written in a run, so that a pair is always seen whole.
    // Alone (a lone surrogate), it is its own NFKC.
    cls = CLASS_MAPPED;
    NFKC_OF.set(code, String.fromCharCode(code));
  } else {
    const ch = String.fromCharCode(code);
    if (WHITESPACE.test(ch)) cls = isLineBreak(code) ? CLASS_BREAK : CLASS_SPACE;
    else if (isItemNumberChar(code)) cls = CLASS_STABLE;
    else {
      const n = nfkc(ch);
      if (n === ch) cls = CLASS_STABLE;
      else {
        cls = CLASS_MAPPED;
        NFKC_OF.set(code, dropWhitespace(n));
      }
    }
  }
  CHAR_CLASS[code] = cls;
  return cls;
}

// NFKC of astral characters (surrogate pairs), memoised like the table above.
const NFKC_ASTRAL = new Map<string, string>();

function normaliseAstral(ch: string): string {
  let n = NFKC_ASTRAL.get(ch);
  if (n === undefined) {
    n = dropWhitespace(nfkc(ch));
    if (NFKC_ASTRAL.size < 8192) NFKC_ASTRAL.set(ch, n);
  }
  return n;
}

// The flags and offsets of parses are written into shared blocks, each parse into its own region: one
// allocation per many cells instead of one per cell. A block lives as long as a parse written into it; no
// region is ever written twice. A long text gets arrays of its own.
const BLOCK = 1 << 16;
let flagBlock = new Uint32Array(BLOCK);
let flagUsed = 0;
let offsetBlock = new Int32Array(BLOCK);
let offsetUsed = 0;
// Scratch for pairing quotes and brackets; nothing outlives a call.
// Parse positions of the quote and bracket characters (KIND.pair) of the text being parsed, in order.
let pairAt = new Int32Array(256);
let pairCount = 0;
const PAIR = KIND.pair;
let scratchQuote = new Int32Array(1024);
let scratchBracket = new Int32Array(1024);

// Where the parse being built writes (module state, valid during one parseText call only).
let flagsBuf = flagBlock;
let flagStart = 0;
let flagCap = 0;
let offsetsBuf = offsetBlock;
let offsetStart = 0;

/** Note a quote or bracket character at parse position `pos` of the text being parsed. */
function notePair(pos: number): void {
  if (pairCount === pairAt.length) {
    const grown = new Int32Array(pairAt.length * 2);
    grown.set(pairAt);
    pairAt = grown;
  }
  pairAt[pairCount++] = pos;
}

/** Reserve `need` flags for the parse being built. */
function reserveFlags(need: number): void {
  if (need > BLOCK / 4) {
    flagsBuf = new Uint32Array(need);
    flagStart = 0;
  } else {
    if (flagUsed + need > BLOCK) {
      flagBlock = new Uint32Array(BLOCK);
      flagUsed = 0;
    }
    flagsBuf = flagBlock;
    flagStart = flagUsed;
  }
  flagCap = need;
}

/** Reserve `need` offsets for the parse being built, the first `len` being the identity (k → k). */
function reserveOffsets(need: number, len: number): void {
  if (need > BLOCK / 4) {
    offsetsBuf = new Int32Array(need);
    offsetStart = 0;
  } else {
    if (offsetUsed + need > BLOCK) {
      offsetBlock = new Int32Array(BLOCK);
      offsetUsed = 0;
    }
    offsetsBuf = offsetBlock;
    offsetStart = offsetUsed;
  }
  for (let k = 0; k < len; k++) offsetsBuf[offsetStart + k] = k;
}

/** The parse being built outgrew its reservation (NFKC expanded it): move it to arrays of its own. */
function growTo(need: number, len: number, identity: boolean): void {
  const flags = new Uint32Array(need);
  for (let k = 0; k < len; k++) flags[k] = flagsBuf[flagStart + k] ?? 0;
  flagsBuf = flags;
  flagStart = 0;
  flagCap = need;
  if (!identity) {
    const offsets = new Int32Array(need);
    for (let k = 0; k < len; k++) offsets[k] = offsetsBuf[offsetStart + k] ?? 0;
    offsetsBuf = offsets;
    offsetStart = 0;
  }
}

/**
 * Build the parsing view of a text.
 * @example parseText('增长８％\u3000以上').chars === '增长8%以上' (full-width digits, ideographic space)
 */
export function parseText(source: string): ParsedText {
  const n = source.length;
  // NFKC expands a character to at most 18 (U+FDFA); the reservation grows when a text comes close.
  reserveFlags(n + 32);
  // The buffers as locals (re-read after growing): module bindings are reloaded on every use.
  let flags = flagsBuf;
  let fs = flagStart;
  let offsets = offsetsBuf;
  let os = 0;
  let out = '';
  let len = 0; // length of the parse so far
  // While true, parse position k came from source offset k and no offsets are written.
  let identity = true;
  // Runs of characters kept as written are copied with one slice (no per-character strings).
  let runStart = -1;
  let pending = 0; // SPACE_BEFORE / BREAK_BEFORE for the next char
  let hasSpace = false;
  pairCount = 0;
  for (let i = 0; i < n;) {
    const code = source.charCodeAt(i);
    let cls = CHAR_CLASS[code] ?? 0;
    if (cls === CLASS_STABLE) {
      if (runStart < 0) runStart = i;
      if (identity && len !== i) {
        identity = false;
        reserveOffsets(flagCap, len);
        offsets = offsetsBuf;
        os = offsetStart;
      }
      if (!identity) offsets[os + len] = i;
      const kind = KIND_OF[code] ?? 0;
      flags[fs + len] = pending | kind;
      if ((kind & PAIR) !== 0) notePair(len);
      pending = 0;
      len++;
      i++;
      // The rest of the run in a tight loop: kept characters, nothing pending, offsets only when needed.
      if (identity) {
        for (; i < n; i++) {
          const c = source.charCodeAt(i);
          if (CHAR_CLASS[c] !== CLASS_STABLE) break;
          const k = KIND_OF[c] ?? 0;
          flags[fs + i] = k;
          if ((k & PAIR) !== 0) notePair(i);
        }
        len = i;
      } else {
        for (; i < n; i++) {
          const c = source.charCodeAt(i);
          if (CHAR_CLASS[c] !== CLASS_STABLE) break;
          offsets[os + len] = i;
          const k = KIND_OF[c] ?? 0;
          flags[fs + len] = k;
          if ((k & PAIR) !== 0) notePair(len);
          len++;
        }
      }
      continue;
    }
    if (runStart >= 0) out += source.slice(runStart, i);
    runStart = -1;
    let norm: string;
    let width = 1; // source code units of this character
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && isLowSurrogate(source.charCodeAt(i + 1))) {
      // An astral character: never whitespace, never kept as written.
      norm = normaliseAstral(source.slice(i, i + 2));
      width = 2;
    } else {
      if (cls === 0) {
        cls = classify(code);
        if (cls === CLASS_STABLE) continue; // now classified: read again as a kept character
      }
      if (cls === CLASS_SPACE || cls === CLASS_BREAK) {
        pending |= cls === CLASS_BREAK ? SPACE_BEFORE | BREAK_BEFORE : SPACE_BEFORE;
        hasSpace = true;
        i++;
        continue;
      }
      norm = NFKC_OF.get(code) ?? '';
    }
    if (norm.length > 0) {
      if (identity && (len !== i || norm.length !== 1 || width !== 1)) {
        identity = false;
        reserveOffsets(flagCap, len);
        offsets = offsetsBuf;
        os = offsetStart;
      }
      // Room for this char's expansion and for every char left at one each (kept chars do not check).
      if (len + norm.length + n - i > flagCap) {
        growTo(Math.max(2 * flagCap, len + norm.length + n - i + 32), len, identity);
        flags = flagsBuf;
        fs = flagStart;
        offsets = offsetsBuf;
        os = offsetStart;
      }
      out += norm;
      for (let k = 0; k < norm.length; k++) {
        if (!identity) offsets[os + len] = i;
        const kind = KIND_OF[norm.charCodeAt(k)] ?? 0;
        flags[fs + len] = (k === 0 ? pending : 0) | kind;
        if ((kind & PAIR) !== 0) notePair(len);
        len++;
      }
      pending = 0;
    }
    i += width;
  }
  if (runStart >= 0) out += source.slice(runStart, n);
  const hasParen = markPairs(out, flags, fs);
  // Keep the regions written (the latest reservations of their blocks) and release the rest.
  if (flags === flagBlock) flagUsed = fs + len;
  if (!identity && offsets === offsetBlock) offsetUsed = os + len;
  return new ParsedText(
    source,
    out,
    0,
    identity ? null : offsets,
    identity ? 0 : os,
    flags,
    fs,
    false,
    hasParen,
    hasSpace,
  );
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const OPENERS = new Map<number, { closer: number; quote: boolean }>([
  ...Object.entries(QUOTE_PAIRS).map(
    ([o, c]) => [o.charCodeAt(0), { closer: c.charCodeAt(0), quote: true }] as const,
  ),
  ...Object.entries(BRACKET_PAIRS).map(
    ([o, c]) => [o.charCodeAt(0), { closer: c.charCodeAt(0), quote: false }] as const,
  ),
  ['"'.charCodeAt(0), { closer: '"'.charCodeAt(0), quote: true }],
]);
const CLOSE_PAREN = ')'.charCodeAt(0);
// Positions of the openers not closed yet (a stack), and the closer each waits for.
let openAt = new Int32Array(64);
let openCloser = new Int32Array(64);

// Pair quotes and brackets with a stack, setting QUOTED, BRACKETED and PAREN_ZONE in `flags`. A closer that
// matches a deeper opener closes it (the openers above it stay unmatched); a closer with no opener, and
// openers never closed, are ordinary characters — so one stray `“` cannot swallow the rest of a cell.
// Returns whether any PAREN_ZONE was set.
function markPairs(text: string, flags: Uint32Array, start: number): boolean {
  const n = text.length;
  let depth = 0; // stack size
  let paired = false;
  let hasParen = false;
  // Inside quotes or brackets can only be what lies between the first opener paired and the last closer.
  let lo = 0;
  let hi = 0;
  // Only the quote and bracket characters noted while parsing (every char whose flags have KIND.pair).
  for (let j = 0; j < pairCount; j++) {
    const i = pairAt[j] ?? 0;
    const c = text.charCodeAt(i);
    let d = depth - 1;
    while (d >= 0 && openCloser[d] !== c) d--;
    if (d >= 0) {
      const index = openAt[d] ?? 0;
      depth = d;
      const quote = OPENERS.get(text.charCodeAt(index))?.quote === true;
      if (!paired) {
        // The scratch arrays are all zeros between calls (the range used is cleared below).
        if (scratchQuote.length < n + 1) {
          scratchQuote = new Int32Array(Math.max(n + 1, scratchQuote.length * 2));
          scratchBracket = new Int32Array(scratchQuote.length);
        }
        paired = true;
        lo = index + 1;
      }
      if (index + 1 < lo) lo = index + 1;
      hi = i; // closers come in order: the last one paired is the furthest
      const delta = quote ? scratchQuote : scratchBracket;
      delta[index + 1] = (delta[index + 1] ?? 0) + 1;
      delta[i] = (delta[i] ?? 0) - 1;
      if (c === CLOSE_PAREN) {
        for (let k = start + index; k <= start + i; k++) flags[k] = (flags[k] ?? 0) | PAREN_ZONE;
        hasParen = true;
      }
      continue;
    }
    const opener = OPENERS.get(c);
    if (opener) {
      if (depth === openAt.length) {
        const at = new Int32Array(depth * 2);
        at.set(openAt);
        openAt = at;
        const closer = new Int32Array(depth * 2);
        closer.set(openCloser);
        openCloser = closer;
      }
      openAt[depth] = i;
      openCloser[depth] = opener.closer;
      depth++;
    }
  }
  if (!paired) return hasParen;
  const quoteDelta = scratchQuote;
  const bracketDelta = scratchBracket;
  let q = 0;
  let b = 0;
  for (let i = lo; i < hi; i++) {
    q += quoteDelta[i] ?? 0;
    b += bracketDelta[i] ?? 0;
    if (q > 0) flags[start + i] = (flags[start + i] ?? 0) | QUOTED;
    if (b > 0) flags[start + i] = (flags[start + i] ?? 0) | BRACKETED;
  }
  // Every delta written lies in [lo, hi]: clear them for the next text.
  quoteDelta.fill(0, lo, hi + 1);
  bracketDelta.fill(0, lo, hi + 1);
  return hasParen;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The parsing view of one text, or of a range of it ({@link ParsedText.subView}). Indexes are UTF-16
 * positions in `chars`; per-character facts are read with the methods ({@link ParsedText.flagsAt},
 * {@link ParsedText.isProtected}, {@link ParsedText.fromOf} …), which know where the view's characters sit
 * in the shared arrays.
 */
export class ParsedText {
  /** The whole text as given (for a sub-view too: offsets below are offsets in it). */
  readonly source: string;
  /** NFKC, whitespace removed; circled item numbers (`①`, `⑴`, `⒈`) kept as written. */
  readonly chars: string;
  /** Position of `chars[0]` in the whole text's parse (0 unless this is a sub-view). */
  readonly base: number;
  /**
   * Start offset in `source` of each char of the whole parse, from index `offsetStart` on (a block shared
   * with other parses), or null when every char k starts at offset k (no whitespace removed, nothing
   * expanded by NFKC — the usual Chinese target).
   */
  readonly offsets: Int32Array | null;
  readonly offsetStart: number;
  /**
   * Bit flags ({@link SPACE_BEFORE} …) and kinds ({@link KIND}) of each char of the whole parse, from index
   * `flagStart` on (a block shared with other parses).
   */
  readonly flags: Uint32Array;
  readonly flagStart: number;
  /** True for a sub-view: its first char has no space or break before it. */
  readonly view: boolean;
  /** True when some char of the whole parse is in a {@link PAREN_ZONE}. */
  readonly hasParen: boolean;
  /** True when whitespace was removed somewhere in the whole text. */
  readonly hasSpace: boolean;
  /**
   * The original text of the whole view, once worked out (see {@link ParsedText.sourceSlice}): a sentence
   * read as its own metric and text then yields one string for both, not a slice each.
   */
  private viewSource: string | null = null;

  constructor(
    source: string,
    chars: string,
    base: number,
    offsets: Int32Array | null,
    offsetStart: number,
    flags: Uint32Array,
    flagStart: number,
    view: boolean,
    hasParen: boolean,
    hasSpace: boolean,
  ) {
    this.source = source;
    this.chars = chars;
    this.base = base;
    this.offsets = offsets;
    this.offsetStart = offsetStart;
    this.flags = flags;
    this.flagStart = flagStart;
    this.view = view;
    this.hasParen = hasParen;
    this.hasSpace = hasSpace;
  }

  /**
   * The view of parse range `[start, end)`, as if that slice of the source had been parsed on its own (the
   * quote and bracket marks are those of the whole text, which never pairs across the ranges the splitter
   * produces). Lets a cell be parsed once and read piece by piece; nothing is copied but the characters.
   * `source`, when given, must be the original text of that range (`sourceSlice` of it on this parse), as
   * the caller already cut it: the view then hands out that very string for its whole text.
   */
  subView(start: number, end: number, source?: string): ParsedText {
    const view = new ParsedText(
      this.source,
      this.chars.slice(start, end),
      this.base + start,
      this.offsets,
      this.offsetStart,
      this.flags,
      this.flagStart,
      true,
      this.hasParen,
      this.hasSpace,
    );
    if (source !== undefined) view.viewSource = source;
    return view;
  }

  /** The flags and kinds of the char at `i` (0 outside the view). */
  flagsAt(i: number): number {
    if (!(i >= 0 && i < this.chars.length)) return 0;
    const f = this.flags[this.flagStart + this.base + i] ?? 0;
    // A view's first char has nothing before it.
    return i === 0 && this.view ? f & ~(SPACE_BEFORE | BREAK_BEFORE) : f;
  }

  /**
   * The flags of the char at `i`, which must lie in the view, as stored: for per-character loops testing
   * kinds or quote and bracket flags (a view's first char still shows the space before it here).
   */
  storedFlagsAt(i: number): number {
    return this.flags[this.flagStart + this.base + i] ?? 0;
  }

  /** True when the char at `i` has `kind` (a {@link KIND} bit): no character look-up. */
  hasKind(i: number, kind: number): boolean {
    return (this.flagsAt(i) & kind) !== 0;
  }

  /** True where whitespace was removed right before the char at `i`. */
  hasSpaceBefore(i: number): boolean {
    return (this.flagsAt(i) & SPACE_BEFORE) !== 0;
  }

  /** True where whitespace containing a line break was removed right before the char at `i`. */
  hasBreakBefore(i: number): boolean {
    return (this.flagsAt(i) & BREAK_BEFORE) !== 0;
  }

  /** True when the char at `i` is inside quotes. */
  isQuoted(i: number): boolean {
    return (this.flagsAt(i) & QUOTED) !== 0;
  }

  /** True when the char at `i` is inside quotes or brackets. */
  isProtected(i: number): boolean {
    return (this.flagsAt(i) & PROTECTED) !== 0;
  }

  /** True when the char at `i` is inside round brackets, the brackets included. */
  inParenZone(i: number): boolean {
    return (this.flagsAt(i) & PAREN_ZONE) !== 0;
  }

  /** Start offset in `source` of the char at `i`, or -1 outside the view. */
  fromOf(i: number): number {
    if (!(i >= 0 && i < this.chars.length)) return -1;
    const k = this.base + i;
    return this.offsets === null ? k : (this.offsets[this.offsetStart + k] ?? -1);
  }

  /** End offset (exclusive) in `source` of the char at `i`, or -1 outside the view. */
  toOf(i: number): number {
    const from = this.fromOf(i);
    if (from < 0) return -1;
    // Each char came from one code point of the source: one UTF-16 unit, or two for a surrogate pair.
    const c = this.source.charCodeAt(from);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.source.charCodeAt(from + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return from + 2;
    }
    return from + 1;
  }

  /**
   * True when the char at `i` is a thousands separator: an ASCII `,` as written (not a full-width `，`),
   * between a digit and exactly three digits. `1,017亩` is one number; `1，017` is two clauses.
   */
  isThousandsComma(i: number): boolean {
    const s = this.chars;
    if (s.charCodeAt(i) !== 0x2c) return false;
    const at = this.fromOf(i);
    if (at < 0 || this.source.charCodeAt(at) !== 0x2c) return false;
    return (
      isDigitCode(s.charCodeAt(i - 1)) &&
      isDigitCode(s.charCodeAt(i + 1)) &&
      isDigitCode(s.charCodeAt(i + 2)) &&
      isDigitCode(s.charCodeAt(i + 3)) &&
      !isDigitCode(s.charCodeAt(i + 4))
    );
  }

  /** The original text of parse range `[start, end)` (empty when the range is empty). */
  sourceSlice(start: number, end: number): string {
    if (end <= start) return '';
    if (start === 0 && end === this.chars.length) {
      this.viewSource ??= this.sliceOfSource(start, end);
      return this.viewSource;
    }
    return this.sliceOfSource(start, end);
  }

  private sliceOfSource(start: number, end: number): string {
    const a = this.fromOf(start);
    const b = this.toOf(end - 1);
    if (a < 0 || b < 0) return '';
    return this.source.slice(a, b);
  }

  /**
   * The original text of the parse positions `positions[from .. to)` (ascending; `to` -1 for all):
   * consecutive positions are cut as one slice so the original spacing inside them is kept; gaps (removed
   * words) are simply skipped.
   */
  sourceOfPositions(positions: ArrayLike<number>, from = 0, to = -1): string {
    const end = to < 0 ? positions.length : to;
    let out = '';
    let runStart = -1;
    let prev = -2;
    for (let k = from; k < end; k++) {
      const pos = positions[k] ?? -1;
      if (pos !== prev + 1) {
        if (runStart >= 0) out += this.sourceSlice(runStart, prev + 1);
        runStart = pos;
      }
      prev = pos;
    }
    if (runStart >= 0) out += this.sourceSlice(runStart, prev + 1);
    return out;
  }
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
