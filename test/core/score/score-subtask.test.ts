/**
 * Hand-computed cases for every indicator kind and every preset, boundaries exactly at the thresholds.
 * Each expected value is worked out in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { explainTask } from '../../../src/core/score/explain.ts';
import { expectedOf } from '../../../src/core/score/indicator-mode.ts';
import { cell, indicator, ref, subTask, textCell } from './fixtures.ts';
import { codes, scoreOne } from './helpers.ts';

// 新增就业1000人: a cumulative target that makes completion percentages easy to read (actual ÷ 10).
const jobs = subTask('1.01', [indicator('cumulative', 1000, '人', '新增就业1000人')]);

describe('cumulative — 序时 preset (default)', () => {
  // 2024-09-30: 9 of 12 months → 序时进度 75 %.
  const at = '2024-09-30';

  it('at 序时 exactly is on track', () => {
    const { task } = scoreOne(jobs, { actual: cell(750) }, at);
    expect(task.status).toBe('on_track');
    expect(task.gapPoints).toBe(0);
    expect(task.credit).toBe(1); // 0.75 ÷ 0.75
    expect(explainTask(task, 'zh')).toBe('完成750人（目标1000人），完成率75.0%，达到序时进度75%');
  });

  it('0.1 point below is lagging', () => {
    const { task } = scoreOne(jobs, { actual: cell(749) }, at);
    expect([task.status, task.gapPoints]).toEqual(['lagging', 0.1]);
  });

  it('20 points below is still lagging, 20.1 is severe', () => {
    expect(scoreOne(jobs, { actual: cell(550) }, at).task.status).toBe('lagging');
    const { task } = scoreOne(jobs, { actual: cell(549) }, at);
    expect([task.status, task.gapPoints]).toEqual(['severe', 20.1]);
  });

  it('explains a shortfall the way notices do', () => {
    const { task } = scoreOne(jobs, { actual: cell(450) }, at);
    expect(task.status).toBe('severe');
    expect(explainTask(task, 'zh')).toBe(
      '完成450人（目标1000人），完成率45.0%，低于序时进度75%（差30.0个百分点）',
    );
    expect(explainTask(task, 'en')).toBe(
      '450人 of 1000人, completion 45.0%, below time progress 75% (30.0 points behind)',
    );
    expect(task.credit).toBeCloseTo(0.6, 12); // 0.45 ÷ 0.75
  });

  it('done at 100 %, over-fulfilment earns no extra credit', () => {
    const { task } = scoreOne(jobs, { actual: cell(1200) }, at);
    expect(task.status).toBe('done');
    expect(task.completion).toBe(1.2);
    expect(task.credit).toBe(1);
  });

  it('99.96 % shows as 100.0 % and counts as done (compared at the displayed precision)', () => {
    const big = subTask('1.02', [indicator('cumulative', 10000, '人', '新增就业10000人')]);
    expect(scoreOne(big, { actual: cell(9996) }, at).task.status).toBe('done');
  });

  it('unfinished at year end is severe and flagged', () => {
    const { task } = scoreOne(jobs, { actual: cell(950) }, '2024-12-31');
    expect(task.status).toBe('severe');
    expect(task.yearEndUnfinished).toBe(true);
    expect(task.overdue).toBe(false);
    expect(explainTask(task, 'zh')).toBe(
      '完成950人（目标1000人），完成率95.0%，年底仍未完成（差5.0个百分点）',
    );
  });

  it('a negative actual counts as 0 % and is reported', () => {
    const { task, findings } = scoreOne(jobs, { actual: cell(-5) }, at);
    expect(task.completion).toBe(0);
    expect(task.status).toBe('severe');
    expect(codes(findings)).toEqual(['score_negative_actual']);
  });

  it('a deadline in the text sets the expectation: 9月底前 at 06-30 expects 6/9', () => {
    const invest = subTask('1.03', [indicator('cumulative', 3e9, '元', '9月底前完成投资30亿元')], {
      deadline: '2024-09-30',
      deadlineText: '9月底前',
    });
    // 20 ÷ 30 = 66.7 %; expected 6 ÷ 9 = 66.7 % → on track.
    const { task } = scoreOne(invest, { actual: cell('20亿元') }, '2024-06-30');
    expect(task.context.expected).toBeCloseTo(6 / 9, 12);
    expect(task.status).toBe('on_track');
    expect(explainTask(task, 'zh')).toBe(
      '完成20亿元（目标30亿元），完成率66.7%，达到9月底前完成的时限进度66.7%',
    );
    // 19亿 → 63.3 % → 3.4 points below → lagging.
    expect(scoreOne(invest, { actual: cell('19亿元') }, '2024-06-30').task.gapPoints).toBe(3.4);
  });
});

describe('cumulative — 银川 preset', () => {
  const at = '2024-09-30'; // 序时 75 %

  it('9.9 points below is on track, within the allowed 10', () => {
    const { task } = scoreOne(jobs, { actual: cell(651) }, at, '银川');
    expect(task.status).toBe('on_track');
    expect(explainTask(task, 'zh')).toBe(
      '完成651人（目标1000人），完成率65.1%，低于序时进度75%（差9.9个百分点），在允许范围（10个百分点）内',
    );
  });

  it('10 points below is yellow, 30 still yellow, 30.1 red', () => {
    expect(scoreOne(jobs, { actual: cell(650) }, at, '银川').task.status).toBe('lagging');
    expect(scoreOne(jobs, { actual: cell(450) }, at, '银川').task.status).toBe('lagging');
    expect(scoreOne(jobs, { actual: cell(449) }, at, '银川').task.status).toBe('severe');
  });

  it('year-end unfinished stays red whatever the gap', () => {
    expect(scoreOne(jobs, { actual: cell(950) }, '2024-12-31', '银川').task.status).toBe('severe');
  });

  it('with overdueIsSevere off, a small year-end shortfall is yellow, not on track', () => {
    const { task } = scoreOne(jobs, { actual: cell(950) }, '2024-12-31', '银川', { overdueIsSevere: false });
    expect(task.status).toBe('lagging');
    expect(task.yearEndUnfinished).toBe(true);
  });
});

describe('cumulative — 三亚 preset (relative gap)', () => {
  const at = '2024-06-30'; // 序时 50 %

  it('completion exactly half of 序时 is yellow', () => {
    // 25.0 % of an expected 50 %: 1 − 25/50 = 50 % short → not more than 50 → lagging.
    const { task } = scoreOne(jobs, { actual: cell(250) }, at, '三亚');
    expect(task.status).toBe('lagging');
    expect(explainTask(task, 'zh')).toBe(
      '完成250人（目标1000人），完成率25.0%，低于序时进度50%（差25.0个百分点，落后50%）',
    );
  });

  it('just under half is red', () => {
    // 24.9 / 50 → 50.2 % short.
    expect(scoreOne(jobs, { actual: cell(249) }, at, '三亚').task.status).toBe('severe');
  });

  it('any shortfall is yellow, none is on track', () => {
    expect(scoreOne(jobs, { actual: cell(499) }, at, '三亚').task.status).toBe('lagging');
    expect(scoreOne(jobs, { actual: cell(500) }, at, '三亚').task.status).toBe('on_track');
  });
});

describe('rate — compared directly, never time-scaled', () => {
  const gdp = subTask('2.01', [indicator('rate', 5.5, '%', '地区生产总值增长5.5%以上')]);
  const at = '2024-06-30';

  it('meeting the rate mid-year is on track (not done before the year closes)', () => {
    const { task } = scoreOne(gdp, { actual: cell(6.1) }, at);
    expect(task.status).toBe('on_track');
    expect(task.credit).toBe(1);
    expect(task.context.expected).toBe(0.5);
    const rate = task.indicators[0];
    expect(rate && expectedOf(rate)).toBe(1);
    expect(explainTask(task, 'zh')).toBe('实际6.1%，目标5.5%以上，达到目标要求');
  });

  it('4.4 against 5.5 is 80 % of it: 20 points short → lagging (序时)', () => {
    const { task } = scoreOne(gdp, { actual: cell('4.4%') }, at);
    expect(task.status).toBe('lagging');
    expect(task.credit).toBeCloseTo(0.8, 12);
    expect(explainTask(task, 'zh')).toBe('实际4.4%，目标5.5%以上，为目标要求的80.0%（差20.0个百分点）');
  });

  it('negative growth never counts as progress', () => {
    const { task } = scoreOne(gdp, { actual: cell(-1.2) }, at);
    expect(task.status).toBe('severe');
    expect(task.credit).toBe(0);
    expect(task.completion).toBe(0);
    expect(explainTask(task, 'zh')).toBe(
      '实际-1.2%，目标5.5%以上，负增长或零增长不计进度，为目标要求的0.0%（差100.0个百分点）',
    );
  });

  it('at year end: met is done, missed is unfinished', () => {
    expect(scoreOne(gdp, { actual: cell(5.6) }, '2024-12-31').task.status).toBe('done');
    const { task } = scoreOne(gdp, { actual: cell(5.4) }, '2024-12-31');
    // 5.4 / 5.5 = 98.2 % → 1.8 points short, unfinished at year end.
    expect(task.status).toBe('severe');
    expect(explainTask(task, 'zh')).toBe('实际5.4%，目标5.5%以上，年底仍未完成（差1.8个百分点）');
  });

  it('reads 0.061 formatted as a percentage', () => {
    expect(
      scoreOne(gdp, { actual: cell(0.061), actualFormat: '0.0%' }, at).task.indicators[0]?.actual,
    ).toBeCloseTo(6.1, 10);
  });
});

describe('lower is better — met when ≤ target, credit 2 − actual/target', () => {
  const unemployment = subTask('3.01', [indicator('lower_is_better', 3, '%', '城镇登记失业率控制在3%以内')]);
  const at = '2024-06-30';

  it('under the limit is on track with full credit', () => {
    const { task } = scoreOne(unemployment, { actual: cell(2.8) }, at);
    expect(task.status).toBe('on_track');
    expect(task.credit).toBe(1); // 2 − 0.933 = 1.067, capped at 1
    expect(explainTask(task, 'zh')).toBe('实际2.8%，控制在目标3%以内，达到目标要求');
  });

  it('10 % over the limit earns 0.9', () => {
    const { task } = scoreOne(unemployment, { actual: cell(3.3) }, at);
    expect(task.credit).toBeCloseTo(0.9, 12); // 2 − 3.3/3
    expect(task.status).toBe('lagging'); // 10 points short of 100 %
    expect(explainTask(task, 'zh')).toBe('实际3.3%，超出控制目标3%，为目标要求的90.0%（差10.0个百分点）');
  });

  it('more than twice the limit is floored at 0', () => {
    const { task } = scoreOne(unemployment, { actual: cell(6.5) }, at);
    expect(task.credit).toBe(0);
    expect(task.status).toBe('severe');
  });

  it('a zero target (零事故) is met or missed', () => {
    const zero = subTask('3.02', [indicator('lower_is_better', 0, '起', '较大安全事故控制在0起')]);
    expect(scoreOne(zero, { actual: cell(0) }, at).task.status).toBe('on_track');
    expect(scoreOne(zero, { actual: cell(1) }, at).task.status).toBe('severe');
  });

  it('a rate with a ≤ comparator is scored as a limit', () => {
    const capped = subTask('3.03', [indicator('rate', 3, '%', '物价涨幅控制在3%以内', '<=')]);
    expect(scoreOne(capped, { actual: cell(2.5) }, at).task.status).toBe('on_track');
  });
});

describe('keep level — met when ≥ level', () => {
  const grain = subTask('4.01', [indicator('keep_level', 230000, '吨', '粮食总产稳定在23万吨')]);

  it('22.5万吨 of 23万吨 is 97.8 %: lagging under 序时, on track under 银川', () => {
    const { task } = scoreOne(grain, { actual: cell('22.5万吨') }, '2024-06-30');
    expect(task.status).toBe('lagging');
    expect(task.credit).toBeCloseTo(225000 / 230000, 12);
    expect(explainTask(task, 'zh')).toBe('实际22.5万吨，目标保持23万吨，为目标要求的97.8%（差2.2个百分点）');
    expect(scoreOne(grain, { actual: cell('22.5万吨') }, '2024-06-30', '银川').task.status).toBe('on_track');
  });

  it('at the level is on track', () => {
    expect(scoreOne(grain, { actual: cell(23), actualUnit: '万吨' }, '2024-06-30').task.status).toBe(
      'on_track',
    );
  });
});

describe('approximate — within the 左右 tolerance', () => {
  const invest = subTask('5.01', [indicator('approximate', 8, '%', '固定资产投资增长8%左右')]);
  const at = '2024-06-30';

  it('8%左右 is met by 7.5 % (tolerance 0.5 point)', () => {
    const { task } = scoreOne(invest, { actual: cell(7.5) }, at);
    expect(task.status).toBe('on_track');
    expect(explainTask(task, 'zh')).toBe('实际7.5%，目标8%左右（按7.5%计），达到目标要求');
  });

  it('7.4 % is 98.7 % of 7.5: lagging', () => {
    const { task } = scoreOne(invest, { actual: cell(7.4) }, at);
    expect([task.status, task.gapPoints]).toEqual(['lagging', 1.3]);
  });

  it('a quantity 左右 is met within 5 % at year end', () => {
    const amount = subTask('5.02', [indicator('approximate', 2e10, '元', '完成投资200亿元左右')]);
    const { task } = scoreOne(amount, { actual: cell('190亿元') }, '2024-12-31');
    expect(task.status).toBe('done');
    expect(explainTask(task, 'zh')).toBe(
      '完成190亿元（目标200亿元左右，按190亿元计），完成率100.0%，已完成目标',
    );
    expect(scoreOne(amount, { actual: cell('189亿元') }, '2024-12-31').task.status).toBe('severe');
  });
});

describe('relative — needs a benchmark', () => {
  const income = subTask('6.01', [indicator('relative', null, '%', '居民收入增速不低于全市平均')]);
  const at = '2024-06-30';

  it('without a benchmark it is unscored with a finding at the target cell', () => {
    const { task, findings } = scoreOne(income, { actual: cell(5.2) }, at);
    expect(task.status).toBe('unscored');
    expect(task.reason).toBe('no_benchmark');
    expect(findings).toEqual([
      {
        code: 'score_benchmark_missing',
        severity: 'warning',
        at: ref(2, 2, '分解表'),
        params: { id: '6.01', metric: '居民收入增速不低于全市平均' },
      },
    ]);
  });

  it('above the benchmark is on track, 80 % of it is lagging', () => {
    const { task } = scoreOne(income, { actual: cell(5.2), benchmark: cell(5, 1, 8) }, at);
    expect(task.status).toBe('on_track');
    expect(explainTask(task, 'zh')).toBe('实际5.2%，对标值5%，达到目标要求');
    const low = scoreOne(income, { actual: cell(4), benchmark: cell('5%', 1, 8) }, at).task;
    expect([low.status, low.gapPoints]).toEqual(['lagging', 20]);
  });

  it('基本同步 allows the rate tolerance', () => {
    const inStep = subTask('6.02', [indicator('relative', null, '%', '居民收入与经济增长基本同步', '~')]);
    // benchmark 6 − 0.5 = 5.5 → 5.6 meets it.
    expect(scoreOne(inStep, { actual: cell(5.6), benchmark: cell(6) }, at).task.status).toBe('on_track');
  });
});

describe('milestone — done or not by its date', () => {
  const milestone = subTask('7.01', [indicator('milestone', null, null, '6月底前完成项目主体施工')], {
    deadline: '2024-06-30',
    deadlineText: '6月底前',
  });

  it('before the deadline, 序时推进 is on track', () => {
    const { task } = scoreOne(milestone, { status: textCell('序时推进') }, '2024-03-31');
    expect(task.status).toBe('on_track');
    expect(task.context.expected).toBe(0.5); // 3 of 6 months
    expect(explainTask(task, 'zh')).toBe('填报“序时推进”，视为序时推进');
  });

  it('未启动 counts as 0 % against the deadline progress', () => {
    // At 03-31, half of the time to 06-30 has passed: 50 points behind → severe.
    const { task } = scoreOne(milestone, { status: textCell('未启动') }, '2024-03-31');
    expect(task.status).toBe('severe');
    expect(explainTask(task, 'zh')).toBe(
      '填报“未启动”（按完成0%计），低于6月底前完成的时限进度50%（差50.0个百分点）',
    );
    // At 01-31 only 1/6 = 16.7 % was expected: lagging.
    expect(scoreOne(milestone, { status: textCell('未启动') }, '2024-01-31').task.status).toBe('lagging');
    // Before any month has passed nothing was expected.
    expect(scoreOne(milestone, { status: textCell('未启动') }, '2024-01-15').task.status).toBe('on_track');
  });

  it('not done on its deadline is overdue and severe', () => {
    const { task } = scoreOne(milestone, { status: textCell('推进中') }, '2024-06-30');
    expect(task.status).toBe('severe');
    expect(task.overdue).toBe(true);
    expect(task.credit).toBe(0.5);
    expect(explainTask(task, 'zh')).toBe('填报“推进中”，已过完成时限（6月底前）仍未完成');
  });

  it('done is done', () => {
    const { task } = scoreOne(milestone, { status: textCell('已完成') }, '2024-06-30');
    expect([task.status, task.credit]).toEqual(['done', 1]);
  });

  it('a self-reported percentage after the deadline', () => {
    const { task } = scoreOne(milestone, { status: textCell('完成80%') }, '2024-07-15');
    expect(task.status).toBe('severe');
    expect(explainTask(task, 'zh')).toBe(
      '完成率80.0%（自报），已过完成时限（6月底前）仍未完成（差20.0个百分点）',
    );
  });
});

describe('qualitative — status words or a self-reported percentage', () => {
  const reform = subTask('8.01', [], { text: '深化“放管服”改革' });
  const at = '2024-06-30';

  it('a percentage is compared with 序时', () => {
    const { task } = scoreOne(reform, { status: textCell('完成60%') }, at);
    expect(task.status).toBe('on_track');
    expect(task.completion).toBe(0.6);
    expect(explainTask(task, 'zh')).toBe('完成率60.0%（自报），达到序时进度50%');
  });

  it('lagging words earn half credit, paused none', () => {
    const slow = scoreOne(reform, { status: textCell('进展缓慢') }, at).task;
    expect([slow.status, slow.credit]).toEqual(['lagging', 0.5]);
    const paused = scoreOne(reform, { status: textCell('暂停') }, at).task;
    expect([paused.status, paused.credit]).toEqual(['lagging', 0]);
    const far = scoreOne(reform, { status: textCell('严重滞后') }, at).task;
    expect([far.status, far.credit]).toEqual(['severe', 0]);
  });

  it('a progress text that is one status word as a whole counts; free text does not', () => {
    expect(scoreOne(reform, { text: textCell('已完成。') }, at).task.status).toBe('done');
    const free = scoreOne(reform, { text: textCell('完成投资5亿元，开工项目3个') }, at);
    expect(free.task.reason).toBe('no_progress');
    expect(codes(free.findings)).toEqual(['score_progress_missing']);
  });

  it('unknown and ambiguous statuses are unscored with a finding at the status cell', () => {
    const unknown = scoreOne(reform, { status: textCell('还行吧', 3, 6) }, at);
    expect([unknown.task.status, unknown.task.reason]).toEqual(['unscored', 'unknown_status']);
    expect(unknown.findings).toEqual([
      {
        code: 'score_status_unknown',
        severity: 'warning',
        at: ref(3, 6),
        params: { text: '还行吧' },
      },
    ]);
    const mixed = scoreOne(reform, { status: textCell('部分完成，部分滞后') }, at);
    expect(mixed.task.reason).toBe('ambiguous_status');
    expect(mixed.findings[0]?.params).toEqual({ text: '部分完成，部分滞后', words: '完成、滞后' });
  });

  it('nothing reported', () => {
    const { task, findings } = scoreOne(reform, undefined, at);
    expect([task.status, task.reason, task.credit]).toEqual(['unscored', 'no_progress', null]);
    expect(explainTask(task, 'zh')).toBe('未评分：未填报完成值或进展状态');
    expect(codes(findings)).toEqual(['score_progress_missing']);
  });

  it('a bare 0.6 is read as 60 % and said to be assumed', () => {
    const { task, findings } = scoreOne(reform, { actual: cell(0.6) }, at);
    expect(task.completion).toBe(0.6);
    expect(findings).toMatchObject([
      { code: 'score_percent_assumed', params: { text: '0.6', percent: '60.0%' } },
    ]);
  });
});

describe('unreadable values', () => {
  const at = '2024-06-30';

  it('no target value', () => {
    const noValue = subTask('9.01', [indicator('cumulative', null, '人', '新增就业')]);
    const { task, findings } = scoreOne(noValue, { actual: cell(100) }, at);
    expect(task.reason).toBe('no_target');
    expect(codes(findings)).toEqual(['score_target_missing']);
  });

  it('a unit of another kind', () => {
    const { task, findings } = scoreOne(jobs, { actual: cell('4496元', 5, 5) }, at);
    expect(task.reason).toBe('unit_mismatch');
    expect(findings).toEqual([
      {
        code: 'score_unit_mismatch',
        severity: 'warning',
        at: ref(5, 5),
        params: { unit: '元', expected: '人' },
      },
    ]);
  });

  it('an Excel error', () => {
    const { task, findings } = scoreOne(jobs, { actual: cell({ error: '#DIV/0!' }) }, at);
    expect(task.reason).toBe('cell_error');
    expect(findings).toMatchObject([{ code: 'score_actual_error', params: { error: '#DIV/0!' } }]);
  });

  it('an unreadable figure falls back to the status word, still reported', () => {
    const { task, findings } = scoreOne(
      jobs,
      { actual: cell('1-5月完成300人'), status: textCell('序时推进') },
      at,
    );
    expect(task.status).toBe('on_track');
    expect(codes(findings)).toEqual(['score_actual_unreadable']);
  });

  it('a deadline that is not a date is ignored with a finding', () => {
    const odd = subTask('9.02', [indicator('cumulative', 1000, '人', '新增就业1000人')], {
      deadline: '6月底前',
    });
    const { task, findings } = scoreOne(odd, { actual: cell(500) }, at);
    expect(task.context.dueDate).toBe('2024-12-31');
    expect(codes(findings)).toEqual(['score_deadline_unreadable']);
  });
});

describe('cross-checks', () => {
  const at = '2024-06-30';

  it('a status word contradicting the figure is reported; the figure decides', () => {
    const { task, findings } = scoreOne(jobs, { actual: cell(400), status: textCell('已完成', 1, 7) }, at);
    expect(task.status).toBe('lagging'); // 40 % vs 50 %
    expect(findings).toEqual([
      {
        code: 'score_status_contradicts_actual',
        severity: 'warning',
        at: ref(1, 7),
        params: { word: '已完成', completion: '40.0%' },
      },
    ]);
  });

  it('printed rates rounded to whole per cents are not mismatches; a wrong one is', () => {
    expect(codes(scoreOne(jobs, { actual: cell(684), printedRate: cell('68%') }, at).findings)).toEqual([]);
    expect(codes(scoreOne(jobs, { actual: cell(684), printedRate: cell(68) }, at).findings)).toEqual([]);
    expect(codes(scoreOne(jobs, { actual: cell(684), printedRate: cell('67%') }, at).findings)).toEqual([
      'score_printed_rate_mismatch',
    ]);
    expect(codes(scoreOne(jobs, { actual: cell(684), printedRate: cell('很好') }, at).findings)).toEqual([
      'score_printed_rate_unreadable',
    ]);
  });

  it('a printed rate alone stands in for the figure', () => {
    const { task } = scoreOne(jobs, { printedRate: cell('45%') }, at);
    expect(task.completion).toBe(0.45);
    expect(task.indicators[0]?.basis).toBe('self_reported');
    expect(task.status).toBe('lagging'); // 5 points below 50 %
  });

  it('progress text over 200 characters (whitespace not counted)', () => {
    const long = '推'.repeat(201);
    expect(scoreOne(jobs, { actual: cell(500), text: textCell(long, 1, 9) }, at).findings).toEqual([
      {
        code: 'score_progress_text_too_long',
        severity: 'warning',
        at: ref(1, 9),
        params: { length: 201, limit: 200 },
      },
    ]);
    const exactly = `${'推'.repeat(100)}\n  ${'进'.repeat(100)}`;
    expect(codes(scoreOne(jobs, { actual: cell(500), text: textCell(exactly) }, at).findings)).toEqual([]);
  });

  it('a plan cell overrides the target read from the text', () => {
    const { task } = scoreOne(jobs, { actual: cell(450), plan: cell(900) }, at);
    expect(task.completion).toBe(0.5);
    expect(task.indicators[0]?.target).toBe(900);
  });
});

describe('several indicators in one sub-task', () => {
  const both = subTask('10.01', [
    indicator('rate', 5.5, '%', '地区生产总值增长5.5%以上', '>=', '地区生产总值增长'),
    indicator('cumulative', 2e10, '元', '完成投资200亿元', '>=', '完成投资'),
  ]);
  const at = '2024-06-30';

  it('the worst indicator decides; credit is the mean', () => {
    const { task } = scoreOne(
      both,
      { indicatorActuals: [{ actual: cell(6) }, { actual: cell('80亿元', 1, 6) }] },
      at,
    );
    // Rate 6.0 ≥ 5.5 → on track (credit 1); 80 / 200 = 40 % vs 50 % → lagging (credit 0.8).
    expect(task.status).toBe('lagging');
    expect(task.completion).toBe(0.4);
    expect(task.credit).toBeCloseTo(0.9, 12);
    expect(task.at).toEqual(ref(1, 6));
    expect(explainTask(task, 'zh')).toBe(
      '地区生产总值增长：实际6%，目标5.5%以上，达到目标要求；完成投资：完成80亿元（目标200亿元），完成率40.0%，低于序时进度50%（差10.0个百分点）',
    );
  });

  it('an indicator without a figure is noted and left out', () => {
    const { task, findings } = scoreOne(both, { actual: cell(6) }, at);
    expect(task.status).toBe('on_track');
    expect(task.indicators[1]?.status).toBe('unscored');
    expect(codes(findings)).toEqual(['score_indicator_not_reported']);
  });

  it('a status word covers indicators without a figure', () => {
    const { task } = scoreOne(both, { status: textCell('已完成') }, at);
    expect(task.indicators.map((i) => i.status)).toEqual(['done', 'done']);
  });
});
