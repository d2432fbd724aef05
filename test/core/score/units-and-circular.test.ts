/**
 * Unit scores, ranking (RANK.EQ ties), groups, totals, movement, praise, escalation and the circular's
 * counts and paragraph, on a small hand-computed scenario at 2024-06-30 (序时进度 50 %).
 *
 * | id   | unit(s)            | indicator         | reported | completion → status          | credit |
 * |------|--------------------|-------------------|----------|------------------------------|--------|
 * | 1.01 | 区发改局           | 1000人 cumulative | 600      | 60 % ≥ 50 % → on track       | 1      |
 * | 1.02 | 区发改局           | rate 5.5 %        | 4.4 %    | 80 % of target → lagging     | 0.8    |
 * | 2.01 | 区商务局           | 1000人 cumulative | 500      | 50 % → on track              | 1      |
 * | 2.02 | 区商务局           | qualitative       | 已完成   | done                         | 1      |
 * | 3.01 | 区财政局、区税务局 | 1000人 cumulative | 450      | 5 points behind → lagging    | 0.9    |
 * | 4.01 | 区住建局           | 1000人 cumulative | 200      | 30 points behind → severe    | 0.4    |
 * | 5.01 | 区农业农村局       | 1000人 cumulative | —        | unscored                     | —      |
 * | 9.01 | 合计 (total row)   | 5000人 cumulative | 3000     | never ranked or counted      |        |
 *
 * Scores: 区商务局 100; 区发改局 (1 + 0.8) ÷ 2 = 90; 区财政局 and 区税务局 90 each (the shared task counts
 * for both); 区住建局 40; 区农业农村局 none. RANK.EQ: 1, 2, 2, 2, 5.
 */
import { describe, expect, it } from 'vitest';
import { explainTask } from '../../../src/core/score/explain.ts';
import type { SubTask } from '../../../src/core/breakdown-model.ts';
import { DubanError } from '../../../src/core/errors.ts';
import { movementOf, rankEq } from '../../../src/core/score/rank.ts';
import { scoreSubTasks } from '../../../src/core/score/score.ts';
import type { ProgressEntry, ScoreInput } from '../../../src/core/score/score-model.ts';
import { resolveSettings } from '../../../src/core/score/settings.ts';
import type { Person } from '../../../src/core/table-model.ts';
import { cell, indicator, person, ref, subTask, textCell } from './fixtures.ts';

const jobs = (n = 1000) => indicator('cumulative', n, '人', `新增就业${n}人`);

const SUBS: SubTask[] = [
  subTask('1.01', [jobs()], { units: ['区发改局'], owners: ['王五'], taskRow: 2 }),
  subTask('1.02', [indicator('rate', 5.5, '%', '地区生产总值增长5.5%以上')], {
    units: ['区发改局'],
    owners: ['王五', '赵六'],
    taskRow: 2,
  }),
  subTask('2.01', [jobs()], { units: ['区商务局'], taskRow: 3 }),
  subTask('2.02', [], { units: ['区商务局'], text: '举办招商活动', taskRow: 3 }),
  subTask('3.01', [jobs()], { units: ['区财政局', '区税务局'], owners: ['周　栋'], taskRow: 4 }),
  subTask('4.01', [jobs()], { units: ['区住建局'], taskRow: 5 }),
  subTask('5.01', [jobs()], { units: ['区农业农村局'], taskRow: 6 }),
  subTask('9.01', [jobs(5000)], { units: ['合计'], taskRow: 99 }),
];

const PROGRESS = new Map<string, ProgressEntry>([
  ['1.01', { actual: cell(600, 2, 5) }],
  ['1.02', { actual: cell('4.4%', 3, 5) }],
  ['2.01', { actual: cell(500, 4, 5) }],
  ['2.02', { status: textCell('已完成', 5, 6) }],
  ['3.01', { actual: cell(450, 6, 5) }],
  ['4.01', { actual: cell(200, 7, 5) }],
  ['9.01', { actual: cell(3000, 9, 5) }],
]);

function input(extra: Partial<ScoreInput> = {}): ScoreInput {
  return {
    asOf: '2024-06-30',
    planYear: 2024,
    settings: resolveSettings(),
    subTasks: SUBS,
    progress: PROGRESS,
    totals: { rows: [99] },
    ...extra,
  };
}

describe('rankEq', () => {
  it('ties share a rank and the next rank skips, like Excel RANK.EQ', () => {
    expect(rankEq([95, 90, 85, 85, 80], 2)).toEqual([1, 2, 3, 3, 5]);
    expect(rankEq([80, 85, 95, 85, 90], 2)).toEqual([5, 3, 1, 3, 2]);
  });

  it('compares at the displayed precision so float noise keeps ties', () => {
    expect(rankEq([0.1 + 0.2, 0.3, 0.29], 2)).toEqual([1, 1, 3]);
    expect(rankEq([89.999999, 90, null, 70], 2)).toEqual([1, 1, null, 3]);
  });
});

describe('movementOf', () => {
  const previous = [
    { name: '区发改局', rank: 5 },
    { name: '区 商务局', rank: 1 },
    { name: '区住建局', rank: null },
  ];
  it('up, down, same, new', () => {
    expect(movementOf('区发改局', 2, previous)).toEqual({
      direction: 'up',
      places: 3,
      zh: '位次前移3位',
      en: 'up 3',
    });
    expect(movementOf('区商务局', 2, previous)).toEqual({
      direction: 'down',
      places: 1,
      zh: '位次后移1位',
      en: 'down 1',
    });
    expect(movementOf('区发改局', 5, previous)?.zh).toBe('位次不变');
    expect(movementOf('区住建局', 4, previous)?.direction).toBe('new');
    expect(movementOf('区统计局', 4, previous)?.zh).toBe('新进入排名');
    expect(movementOf('区统计局', null, previous)).toBeNull();
  });
});

describe('unit scores and ranking', () => {
  const result = scoreSubTasks(input());
  const unit = (name: string) => {
    const u = result.units.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u;
  };

  it('scores are mean credits on 0–100', () => {
    expect(unit('区商务局').score).toBe(100);
    expect(unit('区发改局').score).toBe(90);
    expect(unit('区财政局').score).toBe(90);
    expect(unit('区税务局').score).toBe(90);
    expect(unit('区住建局').score).toBe(40);
    expect(unit('区农业农村局').score).toBeNull();
  });

  it('ranks like RANK.EQ and lists ranked units first, totals last', () => {
    expect(result.units.map((u) => [u.name, u.rank])).toEqual([
      ['区商务局', 1],
      ['区发改局', 2],
      ['区财政局', 2],
      ['区税务局', 2],
      ['区住建局', 5],
      ['区农业农村局', null],
      ['合计', null],
    ]);
    expect(unit('合计').isTotal).toBe(true);
    // A total is still scored: 3000 ÷ 5000 = 60 % against 50 % → credit 1.2 capped at 1 → 100.
    expect(unit('合计').score).toBe(100);
  });

  it('status is the worst sub-task; counts partition the tasks', () => {
    expect(unit('区发改局')).toMatchObject({
      status: 'lagging',
      tasks: 2,
      onTrack: 1,
      lagging: 1,
      severe: 0,
    });
    expect(unit('区商务局')).toMatchObject({ status: 'on_track', tasks: 2, done: 1, onTrack: 1 });
    expect(unit('区住建局')).toMatchObject({ status: 'severe', severe: 1 });
    expect(unit('区农业农村局')).toMatchObject({ status: 'unscored', unscored: 1, tasks: 1 });
  });

  it('collects owners once each, as displayed', () => {
    expect(unit('区发改局').owners).toEqual(['王五', '赵六']);
    expect(unit('区税务局').owners).toEqual(['周　栋']);
  });

  it('tallies sub-tasks that share their row units and owners arrays, as breakdown makes them', () => {
    // Rows 2 and 4 give their sub-tasks one units array and one owners array each; row 5 reuses row 2's
    // units array with owners of its own; 周 栋 is written with and without the ideographic space.
    const unitsA = ['区发改局'];
    const unitsB = ['区财政局', '区发改局'];
    const ownersA = [person('王五')];
    const ownersB = [person('周　栋')];
    const row = (id: string, taskRow: number, units: string[], owners: Person[]): SubTask => ({
      ...subTask(id, [jobs()], { taskRow }),
      units,
      owners,
    });
    const subTasks = [
      row('1.01', 2, unitsA, ownersA),
      row('1.02', 2, unitsA, ownersA),
      row('2.01', 4, unitsB, ownersB),
      row('2.02', 4, unitsB, ownersB),
      row('3.01', 5, unitsA, [person('王五'), person('赵六'), person('周栋')]),
    ];
    // 600 of 1000 → on track (credit 1); 200 → severe (credit 0.4).
    const progress = new Map<string, ProgressEntry>([
      ['1.01', { actual: cell(600, 2, 5) }],
      ['1.02', { actual: cell(200, 3, 5) }],
      ['2.01', { actual: cell(600, 4, 5) }],
      ['2.02', { actual: cell(600, 5, 5) }],
      ['3.01', { actual: cell(600, 6, 5) }],
    ]);
    const units = scoreSubTasks(input({ subTasks, progress, previous: [] })).units;
    const byName = (name: string) => units.find((u) => u.name === name);
    // 区发改局: 1.01, 1.02, 2.01, 2.02, 3.01 → (1 + 0.4 + 1 + 1 + 1) ÷ 5 = 88.
    expect(byName('区发改局')).toMatchObject({
      tasks: 5,
      onTrack: 4,
      severe: 1,
      score: 88,
      owners: ['王五', '周　栋', '赵六'],
    });
    expect(byName('区财政局')).toMatchObject({ tasks: 2, onTrack: 2, score: 100, owners: ['周　栋'] });
  });

  it('praise: all done or on track and a score of at least 95', () => {
    expect(result.praise).toEqual(['区商务局']);
    expect(unit('区商务局').praised).toBe(true);
  });

  it('escalation: the severe task, with how far behind', () => {
    expect(result.escalate).toEqual([
      {
        unit: '区住建局',
        tasks: [{ task: result.tasks.find((t) => t.subTask.id === '4.01'), cause: 'severe' }],
      },
    ]);
    const escalated = result.escalate[0]?.tasks[0]?.task;
    expect(escalated).toMatchObject({ status: 'severe', gapPoints: 30, at: ref(7, 5) });
    expect(escalated?.subTask).toMatchObject({ id: '4.01', text: '新增就业1000人' });
    expect(escalated && explainTask(escalated, 'zh')).toBe(
      '完成200人（目标1000人），完成率20.0%，低于序时进度50%（差30.0个百分点）',
    );
    expect(escalated && explainTask(escalated, 'en')).toBe(
      '200人 of 1000人, completion 20.0%, below time progress 50% (30.0 points behind)',
    );
  });

  it('counts for the circular exclude totals and count a shared task once', () => {
    expect(result.counts).toEqual({
      units: 6,
      subTasks: 7,
      done: 1,
      onTrack: 2,
      lagging: 2,
      severe: 1,
      unscored: 1,
    });
  });

  it('the circular paragraph', () => {
    expect(result.circularZh).toBe(
      '截至2024年6月30日，全区6个责任单位承担的7项重点任务中，已完成1项，序时推进2项，进展滞后3项（其中严重滞后1项），' +
        '1项未报送进展或无法评价。综合得分位列前3位的单位是区商务局、区发改局、区财政局、区税务局（含并列）。' +
        '对工作进展快、落实好的区商务局1个单位予以通报表扬。' +
        '对1个单位的1项严重滞后、逾期或年底未完成任务，按程序启动督查七联动工作机制，予以联动督查督办：' +
        '区住建局（4.01严重滞后，差30.0个百分点）。',
    );
    expect(result.circularEn).toBe(
      'As of 30 June 2024, of the 7 key tasks of the 6 responsible units, 1 are done, 2 on track and 3 lagging ' +
        '(1 of them severely); 1 have no progress reported or could not be assessed. The top-scoring units are ' +
        '区商务局, 区发改局, 区财政局, 区税务局 (with ties). Praised for fast progress: 区商务局. ' +
        '1 severely lagging, overdue or unfinished tasks of 1 units are escalated (督查七联动): ' +
        '区住建局 (4.01 severely behind, 30.0 points behind).',
    );
  });

  it('reports the period and time progress', () => {
    expect(result.timeProgress).toBe(0.5);
    expect(result.period.labelZh).toBe('上半年');
    expect(result.preset).toBe('序时');
  });
});

describe('groups, totals by name, movement', () => {
  it('ranks within categories', () => {
    const categories = new Map([
      ['区商务局', '部门'],
      ['区发改局', '部门'],
      ['区财政局', '街道/镇'],
      ['区税务局', '街道/镇'],
      ['区住建局', '街道/镇'],
    ]);
    const r = scoreSubTasks(input({ categories }));
    expect(r.units.map((u) => [u.name, u.category, u.groupRank])).toEqual([
      ['区商务局', '部门', 1],
      ['区发改局', '部门', 2],
      ['区财政局', '街道/镇', 1],
      ['区税务局', '街道/镇', 1],
      ['区住建局', '街道/镇', 3],
      ['区农业农村局', null, null],
      ['合计', null, null],
    ]);
  });

  it('takes categories from the entries and reports a conflict', () => {
    const progress = new Map(PROGRESS);
    progress.set('1.01', { actual: cell(600, 2, 5), category: '部门' });
    progress.set('1.02', { actual: cell('4.4%', 3, 5), category: '街道' });
    const r = scoreSubTasks(input({ progress }));
    expect(r.units.find((u) => u.name === '区发改局')?.category).toBe('部门');
    expect(r.findings.filter((f) => f.code === 'score_category_conflict')).toEqual([
      {
        code: 'score_category_conflict',
        severity: 'info',
        at: ref(3, 5),
        params: { unit: '区发改局', first: '部门', second: '街道' },
      },
    ]);
  });

  it('total rows named by unit are never ranked or counted', () => {
    const r = scoreSubTasks(input({ totals: { units: ['合 计'] } }));
    expect(r.units.at(-1)).toMatchObject({ name: '合计', isTotal: true, rank: null, praised: false });
    expect(r.counts.subTasks).toBe(7);
    expect(r.tasks.find((t) => t.subTask.id === '9.01')?.isTotal).toBe(true);
  });

  it('without marking, a total row would be ranked — the input must mark it', () => {
    const r = scoreSubTasks(input({ totals: {} }));
    expect(r.units.find((u) => u.name === '合计')?.rank).toBe(1);
  });

  it('movement against the previous run', () => {
    const previous = [
      { name: '区商务局', rank: 3 },
      { name: '区发改局', rank: 2 },
      { name: '区财政局', rank: 1 },
      { name: '区住建局', rank: 5 },
    ];
    const r = scoreSubTasks(input({ previous }));
    expect(r.units.map((u) => [u.name, u.movement?.zh ?? null])).toEqual([
      ['区商务局', '位次前移2位'],
      ['区发改局', '位次不变'],
      ['区财政局', '位次后移1位'],
      ['区税务局', '新进入排名'],
      ['区住建局', '位次不变'],
      ['区农业农村局', null],
      ['合计', null],
    ]);
  });
});

describe('weights (权重/分值)', () => {
  const subs = [
    subTask('1.01', [jobs()], { units: ['区教体局'] }),
    subTask('1.02', [jobs()], { units: ['区教体局'] }),
    subTask('1.03', [jobs()], { units: ['区教体局'] }),
    subTask('1.04', [jobs()], { units: ['区教体局'] }),
  ];
  const score = (progress: ReadonlyMap<string, ProgressEntry>, subTasks: readonly SubTask[] = subs) =>
    scoreSubTasks({ asOf: '2024-06-30', planYear: 2024, settings: resolveSettings(), subTasks, progress });

  it('weighted mean; missing and invalid weights are reported and left out', () => {
    const r = score(
      new Map<string, ProgressEntry>([
        ['1.01', { actual: cell(600), weight: 30 }], // credit 1
        ['1.02', { actual: cell(300), weight: cell('10分', 3, 9) }], // 30 % ÷ 50 % = credit 0.6
        ['1.03', { actual: cell(100) }], // no weight → left out
        ['1.04', { actual: cell(100), weight: cell('很多', 5, 9) }], // unreadable → left out
      ]),
    );
    // 100 × (30 × 1 + 10 × 0.6) ÷ 40 = 90.
    expect(r.units[0]?.score).toBe(90);
    expect(r.tasks.map((t) => t.weight)).toEqual([30, 10, null, null]);
    expect(r.findings.map((f) => f.code)).toEqual(['score_weight_missing', 'score_weight_invalid']);
    expect(r.findings[1]).toMatchObject({ at: ref(5, 9), params: { text: '很多' } });
  });

  it('a weight met only on a later row still weighs every row before it', () => {
    // Scoring first assumes no weight column and starts again with weights at the first weight it meets:
    // the rows before it must come out as if the column had been known from the start.
    // Listed out of row order, so both the walk beside the sub-tasks and the look-up by id are used.
    const r = score(
      new Map<string, ProgressEntry>([
        ['1.02', { actual: cell(100, 3, 5) }], // 10 % ÷ 50 %: lagging, no weight → left out
        ['1.01', { actual: cell(100, 2, 5) }], // no weight → left out
        ['1.04', { actual: cell(600, 5, 5), weight: 20 }], // credit 1
        ['1.03', { actual: cell(300, 4, 5), weight: 20 }], // 30 % ÷ 50 % = credit 0.6
      ]),
    );
    // 100 × (20 × 0.6 + 20 × 1) ÷ 40 = 80.
    expect(r.tasks.map((t) => t.weight)).toEqual([null, null, 20, 20]);
    expect(r.units[0]?.score).toBe(80);
    expect(r.findings.map((f) => [f.code, f.params['id']])).toEqual([
      ['score_weight_missing', '1.01'],
      ['score_weight_missing', '1.02'],
    ]);
  });

  it("an orphaned entry's weight does not make the table weighted", () => {
    const r = score(
      new Map<string, ProgressEntry>([
        ['1.01', { actual: cell(600) }],
        ['9.99', { actual: cell(600, 9, 5), weight: 50 }],
        ['1.02', { actual: cell(300) }],
      ]),
      subs.slice(0, 2),
    );
    expect(r.tasks.map((t) => t.weight)).toEqual([1, 1]);
    // 100 × (1 + 0.6) ÷ 2 = 80.
    expect(r.units[0]?.score).toBe(80);
    expect(r.findings.map((f) => [f.code, f.params['id']])).toEqual([['score_progress_orphan', '9.99']]);
  });
});

describe('escalation settings', () => {
  const overdue = subTask('1.01', [indicator('milestone', null, null, '3月底前完成方案')], {
    units: ['区司法局'],
    deadline: '2024-03-31',
    deadlineText: '3月底前',
  });
  const slow = subTask('2.01', [jobs()], { units: ['区民政局'] });
  const progress = new Map<string, ProgressEntry>([
    ['1.01', { status: textCell('推进中') }],
    ['2.01', { actual: cell(400) }], // 40 % vs 50 % → lagging
  ]);
  const run = (overrides: unknown) =>
    scoreSubTasks({
      asOf: '2024-06-30',
      planYear: 2024,
      settings: resolveSettings(undefined, overrides),
      subTasks: [overdue, slow],
      progress,
    });

  it('overdue tasks are listed by cause; lagging ones only when asked', () => {
    expect(run(undefined).escalate.map((e) => [e.unit, e.tasks.map((t) => t.cause)])).toEqual([
      ['区司法局', ['overdue']],
    ]);
    expect(run({ escalation: { lagging: true } }).escalate.map((e) => e.unit)).toEqual([
      '区司法局',
      '区民政局',
    ]);
    expect(run({ escalation: { overdue: false, severe: false } }).escalate).toEqual([]);
  });

  it('the paragraph names overdue tasks', () => {
    expect(run(undefined).circularZh).toContain('区司法局（1.01逾期未完成）');
  });
});

describe('scoreSubTasks input checks', () => {
  it('throws for misuse only', () => {
    expect(() => scoreSubTasks(input({ asOf: '2024/06/30' }))).toThrow(DubanError);
    expect(() => scoreSubTasks(input({ planYear: 0 }))).toThrow(/plan year/);
    expect(() => scoreSubTasks(input({ settings: { ...resolveSettings(), severeGap: -3 } }))).toThrow(
      /settings\.severeGap/,
    );
    const dup = [...SUBS, subTask('1.01', [jobs()])];
    expect(() => scoreSubTasks(input({ subTasks: dup }))).toThrow(/duplicate sub-task id: 1.01/);
  });

  it('reports ledger ids that do not exist and an as-of outside the plan year', () => {
    const progress = new Map(PROGRESS);
    progress.set('77.01', { actual: cell(5, 40, 5) });
    const r = scoreSubTasks(input({ progress, asOf: '2025-01-15' }));
    expect(r.findings.slice(0, 2)).toEqual([
      {
        code: 'score_as_of_outside_year',
        severity: 'info',
        params: { asOf: '2025-01-15', planYear: 2024, progress: '100%' },
      },
      { code: 'score_progress_orphan', severity: 'info', at: ref(40, 5), params: { id: '77.01' } },
    ]);
  });
});

describe('long lists in the paragraph', () => {
  it('names at most 10 tasks per unit, then 等N项', () => {
    // Eleven sub-tasks of one unit, each 10 % done against 50 % expected: 40 points behind → severe.
    const subs = Array.from({ length: 11 }, (_, i) =>
      subTask(`1.${String(i + 1).padStart(2, '0')}`, [jobs()], { units: ['区水利局'] }),
    );
    const r = scoreSubTasks({
      asOf: '2024-06-30',
      planYear: 2024,
      settings: resolveSettings(),
      subTasks: subs,
      progress: new Map(subs.map((s) => [s.id, { actual: cell(100) }] as const)),
    });
    expect(r.escalate[0]?.tasks).toHaveLength(11);
    expect(r.circularZh).toContain('1.10严重滞后，差40.0个百分点等11项）');
    expect(r.circularZh).not.toContain('1.11严重滞后');
    expect(r.circularEn).toContain('1.10 severely behind, 40.0 points behind; 11 tasks in all)');
  });
});
