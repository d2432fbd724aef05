/**
 * Validate a read and broken-down table: owners, units, targets, numbers, progress text and structure.
 * Every problem is a {@link Finding} value with a cell; nothing here throws for any input.
 */
import type { Breakdown } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { Grid } from '../grid.ts';
import type { ReadTable } from '../table-model.ts';
import { makeKeyCaches, pushAll, type ResolvedOptions, type ValidateContext } from './context.ts';
import { isIsoDate, isMonthDay } from './dates.ts';
import { checkNumbers } from './validate-numbers.ts';
import { checkOwners } from './validate-owners.ts';
import { checkProgress } from './validate-progress.ts';
import { checkStructure } from './validate-structure.ts';
import { checkTargets } from './validate-targets.ts';
import { checkUnits } from './validate-units.ts';

/** Settings of the validation. All optional; defaults follow the seed notice. */
export interface ValidateOptions {
  /** Longest progress text in characters (whitespace not counted). Default 200. */
  readonly progressLimit?: number;
  /** As-of date `YYYY-MM-DD`: enables "progress missing after its reporting deadline". */
  readonly asOf?: string;
  /** Reporting deadlines as `MM-DD`. Default `['03-31', '06-30', '09-30', '12-31']`. */
  readonly reportingDeadlines?: readonly string[];
  /** Plan year; default the breakdown's, else the table title's, else the as-of date's year. */
  readonly planYear?: number;
}

/** The input of {@link validateTable}. */
export interface ValidateInput {
  readonly grid: Grid;
  readonly table: ReadTable;
  readonly breakdown: Breakdown;
  /** Unit names of the roster sheet (责任单位名单), when the workbook has one. */
  readonly roster?: readonly string[] | null;
  readonly options?: ValidateOptions;
}

/** Default longest progress text (the seed notice: 字数一般不超过200字). */
export const DEFAULT_PROGRESS_LIMIT = 200;

/** Default quarterly reporting deadlines (the seed notice: 3月31日、6月30日、9月30日、12月31日前). */
export const DEFAULT_REPORTING_DEADLINES: readonly string[] = ['03-31', '06-30', '09-30', '12-31'];

const CHECKS: readonly { readonly name: string; readonly run: (ctx: ValidateContext) => Finding[] }[] = [
  { name: '责任人 / owners', run: checkOwners },
  { name: '责任单位 / units', run: checkUnits },
  { name: '目标任务 / targets', run: checkTargets },
  { name: '数字 / numbers', run: checkNumbers },
  { name: '进展情况 / progress', run: checkProgress },
  { name: '表格结构 / structure', run: checkStructure },
];

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null || value === undefined) return String(value);
  try {
    // Objects and arrays; a function or symbol has no JSON form and is named by its type.
    return typeof value === 'object' ? JSON.stringify(value) : typeof value;
  } catch {
    return typeof value;
  }
}

function isPlanYear(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1900 && n <= 2200;
}

/** Apply defaults; an invalid setting falls back to its default with a finding saying so. */
export function resolveOptions(
  options: ValidateOptions | undefined,
  breakdown: Breakdown,
  table: ReadTable,
): { resolved: ResolvedOptions; findings: Finding[] } {
  const findings: Finding[] = [];
  const invalid = (option: string, value: unknown, fallback: string): void => {
    findings.push(
      makeFinding('validate_option_invalid', undefined, { option, value: describe(value), fallback }),
    );
  };

  let progressLimit = DEFAULT_PROGRESS_LIMIT;
  const limit = options?.progressLimit;
  if (limit !== undefined) {
    if (typeof limit === 'number' && Number.isInteger(limit) && limit > 0) progressLimit = limit;
    else invalid('progressLimit', limit, String(DEFAULT_PROGRESS_LIMIT));
  }

  let asOf: string | null = null;
  const rawAsOf = options?.asOf;
  if (rawAsOf !== undefined) {
    if (typeof rawAsOf === 'string' && isIsoDate(rawAsOf.trim())) asOf = rawAsOf.trim();
    else invalid('asOf', rawAsOf, '—');
  }

  let reportingDeadlines = DEFAULT_REPORTING_DEADLINES;
  const rawDeadlines = options?.reportingDeadlines;
  if (rawDeadlines !== undefined) {
    const valid = Array.isArray(rawDeadlines)
      ? rawDeadlines
          .filter((d): d is string => typeof d === 'string' && isMonthDay(d.trim()))
          .map((d) => d.trim())
      : [];
    if (!Array.isArray(rawDeadlines) || valid.length !== rawDeadlines.length) {
      invalid(
        'reportingDeadlines',
        rawDeadlines,
        valid.length > 0 ? valid.join(', ') : DEFAULT_REPORTING_DEADLINES.join(', '),
      );
    }
    reportingDeadlines =
      valid.length > 0 || (Array.isArray(rawDeadlines) && rawDeadlines.length === 0)
        ? valid
        : DEFAULT_REPORTING_DEADLINES;
  }

  let planYear: number | null = null;
  const rawYear = options?.planYear;
  if (rawYear !== undefined) {
    if (isPlanYear(rawYear)) planYear = rawYear;
    else invalid('planYear', rawYear, '—');
  }
  if (planYear === null && isPlanYear(breakdown.planYear)) planYear = breakdown.planYear;
  if (planYear === null && isPlanYear(table.planYear)) planYear = table.planYear;

  return {
    resolved: { progressLimit, asOf, reportingDeadlines: [...reportingDeadlines].sort(), planYear },
    findings,
  };
}

/**
 * Sort findings by row, column and code (cell-less last) and drop exact repeats. Ties on all three are
 * broken by sheet and parameters, whose text is built only for the few findings that need it: a large
 * table yields tens of thousands of findings.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const paramKeys = new Map<Finding, string>();
  const paramKey = (f: Finding): string => {
    let key = paramKeys.get(f);
    if (key === undefined) {
      key = JSON.stringify(f.params);
      paramKeys.set(f, key);
    }
    return key;
  };
  const compare = (x: Finding, y: Finding): number => {
    const a = x.at;
    const b = y.at;
    if (a && b) {
      if (a.row !== b.row) return a.row - b.row;
      if (a.col !== b.col) return a.col - b.col;
    } else if (a || b) {
      return a ? -1 : 1;
    }
    if (x.code !== y.code) return x.code < y.code ? -1 : 1;
    const sa = a?.sheet ?? '';
    const sb = b?.sheet ?? '';
    if (sa !== sb) return sa < sb ? -1 : 1;
    const pa = paramKey(x);
    const pb = paramKey(y);
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  const sorted = [...findings].sort(compare);
  // Exact repeats are now neighbours.
  return sorted.filter((f, i) => {
    const prev = sorted[i - 1];
    return prev === undefined || compare(prev, f) !== 0;
  });
}

/**
 * Check the targets and owners of a table: returns the findings, sorted by row, column and code. Never
 * throws: a check that fails on malformed input reports `validate_check_failed` and the others still run.
 */
export function validateTable(input: ValidateInput): Finding[] {
  const findings: Finding[] = [];
  let ctx: ValidateContext;
  try {
    const { resolved, findings: optionFindings } = resolveOptions(
      input.options,
      input.breakdown,
      input.table,
    );
    findings.push(...optionFindings);
    const roster = input.roster && input.roster.length > 0 ? input.roster : null;
    ctx = {
      grid: input.grid,
      table: input.table,
      breakdown: input.breakdown,
      roster,
      options: resolved,
      ...makeKeyCaches(input.breakdown),
    };
  } catch {
    return [makeFinding('validate_check_failed', undefined, { check: '校验设置 / settings' })];
  }
  for (const check of CHECKS) {
    try {
      pushAll(findings, check.run(ctx));
    } catch {
      // Malformed input (a hand-made table breaking the model's promises) must not lose the other checks.
      findings.push(makeFinding('validate_check_failed', undefined, { check: check.name }));
    }
  }
  return sortFindings(findings);
}
