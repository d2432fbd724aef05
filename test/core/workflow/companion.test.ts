/**
 * Scoring a ledger beside the responsibility table it was broken down from (companion-fixtures.ts): the table
 * is found in another sheet when its breakdown's ids (1.01 = serial 1, first sentence) carry the ledger's with
 * the same units, and each id names its table row. Row numbers below are absolute 0-based: sheet row 3 is 2.
 */
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../../src/core/port/memory-workbook.ts';
import type { SheetData, WorkbookData } from '../../../src/core/port/workbook-port.ts';
import {
  locateTable,
  scoreWorkbook,
  storedTableSheet,
  type ScoreOptions,
  type ScoreWorkbookResult,
} from '../../../src/core/workflow/index.ts';
import { emptySettings, type DubanSettings } from '../../../src/core/write-plan/owned-settings.ts';
import { CountingPort } from './counting-port.ts';
import { breakdownTable, companionLedger } from './companion-fixtures.ts';
import { TABLE_SHEET, plainSheet, workbook } from './fixtures.ts';

async function score(data: WorkbookData, options: Partial<ScoreOptions> = {}): Promise<ScoreWorkbookResult> {
  return scoreWorkbook(new MemoryWorkbook(data), { asOf: '2024-06-30', today: '2024-07-15', ...options });
}

async function companionOf(data: WorkbookData, options: Partial<ScoreOptions> = {}) {
  const r = await score(data, options);
  if (!r.ok || r.kind !== 'ledger') throw new Error('expected a scored ledger');
  return r.companion;
}

/** A sheet with another name. */
function renamed(sheet: SheetData, name: string): SheetData {
  return { ...sheet, name };
}

describe('the responsibility table beside a scored ledger', () => {
  it('is found in another sheet, each ledger id naming its table row', async () => {
    const r = await score(workbook([breakdownTable(), companionLedger()], '任务台账'));
    if (!r.ok || r.kind !== 'ledger') throw new Error('expected a scored ledger');
    expect(r.sheet).toBe('任务台账');
    expect(r.result.tasks.map((t) => [t.subTask.id, t.status])).toEqual([
      ['1.01', 'on_track'],
      ['1.02', 'lagging'],
      ['2.01', 'severe'],
    ]);
    expect(r.companion?.table.sheet).toBe('分解表');
    expect(r.companion?.table.headerRow).toBe(1);
    expect(r.companion?.grid.sheet).toBe('分解表');
    // 1.01 and 1.02 come from serial 1 on sheet row 3, 2.01 from serial 2 on row 4.
    expect(Object.fromEntries(r.companion?.rowOf ?? [])).toEqual({ '1.01': 2, '1.02': 2, '2.01': 3 });
  });

  it('is found when only half the ledger’s ids are in it with the same units, and then names only those', async () => {
    // Row 2 of the table names 区住建局: 2.01 has another unit there. 1.01 and 1.02 match: 2 of 3 ≥ half.
    const half = await companionOf(
      workbook([companionLedger(), breakdownTable('分解表', ['区人社局', '区住建局'])]),
    );
    expect(Object.fromEntries(half?.rowOf ?? [])).toEqual({ '1.01': 2, '1.02': 2 });
    // Row 1 names 区住建局: only 2.01 matches, 1 of 3 < half.
    const less = await companionOf(
      workbook([companionLedger(), breakdownTable('分解表', ['区住建局', '区交运局'])]),
    );
    expect(less).toBeNull();
  });

  it('is null when the table’s ids are not the ledger’s (another table) or there is no table', async () => {
    // Serials 7 and 8: ids 7.01 and 8.01, none of the ledger's.
    const other: SheetData = {
      name: '完成情况',
      cells: [
        ['2024年重点工作任务完成情况'],
        ['序号', '责任单位', '目标任务', '责任人'],
        [7, '区人社局', '新增城镇就业7200人以上。', '张辉'],
        [8, '区交运局', '新改建“四好农村路”40公里。', '孙大伟'],
      ],
    };
    expect(await companionOf(workbook([companionLedger(), other]))).toBeNull();
    expect(await companionOf(workbook([companionLedger(), plainSheet('封面')]))).toBeNull();
    expect(await companionOf(workbook([companionLedger()]))).toBeNull();
    // TABLE_SHEET (fixtures.ts): serials 1 and 2, one sentence each — 1.01 区人社局 and 2.01 区交运局, 2 of 3.
    expect((await companionOf(workbook([companionLedger(), TABLE_SHEET])))?.rowOf.size).toBe(2);
  });

  it('goes past a table that does not match to one that does', async () => {
    const wrong = renamed(breakdownTable('旧表', ['区住建局', '区住建局']), '旧表');
    const found = await companionOf(workbook([companionLedger(), wrong, breakdownTable()]));
    expect(found?.table.sheet).toBe('分解表');
  });

  it('is never the ledger’s sheet nor one of our own sheets, even a copy under a clash name', async () => {
    for (const name of ['评分排名', '通报', '校验', '通报(2)', '督办助手设置']) {
      const data = workbook([companionLedger(), breakdownTable(name)]);
      expect(await companionOf(data), name).toBeNull();
    }
    // A user's sheet whose name only starts like ours is looked at.
    expect((await companionOf(workbook([companionLedger(), breakdownTable('通报表')])))?.table.sheet).toBe(
      '通报表',
    );
    // The ledger itself is never analysed as the table, even when stored as the table's sheet.
    expect(
      await companionOf(workbook([companionLedger()], '任务台账'), { storedSheet: '任务台账' }),
    ).toBeNull();
  });

  it('prefers the stored sheet over the first visible table', async () => {
    const data = workbook([companionLedger(), breakdownTable('分解表'), breakdownTable('分解表(副本)')]);
    expect((await companionOf(data))?.table.sheet).toBe('分解表');
    expect((await companionOf(data, { storedSheet: '分解表(副本)' }))?.table.sheet).toBe('分解表(副本)');
    // A stored name no sheet has is passed over.
    expect((await companionOf(data, { storedSheet: '不存在' }))?.table.sheet).toBe('分解表');
  });

  it('does not change the scoring: same result and findings with or without the table', async () => {
    const alone = await score(workbook([companionLedger()]));
    const beside = await score(workbook([breakdownTable(), companionLedger()]));
    if (!alone.ok || !beside.ok) throw new Error('not scored');
    const { companion: a, ...withoutA } = alone.kind === 'ledger' ? alone : { ...alone, companion: null };
    const { companion: b, ...withoutB } = beside.kind === 'ledger' ? beside : { ...beside, companion: null };
    expect(a).toBeNull();
    expect(b).not.toBeNull();
    expect(withoutB).toEqual(withoutA);
  });

  it('reads each sheet once', async () => {
    const port = new CountingPort(
      new MemoryWorkbook(workbook([plainSheet('封面'), breakdownTable(), companionLedger()], '封面')),
    );
    const r = await scoreWorkbook(port, { asOf: '2024-06-30', today: '2024-07-01' });
    expect(r.ok && r.kind === 'ledger' && r.companion?.table.sheet).toBe('分解表');
    expect(port.readCounts()).toEqual({ 任务台账: 1, 封面: 1, 分解表: 1 });
  });
});

describe('the table search', () => {
  it('passes over excluded sheets, the active one included', async () => {
    const port = new MemoryWorkbook(workbook([TABLE_SHEET, breakdownTable()], '完成情况'));
    const r = await locateTable(port, { exclude: ['完成情况'] });
    expect(r.ok && r.sheet).toBe('分解表');
    const none = await locateTable(port, { exclude: ['完成情况', '分解表'] });
    expect(none.ok ? null : none.failure.code).toBe('no_table');
  });

  it('the stored table sheet: a block beside the scored sheet, else the prior choice, else the stored sheet', () => {
    const base: DubanSettings = { ...emptySettings(), sheet: '任务台账' };
    expect(storedTableSheet(null)).toBeNull();
    expect(storedTableSheet(base)).toBe('任务台账');
    const prior = { ...base, prior: { ...emptySettings(), sheet: '分解表' } };
    expect(storedTableSheet(prior)).toBe('分解表');
    const block = {
      sheet: '责任表',
      firstCol: 4,
      lastCol: 7,
      headerRow: 1,
      ownsHeader: true,
      firstRow: 2,
      lastRow: 3,
      previousWidths: [null, null, null, null],
    };
    const marked: DubanSettings = {
      ...prior,
      owned: { ...prior.owned, columns: [{ ...block, sheet: '任务台账' }, block] },
    };
    expect(storedTableSheet(marked)).toBe('责任表');
  });
});
