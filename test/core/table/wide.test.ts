/**
 * Wide/matrix tables: a row per unit or region, indicator groups across the columns under a two-level
 * header (indicator name merged above 目标任务 / 进度 / 完成比例), total rows kept apart.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/core/table/read-table.ts';
import type { ReadTable } from '../../../src/core/table-model.ts';
import type { CellRange, RawCell } from '../../../src/core/grid.ts';
import { at, makeGrid, merge } from './fixtures/grid-builder.ts';

function table(cells: RawCell[][], merges: CellRange[] = []): ReadTable {
  const result = readTable(makeGrid(cells, merges));
  if (!result.table) throw new Error(`no table: ${JSON.stringify(result.findings)}`);
  return result.table;
}

const CELLS: RawCell[][] = [
  ['2024年各县（市、区）重点指标完成情况'],
  ['序号', '县（市、区）', '城镇新增就业（人）', null, null, '新增技能人才（人）', null, null],
  [null, null, '目标任务', '进度', '完成比例', '目标任务', '进度', '完成比例'],
  [null, '全市', 7200, 4496, '62.4%', 2700, 1500, '55.6%'],
  [1, '泰山区', 4000, 2500, '62.5%', 1500, 900, '60%'],
  [2, '岱岳区', 3200, 1996, '62.4%', 1200, 600, '50%'],
  [null, '合计', 7200, 4496, '62.4%', 2700, 1500, '55.6%'],
];
const MERGES = [
  merge('A1', 'H1'),
  merge('A2', 'A3'),
  merge('B2', 'B3'),
  merge('C2', 'E2'),
  merge('F2', 'H2'),
];

describe('two-level wide table with merged group headers', () => {
  const t = table(CELLS, MERGES);

  it('finds the two-level header, the unit column and both groups', () => {
    expect(t.layout).toBe('wide');
    expect(t.headerRow).toBe(1);
    expect(t.headerRowCount).toBe(2);
    expect(t.title).toBe('2024年各县（市、区）重点指标完成情况');
    expect(t.planYear).toBe(2024);
    expect(t.columns.map((c) => [c.role, c.col, c.headerText])).toEqual([
      ['serial', 0, '序号'],
      ['unit', 1, '县（市、区）'],
    ]);
    expect(t.groups).toEqual([
      { name: '城镇新增就业', header: at('C2'), measureUnit: '人', planCol: 2, actualCol: 3, ratioCol: 4 },
      { name: '新增技能人才', header: at('F2'), measureUnit: '人', planCol: 5, actualCol: 6, ratioCol: 7 },
    ]);
  });

  it('makes one task row per unit row and group', () => {
    expect(t.rows.map((r) => [r.row, r.units[0], r.group])).toEqual([
      [4, '泰山区', '城镇新增就业'],
      [4, '泰山区', '新增技能人才'],
      [5, '岱岳区', '城镇新增就业'],
      [5, '岱岳区', '新增技能人才'],
    ]);
    const first = t.rows[0];
    expect(first?.target).toEqual({ value: '城镇新增就业', at: at('C2'), raw: '城镇新增就业（人）' });
    expect(first?.serial?.value).toBe('1');
    expect(first?.unitCell?.at).toEqual(at('B5'));
    expect(first?.fields.planValue).toEqual({ value: 4000, at: at('C5'), raw: 4000 });
    expect(first?.fields.actual).toEqual({ value: 2500, at: at('D5'), raw: 2500 });
    expect(first?.fields.completionRate).toEqual({ value: '62.5%', at: at('E5'), raw: '62.5%' });
    const skills = t.rows[3];
    expect(skills?.fields.planValue?.value).toBe(1200);
    expect(skills?.fields.actual?.at).toEqual(at('G6'));
    expect(skills?.fields.completionRate?.value).toBe('50%');
  });

  it('keeps 全市 and 合计 as totals, never units', () => {
    expect(t.totals.map((r) => [r.row, r.unitCell?.value, r.group])).toEqual([
      [3, '全市', '城镇新增就业'],
      [3, '全市', '新增技能人才'],
      [6, '合计', '城镇新增就业'],
      [6, '合计', '新增技能人才'],
    ]);
    expect(t.rows.some((r) => r.units.includes('全市') || r.units.includes('合计'))).toBe(false);
    expect(t.findings).toEqual([]);
  });
});

describe('wide variants', () => {
  it('reads the same header typed without merges (labels centred across blank cells)', () => {
    const t = table(CELLS.slice(1));
    expect(t.layout).toBe('wide');
    expect(t.headerRow).toBe(0);
    expect(t.groups.map((g) => [g.name, g.header, g.planCol, g.actualCol, g.ratioCol])).toEqual([
      ['城镇新增就业', at('C1'), 2, 3, 4],
      ['新增技能人才', at('F1'), 5, 6, 7],
    ]);
    expect(t.rows).toHaveLength(4);
    expect(t.totals).toHaveLength(4);
  });

  it('skips a repeated two-level header on a second printed page', () => {
    const cells: RawCell[][] = [
      ...CELLS.slice(0, 5),
      [null, null, '—2—'],
      ['序号', '县（市、区）', '城镇新增就业（人）', null, null, '新增技能人才（人）', null, null],
      [null, null, '目标任务', '进度', '完成比例', '目标任务', '进度', '完成比例'],
      [2, '岱岳区', 3200, 1996, '62.4%', 1200, 600, '50%'],
    ];
    const merges = [...MERGES, merge('A7', 'A8'), merge('B7', 'B8'), merge('C7', 'E7'), merge('F7', 'H7')];
    const t = table(cells, merges);
    expect(t.rows.map((r) => [r.row, r.units[0]])).toEqual([
      [4, '泰山区'],
      [4, '泰山区'],
      [8, '岱岳区'],
      [8, '岱岳区'],
    ]);
    expect(t.findings.map((f) => [f.code, f.at])).toEqual([
      ['repeated_header_skipped', at('A7')],
      ['repeated_header_skipped', at('C8')],
    ]);
  });

  it('reads a one-level wide table whose indicator headers carry a unit of measure', () => {
    const t = table([
      ['镇街', '城镇新增就业(人)', '新建绿色建筑（万平方米）', '备注'],
      ['岱庙街道', 400, 3.5, null],
      ['上高街道', 380, 2, '含续建'],
      ['全区', 780, 5.5, null],
    ]);
    expect(t.layout).toBe('wide');
    expect(t.groups).toEqual([
      {
        name: '城镇新增就业',
        header: at('B1'),
        measureUnit: '人',
        planCol: 1,
        actualCol: null,
        ratioCol: null,
      },
      {
        name: '新建绿色建筑',
        header: at('C1'),
        measureUnit: '万平方米',
        planCol: 2,
        actualCol: null,
        ratioCol: null,
      },
    ]);
    expect(
      t.rows.map((r) => [r.units[0], r.group, r.fields.planValue?.value, r.fields.remark?.value]),
    ).toEqual([
      ['岱庙街道', '城镇新增就业', 400, null],
      ['岱庙街道', '新建绿色建筑', 3.5, null],
      ['上高街道', '城镇新增就业', 380, '含续建'],
      ['上高街道', '新建绿色建筑', 2, '含续建'],
    ]);
    expect(t.totals.map((r) => r.unitCell?.value)).toEqual(['全区', '全区']);
  });

  it('gives a merged unit of a wide table to each row it spans and reads section rows as categories', () => {
    const t = table(
      [
        ['单位', '地区生产总值增长（%）', null, null],
        [null, '目标', '完成', '完成率'],
        ['一、县（市、区）'],
        ['泰山区', 5.5, 5.8, '105%'],
        ['二、功能区'],
        ['泰安高新区', 7, 6.3, '90%'],
      ],
      [merge('A1', 'A2'), merge('B1', 'D1'), merge('A3', 'D3')],
    );
    expect(t.groups.map((g) => [g.name, g.measureUnit])).toEqual([['地区生产总值增长', '%']]);
    expect(t.rows.map((r) => [r.units[0], r.category, r.fields.actual?.value])).toEqual([
      ['泰山区', '一、县（市、区）', 5.8],
      ['泰安高新区', '二、功能区', 6.3],
    ]);
  });
});
