/**
 * A progress bar on stderr for long runs — only when stderr is a terminal, so pipes, logs and tests never
 * see control characters.
 */
import type { CliIo } from './cli-io.ts';

/** A running bar. */
export interface ProgressBar {
  /** Report `done` of `total` steps finished. */
  update(done: number): void;
  /** Clear the bar's line. */
  finish(): void;
}

const WIDTH = 30;

/** A bar for `total` steps labelled `label`; a no-op unless stderr is a TTY and there is more than 1 step. */
export function progressBar(io: CliIo, label: string, total: number): ProgressBar {
  if (!io.stderr.isTTY || total <= 1) return { update: () => undefined, finish: () => undefined };
  let last = -1;
  return {
    update(done: number): void {
      const filled = Math.round((WIDTH * Math.min(done, total)) / total);
      if (filled === last) return;
      last = filled;
      io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    finish(): void {
      io.stderr.write(`\r${' '.repeat(label.length + WIDTH + 20)}\r`);
    },
  };
}
