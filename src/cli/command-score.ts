/**
 * `duban score <file.xlsx> [--sheet NAME] [--as-of YYYY-MM-DD] [--preset NAME] [--plan-year YYYY] [--json]`:
 * completion, status, unit scores, ranking and the circular.
 *
 * What is scored: the ledger sheet (任务台账) when the workbook has one — the named sheet when `--sheet` names
 * a ledger, else a sheet called 任务台账, else the first visible sheet whose header is a ledger's — with the
 * latest quarter each unit reported by the as-of date. Otherwise the responsibility table itself, from its own
 * 目标值 / 完成值 / 完成率 / 进展情况 columns (long layout) or indicator groups (wide layout).
 *
 * The as-of date defaults to today or the plan year's last day, whichever is earlier, and the report says so.
 * Today is the local date, or `DUBAN_TODAY=YYYY-MM-DD` from the environment (for reproducible runs).
 */
import path from 'node:path';
import type { SubTask } from '../core/breakdown-model.ts';
import { DubanError, isDubanError } from '../core/errors.ts';
import type { Finding, Lang } from '../core/findings.ts';
import { toA1, type Grid } from '../core/grid.ts';
import { findLedgerHeader, readLedger, type LedgerHeader } from '../core/ledger/index.ts';
import { readTableProgress } from '../core/progress/index.ts';
import {
  findPreset,
  resolveSettings,
  scoreSubTasks,
  type ScoreInput,
  type ScoreResult,
  type ScoringSettings,
} from '../core/score/index.ts';
import { compactKey } from '../core/text/normalize.ts';
import { LEDGER_SHEET_NAME } from '../core/vocab/ledger-columns.ts';
import { RULE_PRESETS } from '../core/vocab/rule-presets.ts';
import type { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';
import { isIsoDate, type CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { tableJson } from './inspect-report.ts';
import { analyseWorkbook, cachedSheetReader, openWorkbook, type SheetReader } from './load-analysis.ts';
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

/** A finished run and the line saying what was read. */
export interface ScoreOutcome {
  readonly run: ScoreRun;
  /** `工作表“任务台账”：任务台账，表头在第2行，161项子任务…` */
  readonly source: string;
  /** The workbook and what was scored in it, for `--out` (score-output.ts). */
  readonly scored?: Omit<ScoredWorkbook, 'result' | 'findings'>;
}

/** Today as `YYYY-MM-DD`: `DUBAN_TODAY` when set, else the local calendar date. */
export function todayIso(env: CliIo['env'], lang: Lang): string {
  const fixed = env['DUBAN_TODAY'];
  if (fixed !== undefined && fixed !== '') {
    if (!isIsoDate(fixed))
      throw new CliFailure(say(lang, 'badArgument', { detail: `DUBAN_TODAY=${fixed}` }), EXIT.usage);
    return fixed;
  }
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The as-of date when none is given: today, but not after the plan year's last day (a finished year is
 * scored as of 12-31).
 * @example defaultAsOf('2025-03-02', 2024) === '2024-12-31'; defaultAsOf('2024-05-20', 2024) === '2024-05-20'
 */
export function defaultAsOf(today: string, planYear: number): string {
  const yearEnd = `${planYear}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/** The presets as `序时（default、xushi）、银川（yinchuan）…` for the unknown-preset message. */
function presetList(lang: Lang): string {
  return RULE_PRESETS.map((p) =>
    lang === 'zh' ? `${p.name}（${p.aliases.join('、')}）` : `${p.name} (${p.aliases.join(', ')})`,
  ).join(lang === 'zh' ? '、' : ', ');
}

/** Settings for `--preset`; an unknown preset or bad settings exit 2 with the reason. */
function settingsFor(options: CliOptions): ScoringSettings {
  if (options.preset !== null && findPreset(options.preset) === null) {
    throw new CliFailure(
      say(options.lang, 'badPreset', { name: options.preset, presets: presetList(options.lang) }),
      EXIT.usage,
    );
  }
  return resolveSettings(options.preset ?? undefined);
}

/** Every finding once (two stages may report the same thing), sorted by sheet position then code. */
function tidyFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.code}|${f.at?.sheet ?? ''}|${f.at?.row ?? ''}|${f.at?.col ?? ''}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  const pos = (f: Finding): [string, number, number] => [f.at?.sheet ?? '', f.at?.row ?? -1, f.at?.col ?? -1];
  return out.sort((a, b) => {
    const [as, ar, ac] = pos(a);
    const [bs, br, bc] = pos(b);
    if (as !== bs) return as < bs ? -1 : 1;
    if (ar !== br) return ar - br;
    if (ac !== bc) return ac - bc;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/** The ledger sheet to score, if the workbook has one (see the module comment for the order). */
async function findLedgerSheet(
  workbook: XlsxWorkbook,
  sheet: string | null,
  read: SheetReader,
): Promise<{ grid: Grid; header: LedgerHeader } | null> {
  const sheets = await workbook.listSheets();
  let candidates: string[];
  if (sheet !== null) {
    candidates = [sheet];
  } else {
    const active = await workbook.activeSheetName();
    const visible = sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);
    const named = sheets.map((s) => s.name).filter((n) => compactKey(n) === LEDGER_SHEET_NAME);
    candidates = [...new Set([...named, active, ...visible])];
  }
  for (const name of candidates) {
    const grid = await read(name);
    const header = findLedgerHeader(grid);
    if (header) return { grid, header };
  }
  return null;
}

function score(
  settings: ScoringSettings,
  asOf: string,
  planYear: number,
  subTasks: readonly SubTask[],
  progress: ScoreInput['progress'],
  totals?: ScoreInput['totals'],
): ScoreResult {
  return scoreSubTasks({ asOf, planYear, settings, subTasks, progress, ...(totals ? { totals } : {}) });
}

function scoreLedger(
  found: { grid: Grid; header: LedgerHeader },
  options: CliOptions,
  io: CliIo,
  settings: ScoringSettings,
): ScoreOutcome {
  const { grid, header } = found;
  const { lang } = options;
  const cell = toA1(header.at);
  const planYear = options.planYear ?? header.planYear ?? readLedger(grid).ledger?.planYear ?? null;
  if (planYear === null)
    throw new CliFailure(say(lang, 'noPlanYear', { sheet: grid.sheet, cell }), EXIT.notProcessable);
  const asOf = options.asOf ?? defaultAsOf(todayIso(io.env, lang), planYear);
  const { ledger, findings } = readLedger(grid, { asOf, planYear });
  if (!ledger || ledger.subTasks.length === 0) {
    throw new CliFailure(say(lang, 'ledgerEmpty', { sheet: grid.sheet, cell }), EXIT.notProcessable);
  }
  const result = score(settings, asOf, planYear, ledger.subTasks, ledger.progress);
  const columns: Record<string, string> = {};
  for (const [key, col] of header.columns)
    columns[key] = toA1({ sheet: grid.sheet, row: header.headerRow, col });
  const table: ScoreTableJson = {
    sheet: grid.sheet,
    layout: 'ledger',
    headerRow: header.headerRow + 1,
    columns,
  };
  return {
    run: {
      table,
      subTasks: ledger.subTasks,
      result,
      findings: tidyFindings([...findings, ...result.findings]),
      asOfDefaulted: options.asOf === null,
    },
    source: say(lang, 'scoreSourceLedger', {
      sheet: grid.sheet,
      row: header.headerRow + 1,
      count: ledger.subTasks.length,
    }),
  };
}

async function scoreTable(
  opened: { workbook: XlsxWorkbook; file: string; fileArg: string; read: SheetReader },
  options: CliOptions,
  io: CliIo,
  settings: ScoringSettings,
): Promise<ScoreOutcome> {
  const { lang } = options;
  // The workbook opened to look for a ledger, and the sheets read then: never read twice.
  const loaded = await analyseWorkbook(opened.workbook, opened.file, opened.fileArg, options, opened.read);
  const { table, breakdown, findings } = loaded.analysis;
  const cell = toA1({ sheet: table.sheet, row: table.headerRow, col: table.columns[0]?.col ?? 0 });
  const hasProgress =
    table.columns.some((c) => c.role === 'actual' || c.role === 'completionRate' || c.role === 'progress') ||
    table.groups.some((g) => g.actualCol !== null || g.ratioCol !== null);
  if (!hasProgress) {
    throw new CliFailure(say(lang, 'noProgressColumns', { sheet: table.sheet, cell }), EXIT.notProcessable);
  }
  if (breakdown.subTasks.length === 0) {
    throw new CliFailure(say(lang, 'noSubTasks', { sheet: table.sheet, cell }), EXIT.notProcessable);
  }
  const planYear = options.planYear ?? breakdown.planYear;
  if (planYear === null)
    throw new CliFailure(say(lang, 'noPlanYear', { sheet: table.sheet, cell }), EXIT.notProcessable);
  const asOf = options.asOf ?? defaultAsOf(todayIso(io.env, lang), planYear);
  const tp = readTableProgress(table, breakdown, { grid: loaded.grid, planYear });
  const result = score(settings, asOf, planYear, tp.subTasks, tp.progress, tp.totals);
  return {
    scored: { workbook: loaded.workbook, target: { kind: 'table', table } },
    run: {
      table: tableJson(loaded.analysis),
      subTasks: tp.subTasks,
      result,
      findings: tidyFindings([...findings, ...tp.findings, ...result.findings]),
      asOfDefaulted: options.asOf === null,
    },
    source: say(lang, 'scoreSourceTable', {
      sheet: table.sheet,
      layout: say(lang, table.layout === 'long' ? 'layoutLong' : 'layoutWide'),
      row: table.headerRow + 1,
      count: breakdown.subTasks.length,
    }),
  };
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
  try {
    const settings = settingsFor(options);
    const file = path.resolve(io.cwd, fileArg);
    const workbook = await openWorkbook(file, lang);
    onRead?.();
    const read = cachedSheetReader(workbook);
    if (options.sheet !== null) {
      const names = (await workbook.listSheets()).map((s) => s.name);
      if (!names.includes(options.sheet)) {
        throw new CliFailure(
          say(lang, 'sheetNotFound', { path: fileArg, sheet: options.sheet, sheets: names.join('、') }),
          EXIT.usage,
        );
      }
    }
    const ledger = await findLedgerSheet(workbook, options.sheet, read);
    if (ledger) {
      return {
        ...scoreLedger(ledger, options, io, settings),
        scored: { workbook, target: { kind: 'ledger', header: ledger.header } },
      };
    }
    return await scoreTable({ workbook, file, fileArg, read }, options, io, settings);
  } catch (e) {
    if (isDubanError(e)) throw asCliFailure(e, lang);
    throw e;
  }
}

// Misuse reported by the core (bad settings, a plan year out of range) is a usage error here, not a bug.
function asCliFailure(e: DubanError, lang: Lang): CliFailure | DubanError {
  if (e.code === 'invalid_settings')
    return new CliFailure(say(lang, 'badSettings', { detail: e.message }), EXIT.usage);
  if (e.code === 'invalid_argument')
    return new CliFailure(say(lang, 'badArgument', { detail: e.message }), EXIT.usage);
  return e;
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
