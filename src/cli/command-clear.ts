/**
 * `duban clear <in.xlsx> --out <file>` (or `--in-place`): remove everything the assistant wrote — owned result
 * columns, highlight rules, the 评分排名 / 通报 / 校验 sheets and the settings — and nothing else.
 */
import path from 'node:path';
import { clearOwned } from '../xlsx/apply-plan.ts';
import type { CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { openWorkbook } from './load-analysis.ts';
import { outputTarget, writeOutput } from './write-output.ts';

/** Run the command; returns the exit code. */
export async function runClear(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const fileArg = options.positionals[0];
  if (fileArg === undefined) throw new CliFailure(say(lang, 'missingFile'), EXIT.usage);
  const file = path.resolve(io.cwd, fileArg);
  const out = outputTarget(options, io, file);
  const workbook = await openWorkbook(file, lang);
  const summary = clearOwned(workbook.workbook);
  if (!summary.hadMarks) io.stderr.write(say(lang, 'clearNothing', { path: fileArg }) + '\n');
  else {
    io.stdout.write(
      say(lang, 'clearDone', {
        sheets: summary.sheets.join('、') || say(lang, 'none'),
        columns: summary.columns,
        rules: summary.rules,
      }) + '\n',
    );
  }
  await writeOutput(workbook.workbook, out, options, io);
  io.stdout.write(say(lang, 'wroteFile', { path: out.path }) + '\n');
  return EXIT.ok;
}
