/**
 * Open an .xlsx file and analyse its key-task table: the step every command starts with. Chooses the sheet
 * (the named one, else the active sheet, else the first other visible sheet holding a table) and the roster.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyzeGrid, isRosterSheetName, rosterFromGrid, type Analysis } from '../core/analyze.ts';
import { isDubanError } from '../core/errors.ts';
import type { Finding, Lang } from '../core/findings.ts';
import type { Grid } from '../core/grid.ts';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';
import { CliFailure, EXIT } from './cli-io.ts';
import { say } from './cli-messages.ts';

/** What a command gets to work with. */
export interface LoadedAnalysis {
  readonly file: string;
  readonly workbook: XlsxWorkbook;
  readonly grid: Grid;
  readonly analysis: Analysis;
}

/** Options that shape loading. */
export interface LoadOptions {
  readonly lang: Lang;
  readonly sheet: string | null;
  readonly planYear: number | null;
  readonly asOf?: string | null;
}

/** Open the file; usage-level failures (missing, unreadable) exit 2. */
export async function openWorkbook(file: string, lang: Lang): Promise<XlsxWorkbook> {
  if (!existsSync(file)) throw new CliFailure(say(lang, 'fileNotFound', { path: file }), EXIT.usage);
  try {
    return await XlsxWorkbook.open(file);
  } catch (e) {
    if (isDubanError(e) && e.code === 'unreadable_file') {
      throw new CliFailure(say(lang, 'unreadable', { path: file }), EXIT.usage);
    }
    throw e;
  }
}

/**
 * Sheets read once per run: a command that looks for a ledger and then for a table reads each sheet once,
 * not once per look. Only for reading — grids read before a write would go stale.
 */
export type SheetReader = (name: string) => Promise<Grid>;

/** A {@link SheetReader} over `workbook` that keeps every grid it read. */
export function cachedSheetReader(workbook: XlsxWorkbook): SheetReader {
  const grids = new Map<string, Promise<Grid>>();
  return (name) => {
    let grid = grids.get(name);
    if (grid === undefined) {
      grid = workbook.readSheet(name);
      grids.set(name, grid);
    }
    return grid;
  };
}

/** Open, pick the sheet, read the roster and analyse. No table → CliFailure exit 1 naming where it looked. */
export async function loadAnalysis(
  fileArg: string,
  cwd: string,
  options: LoadOptions,
): Promise<LoadedAnalysis> {
  const file = path.resolve(cwd, fileArg);
  const workbook = await openWorkbook(file, options.lang);
  return analyseWorkbook(workbook, file, fileArg, options);
}

/**
 * {@link loadAnalysis} on a workbook already open (`file` is its resolved path, `fileArg` the name the user
 * gave, for messages); `read` lets a caller share the grids it has read already.
 */
export async function analyseWorkbook(
  workbook: XlsxWorkbook,
  file: string,
  fileArg: string,
  options: LoadOptions,
  read: SheetReader = cachedSheetReader(workbook),
): Promise<LoadedAnalysis> {
  const { lang } = options;
  const sheets = await workbook.listSheets();
  const names = sheets.map((s) => s.name);
  let candidates: string[];
  if (options.sheet !== null) {
    if (!names.includes(options.sheet)) {
      throw new CliFailure(
        say(lang, 'sheetNotFound', { path: fileArg, sheet: options.sheet, sheets: names.join('、') }),
        EXIT.usage,
      );
    }
    candidates = [options.sheet];
  } else {
    const active = await workbook.activeSheetName();
    const others = sheets
      .filter((s) => s.visibility === 'visible' && s.name !== active && !isRosterSheetName(s.name))
      .map((s) => s.name);
    candidates = [active, ...others];
  }
  const rosterSheet = names.find(isRosterSheetName);
  const roster = rosterSheet !== undefined ? rosterFromGrid(await read(rosterSheet)) : null;
  const looked: string[] = [];
  const notFound: Finding[] = [];
  for (const name of candidates) {
    const grid = await read(name);
    const result = analyzeGrid(grid, {
      roster,
      ...(options.planYear !== null ? { planYear: options.planYear } : {}),
      ...(options.asOf ? { asOf: options.asOf } : {}),
    });
    if (result.analysis) return { file, workbook, grid, analysis: result.analysis };
    looked.push(name);
    notFound.push(...result.findings);
  }
  throw new CliFailure(
    say(lang, 'noTable', { path: fileArg, sheets: looked.join('、') }),
    EXIT.notProcessable,
  );
}
