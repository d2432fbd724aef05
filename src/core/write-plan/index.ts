/**
 * The write plans: what scoring, breakdown, split and merge write into workbooks, as plain data that the
 * exceljs and Office.js adapters carry out identically. See docs/owned-marks.md.
 */
export type {
  CellUpdatePlan,
  ColumnBlockPlan,
  HighlightColour,
  PlanCell,
  PlanConditionalFormat,
  PlanPrint,
  PlanStyle,
  PlanValidation,
  SheetPlan,
  WritePlan,
} from './plan-model.ts';
export { EMPTY_PLAN } from './plan-model.ts';
export { planValue, startsLikeFormula, styled, type PlanCellExtras } from './plan-value.ts';
export { PLAN_STYLES, HIGHLIGHT_COLOURS, DATA_BAR_COLOUR, type StyleSpec } from './plan-styles.ts';
export {
  planScoreWrites,
  freeSheetName,
  rangeA1,
  columnMark,
  ruleMarks,
  PERCENT_FORMAT,
  type GreenHighlight,
  type PlanScoreInput,
  type ScoreTarget,
  type UserSheetFacts,
} from './plan-score.ts';
export { planBreakdownWrites, planLedgerSheet, type LedgerLayoutInput } from './plan-breakdown.ts';
export { planSplit, safeFileBase, rowUnits, type SplitInput, type UnitSplitPlan } from './plan-split.ts';
export {
  mergeReturns,
  type MergeInput,
  type MergeResult,
  type MergedRow,
  type ReturnedFile,
} from './merge-returns.ts';
export { planMergeWrites, mergeLogSheet } from './plan-merge.ts';
export {
  SETTINGS_SHEET_NAME,
  SETTINGS_MARKER,
  SETTINGS_CHUNK,
  DUBAN_SETTINGS_VERSION,
  HISTORY_LIMIT,
  baselineSnapshot,
  emptySettings,
  hasOwnedMarks,
  parseSettingsGrid,
  priorFor,
  settingsAfterClear,
  settingsCells,
  settingsWithChoice,
  withSnapshot,
  type DubanSettings,
  type OwnedColumnMark,
  type OwnedMarks,
  type OwnedRuleMark,
  type ResultSnapshot,
  type SettingsChoice,
  type UnitReturnMark,
} from './owned-settings.ts';
export { maskOwnedColumns } from './mask-owned.ts';
export * from './labels.ts';
