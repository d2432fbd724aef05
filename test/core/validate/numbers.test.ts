import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import type { SubTask } from '../../../src/core/breakdown-model.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import { compareUnits, resolveMeasureUnit } from '../../../src/core/validate/measure-units.ts';
import { isPercentFormat, readNumberCell } from '../../../src/core/validate/number-cell.ts';
import {
  buildBreakdown,
  buildGrid,
  buildTable,
  indicator,
  only,
  person,
  ref,
  subTask,
  summary,
  type GridOptions,
  type Layout,
  type RowSpec,
  type TableOptions,
} from './fixtures.ts';

const NUMBER_CODES = [
  'number_expected',
  'number_as_text',
  'cell_error_value',
  'target_not_positive',
  'percent_scale_mixed',
  'measure_unit_converted',
  'measure_unit_mismatch',
];

/** A = 序号, B = 责任单位, C = 目标任务, D = 责任人, E = 目标值, F = 完成值, G = 完成率, H = 权重. */
const LAYOUT: Layout = {
  serial: 0,
  unit: 1,
  target: 2,
  owner: 3,
  planValue: 4,
  actual: 5,
  completionRate: 6,
  weight: 7,
};

function row(
  n: number,
  plan: RawCell,
  actual: RawCell,
  rate: RawCell = null,
  weight: RawCell = null,
): RawCell[] {
  return [n, `单位${String(n)}`, `完成任务${String(n)}`, '张三', plan, actual, rate, weight];
}

function run(
  data: RawCell[][],
  opts: {
    specs?: Omit<RowSpec, 'row'>[];
    subTasks?: SubTask[];
    layout?: Layout;
    grid?: GridOptions;
    table?: TableOptions;
  } = {},
) {
  const layout = opts.layout ?? LAYOUT;
  const grid = buildGrid(layout, data, opts.grid);
  const table = buildTable(
    grid,
    layout,
    data
      .map((_, i) => ({ row: i + 2, owners: [person('张三')], ...(opts.specs?.[i] ?? {}) }))
      .filter((spec) => !(opts.table?.totals ?? []).some((t) => t.row === spec.row)),
    opts.table,
  );
  return only(
    validateTable({ grid, table, breakdown: buildBreakdown(table, opts.subTasks ?? []) }),
    ...NUMBER_CODES,
  );
}

describe('text where a number is expected', () => {
  it('warns about 约100 and 7200人 with the cell and column', () => {
    const f = run([row(1, '约100', '7200人')]);
    expect(summary(f)).toEqual(['number_expected@E3', 'number_expected@F3']);
    expect(f[0]?.params).toEqual({ value: '约100', column: '目标值' });
    expect(f[1]?.params).toEqual({ value: '7200人', column: '完成值' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('warns about text in 完成率 and 权重 too, and about TRUE', () => {
    const f = run([row(1, 100, 80, '八成', true)]);
    expect(summary(f)).toEqual(['number_expected@G3', 'number_expected@H3']);
    expect(f[1]?.params).toEqual({ value: 'TRUE', column: '权重' });
  });

  it('notes numbers stored as text, read as numbers', () => {
    const f = run([row(1, '1,200', '７２００', '68.1%')]);
    expect(summary(f)).toEqual(['number_as_text@E3', 'number_as_text@F3', 'number_as_text@G3']);
    expect(f[0]?.severity).toBe('info');
    expect(f[1]?.params).toEqual({ value: '７２００', column: '完成值' });
  });

  it('accepts real numbers, blanks and placeholders such as / and —', () => {
    expect(run([row(1, 100, 68.1, 0.681, 5), row(2, null, '/', '—', '无')])).toEqual([]);
  });
});

describe('cell_error_value', () => {
  it('reports #N/A and #DIV/0! in mapped cells of task and total rows as errors', () => {
    const f = run(
      [
        row(1, 100, { error: '#N/A' }, { error: '#DIV/0!' }),
        [null, '合计', null, null, 100, { error: '#REF!' }, null, null],
      ],
      { table: { totals: [{ row: 3 }] } },
    );
    expect(summary(f)).toEqual(['cell_error_value@F3', 'cell_error_value@G3', 'cell_error_value@F4']);
    expect(f[0]?.params).toEqual({ error: '#N/A', column: '完成值' });
    expect(f[1]?.severity).toBe('error');
  });

  it('checks total rows and the target column, but not unmapped columns', () => {
    const layout: Layout = { serial: 0, unit: 1, target: 2, owner: 3, planValue: 4, actual: 5 };
    const grid = buildGrid(layout, [
      [1, '区教体局', { error: '#VALUE!' }, '周栋', 100, 80, { error: '#N/A' }],
      [null, '合计', null, null, 100, { error: '#DIV/0!' }],
    ]);
    const table = buildTable(grid, layout, [{ row: 2, owners: [person('周栋')] }], { totals: [{ row: 3 }] });
    const f = only(validateTable({ grid, table, breakdown: buildBreakdown(table) }), ...NUMBER_CODES);
    expect(summary(f)).toEqual(['cell_error_value@C3', 'cell_error_value@F4']);
    expect(f[0]?.params).toEqual({ error: '#VALUE!', column: '目标任务' });
  });

  it('reports a merged cell’s error once', () => {
    const f = run([row(1, 100, { error: '#N/A' }), row(2, 100, null)], {
      specs: [{}, { from: { actual: ref(2, 5) } }],
    });
    expect(summary(f)).toEqual(['cell_error_value@F3']);
  });
});

describe('target_not_positive', () => {
  it('reports zero and negative targets, also when typed as text', () => {
    const f = run([row(1, 0, 5), row(2, -5, 5), row(3, '0', 5)]);
    expect(summary(f)).toEqual([
      'target_not_positive@E3',
      'target_not_positive@E4',
      'number_as_text@E5',
      'target_not_positive@E5',
    ]);
    expect(f[0]?.params).toEqual({ value: '0', column: '目标值' });
    expect(f[1]?.params).toEqual({ value: '-5', column: '目标值' });
    expect(f[0]?.severity).toBe('error');
  });

  it('accepts positive targets, a zero target of a lower-is-better indicator, and total rows', () => {
    const f = run([row(1, 0.5, 1), row(2, 0, 0), [null, '合计', null, null, 0, 0, null, null]], {
      subTasks: [
        subTask(3, 1, '安全事故控制在0起以内', ref(3, 2), {
          indicators: [indicator('lower_is_better', '安全事故控制在0起以内', 0, '起')],
        }),
      ],
      table: { totals: [{ row: 4 }] },
    });
    expect(f).toEqual([]);
  });
});

describe('percent_scale_mixed', () => {
  it('warns at the 完成率 header when fractions and percent numbers are mixed, with examples', () => {
    const f = run([
      row(1, 100, 68, 0.681),
      row(2, 100, 50, 0.5),
      row(3, 100, 68, 68.2),
      row(4, 100, 73, 73.3),
    ]);
    expect(summary(f)).toEqual(['percent_scale_mixed@G2']);
    expect(f[0]?.params).toEqual({
      column: '完成率',
      fractionExamples: 'G3=0.681、G4=0.5',
      percentExamples: 'G5=68.2、G6=73.3',
    });
    expect(f[0]?.severity).toBe('warning');
  });

  it('reads a value with a percent format as a fraction shown as a percentage', () => {
    const f = run([row(1, 100, 68, 0.681), row(2, 100, 68, 68.2)], { grid: { formats: { '2,6': '0.0%' } } });
    expect(f[0]?.params).toEqual({
      column: '完成率',
      fractionExamples: 'G3=68.1%',
      percentExamples: 'G4=68.2',
    });
  });

  it('lists at most three examples of each kind', () => {
    const f = run([
      row(1, 1, 1, 0.1),
      row(2, 1, 1, 0.2),
      row(3, 1, 1, 0.3),
      row(4, 1, 1, 0.4),
      row(5, 1, 1, 40),
    ]);
    expect(f[0]?.params).toMatchObject({
      fractionExamples: 'G3=0.1、G4=0.2、G5=0.3',
      percentExamples: 'G7=40',
    });
  });

  it('does not warn for a column of fractions (over-completion 1.12 included), of percent numbers, or of formatted fractions', () => {
    expect(run([row(1, 1, 1, 0.681), row(2, 1, 1, 1.12), row(3, 1, 1, 0.5)])).toEqual([]);
    expect(run([row(1, 1, 1, 68.1), row(2, 1, 1, 112), row(3, 1, 1, 50)])).toEqual([]);
    expect(
      run([row(1, 1, 1, 0.681), row(2, 1, 1, 2)], { grid: { formats: { '2,6': '0.0%', '3,6': '0%' } } }),
    ).toEqual([]);
  });

  it('leaves out text with a percent sign, which says what it means', () => {
    const f = run([row(1, 1, 1, 0.681), row(2, 1, 1, '68.2%')]);
    expect(summary(f)).toEqual(['number_as_text@G4']);
  });
});

describe('units of measure of target and actual', () => {
  it('notes once, at the 完成值 header, that 亿元 and 万元 headers were converted', () => {
    const f = run([row(1, 2, 15000), row(2, 3, 20000)], {
      grid: { headers: { planValue: '目标值(亿元)', actual: '完成值(万元)' } },
      table: { measureUnits: { planValue: '亿元', actual: '万元' } },
    });
    expect(summary(f)).toEqual(['measure_unit_converted@F2']);
    expect(f[0]?.params).toEqual({
      targetUnit: '亿元',
      actualUnit: '万元',
      bigUnit: '亿元',
      smallUnit: '万元',
      factor: '10000',
    });
    expect(f[0]?.severity).toBe('info');
  });

  it('warns at the header when the units cannot be converted (人 vs 元)', () => {
    const f = run([row(1, 7200, 4496)], { table: { measureUnits: { planValue: '人', actual: '元' } } });
    expect(summary(f)).toEqual(['measure_unit_mismatch@F2']);
    expect(f[0]?.params).toEqual({ targetUnit: '人', actualUnit: '元' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('compares units written in the cells, at the actual cell', () => {
    const f = run([row(1, '200亿元', '1500000万元')]);
    expect(summary(f)).toEqual(['number_expected@E3', 'measure_unit_converted@F3', 'number_expected@F3']);
  });

  it('uses the target text’s indicator when there is no 目标值, in the unit it was written in', () => {
    const layout: Layout = { serial: 0, unit: 1, target: 2, owner: 3, actual: 4 };
    const f = run([[1, '区发改局', '完成投资200亿元以上', '陈学刚', 150]], {
      layout,
      table: { measureUnits: { actual: '万元' } },
      subTasks: [
        subTask(2, 1, '完成投资200亿元以上', ref(2, 2), {
          indicators: [indicator('cumulative', '完成投资200亿元以上', 20_000_000_000, '元')],
        }),
      ],
    });
    expect(summary(f)).toEqual(['measure_unit_converted@E3']);
    expect(f[0]?.params).toMatchObject({ targetUnit: '亿元', actualUnit: '万元', factor: '10000' });
  });

  it('does not compare when the units agree, the actual is blank, or the target has several values', () => {
    expect(run([row(1, 2, 3)], { table: { measureUnits: { planValue: '万元', actual: '万元' } } })).toEqual(
      [],
    );
    expect(run([row(1, 40, 30)], { table: { measureUnits: { planValue: '公里', actual: '千米' } } })).toEqual(
      [],
    );
    expect(
      run([row(1, 2, null)], { table: { measureUnits: { planValue: '亿元', actual: '万元' } } }),
    ).toEqual([]);
    const layout: Layout = { serial: 0, unit: 1, target: 2, owner: 3, actual: 4 };
    const f = run([[1, '区发改局', '实施重点建设项目120个以上，完成投资200亿元以上', '陈学刚', 150]], {
      layout,
      table: { measureUnits: { actual: '万元' } },
      subTasks: [
        subTask(2, 1, '实施重点建设项目120个以上，完成投资200亿元以上', ref(2, 2), {
          indicators: [
            indicator('cumulative', '实施重点建设项目120个以上', 120, '个'),
            indicator('cumulative', '完成投资200亿元以上', 20_000_000_000, '元'),
          ],
        }),
      ],
    });
    expect(f).toEqual([]);
  });

  it('renders the conversion note in both languages', () => {
    const f = run([row(1, 2, 15000)], { table: { measureUnits: { planValue: '亿元', actual: '万元' } } });
    const first = f[0];
    if (!first) throw new Error('expected a finding');
    expect(renderFinding(first, 'zh').message).toBe(
      '分解表!F2：目标的计量单位是“亿元”，完成值是“万元”，比较时已按 1亿元 = 10000万元 换算。',
    );
    expect(renderFinding(first, 'en').message).toBe(
      '分解表!F2: the target is in "亿元" and the actual in "万元"; they were compared after converting 1 亿元 = 10000 万元.',
    );
  });
});

describe('number cells and units, directly', () => {
  it('reads the kinds of numeric cells', () => {
    expect(readNumberCell(null, null)).toEqual({ kind: 'blank' });
    expect(readNumberCell('  ', null)).toEqual({ kind: 'blank' });
    expect(readNumberCell(0.681, '0.0%')).toEqual({ kind: 'number', value: 0.681, percentFormat: true });
    expect(readNumberCell('1,200', null)).toEqual({
      kind: 'numeric_text',
      value: 1200,
      percent: false,
      text: '1,200',
    });
    expect(readNumberCell('６８．１％', null)).toEqual({
      kind: 'numeric_text',
      value: 68.1,
      percent: true,
      text: '６８．１％',
    });
    expect(readNumberCell('23万吨', null)).toEqual({ kind: 'text', text: '23万吨', value: 23, unit: '万吨' });
    expect(readNumberCell('100以上', null)).toEqual({
      kind: 'text',
      text: '100以上',
      value: null,
      unit: null,
    });
    expect(readNumberCell('1,20', null)).toEqual({ kind: 'text', text: '1,20', value: null, unit: null });
    expect(readNumberCell({ error: '#N/A' }, null)).toEqual({ kind: 'error', error: '#N/A' });
    expect(readNumberCell('－', null)).toEqual({ kind: 'placeholder', text: '－' });
  });

  it('recognises percent formats only when the % scales the value', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('[Red]0.0%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
  });

  it('resolves and compares units', () => {
    expect(resolveMeasureUnit('（万元）')).toEqual({ base: '元', factor: 10000, label: '万元' });
    expect(resolveMeasureUnit('单位：万亩')?.label).toBe('万亩');
    expect(resolveMeasureUnit('万辆')).toEqual({ base: '辆', factor: 10000, label: '万辆' });
    expect(resolveMeasureUnit('constructor')).toBeNull();
    expect(compareUnits('万亩', '亩')).toEqual({
      kind: 'convertible',
      bigUnit: '万亩',
      smallUnit: '亩',
      factor: 10000,
    });
    expect(compareUnits('个', '家')).toEqual({ kind: 'incompatible' });
    expect(compareUnits('吨', '吨')).toEqual({ kind: 'same' });
    expect(compareUnits('公顷', '亩')).toMatchObject({
      kind: 'convertible',
      bigUnit: '公顷',
      smallUnit: '亩',
    });
  });
});
