/**
 * Range.select / Workbook.getSelectedRange and the fake's selection() and onDocumentChange hooks. Expected
 * values are worked out by hand from the fixture below.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { createFakeExcel, FakeOfficeError, type FakeExcel, type FakeRequestContext } from './fake-excel.ts';

const BOOK: WorkbookData = {
  sheets: [
    {
      name: 'Data',
      cells: [
        ['单位', '目标', '状态'],
        ['区发改局', 100, '进展滞后'],
        ['区财政局', 80, '已完成'],
      ],
    },
    { name: 'Other', cells: [['x']] },
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

function sheet(context: FakeRequestContext, name = 'Data') {
  return context.workbook.worksheets.getItem(name);
}

/** Let queued timers and microtasks run (listeners are called after the sync settles). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function selectedAddress(fake: FakeExcel): Promise<string> {
  return fake.Excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    r.load('address');
    await context.sync();
    return r.address;
  });
}

/** A fake and a counter of onDocumentChange calls. */
function counted(): { fake: FakeExcel; calls: () => number } {
  const fake = createFakeExcel(BOOK);
  let n = 0;
  fake.onDocumentChange(() => n++);
  return { fake, calls: () => n };
}

describe('Range.select and Workbook.getSelectedRange', () => {
  it('has nothing selected at first: selection() is null and the selected range is A1 of the active sheet', async () => {
    const fake = createFakeExcel(BOOK);
    expect(fake.selection()).toBeNull();
    expect(await selectedAddress(fake)).toBe('Data!A1');
  });

  it('selects on sync, activates the range’s sheet, and getSelectedRange sees a select queued before it', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      sheet(context, 'Other').getRange('B2:C3').select();
      const selected = context.workbook.getSelectedRange();
      selected.load('address, rowIndex, columnCount');
      // Queued only: nothing happened before the sync.
      expect(fake.selection()).toBeNull();
      expect(fake.snapshot().active).toBe('Data');
      await context.sync();
      expect(selected.address).toBe('Other!B2:C3');
      expect(selected.rowIndex).toBe(1);
      expect(selected.columnCount).toBe(2);
    });
    expect(fake.selection()).toEqual({ sheet: 'Other', address: 'B2:C3' });
    expect(fake.snapshot().active).toBe('Other');
  });

  it('keeps one selection per sheet: activating a sheet shows the selection it had', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      sheet(context, 'Other').getRange('B2:C3').select();
      sheet(context).getCell(2, 1).select();
      await context.sync();
    });
    expect(fake.selection()).toEqual({ sheet: 'Data', address: 'B3' });
    await fake.Excel.run(async (context) => {
      sheet(context, 'Other').activate();
      await context.sync();
    });
    expect(fake.selection()).toEqual({ sheet: 'Other', address: 'B2:C3' });
    expect(await selectedAddress(fake)).toBe('Other!B2:C3');
    // A renamed sheet keeps its selection under the new name.
    await fake.Excel.run(async (context) => {
      sheet(context, 'Other').name = '其他';
      await context.sync();
    });
    expect(fake.selection()).toEqual({ sheet: '其他', address: 'B2:C3' });
  });

  it('refuses to select on a hidden or very hidden sheet with InvalidOperation, leaving the selection', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      sheet(context).getRange('C2').select();
      sheet(context, 'Other').visibility = 'Hidden';
      await context.sync();
      sheet(context, 'Other').getRange('A1').select();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
      sheet(context, 'Other').visibility = 'VeryHidden';
      sheet(context, 'Other').getRange('A1:B2').select();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
    expect(fake.selection()).toEqual({ sheet: 'Data', address: 'C2' });
    expect(fake.snapshot().active).toBe('Data');
    expect(fake.snapshot().sheets[1]?.visibility).toBe('VeryHidden');
  });

  it('selects on a protected sheet (Excel lets the user select locked cells) and whole rows', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      sheet(context).protection.protect();
      sheet(context).getRange('2:3').select();
      await context.sync();
    });
    expect(fake.selection()).toEqual({ sheet: 'Data', address: '2:3' });
  });

  it('fails a select through a proxy of a deleted sheet with ItemNotFound', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      const other = sheet(context, 'Other');
      const cell = other.getRange('A1');
      other.delete();
      await context.sync();
      cell.select();
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
    expect(fake.selection()).toBeNull();
  });

  it('userSelect selects as the user would and refuses a hidden sheet or a bad address', async () => {
    const fake = createFakeExcel(BOOK);
    fake.userSelect('other', 'a1:b2');
    expect(fake.selection()).toEqual({ sheet: 'Other', address: 'A1:B2' });
    expect(fake.snapshot().active).toBe('Other');
    expect(() => {
      fake.userSelect('Data', 'B');
    }).toThrow(/invalid address/);
    await fake.Excel.run(async (context) => {
      sheet(context).visibility = 'Hidden';
      await context.sync();
    });
    expect(() => {
      fake.userSelect('Data', 'A1');
    }).toThrow(/hidden/);
  });
});

describe('onDocumentChange', () => {
  it('is called after a sync that wrote, once per sync, with the change already in place', async () => {
    const fake = createFakeExcel(BOOK);
    const seen: unknown[] = [];
    fake.onDocumentChange(() => seen.push(fake.snapshot().sheets[0]?.values['B2']));
    await fake.Excel.run(async (context) => {
      const r = sheet(context).getRange('B2');
      r.values = [[120]];
      r.format.fill.color = '#FFEB9C';
      await context.sync();
    });
    await settle();
    expect(seen).toEqual([120]);
  });

  it('is not called for syncs that only read or only register event handlers', async () => {
    const { fake, calls } = counted();
    await fake.Excel.run(async (context) => {
      const r = sheet(context).getRange('A1:C3');
      r.load('values');
      await context.sync();
      const handler = sheet(context).onChanged.add(() => Promise.resolve());
      await context.sync();
      handler.remove();
      await context.sync();
    });
    await settle();
    expect(calls()).toBe(0);
  });

  it('is called for a failing request that applied a write first, not for one that applied none', async () => {
    const { fake, calls } = counted();
    fake.failAtWrite(2);
    await fake.Excel.run(async (context) => {
      sheet(context).getRange('A1').values = [['a']];
      sheet(context).getRange('A2').values = [['b']];
      expect(await codeOf(context.sync())).toBe('GeneralException');
    });
    await settle();
    expect(calls()).toBe(1);
    fake.failAtWrite(1);
    fake.failNextSync('InvalidOperationInCellEditMode');
    await fake.Excel.run(async (context) => {
      sheet(context).getRange('A3').values = [['c']];
      // The injected host failure rejects the whole request before any write.
      expect(await codeOf(context.sync())).toBe('InvalidOperationInCellEditMode');
      sheet(context).getRange('A3').values = [['c']];
      // The first write of this request is the one failAtWrite fails.
      expect(await codeOf(context.sync())).toBe('GeneralException');
    });
    await settle();
    expect(calls()).toBe(1);
  });

  it('is called after a select, an activate, adding a sheet, userEdit and userSelect', async () => {
    const { fake, calls } = counted();
    await fake.Excel.run(async (context) => {
      sheet(context).getRange('B2').select();
      await context.sync();
      sheet(context, 'Other').activate();
      await context.sync();
      context.workbook.worksheets.add('新表');
      await context.sync();
    });
    await settle();
    expect(calls()).toBe(3);
    await fake.userEdit('Data', 'C3', '进展滞后');
    await settle();
    expect(calls()).toBe(4);
    fake.userSelect('Data', 'A1');
    await settle();
    expect(calls()).toBe(5);
  });

  it('stops calling a listener once unsubscribed; the same function subscribed twice is two subscriptions', async () => {
    const fake = createFakeExcel(BOOK);
    let n = 0;
    const listener = (): void => {
      n++;
    };
    const first = fake.onDocumentChange(listener);
    const second = fake.onDocumentChange(listener);
    await fake.userEdit('Data', 'A1', 'x');
    await settle();
    expect(n).toBe(2);
    first();
    await fake.userEdit('Data', 'A1', 'y');
    await settle();
    expect(n).toBe(3);
    second();
    second();
    await fake.userEdit('Data', 'A1', 'z');
    await settle();
    expect(n).toBe(3);
  });
});
