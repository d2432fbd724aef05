/**
 * `duban breakdown <in.xlsx> --out ledger.xlsx`: the responsibility table broken down into the ledger sheet
 * (任务台账), added to a copy of the workbook exactly as the add-in adds it (`planBreakdownWrites`).
 */
import path from 'node:path';
import { toA1 } from '../core/grid.ts';
import { buildLedger } from '../core/ledger/index.ts';
import { planBreakdownWrites } from '../core/write-plan/plan-breakdown.ts';
import { applyPlan } from '../xlsx/apply-plan.ts';
import type { CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { loadAnalysis } from './load-analysis.ts';
import { outputTarget, writeOutput } from './write-output.ts';

/** Run the command; returns the exit code. */
export async function runBreakdown(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const fileArg = options.positionals[0];
  if (fileArg === undefined) throw new CliFailure(say(lang, 'missingFile'), EXIT.usage);
  const out = outputTarget(options, io, path.resolve(io.cwd, fileArg));
  const loaded = await loadAnalysis(fileArg, io.cwd, options);
  const { table, breakdown } = loaded.analysis;
  if (breakdown.subTasks.length === 0) {
    const cell = toA1({ sheet: table.sheet, row: table.headerRow, col: table.columns[0]?.col ?? 0 });
    throw new CliFailure(say(lang, 'noSubTasks', { sheet: table.sheet, cell }), EXIT.notProcessable);
  }
  const wb = loaded.workbook.workbook;
  const ledger = buildLedger(breakdown);
  const plan = planBreakdownWrites(
    ledger,
    wb.worksheets.map((w) => w.name),
  );
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
