/**
 * Scoring one sub-task: read what its unit reported, judge each indicator by its kind against the expected
 * progress, and explain the result in Chinese and English. The rules are in docs/scoring.md §4; in short:
 *
 * - cumulative (and approximate quantities, milestones/qualitative tasks with a figure): completion =
 *   actual ÷ target, compared with 序时进度 (or the deadline's expectation) — time-scaled;
 * - rate: actual rate ÷ target rate, compared with 100 % — not time-scaled; zero or negative growth is 0;
 * - lower-is-better (and any `≤` target): attainment = base − actual ÷ target (base 2), floored at 0;
 * - keep-level: actual ÷ level; relative: actual ÷ benchmark (needs the benchmark, else unscored);
 * - approximate: the target lowered by the 左右 tolerance;
 * - status words: done / on track / lagging by meaning; 未启动 counts as 0 %.
 *
 * A shortfall is measured in percentage points (or relatively, per preset) at the display precision and
 * compared with the preset's thresholds. Anything not done when due (deadline, or year end) is severe.
 *
 * Each indicator score records the figures, the verdict and the expectation; `explain.ts` words them.
 */
import type { Indicator, SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { CellRef, RawCell } from '../grid.ts';
import type { Located } from '../table-model.ts';
import { cellText } from '../text/normalize.ts';
import type { StatusWordClass } from '../vocab/status-words.ts';
import { isRateUnit } from '../measure/unit-shape.ts';
import { makeIndicator } from '../measure/written-unit.ts';
import { isApproximate, isTimeScaledMode, modeOf } from './indicator-mode.ts';
import {
  findStatusWord,
  interpretActual,
  readActual,
  isValidWeight,
  readPrintedPercent,
  readWeight,
  type ActualReading,
  type UnitContext,
} from './interpret-actual.ts';
import { fixed, percentFixed, relativeShortfall, roundTo } from './numbers.ts';
import type {
  ExplanationContext,
  IndicatorScore,
  ProgressEntry,
  ScoreBasis,
  SubTaskScore,
  TaskStatus,
  UnscoredReason,
  Verdict,
} from './score-model.ts';
import type { ScoringSettings } from './settings-model.ts';
import { parseIsoDate, type Expectation } from './time-progress.ts';
import { trimmedOrNull } from '../text/fast-key.ts';

/** What scoring one sub-task needs besides the sub-task and its entry. */
export interface SubTaskContext {
  readonly asOf: string;
  readonly planYear: number;
  readonly settings: ScoringSettings;
  /** True when any entry carries a weight: then a missing weight is reported and the sub-task left out. */
  readonly weighted: boolean;
  /** The expectation for a (valid) deadline or none: `expectationCache(asOf, planYear)`. */
  readonly expectationOf: (deadline: string | null) => Expectation;
}

// One shared blank reading: most entries lack most cells.
const BLANK: ActualReading = { kind: 'blank' };

/**
 * Severity order of scored statuses: the worst decides (done 0 < on track 1 < lagging 2 < severe 3;
 * unscored −1). A switch rather than a lookup table: a table indexed by the status is a keyed load whose
 * key changes from call to call, which V8 handles on its slowest (megamorphic) path.
 */
function severity(status: TaskStatus): number {
  switch (status) {
    case 'done':
      return 0;
    case 'on_track':
      return 1;
    case 'lagging':
      return 2;
    case 'severe':
      return 3;
    case 'unscored':
      return -1;
  }
}

/** The worse of two scored statuses (`unscored` never wins). */
export function worseStatus(a: TaskStatus, b: TaskStatus): TaskStatus {
  return severity(b) > severity(a) ? b : a;
}

// A sub-task without indicators is judged as one qualitative indicator: by status words or a percentage.
function implicitIndicator(sub: SubTask): Indicator {
  return makeIndicator({
    metric: sub.text,
    kind: 'qualitative',
    comparator: null,
    value: null,
    valueMax: null,
    unit: null,
    text: sub.text,
  });
}

/**
 * The outcome of comparing a completion ratio with what is expected, and which verdict words it (`已完成目标`,
 * `达到序时进度50%`, `低于序时进度75%（差30.0个百分点）`).
 */
interface Judgement {
  readonly status: Exclude<TaskStatus, 'unscored'>;
  readonly gapPoints: number | null;
  readonly credit: number;
  readonly verdict: Verdict;
}

/** A status word's judgement: the same for every sub-task reporting that word. */
interface WordOutcome {
  readonly cls: StatusWordClass;
  readonly judgement: Judgement;
}

/**
 * What is the same for every sub-task sharing one expectation (one deadline, or none) in a scoring run: the
 * explanation context its scores share, and the judgements of status words. Most sub-tasks of a ledger have
 * no deadline and most qualitative ones report one of a handful of status words, so they share these
 * instead of each making its own. Keyed by the expectation object, which `expectationCache` creates once
 * per run and deadline, so nothing is shared between runs.
 */
interface ExpectationMemo {
  readonly exp: Expectation;
  readonly settings: ScoringSettings;
  /** The deadline's wording (`6月底前`); null for the year's 序时进度. */
  readonly deadlineText: string | null;
  readonly context: ExplanationContext;
  /** Status-word outcomes by word: [not time-scaled, time-scaled]. Bounded by the vocabulary. */
  readonly words: readonly [Map<string, WordOutcome>, Map<string, WordOutcome>];
}

const memos = new WeakMap<Expectation, ExpectationMemo[]>();
// The memo found last: consecutive sub-tasks nearly always share it (no deadline), which spares the lookup.
let lastMemo: ExpectationMemo | null = null;

function newMemo(exp: Expectation, deadlineText: string | null, s: ScoringSettings): ExpectationMemo {
  const deadline = exp.basis === 'deadline';
  return {
    exp,
    settings: s,
    deadlineText,
    context: {
      expected: exp.expected,
      deadline: deadline ? (deadlineText ?? exp.dueDate) : null,
      dueDate: exp.dueDate,
      due: exp.due,
      percentDecimals: s.percentDecimals,
      gapMode: s.gapMode,
      allowance: s.laggingGap,
    },
    words: [new Map(), new Map()],
  };
}

/** The memo of an expectation for a sub-task (its deadline wording matters only for a deadline). */
function memoOf(exp: Expectation, sub: SubTask, s: ScoringSettings): ExpectationMemo {
  const deadlineText = exp.basis === 'deadline' ? sub.deadlineText : null;
  const last = lastMemo;
  if (last !== null && last.exp === exp && last.settings === s && last.deadlineText === deadlineText) {
    return last;
  }
  const memo = findMemo(exp, deadlineText, s);
  lastMemo = memo;
  return memo;
}

function findMemo(exp: Expectation, deadlineText: string | null, s: ScoringSettings): ExpectationMemo {
  let list = memos.get(exp);
  if (list === undefined) {
    list = [];
    memos.set(exp, list);
  } else {
    for (const m of list) if (m.settings === s && m.deadlineText === deadlineText) return m;
  }
  const memo = newMemo(exp, deadlineText, s);
  // One deadline is written in a few ways at most (6月底前, 上半年); a runaway list is not worth keeping.
  if (list.length < 32) list.push(memo);
  return memo;
}

function capped(value: number, s: ScoringSettings): number {
  return Math.min(s.formula.creditCap, Math.max(0, value));
}

/**
 * Judge a completion ratio `r`. Time-scaled figures are compared with the sub-task's expectation, others
 * with 100 %. Percentages are compared at the display precision so a status agrees with the figures shown.
 */
function judgeRatio(r: number, timeScaled: boolean, exp: Expectation, s: ScoringSettings): Judgement {
  const d = s.percentDecimals;
  const expected = timeScaled ? exp.expected : 1;
  const cPct = roundTo(r * 100, d);
  const ePct = roundTo(expected * 100, d);
  const gap = roundTo(ePct - cPct, d);
  const credit = timeScaled ? (expected <= 0 ? capped(1, s) : capped(r / expected, s)) : capped(r, s);
  if (cPct >= 100) {
    const done = timeScaled || exp.due;
    return {
      status: done ? 'done' : 'on_track',
      gapPoints: gap,
      credit,
      verdict: 'met',
    };
  }
  if (exp.due) {
    const status = s.overdueIsSevere ? 'severe' : statusOfMeasure(gapMeasure(gap, ePct, cPct, s), s);
    return {
      status: status === 'on_track' ? 'lagging' : status,
      gapPoints: gap,
      credit,
      verdict: 'due_short',
    };
  }
  if (gap <= 0) {
    return {
      status: 'on_track',
      gapPoints: gap,
      credit,
      verdict: 'reached',
    };
  }
  const status = statusOfMeasure(gapMeasure(gap, ePct, cPct, s), s);
  return { status, gapPoints: gap, credit, verdict: 'below' };
}
/** The shortfall the preset measures: the gap in points, or the share of the expectation missing (%). */
function gapMeasure(gap: number, ePct: number, cPct: number, s: ScoringSettings): number {
  return s.gapMode === 'points' ? gap : relativeShortfall(cPct, ePct, s.percentDecimals);
}

/** Status from a shortfall and the preset's thresholds. */
function statusOfMeasure(measure: number, s: ScoringSettings): 'on_track' | 'lagging' | 'severe' {
  if (measure <= 0) return 'on_track';
  const severe = s.severeInclusive ? measure >= s.severeGap : measure > s.severeGap;
  if (severe) return 'severe';
  const lagging = s.laggingInclusive ? measure >= s.laggingGap : measure > s.laggingGap;
  return lagging ? 'lagging' : 'on_track';
}

/** Judge a status word. 未启动 is judged as 0 %; the others by meaning. */
function judgeWord(
  cls: StatusWordClass,
  timeScaled: boolean,
  exp: Expectation,
  s: ScoringSettings,
): Judgement {
  if (cls === 'not_started') return judgeRatio(0, timeScaled, exp, s);
  if (cls === 'done') return wordJudgement('done', capped(1, s), 'word_done');
  if (cls === 'far_behind') return wordJudgement('severe', 0, 'word_severe');
  const credit = cls === 'paused' ? 0 : cls === 'lagging' ? s.formula.laggingWordCredit : 1;
  if (exp.due) {
    return {
      status: s.overdueIsSevere ? 'severe' : 'lagging',
      gapPoints: null,
      credit: Math.min(credit, s.formula.laggingWordCredit),
      verdict: 'due',
    };
  }
  if (cls === 'on_track' || cls === 'in_progress') return wordJudgement('on_track', credit, 'word_on_track');
  return wordJudgement('lagging', credit, 'word_lagging');
}

// A judgement from a status word before its due date: no gap, not overdue. One literal shape for speed.
function wordJudgement(status: Judgement['status'], credit: number, verdict: Verdict): Judgement {
  return { status, gapPoints: null, credit, verdict };
}

/**
 * The judgement of a status word for sub-tasks sharing an expectation, made on first use in a
 * run and shared after that (see {@link ExpectationMemo}). Keyed by the word, which is always an entry of the
 * status-word vocabulary (or TRUE/FALSE of a check-box cell), so the memo stays small.
 */
function wordOutcome(
  cls: StatusWordClass,
  word: string,
  timeScaled: boolean,
  m: ExpectationMemo,
  exp: Expectation,
  s: ScoringSettings,
): WordOutcome {
  const byWord = m.words[timeScaled ? 1 : 0];
  const hit = byWord.get(word);
  if (hit !== undefined && hit.cls === cls) return hit;
  const outcome: WordOutcome = { cls, judgement: judgeWord(cls, timeScaled, exp, s) };
  if (byWord.size < 1000) byWord.set(word, outcome);
  return outcome;
}

// Report an unusable reading once, at its cell.
function reportInvalid(reading: ActualReading, ctxUnit: string | null, findings: Finding[]): void {
  if (reading.kind !== 'invalid') return;
  switch (reading.reason) {
    case 'unreadable_actual':
      findings.push(makeFinding('score_actual_unreadable', reading.at, { text: reading.text }));
      return;
    case 'cell_error':
      findings.push(makeFinding('score_actual_error', reading.at, { error: reading.text }));
      return;
    case 'unit_mismatch':
      findings.push(
        makeFinding('score_unit_mismatch', reading.at, {
          unit: reading.unit ?? '',
          expected: ctxUnit ?? '—',
        }),
      );
      return;
    case 'unknown_status':
      findings.push(makeFinding('score_status_unknown', reading.at, { text: reading.text }));
      return;
    case 'ambiguous_status': {
      const m = findStatusWord(reading.text);
      const words = m.kind === 'ambiguous' ? m.words.join('、') : reading.text;
      findings.push(makeFinding('score_status_ambiguous', reading.at, { text: reading.text, words }));
      return;
    }
  }
}

// A status cell is read like an actual of an indicator without a target: a word or a self-reported %.
const STATUS_CONTEXT: UnitContext = { unit: null, plainUnit: null, expectsFigure: false };

// What the status cell (or a one-word progress text) says, for indicators without their own figure.
function readStatus(
  statusCell: Located<string> | undefined,
  textCell: Located<string> | undefined,
): ActualReading {
  if (statusCell) {
    const reading = interpretActual(statusCell, null, STATUS_CONTEXT);
    // A figure with a unit is not a status; report it as an unknown status rather than a unit problem.
    if (reading.kind === 'invalid' && reading.reason === 'unit_mismatch') {
      return { ...reading, reason: 'unknown_status', unit: null };
    }
    if (reading.kind !== 'blank') return reading;
  }
  if (textCell && typeof textCell.value === 'string') {
    const m = findStatusWord(textCell.value, true);
    if (m.kind === 'word')
      return { kind: 'word', cls: m.cls, word: m.word, at: textCell.at, raw: textCell.value };
  }
  return BLANK;
}

function unscoredScore(
  ind: Indicator,
  target: number | null,
  m: ExpectationMemo,
  reason: UnscoredReason,
  reading: ActualReading | null,
  actual: number | null,
): IndicatorScore {
  return {
    indicator: ind,
    target,
    actual,
    basis: 'none',
    statusWord: null,
    completion: null,
    gapPoints: null,
    status: 'unscored',
    reason,
    credit: null,
    displayUnit: null,
    counted: null,
    benchmark: null,
    verdict: 'none',
    detail: reading !== null && reading.kind === 'invalid' ? reading.text : null,
    context: m.context,
    at: reading && reading.kind !== 'blank' ? reading.at : null,
  };
}

/**
 * A scored indicator: the judgement and the figures its explanation quotes (`displayUnit`, `counted`,
 * `benchmark`: only for figures). One literal, in the field order of {@link unscoredScore}, so every indicator
 * score has one shape.
 */
function scoredScore(
  ind: Indicator,
  target: number | null,
  j: Judgement,
  completion: number | null,
  actual: number | null,
  basis: ScoreBasis,
  word: string | null,
  at: CellRef,
  m: ExpectationMemo,
  displayUnit: string | null,
  counted: number | null,
  benchmark: number | null,
): IndicatorScore {
  return {
    indicator: ind,
    target,
    actual,
    basis,
    statusWord: word,
    completion,
    gapPoints: j.gapPoints,
    status: j.status,
    reason: null,
    credit: j.credit,
    displayUnit,
    counted,
    benchmark,
    verdict: j.verdict,
    detail: null,
    context: m.context,
    at,
  };
}

/**
 * Judge one indicator from its evidence: the indicator's own figure (`actual`), else `fallback` — a printed
 * completion rate or the status cell. `displayUnit` is the unit its figures are written in.
 */
function scoreIndicator(
  ind: Indicator,
  target: number | null,
  displayUnit: string | null,
  actual: ActualReading,
  fallback: ActualReading,
  benchmark: ActualReading | null,
  sub: SubTask,
  m: ExpectationMemo,
  exp: Expectation,
  s: ScoringSettings,
  findings: Finding[],
): IndicatorScore {
  const mode = modeOf(ind);
  const timeScaled = isTimeScaledMode(mode);
  const d = s.percentDecimals;

  // Evidence in order: the indicator's figure, a printed completion rate, the status cell. An unreadable
  // figure is reported here; an unreadable status once per sub-task by the caller.
  let evidence: ActualReading = actual;
  if (evidence.kind === 'invalid') reportInvalid(evidence, ind.unit, findings);
  if (
    evidence.kind === 'blank' ||
    (evidence.kind === 'invalid' && fallback.kind !== 'invalid' && fallback.kind !== 'blank')
  ) {
    evidence = fallback;
  }

  switch (evidence.kind) {
    case 'blank':
      return unscoredScore(ind, target, m, 'no_progress', null, null);
    case 'invalid':
      return unscoredScore(ind, target, m, evidence.reason, evidence, null);
    case 'word': {
      const w = wordOutcome(evidence.cls, evidence.word, timeScaled, m, exp, s);
      const completion = evidence.cls === 'not_started' ? 0 : null;
      return scoredScore(
        ind,
        target,
        w.judgement,
        completion,
        null,
        'status_word',
        evidence.word,
        evidence.at,
        m,
        null,
        null,
        null,
      );
    }
    case 'ratio': {
      const r = evidence.ratio;
      if (evidence.assumed) {
        findings.push(
          makeFinding('score_percent_assumed', evidence.at, {
            text: cellText(evidence.raw),
            percent: percentFixed(r, d),
          }),
        );
      }
      const j = judgeRatio(r, timeScaled, exp, s);
      return scoredScore(ind, target, j, r, null, 'self_reported', null, evidence.at, m, null, null, null);
    }
    case 'value':
      break;
  }

  // A figure, written in the unit the target was written in.
  const a = evidence.value;
  const at = evidence.at;
  if (evidence.assumedUnit !== null) {
    findings.push(
      makeFinding('score_actual_unit_assumed', at, {
        text: cellText(evidence.raw),
        unit: evidence.assumedUnit,
      }),
    );
  }
  const approx = isApproximate(ind);
  const tolPts = s.tolerance.ratePoints;
  const tolRel = s.tolerance.quantityRelative;

  if (mode === 'relative') {
    const b = benchmark;
    if (b === null || b.kind === 'blank') {
      findings.push(makeFinding('score_benchmark_missing', sub.at, { id: sub.id, metric: ind.metric }));
      return unscoredScore(ind, target, m, 'no_benchmark', evidence, a);
    }
    if (b.kind !== 'value') {
      reportInvalid(b, ind.unit, findings);
      return unscoredScore(ind, target, m, 'no_benchmark', b, a);
    }
    const close = approx || ind.comparator === '=';
    const bEff = close ? (isRateUnit(ind.unit) ? b.value - tolPts : b.value * (1 - tolRel)) : b.value;
    const r = bEff > 0 ? Math.max(0, a) / bEff : a >= bEff ? 1 : 0;
    const j = judgeRatio(r, false, exp, s);
    return scoredScore(ind, target, j, r, a, 'figure', null, at, m, displayUnit, null, b.value);
  }

  const t = target;
  if (t === null || !Number.isFinite(t)) {
    findings.push(makeFinding('score_target_missing', sub.at, { id: sub.id, metric: ind.metric }));
    return unscoredScore(ind, target, m, 'no_target', evidence, a);
  }

  let r: number;
  let counted: number | null = null;
  let j: Judgement;
  switch (mode) {
    case 'status':
    case 'quantity': {
      const tEff = approx ? t * (1 - tolRel) : t;
      if (tEff <= 0) {
        findings.push(makeFinding('score_target_missing', sub.at, { id: sub.id, metric: ind.metric }));
        return unscoredScore(ind, target, m, 'no_target', evidence, a);
      }
      if (a < 0) findings.push(makeFinding('score_negative_actual', at, { text: cellText(evidence.raw) }));
      if (approx) counted = tEff;
      r = Math.max(0, a) / tEff;
      j = judgeRatio(r, true, exp, s);
      break;
    }
    case 'rate': {
      const tEff = approx ? t - tolPts : t;
      if (approx) counted = tEff;
      r = tEff > 0 ? Math.max(0, a) / tEff : a >= tEff ? 1 : 0;
      j = judgeRatio(r, false, exp, s);
      break;
    }
    case 'limit': {
      const baseK = s.formula.lowerIsBetterBase;
      r = t > 0 ? Math.max(0, baseK - a / t) : a <= t ? 1 : 0;
      j = judgeRatio(r, false, exp, s);
      break;
    }
    case 'level': {
      r = t > 0 ? Math.max(0, a) / t : a >= t ? 1 : 0;
      j = judgeRatio(r, false, exp, s);
      break;
    }
  }
  return scoredScore(ind, target, j, r, a, 'figure', null, at, m, displayUnit, counted, null);
}

// Whether plain numbers reported for an indicator are figures in its unit: yes unless it is qualitative or a
// milestone without a target value, whose plain numbers are self-reported percentages.
function expectsFigure(ind: Indicator, target: number | null): boolean {
  return target !== null || (ind.kind !== 'qualitative' && ind.kind !== 'milestone');
}

function readCell(
  cell: Located<RawCell> | undefined,
  format: string | null | undefined,
  ind: Indicator,
  plainUnit: string | null,
  figureExpected: boolean,
): ActualReading {
  return cell ? readActual(cell, format ?? null, ind.unit, plainUnit, figureExpected) : BLANK;
}

// `String.prototype.charCodeAt`, called with `.call`. The loops here scan reported cells character by
// character; `text.charCodeAt(i)` looks the method up on every string, and strings arrive in many internal
// forms (flat, concatenated, sliced, one- or two-byte), which turns that lookup megamorphic — several times
// slower than calling the builtin held here.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with a string receiver
const charCodeAt: (this: string, index: number) => number = String.prototype.charCodeAt;

/**
 * Characters of a progress text as the seed notice counts them (字数): code points, whitespace (including
 * U+3000 and line breaks) not counted — the same count as validation's `progressLength`, without building
 * an array per text.
 */
export function textLength(text: string): number {
  let n = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = charCodeAt.call(text, i);
    // A high surrogate starts a pair counted once, at its low half.
    if (c >= 0xd800 && c <= 0xdbff) continue;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff) continue;
    if (
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f
    )
      continue;
    n += 1;
  }
  return n;
}

/**
 * Score one sub-task. Findings about its cells are appended to `findings`; `isTotal` marks a total row
 * (scored, never ranked or counted). Never throws for any entry.
 */
export function scoreSubTask(
  sub: SubTask,
  entry: ProgressEntry | undefined,
  ctx: SubTaskContext,
  findings: Finding[],
  isTotal = false,
): SubTaskScore {
  const s = ctx.settings;
  const d = s.percentDecimals;
  const deadline = sub.deadline;
  let exp: Expectation;
  if (deadline === null) exp = ctx.expectationOf(null);
  else {
    // A deadline the expectation is based on was read; only one that was not needs parsing to tell an
    // unreadable deadline (reported, then ignored) from a plain one.
    exp = ctx.expectationOf(deadline);
    if (exp.basis !== 'deadline' && parseIsoDate(deadline) === null) {
      findings.push(makeFinding('score_deadline_unreadable', sub.at, { id: sub.id, deadline }));
      exp = ctx.expectationOf(null);
    }
  }
  const memo = memoOf(exp, sub, s);
  const indicators = sub.indicators.length > 0 ? sub.indicators : [implicitIndicator(sub)];
  // Each field of the entry is read once: entries built by hand come in many shapes (the readers build
  // them in one, see progress-entry.ts), and a read on those takes V8's slowest (megamorphic) path.
  const statusCell = entry?.status;
  const textCell = entry?.text;
  const actualCell = entry?.actual;
  const printedCell = entry?.printedRate;
  const headerUnit = trimmedOrNull(entry?.actualUnit);
  const status = readStatus(statusCell, textCell);
  if (status.kind === 'invalid') reportInvalid(status, null, findings);

  // Nearly every sub-task has one indicator: `[score]` makes an array of exactly that size, where `[]` then
  // push() would reserve room for 17 in every result; the few with more are copied to their size below.
  let scores: IndicatorScore[] | null = null;
  let firstFigureCompletion: number | null = null;
  for (let index = 0; index < indicators.length; index++) {
    const ind = indicators[index];
    if (!ind) continue;
    const plainUnit = headerUnit ?? ind.writtenUnit;
    let target = ind.value;
    const planCell = index === 0 ? entry?.plan : undefined;
    if (planCell) {
      // A plan is a figure in the indicator's unit whatever its kind.
      const plan = readActual(planCell, entry?.planFormat ?? null, ind.unit, plainUnit, true);
      if (plan.kind === 'value') target = plan.value;
      else if (plan.kind !== 'blank') {
        findings.push(makeFinding('score_plan_unreadable', planCell.at, { text: cellText(planCell.raw) }));
      }
    }
    const figureExpected = expectsFigure(ind, target);
    const own = entry?.indicatorActuals?.[index];
    const actual = own
      ? readCell(own.actual, own.format, ind, plainUnit, figureExpected)
      : index === 0 && actualCell
        ? readCell(actualCell, entry.actualFormat, ind, plainUnit, figureExpected)
        : BLANK;
    // A printed 完成率 stands in for a missing figure of the first indicator only.
    let printed: ActualReading = BLANK;
    if (index === 0 && printedCell && actual.kind === 'blank') {
      const p = readPrintedPercent(printedCell.value, entry.printedRateFormat ?? null, exp.expected * 100);
      if (p)
        printed = {
          kind: 'ratio',
          ratio: p.percent / 100,
          assumed: false,
          at: printedCell.at,
          raw: printedCell.raw,
        };
    }
    const benchmark =
      ind.kind === 'relative'
        ? readCell(entry?.benchmark, entry?.benchmarkFormat, ind, plainUnit, figureExpected)
        : null;
    const score = scoreIndicator(
      ind,
      target,
      plainUnit,
      actual,
      printed.kind !== 'blank' ? printed : status,
      benchmark,
      sub,
      memo,
      exp,
      s,
      findings,
    );
    if (scores === null) scores = [score];
    else scores.push(score);
    if (index === 0 && score.basis === 'figure' && score.actual !== null && target !== null && target > 0) {
      const mode = modeOf(ind);
      if (mode !== 'limit' && mode !== 'relative') firstFigureCompletion = score.actual / target;
    }
  }

  const list: readonly IndicatorScore[] = scores === null ? [] : scores.length > 1 ? scores.slice() : scores;

  // Combine: the worst scored indicator decides; credit is the mean of the scored ones.
  let deciding: IndicatorScore | undefined;
  let creditSum = 0;
  let overdue = false;
  let yearEndUnfinished = false;
  let scoredCount = 0;
  for (const x of list) {
    if (x.status === 'unscored') continue;
    scoredCount += 1;
    // Not done when due: past its own deadline, or at year end.
    if (x.verdict === 'due' || x.verdict === 'due_short') {
      if (x.context.deadline !== null) overdue = true;
      else yearEndUnfinished = true;
    }
    creditSum += x.credit ?? 0;
    if (!deciding || severity(x.status) > severity(deciding.status)) deciding = x;
  }
  const first = list[0];
  if (!deciding) {
    // Only report "nothing reported" once per sub-task; other reasons were reported at their cells.
    let reasonOf = first;
    for (const x of list) {
      if (x.reason !== 'no_progress') {
        reasonOf = x;
        break;
      }
    }
    if (reasonOf?.reason === 'no_progress' && !isTotal) {
      findings.push(makeFinding('score_progress_missing', sub.at, { id: sub.id }));
    }
    deciding = reasonOf;
  } else if (list.length > 1) {
    for (const x of list) {
      if (x.status === 'unscored' && x.reason === 'no_progress') {
        findings.push(
          makeFinding('score_indicator_not_reported', sub.at, { id: sub.id, metric: x.indicator.metric }),
        );
      }
    }
  }
  const credit = scoredCount > 0 ? creditSum / scoredCount : null;

  // Cross-checks against what the unit wrote.
  if (printedCell && firstFigureCompletion !== null) {
    checkPrintedRate(printedCell, entry.printedRateFormat ?? null, firstFigureCompletion, s, findings);
  }
  if (
    status.kind === 'word' &&
    status.cls === 'done' &&
    first &&
    first.basis === 'figure' &&
    first.status !== 'done'
  ) {
    findings.push(
      makeFinding('score_status_contradicts_actual', status.at, {
        word: status.word,
        completion: first.completion === null ? '—' : percentFixed(first.completion, d),
      }),
    );
  }
  // A text no longer than the limit in UTF-16 units cannot have more characters than that: count only the
  // few longer ones.
  const text = textCell?.value;
  if (typeof text === 'string' && text.length > s.progressTextLimit && textCell) {
    const length = textLength(text);
    if (length > s.progressTextLimit) {
      findings.push(
        makeFinding('score_progress_text_too_long', textCell.at, { length, limit: s.progressTextLimit }),
      );
    }
  }

  return {
    subTask: sub,
    indicators: list,
    completion: deciding?.status === 'unscored' ? null : (deciding?.completion ?? null),
    context: memo.context,
    status: deciding?.status ?? 'unscored',
    reason: deciding?.status === 'unscored' ? (deciding.reason ?? 'no_progress') : null,
    gapPoints: deciding?.status === 'unscored' ? null : (deciding?.gapPoints ?? null),
    credit,
    weight: weightOf(sub, entry, ctx.weighted, isTotal, findings),
    overdue,
    yearEndUnfinished,
    isTotal,
    category: trimmedOrNull(entry?.category),
    at: deciding?.at ?? actualCell?.at ?? statusCell?.at ?? sub.at,
  };
}

function checkPrintedRate(
  cell: Located<RawCell>,
  format: string | null,
  completion: number,
  s: ScoringSettings,
  findings: Finding[],
): void {
  const computed = completion * 100;
  const printed = readPrintedPercent(cell.value, format, computed);
  if (printed === null) {
    if (cellText(cell.raw).trim() !== '') {
      findings.push(makeFinding('score_printed_rate_unreadable', cell.at, { text: cellText(cell.raw) }));
    }
    return;
  }
  // A rate printed with fewer decimals may differ by half its last digit (112% for 111.98 %) — not a mistake.
  const tolerance = Math.max(s.printedRateTolerance, 0.5 * 10 ** -printed.decimals);
  const diff = Math.abs(printed.percent - computed);
  if (diff > tolerance + 1e-9) {
    findings.push(
      makeFinding('score_printed_rate_mismatch', cell.at, {
        printed: `${fixed(printed.percent, printed.decimals)}%`,
        computed: `${fixed(computed, 2)}%`,
        diff: fixed(diff, 2),
      }),
    );
  }
}

function weightOf(
  sub: SubTask,
  entry: ProgressEntry | undefined,
  weighted: boolean,
  isTotal: boolean,
  findings: Finding[],
): number | null {
  if (!weighted) return 1;
  const w = entry?.weight;
  if (w === undefined) {
    if (!isTotal) findings.push(makeFinding('score_weight_missing', sub.at, { id: sub.id }));
    return null;
  }
  if (typeof w === 'number') {
    if (isValidWeight(w)) return w;
    findings.push(makeFinding('score_weight_invalid', sub.at, { text: String(w) }));
    return null;
  }
  const value = readWeight(w.value);
  if (value === null) {
    if (cellText(w.raw).trim() === '') {
      if (!isTotal) findings.push(makeFinding('score_weight_missing', w.at, { id: sub.id }));
    } else {
      findings.push(makeFinding('score_weight_invalid', w.at, { text: cellText(w.raw) }));
    }
    return null;
  }
  return value;
}
