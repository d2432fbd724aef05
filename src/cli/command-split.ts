/**
 * `duban split <ledger.xlsx> --out-dir DIR [--deadline YYYY-MM-DD]`: one workbook per responsible unit with
 * only its rows, an instructions sheet, targets locked and the units' cells unlocked and validated
 * (`planSplit`). File names are made safe for Windows; each file is written atomically.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { locateLedger } from '../core/workflow/index.ts';
import { planSplit } from '../core/write-plan/plan-split.ts';
import { applyPlan } from '../xlsx/apply-plan.ts';
import { writeWorkbookAtomic } from '../xlsx/write-file.ts';
import type { CliOptions } from './cli-args.ts';
import { cliFailure } from './cli-failure.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { openWorkbook } from './load-analysis.ts';
import { progressBar } from './progress-bar.ts';

/** Run the command; returns the exit code. */
export async function runSplit(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const fileArg = options.positionals[0];
  if (fileArg === undefined) throw new CliFailure(say(lang, 'missingFile'), EXIT.usage);
  if (options.outDir === null) throw new CliFailure(say(lang, 'needOutDir'), EXIT.usage);
  const dir = path.resolve(io.cwd, options.outDir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliFailure(say(lang, 'outDirMissing', { path: dir }), EXIT.usage);
  }
  const workbook = await openWorkbook(path.resolve(io.cwd, fileArg), lang);
  const found = await locateLedger(workbook, { sheet: options.sheet });
  if (!found.ok) throw cliFailure(found.failure, lang, fileArg);
  const units = planSplit({
    grid: found.grid,
    header: found.header,
    planYear: options.planYear ?? found.planYear,
    deadline: options.deadline,
  });
  if (units.length === 0) {
    throw new CliFailure(say(lang, 'splitNoUnits', { sheet: found.grid.sheet }), EXIT.notProcessable);
  }
  mkdirSync(dir, { recursive: true });
  const bar = progressBar(io, say(lang, 'progressLabel'), units.length);
  const lines: string[] = [];
  for (const [i, unit] of units.entries()) {
    const wb = new ExcelJS.Workbook();
    wb.creator = '督办助手';
    await applyPlan(wb, unit.plan);
    const target = path.join(dir, unit.fileName);
    try {
      await writeWorkbookAtomic(wb, target);
    } catch (e) {
      bar.finish();
      const detail = e instanceof Error ? e.message : String(e);
      throw new CliFailure(say(lang, 'writeFailed', { path: target, detail }), EXIT.notProcessable);
    }
    lines.push(say(lang, 'splitUnit', { file: unit.fileName, unit: unit.unit, tasks: unit.ids.length }));
    bar.update(i + 1);
  }
  bar.finish();
  io.stdout.write([say(lang, 'splitDone', { count: units.length, dir }), ...lines].join('\n') + '\n');
  return EXIT.ok;
}
