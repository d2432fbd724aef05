/**
 * The breakdown stage: target texts → sub-tasks with indicators and deadlines.
 */
export { splitSubtasks, type SubtaskText } from './split-subtasks.ts';
export {
  extractIndicators,
  analyseIndicators,
  type IndicatorAnalysis,
  type IndicatorIssue,
} from './extract-indicators.ts';
export {
  parseDeadline,
  parseRowDeadline,
  daysInMonth,
  type DeadlineResult,
  type RowDeadline,
} from './deadlines.ts';
export {
  breakDownTarget,
  subTaskId,
  type BreakDownContext,
  type TargetBreakdown,
} from './break-down-target.ts';
export { breakDownTable, headerUnit, type BreakDownTableOptions } from './break-down-table.ts';
