/**
 * The scoring settings: every threshold, tolerance, limit and formula constant the score stage uses. Values
 * come from a named rule preset (`vocab/rule-presets.ts`) plus the user's overrides, validated eagerly by
 * `resolveSettings` (`settings.ts`) and stored in the workbook as plain JSON so they travel with it.
 *
 * Units used throughout: `*Gap` and `*Points` values are percentage points (0–100); `*Relative` values and
 * every ratio are ratios (0.05 = 5 %).
 */

/**
 * How the shortfall against the expected progress is measured.
 * - `points`: percentage points below it (expected 75 %, completion 45 % → gap 30).
 * - `relative`: per cent of the expectation that is missing (expected 75 %, completion 45 % → 40, because 45 is
 *   60 % of 75). The 三亚 preset uses this ("more than 50 % below 序时").
 */
export type GapMode = 'points' | 'relative';

/** What formula constants the unit score uses (docs/scoring.md). */
export interface FormulaSettings {
  /** Highest credit a sub-task can earn; 1 = 超额不加分 (over-fulfilment earns nothing extra). 1–10. */
  readonly creditCap: number;
  /** Lower-is-better credit is `lowerIsBetterBase − actual ÷ target`, floored at 0 (贵阳 style: 2). 1–10. */
  readonly lowerIsBetterBase: number;
  /** Credit for a sub-task reported only as lagging in words (进展缓慢, 滞后) without a figure. 0–1. */
  readonly laggingWordCredit: number;
  /** Decimals scores are rounded to for display and for comparing ranks (2 → ties survive float noise). 0–4. */
  readonly scoreDecimals: number;
}

/** The 左右 / 约 tolerance for approximate targets and 基本同步 benchmarks. */
export interface ToleranceSettings {
  /** For rates (unit `%`): percentage points below the target still counted as met (0.5: 8%左右 met by 7.5). */
  readonly ratePoints: number;
  /** For quantities: share of the target that may be missing (0.05: 200亿元左右 met by 190亿元). 0–1. */
  readonly quantityRelative: number;
}

/** Who is praised in the circular (通报表扬). */
export interface PraiseSettings {
  /** Lowest unit score (0–100) that can be praised; every sub-task must also be done or on track. */
  readonly minScore: number;
}

/** Which sub-tasks are escalated (督查七联动). Each flag adds one group. */
export interface EscalationSettings {
  /** Every severe (red) sub-task. */
  readonly severe: boolean;
  /** Sub-tasks not done by their own deadline (severe by default anyway, listed even when `severe` is off). */
  readonly overdue: boolean;
  /** Sub-tasks unfinished at the end of the plan year. */
  readonly yearEndUnfinished: boolean;
  /** Also yellow (lagging) sub-tasks; off by default. */
  readonly lagging: boolean;
}

/** How the circular's draft paragraph is worded. */
export interface ParagraphSettings {
  /**
   * Most units the sentence on the top-ranked units names. When more share the top places (29 units tied at
   * 100), the paragraph says how many share a place (综合得分并列第1位的有29个单位) instead of listing them;
   * the praise sentence names them. 1–100.
   */
  readonly topNamesLimit: number;
}

/** All scoring settings. */
export interface ScoringSettings {
  /** Name of the preset these settings started from (`序时`, `银川`, `三亚`). */
  readonly preset: string;
  readonly gapMode: GapMode;
  /** Lagging (yellow) when the gap exceeds this (or reaches it when `laggingInclusive`). 0–100. */
  readonly laggingGap: number;
  readonly laggingInclusive: boolean;
  /** Severe (red) when the gap exceeds this (or reaches it when `severeInclusive`). 0–100, ≥ `laggingGap`. */
  readonly severeGap: number;
  readonly severeInclusive: boolean;
  /** Not done at or after its deadline (or at year end without one) → severe, whatever the gap. */
  readonly overdueIsSevere: boolean;
  readonly tolerance: ToleranceSettings;
  /**
   * Decimals percentages are shown with (完成率68.1%) — and compared at, so that a status always agrees
   * with the figures printed beside it. 0–4.
   */
  readonly percentDecimals: number;
  /** A printed 完成率 differing from the recomputed one by more than this many points is reported. 0–100. */
  readonly printedRateTolerance: number;
  /** Longest progress text (进展情况) in characters before a finding (the seed notice: 200字以内). */
  readonly progressTextLimit: number;
  /** Quarterly reporting dates as `MM-DD`, ascending (the seed notice: 3-31, 6-30, 9-30, 12-31). */
  readonly reportingDeadlines: readonly string[];
  readonly formula: FormulaSettings;
  readonly praise: PraiseSettings;
  readonly escalation: EscalationSettings;
  /** The area word of the circular's paragraph: 全区 / 全市 / 全县. */
  readonly scopeName: string;
  readonly paragraph: ParagraphSettings;
}
