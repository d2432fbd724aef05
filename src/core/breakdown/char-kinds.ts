/**
 * The character sets the breakdown's per-character loops test, in one place: `parseText` records each
 * character's kinds in its flags (one number per character), so that a loop reads that number instead of
 * looking the character up in a set — and every parse records every kind, whichever module reads it.
 * The sets come from the vocabulary tables and from the rules of the modules named on each kind.
 */
import {
  CHINESE_MONTHS,
  HALF_YEAR_WORDS,
  LUNAR_FIRST_MONTH,
  LUNAR_HOLIDAYS,
  QUARTER_NUMBERS,
  SOLAR_HOLIDAYS,
  UNSUPPORTED_HOLIDAYS,
  YEAR_END_WORDS,
} from '../vocab/deadline-words.ts';
import { CHINESE_DIGITS, CHINESE_MULTIPLIERS } from '../vocab/chinese-numerals.ts';
import {
  KEEP_LEVEL_PHRASES,
  LIST_SEPARATOR_WORDS,
  RELATIVE_COMPARATORS,
} from '../vocab/indicator-kind-words.ts';
import { PERCENT_PREFIX } from '../vocab/measure-units.ts';
import { startsChineseNumeral } from './numbers.ts';

/** Quote pairs (after NFKC) — names live inside them: “四好农村路”, 《音画泰山》. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
};

/** Bracket pairs (after NFKC: `（` → `(`, `［` → `[`, `｛` → `{`) — asides: （含徂汶景区500亩）. */
export const BRACKET_PAIRS: Readonly<Record<string, string>> = {
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

/** Sentence boundaries after NFKC (`；` → `;`, `！` → `!`, `？` → `?`; `。` is unchanged) — split-subtasks. */
export const SENTENCE_BOUNDARIES: readonly string[] = ['。', ';', '!', '?', '｡'];

/** Characters after which a numbered item may start (besides boundaries) — split-subtasks. */
export const MARKER_AFTER: readonly string[] = [',', ':', '、'];

/** Clause separators after NFKC: comma, colon, semicolon and sentence marks — extract-indicators. */
export const CLAUSE_SEPARATORS: readonly string[] = [',', ':', ';', '。', '!', '?', '｡'];

/** Characters a deadline phrase can start with — deadlines. */
export const DEADLINE_STARTS: readonly string[] = [
  ...Array.from('0123456789“"第前'),
  ...YEAR_END_WORDS.map((w) => w[0] ?? ''),
  ...HALF_YEAR_WORDS.map((w) => w.word[0] ?? ''),
  ...SOLAR_HOLIDAYS.map((w) => w.word[0] ?? ''),
  ...LUNAR_HOLIDAYS.map((w) => w.word[0] ?? ''),
  ...UNSUPPORTED_HOLIDAYS.map((w) => w[0] ?? ''),
  ...Object.keys(CHINESE_MONTHS).map((w) => w[0] ?? ''),
  ...Object.keys(QUARTER_NUMBERS),
  LUNAR_FIRST_MONTH[0] ?? '',
];

/** Characters a quantity's number can start with (digits, Chinese numerals, 百 of 百分之) — quantities. */
export const NUMBER_STARTS: readonly string[] = [
  ...Array.from('0123456789'),
  PERCENT_PREFIX[0] ?? '',
  ...Object.keys(CHINESE_DIGITS),
  ...Object.keys(CHINESE_MULTIPLIERS).filter((c) => startsChineseNumeral(c)),
];

/** Characters a list separator word starts with (`、`, `和`, `以及` …) — extract-indicators. */
export const LIST_SEPARATOR_STARTS: readonly string[] = LIST_SEPARATOR_WORDS.map((w) => w.charAt(0));

/** Characters a keep-level or relative phrase starts with — extract-indicators. */
export const PHRASE_STARTS: readonly string[] = [
  ...KEEP_LEVEL_PHRASES,
  ...RELATIVE_COMPARATORS.map((r) => r.word),
].map((w) => w.charAt(0));

/** Kind bits (from bit 8 up: the lower bits of a parse's flags say where the character stands). */
export const KIND = {
  /** Opens or closes a quote or bracket pair. */
  pair: 1 << 8,
  /** A sentence boundary. */
  boundary: 1 << 9,
  /** A character after which a numbered item may start. */
  markerPrev: 1 << 10,
  /** A character a deadline phrase can start with. */
  deadlineStart: 1 << 11,
  /** A character a quantity's number can start with. */
  numberStart: 1 << 12,
  /** A clause separator. */
  clauseSeparator: 1 << 13,
  /** A character a list separator word can start with. */
  listSeparator: 1 << 14,
  /** A character a keep-level or relative phrase can start with. */
  phraseStart: 1 << 15,
  /** A circled or parenthesised item number ({@link isItemNumberChar}). */
  itemNumber: 1 << 16,
} as const;

/** The kinds of each UTF-16 character. */
export const KIND_OF = new Uint32Array(0x10000);

function mark(kind: number, chars: Iterable<string>): void {
  for (const c of chars)
    if (c.length === 1) KIND_OF[c.charCodeAt(0)] = (KIND_OF[c.charCodeAt(0)] ?? 0) | kind;
}

mark(KIND.pair, [
  ...Object.keys(QUOTE_PAIRS),
  ...Object.values(QUOTE_PAIRS),
  ...Object.keys(BRACKET_PAIRS),
  ...Object.values(BRACKET_PAIRS),
  '"',
]);
mark(KIND.boundary, SENTENCE_BOUNDARIES);
mark(KIND.markerPrev, [...SENTENCE_BOUNDARIES, ...MARKER_AFTER]);
mark(KIND.deadlineStart, DEADLINE_STARTS);
mark(KIND.numberStart, NUMBER_STARTS);
mark(KIND.clauseSeparator, CLAUSE_SEPARATORS);
mark(KIND.listSeparator, LIST_SEPARATOR_STARTS);
mark(KIND.phraseStart, PHRASE_STARTS);
for (let c = 0x2460; c <= 0x2793; c++)
  if (isItemNumberChar(c)) mark(KIND.itemNumber, [String.fromCharCode(c)]);
