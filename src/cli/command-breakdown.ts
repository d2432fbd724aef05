/**
 * `duban breakdown <in.xlsx> --out ledger.xlsx`: the responsibility table broken down into the ledger sheet
 * (任务台账), added to a copy of the workbook exactly as the add-in adds it (`breakdownWorkbook`, then
 * `planBreakdownWrites`).
 */
import path from 'node:path';
import { breakdownWorkbook } from '../core/workflow/index.ts';
import { planBreakdownWrites } from '../core/write-plan/plan-breakdown.ts';
import { applyPlan } from '../xlsx/apply-plan.ts';
import type { CliOptions } from './cli-args.ts';
import { cliFailure } from './cli-failure.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { openWorkbook } from './load-analysis.ts';
import { outputTarget, writeOutput } from './write-output.ts';

/** Run the command; returns the exit code. */
export async function runBreakdown(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const fileArg = options.positionals[0];
  if (fileArg === undefined) throw new CliFailure(say(lang, 'missingFile'), EXIT.usage);
  const file = path.resolve(io.cwd, fileArg);
  const out = outputTarget(options, io, file);
  const workbook = await openWorkbook(file, lang);
  const done = await breakdownWorkbook(workbook, {
    sheet: options.sheet,
    planYear: options.planYear,
    asOf: options.asOf,
  });
  if (!done.ok) throw cliFailure(done.failure, lang, fileArg);
  const { table } = done.analysis;
  const { ledger } = done;
  const wb = workbook.workbook;
  const plan = planBreakdownWrites(ledger, done.sheetNames);
  await applyPlan(wb, plan);
  await writeOutput(wb, out, options, io);
  io.stdout.write(
    say(lang, 'breakdownDone', {
      sheet: plan.sheets[0]?.name ?? ledger.sheet,
      count: ledger.rows.length,
      source: table.sheet,
      row: table.headerRow + 1,
    }) +
      '\n' +
      say(lang, 'wroteFile', { path: out.path }) +
      '\n',
  );
  return EXIT.ok;
}
