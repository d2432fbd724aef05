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
import { deadlineLengthAt, findDeadlines } from './deadlines.ts';
import {
  anyWordPattern,
  codeSet,
  isProtected,
  isThousandsComma,
  longestAt,
  parseText,
  sourceOfPositions,
  sourceSlice,
  type ParsedText,
} from './parse-text.ts';
import { findQuantities, numericKind, resolveComparator, type Quantity } from './quantities.ts';
import { itemMarkerLength } from './split-subtasks.ts';

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

// Clause separators after NFKC: comma, colon, semicolon and sentence marks.
const CLAUSE_SEPARATOR_CODES = codeSet([',', ':', ';', '。', '!', '?', '｡']);
// Punctuation trimmed from the edges of metric phrases and indicator texts.
const EDGE = new Set([',', '、', ':', ';', '。', '!', '?', '.', '｡', '…', '-', '—']);

// Longest filler word or deadline phrase looked at when trimming a metric (e.g. `2024年12月31日前` is 12).
const HEAD_LOOK = 16;

interface Range {
  readonly start: number;
  readonly end: number;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}

/** Split `[start, end)` at top-level separators. */
function splitAt(p: ParsedText, start: number, end: number, isSep: (i: number) => number): Range[] {
  const out: Range[] = [];
  let a = start;
  for (let i = start; i < end; i++) {
    if (isProtected(p, i)) continue;
    const len = isSep(i);
    if (len > 0) {
      out.push({ start: a, end: i });
      a = i + len;
      i += len - 1;
    }
  }
  out.push({ start: a, end });
  return out.filter((r) => r.end > r.start);
}

/** Trim edge punctuation off a position list. */
function trimEdges(p: ParsedText, pos: number[]): number[] {
  let a = 0;
  let b = pos.length;
  while (a < b && EDGE.has(p.chars[pos[a] ?? -1] ?? '')) a++;
  while (b > a && EDGE.has(p.chars[pos[b - 1] ?? -1] ?? '')) b--;
  return pos.slice(a, b);
}

/**
 * Clean a metric: drop bracketed asides, leading filler and deadlines, trailing adverbs and edge
 * punctuation; return the original wording of what is left, spaces tidied.
 */
function metricOf(p: ParsedText, positions: readonly number[]): string {
  const pos = p.parenZone.includes(true) ? positions.filter((k) => p.parenZone[k] !== true) : positions;
  let a = 0;
  let b = pos.length;
  const edge = (k: number | undefined): boolean => k !== undefined && EDGE.has(p.chars[k] ?? '');
  const word = (from: number, to: number): string => {
    let out = '';
    for (let k = Math.max(from, a); k < Math.min(to, b); k++) out += p.chars[pos[k] ?? -1] ?? '';
    return out;
  };
  for (;;) {
    while (a < b && edge(pos[a])) a++;
    while (b > a && edge(pos[b - 1])) b--;
    // Filler words and deadlines are short: look at the first few characters only.
    const head = word(a, a + HEAD_LOOK);
    const filler = longestAt(head, 0, METRIC_LEADING_FILLER);
    // 在 before a deadline is part of it: 在正月十五前完成… → 完成….
    const atDeadline = head.startsWith('在') ? deadlineLengthAt(head, 1) : 0;
    const cut = Math.max(
      filler?.length ?? 0,
      deadlineLengthAt(head, 0),
      atDeadline > 0 ? atDeadline + 1 : 0,
      itemMarkerLength(head, 0),
    );
    if (cut === 0 || cut >= b - a) break;
    a += cut;
  }
  for (;;) {
    while (b > a && edge(pos[b - 1])) b--;
    const tail = word(b - HEAD_LOOK, b);
    const trailing = METRIC_TRAILING_WORDS.find((w) => tail.endsWith(w) && b - a > w.length);
    if (trailing === undefined) break;
    b -= trailing.length;
  }
  return tidySpaces(sourceOfPositions(p, pos.slice(a, b)));
}

/** Original text of a range, edge punctuation trimmed. */
function textOf(p: ParsedText, r: Range): string {
  const pos = trimEdges(p, range(r.start, r.end));
  const first = pos[0];
  const last = pos[pos.length - 1];
  return first === undefined || last === undefined ? '' : sourceSlice(p, first, last + 1);
}

function quantityText(p: ParsedText, q: Quantity): string {
  return sourceSlice(p, q.start, q.end);
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
  b.indicators.push({
    metric,
    kind: numericKind(q.unit, resolved),
    comparator: resolved.comparator,
    value: q.value,
    valueMax: q.valueMax,
    unit: q.unit,
    text,
  });
}

/** Rule 2: `分别` distribution; returns false when the clause does not fit it. */
function distribute(b: Builder, p: ParsedText, clause: Range, qs: readonly Quantity[]): boolean {
  const s = p.chars;
  let at = -1;
  for (let i = clause.start; i + 1 < clause.end; i++) {
    if (!isProtected(p, i) && s.startsWith(DISTRIBUTIVE_WORD, i)) {
      at = i;
      break;
    }
  }
  if (at < 0) return false;
  const after = at + DISTRIBUTIVE_WORD.length;
  const values = qs.filter((q) => q.start >= after);
  const items = splitAt(p, clause.start, at, (i) => longestAt(s, i, LIST_SEPARATOR_WORDS)?.length ?? 0);
  if (items.length < 2 || values.length !== items.length) return false;
  const first = values[0];
  const last = values[values.length - 1];
  if (!first || !last) return false;
  // Words between 分别 and the first value, and after the last value, belong to every item:
  // A、B分别完成5个、6个项目 → A完成项目, B完成项目.
  const phrase = [...range(after, first.start), ...range(last.end, clause.end)];
  const othersHavePost = values.slice(0, -1).some((q) => q.post !== null);
  const text = textOf(p, clause);
  items.forEach((item, idx) => {
    const q = values[idx];
    if (!q) return;
    const metric = metricOf(p, [...range(item.start, item.end), ...phrase]);
    const pre = q.pre ?? first.pre;
    const post = q.post ?? (othersHavePost ? null : last.post);
    addNumeric(b, p, q, metric, text, pre, post);
  });
  return true;
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
  for (let i = clause.start; i < clause.end; i++) {
    while (qi < qs.length && (qs[qi]?.end ?? Infinity) <= i) qi++;
    const inside = qs[qi];
    if (inside && inside.start <= i) {
      i = inside.end - 1; // never cut inside a quantity (及以上 is part of one)
      continue;
    }
    if (isProtected(p, i)) continue;
    const sep = longestAt(s, i, LIST_SEPARATOR_WORDS);
    if (sep === null) continue;
    const before = qs.some((q) => q.start >= a && q.end <= i);
    const adjacentBefore = qs.some((q) => q.end === i);
    const later = qs.some((q) => q.start >= i + sep.length);
    const adjacentAfter = qs.some((q) => q.start === i + sep.length);
    if (before && (adjacentBefore || adjacentAfter || (sep === '、' && later))) {
      cuts.push({ start: a, end: i });
      a = i + sep.length;
      i += sep.length - 1;
    }
  }
  cuts.push({ start: a, end: clause.end });
  let previousMetric = '';
  for (const piece of cuts) {
    const inPiece = qs.filter((q) => q.start >= piece.start && q.end <= piece.end);
    const value = inPiece[inPiece.length - 1];
    if (!value) continue;
    const positions = [...range(piece.start, value.start), ...range(value.end, piece.end)];
    let metric = metricOf(p, positions);
    if (metric === '') metric = previousMetric;
    previousMetric = metric;
    addNumeric(b, p, value, metric, textOf(p, piece));
  }
}

// Characters a keep-level or relative phrase can start with.
const PHRASE_START = codeSet(
  [...KEEP_LEVEL_PHRASES, ...RELATIVE_COMPARATORS.map((r) => r.word)].map((w) => w[0] ?? ''),
);
// Words without which no clause of a text can hold a rule-6 phrase: checked once per text.
const PHRASE_HINTS = anyWordPattern([...KEEP_LEVEL_PHRASES, ...RELATIVE_BENCHMARKS, ...SYNC_WORDS.close]);
// Relative comparator words, longest first.
const RELATIVE_BY_LENGTH = [...RELATIVE_COMPARATORS].sort((x, y) => y.word.length - x.word.length);

/** Rule 6: keep-level and relative phrases in a clause without numbers. */
function readPhrase(b: Builder, p: ParsedText, clause: Range): void {
  const s = p.chars;
  const add = (at: number, kind: IndicatorKind, comparator: Comparator): void => {
    b.indicators.push({
      metric: metricOf(p, range(clause.start, at)),
      kind,
      comparator,
      value: null,
      valueMax: null,
      unit: null,
      text: textOf(p, clause),
    });
  };
  for (let i = clause.start; i < clause.end; i++) {
    if (!PHRASE_START.has(s.charCodeAt(i)) || isProtected(p, i)) continue;
    if (longestAt(s, i, KEEP_LEVEL_PHRASES) !== null) {
      add(i, 'keep_level', '>=');
      return;
    }
    const rel = RELATIVE_BY_LENGTH.find((r) => s.startsWith(r.word, i));
    if (rel && longestAt(s, i + rel.word.length, RELATIVE_BENCHMARKS) !== null) {
      add(i, 'relative', rel.comparator);
      return;
    }
  }
  // 与经济增长基本同步: the last closing word of the clause (longest first), and the nearest 与 before it
  // (within 20 characters).
  const clauseText = s.slice(clause.start, clause.end);
  let closeStart = -1;
  for (const w of [...SYNC_WORDS.close].sort((x, y) => y.length - x.length)) {
    const at = clauseText.lastIndexOf(w);
    if (at >= 0) {
      closeStart = clause.start + at;
      break;
    }
  }
  if (closeStart < 0 || isProtected(p, closeStart)) return;
  for (let j = closeStart - 1; j >= Math.max(clause.start, closeStart - 20); j--) {
    if (s.startsWith(SYNC_WORDS.open, j) && !isProtected(p, j)) {
      add(j, 'relative', '~');
      return;
    }
  }
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
  const clauses = splitAt(p, 0, s.length, (i) => {
    if (CLAUSE_SEPARATOR_CODES.has(s.charCodeAt(i))) return isThousandsComma(p, i) ? 0 : 1;
    // A double dash works like a colon: 目标——年内税收收入增长15%. (A single dash may be a range.)
    return s.startsWith('——', i) ? 2 : 0;
  });
  const mayHavePhrase = PHRASE_HINTS.test(s);
  for (const clause of clauses) {
    const qs = quantities.filter((q) => q.start >= clause.start && q.end <= clause.end);
    if (qs.length === 0) {
      if (mayHavePhrase) readPhrase(b, p, clause);
      continue;
    }
    if (!distribute(b, p, clause, qs)) readPieces(b, p, clause, qs);
  }
  if (b.indicators.length > 0) return { indicators: b.indicators, issues: b.issues, fallback: false };
  const whole = range(0, s.length);
  const kind: IndicatorKind = hasDeadline ? 'milestone' : 'qualitative';
  const fallback: Indicator = {
    metric: metricOf(p, whole),
    kind,
    comparator: null,
    value: null,
    valueMax: null,
    unit: null,
    text: textOf(p, { start: 0, end: s.length }),
  };
  return { indicators: s.length > 0 ? [fallback] : [], issues: b.issues, fallback: s.length > 0 };
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
