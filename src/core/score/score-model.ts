/**
 * The score stage's input and output. The input is what breakdown produced (sub-tasks with indicators) plus
 * what the units reported per sub-task (progress entries, every value with its cell); the output is a
 * status, completion and explanation per sub-task, a score and rank per unit, the circular's lists and
 * counts, and findings. Ratios are ratios (0.681), never percent numbers. See docs/scoring.md.
 */
import type { Indicator, SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import type { CellRef, RawCell } from '../grid.ts';
import type { Located } from '../table-model.ts';
import type { GapMode, ScoringSettings } from './settings-model.ts';
import type { ReportingPeriod } from './time-progress.ts';

export type { ScoringSettings } from './settings-model.ts';

/**
 * The status of a sub-task, indicator or unit: done · on track · lagging (yellow) · severe (red) ·
 * unscored (not enough data; see {@link UnscoredReason}).
 */
export type TaskStatus = 'done' | 'on_track' | 'lagging' | 'severe' | 'unscored';

/** Why something could not be scored. */
export type UnscoredReason =
  /** Neither an actual value nor a status was reported. */
  | 'no_progress'
  /** A figure was reported but the indicator has no usable target value (missing, zero or negative). */
  | 'no_target'
  /** The actual cell holds text with no single figure or word we can read. */
  | 'unreadable_actual'
  /** The actual cell holds an Excel error value (#N/A, #DIV/0!). */
  | 'cell_error'
  /** The actual's unit is of another kind than the target's (人 vs 元). */
  | 'unit_mismatch'
  /** A relative target (不低于全市平均) without the benchmark value. */
  | 'no_benchmark'
  /** A status text that is not in the status-word vocabulary. */
  | 'unknown_status'
  /** A status text with words of different meanings (部分完成、部分滞后). */
  | 'ambiguous_status';

/** A per-indicator actual value, for sub-tasks with several indicators and a column for each. */
export interface IndicatorActual {
  readonly actual: Located<RawCell>;
  /** The cell's number format (`0.0%`), null = General. */
  readonly format?: string | null;
}

/**
 * What a unit reported for one sub-task, every value with its cell. All fields are optional: scoring never
 * throws for any combination, it reports what it cannot use.
 */
export interface ProgressEntry {
  /** The actual value (完成值) of the sub-task's first indicator — or of its only one. */
  readonly actual?: Located<RawCell>;
  /** Number format of the actual cell; `0.0%` turns 0.681 into 68.1 %. */
  readonly actualFormat?: string | null;
  /** Unit of measure the actual column's header names (`完成值(万元)` → `万元`) for plain numbers. */
  readonly actualUnit?: string | null;
  /** Actual values per indicator (parallel to `SubTask.indicators`); an entry here overrides `actual`. */
  readonly indicatorActuals?: readonly (IndicatorActual | null | undefined)[];
  /**
   * The plan value (目标值 / 目标任务 cell of a wide table) for the first indicator, overriding the value read
   * from the target text. Read like an actual (units converted; `planFormat`, `actualUnit` apply).
   */
  readonly plan?: Located<RawCell>;
  readonly planFormat?: string | null;
  /** A status cell (完成情况 / 进展状态): a status word or a self-reported percentage (`完成60%`). */
  readonly status?: Located<string>;
  /** The progress text (进展情况); checked for length; read for a status only when it is one word as a whole. */
  readonly text?: Located<string>;
  /** A completion rate printed in the table (完成率); recomputed and compared. */
  readonly printedRate?: Located<RawCell>;
  readonly printedRateFormat?: string | null;
  /** The benchmark for a relative target (全市平均); read in the indicator's unit. */
  readonly benchmark?: Located<RawCell>;
  readonly benchmarkFormat?: string | null;
  /** Weight (权重/分值): a number, or the cell it came from (`10分`). */
  readonly weight?: number | Located<RawCell>;
  /** The row's category (类别: 街道/镇, 部门) for ranking within groups. */
  readonly category?: string | null;
}

/** A rank from an earlier run, for movement (位次前移/后移). */
export interface PreviousRank {
  readonly name: string;
  readonly rank: number | null;
}

/** Everything the score stage needs. No clock: `asOf` is passed in. */
export interface ScoreInput {
  /** The as-of date, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly planYear: number;
  /** From `resolveSettings`; validated again here. */
  readonly settings: ScoringSettings;
  readonly subTasks: readonly SubTask[];
  /** Progress per sub-task id. Entries for unknown ids are reported. */
  readonly progress: ReadonlyMap<string, ProgressEntry>;
  /** Category per unit name; overrides the entries' `category`. */
  readonly categories?: ReadonlyMap<string, string>;
  /**
   * Total rows (全区, 合计): sub-tasks of these task rows, or whose units are all among these names, are
   * scored and listed (`isTotal`) but never ranked or counted.
   */
  readonly totals?: { readonly units?: readonly string[]; readonly rows?: readonly number[] };
  /** Ranks of an earlier run. */
  readonly previous?: readonly PreviousRank[];
}

/** How an indicator's status was established. */
export type ScoreBasis = 'figure' | 'self_reported' | 'status_word' | 'none';

/** The score of one indicator. */
export interface IndicatorScore {
  /**
   * The indicator scored (its metric, kind, unit and comparator): the sub-task's, or for a sub-task without
   * any, one read as qualitative from its text. Referred to, not copied.
   */
  readonly indicator: Indicator;
  /** The target compared with, in the indicator's unit (after a plan-cell override). */
  readonly target: number | null;
  /** The actual figure in the indicator's unit (a percent number for rates), when one was reported. */
  readonly actual: number | null;
  readonly basis: ScoreBasis;
  /** The status word it was scored by, when `basis` is `status_word`. */
  readonly statusWord: string | null;
  /**
   * Completion as a ratio: actual ÷ target for cumulative, keep-level, rate and relative targets; the
   * attainment `base − actual ÷ target` for lower-is-better; the self-reported ratio; null for status words.
   */
  readonly completion: number | null;
  /**
   * Percentage points below the ratio it was compared with (`expectedOf`) at the display precision
   * (negative = ahead); null without a figure.
   */
  readonly gapPoints: number | null;
  readonly status: TaskStatus;
  readonly reason: UnscoredReason | null;
  /** Credit 0 … `creditCap` (docs/scoring.md §5); null when unscored. */
  readonly credit: number | null;
  /** The unit its figures are written in for people: `亿元` for a target written 200亿元 and held in 元. */
  readonly displayUnit: string | null;
  /** The target after the 左右 tolerance (approximate targets only), in the indicator's unit; else null. */
  readonly counted: number | null;
  /** The benchmark (全市平均) a relative target was compared with, when one was read. */
  readonly benchmark: number | null;
  /** Which sentence the explanation ends with. */
  readonly verdict: Verdict;
  /** The cell text an unusable reading held (`#N/A`, `详见附件`), quoted when unscored; else null. */
  readonly detail: string | null;
  /** The expectation it was judged against, shared by every indicator judged against it. */
  readonly context: ExplanationContext;
  /** The cell the actual (or status) came from. */
  readonly at: CellRef | null;
}

/**
 * How a judgement ends its explanation (docs/scoring.md §4). Scores record it, with the figures, instead of
 * the finished sentences: `explainIndicator` / `explainTask` write them in either language on demand, so a
 * large ledger's scoring does not build two texts for every sub-task that nobody may read.
 */
export type Verdict =
  /** 100 % or more: `已完成目标` (time-scaled) / `达到目标要求`. */
  | 'met'
  /** At or above the expectation: `达到序时进度50%`. */
  | 'reached'
  /** Below it: `低于序时进度75%（差30.0个百分点）`, with the allowance when still within it. */
  | 'below'
  /** Due and short of it: `年底仍未完成（差20.0个百分点）`. */
  | 'due_short'
  /** Due, judged by a status word: `年底仍未完成`. */
  | 'due'
  /** Status words before their due date: `视为完成` · `视为序时推进` · `视为进展滞后` · `视为严重滞后`. */
  | 'word_done'
  | 'word_on_track'
  | 'word_lagging'
  | 'word_severe'
  /** Not scored: the reason says why. */
  | 'none';

/**
 * What the explanations of every indicator judged against one expectation share: its value and wording,
 * and the display settings. One object per expectation and scoring run.
 */
export interface ExplanationContext {
  /** The expectation as a ratio: 序时进度, or the deadline's time progress. */
  readonly expected: number;
  /** The deadline as written (`6月底前`, else its date) when the expectation is a deadline's; null for 序时进度. */
  readonly deadline: string | null;
  /** The deadline, or the plan year's last day. */
  readonly dueDate: string;
  /** The as-of date is on or after `dueDate`. */
  readonly due: boolean;
  readonly percentDecimals: number;
  readonly gapMode: GapMode;
  /** The shortfall allowed before lagging (`laggingGap`), quoted when a figure is within it. */
  readonly allowance: number;
}

/**
 * The score of one sub-task. Its explanation (`完成率45.0%，低于序时进度75%（差30.0个百分点）`) is written from its
 * indicators by `explainTask(task, lang)`.
 */
export interface SubTaskScore {
  /**
   * The sub-task scored, referred to, not copied: its `id`, `units` (it counts for each), `owners` (as
   * displayed: `display`), `text`, `taskRow` and target cell `at`.
   */
  readonly subTask: SubTask;
  readonly indicators: readonly IndicatorScore[];
  /** Completion of the indicator that decided the status (ratio), null for status words or unscored. */
  readonly completion: number | null;
  /**
   * The expectation it was judged against — `expected` (序时进度 or the deadline's, as a ratio), `dueDate`
   * (the deadline, or the plan year's last day) and `due` — shared with its indicators.
   */
  readonly context: ExplanationContext;
  readonly status: TaskStatus;
  readonly reason: UnscoredReason | null;
  /** Gap in percentage points of the deciding indicator; null without a figure. */
  readonly gapPoints: number | null;
  /** Mean credit of the scored indicators, null when unscored. */
  readonly credit: number | null;
  /** Weight used for the unit score: 1 without a weight column; null when missing or unreadable there. */
  readonly weight: number | null;
  readonly overdue: boolean;
  readonly yearEndUnfinished: boolean;
  readonly isTotal: boolean;
  readonly category: string | null;
  /** Where to point the user: the actual cell, else the status cell, else the target cell. */
  readonly at: CellRef;
}

/** Rank movement against a previous run. */
export interface Movement {
  readonly direction: 'up' | 'down' | 'same' | 'new';
  /** Places moved (0 for same/new). */
  readonly places: number;
  /** `位次前移2位` / `位次后移1位` / `位次不变` / `新进入排名`. */
  readonly zh: string;
  readonly en: string;
}

/** The score of one responsible unit. */
export interface UnitScore {
  readonly name: string;
  readonly owners: readonly string[];
  readonly category: string | null;
  /** 0–100, rounded to `formula.scoreDecimals`; null when no sub-task could be scored. */
  readonly score: number | null;
  /** RANK.EQ over all ranked units (ties share, the next rank skips); null for totals and unscored. */
  readonly rank: number | null;
  /** Rank within its category, when it has one. */
  readonly groupRank: number | null;
  /** Worst status of its scored sub-tasks; `unscored` when none could be scored. */
  readonly status: TaskStatus;
  /** Sub-tasks it leads; `done + onTrack + lagging + severe + unscored === tasks`. */
  readonly tasks: number;
  readonly done: number;
  readonly onTrack: number;
  /** Yellow only; severe ones are counted in `severe`. */
  readonly lagging: number;
  readonly severe: number;
  readonly unscored: number;
  readonly movement: Movement | null;
  readonly praised: boolean;
  readonly isTotal: boolean;
}

/** Why a sub-task is escalated. */
export type EscalationCause = 'overdue' | 'year_end_unfinished' | 'severe' | 'lagging';

/** One escalated sub-task. */
export interface EscalatedTask {
  /**
   * Its score, referred to, not copied: `task.subTask` (id, text), `status`, `gapPoints` (how far behind,
   * when known), `indicators` (for `explainTask`) and the cell `at`.
   */
  readonly task: SubTaskScore;
  readonly cause: EscalationCause;
}

/** A unit on the escalation list with its tasks. */
export interface EscalationEntry {
  readonly unit: string;
  readonly tasks: readonly EscalatedTask[];
}

/** The circular's counts; sub-task counts partition `subTasks` (totals excluded). */
export interface ScoreCounts {
  readonly units: number;
  readonly subTasks: number;
  readonly done: number;
  readonly onTrack: number;
  readonly lagging: number;
  readonly severe: number;
  readonly unscored: number;
}

/** Everything scoring produces. */
export interface ScoreResult {
  readonly asOf: string;
  readonly planYear: number;
  readonly preset: string;
  /** 序时进度 at `asOf` as a ratio. */
  readonly timeProgress: number;
  readonly period: ReportingPeriod;
  readonly tasks: readonly SubTaskScore[];
  /** Ranked units by rank, then unranked ones, then totals; ties in input order. */
  readonly units: readonly UnitScore[];
  /** Praised unit names in rank order. */
  readonly praise: readonly string[];
  readonly escalate: readonly EscalationEntry[];
  readonly counts: ScoreCounts;
  /** The circular's draft paragraph. */
  readonly circularZh: string;
  readonly circularEn: string;
  readonly findings: readonly Finding[];
}
