/**
 * Shapes and small constructors for the hand-written golden breakdown of the seed table. The constructors
 * only spell out objects; they hold no rules of their own.
 */
import type { Comparator, IndicatorKind } from '../../../src/core/breakdown-model.ts';

/** The projection of an indicator the golden files check. */
export interface GoldenIndicator {
  readonly metric: string;
  readonly kind: IndicatorKind;
  readonly comparator: Comparator | null;
  readonly value: number | null;
  readonly valueMax: number | null;
  readonly unit: string | null;
}

/** The projection of a sub-task the golden files check. */
export interface GoldenSubTask {
  readonly id: string;
  readonly text: string;
  readonly deadline: string | null;
  readonly indicators: readonly GoldenIndicator[];
}

/** One seed row with its expected breakdown (plan year 2024). */
export interface GoldenRow {
  readonly serial: string;
  readonly unit: string;
  /** The 目标任务 cell, verbatim from the seed. */
  readonly text: string;
  readonly subTasks: readonly GoldenSubTask[];
  /** Sentences reported as repeats (`duplicate_sentence`) and given no sub-task. */
  readonly dropped?: readonly string[];
  /** Finding codes expected for the row, in order. */
  readonly findings?: readonly string[];
}

/** An indicator with a number. */
export function ind(
  metric: string,
  kind: IndicatorKind,
  comparator: Comparator | null,
  value: number | null,
  unit: string | null,
  valueMax: number | null = null,
): GoldenIndicator {
  return { metric, kind, comparator, value, valueMax, unit };
}

/** An indicator without a number (keep-level, relative, milestone or qualitative). */
export function noValue(metric: string, kind: IndicatorKind, comparator: Comparator | null): GoldenIndicator {
  return { metric, kind, comparator, value: null, valueMax: null, unit: null };
}

/** A sub-task. */
export function st(
  id: string,
  text: string,
  deadline: string | null,
  indicators: readonly GoldenIndicator[],
): GoldenSubTask {
  return { id, text, deadline, indicators };
}

/** A qualitative sub-task: no number, no deadline; its one indicator's metric is the text itself. */
export function qual(id: string, text: string): GoldenSubTask {
  return st(id, text, null, [noValue(text, 'qualitative', null)]);
}
