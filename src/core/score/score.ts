/**
 * The score stage's one entry point: sub-tasks + reported progress → statuses, unit scores and ranks, the
 * circular's lists and paragraph, and findings. Pure and deterministic: the as-of date is an argument.
 */
import { DubanError } from '../errors.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { CellRef } from '../grid.ts';
import { compactKey } from '../text/normalize.ts';
import { buildEscalation, circularParagraph, countResults } from './circular.ts';
import { percentTrimmed } from './numbers.ts';
import type { ProgressEntry, ScoreInput, ScoreResult, SubTaskScore } from './score-model.ts';
import { scoreSubTask } from './score-subtask.ts';
import { scoreUnits } from './score-units.ts';
import { validateSettings } from './settings.ts';
import {
  checkPlanYear,
  expectationCache,
  parseAsOf,
  reportingPeriod,
  timeProgress,
} from './time-progress.ts';

function firstCell(entry: ProgressEntry): CellRef | undefined {
  const weight = entry.weight;
  return (
    entry.actual?.at ??
    entry.status?.at ??
    entry.text?.at ??
    entry.printedRate?.at ??
    entry.plan?.at ??
    entry.benchmark?.at ??
    (typeof weight === 'object' ? weight.at : undefined)
  );
}

/**
 * Score sub-tasks against what their units reported.
 *
 * Throws `DubanError` only for misuse: an invalid `asOf` or `planYear` (`invalid_argument`), invalid settings
 * (`invalid_settings`), or duplicate sub-task ids (`invalid_argument`). Anything wrong in the reported
 * values becomes a finding and, where it prevents scoring, an `unscored` status with its reason.
 *
 * @example
 * const result = scoreSubTasks({
 *   asOf: '2024-06-30', planYear: 2024, settings: resolveSettings(),
 *   subTasks, progress: new Map([['1.01', { actual: { value: 4496, raw: 4496, at } }]]),
 * });
 * result.tasks[0].completion; // 0.6812… for a target of 6600人
 */
export function scoreSubTasks(input: ScoreInput): ScoreResult {
  const asOfDate = parseAsOf(input.asOf);
  checkPlanYear(input.planYear);
  validateSettings(input.settings);
  const s = input.settings;
  const seen = new Set<string>();
  for (const sub of input.subTasks) {
    if (seen.has(sub.id)) {
      throw new DubanError(
        'invalid_argument',
        `子任务编号重复：${sub.id} / duplicate sub-task id: ${sub.id}`,
        { field: 'subTasks', value: sub.id },
      );
    }
    seen.add(sub.id);
  }

  const findings: Finding[] = [];
  const progressShare = timeProgress(input.asOf, input.planYear);
  if (asOfDate.year !== input.planYear) {
    findings.push(
      makeFinding('score_as_of_outside_year', undefined, {
        asOf: input.asOf,
        planYear: input.planYear,
        progress: percentTrimmed(progressShare, s.percentDecimals),
      }),
    );
  }
  for (const [id, entry] of input.progress) {
    if (!seen.has(id)) findings.push(makeFinding('score_progress_orphan', firstCell(entry), { id }));
  }

  const weighted = input.subTasks.some((sub) => input.progress.get(sub.id)?.weight !== undefined);
  const totalRows = new Set(input.totals?.rows ?? []);
  const totalKeys = new Set((input.totals?.units ?? []).map((n) => compactKey(n)));
  const isTotal = (units: readonly string[], row: number): boolean =>
    totalRows.has(row) ||
    (totalKeys.size > 0 && units.length > 0 && units.every((u) => totalKeys.has(compactKey(u))));

  const expectationOf = expectationCache(input.asOf, input.planYear);
  const tasks: SubTaskScore[] = input.subTasks.map((sub) =>
    scoreSubTask(
      sub,
      input.progress.get(sub.id),
      {
        asOf: input.asOf,
        planYear: input.planYear,
        settings: s,
        weighted,
        isTotal: isTotal(sub.units, sub.taskRow),
        expectationOf,
      },
      findings,
    ),
  );
  const units = scoreUnits(
    tasks,
    {
      settings: s,
      ...(input.categories ? { categories: input.categories } : {}),
      ...(input.totals?.units ? { totalUnits: input.totals.units } : {}),
      ...(input.previous ? { previous: input.previous } : {}),
    },
    findings,
  );
  const praise = units.filter((u) => u.praised).map((u) => u.name);
  const escalate = buildEscalation(tasks, units, s);
  const counts = countResults(tasks, units);
  const paragraph = circularParagraph({ asOf: input.asOf, settings: s, counts, units, praise, escalate });
  return {
    asOf: input.asOf,
    planYear: input.planYear,
    preset: s.preset,
    timeProgress: progressShare,
    period: reportingPeriod(input.asOf, input.planYear, s.reportingDeadlines),
    tasks,
    units,
    praise,
    escalate,
    counts,
    circularZh: paragraph.zh,
    circularEn: paragraph.en,
    findings,
  };
}
