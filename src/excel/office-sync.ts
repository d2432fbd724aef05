/**
 * Round trips to Excel, made one way everywhere: a step queues its work (loads, writes) and then syncs; when
 * Excel is in cell-edit mode (`InvalidOperationInCellEditMode`: the user is typing in a cell) the step is
 * queued again and retried after a pause, because a failed request's queue is gone; a cancel between
 * round trips stops the run; every round trip is counted.
 */
import { DubanError } from '../core/errors.ts';
import { officeErrorCode } from './office-workbook.ts';

/** Pauses before each retry in cell-edit mode (the default waits 0.5 s, 1 s, 2 s, then gives up). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000];

/** Office error code of cell-edit mode. */
export const CELL_EDIT_CODE = 'InvalidOperationInCellEditMode';

/** How the round trips of one run behave. */
export interface SyncPolicy {
  /** Pauses before each retry in cell-edit mode; tests pass zeros. */
  readonly retryDelaysMs?: readonly number[];
  readonly signal?: AbortSignal;
  /** How to wait (tests may replace it). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Round trips made so far by one run. */
export interface SyncCounter {
  syncs: number;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Throw `DubanError('cancelled')` when the signal has aborted (checked before every round trip). */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DubanError('cancelled', 'The run was cancelled.', {});
}

/**
 * Queue a step's work with `build`, sync, and return what `build` returned (proxies now loaded). In
 * cell-edit mode the step is built again and retried after each pause of `retryDelaysMs`; when they are
 * used up the Office error is thrown as it came (the caller turns it into a `host_failure` with the code).
 */
export async function syncStep<T>(
  context: Excel.RequestContext,
  build: () => T,
  policy: SyncPolicy,
  counter: SyncCounter,
): Promise<T> {
  const delays = policy.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    throwIfCancelled(policy.signal);
    const built = build();
    try {
      counter.syncs++;
      // One round trip per attempt: the retry loop is the documented exception to "no sync in a loop".
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return built;
    } catch (error) {
      const delay = delays[attempt];
      if (officeErrorCode(error) !== CELL_EDIT_CODE || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
