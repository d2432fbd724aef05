/**
 * What the user chose on the 表格 tab, as the pane keeps it, and how it becomes the session's
 * `ScoreChoice`. Plain data and pure functions (no React), so the tabs and the tests share them.
 */
import type { ColumnOverride } from '../core/table-model.ts';
import type { GreenHighlight } from '../core/write-plan/plan-score.ts';
import type { ScoreChoice, WorkbookOverview } from '../excel/session-api.ts';
import { asOfFor, asOfModeOf, type AsOfMode } from './as-of.ts';

/** The 表格 tab's choices; null / empty means "the session decides" (stored setting, then detection). */
export interface PaneChoice {
  readonly sheet: string | null;
  readonly planYear: number | null;
  readonly mapping: ColumnOverride;
  readonly asOfMode: AsOfMode;
  /** The typed date when `asOfMode` is `date` (`YYYY-MM-DD`). */
  readonly asOfDate: string;
  readonly preset: string | null;
  readonly green: GreenHighlight;
}

/** Nothing chosen yet. */
export const EMPTY_CHOICE: PaneChoice = {
  sheet: null,
  planYear: null,
  mapping: {},
  asOfMode: 'today',
  asOfDate: '',
  preset: null,
  green: 'done',
};

/** The choices an earlier run stored in the workbook. */
export function choiceFromOverview(overview: WorkbookOverview): PaneChoice {
  const stored = overview.stored;
  if (stored === null) return EMPTY_CHOICE;
  const asOf = asOfModeOf(stored.asOf, stored.planYear);
  return {
    ...EMPTY_CHOICE,
    sheet: stored.sheet,
    planYear: stored.planYear,
    mapping: stored.mapping ?? {},
    asOfMode: asOf.mode,
    asOfDate: asOf.date,
    preset: stored.preset,
  };
}

/**
 * The session's choice: only what the user set, so the session's own defaults apply to the rest. A quarter
 * uses the chosen plan year, else the one detected in the table's title.
 */
export function toScoreChoice(choice: PaneChoice, detectedPlanYear: number | null): ScoreChoice {
  const planYear = choice.planYear ?? detectedPlanYear;
  const asOf = asOfFor(choice.asOfMode, choice.asOfDate, planYear);
  return {
    ...(choice.sheet !== null ? { sheet: choice.sheet } : {}),
    ...(choice.planYear !== null ? { planYear: choice.planYear } : {}),
    ...(Object.keys(choice.mapping).length > 0 ? { mapping: choice.mapping } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(choice.preset !== null ? { preset: choice.preset } : {}),
    green: choice.green,
  };
}
