import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateTable, type ValidateOptions } from '../../../src/core/validate/index.ts';
import { latestPassedDeadline } from '../../../src/core/validate/dates.ts';
import { progressLength } from '../../../src/core/validate/validate-progress.ts';
import {
  buildBreakdown,
  buildGrid,
  buildTable,
  only,
  person,
  ref,
  summary,
  type Layout,
  type RowSpec,
} from './fixtures.ts';

/** A = 序号, B = 责任单位, C = 目标任务, D = 责任人, E = 进展情况. */
const LAYOUT: Layout = { serial: 0, unit: 1, target: 2, owner: 3, progress: 4 };
const CODES = ['progress_too_long', 'progress_missing', 'validate_option_invalid'];

function run(
  progress: RawCell[],
  options?: ValidateOptions,
  extra: { specs?: Partial<RowSpec>[]; layout?: Layout; planYear?: number | null } = {},
) {
  const layout = extra.layout ?? LAYOUT;
  const data = progress.map((p, i) => [i + 1, `单位${String(i + 1)}`, `任务${String(i + 1)}`, '张三', p]);
  const grid = buildGrid(layout, data);
  const table = buildTable(
    grid,
    layout,
    data.map((_, i) => ({ row: i + 2, owners: [person('张三')], ...(extra.specs?.[i] ?? {}) })),
    { planYear: extra.planYear === undefined ? 2024 : extra.planYear },
  );
  const breakdown = buildBreakdown(table, [], extra.planYear === undefined ? 2024 : extra.planYear);
  return only(validateTable({ grid, table, breakdown, ...(options ? { options } : {}) }), ...CODES);
}

/** `n` Chinese characters. */
function text(n: number): string {
  return '进'.repeat(n);
}

describe('progress_too_long', () => {
  it('warns about a report over 200 characters, saying how long it is', () => {
    const f = run([text(201)]);
    expect(summary(f)).toEqual(['progress_too_long@E3']);
    expect(f[0]?.params).toEqual({ length: 201, limit: 200 });
    expect(f[0]?.severity).toBe('warning');
  });

  it('does not count line breaks and spaces, so 200 characters laid out on lines pass', () => {
    const laidOut = `一、${text(98)}\n\u3000\u3000二、${text(98)}\r\n`;
    expect(progressLength(laidOut)).toBe(200);
    expect(run([laidOut, text(200)])).toEqual([]);
  });

  it('uses a configured limit', () => {
    const f = run([text(51), text(50)], { progressLimit: 50 });
    expect(summary(f)).toEqual(['progress_too_long@E3']);
    expect(f[0]?.params).toEqual({ length: 51, limit: 50 });
  });

  it('judges a progress cell merged over two tasks once', () => {
    const f = run([text(300), null], undefined, { specs: [{}, { from: { progress: ref(2, 4) } }] });
    expect(summary(f)).toEqual(['progress_too_long@E3']);
  });

  it('renders with the cell and the numbers in both languages', () => {
    const f = run([text(230)]);
    const first = f[0];
    if (!first) throw new Error('expected a finding');
    expect(renderFinding(first, 'zh').message).toBe('分解表!E3：进展情况有 230 字，超过了 200 字的要求。');
    expect(renderFinding(first, 'en').message).toBe(
      '分解表!E3: the progress report is 230 characters long, over the limit of 200.',
    );
    expect(renderFinding(first, 'zh').fix).toContain('分解表!E3');
  });
});

describe('progress_missing', () => {
  it('warns about blank progress once the 6-30 deadline has passed, not about filled cells', () => {
    const f = run([null, '已完成年度目标的60%', '  '], { asOf: '2024-07-01' });
    expect(summary(f)).toEqual(['progress_missing@E3', 'progress_missing@E5']);
    expect(f[0]?.params).toEqual({ deadline: '2024-06-30' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('counts the deadline day itself as passed, the day before as not', () => {
    expect(summary(run([null], { asOf: '2024-03-31' }))).toEqual(['progress_missing@E3']);
    expect(run([null], { asOf: '2024-03-30' })).toEqual([]);
  });

  it('uses the plan year’s 12-31 for an as-of date in the next year', () => {
    expect(run([null], { asOf: '2025-01-10' })[0]?.params).toEqual({ deadline: '2024-12-31' });
  });

  it('says nothing without an as-of date or without a progress column', () => {
    expect(run([null])).toEqual([]);
    const noProgress: Layout = { serial: 0, unit: 1, target: 2, owner: 3 };
    expect(run([null], { asOf: '2024-12-31' }, { layout: noProgress })).toEqual([]);
  });

  it('uses configured deadlines and plan year, and falls back to the as-of year', () => {
    expect(run([null], { asOf: '2024-06-20', reportingDeadlines: ['06-15'] })[0]?.params).toEqual({
      deadline: '2024-06-15',
    });
    // The option's plan year 2023 wins over the table's 2024: every 2023 deadline has passed by 2024-02-01.
    expect(run([null], { asOf: '2024-02-01', planYear: 2023 })[0]?.params).toEqual({
      deadline: '2023-12-31',
    });
    expect(run([null], { asOf: '2026-04-02' }, { planYear: null })[0]?.params).toEqual({
      deadline: '2026-03-31',
    });
  });

  it('falls back to defaults for invalid settings and says so', () => {
    const f = run([null, text(201)], { asOf: 'yesterday', progressLimit: -1 });
    expect(summary(f)).toEqual([
      'progress_too_long@E4',
      'validate_option_invalid@-',
      'validate_option_invalid@-',
    ]);
    expect(f[0]?.params).toEqual({ length: 201, limit: 200 });
    expect(f.slice(1).map((x) => x.params)).toEqual([
      { option: 'asOf', value: 'yesterday', fallback: '—' },
      { option: 'progressLimit', value: '-1', fallback: '200' },
    ]);
  });

  it('computes the latest passed deadline, Feb 29 falling on Feb 28 in a common year', () => {
    expect(latestPassedDeadline('2024-07-01', 2024, ['03-31', '06-30', '09-30', '12-31'])).toBe('2024-06-30');
    expect(latestPassedDeadline('2023-03-01', 2023, ['02-29'])).toBe('2023-02-28');
    expect(latestPassedDeadline('2024-01-01', 2024, ['03-31'])).toBeNull();
  });
});
