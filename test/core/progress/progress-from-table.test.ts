/**
 * Progress read straight from a responsibility table's own columns: long tables with 目标值 / 完成值 / 完成率
 * / 进展情况, wide tables with indicator groups, total rows. Tables are built by hand here and read by the
 * core's table reader and breakdown; the expected entries are worked out from the cells written below.
 */
import { describe, expect, it } from 'vitest';
import { analyzeGrid } from '../../../src/core/analyze.ts';
import type { CellRange, CellRef, Grid, RawCell } from '../../../src/core/grid.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { progressFromTable, readTableProgress } from '../../../src/core/progress/progress-from-table.ts';

const SHEET = '表1';

function grid(cells: RawCell[][], merges: CellRange[] = [], numberFormats?: (string | null)[][]): Grid {
  return {
    sheet: SHEET,
    origin: { row: 0, col: 0 },
    cells,
    merges,
    ...(numberFormats ? { numberFormats } : {}),
  };
}

/** A1 address on the test sheet: at('E3') → row 2, col 4. */
function at(a1: string): CellRef {
  // Letters then digits: 'E3' ✓, 'AA10' ✓
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(a1);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: SHEET, row: Number(m[2]) - 1, col: col - 1 };
}

function loc(value: RawCell, a1: string): { value: RawCell; at: CellRef; raw: RawCell } {
  return { value, at: at(a1), raw: value };
}

function analyse(g: Grid) {
  const analysis = analyzeGrid(g).analysis;
  if (!analysis) throw new Error('no table');
  return analysis;
}

const LONG: RawCell[][] = [
  ['2024年重点工作完成情况'],
  ['序号', '责任单位', '目标任务', '目标值', '完成值', '完成率', '进展情况', '权重'],
  // Row 3: one sub-task, every column.
  [1, '区人社局', '新增城镇就业7200人以上', 7200, 4496, 0.624, '完成全年计划的62.4%', 10],
  // Row 4: two sub-tasks (split at 。), only the second with a figure.
  [2, '区科技局', '扎实推进“双十工程”。争取市级以上科技项目30项', 30, 14, null, '序时推进', 10],
  // Row 5: two sub-tasks with figures: the actual cannot be assigned.
  [3, '区人社局', '新增城镇就业7200人。开发公益性岗位240人', null, 5000, null, null, null],
];
// F3 shows 62.4% (0.624 formatted as a percentage).
const LONG_FORMATS: (string | null)[][] = [[], [], [null, null, null, null, null, '0.0%', null, null]];

describe('long tables', () => {
  const a = analyse(grid(LONG, [], LONG_FORMATS));
  const tp = readTableProgress(a.table, a.breakdown, { grid: grid(LONG, [], LONG_FORMATS) });

  it('breaks the rows into the sub-tasks the test expects', () => {
    expect(a.breakdown.subTasks.map((s) => [s.id, s.taskRow])).toEqual([
      ['1.01', 2],
      ['2.01', 3],
      ['2.02', 3],
      ['3.01', 4],
      ['3.02', 4],
    ]);
  });

  it('gives a one-sub-task row all its cells, with number formats from the grid', () => {
    expect(tp.progress.get('1.01')).toEqual({
      actual: loc(4496, 'E3'),
      actualFormat: null,
      plan: loc(7200, 'D3'),
      planFormat: null,
      printedRate: loc(0.624, 'F3'),
      printedRateFormat: '0.0%',
      text: { value: '完成全年计划的62.4%', at: at('G3'), raw: '完成全年计划的62.4%' },
      weight: loc(10, 'H3'),
    });
  });

  it('gives the figures of a several-sub-task row to its only quantified sub-task, the text to all', () => {
    const text = { value: '序时推进', at: at('G4'), raw: '序时推进' };
    // The weight 10 is shared by the two sub-tasks: 5 each.
    expect(tp.progress.get('2.01')).toEqual({ text, weight: 5 });
    expect(tp.progress.get('2.02')).toEqual({
      actual: loc(14, 'E4'),
      actualFormat: null,
      plan: loc(30, 'D4'),
      planFormat: null,
      text,
      weight: 5,
    });
    expect(tp.findings.filter((f) => f.code === 'table_progress_actual_assigned')).toEqual([
      {
        code: 'table_progress_actual_assigned',
        severity: 'info',
        at: at('E4'),
        params: { serial: '2', id: '2.02' },
      },
    ]);
  });

  it('reports an actual it cannot assign and gives it to no one', () => {
    expect(tp.progress.has('3.01')).toBe(false);
    expect(tp.progress.has('3.02')).toBe(false);
    expect(tp.findings.filter((f) => f.code === 'table_progress_actual_ambiguous')).toEqual([
      {
        code: 'table_progress_actual_ambiguous',
        severity: 'warning',
        at: at('E5'),
        params: { serial: '3', count: 2 },
      },
    ]);
  });

  it('renders its findings with the task and cell filled in', () => {
    const mine = tp.findings.filter((f) => f.code.startsWith('table_progress_'));
    expect(mine.map((f) => renderFinding(f, 'zh').message)).toEqual([
      '表1!E4：任务 2 有多个子任务，此完成值计入其中唯一含量化指标的子任务 2.02',
      '表1!E5：任务 3 分解出 2 个含量化指标的子任务，此完成值无法确定属于哪一个，未计入评分',
    ]);
    const ambiguous = mine[1];
    if (!ambiguous) throw new Error('no ambiguous-actual finding');
    expect(renderFinding(ambiguous, 'en').message).toBe(
      '表1!E5: task 3 splits into 2 sub-tasks with quantified indicators; this actual cannot be assigned to one of them and is not scored',
    );
  });

  it('returns the same map through progressFromTable', () => {
    expect(progressFromTable(a.table, a.breakdown, { grid: grid(LONG, [], LONG_FORMATS) })).toEqual(
      tp.progress,
    );
  });

  it('reads plain figures in the unit the 完成值 header names', () => {
    const g = grid([
      ['序号', '责任单位', '目标任务', '完成值（亿元）'],
      [1, '区发改局', '完成投资200亿元以上', 90],
    ]);
    const t = analyse(g);
    expect(progressFromTable(t.table, t.breakdown, { grid: g }).get('1.01')?.actualUnit).toBe('亿元');
  });

  it('makes repeated ids unique so that scoring can tell the rows apart', () => {
    const g = grid([
      ['序号', '责任单位', '目标任务', '完成值'],
      [1, '区发改局', '完成投资200亿元以上', 90],
      [1, '区商务局', '外贸进出口额突破88亿元', 41],
    ]);
    const t = analyse(g);
    const p = readTableProgress(t.table, t.breakdown, { grid: g });
    expect(p.subTasks.map((s) => [s.id, s.units])).toEqual([
      ['1.01', ['区发改局']],
      ['1.01-2', ['区商务局']],
    ]);
    expect(p.progress.get('1.01-2')?.actual).toEqual({
      value: 41,
      at: { sheet: SHEET, row: 2, col: 3 },
      raw: 41,
    });
  });
});

// A two-level wide table: a row per district, 城镇新增就业 and 新增技能人才 each with 目标任务 / 进度 / 完成比例.
const WIDE: RawCell[][] = [
  ['2024年各区重点指标完成情况'],
  ['序号', '县（市、区）', '城镇新增就业（人）', null, null, '新增技能人才（人）', null, null],
  [null, null, '目标任务', '进度', '完成比例', '目标任务', '进度', '完成比例'],
  [null, '全市', 7200, 4496, '62.4%', 2700, 1500, '55.6%'],
  [1, '泰山区', 4000, 2500, '62.5%', 1500, 900, '60%'],
  [2, '岱岳区', 3200, 1996, '62.4%', 1200, 420, '35%'],
];
const WIDE_MERGES: CellRange[] = [
  { top: 0, left: 0, bottom: 0, right: 7 },
  { top: 1, left: 0, bottom: 2, right: 0 },
  { top: 1, left: 1, bottom: 2, right: 1 },
  { top: 1, left: 2, bottom: 1, right: 4 },
  { top: 1, left: 5, bottom: 1, right: 7 },
];

describe('wide tables', () => {
  const g = grid(WIDE, WIDE_MERGES);
  const a = analyse(g);
  const tp = readTableProgress(a.table, a.breakdown, { grid: g });

  it('makes each unit × group one sub-task with plan, actual and printed rate in the group unit', () => {
    expect(tp.progress.get('1.01')).toEqual({
      actual: loc(2500, 'D5'),
      actualFormat: null,
      plan: loc(4000, 'C5'),
      planFormat: null,
      printedRate: loc('62.5%', 'E5'),
      printedRateFormat: null,
      actualUnit: '人',
    });
    expect(tp.progress.get('2.02')?.actual).toEqual(loc(420, 'G6'));
  });

  it('breaks total rows down into sub-tasks of their own, named after the row, and lists them as totals', () => {
    expect(tp.totalSubTasks.map((s) => [s.id, s.units, s.text, s.taskRow])).toEqual([
      ['全市.01', ['全市'], '城镇新增就业', 3],
      ['全市.02', ['全市'], '新增技能人才', 3],
    ]);
    expect(tp.totals).toEqual({ units: ['全市'], rows: [3] });
    expect(tp.progress.get('全市.01')?.actual).toEqual(loc(4496, 'D4'));
    expect(tp.subTasks.map((s) => s.id)).toEqual(['1.01', '1.02', '2.01', '2.02', '全市.01', '全市.02']);
  });
});
