import { describe, expect, it } from 'vitest';
import {
  breakDownTarget,
  subTaskId,
  type BreakDownContext,
} from '../../../src/core/breakdown/break-down-target.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import type { CellRef } from '../../../src/core/grid.ts';
import type { Person } from '../../../src/core/table-model.ts';

const at: CellRef = { sheet: '分解表', row: 5, col: 2 };
const owner: Person = { display: '陈  莹', key: '陈莹', deputies: [], isRole: false };
const ctx = (over: Partial<BreakDownContext> = {}): BreakDownContext => ({
  planYear: 2024,
  serial: '3',
  at,
  units: ['区科技局'],
  owners: [owner],
  taskRow: 5,
  ...over,
});

describe('breakDownTarget', () => {
  it('numbers sub-tasks serial.01, serial.02 … and carries row data', () => {
    const { subTasks, findings } = breakDownTarget('推进A。完成B项目5个。', ctx());
    expect(findings).toEqual([]);
    expect(subTasks.map((s) => [s.id, s.seq, s.text])).toEqual([
      ['3.01', 1, '推进A'],
      ['3.02', 2, '完成B项目5个'],
    ]);
    expect(subTasks[1]).toMatchObject({
      taskRow: 5,
      units: ['区科技局'],
      owners: [owner],
      at,
      deadline: null,
    });
  });

  it('pads ids to two digits and grows past 99', () => {
    expect(subTaskId('1', 3)).toBe('1.03');
    expect(subTaskId('12', 10)).toBe('12.10');
    expect(subTaskId('7', 100)).toBe('7.100');
    const text = Array.from({ length: 12 }, (_, k) => `推进事项${k + 1}`).join('。');
    expect(
      breakDownTarget(text, ctx({ serial: '9' }))
        .subTasks.map((s) => s.id)
        .slice(-3),
    ).toEqual(['9.10', '9.11', '9.12']);
  });

  it('reports a repeated sentence once and gives it no sub-task', () => {
    const { subTasks, findings } = breakDownTarget('推进A，推进B。推进C。推进A，推进B。', ctx());
    expect(subTasks.map((s) => s.id)).toEqual(['3.01', '3.02']);
    expect(findings).toEqual([
      { code: 'duplicate_sentence', severity: 'info', at, params: { serial: '3', sentence: '推进A，推进B' } },
    ]);
    const [first] = findings;
    expect(first && renderFinding(first, 'zh').message).toBe(
      '分解表!C6：任务 3 的目标中重复出现“推进A，推进B”，已只计一次',
    );
    expect(first && renderFinding(first, 'en').message).toBe(
      '分解表!C6: the target of task 3 repeats "推进A，推进B"; it is counted once',
    );
  });

  it('uses the sub-task own deadline before the row deadline', () => {
    const { subTasks } = breakDownTarget(
      '6月底前完成招标。年内建成投用。推进C。',
      ctx({ rowDeadline: '2024年9月底' }),
    );
    expect(subTasks.map((s) => [s.deadline, s.deadlineText, s.indicators[0]?.kind])).toEqual([
      ['2024-06-30', '6月底前', 'milestone'],
      ['2024-12-31', '年内', 'milestone'],
      ['2024-09-30', '2024年9月底', 'milestone'],
    ]);
  });

  it('reads the row deadline as a date serial or ISO string', () => {
    expect(breakDownTarget('推进A', ctx({ rowDeadline: 45473 })).subTasks[0]).toMatchObject({
      deadline: '2024-06-30',
      deadlineText: '2024-06-30',
    });
    expect(breakDownTarget('推进A', ctx({ rowDeadline: '2024-03-31' })).subTasks[0]?.deadline).toBe(
      '2024-03-31',
    );
  });

  it('keeps a numeric indicator numeric when a deadline applies', () => {
    const [s] = breakDownTarget('新增城镇就业7200人以上', ctx({ rowDeadline: '年底前' })).subTasks;
    expect(s?.deadline).toBe('2024-12-31');
    expect(s?.indicators.map((i) => i.kind)).toEqual(['cumulative']);
  });

  it('reports deadlines that need a date when the plan year is unknown', () => {
    const { subTasks, findings } = breakDownTarget('年内完成A。推进B。', ctx({ planYear: null }));
    expect(subTasks.map((s) => [s.deadline, s.deadlineText])).toEqual([
      [null, '年内'],
      [null, null],
    ]);
    expect(findings).toEqual([
      { code: 'deadline_needs_date', severity: 'warning', at, params: { id: '3.01', deadline: '年内' } },
    ]);
    expect(subTasks[0]?.indicators[0]?.kind).toBe('milestone');
  });

  it('reports an unreadable 完成时限 at its own cell', () => {
    const cell: CellRef = { sheet: '分解表', row: 5, col: 4 };
    const { subTasks, findings } = breakDownTarget(
      '推进A',
      ctx({ rowDeadline: '尽快', rowDeadlineAt: cell }),
    );
    expect(findings).toEqual([
      { code: 'deadline_unreadable', severity: 'warning', at: cell, params: { value: '尽快' } },
    ]);
    expect(subTasks[0]).toMatchObject({ deadline: null, deadlineText: null });
    expect(subTasks[0]?.indicators[0]?.kind).toBe('qualitative');
  });

  it('reports ambiguous comparators and unreadable values', () => {
    const { findings } = breakDownTarget('增速不低于5%以下。完成投资1.2.3亿元。', ctx());
    expect(findings.map((f) => [f.code, f.params['text']])).toEqual([
      ['comparator_ambiguous', '不低于5%以下'],
      ['value_unreadable', '1.2.3亿元'],
    ]);
  });

  it('gives an empty or blank target no sub-tasks', () => {
    expect(breakDownTarget('', ctx())).toEqual({ subTasks: [], findings: [] });
    expect(breakDownTarget('　 \n', ctx())).toEqual({ subTasks: [], findings: [] });
  });
});
