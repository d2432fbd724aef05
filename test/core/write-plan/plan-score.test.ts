/**
 * planScoreWrites on a small long table (the one test/cli/score.test.ts works out by hand) and on a ledger.
 * Statuses as of 2024-06-30 (序时 50 %): 区人社局 4496/7200 on track, 区交运局 8/40 = 20 % severe (30 points
 * behind), 区商务局 6.3 against 6%左右 on track, 区司法局 序时推进 on track.
 */
import { describe, expect, it } from 'vitest';
import { analyzeGrid } from '../../../src/core/analyze.ts';
import { sheetDataToGrid } from '../../../src/core/port/memory-workbook.ts';
import { readTableProgress } from '../../../src/core/progress/index.ts';
import { resolveSettings, scoreSubTasks } from '../../../src/core/score/index.ts';
import { findLedgerHeader, readLedger } from '../../../src/core/ledger/index.ts';
import { planScoreWrites, freeSheetName } from '../../../src/core/write-plan/plan-score.ts';
import { emptySettings } from '../../../src/core/write-plan/owned-settings.ts';
import type { PlanCell } from '../../../src/core/write-plan/plan-model.ts';
import { HEADER } from '../ledger/fixtures.ts';

const grid = sheetDataToGrid({
  name: '完成情况',
  cells: [
    ['2024年重点工作任务完成情况'],
    ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值', '完成率', '进展情况'],
    [1, '区人社局', '新增城镇就业7200人以上', '张辉', 7200, 4496, 0.624, null],
    [2, '区交运局', '新改建“四好农村路”40公里', '孙大伟', 40, 8, 0.25, null],
    [3, '区商务局', '社会消费品零售总额增长6%左右', '孙超', 6, 6.3, null, null],
    [4, '区司法局', '深化企业全生命周期法律服务', '张力', null, null, null, '序时推进'],
  ],
});

function scoredTable() {
  const analysis = analyzeGrid(grid).analysis;
  if (!analysis) throw new Error('no table');
  const tp = readTableProgress(analysis.table, analysis.breakdown, { grid, planYear: 2024 });
  const result = scoreSubTasks({
    asOf: '2024-06-30',
    planYear: 2024,
    settings: resolveSettings(),
    subTasks: tp.subTasks,
    progress: tp.progress,
  });
  return { table: analysis.table, result };
}

const at = (cells: readonly PlanCell[], row: number, col: number) =>
  cells.find((c) => c.row === row && c.col === col);

describe('scoring a responsibility table', () => {
  const { table, result } = scoredTable();
  const plan = planScoreWrites({
    target: { kind: 'table', table },
    result,
    findings: [],
    sheet: { name: '完成情况', lastCol: 7, widths: [6, 12, 40, 8, null, null, null, 20, null, 15] },
    sheetNames: ['完成情况'],
    previous: null,
  });

  it('puts four owned columns right of the last used column H, with our header on the header row', () => {
    const block = plan.columns[0];
    expect(plan.columns).toHaveLength(1);
    expect(block).toMatchObject({
      sheet: '完成情况',
      firstCol: 8,
      lastCol: 11,
      headerRow: 1,
      ownsHeader: true,
    });
    expect(block?.firstRow).toBe(2);
    expect(block?.lastRow).toBe(5);
    // Widths before: I (8) default, J (9) was 15, K and L default: what clear puts back.
    expect(block?.previousWidths).toEqual([null, 15, null, null]);
    const cells = block?.cells ?? [];
    expect([8, 9, 10, 11].map((c) => at(cells, 1, c)?.value)).toEqual(['完成率', '序时进度', '状态', '说明']);
  });

  it('writes completion, time progress and the status word on each task row', () => {
    const cells = plan.columns[0]?.cells ?? [];
    // Row 4 (0-based 3): 区交运局 8 ÷ 40 = 0.2, expected 0.5, severe.
    expect(at(cells, 3, 8)).toMatchObject({ value: 0.2, numberFormat: '0.0%' });
    expect(at(cells, 3, 9)).toMatchObject({ value: 0.5, numberFormat: '0.0%' });
    expect(at(cells, 3, 10)?.value).toBe('严重滞后');
    expect([2, 4, 5].map((r) => at(cells, r, 10)?.value)).toEqual(['序时推进', '序时推进', '序时推进']);
    // 区司法局 reported a status word only: no completion figure.
    expect(at(cells, 5, 8)?.value).toBeNull();
  });

  it('highlights in place with expression rules keyed to the owned status column K over A3:L6', () => {
    const rules = plan.conditionalFormats.flatMap((r) => (r.kind === 'expression' ? [r] : []));
    expect(rules.map((r) => [r.id, r.formula, r.colour])).toEqual([
      ['duban.highlight.severe', '=$K3="严重滞后"', 'red'],
      ['duban.highlight.lagging', '=$K3="进展滞后"', 'yellow'],
      ['duban.highlight.done', '=$K3="已完成"', 'green'],
    ]);
    for (const r of rules) expect(r.range).toEqual({ top: 2, left: 0, bottom: 5, right: 11 });
  });

  it('adds the ranking with a data bar on the score, the circular and the findings sheets', () => {
    expect(plan.sheets.map((s) => [s.name, s.owned])).toEqual([
      ['评分排名', true],
      ['通报', true],
      ['校验', true],
    ]);
    const ranking = plan.sheets[0];
    // Units by rank: three at 100 share rank 1, 区交运局 40 → rank 4.
    const rows = [2, 3, 4, 5].map((r) => [
      at(ranking?.cells ?? [], r, 0)?.value,
      at(ranking?.cells ?? [], r, 1)?.value,
      at(ranking?.cells ?? [], r, 2)?.value,
    ]);
    expect(rows).toEqual([
      [1, '区人社局', 100],
      [1, '区商务局', 100],
      [1, '区司法局', 100],
      [4, '区交运局', 40],
    ]);
    const bar = plan.conditionalFormats.find((r) => r.kind === 'dataBar');
    expect(bar).toMatchObject({ sheet: '评分排名', range: { top: 2, left: 2, bottom: 5, right: 2 } });
    expect(plan.sheets[1]?.print).toMatchObject({ paper: 'A4', fitToWidth: true });
  });

  it('lists everything it owns in the settings, for clear', () => {
    expect(plan.replaceOwned).toBe(true);
    expect(plan.settings?.owned.sheets).toEqual(['评分排名', '通报', '校验', '督办助手设置']);
    expect(plan.settings?.owned.columns[0]).toMatchObject({ sheet: '完成情况', firstCol: 8, lastCol: 11 });
    expect(plan.settings?.owned.rules.map((r) => [r.id, r.ref])).toEqual([
      ['duban.highlight.severe', 'A3:L6'],
      ['duban.highlight.lagging', 'A3:L6'],
      ['duban.highlight.done', 'A3:L6'],
      ['duban.ranking.scoreBar', 'C3:C6'],
    ]);
    expect(plan.settings?.history).toEqual([
      {
        asOf: '2024-06-30',
        units: [
          { name: '区人社局', rank: 1, score: 100 },
          { name: '区商务局', rank: 1, score: 100 },
          { name: '区司法局', rank: 1, score: 100 },
          { name: '区交运局', rank: 4, score: 40 },
        ],
      },
    ]);
  });

  it('avoids the user’s own sheet names and measures movement against the earlier quarter', () => {
    const again = planScoreWrites({
      target: { kind: 'table', table },
      result,
      findings: [],
      sheet: { name: '完成情况', lastCol: 7, widths: [] },
      sheetNames: ['完成情况', '校验'],
      previous: {
        ...emptySettings(),
        history: [{ asOf: '2024-03-31', units: [{ name: '区交运局', rank: 1, score: 100 }] }],
      },
    });
    expect(again.sheets.map((s) => s.name)).toEqual(['评分排名', '通报', '校验(2)']);
    const ranking = again.sheets[0]?.cells ?? [];
    // 区交运局 went from rank 1 to 4: 后移3位; the others were not ranked before.
    expect(at(ranking, 5, 4)?.value).toBe('位次后移3位');
    expect(at(ranking, 2, 4)?.value).toBe('新进入排名');
    expect(again.settings?.history.map((h) => h.asOf)).toEqual(['2024-03-31', '2024-06-30']);
    expect(freeSheetName('校验', ['校验', '校验(2)'])).toBe('校验(3)');
  });
});

describe('scoring a ledger', () => {
  // The ledger's own result columns are S..V (18..21): values go there, our header is not needed.
  const header = [...HEADER];
  const row = (
    id: string,
    unit: string,
    text: string,
    target: number,
    unitOf: string,
    q2: number | null,
    s: string | null,
  ) => {
    const r = Array<string | number | null>(22).fill(null);
    Object.assign(r, { 0: id, 1: unit, 3: text, 6: target, 7: unitOf, 11: q2, 12: s });
    return r;
  };
  const ledgerGrid = sheetDataToGrid({
    name: '任务台账',
    cells: [
      ['2024年重点工作任务台账'],
      header,
      row('1.01', '区交运局', '新改建农村公路40公里', 40, '公里', 8, null),
      row('2.01', '区人社局', '新增城镇就业7200人', 7200, '人', 4496, null),
    ],
  });
  const h = findLedgerHeader(ledgerGrid);
  if (!h) throw new Error('no ledger header');
  const { ledger } = readLedger(ledgerGrid, { asOf: '2024-06-30', planYear: 2024 });
  const result = scoreSubTasks({
    asOf: '2024-06-30',
    planYear: 2024,
    settings: resolveSettings(),
    subTasks: ledger?.subTasks ?? [],
    progress: ledger?.progress ?? new Map(),
  });
  const plan = planScoreWrites({
    target: { kind: 'ledger', header: h },
    result,
    findings: [],
    sheet: { name: '任务台账', lastCol: 21, widths: [] },
    sheetNames: ['任务台账'],
    previous: null,
  });

  it('writes into the ledger’s own result columns without a header of ours', () => {
    expect(plan.columns[0]).toMatchObject({
      firstCol: 18,
      lastCol: 21,
      ownsHeader: false,
      firstRow: 2,
      lastRow: 3,
    });
    const cells = plan.columns[0]?.cells ?? [];
    expect(cells.some((c) => c.row === 1)).toBe(false);
    // 8 ÷ 40 = 20 %: 30 points behind 50 % → severe; 4496 ÷ 7200 = 62.4 % → on track.
    expect(at(cells, 2, 20)?.value).toBe('严重滞后');
    expect(at(cells, 3, 20)?.value).toBe('序时推进');
    const severe = plan.conditionalFormats[0];
    expect(severe?.kind === 'expression' ? severe.formula : '').toBe('=$U3="严重滞后"');
    expect(severe?.range).toEqual({ top: 2, left: 0, bottom: 3, right: 21 });
  });
});
