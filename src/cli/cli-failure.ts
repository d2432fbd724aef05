/**
 * Workflow failures (`core/workflow`) in the command line's words and exit codes: a choice the user typed
 * (sheet, preset, settings, dates) exits 2, a workbook that cannot be processed exits 1. The wording names
 * the file and the options to use, so it is the command line's own, not the add-in's.
 */
import type { Lang } from '../core/findings.ts';
import { presetList, type WorkflowFailure } from '../core/workflow/index.ts';
import { CliFailure, EXIT } from './cli-io.ts';
import { say } from './cli-messages.ts';

/** A list parameter of a failure joined as the command line prints lists (`、` in both languages). */
function listParam(failure: WorkflowFailure, key: string): string {
  const value = failure.params[key];
  if (value === undefined) return '';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : value.join('、');
}

/** The {@link CliFailure} for a workflow failure on the file the user named (`fileArg`, as typed). */
export function cliFailure(failure: WorkflowFailure, lang: Lang, fileArg: string): CliFailure {
  const sheet = failure.sheet ?? '';
  const cell = failure.cell ?? '';
  switch (failure.code) {
    case 'sheet_not_found':
      return new CliFailure(
        say(lang, 'sheetNotFound', { path: fileArg, sheet, sheets: listParam(failure, 'sheets') }),
        EXIT.usage,
      );
    case 'no_table':
      return new CliFailure(
        say(lang, 'noTable', { path: fileArg, sheets: listParam(failure, 'sheets') }),
        EXIT.notProcessable,
      );
    case 'no_ledger':
      return new CliFailure(say(lang, 'noLedger', { path: fileArg }), EXIT.notProcessable);
    case 'no_progress_columns':
      return new CliFailure(say(lang, 'noProgressColumns', { sheet, cell }), EXIT.notProcessable);
    case 'is_ledger':
      return new CliFailure(say(lang, 'isLedger', { sheet, cell }), EXIT.notProcessable);
    case 'no_sub_tasks':
      return new CliFailure(say(lang, 'noSubTasks', { sheet, cell }), EXIT.notProcessable);
    case 'no_plan_year':
      return new CliFailure(say(lang, 'noPlanYear', { sheet, cell }), EXIT.notProcessable);
    case 'ledger_empty':
      return new CliFailure(say(lang, 'ledgerEmpty', { sheet, cell }), EXIT.notProcessable);
    case 'bad_preset':
      return new CliFailure(
        say(lang, 'badPreset', { name: listParam(failure, 'name'), presets: presetList(lang) }),
        EXIT.usage,
      );
    case 'bad_settings':
      return new CliFailure(say(lang, 'badSettings', { detail: listParam(failure, 'detail') }), EXIT.usage);
    case 'bad_argument':
      return new CliFailure(say(lang, 'badArgument', { detail: listParam(failure, 'detail') }), EXIT.usage);
    case 'bad_as_of':
      return new CliFailure(say(lang, 'badAsOf', { value: listParam(failure, 'value') }), EXIT.usage);
    case 'bad_today':
      // Today comes from DUBAN_TODAY when it is not a date (the clock always gives one).
      return new CliFailure(
        say(lang, 'badArgument', { detail: `DUBAN_TODAY=${listParam(failure, 'value')}` }),
        EXIT.usage,
      );
  }
}
