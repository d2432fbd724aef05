/**
 * The seed table end to end: the grid of the attachment (as the seed workbook lays it out) read by
 * readTable, then broken down by breakDownTable, gives exactly the hand-worked golden sub-tasks of all 52
 * rows, with the plan year taken from the title.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakDownTable } from '../../src/core/breakdown/break-down-table.ts';
import type { Grid, RawCell } from '../../src/core/grid.ts';
import { readTable } from '../../src/core/table/read-table.ts';
import { SEED_ROWS } from './seed-rows/seed-rows.golden.ts';

interface SeedJson {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly { serial: string; unit: string; target: string; owner: string }[];
}

const seed = JSON.parse(
  readFileSync(new URL('../../seeds/taishan-2024.json', import.meta.url), 'utf8'),
) as SeedJson;

// Row 1 附件, row 2 the title, row 3 the header, rows 4–55 the tasks (序号 as a number), as in the workbook.
const cells: RawCell[][] = [
  ['附件'],
  [seed.title],
  [...seed.header],
  ...seed.rows.map((r) => [Number(r.serial), r.unit, r.target, r.owner]),
];
const grid: Grid = { sheet: '分解表', origin: { row: 0, col: 0 }, cells };

describe('seed table end to end', () => {
  const table = readTable(grid).table;

  it('reads the table and its plan year', () => {
    expect(table?.planYear).toBe(2024);
    expect(table?.rows).toHaveLength(52);
  });

  it('breaks every row down as the golden file says', () => {
    if (!table) throw new Error('no table read');
    const b = breakDownTable(table);
    expect(b.planYear).toBe(2024);
    expect(
      b.subTasks.map((s) => ({
        id: s.id,
        text: s.text,
        deadline: s.deadline,
        indicators: s.indicators.map((i) => ({
          metric: i.metric,
          kind: i.kind,
          comparator: i.comparator,
          value: i.value,
          valueMax: i.valueMax,
          unit: i.unit,
        })),
      })),
    ).toEqual(SEED_ROWS.flatMap((r) => r.subTasks));
    expect(b.findings.map((f) => [f.code, f.at])).toEqual([
      ['duplicate_sentence', { sheet: '分解表', row: 3, col: 2 }],
    ]);
    const first = b.subTasks[0];
    expect(first?.units).toEqual(['区发改局']);
    expect(first?.owners.map((o) => o.display)).toEqual(['陈学刚']);
  });
});
