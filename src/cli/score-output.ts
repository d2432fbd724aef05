/**
 * `duban score … --out FILE` / `--in-place`: the scored copy of the workbook, carrying exactly what the add-in
 * writes — owned result columns, conditional-format highlights, 评分排名 / 通报 / 校验 sheets and the settings
 * (`core/write-plan/plan-score.ts`). A re-run replaces what the last one wrote.
 */
import type { Finding } from '../core/findings.ts';
import type { ScoreResult } from '../core/score/score-model.ts';
import { planScoreWrites, type ScoreTarget } from '../core/write-plan/plan-score.ts';
import { isDubanError } from '../core/errors.ts';
import { applyPlan, clearOwned, readSettings, sheetFacts } from '../xlsx/apply-plan.ts';
import type { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';
import type { CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { writeOutput, type OutputTarget } from './write-output.ts';

/** What the score command hands over for writing. */
export interface ScoredWorkbook {
  readonly workbook: XlsxWorkbook;
  readonly target: ScoreTarget;
  readonly result: ScoreResult;
  readonly findings: readonly Finding[];
}

/** True when the options ask for a written copy. */
export function wantsScoreOutput(options: CliOptions): boolean {
  return options.out !== null || options.inPlace;
}

/** Plan and apply the writes on the workbook in memory (exported for tests and benchmarks). */
export async function applyScoreWrites(
  scored: ScoredWorkbook,
): Promise<{ sheets: string[]; first: number; last: number; sheet: string }> {
  const wb = scored.workbook.workbook;
  const sheetName = scored.target.kind === 'ledger' ? scored.target.header.sheet : scored.target.table.sheet;
  const previous = readSettings(wb);
  clearOwned(wb);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`scored sheet ${sheetName} vanished`);
  const plan = planScoreWrites({
    target: scored.target,
    result: scored.result,
    findings: scored.findings,
    sheet: sheetFacts(ws),
    sheetNames: wb.worksheets.map((w) => w.name),
    previous,
  });
  await applyPlan(wb, plan);
  const block = plan.columns[0];
  return {
    sheets: plan.sheets.map((s) => s.name),
    first: (block?.firstRow ?? 0) + 1,
    last: (block?.lastRow ?? 0) + 1,
    sheet: sheetName,
  };
}

/** Write the scored copy; says where on stderr (stdout carries the report or the JSON). */
export async function writeScoreOutput(
  scored: ScoredWorkbook,
  out: OutputTarget,
  options: CliOptions,
  io: CliIo,
): Promise<void> {
  const { lang } = options;
  let done;
  try {
    done = await applyScoreWrites(scored);
  } catch (e) {
    if (isDubanError(e) && e.code === 'invalid_argument' && typeof e.fields['sheet'] === 'string') {
      throw new CliFailure(
        say(lang, 'sheetClash', { path: out.path, sheet: e.fields['sheet'] }),
        EXIT.notProcessable,
      );
    }
    throw e;
  }
  await writeOutput(scored.workbook.workbook, out, options, io);
  io.stderr.write(
    say(lang, 'scoreWrote', {
      path: out.path,
      sheet: done.sheet,
      first: done.first,
      last: done.last,
      sheets: done.sheets.join('、'),
    }) + '\n',
  );
}
