/**
 * The score stage's public API: time progress, interpreting reported values, scoring sub-tasks and units,
 * ranking, the circular, and the settings that drive them. See docs/scoring.md.
 */
export { scoreSubTasks } from './score.ts';
export { explainIndicator, explainTask, type Explained } from './explain.ts';
export type {
  EscalatedTask,
  EscalationCause,
  EscalationEntry,
  ExplanationContext,
  IndicatorActual,
  IndicatorScore,
  Movement,
  PreviousRank,
  ProgressEntry,
  ScoreBasis,
  ScoreCounts,
  ScoreInput,
  ScoreResult,
  SubTaskScore,
  TaskStatus,
  UnitScore,
  UnscoredReason,
  Verdict,
} from './score-model.ts';
export {
  findPreset,
  presetNames,
  resolveSettings,
  settingsFromJson,
  settingsToJson,
  validateSettings,
  SETTINGS_JSON_VERSION,
  type StoredSettings,
} from './settings.ts';
export type {
  EscalationSettings,
  FormulaSettings,
  GapMode,
  ParagraphSettings,
  PraiseSettings,
  ScoringSettings,
  ToleranceSettings,
} from './settings-model.ts';
export {
  completedMonths,
  expectationCache,
  expectationFor,
  parseIsoDate,
  reportingPeriod,
  timeProgress,
  type Expectation,
  type ReportingPeriod,
} from './time-progress.ts';
export {
  findStatusWord,
  interpretActual,
  readPrintedPercent,
  type ActualReading,
  type StatusWordMatch,
  type UnitContext,
} from './interpret-actual.ts';
export { convertValue } from '../measure/unit-shape.ts';
export { scoreSubTask, type SubTaskContext } from './score-subtask.ts';
export { scoreUnits, type UnitScoringOptions } from './score-units.ts';
export { movementOf, rankEq } from './rank.ts';
export {
  buildEscalation,
  circularParagraph,
  countResults,
  escalation,
  escalationCause,
  type CircularInput,
  PARAGRAPH_MAX_TASKS_PER_UNIT,
  PARAGRAPH_MAX_UNITS,
} from './circular.ts';
export { fixed, percentFixed, percentTrimmed, roundTo } from './numbers.ts';
