/**
 * The ledger sheet (任务台账): built from a breakdown, filled in by the units quarter by quarter, read back
 * into sub-tasks and progress entries for scoring. Its columns are defined in `vocab/ledger-columns.ts`.
 */
export {
  buildLedger,
  ledgerCells,
  ledgerColumnIndex,
  LEDGER_FIRST_ROW,
  LEDGER_HEADER_ROW,
  LEDGER_TITLE_ROW,
  type LedgerSheet,
} from './build-ledger.ts';
export { findLedgerHeader, LEDGER_HEADER_SCAN_ROWS, type LedgerHeader } from './ledger-header.ts';
export { readLedger, type Ledger, type ReadLedgerOptions, type ReadLedgerResult } from './read-ledger.ts';
export { ledgerResultCells, type LedgerResultCells } from './ledger-results.ts';
export {
  comparatorWord,
  indicatorLabel,
  isQuantified,
  ledgerTarget,
  parseTargetPiece,
  readComparatorWord,
  splitLedgerList,
  type LedgerTarget,
  type ParsedTarget,
} from './ledger-values.ts';
