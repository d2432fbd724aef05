/** The session's other calls over the fake: overview, inspect, saveChoice, select, and problems as values. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { SEEDS, sessionOver, xlsxData } from './session-fixtures.ts';

describe('overview', () => {
  it('lists the sheets and, after a score, the stored settings and marks', async () => {
    const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx')));
    const session = sessionOver(fake);
    expect(await session.overview()).toEqual({
      sheets: [
        { name: '任务台账', visible: true },
        { name: '说明', visible: true },
      ],
      activeSheet: '任务台账',
      stored: null,
      hasOwnedMarks: false,
    });
    await session.score({ preset: '银川' }, true);
    const after = await session.overview();
    expect(after.stored).toMatchObject({
      sheet: '任务台账',
      planYear: 2024,
      asOf: '2024-06-30',
      preset: '银川',
    });
    expect(after.hasOwnedMarks).toBe(true);
    expect(after.sheets.find((s) => s.name === '督办助手设置')?.visible).toBe(false);
  });
});

describe('inspect', () => {
  it('finds the seed table and lists its header cells', async () => {
    const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024.xlsx')));
    const out = await sessionOver(fake).inspect({});
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.sheet).toBe('分解表');
    expect(out.headers.map((h) => h.col)).toEqual([0, 1, 2, 3]);
    expect(out.headers[1]?.text).toBe('责任单位');
    // Reading writes nothing.
    expect(fake.stats.requests.every((r) => r.failed === undefined)).toBe(true);
  });

  it('returns a problem naming the sheet when there is no table', async () => {
    const fake = createFakeExcel({ sheets: [{ name: '杂项', cells: [['随便写点']] }] });
    const out = await sessionOver(fake).inspect({});
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problem.code).toBe('no_table');
    expect(out.problem.message).toContain('杂项');
  });
});

describe('saveChoice', () => {
  it('stores the choices without scoring; clear keeps them (nothing of ours to remove)', async () => {
    const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024.xlsx')));
    const before = fake.snapshot();
    const session = sessionOver(fake);
    await session.saveChoice({ sheet: '分解表', planYear: 2024, preset: '三亚', mapping: { unit: 1 } });
    const overview = await session.overview();
    expect(overview.stored).toEqual({
      sheet: '分解表',
      planYear: 2024,
      asOf: null,
      preset: '三亚',
      mapping: { unit: 1 },
    });
    // Saved choices are no marks: 清除 has nothing to do.
    expect(overview.hasOwnedMarks).toBe(false);
    const chosen = fake.snapshot();
    expect(chosen.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), '督办助手设置']);
    expect(await session.clear()).toMatchObject({ sheets: [], columns: 0, rules: 0, hadMarks: false });
    expect(fake.snapshot()).toEqual(chosen);
  });
});

describe('select', () => {
  it('brings the sheet of a cell to the front and selects the cell', async () => {
    const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx')));
    await sessionOver(fake).select('说明!A3');
    expect(fake.snapshot().active).toBe('说明');
    expect(fake.selection()).toEqual({ sheet: '说明', address: 'A3' });
  });

  it('selects on the active sheet when the cell names no sheet', async () => {
    const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx')));
    const active = fake.snapshot().active;
    await sessionOver(fake).select('C7');
    expect(fake.selection()).toEqual({ sheet: active, address: 'C7' });
  });
});
