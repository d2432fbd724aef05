/**
 * The values of the ledger's result columns (完成率, 序时进度, 状态, 说明) for a scored sub-task, for the
 * adapters that write them beside the units' columns.
 */
import type { RawCell } from '../grid.ts';
import { explainTask } from '../score/explain.ts';
import type { SubTaskScore } from '../score/score-model.ts';
import { LEDGER_STATUS_LABELS } from '../vocab/ledger-columns.ts';

/** The result columns of one ledger row. Ratios are ratios (format the cells `0.0%`). */
export interface LedgerResultCells {
  /** 完成率: the deciding indicator's completion, null when scored by a status word or unscored. */
  readonly completion: RawCell;
  /** 序时进度: the progress expected of this sub-task (its deadline's, when it has one). */
  readonly timeProgress: RawCell;
  /** 状态: 已完成 / 序时推进 / 进展滞后 / 严重滞后 / 未评分. */
  readonly status: string;
  /** 说明: the Chinese explanation. */
  readonly explanation: string;
}

/**
 * The result cells of a scored sub-task.
 * @example ledgerResultCells(task) → { completion: 0.45, timeProgress: 0.5, status: '进展滞后', explanation: '完成90亿元…' }
 */
export function ledgerResultCells(task: SubTaskScore): LedgerResultCells {
  return {
    completion: task.completion,
    timeProgress: task.context.expected,
    status: LEDGER_STATUS_LABELS[task.status],
    explanation: explainTask(task, 'zh'),
  };
}
