/**
 * The host-independent use cases on a workbook port: which sheet holds the table or the ledger, read it,
 * analyse it, decide what to score, resolve plan year / as-of date / preset, and score. The command line
 * (over exceljs) and the add-in (over Office.js) both call these, so their decisions cannot drift apart.
 * Failures are values ({@link WorkflowFailure}) the host puts into words with {@link failureMessage}.
 */
export { breakdownWorkbook, type BrokenDown } from './breakdown-workbook.ts';
export { FAILURE_MESSAGES, failureMessage, presetList } from './failure-messages.ts';
export {
  findLedgerSheet,
  ledgerPlanYear,
  locateLedger,
  type FindLedgerOptions,
  type LocatedLedger,
} from './locate-ledger.ts';
export {
  locateTable,
  type LocatedTable,
  type TableOptions,
  type TableSearch,
  type WorkflowStep,
} from './locate-table.ts';
export { ReadCache, withReadCache } from './read-cache.ts';
export {
  defaultAsOf,
  scoreWorkbook,
  settingsForPreset,
  storedTableSheet,
  tidyFindings,
  type LedgerCompanion,
  type LedgerScored,
  type ScoreOptions,
  type ScoreWorkbookResult,
  type TableScored,
} from './score-workbook.ts';
export {
  failed,
  type FailureParams,
  type WorkflowFailed,
  type WorkflowFailure,
  type WorkflowFailureCode,
} from './workflow-failure.ts';
