/**
 * The score stage's one entry point: sub-tasks + reported progress → statuses, unit scores and ranks, the
 * circular's lists and paragraph, and findings. Pure and deterministic: the as-of date is an argument.
 */
import { DubanError } from '../errors.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { SubTask } from '../breakdown-model.ts';
import type { CellRef } from '../grid.ts';
import { compactKey } from '../text/normalize.ts';
import { circularParagraph, countResults, escalation } from './circular.ts';
import { percentTrimmed } from './numbers.ts';
import type { ProgressEntry, ScoreInput, ScoreResult, SubTaskScore } from './score-model.ts';
import { ownerNamesMemo, scoreSubTask } from './score-subtask.ts';
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

// A total row (全区, 合计): listed by row, or every unit of it named as a total.
function isTotalRow(sub: SubTask, totalRows: ReadonlySet<number>, totalKeys: ReadonlySet<string>): boolean {
  if (totalRows.has(sub.taskRow)) return true;
  if (totalKeys.size === 0 || sub.units.length === 0) return false;
  for (const u of sub.units) if (!totalKeys.has(compactKey(u))) return false;
  return true;
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
  // One pass over the sub-tasks: duplicate ids, their entries, whether a weight column is in use.
  const seen = new Set<string>();
  const entries: (ProgressEntry | undefined)[] = [];
  let matched = 0;
  let weighted = false;
  for (const sub of input.subTasks) {
    // One hash lookup instead of has() then add(): an id already seen leaves the size unchanged.
    const size = seen.size;
    seen.add(sub.id);
    if (seen.size === size) {
      throw new DubanError(
        'invalid_argument',
        `子任务编号重复：${sub.id} / duplicate sub-task id: ${sub.id}`,
        { field: 'subTasks', value: sub.id },
      );
    }
    const entry = input.progress.get(sub.id);
    entries.push(entry);
    if (entry !== undefined) {
      matched += 1;
      if (entry.weight !== undefined) weighted = true;
    }
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
  if (matched < input.progress.size) {
    for (const [id, entry] of input.progress) {
      if (!seen.has(id)) findings.push(makeFinding('score_progress_orphan', firstCell(entry), { id }));
    }
  }

  const totalRows = new Set(input.totals?.rows ?? []);
  const totalKeys = new Set((input.totals?.units ?? []).map((n) => compactKey(n)));

  const expectationOf = expectationCache(input.asOf, input.planYear);
  // One context for all sub-tasks: scoring allocates nothing per sub-task that it does not return.
  const ctx = {
    asOf: input.asOf,
    planYear: input.planYear,
    settings: s,
    weighted,
    expectationOf,
    ownerNames: ownerNamesMemo(),
  };
  const tasks: SubTaskScore[] = [];
  const subTasks = input.subTasks;
  for (let i = 0; i < subTasks.length; i++) {
    const sub = subTasks[i];
    if (sub === undefined) continue;
    tasks.push(scoreSubTask(sub, entries[i], ctx, findings, isTotalRow(sub, totalRows, totalKeys)));
  }
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
  const { entries: escalate, taskCount: escalatedTasks } = escalation(tasks, units, s);
  const counts = countResults(tasks, units);
  const paragraph = circularParagraph({
    asOf: input.asOf,
    settings: s,
    counts,
    units,
    praise,
    escalate,
    escalatedTasks,
  });
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
