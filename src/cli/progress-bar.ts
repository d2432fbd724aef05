/**
 * A progress bar on stderr for long runs — only when stderr is a terminal, so pipes, logs and tests never
 * see control characters.
 *
 * The bar lives on one line, redrawn in place with a carriage return. Anything else written to the same
 * terminal while it shows (a report on stdout, a message on stderr) goes through {@link ProgressBar.aside},
 * which wipes the line, writes, and draws the bar again below.
 */
import type { CliIo } from './cli-io.ts';
import { displayWidth } from './score-report.ts';

/** A running bar. */
export interface ProgressBar {
  /** Report `done` of `total` steps finished, optionally saying what is being done now. */
  update(done: number, note?: string): void;
  /** Write something else to the terminal: the bar's line is wiped first and the bar drawn again after. */
  aside(write: () => void): void;
  /** Wipe the bar's line for good (nothing is written when the bar is not showing). */
  finish(): void;
}

const WIDTH = 30;

const SILENT: ProgressBar = {
  update: () => undefined,
  aside: (write) => {
    write();
  },
  finish: () => undefined,
};

/**
 * A bar for `total` steps labelled `label`, e.g. `处理中 [###############...............] 2/4 评分`;
 * a no-op unless stderr is a TTY and there is more than 1 step.
 */
export function progressBar(io: CliIo, label: string, total: number): ProgressBar {
  if (io.stderr.isTTY !== true || total <= 1) return SILENT;
  // What is on the terminal line now ('' when nothing is), and how many columns it takes.
  let shown = '';
  let shownWidth = 0;
  // The last line drawn, to draw again after `aside`.
  let latest = '';
  const draw = (line: string): void => {
    if (line === shown) return;
    const width = displayWidth(line);
    // A shorter line must blank what is left of the longer one before it.
    io.stderr.write(`\r${line}${' '.repeat(Math.max(0, shownWidth - width))}`);
    shown = line;
    shownWidth = Math.max(width, shownWidth);
  };
  const wipe = (): void => {
    if (shown === '') return;
    io.stderr.write(`\r${' '.repeat(shownWidth)}\r`);
    shown = '';
    shownWidth = 0;
  };
  let finished = false;
  return {
    update(done: number, note?: string): void {
      if (finished) return;
      const steps = Math.max(0, Math.min(done, total));
      const filled = Math.round((WIDTH * steps) / total);
      latest =
        `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${steps}/${total}` +
        (note ? ` ${note}` : '');
      draw(latest);
    },
    aside(write: () => void): void {
      wipe();
      write();
      if (!finished && latest !== '') draw(latest);
    },
    finish(): void {
      wipe();
      finished = true;
    },
  };
}
