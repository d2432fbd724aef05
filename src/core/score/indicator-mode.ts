/**
 * How an indicator's figure is judged (docs/scoring.md §4), from its kind, comparator and unit. Shared by
 * scoring, which judges by it, and the explanations, which word the figures by it.
 */
import type { Indicator } from '../breakdown-model.ts';
import { isRateUnit } from '../measure/unit-shape.ts';
import type { IndicatorScore } from './score-model.ts';

/**
 * - `quantity`: actual ÷ target against the expectation (cumulative; approximate quantities);
 * - `rate`: actual rate ÷ target rate against 100 % (rates; approximate rates);
 * - `limit`: lower is better (and any `≤` target);
 * - `level`: keep a level; `relative`: against a benchmark;
 * - `status`: milestones and qualitative tasks (a figure only when they have a target).
 */
export type IndicatorMode = 'quantity' | 'rate' | 'limit' | 'level' | 'relative' | 'status';

/** The mode of an indicator. */
export function modeOf(ind: Pick<Indicator, 'kind' | 'comparator' | 'unit'>): IndicatorMode {
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

/** Whether the target is approximate (`8%左右`): lowered by the tolerance before comparing. */
export function isApproximate(ind: Pick<Indicator, 'kind' | 'comparator'>): boolean {
  return ind.kind === 'approximate' || ind.comparator === '~';
}

/**
 * Whether an indicator's completion is compared with the sub-task's expectation (序时进度 or the
 * deadline's): quantities, milestones and qualitative tasks. Rates, limits, levels and relative targets
 * are compared with 1 (100 %) whatever the date.
 * @example isTimeScaled({ kind: 'cumulative', … }) === true; isTimeScaled({ kind: 'rate', … }) === false
 */
export function isTimeScaled(ind: Pick<Indicator, 'kind' | 'comparator' | 'unit'>): boolean {
  return isTimeScaledMode(modeOf(ind));
}

/** {@link isTimeScaled} for an indicator whose mode is known. */
export function isTimeScaledMode(mode: IndicatorMode): boolean {
  return mode === 'quantity' || mode === 'status';
}

/**
 * The ratio an indicator's completion was compared with: the sub-task's expectation when time-scaled
 * ({@link isTimeScaled}), else 1.
 * @example expectedOf(cumulativeScoreAtJune30) === 0.5; expectedOf(growthRateScore) === 1
 */
export function expectedOf(score: Pick<IndicatorScore, 'indicator' | 'context'>): number {
  return isTimeScaled(score.indicator) ? score.context.expected : 1;
}
