/**
 * `duban score <file.xlsx> [--sheet NAME] [--as-of YYYY-MM-DD] [--preset NAME] [--plan-year YYYY] [--json]`:
 * completion, status, unit scores, ranking and the circular.
 *
 * What is scored, and the as-of default, are the workflow's decisions (`core/workflow/score-workbook.ts`):
 * the ledger sheet (任务台账) when the workbook has one, else the responsibility table from its own columns;
 * as of today or the plan year's last day, whichever is earlier, and the report says so. Today is the local
 * date, or `DUBAN_TODAY=YYYY-MM-DD` from the environment (for reproducible runs).
 */
import path from 'node:path';
import { toA1 } from '../core/grid.ts';
import {
  scoreWorkbook,
  settingsForPreset,
  storedTableSheet,
  type LedgerScored,
  type TableScored,
} from '../core/workflow/index.ts';
import type { CliOptions } from './cli-args.ts';
import { cliFailure } from './cli-failure.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { tableJson } from './inspect-report.ts';
import { openWorkbook } from './load-analysis.ts';
import { progressBar, type ProgressBar } from './progress-bar.ts';
import { scoreJson, scoreText, type ScoreRun, type ScoreTableJson } from './score-report.ts';
import {
  markScored,
  saveScored,
  wantsScoreOutput,
  type MarkedWorkbook,
  type ScoredWorkbook,
} from './score-output.ts';
import { outputTarget, type OutputTarget } from './write-output.ts';
import { readSettings } from '../xlsx/apply-plan.ts';

export { defaultAsOf } from '../core/workflow/index.ts';

/** A finished run and the line saying what was read. */
export interface ScoreOutcome {
  readonly run: ScoreRun;
  /** `工作表“任务台账”：任务台账，表头在第2行，161项子任务…` */
  readonly source: string;
  /** The workbook and what was scored in it, for `--out` (score-output.ts). */
  readonly scored?: Omit<ScoredWorkbook, 'result' | 'findings'>;
}

/**
 * Today as the workflow gets it: `DUBAN_TODAY` when set (checked by the workflow, and only when the as-of
 * date defaults to it), else the local calendar date as `YYYY-MM-DD`.
 */
export function todayText(env: CliIo['env']): string {
  const fixed = env['DUBAN_TODAY'];
  if (fixed !== undefined && fixed !== '') return fixed;
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The `table` part of the report for a ledger: its header row and the header cell of every column found. */
function ledgerTableJson(scored: LedgerScored): ScoreTableJson {
  const { header } = scored;
  const columns: Record<string, string> = {};
  for (const [key, col] of header.columns)
    columns[key] = toA1({ sheet: scored.sheet, row: header.headerRow, col });
  return { sheet: scored.sheet, layout: 'ledger', headerRow: header.headerRow + 1, columns };
}

/** The line saying what was read. */
function sourceLine(scored: LedgerScored | TableScored, lang: CliOptions['lang']): string {
  if (scored.kind === 'ledger') {
    return say(lang, 'scoreSourceLedger', {
      sheet: scored.sheet,
      row: scored.headerRow + 1,
      count: scored.subTaskCount,
    });
  }
  return say(lang, 'scoreSourceTable', {
    sheet: scored.sheet,
    layout: say(lang, scored.layout === 'long' ? 'layoutLong' : 'layoutWide'),
    row: scored.headerRow + 1,
    count: scored.subTaskCount,
  });
}

/**
 * Score a workbook file (resolved against `io.cwd`). Usage problems, unreadable files, bad settings or
 * arguments throw {@link CliFailure} with exit 2; a workbook that cannot be scored, exit 1. `onRead` is
 * called once the file is read (the progress bar's first step).
 */
export async function scoreFile(
  fileArg: string,
  options: CliOptions,
  io: CliIo,
  onRead?: () => void,
): Promise<ScoreOutcome> {
  const { lang } = options;
  // A bad preset is refused before the file is opened: it costs nothing to find out.
  const chosen = settingsForPreset(options.preset);
  if (!chosen.ok) throw cliFailure(chosen.failure, lang, fileArg);
  const workbook = await openWorkbook(path.resolve(io.cwd, fileArg), lang);
  onRead?.();
  const scored = await scoreWorkbook(workbook, {
    sheet: options.sheet,
    planYear: options.planYear,
    asOf: options.asOf,
    preset: options.preset,
    today: todayText(io.env),
    storedSheet: storedTableSheet(readSettings(workbook.workbook)),
  });
  if (!scored.ok) throw cliFailure(scored.failure, lang, fileArg);
  return {
    run: {
      table: scored.kind === 'ledger' ? ledgerTableJson(scored) : tableJson(scored.analysis),
      result: scored.result,
      findings: scored.findings,
      asOfDefaulted: scored.asOfDefaulted,
    },
    source: sourceLine(scored, lang),
    scored: {
      workbook,
      target: scored.target,
      companion: scored.kind === 'ledger' ? scored.companion : null,
    },
  };
}

/**
 * Score, print the report, and apply the writes in memory when a copy is wanted. Returns only the marked
 * workbook: the sub-tasks, scores and findings (tens of MB on a 20,000-row ledger) are garbage once this
 * returns, so they are not carried through the save, when exceljs needs the memory most.
 */
async function scoreAndMark(
  file: string,
  out: OutputTarget | null,
  options: CliOptions,
  io: CliIo,
  bar: ProgressBar,
): Promise<MarkedWorkbook | null> {
  const { lang } = options;
  bar.update(0, say(lang, 'stageRead'));
  const { run, source, scored } = await scoreFile(file, options, io, () => {
    bar.update(1, say(lang, 'stageScore'));
  });
  const report = options.json
    ? JSON.stringify(scoreJson(run, lang), null, 2) + '\n'
    : scoreText(run, lang, source);
  bar.aside(() => io.stdout.write(report));
  if (!out || !scored) return null;
  bar.update(2, say(lang, 'stageMark'));
  return markScored({ ...scored, result: run.result, findings: run.findings }, out, lang);
}

/** Run the command; returns the exit code. A progress bar shows on stderr when it is a terminal. */
export async function runScore(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const file = options.positionals[0];
  if (file === undefined) throw new CliFailure(say(lang, 'missingFile'), EXIT.usage);
  // Where to write is checked before scoring, so a bad --out costs nothing.
  const out = wantsScoreOutput(options) ? outputTarget(options, io, path.resolve(io.cwd, file)) : null;
  // Steps: read, score, then (with a copy to write) mark and save.
  const bar = progressBar(io, say(lang, 'progressLabel'), out ? 4 : 2);
  try {
    const marked = await scoreAndMark(file, out, options, io, bar);
    if (out && marked) {
      bar.update(3, say(lang, 'stageSave'));
      await saveScored(marked, out, options, io, bar);
    }
  } finally {
    bar.finish();
  }
  return EXIT.ok;
}
