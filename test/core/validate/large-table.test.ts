/**
 * A very large table: a check may return more findings than a function call can take as arguments, so
 * findings must be gathered without spreading them into a call (`push(...list)` throws past ~120,000).
 */
import { describe, expect, it } from 'vitest';
import type { Grid, RawCell } from '../../../src/core/grid.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import { SEED_LAYOUT, SHEET, buildBreakdown, buildTable, person } from './fixtures.ts';

describe('a 200,000-row table', () => {
  it('reports every duplicated target row instead of failing the check', () => {
    const rows = 200_000;
    // One unit, one owner, the same target on every row: every row after the first duplicates it.
    const data: RawCell[][] = Array.from({ length: rows }, (_, i) => [
      i + 1,
      '区发改局',
      '推进改革。',
      '张三',
    ]);
    // The grid as the fixtures lay it out (title, header row, data), built directly: too many rows to spread.
    const grid: Grid = {
      sheet: SHEET,
      origin: { row: 0, col: 0 },
      cells: [['2024年重点工作任务分解表'], ['序号', '责任单位', '目标任务', '责任人'], ...data],
    };
    const table = buildTable(
      grid,
      SEED_LAYOUT,
      data.map((_, i) => ({ row: i + 2, owners: [person('张三')] })),
    );
    const findings = validateTable({ grid, table, breakdown: buildBreakdown(table, []) });
    expect(findings.filter((f) => f.code === 'validate_check_failed')).toEqual([]);
    expect(findings.filter((f) => f.code === 'target_duplicate')).toHaveLength(rows - 1);
  }, 60_000);
});
