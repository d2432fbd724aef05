/** readTable never throws on any grid, and what it returns stays inside the grid. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellRange, Grid, RawCell } from '../../../src/core/grid.ts';
import { parseOwners } from '../../../src/core/people/parse-owners.ts';
import { parseUnits } from '../../../src/core/people/parse-units.ts';
import { readTable } from '../../../src/core/table/read-table.ts';

const WORDS = [
  '序号',
  '责任单位',
  '牵头单位',
  '目标任务',
  '责任人',
  '合计',
  '全市',
  '—1—',
  '注：',
  '目标',
  '进度',
  '完成比例',
];

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }),
);

const range: fc.Arbitrary<CellRange> = fc.record({
  top: fc.integer({ min: -2, max: 12 }),
  left: fc.integer({ min: -2, max: 8 }),
  bottom: fc.integer({ min: -2, max: 12 }),
  right: fc.integer({ min: -2, max: 8 }),
});

const grid: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.string({ maxLength: 5 }),
  origin: fc.record({ row: fc.integer({ min: 0, max: 3 }), col: fc.integer({ min: 0, max: 3 }) }),
  cells: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
  merges: fc.array(range, { maxLength: 4 }),
});

describe('robustness', () => {
  it('readTable never throws and reads rows below its header', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const { table, findings } = readTable(g);
        expect(Array.isArray(findings)).toBe(true);
        if (table === null) return;
        for (const r of [...table.rows, ...table.totals]) {
          expect(r.row).toBeGreaterThanOrEqual(table.headerRow + table.headerRowCount);
          expect(r.row).toBeLessThan(g.origin.row + g.cells.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parseOwners and parseUnits never throw and never return empty keys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        for (const p of parseOwners(s)) expect(p.key).not.toBe('');
        for (const u of parseUnits(s)) expect(u).not.toBe('');
      }),
      { numRuns: 3000 },
    );
  });
});
