/**
 * Splitting a target cell into sub-task texts.
 *
 * Rules (the golden files in `test/golden/seed-rows/` follow them):
 * - A sub-task ends at `。`, `；`/`;`, `！`/`!`, `？`/`?` — never inside quotes or brackets
 *   (`“…；…”`, `（…。…）`).
 * - Numbered items start a new sub-task: `1.` `1、` `1)` `（1）` `①` `⑴` `⒈` `一、` `（一）` and `一是…，二是…`,
 *   when they stand at the start of the text or after a boundary, a comma or colon, or whitespace. The
 *   number itself is not part of the sub-task text.
 * - Commas do NOT split: `实施重点建设项目120个以上，完成投资200亿元以上` is one sub-task with two
 *   indicators. A sentence is what a unit reports on; its clauses are read as indicators.
 * - A line break splits too, unless it clearly wraps a sentence: the line before ends with a digit, `、`, a
 *   comma or an opening bracket, or the next line starts with closing punctuation or `%`.
 * - Each sub-task text is the original text, trimmed of whitespace and of the punctuation around it.
 *   Empty pieces are dropped.
 * - A piece that repeats an earlier one — the same text, or only clauses (comma-separated parts) that all
 *   occur in one earlier piece, like the seed's `落实项目推进4项机制，强化项目协调、要素保障、全程服务` — is
 *   returned with `duplicateOf` set, so the caller reports it once and gives it no sub-task.
 */
import { ENUMERATION_SUFFIXES } from '../vocab/chinese-numerals.ts';
import {
  BREAK_BEFORE,
  codeSet,
  isItemNumberChar,
  KIND,
  parseText,
  PROTECTED,
  SPACE_BEFORE,
  type ParsedText,
} from './parse-text.ts';

/** One piece of a target text. */
export interface SubtaskText {
  /** The piece as written (trimmed, without boundary punctuation or item number). */
  readonly text: string;
  /** Offset of `text` in the input: `input.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  /** Index in the returned array of the earlier piece this one repeats, or null for a kept piece. */
  readonly duplicateOf: number | null;
}

/** A piece as a range of parse positions, before duplicate detection. */
export interface PieceRange {
  readonly start: number;
  readonly end: number;
}

// Sentence boundaries (`KIND.boundary`) and the characters after which a numbered item may start
// (`KIND.markerPrev`) are listed in char-kinds.ts: the parse marks them.
// Punctuation trimmed from both ends of a piece.
const EDGE_PUNCTUATION = codeSet([',', '、', ':', ';', '。', '!', '?', '.', '｡', '…']);

// Numbered-item markers, tried at a marker position (NFKC applied, circled numbers kept as written); the
// last alternative is a Chinese ordinal followed by an enumeration word (是, from the vocabulary).
// e.g. '1.加快' → '1.'; '2、推进' → '2、'; '(3)完成' → '(3)'; '①建设' → '①'; '(一)深化' → '(一)';
// '一、加快' → '一、'; '二是推进' → '二是'; but '1.5亿元' ✗ (a decimal), '12345.' ✗ (too long)
const ITEM_MARKER = new RegExp(
  String.raw`(?:\d{1,2}[.、)](?!\d)|\(\d{1,2}\)|[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]{1,2}(?:` +
    ENUMERATION_SUFFIXES.join('|') +
    '))',
  'y',
);
// The characters an item marker can start with (besides circled numbers): the pattern is run only there.
const MARKER_START = codeSet(Array.from('0123456789(一二三四五六七八九十'));

/** True when an item marker may start with char code `c` (a cheap necessary condition). */
export function mayStartMarker(c: number): boolean {
  return MARKER_START.has(c) || isItemNumberChar(c);
}

function markerLengthAt(chars: string, i: number): number {
  if (!mayStartMarker(chars.charCodeAt(i))) return 0;
  ITEM_MARKER.lastIndex = i;
  const m = ITEM_MARKER.exec(chars);
  return m ? m[0].length : 0;
}

/**
 * The length of an item marker written at `i` of `chars`, wherever it stands, or 0.
 * @example itemMarkerLength('二是推进', 0) === 2; itemMarkerLength('(3)完成', 0) === 3; itemMarkerLength('推进', 0) === 0
 */
export function itemMarkerLength(chars: string, i: number): number {
  return markerLengthAt(chars, i);
}

/** The length of an item marker at `i`, or 0. */
function markerAt(p: ParsedText, i: number): number {
  if (p.isProtected(i)) return 0;
  // Circled and parenthesised numbers (①, ⑴, ⒈) are item numbers wherever they stand: ①建设A②完成B.
  if (isItemNumberChar(p.chars.charCodeAt(i))) return 1;
  const atPosition = i === 0 || p.hasKind(i - 1, KIND.markerPrev) || p.hasSpaceBefore(i);
  if (!atPosition) return 0;
  // `统一是…` never gets here: the char before `一是` must be a boundary, comma, colon or space.
  return markerLengthAt(p.chars, i);
}

// A line break wraps a sentence (is not a boundary) when the line before ends with one of these…
const WRAP_BEFORE = codeSet([',', '、', ':', '(', '“', '‘', '「', '《', '[', '【']);
// …or the next line starts with one of these.
const WRAP_AFTER = codeSet([',', '。', ';', '、', ')', '”', '’', '」', '》', ']', '】', '%', ':', '!', '?']);

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True when a line break before position `i` ends a piece. */
function breakSplits(p: ParsedText, i: number): boolean {
  if (!p.hasBreakBefore(i) || i === 0 || p.isProtected(i)) return false;
  const prev = p.chars.charCodeAt(i - 1);
  const next = p.chars.charCodeAt(i);
  if (isDigitCode(prev) || WRAP_BEFORE.has(prev) || WRAP_AFTER.has(next)) return false;
  return true;
}

/** Trim edge punctuation off `[start, end)` and add the range to `out` unless it is empty. */
function pushTrimmed(out: PieceRange[], p: ParsedText, start: number, end: number): void {
  let a = start;
  let b = end;
  while (a < b && EDGE_PUNCTUATION.has(p.chars.charCodeAt(a))) a++;
  while (b > a && EDGE_PUNCTUATION.has(p.chars.charCodeAt(b - 1))) b--;
  if (a < b) out.push({ start: a, end: b });
}

/** Split a parsed text into piece ranges (parse positions), in order, without duplicate detection. */
export function splitRanges(p: ParsedText): PieceRange[] {
  const out: PieceRange[] = [];
  const n = p.chars.length;
  let start = 0;
  // Positions where something may happen: a line break, a space or item number (a marker may start), a
  // sentence boundary; or a character after which a marker may start. Everywhere else: move on.
  const here = BREAK_BEFORE | SPACE_BEFORE | KIND.itemNumber | KIND.boundary;
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view; the first: flagsAt)
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Move on to the next position where something may happen, carrying the flags of the char before.
      let before = flags[at0 + i - 1] ?? 0;
      let at = flags[at0 + i] ?? 0;
      while ((at & here) === 0 && (before & KIND.markerPrev) === 0 && ++i < n) {
        before = at;
        at = flags[at0 + i] ?? 0;
      }
      if (i >= n) break;
    }
    const f = i === 0 ? p.flagsAt(0) : (flags[at0 + i] ?? 0);
    const afterMarkerPrev = i > 0 && ((flags[at0 + i - 1] ?? 0) & KIND.markerPrev) !== 0;
    if ((f & BREAK_BEFORE) !== 0 && breakSplits(p, i)) {
      pushTrimmed(out, p, start, i);
      start = i;
    }
    // Only a few positions can hold an item marker; test them before running the marker pattern.
    const maybeMarker = i === 0 || (f & SPACE_BEFORE) !== 0 || afterMarkerPrev || (f & KIND.itemNumber) !== 0;
    const marker = maybeMarker ? markerAt(p, i) : 0;
    if (marker > 0) {
      pushTrimmed(out, p, start, i);
      start = i + marker;
      i += marker - 1;
      continue;
    }
    if ((f & KIND.boundary) !== 0 && (f & PROTECTED) === 0) {
      pushTrimmed(out, p, start, i);
      start = i + 1;
    }
  }
  pushTrimmed(out, p, start, n);
  return out;
}

/** Clause keys of a piece: its comma-separated parts outside quotes and brackets, as written (NFKC, no spaces). */
function clauseKeys(p: ParsedText, r: PieceRange): string[] {
  const keys: string[] = [];
  let a = r.start;
  for (let i = r.start; i <= r.end; i++) {
    const atComma = i < r.end && p.chars.charCodeAt(i) === 0x2c && (p.storedFlagsAt(i) & PROTECTED) === 0; // ','
    if (i === r.end || atComma) {
      const key = p.chars.slice(a, i);
      if (key.length > 0) keys.push(key);
      a = i + 1;
    }
  }
  return keys;
}

/** True when `s.slice(a, aEnd)` equals `s.slice(b, bEnd)`, compared in place. */
function sameText(s: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

/** Up to this many pieces, repeats are found by comparing pieces pairwise (no keys, no maps). */
const PAIRWISE_MAX = 24;

// Clause bounds of the pieces of one cell, flat: piece j's clauses are pairs in
// `clauseBuffer[clauseFrom[j] .. clauseFrom[j + 1])`. Reused from cell to cell; nothing outlives a call.
let clauseBuffer = new Int32Array(256);
const clauseFrom = new Int32Array(PAIRWISE_MAX + 1);

/** True when the clause `[start, end)` equals one of piece `i`'s clauses. */
function pieceHasClause(s: string, i: number, start: number, end: number): boolean {
  for (let k = clauseFrom[i] ?? 0; k < (clauseFrom[i + 1] ?? 0); k += 2) {
    if (sameText(s, clauseBuffer[k] ?? 0, clauseBuffer[k + 1] ?? 0, start, end)) return true;
  }
  return false;
}

/** True when every clause of piece `j` is also a clause of piece `i`. */
function clausesContained(s: string, j: number, i: number): boolean {
  for (let k = clauseFrom[j] ?? 0; k < (clauseFrom[j + 1] ?? 0); k += 2) {
    if (!pieceHasClause(s, i, clauseBuffer[k] ?? 0, clauseBuffer[k + 1] ?? 0)) return false;
  }
  return true;
}

/**
 * For each piece, the index of the earlier kept piece it repeats, or null. A repeat is the same text as a
 * kept piece, else all its clauses found in one kept piece (the earliest kept piece holding its first
 * clause and all the others). Small cells compare in place; large ones index kept pieces by key.
 */
function findRepeats(p: ParsedText, ranges: readonly PieceRange[]): (number | null)[] {
  if (ranges.length <= 1) return ranges.length === 1 ? [null] : [];
  if (ranges.length > PAIRWISE_MAX) return findRepeatsByKey(p, ranges);
  const s = p.chars;
  // Every piece's clauses, as in clauseBounds: cut at ',' outside quotes and brackets, empty ones left out.
  let count = 0;
  for (let j = 0; j < ranges.length; j++) {
    clauseFrom[j] = count;
    const r = ranges[j];
    if (!r) continue;
    if (clauseBuffer.length < count + 2 * (r.end - r.start + 1)) {
      const grown = new Int32Array(Math.max(clauseBuffer.length * 2, count + 2 * (r.end - r.start + 1)));
      grown.set(clauseBuffer);
      clauseBuffer = grown;
    }
    // Jump from comma to comma (',' after NFKC); one outside quotes and brackets ends a clause.
    let a = r.start;
    for (let i = s.indexOf(',', a); i >= 0 && i < r.end; i = s.indexOf(',', i + 1)) {
      if ((p.storedFlagsAt(i) & PROTECTED) !== 0) continue;
      if (i > a) {
        clauseBuffer[count++] = a;
        clauseBuffer[count++] = i;
      }
      a = i + 1;
    }
    if (r.end > a) {
      clauseBuffer[count++] = a;
      clauseBuffer[count++] = r.end;
    }
  }
  clauseFrom[ranges.length] = count;
  const out: (number | null)[] = [null];
  for (let j = 1; j < ranges.length; j++) {
    const r = ranges[j];
    let duplicateOf: number | null = null;
    if (r) {
      // The kept piece with the same text (there is at most one: a second would have been a repeat).
      for (let i = 0; i < j && duplicateOf === null; i++) {
        const k = ranges[i];
        if (out[i] === null && k && sameText(s, k.start, k.end, r.start, r.end)) duplicateOf = i;
      }
      // Else the earliest kept piece holding all its clauses.
      if (duplicateOf === null && (clauseFrom[j + 1] ?? 0) > (clauseFrom[j] ?? 0)) {
        for (let i = 0; i < j && duplicateOf === null; i++) {
          if (out[i] === null && clausesContained(s, j, i)) duplicateOf = i;
        }
      }
    }
    out.push(duplicateOf);
  }
  return out;
}

/** {@link findRepeats} for large cells: kept pieces indexed by whole key and by clause key. */
function findRepeatsByKey(p: ParsedText, ranges: readonly PieceRange[]): (number | null)[] {
  const out: (number | null)[] = [];
  // Kept pieces by whole key, and by clause key (to find pieces containing a given clause quickly).
  const byWhole = new Map<string, number>();
  const byClause = new Map<string, number[]>();
  const clauseSets = new Map<number, Set<string>>();
  for (const r of ranges) {
    const whole = p.chars.slice(r.start, r.end);
    const clauses = clauseKeys(p, r);
    let duplicateOf = byWhole.get(whole) ?? null;
    if (duplicateOf === null && clauses.length > 0) {
      for (const candidate of byClause.get(clauses[0] ?? '') ?? []) {
        const set = clauseSets.get(candidate);
        if (set && clauses.every((c) => set.has(c))) {
          duplicateOf = candidate;
          break;
        }
      }
    }
    const index = out.length;
    out.push(duplicateOf);
    if (duplicateOf === null) {
      byWhole.set(whole, index);
      const set = new Set(clauses);
      clauseSets.set(index, set);
      for (const c of set) {
        const list = byClause.get(c);
        if (list) list.push(index);
        else byClause.set(c, [index]);
      }
    }
  }
  return out;
}

/**
 * Split a target text into sub-task texts (see the module comment for the rules). Never throws.
 * @example splitSubtasks('增长5.5%以上；完成4所幼儿园建设。').map((s) => s.text)
 *   → ['增长5.5%以上', '完成4所幼儿园建设']
 */
export function splitSubtasks(text: string): SubtaskText[] {
  return splitParsed(parseText(text)).map(({ text: t, start, end, duplicateOf }) => ({
    text: t,
    start,
    end,
    duplicateOf,
  }));
}

/** A piece with its parse range, for callers that keep reading the same parsed text. */
export interface ParsedPiece extends SubtaskText {
  readonly range: PieceRange;
}

/** {@link splitSubtasks} on an already parsed text; pieces also carry their parse range. */
export function splitParsed(p: ParsedText): ParsedPiece[] {
  const text = p.source;
  const ranges = splitRanges(p);
  const repeats = findRepeats(p, ranges);
  const out: ParsedPiece[] = [];
  for (let j = 0; j < ranges.length; j++) {
    const r = ranges[j];
    if (!r) continue;
    const startOffset = Math.max(0, p.fromOf(r.start));
    const to = p.toOf(r.end - 1);
    const endOffset = to < 0 ? startOffset : to;
    out.push({
      text: text.slice(startOffset, endOffset),
      start: startOffset,
      end: endOffset,
      duplicateOf: repeats[j] ?? null,
      range: r,
    });
  }
  return out;
}
