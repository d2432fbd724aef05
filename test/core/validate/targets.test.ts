import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import type { SubTask } from '../../../src/core/breakdown-model.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import {
  SEED_LAYOUT,
  buildBreakdown,
  buildGrid,
  buildTable,
  indicator,
  only,
  person,
  ref,
  subTask,
  summary,
  type Layout,
  type RowSpec,
} from './fixtures.ts';

const TARGET_CODES = ['target_empty', 'target_vague', 'target_shared', 'subtask_shared', 'target_duplicate'];

function run(
  data: RawCell[][],
  specs: Omit<RowSpec, 'row'>[],
  subTasks: SubTask[] = [],
  layout: Layout = SEED_LAYOUT,
  tableLayout: 'long' | 'wide' = 'long',
) {
  const grid = buildGrid(layout, data);
  const table = buildTable(
    grid,
    layout,
    specs.map((s, i) => ({ row: i + 2, owners: [person('张三')], ...s })),
    { layout: tableLayout },
  );
  return only(validateTable({ grid, table, breakdown: buildBreakdown(table, subTasks) }), ...TARGET_CODES);
}

describe('target_empty', () => {
  it('reports a blank target cell as an error, whether the reader gives null or an empty text', () => {
    const f = run(
      [
        [1, '区医保局', null, '马琳'],
        [2, '区信访局', '　 ', '刘传勇'],
      ],
      [{}, { blankTargetAsEmpty: true }],
    );
    expect(summary(f)).toEqual(['target_empty@C3', 'target_empty@C4']);
    expect(f[0]?.severity).toBe('error');
  });

  it('does not report a filled target', () => {
    const f = run(
      [[1, '区医保局', '推进职工医保改革。', '马琳']],
      [{}],
      [
        subTask(2, 1, '推进职工医保改革。', ref(2, 2), {
          indicators: [indicator('milestone', '推进职工医保改革')],
        }),
      ],
    );
    expect(f).toEqual([]);
  });
});

describe('target_vague', () => {
  it('warns about the seed’s 帅迪复工复产 and 力促数字鹰: qualitative only, no deadline', () => {
    const f = run(
      [
        [39, '泰山经济开发区', '力促数字鹰。', '于伟'],
        [41, '上高街道', '帅迪复工复产。', '张晓乐'],
      ],
      [{}, {}],
      [
        subTask(2, 1, '力促数字鹰。', ref(2, 2), { indicators: [indicator('qualitative', '力促数字鹰')] }),
        subTask(3, 1, '帅迪复工复产。', ref(3, 2)),
      ],
    );
    expect(summary(f)).toEqual(['target_vague@C3', 'target_vague@C4']);
    expect(f[0]?.severity).toBe('warning');
    expect(f[1]?.params).toEqual({ unit: '上高街道' });
  });

  it('does not warn when one sub-task is quantified, or has a deadline, or the row has a 完成时限', () => {
    const layout: Layout = { serial: 0, unit: 1, target: 2, owner: 3, deadline: 4 };
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革。完成4所幼儿园建设。', '周栋', null],
        [2, '区司法局', '6月底前深化企业法律服务。', '张力', null],
        [3, '区医保局', '推进职工医保改革。', '马琳', '2024-12-31'],
        [4, '区残联', '加大残疾人就业保障力度。', '郭连武', null],
      ],
      [{}, {}, {}, {}],
      [
        subTask(2, 1, '推进教育评价改革。', ref(2, 2), {
          indicators: [indicator('qualitative', '推进教育评价改革')],
        }),
        subTask(2, 2, '完成4所幼儿园建设。', ref(2, 2), {
          indicators: [indicator('cumulative', '完成4所幼儿园建设', 4, '所')],
        }),
        subTask(3, 1, '6月底前深化企业法律服务。', ref(3, 2), {
          deadline: '2024-06-30',
          deadlineText: '6月底前',
        }),
        subTask(4, 1, '推进职工医保改革。', ref(4, 2)),
        subTask(5, 1, '加大残疾人就业保障力度。', ref(5, 2), { deadlineText: '正月十五前' }),
      ],
      layout,
    );
    expect(f).toEqual([]);
  });

  it('does not warn when the row has a numeric 目标值', () => {
    const layout: Layout = { serial: 0, unit: 1, target: 2, owner: 3, planValue: 4 };
    const f = run(
      [[1, '区交运局', '新改建农村路', '孙大伟', 40]],
      [{}],
      [subTask(2, 1, '新改建农村路', ref(2, 2))],
      layout,
    );
    expect(f).toEqual([]);
  });

  it('does not judge a target the breakdown produced no sub-tasks for', () => {
    expect(run([[1, '区医保局', '推进职工医保改革。', '马琳']], [{}], [])).toEqual([]);
  });
});

describe('shared and duplicated targets', () => {
  it('notes the seed’s 区财政局 / 区税务局 sentence as a shared task at both cells', () => {
    const shared =
      '深化财税领域改革，推动土地财政向股权财政“进阶”，加快“沉睡”资产变增收“活水”，不断提升财税保障能力。';
    const f = run(
      [
        [8, '区财政局', `一般公共预算收入增长5.6%左右；${shared}`, '武永明'],
        [28, '区税务局', shared, '王立军'],
      ],
      [{}, {}],
      [
        subTask(2, 1, '一般公共预算收入增长5.6%左右；', ref(2, 2), {
          indicators: [indicator('rate', '一般公共预算收入增长5.6%左右', 5.6, '%')],
        }),
        subTask(2, 2, shared, ref(2, 2)),
        // The breakdown may keep or drop the final full stop; the comparison ignores it.
        // Without the final full stop: '…能力。' → '…能力'; '…能力' unchanged
        subTask(3, 1, shared.replace(/。$/, ''), ref(3, 2)),
      ],
    );
    expect(summary(f)).toEqual(['subtask_shared@C3', 'subtask_shared@C4', 'target_vague@C4']);
    expect(f[0]?.severity).toBe('info');
    expect(f[0]?.params).toEqual({
      // The first 40 characters (counted by hand: 深…革 8, ， 9, 推…政 20, “进阶” 24, ， 25, 加快 27, “沉睡” 31,
      // 资产变增收 36, “活水” 40), then an ellipsis.
      text: '深化财税领域改革，推动土地财政向股权财政“进阶”，加快“沉睡”资产变增收“活水”…',
      unit: '区财政局',
      otherUnit: '区税务局',
      otherCell: '分解表!C4',
    });
    expect(f[1]?.params).toMatchObject({ unit: '区税务局', otherUnit: '区财政局', otherCell: '分解表!C3' });
  });

  it('notes an identical whole target given to two units once per row, compared without spaces', () => {
    const f = run(
      [
        [1, '区财政局', '深化财税领域改革。', '武永明'],
        [2, '区税务局', '深化 财税领域改革', '王立军'],
      ],
      [{}, {}],
      [
        subTask(2, 1, '深化财税领域改革。', ref(2, 2), {
          indicators: [indicator('milestone', '深化财税领域改革')],
        }),
        subTask(3, 1, '深化 财税领域改革', ref(3, 2), {
          indicators: [indicator('milestone', '深化财税领域改革')],
        }),
      ],
    );
    expect(summary(f)).toEqual(['target_shared@C3', 'target_shared@C4']);
    expect(f[0]?.params).toEqual({ unit: '区财政局', otherUnit: '区税务局', otherCell: '分解表!C4' });
  });

  it('warns about one unit’s target repeated in a later row', () => {
    const f = run(
      [
        [1, '区交运局', '紧盯交通运输领域安全生产。', '孙大伟'],
        [2, '区交运局', '紧盯交通运输领域安全生产。', '孙大伟'],
      ],
      [{}, {}],
    );
    expect(summary(f)).toEqual(['target_duplicate@C4']);
    expect(f[0]?.params).toEqual({ unit: '区交运局', otherCell: '分解表!C3' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('does not note different texts, short generic sentences, or sentences within one unit', () => {
    const f = run(
      [
        [1, '区住建局', '紧盯建筑施工领域安全生产。促上市。', '吴广庆'],
        [2, '区交运局', '紧盯交通运输领域安全生产。促上市。', '孙大伟'],
        [3, '区交运局', '推进“四好农村路”建设。新改建农村路40公里。', '孙大伟'],
        [4, '区交运局', '推进“四好农村路”建设。', '孙大伟'],
      ],
      [{}, {}, {}, {}],
      [
        subTask(2, 1, '紧盯建筑施工领域安全生产。', ref(2, 2), { indicators: [indicator('milestone', 'x')] }),
        subTask(2, 2, '促上市。', ref(2, 2)),
        subTask(3, 1, '紧盯交通运输领域安全生产。', ref(3, 2), { indicators: [indicator('milestone', 'x')] }),
        subTask(3, 2, '促上市。', ref(3, 2)),
        subTask(4, 1, '推进“四好农村路”建设。', ref(4, 2), { indicators: [indicator('milestone', 'x')] }),
        subTask(4, 2, '新改建农村路40公里。', ref(4, 2), {
          indicators: [indicator('cumulative', 'x', 40000, '米')],
        }),
        subTask(5, 1, '推进“四好农村路”建设。', ref(5, 2), { indicators: [indicator('milestone', 'x')] }),
      ],
    );
    expect(f).toEqual([]);
  });

  it('runs no target checks on a wide table, whose targets are indicator-group names', () => {
    const f = run(
      [
        ['岱庙街道', '城镇新增就业', 100],
        ['上高街道', '城镇新增就业', 120],
      ],
      [{}, {}],
      [],
      { unit: 0, target: 1, planValue: 2 },
      'wide',
    );
    expect(f).toEqual([]);
  });

  it('renders the shared-task note with both cells in both languages', () => {
    const f = run(
      [
        [1, '区财政局', '深化财税领域改革。', '武永明'],
        [2, '区税务局', '深化财税领域改革。', '王立军'],
      ],
      [{}, {}],
    );
    const first = f[0];
    if (!first) throw new Error('expected a finding');
    expect(renderFinding(first, 'zh').message).toBe(
      '分解表!C3：“区财政局”的目标任务与 分解表!C4（区税务局）完全相同，按两个单位的共同任务处理。',
    );
    expect(renderFinding(first, 'en').message).toBe(
      '分解表!C3: the target of "区财政局" is identical to 分解表!C4 (区税务局); it is treated as a shared task.',
    );
  });
});
