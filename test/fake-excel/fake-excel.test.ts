/**
 * The fake Excel is only worth something if it is as strict as Office.js: these tests prove that it throws
 * where Office.js throws, counts round trips and estimates payloads.
 */
import { describe, expect, it } from 'vitest';
import { sheetDataToGrid } from '../../src/core/port/memory-workbook.ts';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { CONTRACT_WORKBOOK } from '../contract/fixtures.ts';
import { createFakeExcel, FakeOfficeError, isoToSerial, type FakeRequestContext } from './fake-excel.ts';

const SMALL: WorkbookData = {
  sheets: [
    {
      name: '表一',
      cells: [
        ['单位', '截止', '值', '网站'],
        ['区发改局（牵头）', '2024-06-30', { error: '#N/A' }, '泰山区网站'],
        ['区财政局', null, 0.5, null],
      ],
      numberFormats: [
        [null, null, null, null],
        [null, 'yyyy-mm-dd', null, null],
        [null, null, '0%', null],
      ],
      richText: { A2: ['区发改局', '（牵头）'] },
      hyperlinks: { D2: 'https://example.org/taishan' },
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      hiddenRows: [2],
    },
    { name: '空', cells: [] },
    { name: '藏', visibility: 'hidden', cells: [['x']] },
  ],
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return (e as FakeOfficeError).code;
  }
  throw new Error('expected a rejection');
}

function codeOfSync(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect((e as FakeOfficeError).name).toBe('RichApi.Error');
    return (e as FakeOfficeError).code;
  }
  throw new Error('expected a throw');
}

function sheetOf(context: FakeRequestContext, name = '表一') {
  return context.workbook.worksheets.getItem(name);
}

describe('fake Excel: load / sync strictness', () => {
  it('throws PropertyNotLoaded before load, after load without sync, and answers after sync', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      const range = sheetOf(context).getRange('A1:B2');
      // The three reads below are the mistakes Office.js punishes; the office-addins lint rules catch them
      // statically too, so they are silenced here on purpose.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(codeOfSync(() => range.values)).toBe('PropertyNotLoaded');
      range.load('values, address');
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      expect(codeOfSync(() => range.values)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([
        ['单位', '截止'],
        ['区发改局（牵头）', 45473],
      ]);
      expect(range.address).toBe('表一!A1:B2');
      // Loaded and synced is not the same as loaded: rowCount was never asked for.
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(codeOfSync(() => range.rowCount)).toBe('PropertyNotLoaded');
    });
  });

  it('refuses isNullObject before the sync that resolves the object', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('没有');
      const present = context.workbook.worksheets.getItemOrNullObject('表一');
      // eslint-disable-next-line office-addins/call-sync-before-read -- the mistake under test
      expect(codeOfSync(() => missing.isNullObject)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('fails the sync with ItemNotFound for getItem of a missing sheet; finds sheets ignoring case', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Data', cells: [['a']] }] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Nope');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
      const sheet = context.workbook.worksheets.getItem('data');
      sheet.load('name');
      await context.sync();
      expect(sheet.name).toBe('Data');
    });
  });

  it('fails with InvalidObjectPath from a null object; re-evaluates proxies of a failed request', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      const used = sheetOf(context, '空').getUsedRangeOrNullObject(true);
      used.getRow(0).load('values');
      expect(await codeOf(context.sync())).toBe('InvalidObjectPath');
      const bad = context.workbook.worksheets.getItem('没有');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
      bad.getRange('A1').load('values');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
  });

  it('rejects proxies after their Excel.run has finished, but keeps loaded values readable', async () => {
    const fake = createFakeExcel(SMALL);
    const range = await fake.Excel.run(async (context) => {
      const r = sheetOf(context).getRange('A1');
      r.load('values');
      await context.sync();
      return r;
    });
    expect(range.values).toEqual([['单位']]);
    expect(codeOfSync(() => range.load('address'))).toBe('InvalidRequestContext');
    expect(codeOfSync(() => range.getRow(0))).toBe('InvalidRequestContext');
  });

  it('rejects a proxy from another context as an argument', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (a) => {
      const fromA = sheetOf(a).getRange('A1');
      await fake.Excel.run(async (b) => {
        const inB = sheetOf(b).getRange('B2');
        expect(codeOfSync(() => inB.getBoundingRect(fromA))).toBe('InvalidRequestContext');
        await b.sync();
      });
      await a.sync();
    });
  });

  it('insists that the batch returns a promise', async () => {
    const fake = createFakeExcel(SMALL);
    const notAsync = (() => 1) as unknown as (context: FakeRequestContext) => Promise<number>;
    expect(await codeOf(fake.Excel.run(notAsync))).toBe('RunMustReturnPromise');
  });

  it('reads collection items only after load + sync', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(codeOfSync(() => sheets.items)).toBe('PropertyNotLoaded');
      sheets.load('items/name, items/visibility');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['表一', 'Visible'],
        ['空', 'Visible'],
        ['藏', 'Hidden'],
      ]);
      expect(codeOfSync(() => sheets.items[0]?.position)).toBe('PropertyNotLoaded');
    });
  });

  it('fails loads of unknown properties with InvalidArgument', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      sheetOf(context).getRange('A1').load('valuez');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });
});

describe('fake Excel: API sets', () => {
  it('answers isSetSupported from maxExcelApi', () => {
    const old = createFakeExcel(SMALL, { maxExcelApi: '1.8' });
    expect(old.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(old.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(old.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(old.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(old.Office.context.requirements.isSetSupported('DialogApi', '1.1')).toBe(false);
    const current = createFakeExcel(SMALL, { otherSets: { DialogApi: '1.2' } });
    expect(current.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(current.requirements.isSetSupported('DialogApi', '1.1')).toBe(true);
  });

  it('fails the sync with ApiNotFound when code calls a member above the host API set', async () => {
    const fake = createFakeExcel(SMALL, { maxExcelApi: '1.8' });
    await fake.Excel.run(async (context) => {
      sheetOf(context).getRange('A1:D3').getMergedAreasOrNullObject().load('address');
      expect(await codeOf(context.sync())).toBe('ApiNotFound');
    });
    const office2016 = createFakeExcel(SMALL, { maxExcelApi: '1.1' });
    await office2016.Excel.run(async (context) => {
      sheetOf(context).getRange('A1:D3').load('rowHidden');
      expect(await codeOf(context.sync())).toBe('ApiNotFound');
    });
  });
});

describe('fake Excel: cells as Office.js delivers them', () => {
  it('gives errors as strings typed Error, dates as serials, rich text and links as plain text', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      const r = sheetOf(context).getRange('A2:D3');
      r.load('values, valueTypes, numberFormat');
      await context.sync();
      expect(r.values).toEqual([
        ['区发改局（牵头）', 45473, '#N/A', '泰山区网站'],
        ['区财政局', '', 0.5, ''],
      ]);
      expect(r.valueTypes).toEqual([
        ['String', 'Double', 'Error', 'String'],
        ['String', 'Empty', 'Double', 'Empty'],
      ]);
      expect(r.numberFormat).toEqual([
        ['General', 'yyyy-mm-dd', 'General', 'General'],
        ['General', 'General', '0%', 'General'],
      ]);
    });
  });

  it('converts ISO fixture dates to Excel serials (1900 system)', () => {
    expect(isoToSerial('2024-06-30')).toBe(45473);
    expect(isoToSerial('2024-06-30 12:00')).toBe(45473.5);
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('6月底前')).toBeNull();
  });

  it('reports rowHidden as false / true / null (none, all, some hidden)', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      const s = sheetOf(context);
      const none = s.getRange('A1:D2');
      const all = s.getRange('A3:D3');
      const some = s.getRange('A1:D3');
      none.load('rowHidden');
      all.load('rowHidden');
      some.load('rowHidden');
      await context.sync();
      expect([none.rowHidden, all.rowHidden, some.rowHidden]).toEqual([false, true, null]);
    });
  });

  it('finds the used range, A1 for a blank sheet, and a null object from the OrNullObject variant', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'S', cells: [[], [], [null, null, 'x', null], [null, 'y']] },
        { name: 'Blank', cells: [] },
      ],
    });
    await fake.Excel.run(async (context) => {
      const used = sheetOf(context, 'S').getUsedRange(true);
      const blank = sheetOf(context, 'Blank').getUsedRange(true);
      const blankOrNull = sheetOf(context, 'Blank').getUsedRangeOrNullObject(true);
      used.load('address, rowIndex, columnIndex, rowCount, columnCount');
      blank.load('address');
      await context.sync();
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([
        'S!B3:C4',
        2,
        1,
        2,
        2,
      ]);
      expect(blank.address).toBe('Blank!A1');
      expect(blankOrNull.isNullObject).toBe(true);
    });
  });

  it('lists merged areas as RangeAreas, quoting sheet names like Excel', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: '任务 分解表',
          cells: [
            ['t', null, null],
            ['a', 'b', null],
            [null, null, null],
          ],
          merges: [
            { top: 1, left: 0, bottom: 2, right: 0 },
            { top: 0, left: 0, bottom: 0, right: 2 },
          ],
        },
      ],
    });
    await fake.Excel.run(async (context) => {
      const sheet = sheetOf(context, '任务 分解表');
      const merged = sheet.getRange('A1:C3').getMergedAreasOrNullObject();
      const none = sheet.getRange('B2:C3').getMergedAreasOrNullObject();
      merged.load('address, areaCount');
      merged.areas.load('items/rowIndex, items/columnIndex, items/rowCount, items/columnCount');
      none.load('address');
      await context.sync();
      expect(merged.address).toBe("'任务 分解表'!A1:C1,'任务 分解表'!A2:A3");
      expect(merged.areaCount).toBe(2);
      expect(merged.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount])).toEqual([
        [0, 0, 1, 3],
        [1, 0, 2, 1],
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it('fails getMergedAreasOrNullObject over more than 512 merged areas', async () => {
    const merges = Array.from({ length: 513 }, (_, i) => ({
      top: i * 2,
      left: 0,
      bottom: i * 2 + 1,
      right: 0,
    }));
    const fake = createFakeExcel({ sheets: [{ name: 'M', cells: [['x']], merges }] });
    await fake.Excel.run(async (context) => {
      sheetOf(context, 'M').getRange('A:A').getMergedAreasOrNullObject().load('address');
      expect(await codeOf(context.sync())).toBe('GeneralException');
    });
  });
});

describe('fake Excel: round trips and payload', () => {
  it('counts one sync per round trip, none for an empty queue, and the flush at the end of run', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      const r = sheetOf(context).getRange('A1');
      r.load('values');
      await context.sync();
      r.load('address');
      await context.sync();
      sheetOf(context).getRange('B1').load('values'); // left queued: Excel.run sends it
    });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.requests).toHaveLength(3);
    expect(fake.stats.runs).toBe(1);
  });

  it('estimates payload bytes that grow with the values returned and with the operations queued', async () => {
    const cells = Array.from({ length: 1000 }, (_, i) => [`任务${i}`, i]);
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells }] });
    const read = async (address: string): Promise<void> =>
      fake.Excel.run(async (context) => {
        sheetOf(context, 'S').getRange(address).load('values');
        await context.sync();
      });
    await read('A1:B10');
    await read('A1:B1000');
    const [small, large] = fake.stats.requests;
    expect(small && large).toBeTruthy();
    if (!small || !large) return;
    // 990 more rows of at least `["任务99",99]` (12+ UTF-8 bytes each) came back.
    expect(large.responseBytes - small.responseBytes).toBeGreaterThan(990 * 12);
    expect(small.bytes).toBe(small.requestBytes + small.responseBytes);
    // Chinese text counts as UTF-8 (3 bytes a character), not as UTF-16 code units.
    expect(large.responseBytes).toBeGreaterThan(1000 * '["任务0",0]'.length + 1000 * 4);

    fake.resetStats();
    await fake.Excel.run(async (context) => {
      const s = sheetOf(context, 'S');
      for (let i = 0; i < 100; i++) s.getRange(`A${i + 1}`).load('values');
      await context.sync();
    });
    await fake.Excel.run(async (context) => {
      sheetOf(context, 'S').getRange('A1').load('values');
      await context.sync();
    });
    const [many, one] = fake.stats.requests;
    expect(many && one && many.requestBytes > one.requestBytes * 20).toBe(true);
    expect(many?.actions).toBe(1 + 1 + 100 * 2); // worksheets, getItem, then getRange + load per cell
  });

  it('rejects a response over 5 MB with ResponsePayloadSizeLimitExceeded and records the failed round trip', async () => {
    const text = 'x'.repeat(1000);
    const cells = Array.from({ length: 6000 }, () => [text]);
    const fake = createFakeExcel({ sheets: [{ name: 'Big', cells }] });
    const code = await codeOf(
      fake.Excel.run(async (context) => {
        sheetOf(context, 'Big').getRange('A1:A6000').load('values');
        await context.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(fake.stats.requests[0]?.failed).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('refuses to read more than 5,000,000 cells', async () => {
    const fake = createFakeExcel(SMALL);
    await fake.Excel.run(async (context) => {
      sheetOf(context).getRange('1:1000').load('values'); // 1000 × 16,384 cells
      expect(await codeOf(context.sync())).toBe('RangeExceedsLimit');
    });
  });

  it('fails the next round trip with an injected code (cell-edit mode)', async () => {
    const fake = createFakeExcel(SMALL);
    fake.failNextSync('InvalidOperationInCellEditMode');
    await fake.Excel.run(async (context) => {
      const r = sheetOf(context).getRange('A1');
      r.load('values');
      expect(await codeOf(context.sync())).toBe('InvalidOperationInCellEditMode');
      const again = sheetOf(context).getRange('A1');
      again.load('values');
      await context.sync();
      expect(again.values).toEqual([['单位']]);
    });
  });
});

describe('fake Excel: export', () => {
  it('exports the workbook it holds: the contract workbook round-trips to the same grids', () => {
    const fake = createFakeExcel(CONTRACT_WORKBOOK);
    const out = fake.exportData();
    expect(out.active).toBe('任务 分解表');
    expect(out.sheets.map((s) => [s.name, s.visibility])).toEqual(
      CONTRACT_WORKBOOK.sheets.map((s) => [s.name, s.visibility ?? 'visible']),
    );
    out.sheets.forEach((sheet, i) => {
      const original = CONTRACT_WORKBOOK.sheets[i];
      if (!original) throw new Error('sheet count differs');
      expect(sheetDataToGrid(sheet)).toEqual(sheetDataToGrid(original));
      expect(sheet.formulas).toEqual(original.formulas ?? {});
      expect(sheet.hyperlinks).toEqual(original.hyperlinks ?? {});
    });
  });
});
