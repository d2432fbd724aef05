/**
 * Run the score stage on a handful of hand-built sub-tasks. Expected values in the tests are worked out by
 * hand in comments beside them.
 */
import type { SubTask } from '../../../src/core/breakdown-model.ts';
import type { Finding } from '../../../src/core/findings.ts';
import { scoreSubTasks } from '../../../src/core/score/score.ts';
import type { ProgressEntry, ScoreResult, SubTaskScore } from '../../../src/core/score/score-model.ts';
import { resolveSettings } from '../../../src/core/score/settings.ts';

/** Score one sub-task; returns its score and the findings. */
export function scoreOne(
  sub: SubTask,
  entry: ProgressEntry | undefined,
  asOf: string,
  preset?: string,
  overrides?: unknown,
): { task: SubTaskScore; findings: readonly Finding[]; result: ScoreResult } {
  const result = scoreSubTasks({
    asOf,
    planYear: Number(asOf.slice(0, 4)),
    settings: resolveSettings(preset, overrides),
    subTasks: [sub],
    progress: new Map(entry ? [[sub.id, entry]] : []),
  });
  const task = result.tasks[0];
  if (!task) throw new Error('no task scored');
  return { task, findings: result.findings, result };
}

/** Finding codes, in order. */
export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}
