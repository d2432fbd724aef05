/**
 * Indicators of one sub-task text.
 *
 * Rules (the golden files in `test/golden/seed-rows/` follow them):
 * 1. The text is cut into clauses at commas, colons and sentence marks outside quotes and brackets. Each
 *    clause is read on its own.
 * 2. `分别`: when the words before `分别` list k ≥ 2 items (separated by `、`/`和`/`及`/`与`) and k
 *    quantities follow it, item i gets quantity i (`国家高新技术企业、科技型中小企业分别突破190家、240家` →
 *    two indicators `>=`). The metric of item i is the item plus the words between `分别` and the first
 *    value and after the last one (`A、B分别增长5%、6%` → `A增长`, `B增长`; `A、B分别完成5个、6个项目` →
 *    `A完成项目`, `B完成项目`). A comparator word before the first value applies to
 *    all; one after only the last value applies to all when the others have none. Any other count falls
 *    back to rule 3 (one value shared by several items stays one indicator).
 * 3. Otherwise a clause is cut again after a quantity followed by `、`/`和`/`及`/`与`
 *    (`改造老旧小区82个、建筑面积65.6万平方米` → two). In each piece the LAST quantity is the value; earlier
 *    quantities qualify the metric (`集体经济收入过20万元村突破70%` → metric `集体经济收入过20万元村`, 70%).
 * 4. The metric is the piece without the value and its comparator words, without bracketed asides
 *    (`（含…）`), without leading stance / period words and deadlines (`力争`, `确保`, `年内`, `6月底前`) and
 *    trailing adverbs (`均`, `都`); verbs stay (`完成投资`, `新增城镇就业`). A piece whose metric comes out
 *    empty takes the previous metric of its clause (`增长5%、6%`).
 * 5. Value, unit, comparator and kind come from the quantity (see `quantities.ts`): canonical values with
 *    万/亿 multiplied out, percent as the percent number, `个百分点` its own unit.
 * 6. A clause without a number may still carry a keep-level phrase (`保持稳定` → keep_level, `>=`, no value)
 *    or a relative target (`不低于全市平均`, `与经济增长基本同步` → relative, no value).
 * 7. A text with no indicator at all gets one: `milestone` when it has a deadline (`6月底前完成…`), else
 *    `qualitative`; its metric is the text (rule 4's trimming applied), comparator and value null.
 */
import type { Comparator, Indicator, IndicatorKind } from '../breakdown-model.ts';
import { makeIndicator } from '../measure/written-unit.ts';
import { tidySpaces } from '../text/normalize.ts';
import {
  DISTRIBUTIVE_WORD,
  KEEP_LEVEL_PHRASES,
  LIST_SEPARATOR_WORDS,
  METRIC_LEADING_FILLER,
  METRIC_TRAILING_WORDS,
  RELATIVE_BENCHMARKS,
  RELATIVE_COMPARATORS,
  SYNC_WORDS,
} from '../vocab/indicator-kind-words.ts';
import type { ComparatorWord } from '../vocab/comparator-words.ts';
import { deadlineLengthAt, findDeadlines, mayStartDeadline } from './deadlines.ts';
import { anyWordPattern, codeSet, KIND, parseText, PROTECTED, type ParsedText } from './parse-text.ts';
import { findQuantities, numericKind, resolveComparator, type Quantity } from './quantities.ts';
import { itemMarkerLength, mayStartMarker } from './split-subtasks.ts';
import { WordIndex, wordIndex } from './word-index.ts';

/** A problem met while reading indicators, for the caller to turn into a finding. */
export interface IndicatorIssue {
  readonly code: 'comparator_ambiguous' | 'value_unreadable';
  /** The words concerned, as written. */
  readonly text: string;
}

/** Indicators of a text plus the problems met. */
export interface IndicatorAnalysis {
  readonly indicators: Indicator[];
  readonly issues: IndicatorIssue[];
  /** True when the indicators are the single milestone/qualitative fallback of rule 7. */
  readonly fallback: boolean;
}

// Clause separators (comma, colon, semicolon and sentence marks) are `KIND.clauseSeparator`, list
// separators start at `KIND.listSeparator` and rule-6 phrases at `KIND.phraseStart` (char-kinds.ts).
// Punctuation trimmed from the edges of metric phrases and indicator texts.
const EDGE = codeSet([',', '、', ':', ';', '。', '!', '?', '.', '｡', '…', '-', '—']);
// A double dash works like a colon: 目标——年内税收收入增长15%. (A single dash may be a range.)
const DOUBLE_DASH = '——';
const DASH_CODE = DOUBLE_DASH.charCodeAt(0);

// Longest filler word or deadline phrase looked at when trimming a metric (e.g. `2024年12月31日前` is 12).
const HEAD_LOOK = 16;

const FILLER = wordIndex(METRIC_LEADING_FILLER);
// The last characters of the trailing words: a metric ending in none of them has no trailing word to drop.
const TRAILING_LAST = codeSet(METRIC_TRAILING_WORDS.map((w) => w.slice(-1)));
const LIST_SEPARATORS = wordIndex(LIST_SEPARATOR_WORDS);
const AT_CODE = '在'.charCodeAt(0);

interface Range {
  readonly start: number;
  readonly end: number;
}

const NO_RANGES: readonly Range[] = [];

// Parse positions of the metric being cleaned (reused: metricOf never runs inside itself).
let metricPositions = new Int32Array(256);

/** The chars at `pos[from .. to)` as a string (for matching words against a metric's head). */
function charsAt(s: string, pos: Int32Array, from: number, to: number): string {
  let out = '';
  let runStart = -1;
  for (let k = from; k < to; k++) {
    const at = pos[k] ?? 0;
    if (runStart >= 0 && at !== (pos[k - 1] ?? 0) + 1) {
      out += s.slice(pos[runStart] ?? 0, (pos[k - 1] ?? 0) + 1);
      runStart = -1;
    }
    if (runStart < 0) runStart = k;
  }
  if (runStart >= 0) out += s.slice(pos[runStart] ?? 0, (pos[to - 1] ?? 0) + 1);
  return out;
}

/** True when a leading filler word, deadline, item number or 在 may start with char code `c`. */
function mayLead(c: number): boolean {
  return c === AT_CODE || FILLER.mayStartWith(c) || mayStartDeadline(c) || mayStartMarker(c);
}

/** Add the parse positions `[start, end)` to `metricPositions` from `count` on; returns the new count. */
function addPositions(p: ParsedText, start: number, end: number, count: number): number {
  if (metricPositions.length < count + Math.max(0, end - start)) {
    const grown = new Int32Array(Math.max(count + end - start, metricPositions.length * 2));
    grown.set(metricPositions.subarray(0, count));
    metricPositions = grown;
  }
  const pos = metricPositions;
  let n = count;
  for (let k = start; k < end; k++) {
    // Bracketed asides (（含…）) are no part of a metric.
    if (!p.hasParen || !p.inParenZone(k)) pos[n++] = k;
  }
  return n;
}

/**
 * Clean a metric: drop bracketed asides, leading filler and deadlines, trailing adverbs and edge
 * punctuation; return the original wording of what is left, spaces tidied. The metric's words are the parse
 * positions `[s0, e0)`, then `[s1, e1)`, then `[s2, e2)` (ascending; empty ranges by default).
 */
function metricOf(p: ParsedText, s0: number, e0: number, s1 = 0, e1 = 0, s2 = 0, e2 = 0): string {
  // One range with no bracketed aside in it (a qualitative sentence, the words before a phrase or a
  // value): its positions are consecutive, so it is cleaned in place without listing them.
  if (e1 <= s1 && e2 <= s2 && !anyInParenZone(p, s0, e0)) return metricOfRange(p, s0, e0);
  const s = p.chars;
  let count = addPositions(p, s0, e0, 0);
  count = addPositions(p, s1, e1, count);
  count = addPositions(p, s2, e2, count);
  const pos = metricPositions;
  let a = 0;
  let b = count;
  for (;;) {
    while (a < b && EDGE.has(s.charCodeAt(pos[a] ?? -1))) a++;
    while (b > a && EDGE.has(s.charCodeAt(pos[b - 1] ?? -1))) b--;
    // Filler words, deadlines and item numbers are short: look at the first few characters only, and only
    // when one of them can start there.
    if (a >= b || !mayLead(s.charCodeAt(pos[a] ?? -1))) break;
    const cut = leadingCut(charsAt(s, pos, a, Math.min(a + HEAD_LOOK, b)));
    if (cut === 0 || cut >= b - a) break;
    a += cut;
  }
  for (;;) {
    while (b > a && EDGE.has(s.charCodeAt(pos[b - 1] ?? -1))) b--;
    // The first trailing word of the list that ends the metric.
    let trailing = 0;
    if (b <= a || !TRAILING_LAST.has(s.charCodeAt(pos[b - 1] ?? -1))) break;
    for (const w of METRIC_TRAILING_WORDS) {
      if (b - a > w.length && w.length <= HEAD_LOOK && endsWithAt(s, pos, b, w)) {
        trailing = w.length;
        break;
      }
    }
    if (trailing === 0) break;
    b -= trailing;
  }
  const text = p.sourceOfPositions(pos, a, b);
  // Spaces in the source show as SPACE_BEFORE on the next kept char; without any, there is nothing to tidy.
  if (!p.hasSpace) return text;
  for (let k = a + 1; k < b; k++) {
    if ((pos[k] ?? 0) === (pos[k - 1] ?? 0) + 1 && p.hasSpaceBefore(pos[k] ?? 0)) return tidySpaces(text);
  }
  return text;
}

/**
 * How many characters a metric's start loses: the longest of a filler word, a deadline (with the 在 before
 * it: 在正月十五前完成… → 完成…) and an item number at the start of `head` (its first few characters); 0 for none.
 */
function leadingCut(head: string): number {
  const filler = FILLER.longestAt(head, 0);
  const atDeadline = head.charCodeAt(0) === AT_CODE ? deadlineLengthAt(head, 1) : 0;
  return Math.max(
    filler?.length ?? 0,
    deadlineLengthAt(head, 0),
    atDeadline > 0 ? atDeadline + 1 : 0,
    itemMarkerLength(head, 0),
  );
}

/** True when some char of parse range `[start, end)` is inside round brackets (see addPositions). */
function anyInParenZone(p: ParsedText, start: number, end: number): boolean {
  if (!p.hasParen) return false;
  for (let k = start; k < end; k++) if (p.inParenZone(k)) return true;
  return false;
}

/**
 * {@link metricOf} of the one range `[start, end)` holding no bracketed aside: the same steps on the
 * positions themselves (position k of the list would be `start + k`).
 */
function metricOfRange(p: ParsedText, start: number, end: number): string {
  const s = p.chars;
  let a = start;
  let b = Math.max(start, end);
  for (;;) {
    while (a < b && EDGE.has(s.charCodeAt(a))) a++;
    while (b > a && EDGE.has(s.charCodeAt(b - 1))) b--;
    if (a >= b || !mayLead(s.charCodeAt(a))) break;
    const cut = leadingCut(s.slice(a, Math.min(a + HEAD_LOOK, b)));
    if (cut === 0 || cut >= b - a) break;
    a += cut;
  }
  for (;;) {
    while (b > a && EDGE.has(s.charCodeAt(b - 1))) b--;
    let trailing = 0;
    if (b <= a || !TRAILING_LAST.has(s.charCodeAt(b - 1))) break;
    for (const w of METRIC_TRAILING_WORDS) {
      if (b - a > w.length && w.length <= HEAD_LOOK && s.startsWith(w, b - w.length)) {
        trailing = w.length;
        break;
      }
    }
    if (trailing === 0) break;
    b -= trailing;
  }
  const text = p.sourceSlice(a, b);
  if (!p.hasSpace) return text;
  for (let k = a + 1; k < b; k++) if (p.hasSpaceBefore(k)) return tidySpaces(text);
  return text;
}

/** True when the chars at `pos[b - w.length .. b)` spell `w`. */
function endsWithAt(s: string, pos: Int32Array, b: number, w: string): boolean {
  for (let k = 0; k < w.length; k++)
    if (s.charCodeAt(pos[b - w.length + k] ?? -1) !== w.charCodeAt(k)) return false;
  return true;
}

/** Original text of a range, edge punctuation trimmed. */
function textOf(p: ParsedText, r: Range): string {
  let a = r.start;
  let b = r.end;
  while (a < b && EDGE.has(p.chars.charCodeAt(a))) a++;
  while (b > a && EDGE.has(p.chars.charCodeAt(b - 1))) b--;
  return a < b ? p.sourceSlice(a, b) : '';
}

function quantityText(p: ParsedText, q: Quantity): string {
  return p.sourceSlice(q.start, q.end);
}

interface Builder {
  readonly indicators: Indicator[];
  readonly issues: IndicatorIssue[];
}

/** Add a numeric indicator for quantity `q`. */
function addNumeric(
  b: Builder,
  p: ParsedText,
  q: Quantity,
  metric: string,
  text: string,
  pre: ComparatorWord | null = q.pre,
  post: ComparatorWord | null = q.post,
): void {
  const resolved = resolveComparator(q, pre, post);
  if (resolved.ambiguous) b.issues.push({ code: 'comparator_ambiguous', text: quantityText(p, q) });
  b.indicators.push(
    makeIndicator({
      metric,
      kind: numericKind(q.unit, resolved),
      comparator: resolved.comparator,
      value: q.value,
      valueMax: q.valueMax,
      unit: q.unit,
      text,
    }),
  );
}

/** Split `[start, end)` at list separators (`、`, `和` …) outside quotes and brackets; empty items dropped. */
function listItems(p: ParsedText, start: number, end: number): Range[] {
  const out: Range[] = [];
  const s = p.chars;
  let a = start;
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view)
  for (let i = start; i < end; i++) {
    const f = flags[at0 + i] ?? 0;
    if ((f & KIND.listSeparator) === 0 || (f & PROTECTED) !== 0) continue;
    const len = LIST_SEPARATORS.longestAt(s, i)?.length ?? 0;
    if (len > 0) {
      if (i > a) out.push({ start: a, end: i });
      a = i + len;
      i += len - 1;
    }
  }
  if (end > a) out.push({ start: a, end });
  return out;
}

/** Rule 2: `分别` distribution; returns false when the clause does not fit it. */
function distribute(b: Builder, p: ParsedText, clause: Range, qs: readonly Quantity[]): boolean {
  const s = p.chars;
  let at = -1;
  // The first 分别 of the clause outside quotes and brackets.
  for (let i = s.indexOf(DISTRIBUTIVE_WORD, clause.start); i >= 0 && i + 1 < clause.end;) {
    if (!p.isProtected(i)) {
      at = i;
      break;
    }
    i = s.indexOf(DISTRIBUTIVE_WORD, i + 1);
  }
  if (at < 0) return false;
  const after = at + DISTRIBUTIVE_WORD.length;
  const values = qs.filter((q) => q.start >= after);
  const items = listItems(p, clause.start, at);
  if (items.length < 2 || values.length !== items.length) return false;
  const first = values[0];
  const last = values[values.length - 1];
  if (!first || !last) return false;
  // Words between 分别 and the first value, and after the last value, belong to every item:
  // A、B分别完成5个、6个项目 → A完成项目, B完成项目.
  const othersHavePost = values.slice(0, -1).some((q) => q.post !== null);
  const text = textOf(p, clause);
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx];
    const q = values[idx];
    if (!item || !q) continue;
    const metric = metricOf(p, item.start, item.end, after, first.start, last.end, clause.end);
    const pre = q.pre ?? first.pre;
    const post = q.post ?? (othersHavePost ? null : last.post);
    addNumeric(b, p, q, metric, text, pre, post);
  }
  return true;
}

// Quantity tests of rule 3, as plain loops: a closure inside its per-character loop would cost an
// allocation per character.
function anyWithin(qs: readonly Quantity[], start: number, end: number): boolean {
  for (const q of qs) if (q.start >= start && q.end <= end) return true;
  return false;
}

function anyEndingAt(qs: readonly Quantity[], i: number): boolean {
  for (const q of qs) if (q.end === i) return true;
  return false;
}

function anyStartingAt(qs: readonly Quantity[], i: number): boolean {
  for (const q of qs) if (q.start === i) return true;
  return false;
}

function anyStartingFrom(qs: readonly Quantity[], i: number): boolean {
  for (const q of qs) if (q.start >= i) return true;
  return false;
}

/** The quantities lying wholly inside `[start, end)`, in order. */
function quantitiesIn(qs: readonly Quantity[], start: number, end: number): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) if (q.start >= start && q.end <= end) out.push(q);
  return out;
}

/**
 * Rule 3: a clause is cut at a list separator that has a quantity before it (since the last cut) and
 * either directly follows that quantity (`82个、建筑面积…`), or is `、` with a quantity later in the clause
 * (`7个在谈项目、3个储备项目`), or is directly followed by a quantity (`7个在谈项目和3个储备项目`). The last
 * quantity of each piece is its value.
 */
function readPieces(b: Builder, p: ParsedText, clause: Range, qs: readonly Quantity[]): void {
  const s = p.chars;
  const cuts: Range[] = [];
  let a = clause.start;
  let qi = 0; // next quantity not yet passed
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view)
  for (let i = clause.start; i < clause.end; i++) {
    while (qi < qs.length && (qs[qi]?.end ?? Infinity) <= i) qi++;
    const inside = qs[qi];
    if (inside && inside.start <= i) {
      i = inside.end - 1; // never cut inside a quantity (及以上 is part of one)
      continue;
    }
    const f = flags[at0 + i] ?? 0;
    if ((f & KIND.listSeparator) === 0 || (f & PROTECTED) !== 0) continue;
    const sep = LIST_SEPARATORS.longestAt(s, i);
    if (sep === null) continue;
    const next = i + sep.length;
    if (
      anyWithin(qs, a, i) &&
      (anyEndingAt(qs, i) || anyStartingAt(qs, next) || (sep === '、' && anyStartingFrom(qs, next)))
    ) {
      cuts.push({ start: a, end: i });
      a = next;
      i = next - 1;
    }
  }
  cuts.push({ start: a, end: clause.end });
  let previousMetric = '';
  for (const piece of cuts) {
    let value: Quantity | undefined;
    for (const q of qs) if (q.start >= piece.start && q.end <= piece.end) value = q;
    if (!value) continue;
    let metric = metricOf(p, piece.start, value.start, value.end, piece.end);
    if (metric === '') metric = previousMetric;
    previousMetric = metric;
    addNumeric(b, p, value, metric, textOf(p, piece));
  }
}

// Words without which no clause of a text can hold a rule-6 phrase: checked once per text.
const PHRASE_HINTS = anyWordPattern([...KEEP_LEVEL_PHRASES, ...RELATIVE_BENCHMARKS, ...SYNC_WORDS.close]);
const KEEP_LEVEL = wordIndex(KEEP_LEVEL_PHRASES);
// Relative comparator words: the longest one written at a position wins.
const RELATIVE = new WordIndex(RELATIVE_COMPARATORS, (r) => r.word);
const BENCHMARKS = wordIndex(RELATIVE_BENCHMARKS);
// Closing words of 与…同步, longest first.
const SYNC_CLOSE_BY_LENGTH = [...SYNC_WORDS.close].sort((x, y) => y.length - x.length);

/** A rule-6 indicator for `clause`, its metric the words before parse position `at`. */
function addPhrase(
  b: Builder,
  p: ParsedText,
  clause: Range,
  at: number,
  kind: IndicatorKind,
  comparator: Comparator,
): void {
  b.indicators.push(
    makeIndicator({
      metric: metricOf(p, clause.start, at),
      kind,
      comparator,
      value: null,
      valueMax: null,
      unit: null,
      text: textOf(p, clause),
    }),
  );
}

/** Rule 6: keep-level and relative phrases in a clause without numbers. */
function readPhrase(b: Builder, p: ParsedText, clause: Range): void {
  const s = p.chars;
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view)
  for (let i = clause.start; i < clause.end; i++) {
    const f = flags[at0 + i] ?? 0;
    if ((f & KIND.phraseStart) === 0 || (f & PROTECTED) !== 0) continue;
    if (KEEP_LEVEL.longestAt(s, i) !== null) {
      addPhrase(b, p, clause, i, 'keep_level', '>=');
      return;
    }
    const rel = RELATIVE.longestAt(s, i);
    if (rel && BENCHMARKS.longestAt(s, i + rel.word.length) !== null) {
      addPhrase(b, p, clause, i, 'relative', rel.comparator);
      return;
    }
  }
  // 与经济增长基本同步: the last closing word of the clause (longest first), and the nearest 与 before it
  // (within 20 characters).
  const clauseText = s.slice(clause.start, clause.end);
  let closeStart = -1;
  for (const w of SYNC_CLOSE_BY_LENGTH) {
    const at = clauseText.lastIndexOf(w);
    if (at >= 0) {
      closeStart = clause.start + at;
      break;
    }
  }
  if (closeStart < 0 || p.isProtected(closeStart)) return;
  for (let j = closeStart - 1; j >= Math.max(clause.start, closeStart - 20); j--) {
    if (s.startsWith(SYNC_WORDS.open, j) && !p.isProtected(j)) {
      addPhrase(b, p, clause, j, 'relative', '~');
      return;
    }
  }
}

/** The clauses of a text: cut at commas, colons, sentence marks and `——` outside quotes and brackets. */
function clausesOf(p: ParsedText): Range[] {
  const s = p.chars;
  const n = s.length;
  const out: Range[] = [];
  let a = 0;
  const flags = p.flags;
  const at0 = p.flagStart + p.base; // flags of char i: flags[at0 + i] (i in the view)
  for (let i = 0; i < n; i++) {
    const f = flags[at0 + i] ?? 0;
    let len = 0;
    if ((f & KIND.clauseSeparator) !== 0) len = 1;
    else if (s.charCodeAt(i) === DASH_CODE && s.startsWith(DOUBLE_DASH, i)) len = 2;
    if (len === 0 || (f & PROTECTED) !== 0 || (len === 1 && p.isThousandsComma(i))) continue;
    if (i > a) out.push({ start: a, end: i });
    a = i + len;
    i += len - 1;
  }
  if (n > a) out.push({ start: a, end: n });
  return out;
}

/** Analyse a text into indicators and issues (the rules are in the module comment). Never throws. */
export function analyseIndicators(text: string): IndicatorAnalysis {
  const p = parseText(text);
  return analyseParsed(p, findDeadlines(p).length > 0);
}

/**
 * {@link analyseIndicators} on an already parsed text; `hasDeadline` says whether the text has a deadline
 * phrase (it decides milestone vs qualitative for the fallback).
 */
export function analyseParsed(p: ParsedText, hasDeadline: boolean): IndicatorAnalysis {
  const s = p.chars;
  const quantities = findQuantities(p);
  const b: Builder = { indicators: [], issues: [] };
  for (const q of quantities) {
    if (q.unreadable) b.issues.push({ code: 'value_unreadable', text: quantityText(p, q) });
  }
  let mayHavePhrase: boolean | null = null; // PHRASE_HINTS, tested on the first clause that needs it
  // Without quantities, clauses matter only for rule-6 phrases: no hint of one, no clauses to cut.
  if (quantities.length === 0) mayHavePhrase = PHRASE_HINTS.test(s);
  const clauses = quantities.length === 0 && !mayHavePhrase ? NO_RANGES : clausesOf(p);
  for (const clause of clauses) {
    const qs = quantitiesIn(quantities, clause.start, clause.end);
    if (qs.length === 0) {
      mayHavePhrase ??= PHRASE_HINTS.test(s);
      if (mayHavePhrase) readPhrase(b, p, clause);
      continue;
    }
    if (!distribute(b, p, clause, qs)) readPieces(b, p, clause, qs);
  }
  if (b.indicators.length > 0) return { indicators: b.indicators, issues: b.issues, fallback: false };
  const kind: IndicatorKind = hasDeadline ? 'milestone' : 'qualitative';
  if (s.length === 0) return { indicators: [], issues: b.issues, fallback: false };
  const fallback = makeIndicator({
    metric: metricOf(p, 0, s.length),
    kind,
    comparator: null,
    value: null,
    valueMax: null,
    unit: null,
    text: textOf(p, { start: 0, end: s.length }),
  });
  return { indicators: [fallback], issues: b.issues, fallback: true };
}

/**
 * The indicators of a sub-task text (see the module comment for the rules). A text with no quantity
 * still gets one `milestone` (has a deadline) or `qualitative` indicator, so every sub-task is scoreable;
 * an empty text gets none. Never throws.
 * @example extractIndicators('地区生产总值增长5.5%以上')
 *   → [{ metric: '地区生产总值增长', kind: 'rate', comparator: '>=', value: 5.5, valueMax: null, unit: '%', … }]
 */
export function extractIndicators(text: string): Indicator[] {
  return analyseIndicators(text).indicators;
}
