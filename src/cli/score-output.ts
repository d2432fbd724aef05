/**
 * `duban score … --out FILE` / `--in-place`: the scored copy of the workbook, carrying exactly what the add-in
 * writes — owned result columns, conditional-format highlights, 评分排名 / 通报 / 校验 sheets and the settings
 * (`core/write-plan/plan-score.ts`). A re-run replaces what the last one wrote.
 */
import type { Finding, Lang } from '../core/findings.ts';
import type { ScoreResult } from '../core/score/score-model.ts';
import type { LedgerCompanion } from '../core/workflow/index.ts';
import { planScoreWrites, type ScoreTarget } from '../core/write-plan/plan-score.ts';
import { isDubanError } from '../core/errors.ts';
import { applyPlan, clearOwned, readSettings, sheetFacts } from '../xlsx/apply-plan.ts';
import type { XlsxWorkbook } from '../xlsx/xlsx-workbook.ts';
import type { CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import type { ProgressBar } from './progress-bar.ts';
import { writeOutput, type OutputTarget } from './write-output.ts';

/** What the score command hands over for writing. */
export interface ScoredWorkbook {
  readonly workbook: XlsxWorkbook;
  readonly target: ScoreTarget;
  readonly result: ScoreResult;
  readonly findings: readonly Finding[];
  /** A scored ledger's responsibility table, whose rows get results and highlights too. */
  readonly companion?: LedgerCompanion | null;
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
  clearOwned(wb, previous);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`scored sheet ${sheetName} vanished`);
  const companion = scored.companion ?? null;
  const tableWs = companion ? wb.getWorksheet(companion.table.sheet) : undefined;
  if (companion && !tableWs) throw new Error(`table sheet ${companion.table.sheet} vanished`);
  const plan = planScoreWrites({
    target: scored.target,
    result: scored.result,
    findings: scored.findings,
    sheet: sheetFacts(ws),
    sheetNames: wb.worksheets.map((w) => w.name),
    previous,
    // Facts of the table's sheet as they are after the last run's marks were removed, like the ledger's.
    ...(companion && tableWs
      ? { companion: { table: companion.table, sheet: sheetFacts(tableWs), rowOf: companion.rowOf } }
      : {}),
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

/** A scored workbook with the writes applied in memory, ready to save. */
export interface MarkedWorkbook {
  readonly workbook: XlsxWorkbook;
  /** What was written, for the message. */
  readonly done: Awaited<ReturnType<typeof applyScoreWrites>>;
}

/**
 * Apply the writes in memory; a planned sheet name taken by a sheet that is not ours exits 1 naming it. The
 * result no longer holds the scores (they are in the workbook now), so they can be collected before saving.
 */
export async function markScored(
  scored: ScoredWorkbook,
  out: OutputTarget,
  lang: Lang,
): Promise<MarkedWorkbook> {
  try {
    return { workbook: scored.workbook, done: await applyScoreWrites(scored) };
  } catch (e) {
    if (isDubanError(e) && e.code === 'invalid_argument' && typeof e.fields['sheet'] === 'string') {
      throw new CliFailure(
        say(lang, 'sheetClash', { path: out.path, sheet: e.fields['sheet'] }),
        EXIT.notProcessable,
      );
    }
    throw e;
  }
}

/** Save the marked copy; says where on stderr (stdout carries the report or the JSON), after the bar is gone. */
export async function saveScored(
  marked: MarkedWorkbook,
  out: OutputTarget,
  options: CliOptions,
  io: CliIo,
  bar?: ProgressBar,
): Promise<void> {
  const { done } = marked;
  await writeOutput(marked.workbook.workbook, out, options, io, bar);
  const line = say(options.lang, 'scoreWrote', {
    path: out.path,
    sheet: done.sheet,
    first: done.first,
    last: done.last,
    sheets: done.sheets.join('、'),
  });
  // Saved: the bar has done its job, and the closing line stands on its own.
  bar?.finish();
  io.stderr.write(line + '\n');
}
