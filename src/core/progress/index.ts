/** Progress read from a responsibility table's own columns (目标值 / 完成值 / 完成率 / 进展情况). */
export {
  progressFromTable,
  readTableProgress,
  type TableProgress,
  type TableProgressOptions,
} from './progress-from-table.ts';
