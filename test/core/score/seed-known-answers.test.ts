/**
 * Figures the seed documents print, reproduced to the printed precision from the plan values they imply.
 *
 * seeds/001 (泰山区, mid-2023): 新增城镇就业4496人，完成全年计划的68.1% — a plan of 6600人 gives
 * 4496 ÷ 6600 = 0.68121… → 68.1 %; 新改建34.1公里，完成年度计划的68.2% — a plan of 50公里 gives 0.682.
 * seeds/003 (财源街道, 2022 review): 完成投资30.05亿元，投资完成率112% — a plan of 26.83亿元 gives
 * 30.05 ÷ 26.83 = 1.119985… → 112 % (112.00 % at two decimals); 完成投资32.97亿元，投资完成率108.71% — a plan
 * of 30.328亿元 gives 32.97 ÷ 30.328 = 1.087114… → 108.71 %.
 */
import { describe, expect, it } from 'vitest';
import { explainTask } from '../../../src/core/score/explain.ts';
import { percentFixed } from '../../../src/core/score/numbers.ts';
import { cell, indicator, ref, subTask } from './fixtures.ts';
import { codes, scoreOne } from './helpers.ts';

describe('seeds/001 — 2023 mid-year progress', () => {
  const employment = subTask('1.01', [indicator('cumulative', 6600, '人', '新增城镇就业6600人')], {
    units: ['区人社局'],
  });

  it('新增城镇就业4496人，完成全年计划的68.1%', () => {
    const { task, findings } = scoreOne(
      employment,
      { actual: cell(4496, 4, 5), printedRate: cell('68.1%', 4, 6) },
      '2023-06-30',
    );
    expect(task.completion).toBeCloseTo(4496 / 6600, 12);
    expect(percentFixed(task.completion ?? 0, 1)).toBe('68.1%');
    expect(task.context.expected).toBe(0.5);
    expect(task.status).toBe('on_track');
    expect(explainTask(task, 'zh')).toBe('完成4496人（目标6600人），完成率68.1%，达到序时进度50%');
    expect(explainTask(task, 'en')).toBe('4496人 of 6600人, completion 68.1%, at or above time progress 50%');
    expect(task.at).toEqual(ref(4, 5));
    // The printed 68.1 % agrees with 68.12 % within ±0.1 point: no finding.
    expect(codes(findings)).toEqual([]);
  });

  it('新改建34.1公里，完成年度计划的68.2%', () => {
    const roads = subTask('2.01', [indicator('cumulative', 50, '公里', '新改建“四好农村路”50公里')], {
      units: ['区交通运输局'],
    });
    const { task, findings } = scoreOne(
      roads,
      { actual: cell('34.1公里'), printedRate: cell(0.682, 1, 6), printedRateFormat: '0.0%' },
      '2023-06-30',
    );
    expect(percentFixed(task.completion ?? 0, 1)).toBe('68.2%');
    expect(task.status).toBe('on_track');
    expect(codes(findings)).toEqual([]);
  });

  it('a printed rate that does not match is reported at its cell', () => {
    const { findings } = scoreOne(
      employment,
      { actual: cell(4496), printedRate: cell('68.5%', 4, 6) },
      '2023-06-30',
    );
    // |68.5 − 68.1212| = 0.3788 → 0.38 points.
    expect(findings).toEqual([
      {
        code: 'score_printed_rate_mismatch',
        severity: 'warning',
        at: ref(4, 6),
        params: { printed: '68.5%', computed: '68.12%', diff: '0.38' },
      },
    ]);
  });
});

describe('seeds/003 — 2022 review (year end)', () => {
  const newProjects = subTask(
    '3.01',
    [indicator('cumulative', 2_683_000_000, '元', '新开工项目完成投资26.83亿元')],
    {
      units: ['财源街道'],
    },
  );
  const continuing = subTask(
    '3.02',
    [indicator('cumulative', 3_032_800_000, '元', '续建项目完成投资30.328亿元')],
    {
      units: ['财源街道'],
    },
  );

  it('投资完成率112%', () => {
    const { task, findings } = scoreOne(
      newProjects,
      { actual: cell('30.05亿元'), printedRate: cell('112%', 1, 6) },
      '2022-12-31',
    );
    expect(percentFixed(task.completion ?? 0, 0)).toBe('112%');
    expect(percentFixed(task.completion ?? 0, 2)).toBe('112.00%');
    expect(task.status).toBe('done');
    expect(task.credit).toBe(1); // 超额不加分
    expect(explainTask(task, 'zh')).toBe('完成30.05亿元（目标26.83亿元），完成率112.0%，已完成目标');
    expect(codes(findings)).toEqual([]);
  });

  it('投资完成率108.71%', () => {
    const { task, findings } = scoreOne(
      continuing,
      { actual: cell(32.97), printedRate: cell('108.71%', 2, 6) },
      '2022-12-31',
      undefined,
      { percentDecimals: 2 },
    );
    expect(percentFixed(task.completion ?? 0, 2)).toBe('108.71%');
    expect(task.status).toBe('done');
    // The plain 32.97 is read in the target's written unit, 亿元, and that is said.
    expect(codes(findings)).toEqual(['score_actual_unit_assumed']);
    expect(explainTask(task, 'zh')).toBe('完成32.97亿元（目标30.328亿元），完成率108.71%，已完成目标');
  });

  it('a transposed printed rate (108.17%) is reported', () => {
    const { findings } = scoreOne(
      continuing,
      { actual: cell('32.97亿元'), printedRate: cell('108.17%', 2, 6) },
      '2022-12-31',
    );
    // 108.7114 − 108.17 = 0.5414 → 0.54.
    expect(findings).toMatchObject([
      {
        code: 'score_printed_rate_mismatch',
        params: { printed: '108.17%', computed: '108.71%', diff: '0.54' },
      },
    ]);
  });
});
