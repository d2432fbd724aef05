import { describe, expect, it } from 'vitest';
import { breakDownTable, headerUnit } from '../../../src/core/breakdown/break-down-table.ts';
import type { CellRef, RawCell } from '../../../src/core/grid.ts';
import type {
  ColumnRole,
  IndicatorGroup,
  Located,
  ReadTable,
  TaskRow,
} from '../../../src/core/table-model.ts';

const ref = (row: number, col: number): CellRef => ({ sheet: '表', row, col });
const loc = <T>(value: T, row: number, col: number, raw: RawCell = value as RawCell): Located<T> => ({
  value,
  at: ref(row, col),
  raw,
});

function taskRow(
  row: number,
  serial: string | null,
  target: string | null,
  fields: Partial<Record<ColumnRole, Located<RawCell>>> = {},
  group: string | null = null,
): TaskRow {
  return {
    row,
    serial: serial === null ? null : loc(serial, row, 0),
    units: ['区发改局'],
    unitCell: loc('区发改局', row, 1),
    coUnits: [],
    owners: [],
    ownerCell: null,
    target: target === null ? null : loc(target, row, 2),
    fields,
    category: null,
    group,
  };
}

function table(over: Partial<ReadTable>): ReadTable {
  return {
    sheet: '表',
    layout: 'long',
    headerRow: 2,
    headerRowCount: 1,
    columns: [],
    groups: [],
    rows: [],
    totals: [],
    title: '2024年重点工作任务分解表',
    planYear: 2024,
    findings: [],
    ...over,
  };
}

describe('breakDownTable: long layout', () => {
  const t = table({
    rows: [
      taskRow(3, '1', '地区生产总值增长5.5%以上；推进A。'),
      taskRow(4, null, '年内完成B。', { deadline: loc<RawCell>('6月底', 4, 4) }),
      taskRow(5, '3', null),
      taskRow(6, ' 4 ', '推进C', { deadline: loc<RawCell>(45473, 6, 4) }),
    ],
  });

  it('uses the serial cell, or the row position when it is missing', () => {
    const b = breakDownTable(t);
    expect(b.subTasks.map((s) => [s.id, s.text, s.deadline])).toEqual([
      ['1.01', '地区生产总值增长5.5%以上', null],
      ['1.02', '推进A', null],
      ['2.01', '年内完成B', '2024-12-31'],
      ['4.01', '推进C', '2024-06-30'],
    ]);
    expect(b.planYear).toBe(2024);
    expect(b.table).toBe(t);
    expect(b.findings).toEqual([]);
    expect(b.subTasks[0]?.at).toEqual(ref(3, 2));
  });

  it('takes the plan year from the options over the title', () => {
    const b = breakDownTable(t, { planYear: 2023 });
    expect(b.planYear).toBe(2023);
    expect(b.subTasks.find((s) => s.id === '2.01')?.deadline).toBe('2023-12-31');
  });

  it('reports period deadlines that need a date when no plan year is known', () => {
    const b = breakDownTable(table({ ...t, planYear: null }));
    expect(b.findings.map((f) => [f.code, f.at, f.params])).toEqual([
      ['deadline_needs_date', ref(4, 4), { id: '2', deadline: '6月底' }],
      ['deadline_needs_date', ref(4, 2), { id: '2.01', deadline: '年内' }],
    ]);
  });
});

describe('breakDownTable: wide layout', () => {
  const groups: IndicatorGroup[] = [
    { name: '城镇新增就业', header: ref(2, 2), measureUnit: '人', planCol: 2, actualCol: 3, ratioCol: 4 },
    { name: '固定资产投资', header: ref(2, 5), measureUnit: '万元', planCol: 5, actualCol: 6, ratioCol: 7 },
    { name: '不良贷款率控制', header: ref(2, 8), measureUnit: '%', planCol: 8, actualCol: 9, ratioCol: 10 },
  ];
  const plan = (row: number, col: number, raw: RawCell): Partial<Record<ColumnRole, Located<RawCell>>> => ({
    planValue: loc(raw, row, col),
  });
  const t = table({
    layout: 'wide',
    headerRowCount: 2,
    groups,
    rows: [
      taskRow(4, '1', '城镇新增就业', plan(4, 2, 7200), '城镇新增就业'),
      taskRow(4, '1', '固定资产投资', plan(4, 5, '1.5'), '固定资产投资'),
      taskRow(4, '1', '不良贷款率控制', plan(4, 8, 0.9), '不良贷款率控制'),
      taskRow(5, null, '城镇新增就业', plan(5, 2, '待定'), '城镇新增就业'),
      taskRow(5, null, '固定资产投资', plan(5, 5, '2亿元以上'), '固定资产投资'),
      taskRow(5, null, '不良贷款率控制', plan(5, 8, null), '不良贷款率控制'),
    ],
  });

  it('makes one sub-task per record with the group as indicator and the header unit', () => {
    const b = breakDownTable(t);
    expect(
      b.subTasks.map((s) => [
        s.id,
        s.text,
        ...s.indicators.map((i) => [i.metric, i.kind, i.comparator, i.value, i.unit]),
      ]),
    ).toEqual([
      ['1.01', '城镇新增就业', ['城镇新增就业', 'cumulative', '=', 7200, '人']],
      ['1.02', '固定资产投资', ['固定资产投资', 'cumulative', '=', 15000, '元']],
      ['1.03', '不良贷款率控制', ['不良贷款率控制', 'lower_is_better', '<=', 0.9, '%']],
      ['2.01', '城镇新增就业', ['城镇新增就业', 'cumulative', null, null, '人']],
      ['2.02', '固定资产投资', ['固定资产投资', 'cumulative', '>=', 200_000_000, '元']],
      ['2.03', '不良贷款率控制', ['不良贷款率控制', 'qualitative', null, null, '%']],
    ]);
    expect(b.subTasks[0]?.at).toEqual(ref(4, 2));
  });

  it('reads the row deadline of a record and reports one it cannot read', () => {
    const wide = table({
      layout: 'wide',
      groups,
      rows: [
        taskRow(
          4,
          '1',
          '城镇新增就业',
          { ...plan(4, 2, 7200), deadline: loc<RawCell>('上半年', 4, 11) },
          '城镇新增就业',
        ),
        taskRow(
          5,
          '2',
          '城镇新增就业',
          { ...plan(5, 2, 100), deadline: loc<RawCell>('尽快', 5, 11) },
          '城镇新增就业',
        ),
      ],
    });
    const b = breakDownTable(wide);
    expect(b.subTasks.map((s) => [s.id, s.deadline, s.deadlineText])).toEqual([
      ['1.01', '2024-06-30', '上半年'],
      ['2.01', null, null],
    ]);
    expect(b.findings).toEqual([
      { code: 'deadline_unreadable', severity: 'warning', at: ref(5, 11), params: { value: '尽快' } },
    ]);
  });

  it('reports a plan value that cannot be read', () => {
    expect(breakDownTable(t).findings).toEqual([
      { code: 'value_unreadable', severity: 'warning', at: ref(5, 2), params: { serial: '2', text: '待定' } },
    ]);
  });
});

describe('headerUnit', () => {
  it('splits scale from unit', () => {
    expect(headerUnit('万元')).toEqual({ unit: '元', exponent: 4 });
    expect(headerUnit('亿元')).toEqual({ unit: '元', exponent: 8 });
    expect(headerUnit('万亩')).toEqual({ unit: '亩', exponent: 4 });
    expect(headerUnit('％')).toEqual({ unit: '%', exponent: 0 });
    expect(headerUnit('人')).toEqual({ unit: '人', exponent: 0 });
    expect(headerUnit('标准间')).toEqual({ unit: '标准间', exponent: 0 });
    expect(headerUnit(null)).toEqual({ unit: null, exponent: 0 });
  });
});
