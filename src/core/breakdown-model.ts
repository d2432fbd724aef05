/**
 * What breaking targets down produces: sub-tasks (one clause or sentence of a target) and the indicators
 * found in each, with canonical values and the original wording.
 */
import type { Finding } from './findings.ts';
import type { CellRef } from './grid.ts';
import type { Person, ReadTable } from './table-model.ts';

/** How an indicator is scored (ARCHITECTURE.md §3). */
export type IndicatorKind =
  | 'cumulative'
  | 'rate'
  | 'lower_is_better'
  | 'keep_level'
  | 'approximate'
  | 'relative'
  | 'milestone'
  | 'qualitative';

/** The comparison an indicator's wording asks for. */
export type Comparator = '>=' | '<=' | '~' | '=' | 'range';

/** One measurable (or qualitative) indicator inside a sub-task. */
export interface Indicator {
  /** The metric phrase, e.g. `地区生产总值增长`, `城镇新增就业`. */
  readonly metric: string;
  readonly kind: IndicatorKind;
  readonly comparator: Comparator | null;
  /** Canonical value: 万/亿 scaled out (`23万吨` → 230000), percent as the percent number (`8%` → 8). */
  readonly value: number | null;
  /** Upper bound of a range (`4.5%至5%` → 5); null otherwise. */
  readonly valueMax: number | null;
  /** Canonical unit of measure (`元`, `吨`, `%`, `人` …), null when none. */
  readonly unit: string | null;
  /** The original words the indicator was read from. */
  readonly text: string;
  /**
   * The unit the target was written in, which its figures are shown in: `亿元` for `完成投资200亿元` (held as
   * 2e10 元); `unit` itself when written in it or when the text does not show another (rates always);
   * null without a unit. Set by `makeIndicator` from the fields above.
   */
  readonly writtenUnit: string | null;
}

/** One sub-task of a task row. */
export interface SubTask {
  /** Stable id: row serial and 2-digit sequence, e.g. `1.03`. */
  readonly id: string;
  /** Absolute row of the task row it came from. */
  readonly taskRow: number;
  /** 1-based position within the task. */
  readonly seq: number;
  readonly units: readonly string[];
  readonly owners: readonly Person[];
  readonly text: string;
  /** The target cell it was split from. */
  readonly at: CellRef;
  /** ISO date (YYYY-MM-DD) of a deadline written in the text or the row's 完成时限, or null. */
  readonly deadline: string | null;
  /** The deadline's wording (`6月底前`), or null. */
  readonly deadlineText: string | null;
  readonly indicators: readonly Indicator[];
}

/** The result of breaking a table down. */
export interface Breakdown {
  readonly table: ReadTable;
  readonly planYear: number | null;
  readonly subTasks: readonly SubTask[];
  readonly findings: readonly Finding[];
}
