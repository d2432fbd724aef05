/**
 * Explanations written from scores (src/core/score/explain.ts), in both languages, for the cases the
 * per-kind tests in score-subtask.test.ts do not spell out: every reason a figure goes unscored, several
 * indicators in one sub-task, the relative shortfall and a status word past its deadline in English.
 * Each expected text is put together by hand from the rules in docs/scoring.md §4.
 */
import { describe, expect, it } from 'vitest';
import { explainIndicator, explainTask } from '../../../src/core/score/explain.ts';
import { cell, indicator, subTask, textCell } from './fixtures.ts';
import { scoreOne } from './helpers.ts';

const jobs = subTask('1.01', [indicator('cumulative', 1000, '人', '新增就业1000人')]);
const JUNE = '2024-06-30'; // 6 of 12 months: 序时进度 50 %

describe('unscored figures quote the cell', () => {
  it('an error value', () => {
    const { task } = scoreOne(jobs, { actual: cell({ error: '#N/A' }) }, JUNE);
    expect(task.status).toBe('unscored');
    expect(explainTask(task, 'zh')).toBe('未评分：完成值为错误值#N/A');
    expect(explainTask(task, 'en')).toBe('not scored: the actual is the error value #N/A');
  });

  it('two figures in one cell', () => {
    const { task } = scoreOne(jobs, { actual: cell('5月底4家，6月新增2家') }, JUNE);
    expect(task.reason).toBe('unreadable_actual');
    expect(explainTask(task, 'zh')).toBe('未评分：无法识别完成值“5月底4家，6月新增2家”');
    expect(explainTask(task, 'en')).toBe('not scored: cannot read the actual "5月底4家，6月新增2家"');
  });

  it('a figure in another kind of unit (亿元 against 人)', () => {
    const { task } = scoreOne(jobs, { actual: cell('30亿元') }, JUNE);
    expect(task.reason).toBe('unit_mismatch');
    expect(explainTask(task, 'zh')).toBe('未评分：完成值“30亿元”的单位与目标不一致');
    expect(explainTask(task, 'en')).toBe(`not scored: the unit of "30亿元" does not match the target's`);
  });

  it('a status that is no known word, and one that says two things', () => {
    const plan = subTask('2.01', [indicator('qualitative', null, null, '推进智慧E谷建设', null)]);
    const unknown = scoreOne(plan, { status: textCell('详见附件') }, JUNE).task;
    expect(explainTask(unknown, 'zh')).toBe('未评分：无法识别状态“详见附件”');
    expect(explainTask(unknown, 'en')).toBe('not scored: unknown status "详见附件"');
    const mixed = scoreOne(plan, { status: textCell('部分完成，部分滞后') }, JUNE).task;
    expect(mixed.reason).toBe('ambiguous_status');
    expect(explainTask(mixed, 'zh')).toBe('未评分：状态“部分完成，部分滞后”含义不一');
    expect(explainTask(mixed, 'en')).toBe('not scored: the status "部分完成，部分滞后" is ambiguous');
  });

  it('nothing reported', () => {
    const { task } = scoreOne(jobs, {}, JUNE);
    expect(explainTask(task, 'zh')).toBe('未评分：未填报完成值或进展状态');
    expect(explainTask(task, 'en')).toBe('not scored: no actual or status reported');
  });
});

describe('several indicators: `指标：说明；指标：说明`', () => {
  // 600 of 1000人 = 60.0 %; 12亿元 of 20亿元 = 60.0 %; both at or above 序时 50 %. The investment is held in
  // 元 (2e9) and shown in the 亿元 its target was written in.
  const two = subTask('3.01', [
    indicator('cumulative', 1000, '人', '新增就业1000人'),
    indicator('cumulative', 2e9, '元', '完成投资20亿元'),
  ]);
  const { task } = scoreOne(
    two,
    { indicatorActuals: [{ actual: cell(600) }, { actual: cell('12亿元') }] },
    JUNE,
  );

  it('each indicator on its own', () => {
    const [jobsScore, investment] = task.indicators;
    expect(jobsScore && explainIndicator(jobsScore, 'zh')).toBe(
      '完成600人（目标1000人），完成率60.0%，达到序时进度50%',
    );
    expect(investment && explainIndicator(investment, 'zh')).toBe(
      '完成12亿元（目标20亿元），完成率60.0%，达到序时进度50%',
    );
  });

  it('joined for the sub-task', () => {
    expect(explainTask(task, 'zh')).toBe(
      '新增就业1000人：完成600人（目标1000人），完成率60.0%，达到序时进度50%；' +
        '完成投资20亿元：完成12亿元（目标20亿元），完成率60.0%，达到序时进度50%',
    );
    expect(explainTask(task, 'en')).toBe(
      '新增就业1000人: 600人 of 1000人, completion 60.0%, at or above time progress 50%; ' +
        '完成投资20亿元: 12亿元 of 20亿元, completion 60.0%, at or above time progress 50%',
    );
  });
});

describe('English verdicts', () => {
  it('三亚 measures the shortfall relatively', () => {
    // 250 of 1000人 = 25.0 % against 50 %: 25.0 points behind, 1 − 25/50 = 50 % short → lagging (not > 50).
    const { task } = scoreOne(jobs, { actual: cell(250) }, JUNE, '三亚');
    expect(explainTask(task, 'en')).toBe(
      '250人 of 1000人, completion 25.0%, below time progress 50% (25.0 points behind, 50% short of it)',
    );
  });

  it('a status word on the deadline day names the deadline', () => {
    // Due 6月底前 = 2024-06-30, as of that day: 推进中 (in progress) is not done → overdue.
    const dated = subTask('4.01', [indicator('milestone', null, null, '完成方案编制', null)], {
      deadline: '2024-06-30',
      deadlineText: '6月底前',
    });
    const { task } = scoreOne(dated, { status: textCell('推进中') }, JUNE);
    expect(task.overdue).toBe(true);
    expect(explainTask(task, 'zh')).toBe('填报“推进中”，已过完成时限（6月底前）仍未完成');
    expect(explainTask(task, 'en')).toBe('reported "推进中", not done by its deadline 2024-06-30');
  });
});
