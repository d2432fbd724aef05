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
 */
import type { Indicator, SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { CellRef, RawCell } from '../grid.ts';
import type { Located, Person } from '../table-model.ts';
import { cellText } from '../text/normalize.ts';
import type { StatusWordClass } from '../vocab/status-words.ts';
import {
  findStatusWord,
  interpretActual,
  isRateUnit,
  isValidWeight,
  readPrintedPercent,
  readWeight,
  type ActualReading,
  type UnitContext,
} from './interpret-actual.ts';
import { fixed, percentFixed, percentTrimmed, roundTo, trimmed } from './numbers.ts';
import type {
  IndicatorScore,
  ProgressEntry,
  ScoreBasis,
  SubTaskScore,
  TaskStatus,
  UnscoredReason,
} from './score-model.ts';
import type { ScoringSettings } from './settings-model.ts';
import { parseIsoDate, type Expectation } from './time-progress.ts';
import { formatFigure, writtenUnit } from './unit-display.ts';

/**
 * Owners' display names, remembered for the last owners array seen: the sub-tasks of one task row follow
 * each other and share the row's array, so they share one names array too. (A WeakMap memo cost more
 * than it saved: most arrays are seen once.) One per scoring run.
 */
export function ownerNamesMemo(): (owners: readonly Person[]) => readonly string[] {
  let lastOwners: readonly Person[] | null = null;
  let lastNames: readonly string[] = [];
  return (owners) => {
    if (owners !== lastOwners) {
      lastOwners = owners;
      lastNames = owners.map((p) => p.display);
    }
    return lastNames;
  };
}

/** What scoring one sub-task needs besides the sub-task and its entry. */
export interface SubTaskContext {
  readonly asOf: string;
  readonly planYear: number;
  readonly settings: ScoringSettings;
  /** True when any entry carries a weight: then a missing weight is reported and the sub-task left out. */
  readonly weighted: boolean;
  /** The expectation for a (valid) deadline or none: `expectationCache(asOf, planYear)`. */
  readonly expectationOf: (deadline: string | null) => Expectation;
  /** Owners' display names: `ownerNamesMemo()`. */
  readonly ownerNames: (owners: readonly Person[]) => readonly string[];
}

// One shared blank reading: most entries lack most cells.
const BLANK: ActualReading = { kind: 'blank' };

/** Severity order of scored statuses: the worst decides. */
const STATUS_ORDER: Readonly<Record<TaskStatus, number>> = {
  done: 0,
  on_track: 1,
  lagging: 2,
  severe: 3,
  unscored: -1,
};

/** The worse of two scored statuses (`unscored` never wins). */
export function worseStatus(a: TaskStatus, b: TaskStatus): TaskStatus {
  return STATUS_ORDER[b] > STATUS_ORDER[a] ? b : a;
}

// How an indicator's figure is judged.
type Mode = 'quantity' | 'rate' | 'limit' | 'level' | 'relative' | 'status';

function modeOf(ind: Indicator): Mode {
  if (ind.comparator === '<=' && ind.kind !== 'milestone' && ind.kind !== 'qualitative') return 'limit';
  switch (ind.kind) {
    case 'cumulative':
      return 'quantity';
    case 'rate':
      return 'rate';
    case 'lower_is_better':
      return 'limit';
    case 'keep_level':
      return 'level';
    case 'approximate':
      return isRateUnit(ind.unit) ? 'rate' : 'quantity';
    case 'relative':
      return 'relative';
    case 'milestone':
    case 'qualitative':
      return 'status';
  }
}

// A sub-task without indicators is judged as one qualitative indicator: by status words or a percentage.
function implicitIndicator(sub: SubTask): Indicator {
  return {
    metric: sub.text,
    kind: 'qualitative',
    comparator: null,
    value: null,
    valueMax: null,
    unit: null,
    text: sub.text,
  };
}

/** The outcome of comparing a completion ratio with what is expected. */
interface Judgement {
  readonly status: Exclude<TaskStatus, 'unscored'>;
  readonly expected: number;
  readonly gapPoints: number | null;
  readonly credit: number;
  readonly overdue: boolean;
  readonly yearEnd: boolean;
  readonly verdictZh: string;
  readonly verdictEn: string;
}

// The 序时 label is the same for every sub-task without a deadline: build it once per expectation.
const yearLabels = new WeakMap<Expectation, { zh: string; en: string; d: number }>();

// Labels of the expectation a time-scaled figure is compared with.
function expectationLabels(sub: SubTask, exp: Expectation, d: number): { zh: string; en: string } {
  if (exp.basis === 'year') {
    const hit = yearLabels.get(exp);
    if (hit && hit.d === d) return hit;
  }
  const e = percentTrimmed(exp.expected, d);
  if (exp.basis === 'deadline') {
    const when = sub.deadlineText ?? exp.dueDate;
    return { zh: `${when}完成的时限进度${e}`, en: `the ${e} expected by ${exp.dueDate}` };
  }
  const labels = { zh: `序时进度${e}`, en: `time progress ${e}`, d };
  yearLabels.set(exp, labels);
  return labels;
}

function dueLabels(exp: Expectation, sub: SubTask): { zh: string; en: string; overdue: boolean } {
  return exp.basis === 'deadline'
    ? {
        zh: `已过完成时限（${sub.deadlineText ?? exp.dueDate}）仍未完成`,
        en: `not done by its deadline ${exp.dueDate}`,
        overdue: true,
      }
    : { zh: '年底仍未完成', en: 'unfinished at year end', overdue: false };
}

function capped(value: number, s: ScoringSettings): number {
  return Math.min(s.formula.creditCap, Math.max(0, value));
}

/**
 * Judge a completion ratio `r`. Time-scaled figures are compared with the sub-task's expectation, others
 * with 100 %. Percentages are compared at the display precision so a status agrees with the figures shown.
 */
function judgeRatio(
  r: number,
  timeScaled: boolean,
  sub: SubTask,
  exp: Expectation,
  s: ScoringSettings,
): Judgement {
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
      expected,
      gapPoints: gap,
      credit,
      overdue: false,
      yearEnd: false,
      verdictZh: timeScaled ? '已完成目标' : '达到目标要求',
      verdictEn: timeScaled || exp.due ? 'target met' : 'meets the target so far',
    };
  }
  const gapText = fixed(gap, d);
  if (exp.due) {
    const due = dueLabels(exp, sub);
    const status = s.overdueIsSevere ? 'severe' : gapStatus(gap, ePct, cPct, s).status;
    return {
      status: status === 'on_track' ? 'lagging' : status,
      expected,
      gapPoints: gap,
      credit,
      overdue: due.overdue,
      yearEnd: !due.overdue,
      verdictZh: `${due.zh}（差${gapText}个百分点）`,
      verdictEn: `${due.en} (${gapText} points short)`,
    };
  }
  const labels = expectationLabels(sub, exp, d);
  if (gap <= 0) {
    return {
      status: 'on_track',
      expected,
      gapPoints: gap,
      credit,
      overdue: false,
      yearEnd: false,
      verdictZh: `达到${labels.zh}`,
      verdictEn: `at or above ${labels.en}`,
    };
  }
  const rText = timeScaled ? '' : percentFixed(r, d);
  const behindZh = timeScaled
    ? `低于${labels.zh}（差${gapText}个百分点`
    : `为目标要求的${rText}（差${gapText}个百分点`;
  const behindEn = timeScaled
    ? `below ${labels.en} (${gapText} points behind`
    : `${rText} of the requirement (${gapText} points short`;
  const g = gapStatus(gap, ePct, cPct, s);
  const relZh = s.gapMode === 'relative' ? `，落后${trimmed(g.measure, d)}%` : '';
  const relEn = s.gapMode === 'relative' ? `, ${trimmed(g.measure, d)}% short of it` : '';
  const allowZh =
    s.gapMode === 'points' ? `${trimmed(s.laggingGap, 2)}个百分点` : `${trimmed(s.laggingGap, 2)}%`;
  const allowEn =
    s.gapMode === 'points' ? `${trimmed(s.laggingGap, 2)} points` : `${trimmed(s.laggingGap, 2)}%`;
  return {
    status: g.status,
    expected,
    gapPoints: gap,
    credit,
    overdue: false,
    yearEnd: false,
    verdictZh:
      g.status === 'on_track' ? `${behindZh}${relZh}），在允许范围（${allowZh}）内` : `${behindZh}${relZh}）`,
    verdictEn:
      g.status === 'on_track'
        ? `${behindEn}${relEn}), within the allowed ${allowEn}`
        : `${behindEn}${relEn})`,
  };
}

/** Status from a positive gap and the preset's thresholds. */
function gapStatus(
  gap: number,
  ePct: number,
  cPct: number,
  s: ScoringSettings,
): { status: 'on_track' | 'lagging' | 'severe'; measure: number } {
  const d = s.percentDecimals;
  const measure = s.gapMode === 'points' ? gap : ePct > 0 ? roundTo((1 - cPct / ePct) * 100, d) : 0;
  if (measure <= 0) return { status: 'on_track', measure };
  const severe = s.severeInclusive ? measure >= s.severeGap : measure > s.severeGap;
  if (severe) return { status: 'severe', measure };
  const lagging = s.laggingInclusive ? measure >= s.laggingGap : measure > s.laggingGap;
  return { status: lagging ? 'lagging' : 'on_track', measure };
}

/** Judge a status word. 未启动 is judged as 0 %; the others by meaning. */
function judgeWord(
  cls: StatusWordClass,
  timeScaled: boolean,
  sub: SubTask,
  exp: Expectation,
  s: ScoringSettings,
): Judgement {
  if (cls === 'not_started') return judgeRatio(0, timeScaled, sub, exp, s);
  const expected = timeScaled ? exp.expected : 1;
  if (cls === 'done') return wordJudgement('done', expected, capped(1, s), '视为完成', 'counted as done');
  if (cls === 'far_behind') return wordJudgement('severe', expected, 0, '视为严重滞后', 'counted as severe');
  const credit = cls === 'paused' ? 0 : cls === 'lagging' ? s.formula.laggingWordCredit : 1;
  if (exp.due) {
    const due = dueLabels(exp, sub);
    return {
      status: s.overdueIsSevere ? 'severe' : 'lagging',
      expected,
      gapPoints: null,
      credit: Math.min(credit, s.formula.laggingWordCredit),
      overdue: due.overdue,
      yearEnd: !due.overdue,
      verdictZh: due.zh,
      verdictEn: due.en,
    };
  }
  if (cls === 'on_track' || cls === 'in_progress') {
    return wordJudgement('on_track', expected, credit, '视为序时推进', 'counted as on track');
  }
  return wordJudgement('lagging', expected, credit, '视为进展滞后', 'counted as lagging');
}

// A judgement from a status word before its due date: no gap, not overdue. One literal shape for speed.
function wordJudgement(
  status: Judgement['status'],
  expected: number,
  credit: number,
  verdictZh: string,
  verdictEn: string,
): Judgement {
  return { status, expected, gapPoints: null, credit, overdue: false, yearEnd: false, verdictZh, verdictEn };
}

// The text shown for unscored indicators.
function unscoredText(reason: UnscoredReason, reading: ActualReading | null): { zh: string; en: string } {
  const text = reading && reading.kind === 'invalid' ? reading.text : '';
  switch (reason) {
    case 'no_progress':
      return { zh: '未评分：未填报完成值或进展状态', en: 'not scored: no actual or status reported' };
    case 'no_target':
      return { zh: '未评分：缺少可用的目标值', en: 'not scored: no usable target value' };
    case 'unreadable_actual':
      return { zh: `未评分：无法识别完成值“${text}”`, en: `not scored: cannot read the actual "${text}"` };
    case 'cell_error':
      return { zh: `未评分：完成值为错误值${text}`, en: `not scored: the actual is the error value ${text}` };
    case 'unit_mismatch':
      return {
        zh: `未评分：完成值“${text}”的单位与目标不一致`,
        en: `not scored: the unit of "${text}" does not match the target's`,
      };
    case 'no_benchmark':
      return { zh: '未评分：缺少对标值', en: 'not scored: no benchmark value' };
    case 'unknown_status':
      return { zh: `未评分：无法识别状态“${text}”`, en: `not scored: unknown status "${text}"` };
    case 'ambiguous_status':
      return { zh: `未评分：状态“${text}”含义不一`, en: `not scored: the status "${text}" is ambiguous` };
  }
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

function locatedText(cell: Located<string>): Located<RawCell> {
  return { value: cell.value, at: cell.at, raw: cell.raw };
}

// What the status cell (or a one-word progress text) says, for indicators without their own figure.
function readStatus(entry: ProgressEntry | undefined): ActualReading {
  if (entry?.status) {
    const reading = interpretActual(locatedText(entry.status), null, {
      unit: null,
      plainUnit: null,
      expectsFigure: false,
    });
    // A figure with a unit is not a status; report it as an unknown status rather than a unit problem.
    if (reading.kind === 'invalid' && reading.reason === 'unit_mismatch') {
      return { ...reading, reason: 'unknown_status', unit: null };
    }
    if (reading.kind !== 'blank') return reading;
  }
  if (entry?.text && typeof entry.text.value === 'string') {
    const m = findStatusWord(entry.text.value, true);
    if (m.kind === 'word')
      return { kind: 'word', cls: m.cls, word: m.word, at: entry.text.at, raw: entry.text.value };
  }
  return BLANK;
}

/** Everything needed to judge one indicator. */
interface IndicatorInput {
  readonly ind: Indicator;
  readonly index: number;
  readonly target: number | null;
  readonly actual: ActualReading;
  readonly status: ActualReading;
  readonly printed: ActualReading;
  readonly benchmark: ActualReading | null;
  readonly displayUnit: string | null;
}

interface Measure {
  readonly zh: string;
  readonly en: string;
}

// A figure of the indicator in the unit its target was written in.
function figure(input: IndicatorInput, value: number): string {
  return formatFigure(value, input.ind.unit, input.displayUnit);
}

function unscoredScore(
  input: IndicatorInput,
  timeScaled: boolean,
  exp: Expectation,
  reason: UnscoredReason,
  reading: ActualReading | null,
  actual: number | null,
): IndicatorScore {
  const t = unscoredText(reason, reading);
  return {
    index: input.index,
    metric: input.ind.metric,
    kind: input.ind.kind,
    target: input.target,
    actual,
    unit: input.ind.unit,
    basis: 'none',
    statusWord: null,
    completion: null,
    expected: timeScaled ? exp.expected : 1,
    timeScaled,
    gapPoints: null,
    status: 'unscored',
    reason,
    credit: null,
    overdue: false,
    yearEndUnfinished: false,
    explanationZh: t.zh,
    explanationEn: t.en,
    at: reading && reading.kind !== 'blank' ? reading.at : null,
  };
}

function scoredScore(
  input: IndicatorInput,
  timeScaled: boolean,
  j: Judgement,
  completion: number | null,
  actual: number | null,
  basis: ScoreBasis,
  word: string | null,
  at: CellRef,
  measure: Measure,
): IndicatorScore {
  return {
    index: input.index,
    metric: input.ind.metric,
    kind: input.ind.kind,
    target: input.target,
    actual,
    unit: input.ind.unit,
    basis,
    statusWord: word,
    completion,
    expected: j.expected,
    timeScaled,
    gapPoints: j.gapPoints,
    status: j.status,
    reason: null,
    credit: j.credit,
    overdue: j.overdue,
    yearEndUnfinished: j.yearEnd,
    // join() builds one flat string; a template would keep a tree of string pieces alive per sub-task,
    // which made garbage collection the largest cost of scoring a large ledger.
    explanationZh: [measure.zh, '，', j.verdictZh].join(''),
    explanationEn: [measure.en, ', ', j.verdictEn].join(''),
    at,
  };
}

function scoreIndicator(
  input: IndicatorInput,
  sub: SubTask,
  exp: Expectation,
  s: ScoringSettings,
  findings: Finding[],
): IndicatorScore {
  const { ind, target } = input;
  const mode = modeOf(ind);
  const timeScaled = mode === 'quantity' || mode === 'status';
  const d = s.percentDecimals;

  // Evidence in order: the indicator's figure, a printed completion rate, the status cell. An unreadable
  // figure is reported here; an unreadable status once per sub-task by the caller.
  let evidence: ActualReading = input.actual;
  if (evidence.kind === 'invalid') reportInvalid(evidence, ind.unit, findings);
  const fallback = input.printed.kind !== 'blank' ? input.printed : input.status;
  if (
    evidence.kind === 'blank' ||
    (evidence.kind === 'invalid' && fallback.kind !== 'invalid' && fallback.kind !== 'blank')
  ) {
    evidence = fallback;
  }

  switch (evidence.kind) {
    case 'blank':
      return unscoredScore(input, timeScaled, exp, 'no_progress', null, null);
    case 'invalid':
      return unscoredScore(input, timeScaled, exp, evidence.reason, evidence, null);
    case 'word': {
      const j = judgeWord(evidence.cls, timeScaled, sub, exp, s);
      const measure =
        evidence.cls === 'not_started'
          ? { zh: `填报“${evidence.word}”（按完成0%计）`, en: `reported "${evidence.word}" (counted as 0 %)` }
          : { zh: `填报“${evidence.word}”`, en: `reported "${evidence.word}"` };
      const completion = evidence.cls === 'not_started' ? 0 : null;
      return scoredScore(
        input,
        timeScaled,
        j,
        completion,
        null,
        'status_word',
        evidence.word,
        evidence.at,
        measure,
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
      const j = judgeRatio(r, timeScaled, sub, exp, s);
      const c = percentFixed(r, d);
      return scoredScore(input, timeScaled, j, r, null, 'self_reported', null, evidence.at, {
        zh: `完成率${c}（自报）`,
        en: `completion ${c} (self-reported)`,
      });
    }
    case 'value':
      break;
  }

  // A figure.
  const a = evidence.value;
  const aText = figure(input, a);
  const at = evidence.at;
  if (evidence.assumedUnit !== null) {
    findings.push(
      makeFinding('score_actual_unit_assumed', at, {
        text: cellText(evidence.raw),
        unit: evidence.assumedUnit,
      }),
    );
  }
  const approx = ind.kind === 'approximate' || ind.comparator === '~';
  const tolPts = s.tolerance.ratePoints;
  const tolRel = s.tolerance.quantityRelative;

  if (mode === 'relative') {
    const b = input.benchmark;
    if (b === null || b.kind === 'blank') {
      findings.push(makeFinding('score_benchmark_missing', sub.at, { id: sub.id, metric: ind.metric }));
      return unscoredScore(input, timeScaled, exp, 'no_benchmark', evidence, a);
    }
    if (b.kind !== 'value') {
      reportInvalid(b, ind.unit, findings);
      return unscoredScore(input, timeScaled, exp, 'no_benchmark', b, a);
    }
    const close = approx || ind.comparator === '=';
    const bText = figure(input, b.value);
    const bEff = close ? (isRateUnit(ind.unit) ? b.value - tolPts : b.value * (1 - tolRel)) : b.value;
    const r = bEff > 0 ? Math.max(0, a) / bEff : a >= bEff ? 1 : 0;
    const j = judgeRatio(r, false, sub, exp, s);
    return scoredScore(input, timeScaled, j, r, a, 'figure', null, at, {
      zh: `实际${aText}，对标值${bText}${close ? '（基本同步）' : ''}`,
      en: `actual ${aText}, benchmark ${bText}${close ? ' (roughly in step)' : ''}`,
    });
  }

  const t = target;
  if (t === null || !Number.isFinite(t)) {
    findings.push(makeFinding('score_target_missing', sub.at, { id: sub.id, metric: ind.metric }));
    return unscoredScore(input, timeScaled, exp, 'no_target', evidence, a);
  }

  const tText = figure(input, t);
  switch (mode) {
    case 'status':
    case 'quantity': {
      const tEff = approx ? t * (1 - tolRel) : t;
      const tEffText = approx ? figure(input, tEff) : '';
      if (tEff <= 0) {
        findings.push(makeFinding('score_target_missing', sub.at, { id: sub.id, metric: ind.metric }));
        return unscoredScore(input, timeScaled, exp, 'no_target', evidence, a);
      }
      if (a < 0) findings.push(makeFinding('score_negative_actual', at, { text: cellText(evidence.raw) }));
      const r = Math.max(0, a) / tEff;
      const j = judgeRatio(r, true, sub, exp, s);
      const c = percentFixed(r, d);
      return scoredScore(input, timeScaled, j, r, a, 'figure', null, at, {
        zh: approx
          ? `完成${aText}（目标${tText}左右，按${tEffText}计），完成率${c}`
          : `完成${aText}（目标${tText}），完成率${c}`,
        en: approx
          ? `${aText} of about ${tText} (counted from ${tEffText}), completion ${c}`
          : `${aText} of ${tText}, completion ${c}`,
      });
    }
    case 'rate': {
      const tEff = approx ? t - tolPts : t;
      const tEffText = approx ? figure(input, tEff) : '';
      const r = tEff > 0 ? Math.max(0, a) / tEff : a >= tEff ? 1 : 0;
      const j = judgeRatio(r, false, sub, exp, s);
      const word = approx ? '左右' : ind.comparator === '>=' ? '以上' : '';
      const wordEn = approx ? ' (about)' : ind.comparator === '>=' ? ' or more' : '';
      const neg = a <= 0 && tEff > 0;
      return scoredScore(input, timeScaled, j, r, a, 'figure', null, at, {
        zh: `实际${aText}，目标${tText}${word}${approx ? `（按${tEffText}计）` : ''}${neg ? '，负增长或零增长不计进度' : ''}`,
        en: `actual ${aText}, target ${tText}${wordEn}${approx ? ` (counted from ${tEffText})` : ''}${neg ? ', no growth counts as no progress' : ''}`,
      });
    }
    case 'limit': {
      const baseK = s.formula.lowerIsBetterBase;
      const r = t > 0 ? Math.max(0, baseK - a / t) : a <= t ? 1 : 0;
      const j = judgeRatio(r, false, sub, exp, s);
      const met = a <= t;
      return scoredScore(input, timeScaled, j, r, a, 'figure', null, at, {
        zh: met ? `实际${aText}，控制在目标${tText}以内` : `实际${aText}，超出控制目标${tText}`,
        en: met ? `actual ${aText}, within the limit ${tText}` : `actual ${aText}, above the limit ${tText}`,
      });
    }
    case 'level': {
      const r = t > 0 ? Math.max(0, a) / t : a >= t ? 1 : 0;
      const j = judgeRatio(r, false, sub, exp, s);
      return scoredScore(input, timeScaled, j, r, a, 'figure', null, at, {
        zh: `实际${aText}，目标保持${tText}`,
        en: `actual ${aText}, level to keep ${tText}`,
      });
    }
  }
}

function unitContext(
  ind: Indicator,
  target: number | null,
  headerUnit: string | null,
  written: string | null,
): UnitContext {
  return {
    unit: ind.unit,
    plainUnit: headerUnit ?? written,
    expectsFigure: target !== null || (ind.kind !== 'qualitative' && ind.kind !== 'milestone'),
  };
}

function readCell(
  cell: Located<RawCell> | undefined,
  format: string | null | undefined,
  ctx: UnitContext,
): ActualReading {
  return cell ? interpretActual(cell, format ?? null, ctx) : BLANK;
}

/**
 * Characters of a progress text as the seed notice counts them (字数): code points, whitespace (including
 * U+3000 and line breaks) not counted — the same count as validation's `progressLength`, without building
 * an array per text.
 */
export function textLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
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
  let deadline = sub.deadline;
  if (deadline !== null && parseIsoDate(deadline) === null) {
    findings.push(makeFinding('score_deadline_unreadable', sub.at, { id: sub.id, deadline }));
    deadline = null;
  }
  const exp = ctx.expectationOf(deadline);
  const indicators = sub.indicators.length > 0 ? sub.indicators : [implicitIndicator(sub)];
  const headerUnit =
    typeof entry?.actualUnit === 'string' && entry.actualUnit.trim() !== '' ? entry.actualUnit.trim() : null;
  const status = readStatus(entry);
  if (status.kind === 'invalid') reportInvalid(status, null, findings);

  const scores: IndicatorScore[] = [];
  let firstFigureCompletion: number | null = null;
  for (let index = 0; index < indicators.length; index++) {
    const ind = indicators[index];
    if (!ind) continue;
    const written = writtenUnit(ind);
    let target = ind.value;
    if (index === 0 && entry?.plan) {
      const plan = interpretActual(
        entry.plan,
        entry.planFormat ?? null,
        unitContext(ind, 1, headerUnit, written),
      );
      if (plan.kind === 'value') target = plan.value;
      else if (plan.kind !== 'blank') {
        findings.push(
          makeFinding('score_plan_unreadable', entry.plan.at, { text: cellText(entry.plan.raw) }),
        );
      }
    }
    const uctx = unitContext(ind, target, headerUnit, written);
    const own = entry?.indicatorActuals?.[index];
    const actual = own
      ? readCell(own.actual, own.format, uctx)
      : index === 0
        ? readCell(entry?.actual, entry?.actualFormat, uctx)
        : BLANK;
    // A printed 完成率 stands in for a missing figure of the first indicator only.
    let printed: ActualReading = BLANK;
    if (index === 0 && entry?.printedRate && actual.kind === 'blank') {
      const p = readPrintedPercent(
        entry.printedRate.value,
        entry.printedRateFormat ?? null,
        exp.expected * 100,
      );
      if (p)
        printed = {
          kind: 'ratio',
          ratio: p.percent / 100,
          assumed: false,
          at: entry.printedRate.at,
          raw: entry.printedRate.raw,
        };
    }
    const benchmark =
      ind.kind === 'relative' ? readCell(entry?.benchmark, entry?.benchmarkFormat, uctx) : null;
    const score = scoreIndicator(
      { ind, index, target, actual, status, printed, benchmark, displayUnit: headerUnit ?? written },
      sub,
      exp,
      s,
      findings,
    );
    scores.push(score);
    if (index === 0 && score.basis === 'figure' && score.actual !== null && target !== null && target > 0) {
      const mode = modeOf(ind);
      if (mode !== 'limit' && mode !== 'relative') firstFigureCompletion = score.actual / target;
    }
  }

  // Combine: the worst scored indicator decides; credit is the mean of the scored ones.
  let deciding: IndicatorScore | undefined;
  let creditSum = 0;
  let overdue = false;
  let yearEndUnfinished = false;
  let scoredCount = 0;
  for (const x of scores) {
    if (x.status === 'unscored') continue;
    scoredCount += 1;
    if (x.overdue) overdue = true;
    if (x.yearEndUnfinished) yearEndUnfinished = true;
    creditSum += x.credit ?? 0;
    if (!deciding || STATUS_ORDER[x.status] > STATUS_ORDER[deciding.status]) deciding = x;
  }
  const first = scores[0];
  if (!deciding) {
    // Only report "nothing reported" once per sub-task; other reasons were reported at their cells.
    const reasonOf = scores.find((x) => x.reason !== 'no_progress') ?? first;
    if (reasonOf?.reason === 'no_progress' && !isTotal) {
      findings.push(makeFinding('score_progress_missing', sub.at, { id: sub.id }));
    }
    deciding = reasonOf;
  } else if (scores.length > 1) {
    for (const x of scores) {
      if (x.status === 'unscored' && x.reason === 'no_progress') {
        findings.push(makeFinding('score_indicator_not_reported', sub.at, { id: sub.id, metric: x.metric }));
      }
    }
  }
  const credit = scoredCount > 0 ? creditSum / scoredCount : null;

  // Cross-checks against what the unit wrote.
  if (entry?.printedRate && firstFigureCompletion !== null) {
    checkPrintedRate(entry, firstFigureCompletion, s, findings);
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
  if (entry?.text && typeof entry.text.value === 'string') {
    const length = textLength(entry.text.value);
    if (length > s.progressTextLimit) {
      findings.push(
        makeFinding('score_progress_text_too_long', entry.text.at, { length, limit: s.progressTextLimit }),
      );
    }
  }

  const single = scores.length === 1;
  const explanationZh = single
    ? (first?.explanationZh ?? '')
    : scores.map((x) => `${x.metric}：${x.explanationZh}`).join('；');
  const explanationEn = single
    ? (first?.explanationEn ?? '')
    : scores.map((x) => `${x.metric}: ${x.explanationEn}`).join('; ');

  return {
    id: sub.id,
    taskRow: sub.taskRow,
    units: sub.units,
    owners: ctx.ownerNames(sub.owners),
    text: sub.text,
    indicators: scores,
    completion: deciding?.status === 'unscored' ? null : (deciding?.completion ?? null),
    expected: exp.expected,
    dueDate: exp.dueDate,
    due: exp.due,
    status: deciding?.status ?? 'unscored',
    reason: deciding?.status === 'unscored' ? (deciding.reason ?? 'no_progress') : null,
    gapPoints: deciding?.status === 'unscored' ? null : (deciding?.gapPoints ?? null),
    explanationZh,
    explanationEn,
    credit,
    weight: weightOf(sub, entry, ctx.weighted, isTotal, findings),
    overdue,
    yearEndUnfinished,
    isTotal,
    category:
      typeof entry?.category === 'string' && entry.category.trim() !== '' ? entry.category.trim() : null,
    at: deciding?.at ?? entry?.actual?.at ?? entry?.status?.at ?? sub.at,
    targetAt: sub.at,
  };
}

function checkPrintedRate(
  entry: ProgressEntry,
  completion: number,
  s: ScoringSettings,
  findings: Finding[],
): void {
  const cell = entry.printedRate;
  if (!cell) return;
  const computed = completion * 100;
  const printed = readPrintedPercent(cell.value, entry.printedRateFormat ?? null, computed);
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
