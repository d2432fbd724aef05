import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import { closestRosterName } from '../../../src/core/validate/validate-units.ts';
import { editDistance } from '../../../src/core/validate/edit-distance.ts';
import {
  SEED_LAYOUT,
  buildBreakdown,
  buildGrid,
  buildTable,
  only,
  person,
  summary,
  type RowSpec,
} from './fixtures.ts';

const UNIT_CODES = ['unit_missing', 'unit_not_in_roster', 'unit_not_in_roster_near'];

function run(data: RawCell[][], specs: Omit<RowSpec, 'row'>[], roster?: readonly string[] | null) {
  const grid = buildGrid(SEED_LAYOUT, data);
  const table = buildTable(
    grid,
    SEED_LAYOUT,
    specs.map((s, i) => ({ row: i + 2, owners: [person('张三')], ...s })),
  );
  return only(
    validateTable({ grid, table, breakdown: buildBreakdown(table), roster: roster ?? null }),
    ...UNIT_CODES,
  );
}

describe('unit_missing', () => {
  it('reports a blank unit cell as an error', () => {
    const f = run([[1, null, '推进教育评价改革', '张三']], [{}]);
    expect(summary(f)).toEqual(['unit_missing@B3']);
    expect(f[0]?.severity).toBe('error');
  });

  it('reports a unit cell holding only a slash', () => {
    const f = run([[1, '／', '推进教育评价改革', '张三']], [{ units: [] }]);
    expect(summary(f)).toEqual(['unit_missing@B3']);
  });

  it('does not report a filled unit, nor a unit given by a merged cell above', () => {
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革', '张三'],
        [2, null, '完成4所幼儿园建设', '张三'],
      ],
      [{}, { units: ['区教体局'] }],
    );
    expect(f).toEqual([]);
  });
});

describe('units and the roster', () => {
  const roster = [
    '区发改局',
    '区教体局',
    '区财政局',
    '区税务局',
    '市生态环境局泰山分局',
    '泰山先锋慧治服务中心',
  ];

  it('warns about a unit not in the roster and suggests the closest name', () => {
    const f = run([[1, '区教育局', '推进教育评价改革', '张三']], [{}], roster);
    expect(summary(f)).toEqual(['unit_not_in_roster_near@B3']);
    expect(f[0]?.params).toEqual({ unit: '区教育局', suggestion: '区教体局' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('suggests the roster name containing a shortened unit name', () => {
    const f = run([[1, '泰山先锋慧治中心', '落实“2115”机制', '张三']], [{}], roster);
    expect(f[0]?.params).toEqual({ unit: '泰山先锋慧治中心', suggestion: '泰山先锋慧治服务中心' });
  });

  it('makes no suggestion when nothing is close, or two names are equally close', () => {
    const f = run(
      [
        [1, '区统计局', '做好统计工作', '张三'],
        [2, '区财务局', '加强财务管理', '张三'],
      ],
      [{}, {}],
      roster,
    );
    // 区统计局 is 2 edits from every 区××局 (too far for 4 characters); 区财务局 is 1 edit from both
    // 区财政局 and 区税务局, so guessing would mislead.
    expect(summary(f)).toEqual(['unit_not_in_roster@B3', 'unit_not_in_roster@B4']);
    expect(f[0]?.params).toEqual({ unit: '区统计局' });
  });

  it('accepts roster names written with spaces or line breaks, and each unit of a two-unit row', () => {
    const f = run(
      [
        [1, '市生态环境局泰山分局', '抓好环保督察问题整改', '张三'],
        [2, '区财政局、区税务局', '深化财税领域改革', '张三'],
      ],
      [{}, { units: ['区财政局', '区税务局'] }],
      ['市生态环境局\n泰山分局', ' 区财政局', '区税务局'],
    );
    expect(f).toEqual([]);
  });

  it('checks each unit of a two-unit row separately', () => {
    const f = run(
      [[1, '区财政局、区统计局', '深化财税领域改革', '张三']],
      [{ units: ['区财政局', '区统计局'] }],
      roster,
    );
    expect(summary(f)).toEqual(['unit_not_in_roster@B3']);
    expect(f[0]?.params).toEqual({ unit: '区统计局' });
  });

  it('checks nothing against an absent or empty roster', () => {
    expect(run([[1, '区统计局', '做好统计工作', '张三']], [{}], null)).toEqual([]);
    expect(run([[1, '区统计局', '做好统计工作', '张三']], [{}], [])).toEqual([]);
  });

  it('renders the suggestion with the cell in both languages', () => {
    const f = run([[1, '区教育局', '推进教育评价改革', '张三']], [{}], roster);
    const first = f[0];
    if (!first) throw new Error('expected a finding');
    expect(renderFinding(first, 'zh').message).toBe(
      '分解表!B3：责任单位“区教育局”不在“责任单位名单”中，名单里最接近的是“区教体局”。',
    );
    expect(renderFinding(first, 'en').message).toBe(
      '分解表!B3: the unit "区教育局" is not in the unit roster (责任单位名单); the closest name there is "区教体局".',
    );
    expect(renderFinding(first, 'zh').fix).toContain('分解表!B3');
  });
});

describe('edit distance and the closest roster name', () => {
  it('counts edits over characters', () => {
    expect(editDistance('区财正局', '区财政局')).toBe(1);
    expect(editDistance('财政局', '区财政局')).toBe(1);
    expect(editDistance('', '区财政局')).toBe(4);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('😀a', '😀b')).toBe(1);
  });

  it('picks the unique nearest name within the threshold', () => {
    const names = [
      { display: '区财政局', key: '区财政局' },
      { display: '区教体局', key: '区教体局' },
    ];
    expect(closestRosterName('区财正局', names)).toBe('区财政局');
    expect(closestRosterName('区卫健局', names)).toBeNull();
  });
});

describe('abbreviated unit names', () => {
  it('recognises 区医保局 as short for 区医疗保障局, not 区统计局 for 区财政局', async () => {
    const { isAbbreviation } = await import('../../../src/core/validate/validate-units.ts');
    expect(isAbbreviation('区医保局', '区医疗保障局')).toBe(true);
    expect(isAbbreviation('区发改局', '区发展和改革局')).toBe(true);
    expect(isAbbreviation('区统计局', '区财政局')).toBe(false);
    expect(isAbbreviation('医保局', '区医疗保障局')).toBe(false);
  });
});
