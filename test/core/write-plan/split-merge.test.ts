/**
 * planSplit and mergeReturns on a three-task master ledger: 1.01 and 1.02 belong to 区交运局, 2.01 to both
 * 区人社局 and 区财政局. Returns are built from the split plans themselves, then filled in by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Grid, RawCell } from '../../../src/core/grid.ts';
import { findLedgerHeader } from '../../../src/core/ledger/index.ts';
import { sheetDataToGrid } from '../../../src/core/port/memory-workbook.ts';
import { mergeReturns, type ReturnedFile } from '../../../src/core/write-plan/merge-returns.ts';
import type { SheetPlan } from '../../../src/core/write-plan/plan-model.ts';
import { planSplit, safeFileBase } from '../../../src/core/write-plan/plan-split.ts';
import { HEADER } from '../ledger/fixtures.ts';

// Column indexes used below.
const Q2_ACTUAL = 11;
const PROGRESS = 17;
const TARGET = 6;

function row(id: string, unit: string, text: string, target: RawCell, measure: string): RawCell[] {
  const r: RawCell[] = Array<RawCell>(22).fill(null);
  r[0] = id;
  r[1] = unit;
  r[3] = text;
  r[TARGET] = target;
  r[7] = measure;
  return r;
}

const master = sheetDataToGrid({
  name: '任务台账',
  cells: [
    ['2024年重点工作任务台账'],
    HEADER,
    row('1.01', '区交运局', '新改建农村公路40公里', 40, '公里'),
    row('1.02', '区交运局', '建设公交站台20处、候车亭10个', '20、10', '处、个'),
    row('2.01', '区人社局、区财政局', '新增城镇就业7200人', 7200, '人'),
  ],
});
const header = findLedgerHeader(master);
if (!header) throw new Error('no header');

const units = planSplit({ grid: master, header, planYear: 2024, deadline: '2024-07-05' });
const unit = (name: string) => units.find((u) => u.unit === name);

/** The ledger sheet of a unit's plan as the grid a host would read back. */
function ledgerGridOf(sheet: SheetPlan | undefined): RawCell[][] {
  const rows: RawCell[][] = [];
  for (const c of sheet?.cells ?? []) {
    const r = (rows[c.row] ??= []);
    r[c.col] = c.value;
  }
  return Array.from(rows as (RawCell[] | undefined)[], (r) => Array.from(r ?? [], (v) => v ?? null));
}

describe('split', () => {
  it('makes one plan per lead unit, a shared task going to each, with safe file names', () => {
    expect(units.map((u) => [u.unit, u.ids, u.fileName])).toEqual([
      ['区交运局', ['1.01', '1.02'], '2024年重点工作任务台账-区交运局.xlsx'],
      ['区人社局', ['2.01'], '2024年重点工作任务台账-区人社局.xlsx'],
      ['区财政局', ['2.01'], '2024年重点工作任务台账-区财政局.xlsx'],
    ]);
  });

  it('protects the copy, leaves exactly the units’ cells unlocked and validates them', () => {
    const ledger = unit('区交运局')?.plan.sheets.find((s) => s.name === '任务台账');
    expect(ledger?.protect).toBe(true);
    const unlocked = new Set((ledger?.cells ?? []).filter((c) => c.locked === false).map((c) => c.col));
    // 一季度完成值 (J, 9) … 四季度进展状态 (Q, 16) and 进展情况 (R, 17).
    expect([...unlocked].sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const v = ledger?.validations ?? [];
    // Actuals: a number only on the single-value row 1.01 (row 2); 1.02 takes "20、10" (no number rule).
    expect(
      v.filter((x) => x.rule.kind === 'decimal').map((x) => [x.range.left, x.range.top, x.range.bottom]),
    ).toEqual([
      [9, 2, 2],
      [11, 2, 2],
      [13, 2, 2],
      [15, 2, 2],
    ]);
    expect(v.find((x) => x.rule.kind === 'textLength')?.rule).toEqual({ kind: 'textLength', max: 200 });
    expect(v.find((x) => x.rule.kind === 'list')?.range).toEqual({ top: 2, left: 10, bottom: 3, right: 10 });
    expect(ledger?.print).toMatchObject({
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: { first: 1, last: 1 },
    });
  });

  it('carries the instructions with the deadline and the 200-character rule, and the unit mark', () => {
    const plan = unit('区人社局')?.plan;
    const text = (plan?.sheets[0]?.cells ?? []).map((c) => String(c.value)).join('\n');
    expect(plan?.sheets[0]?.name).toBe('填报说明');
    expect(text).toContain('2024-07-05');
    expect(text).toContain('不超过200字');
    expect(plan?.settings?.unitReturn).toEqual({
      unit: '区人社局',
      sheet: '任务台账',
      ids: ['2.01'],
      deadline: '2024-07-05',
    });
  });

  it('makes file names safe on Windows', () => {
    expect(safeFileBase('市生态环境局\n泰山分局')).toBe('市生态环境局 泰山分局');
    expect(safeFileBase('A/B: C?')).toBe('A_B_ C_');
    expect(safeFileBase('CON')).toBe('_CON');
    expect(safeFileBase('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileBase('名称. ')).toBe('名称');
    expect(safeFileBase('...')).toBe('_');
  });
});

function returned(
  name: string,
  file: string,
  mtimeMs: number,
  edit: (cells: RawCell[][]) => void,
): ReturnedFile {
  const plan = unit(name)?.plan;
  const cells = ledgerGridOf(plan?.sheets.find((s) => s.name === '任务台账'));
  edit(cells);
  const ledger: Grid = sheetDataToGrid({ name: '任务台账', cells });
  return { file, mtimeMs, modified: `t${mtimeMs}`, settings: plan?.settings ?? null, ledger };
}

describe('merge', () => {
  const set = (cells: RawCell[][], r: number, c: number, v: RawCell) => {
    const rowCells = cells[r];
    if (rowCells) rowCells[c] = v;
  };
  const returns: ReturnedFile[] = [
    // 区交运局: 1.01 Q2 = 20 with a 201-character text (refused on its own); 1.02's target changed (row refused).
    returned('区交运局', 'jy.xlsx', 100, (c) => {
      set(c, 2, Q2_ACTUAL, 20);
      set(c, 2, PROGRESS, '路'.repeat(201));
      set(c, 3, TARGET, '30、10');
      set(c, 3, Q2_ACTUAL, '15、5');
    }),
    // 区人社局, newer file: 2.01 Q2 = 5100.
    returned('区人社局', 'rs-v2.xlsx', 300, (c) => {
      set(c, 2, Q2_ACTUAL, 5100);
    }),
    // 区人社局, older file: 2.01 Q2 = 5000, and a row of 区交运局's task 1.01 pasted in.
    returned('区人社局', 'rs-v1.xlsx', 200, (c) => {
      set(c, 2, Q2_ACTUAL, 5000);
      c.push(row('1.01', '区交运局', '新改建农村公路40公里', 40, '公里'));
      set(c, 3, Q2_ACTUAL, 99);
    }),
    // A workbook that is not ours (no settings).
    { file: 'other.xlsx', mtimeMs: 50, modified: 't50', settings: null, ledger: master },
  ];
  const result = mergeReturns({ master, header, returns });
  const codes = result.findings.map((f) => [
    f.code,
    f.params['file'] ?? f.params['unit'] ?? f.params['newer'],
  ]);

  it('takes the units’ values by task id; the newer of two returns wins', () => {
    expect(result.updates.map((u) => [u.row, u.col, u.value])).toEqual([
      [2, Q2_ACTUAL, 20],
      [4, Q2_ACTUAL, 5100],
    ]);
  });

  it('reports and refuses each bad case', () => {
    // Applied oldest first: other.xlsx (50), jy.xlsx (100), rs-v1.xlsx (200), rs-v2.xlsx (300).
    expect(codes).toEqual([
      ['merge_not_ours', 'other.xlsx'],
      ['merge_text_too_long', 'jy.xlsx'],
      ['merge_target_changed', 'jy.xlsx'],
      ['merge_other_unit', 'rs-v1.xlsx'],
      ['merge_duplicate_return', '区人社局'],
      ['merge_task_overwritten', 'rs-v2.xlsx'],
      ['merge_not_returned', '区财政局'],
    ]);
    const changed = result.findings.find((f) => f.code === 'merge_target_changed');
    expect(changed?.params).toMatchObject({ id: '1.02', column: '目标值', was: '20、10', now: '30、10' });
    expect(changed?.at).toEqual({ sheet: '任务台账', row: 3, col: TARGET });
    expect(result.findings.find((f) => f.code === 'merge_text_too_long')?.params).toMatchObject({
      length: 201,
      max: 200,
    });
    expect(result.refusedFiles).toEqual(['other.xlsx']);
    expect(result.missingUnits).toEqual([{ unit: '区财政局', tasks: 1 }]);
  });

  it('records the source file of every merged row in the order applied', () => {
    expect(result.merged.map((m) => [m.id, m.file, m.changed])).toEqual([
      ['1.01', 'jy.xlsx', ['L3']],
      ['2.01', 'rs-v1.xlsx', ['L5']],
      ['2.01', 'rs-v2.xlsx', ['L5']],
    ]);
  });
});
