/**
 * Scoring through the port: ledger or table, the as-of default, the per-call read cache. Expected statuses
 * are worked out by hand (序时 preset: on track at or above 序时进度, severe more than 20 points below):
 * as of 2024-06-30 序时进度 is 6 ÷ 12 = 50 %; 区人社局 4496 ÷ 7200 = 62.4 % → on track (credit 1 → 100);
 * 区交运局 8 ÷ 40 = 20 %, 30 points below → severe (credit 0.2 ÷ 0.5 = 0.4 → 40).
 */
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import { MemoryWorkbook } from '../../../src/core/port/memory-workbook.ts';
import type { WorkbookData } from '../../../src/core/port/workbook-port.ts';
import {
  ReadCache,
  defaultAsOf,
  scoreWorkbook,
  settingsForPreset,
  tidyFindings,
  withReadCache,
  type ScoreOptions,
  type ScoreWorkbookResult,
} from '../../../src/core/workflow/index.ts';
import { makeFinding } from '../../../src/core/findings/catalog.ts';
import { CountingPort } from './counting-port.ts';
import { LEDGER_SHEET, TABLE_SHEET, ledgerSheet, plainSheet, workbook } from './fixtures.ts';

async function score(data: WorkbookData, options: Partial<ScoreOptions> = {}): Promise<ScoreWorkbookResult> {
  return scoreWorkbook(new MemoryWorkbook(data), { asOf: '2024-06-30', today: '2024-07-15', ...options });
}

function statuses(r: ScoreWorkbookResult): [string, string][] {
  if (!r.ok) throw new Error(`not scored: ${r.failure.code}`);
  return r.result.tasks.map((t) => [t.subTask.id, t.status]);
}

describe('what is scored', () => {
  it('scores the ledger sheet when there is one, even when the active sheet holds a table', async () => {
    const r = await score(workbook([TABLE_SHEET, LEDGER_SHEET], '完成情况'));
    expect(r.ok && r.kind).toBe('ledger');
    if (!r.ok || r.kind !== 'ledger') return;
    expect(r.sheet).toBe('任务台账');
    expect(r.headerRow).toBe(1); // header in row 2
    expect(r.subTaskCount).toBe(2);
    expect(r.planYear).toBe(2024); // from the title 2024年重点工作任务台账
    expect(r.target.kind).toBe('ledger');
    expect(r.target.header.sheet).toBe('任务台账');
    expect(statuses(r)).toEqual([
      ['9.01', 'on_track'],
      ['12.01', 'severe'],
    ]);
    expect(r.result.units.map((u) => [u.name, u.score])).toEqual([
      ['区人社局', 100],
      ['区交运局', 40],
    ]);
  });

  it('scores the table from its own columns when no sheet is a ledger', async () => {
    const r = await score(workbook([plainSheet('封面'), TABLE_SHEET]));
    if (!r.ok || r.kind !== 'table') throw new Error('expected a table');
    expect(r.sheet).toBe('完成情况');
    expect(r.layout).toBe('long');
    expect(r.headerRow).toBe(1);
    expect(r.target.table.sheet).toBe('完成情况');
    expect(r.analysis.table.headerRow).toBe(1);
    // Serial 1 and 2, one sub-task each: 1.01 and 2.01.
    expect(statuses(r)).toEqual([
      ['1.01', 'on_track'],
      ['2.01', 'severe'],
    ]);
  });

  it('scores the table the user names even when the workbook has a ledger', async () => {
    const r = await score(workbook([TABLE_SHEET, LEDGER_SHEET]), { sheet: '完成情况' });
    expect(r.ok && r.kind).toBe('table');
  });

  it('takes the active ledger before the first visible one when none is called 任务台账', async () => {
    const data = workbook([TABLE_SHEET, ledgerSheet('一季度'), ledgerSheet('二季度')], '二季度');
    const r = await score(data);
    expect(r.ok && r.sheet).toBe('二季度');
    const first = await score(workbook([TABLE_SHEET, ledgerSheet('一季度'), ledgerSheet('二季度')]));
    // The active sheet defaults to the first visible one, 完成情况, which is no ledger: then 一季度.
    expect(first.ok && first.sheet).toBe('一季度');
  });

  it('looks at a hidden sheet called 任务台账 but not at other hidden ledgers', async () => {
    const hidden = { ...LEDGER_SHEET, visibility: 'hidden' as const };
    const named = await score(workbook([TABLE_SHEET, hidden]));
    expect(named.ok && [named.kind, named.sheet]).toEqual(['ledger', '任务台账']);
    const other = { ...ledgerSheet('旧台账'), visibility: 'hidden' as const };
    const r = await score(workbook([TABLE_SHEET, other]));
    expect(r.ok && r.kind).toBe('table');
  });

  it('resolves the preset by name or alias', async () => {
    const r = await score(workbook([LEDGER_SHEET]), { preset: 'yinchuan' });
    expect(r.ok && r.settings.preset).toBe('银川');
    const chosen = settingsForPreset(null);
    expect(chosen.ok && chosen.settings.preset).toBe('序时');
  });
});

describe('the as-of date', () => {
  it('is the one given, not defaulted', async () => {
    const r = await score(workbook([LEDGER_SHEET]), { asOf: '2024-09-30' });
    expect(r.ok && [r.asOf, r.asOfDefaulted, r.result.timeProgress]).toEqual(['2024-09-30', false, 0.75]);
  });

  it('defaults to today within the plan year', async () => {
    const r = await score(workbook([LEDGER_SHEET]), { asOf: null, today: '2024-05-20' });
    expect(r.ok && [r.asOf, r.asOfDefaulted]).toEqual(['2024-05-20', true]);
  });

  it("defaults to the plan year's last day once the year is over", async () => {
    const r = await score(workbook([TABLE_SHEET]), { asOf: null, today: '2025-03-02' });
    expect(r.ok && [r.asOf, r.asOfDefaulted, r.result.timeProgress]).toEqual(['2024-12-31', true, 1]);
    expect(defaultAsOf('2025-03-02', 2024)).toBe('2024-12-31');
    expect(defaultAsOf('2024-12-31', 2024)).toBe('2024-12-31');
    expect(defaultAsOf('2024-01-01', 2024)).toBe('2024-01-01');
  });

  it('never reads today when the date is given', async () => {
    const r = await score(workbook([LEDGER_SHEET]), { asOf: '2024-06-30', today: 'yesterday' });
    expect(r.ok).toBe(true);
  });
});

describe('the read cache', () => {
  it('reads each sheet once while looking for a ledger and then for a table', async () => {
    // Ledger search: 封面 (active), 完成情况 (visible); table search: 封面 then 完成情况 again — from the cache.
    const port = new CountingPort(new MemoryWorkbook(workbook([plainSheet('封面'), TABLE_SHEET])));
    const r = await scoreWorkbook(port, { asOf: '2024-06-30', today: '2024-07-01' });
    expect(r.ok && r.kind).toBe('table');
    expect(port.readCounts()).toEqual({ 封面: 1, 完成情况: 1 });
    expect([port.listCalls, port.activeCalls]).toEqual([1, 1]);
  });

  it('reads the roster once and never the hidden sheets', async () => {
    const roster = { name: '责任单位名单', cells: [['责任单位'], ['区人社局'], ['区交运局']] };
    const hidden = { ...plainSheet('草稿'), visibility: 'hidden' as const };
    const port = new CountingPort(
      new MemoryWorkbook(workbook([plainSheet('封面'), roster, hidden, TABLE_SHEET])),
    );
    await scoreWorkbook(port, { asOf: '2024-06-30', today: '2024-07-01' });
    expect(port.readCounts()).toEqual({ 封面: 1, 责任单位名单: 1, 完成情况: 1 });
  });

  it('is made afresh for every call, and shared when the caller passes one', async () => {
    const port = new CountingPort(new MemoryWorkbook(workbook([LEDGER_SHEET])));
    await scoreWorkbook(port, { asOf: '2024-06-30', today: '2024-07-01' });
    await scoreWorkbook(port, { asOf: '2024-06-30', today: '2024-07-01' });
    expect(port.readCounts()).toEqual({ 任务台账: 2 });
    const shared = new ReadCache(port);
    expect(withReadCache(shared)).toBe(shared);
    await scoreWorkbook(shared, { asOf: '2024-06-30', today: '2024-07-01' });
    await scoreWorkbook(shared, { asOf: '2024-09-30', today: '2024-07-01' });
    expect(port.readCounts()).toEqual({ 任务台账: 3 });
  });
});

describe('findings', () => {
  it('are tidied: each once, sorted by sheet, row, column and code', () => {
    const at = (row: number, col: number) => ({ sheet: '表', row, col });
    const a = makeFinding('owner_missing', at(4, 3));
    const b = makeFinding('unit_missing', at(2, 1));
    const c = makeFinding('owner_missing', at(2, 3));
    expect(tidyFindings([a, b, c, a])).toEqual([b, c, a]);
  });
});

describe('one fact, one finding', () => {
  it('an over-long progress text of a table is reported once, by the table check, not again by scoring', async () => {
    // 205 ideographs: over the 200-character limit both the table check (progress_too_long) and scoring
    // (score_progress_text_too_long) apply at the same cell, D3.
    const long = '已召开专题调度会议研究解决项目推进中的困难问题'.repeat(9).slice(0, 205);
    const cells: RawCell[][] = [
      ['2024年重点工作任务完成情况'],
      ['序号', '责任单位', '目标任务', '进展情况', '目标值', '完成值'],
      [1, '区人社局', '新增城镇就业7200人以上', long, 7200, 4496],
    ];
    const r = await score(workbook([{ name: '完成情况', cells }]));
    if (!r.ok) throw new Error(`not scored: ${r.failure.code}`);
    const atD3 = r.findings.filter((f) => f.at?.row === 2 && f.at.col === 3).map((f) => f.code);
    expect(atD3).toEqual(['progress_too_long']);
  });
});
