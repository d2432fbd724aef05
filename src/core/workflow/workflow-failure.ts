/**
 * Why a workbook could not be processed: a value, like a finding, with the place to look. The host turns it
 * into words (`failureMessage`, or the command line's own wording) and, on the command line, an exit code.
 */

/** Stable codes of the workflow's failures. */
export type WorkflowFailureCode =
  /** The sheet the user named does not exist. */
  | 'sheet_not_found'
  /** No sheet looked at holds a key-task table. */
  | 'no_table'
  /** No sheet looked at holds a ledger (split, merge). */
  | 'no_ledger'
  /** The table has no 完成值 / 完成率 / 进展情况 column, so there is nothing to score. */
  | 'no_progress_columns'
  /** Breakdown was asked of a sheet that is already a ledger (任务台账), and no other sheet holds a table. */
  | 'is_ledger'
  /** The table has no task that breaks down into a sub-task. */
  | 'no_sub_tasks'
  /** Neither the user nor the title says which year the plan is for. */
  | 'no_plan_year'
  /** The ledger has a header but no task rows. */
  | 'ledger_empty'
  /** The rule preset the user chose does not exist. */
  | 'bad_preset'
  /** The scoring settings are invalid (`DubanError('invalid_settings')` from the core). */
  | 'bad_settings'
  /** A choice of the user's was refused by the core (a plan year out of range…). */
  | 'bad_argument'
  /** The as-of date the user gave is not a `YYYY-MM-DD` date. */
  | 'bad_as_of'
  /** The caller's "today" is not a `YYYY-MM-DD` date (checked only when the as-of date defaults to it). */
  | 'bad_today';

/** Parameters of a failure's message; lists are joined in the reader's language. */
export type FailureParams = Readonly<Record<string, string | number | readonly string[]>>;

/** One failure. */
export interface WorkflowFailure {
  readonly code: WorkflowFailureCode;
  /** The sheet the failure is about, when there is one. */
  readonly sheet: string | null;
  /** The cell to look at, A1 with its sheet (`分解表!A3`), when there is one. */
  readonly cell: string | null;
  /** What the message needs beyond sheet and cell (`sheets`, `name`, `detail`, `value`). */
  readonly params: FailureParams;
}

/** A failed outcome of a workflow step. */
export interface WorkflowFailed {
  readonly ok: false;
  readonly failure: WorkflowFailure;
}

/** Build a failed outcome. */
export function failed(
  code: WorkflowFailureCode,
  sheet: string | null,
  cell: string | null = null,
  params: FailureParams = {},
): WorkflowFailed {
  return { ok: false, failure: { code, sheet, cell, params } };
}
