/**
 * Open an .xlsx file and analyse its key-task table: the step every command starts with. The choice of
 * sheet and roster is the workflow's (`core/workflow/locate-table.ts`); here are the file and the exit codes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDubanError } from '../core/errors.ts';
import type { Lang } from '../core/findings.ts';
import { locateTable, type LocatedTable } from '../core/workflow/index.ts';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';
import { cliFailure } from './cli-failure.ts';
import { CliFailure, EXIT } from './cli-io.ts';
import { say } from './cli-messages.ts';

/** What a command gets to work with. */
export interface LoadedAnalysis extends LocatedTable {
  readonly file: string;
  readonly workbook: XlsxWorkbook;
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
 * Open, pick the sheet, read the roster and analyse. A missing `--sheet` exits 2; no table exits 1 naming
 * where it looked.
 */
export async function loadAnalysis(
  fileArg: string,
  cwd: string,
  options: LoadOptions,
): Promise<LoadedAnalysis> {
  const file = path.resolve(cwd, fileArg);
  const workbook = await openWorkbook(file, options.lang);
  const located = await locateTable(workbook, {
    sheet: options.sheet,
    planYear: options.planYear,
    asOf: options.asOf ?? null,
  });
  if (!located.ok) throw cliFailure(located.failure, options.lang, fileArg);
  return { ...located, file, workbook };
}
