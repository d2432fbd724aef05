/** Finding and analysing the table: which sheet, the roster, the user's plan year and column mapping. */
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../../src/core/port/memory-workbook.ts';
import { breakdownWorkbook, locateTable } from '../../../src/core/workflow/index.ts';
import { planBreakdownWrites } from '../../../src/core/write-plan/plan-breakdown.ts';
import { CountingPort } from './counting-port.ts';
import { LEDGER_SHEET, TABLE_SHEET, plainSheet, tableSheet, workbook } from './fixtures.ts';

describe('locateTable', () => {
  it('reads the active sheet when it holds a table, and nothing else', async () => {
    const port = new CountingPort(
      new MemoryWorkbook(workbook([plainSheet('封面'), TABLE_SHEET], '完成情况')),
    );
    const r = await locateTable(port);
    expect(r.ok && [r.sheet, r.analysis.table.headerRow, r.analysis.breakdown.subTasks.length]).toEqual([
      '完成情况',
      1,
      2,
    ]);
    expect(port.readCounts()).toEqual({ 完成情况: 1 });
  });

  it('goes on to the first other visible sheet holding a table', async () => {
    const hidden = { ...tableSheet('隐藏表'), visibility: 'hidden' as const };
    const data = workbook([plainSheet('封面'), hidden, tableSheet('表一'), tableSheet('表二')]);
    const r = await locateTable(new MemoryWorkbook(data));
    expect(r.ok && r.sheet).toBe('表一');
  });

  it('reads only the named sheet when the user names one', async () => {
    const port = new CountingPort(new MemoryWorkbook(workbook([tableSheet('表一'), tableSheet('表二')])));
    const r = await locateTable(port, { sheet: '表二' });
    expect(r.ok && r.sheet).toBe('表二');
    expect(port.readCounts()).toEqual({ 表二: 1 });
  });

  it('checks the units against the roster sheet', async () => {
    // 区交运局 is not on the roster: a finding at its cell B4.
    const roster = { name: '责任单位名单', cells: [['责任单位'], ['区人社局']] };
    const r = await locateTable(new MemoryWorkbook(workbook([TABLE_SHEET, roster])));
    if (!r.ok) throw new Error('expected a table');
    const atB4 = r.findings.filter((f) => f.at?.row === 3 && f.at.col === 1).map((f) => f.code);
    expect(atB4).toContain('unit_not_in_roster');
  });

  it("uses the user's plan year when the title has none", async () => {
    const data = workbook([tableSheet('完成情况', '重点工作任务完成情况')]);
    const without = await locateTable(new MemoryWorkbook(data));
    expect(without.ok && without.analysis.breakdown.planYear).toBe(null);
    const given = await locateTable(new MemoryWorkbook(data), { planYear: 2025 });
    expect(given.ok && given.analysis.breakdown.planYear).toBe(2025);
  });

  it("applies the user's column mapping", async () => {
    // Saying the table has no 责任人 column: D is no longer read as the owner.
    const r = await locateTable(new MemoryWorkbook(workbook([TABLE_SHEET])), { override: { owner: null } });
    expect(r.ok && r.analysis.table.columns.map((c) => c.role)).not.toContain('owner');
  });

  it('reports the analyse step once', async () => {
    const steps: string[] = [];
    await locateTable(new MemoryWorkbook(workbook([plainSheet('封面'), TABLE_SHEET])), {
      onStep: (s) => steps.push(s),
    });
    expect(steps).toEqual(['analyse']);
  });
});

describe('breakdownWorkbook', () => {
  it('lays out the ledger and gives the sheet names so the new sheet does not clash', async () => {
    const r = await breakdownWorkbook(new MemoryWorkbook(workbook([TABLE_SHEET, LEDGER_SHEET])));
    if (!r.ok) throw new Error('expected a breakdown');
    expect(r.sheet).toBe('完成情况');
    expect(r.sheetNames).toEqual(['完成情况', '任务台账']);
    expect(r.ledger.rows.length).toBe(2);
    // The ledger sheet is called 任务台账; that name is taken, so the plan adds 任务台账(2).
    expect(planBreakdownWrites(r.ledger, r.sheetNames).sheets[0]?.name).toBe('任务台账(2)');
  });
});
