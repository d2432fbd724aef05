/**
 * Property: scoring never throws for any reported values, and its counts always add up. Reported values are
 * what units type into a workbook, so anything may arrive — including values of the wrong type.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import { scoreSubTasks } from '../../../src/core/score/score.ts';
import { explainTask } from '../../../src/core/score/explain.ts';
import type { ProgressEntry, TaskStatus } from '../../../src/core/score/score-model.ts';
import { resolveSettings } from '../../../src/core/score/settings.ts';
import type { Located } from '../../../src/core/table-model.ts';
import { indicator, ref, subTask } from './fixtures.ts';

const SUBS = [
  subTask('1.01', [indicator('cumulative', 6600, '人', '新增城镇就业6600人')], { units: ['区人社局'] }),
  subTask('1.02', [indicator('cumulative', 2e10, '元', '完成投资200亿元')], { units: ['区发改局'] }),
  subTask('1.03', [indicator('rate', 5.5, '%', '增长5.5%以上')], { units: ['区发改局', '区统计局'] }),
  subTask('1.04', [indicator('lower_is_better', 3, '%', '控制在3%以内')], { units: ['区人社局'] }),
  subTask('1.05', [indicator('keep_level', 230000, '吨', '稳定在23万吨')], { units: ['区农业农村局'] }),
  subTask('1.06', [indicator('approximate', 8, '%', '增长8%左右')], { units: ['区发改局'] }),
  subTask('1.07', [indicator('approximate', 2e10, '元', '200亿元左右')], { units: ['区财政局'] }),
  subTask('1.08', [indicator('relative', null, '%', '不低于全市平均')], { units: ['区财政局'] }),
  subTask('1.09', [indicator('milestone', null, null, '6月底前完成')], {
    units: ['区住建局'],
    deadline: '2024-06-30',
    deadlineText: '6月底前',
  }),
  subTask('1.10', [], { units: ['岱庙街道'], text: '推进改革' }),
  subTask('1.11', [indicator('cumulative', 0, '个', '新建0个')], {
    units: ['岱庙街道'],
    deadline: '不是日期',
  }),
  subTask(
    '1.12',
    [indicator('rate', 5.5, '%', '增长5.5%'), indicator('cumulative', 100, '户', '改造100户')],
    { units: ['上高街道'] },
  ),
  subTask('9.01', [indicator('cumulative', 5000, '人', '5000人')], { units: ['合计'], taskRow: 99 }),
];

const FRAGMENTS = [
  '已完成',
  '完成',
  '未',
  '尚未',
  '滞后',
  '序时推进',
  '未启动',
  '68.1',
  '4496',
  '-',
  '−',
  '%',
  '％',
  '‰',
  '亿元',
  '万',
  '人',
  '公里',
  '，',
  ',',
  '.',
  '（',
  '）',
  ' ',
  '\u3000',
  '下降',
  '左右',
  '1,200',
  '0',
  'e5',
  '分',
  '/',
  '√',
];

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -0, 1, 0.681, 1e-300, 1e300, Number.NaN, Number.POSITIVE_INFINITY),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 4 }).map((error) => ({ error })),
);

const located = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Located<T>> =>
  fc.record({ value, row: fc.nat(50), col: fc.nat(20) }).map((r) => ({
    value: r.value,
    raw: r.value as unknown as RawCell,
    at: ref(r.row, r.col),
  }));

const format = fc.option(fc.constantFrom('0.0%', '0%', 'General', '"%"0', '0.00', '#,##0', '[Red]0%', ''), {
  nil: null,
});

// Status and text are typed as strings, but a hand-filled workbook may put anything there.
const anyText = fc.oneof(
  fc.string({ maxLength: 250 }),
  rawCell.map((v) => v as unknown as string),
);

const entry: fc.Arbitrary<ProgressEntry> = fc.record(
  {
    actual: located(rawCell),
    actualFormat: format,
    actualUnit: fc.option(fc.constantFrom('万元', '亿元', '人', '%', '奇怪', ''), { nil: null }),
    indicatorActuals: fc.array(fc.option(fc.record({ actual: located(rawCell), format }), { nil: null }), {
      maxLength: 3,
    }),
    plan: located(rawCell),
    planFormat: format,
    status: located(anyText),
    text: located(anyText),
    printedRate: located(rawCell),
    printedRateFormat: format,
    benchmark: located(rawCell),
    benchmarkFormat: format,
    weight: fc.oneof(fc.double(), located(rawCell)),
    category: fc.option(fc.constantFrom('部门', '街道/镇', ''), { nil: null }),
  },
  { requiredKeys: [] },
);

const STATUSES: readonly TaskStatus[] = ['done', 'on_track', 'lagging', 'severe', 'unscored'];

describe('scoring never throws for any progress entries', () => {
  it('holds for random entries, dates and presets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(entry, { nil: undefined }), { minLength: SUBS.length, maxLength: SUBS.length }),
        fc.constantFrom('2024-01-15', '2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31', '2025-02-01'),
        fc.constantFrom('序时', '银川', '三亚'),
        (entries, asOf, preset) => {
          const progress = new Map<string, ProgressEntry>();
          entries.forEach((e, i) => {
            const sub = SUBS[i];
            if (e && sub) progress.set(sub.id, e);
          });
          const r = scoreSubTasks({
            asOf,
            planYear: 2024,
            settings: resolveSettings(preset),
            subTasks: SUBS,
            progress,
            totals: { rows: [99] },
            previous: [{ name: '区发改局', rank: 2 }],
          });
          const c = r.counts;
          expect(c.done + c.onTrack + c.lagging + c.severe + c.unscored).toBe(c.subTasks);
          expect(c.subTasks).toBe(SUBS.length - 1);
          for (const t of r.tasks) {
            expect(STATUSES).toContain(t.status);
            if (t.credit !== null) expect(Number.isFinite(t.credit)).toBe(true);
            expect(explainTask(t, 'zh').length).toBeGreaterThan(0);
          }
          for (const u of r.units) {
            expect(u.done + u.onTrack + u.lagging + u.severe + u.unscored).toBe(u.tasks);
            if (u.score !== null) expect(u.score).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
