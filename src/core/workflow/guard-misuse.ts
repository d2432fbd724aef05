/**
 * The core throws `DubanError('invalid_argument' | 'invalid_settings')` for choices it refuses (a plan year out
 * of range, a bad settings value). In the workflow those choices are the user's (pane fields, command-line
 * options), so they become failures the host can show; every other error passes through.
 */
import { isDubanError } from '../errors.ts';
import { failed, type WorkflowFailed } from './workflow-failure.ts';

/** Run `work`; a refused choice becomes `bad_argument` / `bad_settings` with the core's message as `detail`. */
export async function guardMisuse<T>(work: () => Promise<T>): Promise<T | WorkflowFailed> {
  try {
    return await work();
  } catch (e) {
    if (isDubanError(e) && e.code === 'invalid_settings')
      return failed('bad_settings', null, null, { detail: e.message });
    if (isDubanError(e) && e.code === 'invalid_argument')
      return failed('bad_argument', null, null, { detail: e.message });
    throw e;
  }
}
