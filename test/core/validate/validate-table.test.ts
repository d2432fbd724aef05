import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubTask } from '../../../src/core/breakdown-model.ts';
import type { Finding } from '../../../src/core/findings.ts';
import type { CellRange, RawCell } from '../../../src/core/grid.ts';
import type { ColumnRole, ReadTable, TaskRow } from '../../../src/core/table-model.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateFindings } from '../../../src/core/findings/catalog-validate.ts';
import { validateTable, type ValidateOptions } from '../../../src/core/validate/index.ts';
import {
  buildBreakdown,
  buildGrid,
  buildTable,
  indicator,
  person,
  ref,
  subTask,
  summary,
  type Layout,
  type RowSpec,
} from './fixtures.ts';

/** A = 序号, B = 责任单位, C = 目标任务, D = 责任人, E = 目标值, F = 完成值, G = 完成率, H = 进展情况. */
const LAYOUT: Layout = {
  serial: 0,
  unit: 1,
  target: 2,
  owner: 3,
  planValue: 4,
  actual: 5,
  completionRate: 6,
  progress: 7,
};

/** One table that raises every validate code but `validate_check_failed`. */
function kitchenSink() {
  const long = '进'.repeat(201);
  const rows: { cells: RawCell[]; spec?: Omit<RowSpec, 'row'> }[] = [
    {
      cells: [1, '区财政局', '深化财税领域改革。', '武永明', 100, 50, 0.5, '已推进'],
      spec: { owners: [person('武永明')] },
    },
    {
      cells: [2, '区税务局', '深化财税领域改革。', '王立军', '约100', { error: '#N/A' }, 68.2, null],
      spec: { owners: [person('王立军')] },
    },
    {
      cells: [
        4,
        '区财政局',
        '一般公共预算收入增长5.6%左右；推进改革试点工作。',
        '周　栋',
        0,
        '1,200',
        null,
        long,
      ],
      spec: { owners: [person('周　栋', '周栋')] },
    },
    { cells: [4, '区教体局', null, null, null, null, null, '已完成'], spec: { owners: [] } },
    {
      cells: [3, '区交运局', '帅迪复工复产。', '孙大伟', null, null, null, '已完成'],
      spec: { owners: [person('孙大伟')] },
    },
    {
      cells: [5, '济枣高铁指挥部', '推进改革试点工作；全力做好征迁。', '孙大伟', null, null, null, '已完成'],
      spec: { owners: [person('孙大伟')] },
    },
    {
      cells: [6, null, '任务八', '区财政局', null, null, null, '已完成'],
      spec: { owners: [person('区财政局')] },
    },
    {
      cells: [7, '区教体局', '任务九', '张三1', null, null, null, '已完成'],
      spec: { owners: [person('张三1')] },
    },
    {
      cells: [8, '区民政局', '任务十', 'Li Ming', null, null, null, '已完成'],
      spec: { owners: [person('Li Ming', 'LiMing')] },
    },
    {
      cells: [9, '区司法局', '任务十一', '张三;李四', null, null, null, '已完成'],
      spec: { owners: [person('张三;李四')] },
    },
    {
      cells: [10, '区人社局', '任务十二', '张三李四王五', null, null, null, '已完成'],
      spec: { owners: [person('张三李四王五')] },
    },
    {
      cells: [11, '区水利局', '任务十三', '张', null, null, null, '已完成'],
      spec: { owners: [person('张')] },
    },
    {
      cells: [12, '区交运局', '紧盯安全生产。', '孙大伟', 10, null, null, '已完成'],
      spec: { owners: [person('孙大伟')] },
    },
    {
      cells: [13, '区交运局', '紧盯安全生产。', '孙大伟', 10, null, null, '已完成'],
      spec: { owners: [person('孙大伟')] },
    },
    {
      cells: [14, '区统计局', '任务十六', '赵六', null, null, null, '已完成'],
      spec: { owners: [person('赵六')] },
    },
    {
      cells: [15, '区教育局', '任务十七', '钱七', null, null, null, '已完成'],
      spec: { owners: [person('钱七')] },
    },
    {
      cells: [16, '区商务局', '任务十八', '孙八', '7200人', '5000元', null, '已完成'],
      spec: { owners: [person('孙八')] },
    },
  ];
  const grid = buildGrid(
    LAYOUT,
    rows.map((r) => r.cells),
    { merges: [{ top: 14, left: 4, bottom: 15, right: 4 }] },
  );
  const table = buildTable(
    grid,
    LAYOUT,
    rows.map((r, i) => ({ row: i + 2, ...(r.spec ?? {}) })),
    { measureUnits: { planValue: '亿元', actual: '万元' } },
  );
  const subTasks: SubTask[] = [
    subTask(4, 1, '一般公共预算收入增长5.6%左右；', ref(4, 2), {
      indicators: [indicator('approximate', '一般公共预算收入增长5.6%左右', 5.6, '%')],
    }),
    subTask(4, 2, '推进改革试点工作。', ref(4, 2)),
    subTask(6, 1, '帅迪复工复产。', ref(6, 2), { indicators: [indicator('qualitative', '帅迪复工复产')] }),
    subTask(7, 1, '推进改革试点工作；', ref(7, 2)),
    subTask(7, 2, '全力做好征迁。', ref(7, 2), { deadline: '2024-06-30', deadlineText: '6月底前' }),
  ];
  const roster = [
    '区财政局',
    '区税务局',
    '区教体局',
    '区交运局',
    '济枣高铁指挥部',
    '区民政局',
    '区司法局',
    '区人社局',
    '区水利局',
    '区商务局',
  ];
  const options: ValidateOptions = { asOf: '2024-07-01', reportingDeadlines: ['13-01', '06-30'] };
  return { grid, table, breakdown: buildBreakdown(table, subTasks), roster, options };
}

function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1];
    const b = findings[i];
    if (!a || !b) return false;
    if (!a.at && b.at) return false;
    if (a.at && b.at) {
      if (a.at.row > b.at.row) return false;
      if (a.at.row === b.at.row && a.at.col > b.at.col) return false;
      if (a.at.row === b.at.row && a.at.col === b.at.col && a.code > b.code) return false;
    }
  }
  return true;
}

describe('validateTable', () => {
  it('raises every code of its catalog part from one table, each renderable in both languages', () => {
    const findings = validateTable(kitchenSink());
    const codes = new Set(findings.map((f) => f.code));
    const expected = Object.keys(validateFindings).filter((c) => c !== 'validate_check_failed');
    expect([...codes].sort()).toEqual(expected.sort());
    for (const f of findings) {
      for (const lang of ['zh', 'en'] as const) {
        const r = renderFinding(f, lang);
        // A placeholder left unfilled: '{unit}' ✓, '{cell}' ✓, '｛单位｝' ✗
        expect(`${r.message} ${r.fix}`).not.toMatch(/\{\w+\}/);
        if (f.at) expect(r.message).toContain(r.cell ?? '?');
      }
    }
  });

  it('sorts by row, column and code, cell-less findings last, and is deterministic', () => {
    const first = validateTable(kitchenSink());
    const second = validateTable(kitchenSink());
    expect(second).toEqual(first);
    expect(isSorted(first)).toBe(true);
    // Worked out from the table above: the header row (2) carries the column findings, then rows 3, 4, 5.
    expect(summary(first).slice(0, 9)).toEqual([
      'measure_unit_converted@F2',
      'percent_scale_mixed@G2',
      'target_shared@C3',
      'target_shared@C4',
      'number_expected@E4',
      'cell_error_value@F4',
      'progress_missing@H4',
      'serial_duplicate@A5',
      'serial_gap@A5',
    ]);
    expect(first[first.length - 1]?.code).toBe('validate_option_invalid');
  });

  it('reports a check that fails on malformed input and still runs the others', () => {
    const { grid, table, breakdown } = kitchenSink();
    const broken = { ...table.rows[0], units: undefined, owners: undefined } as unknown as TaskRow;
    const malformed: ReadTable = { ...table, rows: [broken, ...table.rows.slice(1)] };
    const findings = validateTable({ grid, table: malformed, breakdown });
    const failed = findings.filter((f) => f.code === 'validate_check_failed').map((f) => f.params['check']);
    expect(failed).toContain('责任人 / owners');
    expect(findings.some((f) => f.code === 'serial_duplicate')).toBe(true);
  });

  it('survives a table that is not a table at all', () => {
    const junk = { grid: null, table: null, breakdown: null } as unknown as Parameters<
      typeof validateTable
    >[0];
    const findings = validateTable(junk);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code === 'validate_check_failed')).toBe(true);
  });
});

// ── never throws, on any well-formed input ──

const ROLES: readonly ColumnRole[] = [
  'serial',
  'unit',
  'target',
  'owner',
  'deadline',
  'planValue',
  'actual',
  'completionRate',
  'progress',
  'weight',
  'category',
];

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '约100',
    '7200人',
    '1,200',
    '68.1%',
    '区财政局',
    '周　栋',
    '/',
    '',
    '   ',
    '200亿元',
    '0',
    '-5',
  ),
  fc.double(),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }),
);

const scenario = fc.record({
  cols: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 0, maxLength: ROLES.length }),
  data: fc.array(fc.array(rawCell, { maxLength: 12 }), { maxLength: 12 }),
  merges: fc.array(
    fc.record({
      top: fc.integer({ min: -2, max: 14 }),
      left: fc.integer({ min: -2, max: 12 }),
      h: fc.integer({ min: 0, max: 4 }),
      w: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 4 },
  ),
  formats: fc.array(fc.constantFrom('0.0%', '0%', 'General', '0.00"%"', '[Red]0%'), { maxLength: 3 }),
  owners: fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 3 }),
  subTexts: fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 6 }),
  kinds: fc.array(
    fc.constantFrom('qualitative', 'cumulative', 'rate', 'lower_is_better', 'milestone' as const),
    {
      maxLength: 3,
    },
  ),
  options: fc.record(
    {
      progressLimit: fc.oneof(fc.integer({ min: -3, max: 300 }), fc.double()),
      asOf: fc.oneof(
        fc.constantFrom('2024-07-01', '2024-02-30', 'x', '2023-12-31'),
        fc.string({ maxLength: 10 }),
      ),
      reportingDeadlines: fc.array(
        fc.oneof(fc.constantFrom('03-31', '02-29', '13-01'), fc.string({ maxLength: 5 })),
        {
          maxLength: 4,
        },
      ),
      planYear: fc.oneof(fc.integer({ min: 1800, max: 2300 }), fc.double()),
    },
    { requiredKeys: [] },
  ),
  roster: fc.option(
    fc.array(fc.oneof(fc.constantFrom('区财政局', '区教体局'), fc.string({ unit: 'binary' })), {
      maxLength: 5,
    }),
  ),
  layout: fc.constantFrom('long' as const, 'wide' as const),
  longCell: fc.boolean(),
});

describe('validateTable on generated input', () => {
  it('never throws, never fails a check on well-formed input, and always returns sorted findings', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const layout: Layout = {};
        s.cols.forEach((r, i) => (layout[r] = i));
        const data = s.data.map((row) => [...row]);
        if (s.longCell && data[0]) data[0][0] = '测'.repeat(10_000);
        const merges: CellRange[] = s.merges.map((m) => ({
          top: m.top,
          left: m.left,
          bottom: m.top + m.h,
          right: m.left + m.w,
        }));
        const formats: Record<string, string> = {};
        s.formats.forEach((f, i) => (formats[`${String(i + 2)},${String(layout.completionRate ?? 0)}`] = f));
        const grid = buildGrid(layout, data, { merges, formats });
        const table = buildTable(
          grid,
          layout,
          data.map((_, i) => ({
            row: i + 2,
            // Keys without whitespace: 'a b' → 'ab'; ' x\n' → 'x'; 'xy' unchanged
            owners: s.owners.map((o) => person(o, o.replace(/\s/g, ''))),
            category: i % 3 === 0 ? '甲' : null,
          })),
          { layout: s.layout },
        );
        const subTasks = s.subTexts.map((t, i) =>
          subTask(
            2 + (i % Math.max(1, data.length)),
            i + 1,
            t,
            ref(2 + (i % Math.max(1, data.length)), layout.target ?? 0),
            {
              indicators: s.kinds.map((k) =>
                indicator(k, t, k === 'qualitative' ? null : i, k === 'rate' ? '%' : '元'),
              ),
            },
          ),
        );
        const findings = validateTable({
          grid,
          table,
          breakdown: buildBreakdown(table, subTasks),
          roster: s.roster,
          options: s.options,
        });
        expect(findings.filter((f) => f.code === 'validate_check_failed')).toEqual([]);
        expect(isSorted(findings)).toBe(true);
      }),
      { numRuns: 2000, seed: 20240208 },
    );
  });
});
