/**
 * `duban merge <ledger.xlsx> <returned.xlsx…> --out merged.xlsx`: each unit's progress taken back into the
 * master ledger by task id (`mergeReturns`), refusals and units that have not returned reported, the source
 * file of every merged row recorded in a 合并记录 sheet; the master's formatting is kept (values only).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../core/findings.ts';
import { makeFinding, renderFinding } from '../core/findings/catalog.ts';
import type { Grid } from '../core/grid.ts';
import { locateLedger } from '../core/workflow/index.ts';
import { mergeReturns, type ReturnedFile } from '../core/write-plan/merge-returns.ts';
import { planMergeWrites } from '../core/write-plan/plan-merge.ts';
import { applyPlan, readSettings } from '../xlsx/apply-plan.ts';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';
import type { CliOptions } from './cli-args.ts';
import { cliFailure } from './cli-failure.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { openWorkbook } from './load-analysis.ts';
import { progressBar } from './progress-bar.ts';
import { outputTarget, writeOutput } from './write-output.ts';

/** Local time as `2024-07-05 09:12`. */
function localStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Read one returned file; an unreadable one becomes a finding, never a failure of the whole merge. */
async function readReturn(file: string, shown: string): Promise<ReturnedFile | Finding> {
  let info;
  let workbook;
  try {
    info = await stat(file);
    workbook = await XlsxWorkbook.open(file);
  } catch {
    return makeFinding('merge_unreadable', undefined, { file: shown });
  }
  const settings = readSettings(workbook.workbook);
  let ledger: Grid | null = null;
  const sheet = settings?.unitReturn?.sheet;
  if (sheet !== undefined && workbook.workbook.getWorksheet(sheet)) ledger = await workbook.readSheet(sheet);
  return { file: shown, mtimeMs: info.mtimeMs, modified: localStamp(info.mtimeMs), settings, ledger };
}

/** Run the command; returns the exit code. */
export async function runMerge(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const [masterArg, ...returnArgs] = options.positionals;
  if (masterArg === undefined) throw new CliFailure(say(lang, 'missingFile'), EXIT.usage);
  if (returnArgs.length === 0) throw new CliFailure(say(lang, 'needReturns'), EXIT.usage);
  const masterFile = path.resolve(io.cwd, masterArg);
  const out = outputTarget(options, io, masterFile);
  const master = await openWorkbook(masterFile, lang);
  const found = await locateLedger(master, { sheet: options.sheet });
  if (!found.ok) throw cliFailure(found.failure, lang, masterArg);
  const bar = progressBar(io, say(lang, 'progressLabel'), returnArgs.length);
  const returns: ReturnedFile[] = [];
  const unreadable: Finding[] = [];
  for (const [i, arg] of returnArgs.entries()) {
    const read = await readReturn(path.resolve(io.cwd, arg), path.basename(arg));
    if ('code' in read) unreadable.push(read);
    else returns.push(read);
    bar.update(i + 1);
  }
  bar.finish();
  const result = mergeReturns({ master: found.grid, header: found.header, returns });
  const wb = master.workbook;
  const plan = planMergeWrites(
    { ...result, findings: [...unreadable, ...result.findings] },
    found.grid.sheet,
    wb.worksheets.map((w) => w.name),
  );
  await applyPlan(wb, plan);
  await writeOutput(wb, out, options, io);
  const findings = [...unreadable, ...result.findings];
  const files = new Set(result.merged.map((m) => m.file)).size;
  const lines = [
    say(lang, 'mergeDone', {
      files,
      rows: result.merged.length,
      cells: result.updates.length,
      refused: result.refusedFiles.length + unreadable.length,
      missing: result.missingUnits.length,
    }),
    ...findings.map((f) => {
      const r = renderFinding(f, lang);
      return `  [${say(lang, f.severity === 'error' ? 'severityError' : f.severity === 'warning' ? 'severityWarning' : 'severityInfo')}] ${r.message}`;
    }),
    say(lang, 'mergeLogSheet', { sheet: plan.sheets[0]?.name ?? '' }),
    say(lang, 'wroteFile', { path: out.path }),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
