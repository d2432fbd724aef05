/**
 * The sentence on the top-ranked units and the praise sentence of the circular's paragraph, for small and
 * large ties (`paragraph.topNamesLimit`, default 5). Units are hand-built with their ranks (RANK.EQ: equal
 * scores share a rank, the next skips), so every expected sentence is written out from the rules in
 * docs/scoring.md §7:
 *
 * - at most `topNamesLimit` units in places 1–3: they are listed (`综合得分位列前3位的单位是…`, `（含并列）` when
 *   more than 3);
 * - more: one clause per place — one unit `第1位是甲`, a small tie `并列第2位的是乙、丙`, a tie of more than the
 *   limit counted `并列第1位的有7个单位`;
 * - praise naming exactly the units just listed refers to them (`上述3个单位`) instead of naming them again.
 */
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../../src/core/errors.ts';
import { circularParagraph } from '../../../src/core/score/circular.ts';
import { scoreSubTasks } from '../../../src/core/score/score.ts';
import type { ProgressEntry, ScoreCounts, UnitScore } from '../../../src/core/score/score-model.ts';
import { resolveSettings } from '../../../src/core/score/settings.ts';
import { cell, indicator, subTask } from './fixtures.ts';

/** A ranked unit with everything the paragraph does not read left at neutral values. */
function unit(name: string, score: number, rank: number): UnitScore {
  return {
    name,
    owners: [],
    category: null,
    score,
    rank,
    groupRank: null,
    status: 'on_track',
    tasks: 1,
    done: 0,
    onTrack: 1,
    lagging: 0,
    severe: 0,
    unscored: 0,
    movement: null,
    praised: false,
    isTotal: false,
  };
}

// 10 sub-tasks of 8 units: 2 done, 6 on track, 2 lagging (none severe, none unscored).
const COUNTS: ScoreCounts = {
  units: 8,
  subTasks: 10,
  done: 2,
  onTrack: 6,
  lagging: 2,
  severe: 0,
  unscored: 0,
};
const OPENING_ZH =
  '截至2024年6月30日，全区8个责任单位承担的10项重点任务中，已完成2项，序时推进6项，进展滞后2项。';
const OPENING_EN =
  'As of 30 June 2024, of the 10 key tasks of the 8 responsible units, 2 are done, 6 on track and 2 lagging.';

function paragraph(units: UnitScore[], praise: string[], overrides?: unknown): { zh: string; en: string } {
  return circularParagraph({
    asOf: '2024-06-30',
    settings: resolveSettings(undefined, overrides),
    counts: COUNTS,
    units,
    praise,
    escalate: [],
    escalatedTasks: 0,
  });
}

// Seven units tied at 100 (rank 1), one at 60 (rank 8).
const SEVEN_TIED = [
  unit('甲', 100, 1),
  unit('乙', 100, 1),
  unit('丙', 100, 1),
  unit('丁', 100, 1),
  unit('戊', 100, 1),
  unit('己', 100, 1),
  unit('庚', 100, 1),
  unit('辛', 60, 8),
];

describe('small ties: the top units are listed', () => {
  it('lists four units in the top three places with 含并列, and names the praised one', () => {
    // Scores 100, 98, 96, 96, 50 → ranks 1, 2, 3, 3, 5: four units in places 1–3 (≤ 5) are listed.
    const p = paragraph(
      [unit('甲', 100, 1), unit('乙', 98, 2), unit('丙', 96, 3), unit('丁', 96, 3), unit('戊', 50, 5)],
      ['甲'],
    );
    expect(p.zh).toBe(
      OPENING_ZH +
        '综合得分位列前3位的单位是甲、乙、丙、丁（含并列）。' +
        '对工作进展快、落实好的甲1个单位予以通报表扬。',
    );
    expect(p.en).toBe(
      OPENING_EN +
        ' The top-scoring units are 甲, 乙, 丙, 丁 (with ties).' +
        ' Praised for fast progress: 甲.',
    );
  });

  it('refers to the listed units instead of naming them twice when the same units are praised', () => {
    // Scores 100, 100, 96, 50 → ranks 1, 1, 3, 4: 甲, 乙, 丙 listed; the praise list is the same three.
    const p = paragraph(
      [unit('甲', 100, 1), unit('乙', 100, 1), unit('丙', 96, 3), unit('丁', 50, 4)],
      ['甲', '乙', '丙'],
    );
    expect(p.zh).toBe(
      OPENING_ZH +
        '综合得分位列前3位的单位是甲、乙、丙。' +
        '对工作进展快、落实好的上述3个单位予以通报表扬。',
    );
    expect(p.en).toBe(
      OPENING_EN + ' The top-scoring units are 甲, 乙, 丙. Praised for fast progress: the 3 units above.',
    );
  });

  it('lists a tie of seven when the limit allows it', () => {
    const p = paragraph(SEVEN_TIED, [], { paragraph: { topNamesLimit: 7 } });
    expect(p.zh).toBe(OPENING_ZH + '综合得分位列前3位的单位是甲、乙、丙、丁、戊、己、庚（含并列）。');
  });
});

describe('large ties: places are counted, the praise sentence names the units', () => {
  it('counts seven units sharing first place and lists the praised ones once', () => {
    // 7 units in places 1–3 (> 5), all in first place: counted, not listed. Six of them are praised.
    const p = paragraph(SEVEN_TIED, ['甲', '乙', '丙', '丁', '戊', '己']);
    expect(p.zh).toBe(
      OPENING_ZH +
        '综合得分并列第1位的有7个单位。' +
        '对工作进展快、落实好的甲、乙、丙、丁、戊、己6个单位予以通报表扬。',
    );
    expect(p.en).toBe(
      OPENING_EN +
        ' In the overall score, 7 units share first place.' +
        ' Praised for fast progress: 甲, 乙, 丙, 丁, 戊, 己.',
    );
  });

  it('names a unit alone in first place and counts six tied behind it', () => {
    // Scores 100, then six at 90 → ranks 1, 2 × 6: 7 units in places 1–3.
    const units = [
      unit('甲', 100, 1),
      unit('乙', 90, 2),
      unit('丙', 90, 2),
      unit('丁', 90, 2),
      unit('戊', 90, 2),
      unit('己', 90, 2),
      unit('庚', 90, 2),
    ];
    const p = paragraph(units, []);
    expect(p.zh).toBe(OPENING_ZH + '综合得分第1位是甲，并列第2位的有6个单位。');
    expect(p.en).toBe(OPENING_EN + ' In the overall score, 甲 is first; 6 units share second place.');
  });

  it('names a small tie and counts a large one in the same sentence', () => {
    // Limit 3. Scores 100, 100, then four at 95 → ranks 1, 1, 3 × 4: 6 units in places 1–3 (> 3). The first
    // place (2 units, within the limit) is named; the third (4 units, above it) is counted.
    const units = [
      unit('甲', 100, 1),
      unit('乙', 100, 1),
      unit('丙', 95, 3),
      unit('丁', 95, 3),
      unit('戊', 95, 3),
      unit('己', 95, 3),
    ];
    const p = paragraph(units, [], { paragraph: { topNamesLimit: 3 } });
    expect(p.zh).toBe(OPENING_ZH + '综合得分并列第1位的是甲、乙，并列第3位的有4个单位。');
    expect(p.en).toBe(
      OPENING_EN + ' In the overall score, 甲 and 乙 share first place; 4 units share third place.',
    );
  });

  it('reads the same through scoring: six units whose every task is done tie at 100', () => {
    // Each unit has one 1000人 task reported as 1000 → completion 100 %, done, credit 1, score 100, rank 1.
    const names = ['区甲局', '区乙局', '区丙局', '区丁局', '区戊局', '区己局'];
    const subs = names.map((name, i) =>
      subTask(`${i + 1}.01`, [indicator('cumulative', 1000, '人', '新增就业1000人')], {
        units: [name],
        taskRow: i + 2,
      }),
    );
    const progress = new Map<string, ProgressEntry>(
      subs.map((sub, i) => [sub.id, { actual: cell(1000, i + 2, 5) }]),
    );
    const r = scoreSubTasks({
      asOf: '2024-06-30',
      planYear: 2024,
      settings: resolveSettings(),
      subTasks: subs,
      progress,
    });
    expect(r.units.map((u) => u.rank)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(r.circularZh).toBe(
      '截至2024年6月30日，全区6个责任单位承担的6项重点任务中，已完成6项，序时推进0项，进展滞后0项。' +
        '综合得分并列第1位的有6个单位。' +
        '对工作进展快、落实好的区甲局、区乙局、区丙局、区丁局、区戊局、区己局6个单位予以通报表扬。',
    );
  });
});

describe('the paragraph.topNamesLimit setting', () => {
  it('defaults to 5 and accepts whole numbers from 1 to 100', () => {
    expect(resolveSettings().paragraph.topNamesLimit).toBe(5);
    expect(resolveSettings('银川', { paragraph: { topNamesLimit: 1 } }).paragraph.topNamesLimit).toBe(1);
    for (const bad of [0, 2.5, 101, '5']) {
      let error: unknown;
      try {
        resolveSettings(undefined, { paragraph: { topNamesLimit: bad } });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DubanError);
      expect((error as DubanError).fields['field']).toBe('settings.paragraph.topNamesLimit');
    }
  });
});
