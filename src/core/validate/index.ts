/**
 * The validate stage: findings about targets, owners, units, numbers, progress text and table structure.
 * One entry point, {@link validateTable}; the checks live in one module per area.
 */
export {
  DEFAULT_PROGRESS_LIMIT,
  DEFAULT_REPORTING_DEADLINES,
  sortFindings,
  validateTable,
  type ValidateInput,
  type ValidateOptions,
} from './validate-table.ts';
