/**
 * `duban score`: the sample ledger, a long table with target and actual columns, a wide/matrix table, the
 * presets, the default as-of date and the workbooks that cannot be scored. Expected figures are worked out by
 * hand in the comments (序时 preset: lagging below time progress, severe more than 20 points below; credit =
 * completion ÷ expected, capped at 1; a unit's score is the mean credit × 100).
 */
import { describe, expect, it } from 'vitest';
import { defaultAsOf } from '../../src/cli/command-score.ts';
import type { ScoreJson } from '../../src/cli/score-report.ts';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { run, tempDir, writeWorkbook } from './cli-helpers.ts';

const SAMPLE = 'seeds/taishan-2024-ledger-q2.xlsx';

async function scoreJson(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ScoreJson> {
  const r = await run(['score', ...argv, '--json'], options);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as ScoreJson;
}

describe('the sample ledger as of 2024-06-30', async () => {
  const doc = await scoreJson([SAMPLE, '--as-of', '2024-06-30']);
  const task = (id: string) => doc.tasks.find((t) => t.id === id);
  const unit = (name: string) => doc.units.find((u) => u.name === name);

  it('reports the date and time progress as ratios and names the ledger sheet', () => {
    expect(doc.asOf).toBe('2024-06-30');
    expect(doc.timeProgress).toBe(0.5); // 6 of 12 months
    expect(doc.table.sheet).toBe('任务台账');
    expect(doc.table.layout).toBe('ledger');
    expect(doc.table.headerRow).toBe(2);
    expect(doc.table.columns['id']).toBe('任务台账!A2');
    expect(doc.table.columns['q2Actual']).toBe('任务台账!L2');
  });

  it('shows every status', () => {
    expect(new Set(doc.tasks.map((t) => t.status))).toEqual(
      new Set(['done', 'on_track', 'lagging', 'severe', 'unscored']),
    );
  });

  it('scores quantified sub-tasks from the second-quarter figures', () => {
    // 9.01 新增城镇就业7200人以上, Q2 4496: 4496 ÷ 7200 = 0.6244 ≥ 0.5 → on track. Row 45: 42 sub-tasks
    // (1.x 16, 2.x 3, 3.x 7, 4.x 3, 5.x 7, 6.x 3, 7.x 1, 8.x 2) come before it from row 3.
    expect(task('9.01')).toMatchObject({
      unit: '区人社局',
      owner: '张  辉',
      status: 'on_track',
      expected: 0.5,
      cell: '任务台账!L45',
    });
    expect(task('9.01')?.completion).toBeCloseTo(4496 / 7200, 10);
    // 1.15 "70、90" against 120个 / 200亿元: 90 ÷ 200 = 0.45 < 0.5 decides → lagging.
    expect(task('1.15')?.status).toBe('lagging');
    expect(task('1.15')?.completion).toBeCloseTo(0.45, 10);
    expect(task('1.15')?.indicators.map((i) => [i.value, i.unit])).toEqual([
      [120, '个'],
      [20_000_000_000, '元'],
    ]);
    // 30.07 不良贷款率 ≤0.9%, actual 1.1%: attainment 2 − 1.1 ÷ 0.9 = 0.7778, 22.2 points short → severe.
    expect(task('30.07')?.status).toBe('severe');
    expect(task('30.07')?.completion).toBeCloseTo(2 - 1.1 / 0.9, 10);
    // 20.01 新增AA主体信用评级企业1家, actual 1 → done.
    expect(task('20.01')).toMatchObject({ status: 'done', completion: 1 });
  });

  it('scores status words and leaves blank rows unscored', () => {
    expect(task('46.01')).toMatchObject({ status: 'severe', completion: null }); // 严重滞后
    expect(task('5.07')).toMatchObject({ status: 'done', completion: null }); // 已完成
    expect(task('1.10')).toMatchObject({ status: 'unscored', completion: null }); // nothing reported
    expect(task('1.10')?.explanation).toBe('未评分：未填报完成值或进展状态');
  });

  it('ranks units with ties and lists praise and escalation', () => {
    // 区国资局: its only sub-task is done → 100, rank 1 (shared).
    expect(unit('区国资局')).toEqual({
      name: '区国资局',
      owners: ['谢中全'],
      score: 100,
      rank: 1,
      status: 'done',
      tasks: 1,
      lagging: 0,
    });
    // 53 units; only 泰山经济开发区 (暂停, credit 0) and 中南财源门专班 (严重滞后, credit 0) score 0, so both
    // share rank 53 − 2 + 1 = 52.
    expect(unit('中南财源门专班')).toMatchObject({
      score: 0,
      rank: 52,
      status: 'severe',
      tasks: 1,
      lagging: 1,
    });
    expect(unit('泰山经济开发区')).toMatchObject({ score: 0, rank: 52, status: 'lagging', lagging: 1 });
    expect(doc.units).toHaveLength(53);
    expect(doc.praise).toContain('区国资局');
    expect(doc.praise).not.toContain('区政务公开服务中心'); // 51.02 unscored: not every sub-task on track
    expect(doc.escalate).toEqual(expect.arrayContaining(['中南财源门专班', '区财政局', '区交运局']));
    expect(doc.escalate).not.toContain('区国资局');
  });

  it('reports findings with their cells', () => {
    // 14.02 (row 67): status 已完成 but 18.6 of 19万亩 is 97.9 %.
    expect(doc.findings).toContainEqual({
      severity: 'warning',
      code: 'score_status_contradicts_actual',
      cell: '任务台账!M67',
      message: '任务台账!M67 填报状态为“已完成”，但按完成值计算完成率为 97.9%',
    });
  });
});

describe('the readable report', () => {
  it('prints the ranking, the counts and the circular paragraph', async () => {
    const r = await run(['score', SAMPLE, '--as-of', '2024-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('截至 2024-06-30，序时进度 50.0%，评分规则：序时。');
    // One ranking line: '    52  中南财源门专班          0.00  严重滞后         1' ✓; rank 51 or score 0.5 ✗
    expect(r.stdout).toMatch(/\n\s+52 {2}中南财源门专班\s+0\.00 {2}严重滞后\s+1\n/);
    // Done: 5.07, 11.04, 14.04, 15.11, 19.04, 20.01, 23.01, 36.02, 41.01, 45.01.
    expect(r.stdout).toContain('已完成10项');
    expect(r.stdout).toContain('截至2024年6月30日，全区53个责任单位承担的161项重点任务中');
    expect(r.stdout).not.toContain('（未指定 --as-of');
  });

  it('speaks English with --lang en and still gives the Chinese paragraph', async () => {
    const r = await run(['score', SAMPLE, '--as-of', '2024-06-30', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('As of 2024-06-30, time progress 50.0%, scoring preset 序时.');
    // '    52  中南财源门专班          0.00  severe           1' ✓; the Chinese status word ✗
    expect(r.stdout).toMatch(/\n\s+52 {2}中南财源门专班\s+0\.00 {2}severe\s+1\n/);
    expect(r.stdout).toContain('截至2024年6月30日');
  });
});

describe('presets and the as-of date', () => {
  it('scores with a named preset and exits 2 for an unknown one, listing the presets', async () => {
    // 银川: lagging only from 10 points below. 1.15's 45 % is 5 points below 50 % → on track there.
    const doc = await scoreJson([SAMPLE, '--as-of', '2024-06-30', '--preset', 'yinchuan']);
    expect(doc.tasks.find((t) => t.id === '1.15')?.status).toBe('on_track');
    const r = await run(['score', SAMPLE, '--preset', '北京']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的评分规则预设“北京”');
    expect(r.stderr).toContain('银川');
    expect(r.stderr).toContain('三亚');
    expect(r.stdout).toBe('');
  });

  it('defaults to today, but not after the end of the plan year, and says so', async () => {
    expect(defaultAsOf('2024-05-20', 2024)).toBe('2024-05-20');
    expect(defaultAsOf('2025-03-02', 2024)).toBe('2024-12-31');
    const late = await scoreJson([SAMPLE], { env: { DUBAN_TODAY: '2025-03-02' } });
    expect(late.asOf).toBe('2024-12-31');
    expect(late.timeProgress).toBe(1);
    const text = await run(['score', SAMPLE], { env: { DUBAN_TODAY: '2024-05-20' } });
    expect(text.stdout).toContain('（未指定 --as-of：取今天与计划年度末中较早的日期 2024-05-20。）');
  });
});

// A long table whose rows carry 目标值 / 完成值 / 完成率 / 进展情况.
const LONG: WorkbookData = {
  sheets: [
    {
      name: '完成情况',
      cells: [
        ['2024年重点工作任务完成情况'],
        ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值', '完成率', '进展情况'],
        [1, '区人社局', '新增城镇就业7200人以上', '张辉', 7200, 4496, 0.624, null],
        [2, '区交运局', '新改建“四好农村路”40公里', '孙大伟', 40, 8, 0.25, null],
        [3, '区商务局', '社会消费品零售总额增长6%左右', '孙超', 6, 6.3, null, null],
        [4, '区司法局', '深化企业全生命周期法律服务', '张力', null, null, null, '序时推进'],
      ],
      numberFormats: [
        [],
        [],
        [null, null, null, null, null, null, '0.0%'],
        [null, null, null, null, null, null, '0.0%'],
      ],
    },
  ],
};

describe('a long table with target and actual columns', async () => {
  const dir = tempDir();
  await writeWorkbook(dir, 'long.xlsx', LONG);

  it('scores each row and ranks the units', async () => {
    const doc = await scoreJson(['long.xlsx', '--as-of', '2024-06-30'], { cwd: dir });
    expect(doc.table).toMatchObject({ sheet: '完成情况', layout: 'long', headerRow: 2 });
    // 区人社局 4496 ÷ 7200 = 0.6244 → on track, credit 1 → 100.
    // 区交运局 8 ÷ 40 = 0.2, 30 points below 50 % → severe, credit 0.2 ÷ 0.5 = 0.4 → 40.
    // 区商务局 6.3 against 6%左右 (counted from 5.5): 6.3 ÷ 5.5 = 1.145 → meets it so far, credit 1 → 100.
    // 区司法局 序时推进 → on track, credit 1 → 100.
    expect(doc.tasks.map((t) => [t.id, t.status, t.cell])).toEqual([
      ['1.01', 'on_track', '完成情况!F3'],
      ['2.01', 'severe', '完成情况!F4'],
      ['3.01', 'on_track', '完成情况!F5'],
      ['4.01', 'on_track', '完成情况!H6'],
    ]);
    expect(doc.tasks[1]?.completion).toBeCloseTo(0.2, 10);
    expect(doc.tasks[2]?.completion).toBeCloseTo(6.3 / 5.5, 10);
    expect(doc.units.map((u) => [u.name, u.score, u.rank, u.status, u.lagging])).toEqual([
      ['区人社局', 100, 1, 'on_track', 0],
      ['区商务局', 100, 1, 'on_track', 0],
      ['区司法局', 100, 1, 'on_track', 0],
      ['区交运局', 40, 4, 'severe', 1],
    ]);
    expect(doc.praise).toEqual(['区人社局', '区商务局', '区司法局']);
    expect(doc.escalate).toEqual(['区交运局']);
    // G4 prints 25.0 % where 8 ÷ 40 is 20.0 %; G3's 62.4 % agrees with 62.44 %.
    expect(doc.findings.filter((f) => f.code === 'score_printed_rate_mismatch').map((f) => f.cell)).toEqual([
      '完成情况!G4',
    ]);
  });

  it('explains in English with --lang en', async () => {
    const doc = await scoreJson(['long.xlsx', '--as-of', '2024-06-30', '--lang', 'en'], { cwd: dir });
    expect(doc.tasks[1]?.explanation).toContain('completion 20.0%');
    expect(doc.tasks[1]?.status).toBe('severe');
  });
});

// A wide/matrix table: a row per district, two indicator groups of 目标任务 / 进度 / 完成比例, a 全市 total.
const WIDE: WorkbookData = {
  sheets: [
    {
      name: '指标',
      cells: [
        ['2024年各区重点指标完成情况'],
        ['序号', '县（市、区）', '城镇新增就业（人）', null, null, '新增技能人才（人）', null, null],
        [null, null, '目标任务', '进度', '完成比例', '目标任务', '进度', '完成比例'],
        [null, '全市', 7200, 4496, '62.4%', 2700, 1500, '55.6%'],
        [1, '泰山区', 4000, 2500, '62.5%', 1500, 900, '60%'],
        [2, '岱岳区', 3200, 1996, '62.4%', 1200, 420, '35%'],
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 7 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 1, right: 7 },
      ],
    },
  ],
};

describe('a wide/matrix table', async () => {
  const dir = tempDir();
  await writeWorkbook(dir, 'wide.xlsx', WIDE);

  it('ranks its units and never ranks the 全市 row', async () => {
    const doc = await scoreJson(['wide.xlsx', '--as-of', '2024-06-30'], { cwd: dir });
    expect(doc.table).toMatchObject({ sheet: '指标', layout: 'wide', headerRow: 2 });
    // 泰山区: 2500 ÷ 4000 = 0.625 and 900 ÷ 1500 = 0.6, both ≥ 0.5 → credit 1, 1 → 100.
    // 岱岳区: 1996 ÷ 3200 = 0.624 → 1; 420 ÷ 1200 = 0.35, 15 points below → lagging, credit 0.7 → 85.
    // 全市: 4496 ÷ 7200 and 1500 ÷ 2700 both above 50 % → 100, but a total: no rank.
    expect(doc.units.map((u) => [u.name, u.score, u.rank, u.status])).toEqual([
      ['泰山区', 100, 1, 'on_track'],
      ['岱岳区', 85, 2, 'lagging'],
      ['全市', 100, null, 'on_track'],
    ]);
    expect(doc.tasks.find((t) => t.id === '2.02')).toMatchObject({ status: 'lagging', cell: '指标!G6' });
    expect(doc.tasks.find((t) => t.id === '2.02')?.completion).toBeCloseTo(0.35, 10);
    expect(doc.tasks.filter((t) => t.unit === '全市').map((t) => t.id)).toEqual(['全市.01', '全市.02']);
  });

  it('prints the total below the ranking without a rank', async () => {
    const r = await run(['score', 'wide.xlsx', '--as-of', '2024-06-30'], { cwd: dir });
    expect(r.code).toBe(0);
    // '     —  全市（合计，不排名）    100.00' ✓; a numbered rank before 全市 ✗
    expect(r.stdout).toMatch(/\n\s+— {2}全市（合计，不排名）\s+100\.00/);
    expect(r.stdout).toContain('责任单位2个，子任务4项');
  });
});

describe('workbooks that cannot be scored', () => {
  it('exits 1 for the seed table, which has no progress columns, naming the sheet and header cell', async () => {
    const r = await run(['score', 'seeds/taishan-2024.xlsx', '--as-of', '2024-06-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('工作表“分解表”的分解表（表头 分解表!A3）中没有完成值、完成率或进展情况列');
  });

  it('exits 1 for a ledger whose plan year cannot be told, and scores it with --plan-year', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'ledger.xlsx', {
      sheets: [
        {
          name: '任务台账',
          cells: [
            [
              '编号',
              '责任单位',
              '责任人',
              '子任务',
              '一季度完成值',
              '一季度进展状态',
              '二季度完成值',
              '二季度进展状态',
            ],
            ['1.01', '区司法局', '张力', '深化企业全生命周期法律服务', null, '推进中', null, '序时推进'],
          ],
        },
      ],
    });
    const r = await run(['score', 'ledger.xlsx', '--as-of', '2024-06-30'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法确定工作表“任务台账”的计划年度（任务台账!A1）');
    const doc = await scoreJson(['ledger.xlsx', '--as-of', '2024-06-30', '--plan-year', '2024'], {
      cwd: dir,
    });
    expect(doc.tasks.map((t) => [t.id, t.status, t.cell])).toEqual([['1.01', 'on_track', '任务台账!H2']]);
  });

  it('exits 2 for a plan year the core rejects, without an internal error', async () => {
    const r = await run(['score', SAMPLE, '--plan-year', '1800', '--as-of', '2024-06-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('参数有误');
  });
});
