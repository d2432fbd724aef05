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
import {
  circularParagraph,
  finishCounts,
  finishEscalation,
  newCountTally,
  newEscalationTally,
  tallyCount,
  tallyEscalation,
} from './circular.ts';
import { IdSet } from './id-set.ts';
import { percentTrimmed } from './numbers.ts';
import type { ProgressEntry, ScoreInput, ScoreResult, SubTaskScore } from './score-model.ts';
import { scoreSubTask } from './score-subtask.ts';
import { finishUnits, newUnitTally, tallyTask } from './score-units.ts';
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
  if (totalRows.size > 0 && totalRows.has(sub.taskRow)) return true;
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
  parseAsOf(input.asOf);
  checkPlanYear(input.planYear);
  validateSettings(input.settings);
  // Whether a weight column is in use — some sub-task's own entry has a weight (an orphaned entry's does
  // not count) — decides every sub-task's weight and findings. Finding out first would read every entry
  // once more, a cache miss each for a large ledger; instead the first pass assumes no weights and gives up
  // at the first weight it meets, and only then is the ledger scored with weights. Tables without a weight
  // column, the usual case, are scored once.
  return scorePass(input, false) ?? scorePass(input, true);
}

/**
 * One scoring pass over validated input. Unweighted, it returns null as soon as a sub-task's entry has a
 * weight.
 */
function scorePass(input: ScoreInput, weighted: true): ScoreResult;
function scorePass(input: ScoreInput, weighted: false): ScoreResult | null;
function scorePass(input: ScoreInput, weighted: boolean): ScoreResult | null {
  const asOfDate = parseAsOf(input.asOf);
  const s = input.settings;
  const subTasks = input.subTasks;
  const progress = input.progress;

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
  // Entries of unknown sub-tasks are reported next, before the sub-tasks' own findings; they are known
  // once every id has been seen, so they are put in place after scoring.
  const orphansAt = findings.length;

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
  };
  // Each result is tallied for its units, the counts and the escalation list as soon as it is made, while
  // it is still in the processor's cache: walking 100 000 results again for each of them cost more than
  // the tallying itself. Unit findings (category conflicts) are kept apart and appended after the
  // sub-tasks' own, in the order a separate pass would give.
  const tally = newUnitTally({
    settings: s,
    ...(input.categories ? { categories: input.categories } : {}),
    ...(input.totals?.units ? { totalUnits: input.totals.units } : {}),
    ...(input.previous ? { previous: input.previous } : {}),
  });
  const unitFindings: Finding[] = [];
  const countTally = newCountTally();
  const escalationTally = newEscalationTally(s);
  // One pass: each sub-task's id is checked, its entry looked up and scored at once, so both are read from
  // memory once. Indexed loops: a for-of loop in a function that runs once per scoring call allocates an
  // iterator result per element until it is optimised.
  const seen = new IdSet();
  let matched = 0;
  // Entries are looked up by walking the map's order beside the sub-tasks': a ledger lists both in row order
  // (read-ledger fills them together), so the next entry is nearly always the sub-task's, found without a
  // hash lookup — which for 100 000 entries misses the processor's cache every time. Where the orders part
  // (a sub-task without an entry, an entry of an unknown id) the map is asked. The map's own iterators walk
  // it: copying its keys and entries into arrays first cost a pass over 100 000 entries.
  const keys = progress.keys();
  const values = progress.values();
  let nextKey = keys.next().value;
  const tasks: SubTaskScore[] = [];
  for (let i = 0; i < subTasks.length; i++) {
    const sub = subTasks[i];
    if (sub === undefined) continue;
    if (!seen.add(sub.id)) {
      throw new DubanError(
        'invalid_argument',
        `子任务编号重复：${sub.id} / duplicate sub-task id: ${sub.id}`,
        { field: 'subTasks', value: sub.id },
      );
    }
    let entry: ProgressEntry | undefined;
    if (nextKey === sub.id) {
      entry = values.next().value;
      nextKey = keys.next().value;
    } else {
      entry = progress.get(sub.id);
    }
    if (entry !== undefined) {
      matched += 1;
      if (!weighted && entry.weight !== undefined) return null;
    }
    const task = scoreSubTask(sub, entry, ctx, findings, isTotalRow(sub, totalRows, totalKeys));
    tasks.push(task);
    tallyTask(tally, task, unitFindings);
    tallyCount(countTally, task);
    tallyEscalation(escalationTally, task);
  }
  if (matched < progress.size) {
    const orphans: Finding[] = [];
    progress.forEach((entry, id) => {
      if (!seen.has(id)) orphans.push(makeFinding('score_progress_orphan', firstCell(entry), { id }));
    });
    if (orphans.length > 0) {
      const rest = findings.splice(orphansAt);
      for (const f of orphans) findings.push(f);
      for (const f of rest) findings.push(f);
    }
  }
  const units = finishUnits(tally, unitFindings);
  for (const f of unitFindings) findings.push(f);
  const praise = units.filter((u) => u.praised).map((u) => u.name);
  const { entries: escalate, taskCount: escalatedTasks } = finishEscalation(escalationTally, units);
  const counts = finishCounts(countTally, units);
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
