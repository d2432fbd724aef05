/**
 * Look-up structures built once at module load from the vocabulary tables, so the breakdown's per-character
 * loops never try every word of a list at every position:
 * - {@link CodeSet}: membership of single UTF-16 characters, as a bit set (one array read per test);
 * - {@link WordIndex}: words (or vocabulary entries) indexed by their first and last character, answering
 *   "which word starts / ends here" with the same result as trying the whole list.
 */

/** Bits in a 65,536-character bit set: 2,048 words of 32 bits. */
const WORDS = 2048;

/** A set of single UTF-16 characters, tested by char code. */
export class CodeSet {
  private readonly bits = new Uint32Array(WORDS);

  constructor(chars: Iterable<string>) {
    for (const c of chars) if (c.length === 1) this.add(c.charCodeAt(0));
  }

  private add(code: number): void {
    const w = code >>> 5;
    this.bits[w] = (this.bits[w] ?? 0) | (1 << (code & 31));
  }

  /** True when the char code is in the set; false for NaN, negative or out-of-range codes. */
  has(code: number): boolean {
    // NaN and negatives never index a word below 2048 with their bit set: `NaN >>> 5` is 0 and `NaN & 31`
    // is 0, so NaN asks for U+0000, which no vocabulary set holds; a negative code shifts far out of range.
    return code >= 0 && (((this.bits[code >>> 5] ?? 0) >>> (code & 31)) & 1) === 1;
  }
}

/**
 * The UTF-16 codes of single characters, for fast membership tests with `charCodeAt` (indexing a string
 * of Chinese text with `s[i]` allocates a new string each time).
 * @example codeSet(['。', ';']).has('。'.charCodeAt(0)) === true
 */
export function codeSet(chars: Iterable<string>): CodeSet {
  return new CodeSet(chars);
}

const NONE: readonly never[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Entries of a vocabulary list indexed by the first and last character of their word. Every answer is the
 * one a scan of the whole list would give:
 * - {@link firstAt}: the first entry in list order whose word starts at `i` (`list.find(...)`);
 * - {@link longestAt}: the entry with the longest word starting at `i` (the earliest such entry in list order
 *   when a word is listed twice);
 * - {@link longestEndingAt}: the same for words ending right before `i`.
 * Empty words never match.
 */
export class WordIndex<T> {
  private readonly starts: CodeSet;
  private readonly ends: CodeSet;
  /** Entries by first char code, in list order. */
  private readonly inOrder = new Map<number, { word: string; entry: T }[]>();
  /** Entries by first char code, longest word first (stable: list order among equal lengths). */
  private readonly longestFirst = new Map<number, { word: string; entry: T }[]>();
  /** Entries by last char code, longest word first (stable). */
  private readonly longestLast = new Map<number, { word: string; entry: T }[]>();

  constructor(entries: readonly T[], wordOf: (entry: T) => string) {
    const items = entries.map((entry) => ({ word: wordOf(entry), entry })).filter((x) => x.word.length > 0);
    for (const item of items) push(this.inOrder, item.word.charCodeAt(0), item);
    const byLength = [...items].sort((a, b) => b.word.length - a.word.length);
    for (const item of byLength) {
      push(this.longestFirst, item.word.charCodeAt(0), item);
      push(this.longestLast, item.word.charCodeAt(item.word.length - 1), item);
    }
    this.starts = new CodeSet(items.map((x) => x.word.charAt(0)));
    this.ends = new CodeSet(items.map((x) => x.word.charAt(x.word.length - 1)));
  }

  /** True when some word starts with char code `code` (a cheap necessary condition for a match). */
  mayStartWith(code: number): boolean {
    return this.starts.has(code);
  }

  /** True when some word starts with the character at `i` (a cheap necessary condition for a match). */
  mayStartAt(text: string, i: number): boolean {
    return this.starts.has(text.charCodeAt(i));
  }

  /**
   * The entries whose word starts with the character at `i`, in list order (their whole word may still
   * differ from the text there): for callers that try several in turn.
   */
  candidatesAt(text: string, i: number): readonly { readonly word: string; readonly entry: T }[] {
    const code = text.charCodeAt(i);
    if (!this.starts.has(code)) return NONE;
    return this.inOrder.get(code) ?? NONE;
  }

  /** The first entry, in list order, whose word starts at `i` of `text`; null when none. */
  firstAt(text: string, i: number): T | null {
    const code = text.charCodeAt(i);
    if (!this.starts.has(code)) return null;
    for (const { word, entry } of this.inOrder.get(code) ?? []) if (text.startsWith(word, i)) return entry;
    return null;
  }

  /** The entry with the longest word starting at `i` of `text`; null when none. */
  longestAt(text: string, i: number): T | null {
    const code = text.charCodeAt(i);
    if (!this.starts.has(code)) return null;
    for (const { word, entry } of this.longestFirst.get(code) ?? [])
      if (text.startsWith(word, i)) return entry;
    return null;
  }

  /** The entry with the longest word ending right before `i` of `text`; null when none. */
  longestEndingAt(text: string, i: number): T | null {
    const code = text.charCodeAt(i - 1);
    if (!this.ends.has(code)) return null;
    for (const { word, entry } of this.longestLast.get(code) ?? []) {
      if (word.length <= i && text.startsWith(word, i - word.length)) return entry;
    }
    return null;
  }
}

/** A {@link WordIndex} over plain words. */
export function wordIndex(words: readonly string[]): WordIndex<string> {
  return new WordIndex(words, (w) => w);
}
