/**
 * Typed errors: thrown only for misuse of the API (bad arguments, bad settings) and host failures.
 * Problems found in the user's workbook are {@link Finding} values, never exceptions.
 */

/** Stable codes for thrown errors. */
export type DubanErrorCode =
  | 'invalid_argument'
  | 'invalid_settings'
  | 'sheet_not_found'
  | 'no_table'
  | 'host_failure'
  | 'unreadable_file'
  | 'cancelled';

/** The one error class the project throws. `fields` carries what a caller needs to explain it. */
export class DubanError extends Error {
  readonly code: DubanErrorCode;
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(
    code: DubanErrorCode,
    message: string,
    fields: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DubanError';
    this.code = code;
    this.fields = fields;
  }
}

/** True for errors thrown by this project. */
export function isDubanError(e: unknown): e is DubanError {
  return e instanceof DubanError;
}
