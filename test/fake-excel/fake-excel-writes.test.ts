/**
 * The write half of the fake Excel: every member the writer may call, checked as strictly as Office.js
 * checks it, plus the test hooks (failAtWrite, userEdit, snapshot). Expected values are worked out by hand
 * from the fixture below.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import {
  createFakeExcel,
  FakeNotModelledError,
  FakeOfficeError,
  type FakeExcelOptions,
  type FakeRequestContext,
  type FakeWorksheetChangedEventArgs,
} from './fake-excel.ts';

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

function fakeOf(options: FakeExcelOptions = {}, data: WorkbookData = BOOK) {
  return createFakeExcel(data, options);
}

function data(context: FakeRequestContext, name = 'Data') {
  return context.workbook.worksheets.getItem(name);
}

describe('fake Excel writes: values and number formats', () => {
  it('queues writes until sync, applies them in order with reads, and leaves null entries alone', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const r = data(context).getRange('B2:C3');
      r.values = [
        [1, null],
        ['', 'x'],
      ];
      // Nothing reached the host before the sync.
      expect(fake.snapshot().sheets[0]?.values['B2']).toBe(100);
      r.load('values');
      await context.sync();
      // B2 1, C2 unchanged (null), B3 emptied, C3 'x'.
      expect(r.values).toEqual([
        [1, '进展滞后'],
        ['', 'x'],
      ]);
    });
  });

  it('refuses an array of the wrong shape (and a scalar) with InvalidArgument', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      data(context).getRange('A1:B2').values = [[1, 2]];
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      data(context).getRange('A1:B2').numberFormat = [['0%'], ['0%']];
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      (data(context).getRange('A1') as unknown as { values: unknown }).values = 5;
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
    expect(fake.snapshot().sheets[0]?.values['A1']).toBe('单位');
  });

  it('parses text like typed input unless the cell is formatted as text first', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      sheet.getRange('E1:E2').numberFormat = [['@'], ['@']];
      sheet.getRange('E1:E2').values = [['=SUM(A1)'], ['007']];
      sheet.getRange('F1:F2').values = [['007'], ['-cmd']];
      await context.sync();
    });
    const snap = fake.snapshot().sheets[0];
    // '@' cells keep the text; in a General cell '007' becomes 7 and '-cmd' becomes the formula =-cmd.
    expect(snap?.values['E1']).toBe('=SUM(A1)');
    expect(snap?.values['E2']).toBe('007');
    expect(snap?.values['F1']).toBe(7);
    expect(snap?.formulas).toEqual({ F2: '=-cmd' });
    await expect(
      fake.Excel.run(async (context) => {
        const f2 = data(context).getRange('F2');
        f2.load('values');
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeNotModelledError);
  });

  it('writes number formats and reads them back', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const r = data(context).getRange('B2:B3');
      r.numberFormat = [['0.0%'], [null]];
      r.load('numberFormat');
      await context.sync();
      expect(r.numberFormat).toEqual([['0.0%'], ['General']]);
    });
  });
});

describe('fake Excel writes: partial application and limits', () => {
  it('fails the n-th write and keeps the writes before it (Excel is not transactional)', async () => {
    const fake = fakeOf();
    fake.failAtWrite(2, 'InvalidOperationInCellEditMode');
    const code = await codeOf(
      fake.Excel.run(async (context) => {
        const sheet = data(context);
        sheet.getRange('A1').values = [['first']];
        sheet.getRange('A2').values = [['second']];
        sheet.getRange('A3').values = [['third']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidOperationInCellEditMode');
    const values = fake.snapshot().sheets[0]?.values;
    expect([values?.['A1'], values?.['A2'], values?.['A3']]).toEqual(['first', '区发改局', '区财政局']);
    expect(fake.stats.requests.at(-1)?.failed).toBe('InvalidOperationInCellEditMode');
  });

  it('counts the written values in the request bytes and refuses a request over 5 MB before applying it', async () => {
    const fake = fakeOf();
    const column = (rows: number, text: string): string[][] => Array.from({ length: rows }, () => [text]);
    // Two runs with the same object paths: only the written values differ.
    const write = (rows: number): Promise<void> =>
      fake.Excel.run(async (context) => {
        data(context).getRange(`H1:H${rows}`).values = column(rows, 'abc');
        await context.sync();
      });
    await write(10);
    await write(1000);
    const [small, large] = fake.stats.requests;
    // 990 more cells of at least `["abc"],` (8 bytes) travelled.
    expect((large?.requestBytes ?? 0) - (small?.requestBytes ?? 0)).toBeGreaterThan(990 * 8);
    const code = await codeOf(
      fake.Excel.run(async (context) => {
        // 6,000 cells of 1,000 bytes: over 5,242,880 bytes.
        data(context).getRange('J1:J6000').values = column(6000, 'x'.repeat(1000));
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.snapshot().sheets[0]?.values['J1']).toBeUndefined();
  });

  it('throws FakeNotModelledError for members it does not model, read or written', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const format = data(context).getRange('A1').format as unknown as Record<string, unknown>;
      expect(() => format['indentLevel']).toThrow(FakeNotModelledError);
      expect(() => {
        format['indentLevel'] = 2;
      }).toThrow(FakeNotModelledError);
      await context.sync();
    });
  });

  it('throws PropertyNotLoaded for format properties until loaded and synced', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const fill = data(context).getRange('A1').format.fill;
      fill.color = '#FFC7CE';
      expect(() => fill.color).toThrow(FakeOfficeError);
      fill.load('color');
      await context.sync();
      expect(fill.color).toBe('#FFC7CE');
    });
  });
});

describe('fake Excel writes: sheets and protection', () => {
  it('adds sheets last, refuses a taken name ignoring case, deletes and hides sheets', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const added = context.workbook.worksheets.add('任务台账');
      added.load('name, position, visibility, id');
      await context.sync();
      expect([added.name, added.position, added.visibility]).toEqual(['任务台账', 2, 'Visible']);
      expect(added.id).toMatch(/^\{[0-9A-F-]+\}$/);
      context.workbook.worksheets.add('DATA');
      expect(await codeOf(context.sync())).toBe('ItemAlreadyExists');
      context.workbook.worksheets.add('a/b');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      added.visibility = 'VeryHidden';
      data(context, 'Other').delete();
      await context.sync();
    });
    expect(fake.snapshot().sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Data', 'Visible'],
      ['任务台账', 'VeryHidden'],
    ]);
  });

  it('moves, renames and activates sheets; refuses to activate a hidden one', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const other = data(context, 'Other');
      other.position = 0;
      other.name = '其他';
      other.activate();
      await context.sync();
      const sheets = context.workbook.worksheets;
      sheets.load('items/name, items/position');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['其他', 0],
        ['Data', 1],
      ]);
      other.name = 'data';
      expect(await codeOf(context.sync())).toBe('ItemAlreadyExists');
      data(context).visibility = 'Hidden';
      data(context).activate();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
    expect(fake.snapshot().active).toBe('其他');
  });

  it('will not hide or delete the last visible sheet, and moves the active sheet off a hidden one', async () => {
    const fake = fakeOf(
      {},
      {
        sheets: [
          { name: 'A', cells: [] },
          { name: 'B', cells: [] },
        ],
        active: 'A',
      },
    );
    await fake.Excel.run(async (context) => {
      data(context, 'A').visibility = 'Hidden';
      await context.sync();
      data(context, 'B').delete();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
    expect(fake.snapshot().active).toBe('B');
  });

  it('refuses sheet changes in a protected workbook with AccessDenied', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      context.workbook.protection.protect();
      const p = context.workbook.protection;
      p.load('protected');
      await context.sync();
      expect(p.protected).toBe(true);
      context.workbook.worksheets.add('新');
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      data(context, 'Other').delete();
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      data(context, 'Other').visibility = 'Hidden';
      expect(await codeOf(context.sync())).toBe('AccessDenied');
    });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(['Data', 'Other']);
  });

  it('refuses writes into a protected sheet, except values into unlocked cells', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      sheet.getRange('D2:D3').format.protection.locked = false;
      sheet.protection.protect();
      sheet.protection.load('protected');
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
      sheet.getRange('D2:D3').values = [['已完成'], ['序时推进']];
      await context.sync();
      sheet.getRange('A2').values = [['改']];
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.getRange('D2').format.fill.color = '#FFEB9C';
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.getRange('A1:C3').conditionalFormats.add('Custom');
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.getRange('D2:D3').dataValidation.clear();
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      sheet.protection.protect();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
    const snap = fake.snapshot().sheets[0];
    expect([snap?.values['D2'], snap?.values['D3'], snap?.values['A2']]).toEqual([
      '已完成',
      '序时推进',
      '区发改局',
    ]);
  });

  it('fails writes through a proxy of a deleted sheet with ItemNotFound', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const other = data(context, 'Other');
      const cell = other.getRange('A1');
      await context.sync();
      other.delete();
      await context.sync();
      cell.values = [['y']];
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
  });

  it('fails members above the host API set with ApiNotFound (pageLayout on a 1.8 host)', async () => {
    const fake = fakeOf({ maxExcelApi: '1.8' });
    await fake.Excel.run(async (context) => {
      data(context).pageLayout.orientation = 'Landscape';
      expect(await codeOf(context.sync())).toBe('ApiNotFound');
      data(context).pageLayout.setPrintTitleRows('$1:$1');
      expect(await codeOf(context.sync())).toBe('ApiNotFound');
      // freezePanes (1.7) and dataValidation (1.8) are within 1.8.
      data(context).freezePanes.freezeRows(1);
      data(context).getRange('C2:C3').dataValidation.rule = {
        list: { inCellDropDown: true, source: '已完成,序时推进,进展滞后' },
      };
      await context.sync();
    });
    const old = fakeOf({ maxExcelApi: '1.5' });
    await old.Excel.run(async (context) => {
      data(context).getRange('A1:C3').conditionalFormats.add('Custom');
      expect(await codeOf(context.sync())).toBe('ApiNotFound');
    });
  });
});

describe('fake Excel writes: formats', () => {
  it('stores fills, fonts, alignment, wrap, borders and lock per cell and reads shared values back', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const header = data(context).getRange('A1:C1');
      header.format.fill.color = '#d9e1f2';
      header.format.font.bold = true;
      header.format.font.color = '#1F3864';
      header.format.font.size = 12;
      header.format.font.name = '等线';
      header.format.wrapText = true;
      header.format.horizontalAlignment = 'Center';
      header.format.verticalAlignment = 'Center';
      header.format.borders.getItem('EdgeBottom').style = 'Continuous';
      header.format.borders.getItem('EdgeBottom').color = '#BFBFBF';
      data(context).getRange('A2').format.font.underline = 'Single';
      const mixed = data(context).getRange('A1:A2').format.fill;
      mixed.load('color');
      const headerFill = data(context).getRange('A1:C1').format.fill;
      headerFill.load('color');
      await context.sync();
      expect(headerFill.color).toBe('#D9E1F2');
      expect(mixed.color).toBeNull();
    });
    const styles = fake.snapshot().sheets[0]?.styles;
    expect(styles?.['B1']).toEqual({
      fill: '#D9E1F2',
      bold: true,
      fontColor: '#1F3864',
      fontSize: 12,
      fontName: '等线',
      wrap: true,
      horizontal: 'Center',
      vertical: 'Center',
      borders: { bottom: { style: 'Continuous', color: '#BFBFBF' } },
    });
    expect(styles?.['A2']).toEqual({ underline: 'Single' });
  });

  it('refuses enum words Office.js does not know', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      data(context).getRange('A1').format.horizontalAlignment = 'Middle';
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      data(context).getRange('A1').format.borders.getItem('EdgeAround').style = 'Continuous';
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });

  it('keeps widths in points: 48 by default, null when mixed, and 48 written back means "not set"', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      const e = sheet.getRange('E:E').format;
      e.load('columnWidth');
      await context.sync();
      expect(e.columnWidth).toBe(48);
      sheet.getRange('E:F').format.columnWidth = 81.75;
      sheet.getRange('2:2').format.rowHeight = 30;
      const both = sheet.getRange('D:E').format;
      both.load('columnWidth');
      await context.sync();
      expect(both.columnWidth).toBeNull();
    });
    expect(fake.snapshot().sheets[0]?.columnWidths).toEqual({ E: 81.75, F: 81.75 });
    expect(fake.snapshot().sheets[0]?.rowHeights).toEqual({ 2: 30 });
    await fake.Excel.run(async (context) => {
      data(context).getRange('E:F').format.columnWidth = 48;
      await context.sync();
    });
    expect(fake.snapshot().sheets[0]?.columnWidths).toEqual({});
  });

  it('merges and unmerges, keeping only the top-left value', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      data(context).getRange('A2:A3').merge();
      data(context).getRange('B1:C3').merge(true);
      await context.sync();
    });
    let snap = fake.snapshot().sheets[0];
    expect(snap?.merges).toEqual(['B1:C1', 'A2:A3', 'B2:C2', 'B3:C3']);
    expect([snap?.values['A3'], snap?.values['C2']]).toEqual([undefined, undefined]);
    await fake.Excel.run(async (context) => {
      data(context).getRange('B2').unmerge();
      await context.sync();
    });
    snap = fake.snapshot().sheets[0];
    expect(snap?.merges).toEqual(['B1:C1', 'A2:A3', 'B3:C3']);
  });

  it('clears contents, formats or everything', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const r = data(context).getRange('A2:C2');
      r.format.fill.color = '#FFC7CE';
      r.numberFormat = [['@', '0', '@']];
      await context.sync();
      r.clear('Contents');
      await context.sync();
    });
    let snap = fake.snapshot().sheets[0];
    expect(snap?.values['A2']).toBeUndefined();
    expect(snap?.styles['A2']).toEqual({ fill: '#FFC7CE' });
    await fake.Excel.run(async (context) => {
      data(context).getRange('A2:C2').clear('Formats');
      data(context).getRange('A3:C3').clear();
      await context.sync();
    });
    snap = fake.snapshot().sheets[0];
    expect(snap?.styles).toEqual({});
    expect(snap?.numberFormats).toEqual({});
    expect(snap?.values).toEqual({ A1: '单位', B1: '目标', C1: '状态' });
  });

  it('writes internal hyperlinks with their text and reads them back', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const cell = data(context, 'Other').getRange('B2');
      cell.hyperlink = { documentReference: "'Data'!C3", textToDisplay: 'Data!C3', screenTip: '跳转' };
      cell.load('hyperlink, values');
      await context.sync();
      expect(cell.hyperlink).toEqual({
        documentReference: "'Data'!C3",
        textToDisplay: 'Data!C3',
        screenTip: '跳转',
      });
      expect(cell.values).toEqual([['Data!C3']]);
    });
    expect(fake.snapshot().sheets[1]?.hyperlinks).toEqual({
      B2: { documentReference: "'Data'!C3", textToDisplay: 'Data!C3', screenTip: '跳转' },
    });
  });
});

describe('fake Excel writes: conditional formats', () => {
  it('puts a new rule first, lists only rules that intersect the range, and gives each its range', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      const lagging = sheet.getRange('A2:C3').conditionalFormats.add('Custom');
      lagging.custom.rule.formula = '=$C2="进展滞后"';
      lagging.custom.format.fill.color = '#FFEB9C';
      lagging.custom.format.font.color = '#9C5700';
      const bar = sheet.getRange('B2:B3').conditionalFormats.add('DataBar');
      bar.dataBar.barDirection = 'LeftToRight';
      bar.dataBar.positiveFormat.fillColor = '#5B9BD5';
      bar.dataBar.positiveFormat.gradientFill = false;
      sheet.getRange('E1:E2').conditionalFormats.add('Custom').custom.rule.formula = '=E1>0';
      await context.sync();

      const inA = sheet.getRange('A1:A3').conditionalFormats;
      inA.load('items/type, items/priority');
      const all = sheet.getRange().conditionalFormats;
      all.load('items/type, items/priority');
      const count = sheet.getRange('B2').conditionalFormats.getCount();
      await context.sync();
      // Added in the order lagging, bar, E-rule: the last added is priority 0.
      expect(all.items.map((cf) => [cf.type, cf.priority])).toEqual([
        ['Custom', 0],
        ['DataBar', 1],
        ['Custom', 2],
      ]);
      expect(inA.items.map((cf) => [cf.type, cf.priority])).toEqual([['Custom', 2]]);
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load
      expect(count.value).toBe(2);

      const first = inA.items[0];
      if (!first) throw new Error('no rule');
      const range = first.getRange();
      range.load('address');
      first.custom.rule.load('formula');
      const wrong = all.items[1]?.custom;
      wrong?.rule.load('formula');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
      range.load('address');
      first.custom.rule.load('formula');
      await context.sync();
      expect(range.address).toBe('Data!A2:C3');
      expect(first.custom.rule.formula).toBe('=$C2="进展滞后"');
      first.priority = 0;
      await context.sync();
    });
    expect(fake.snapshot().sheets[0]?.conditionalFormats).toEqual([
      {
        priority: 0,
        type: 'Custom',
        ranges: ['A2:C3'],
        formula: '=$C2="进展滞后"',
        fill: '#FFEB9C',
        fontColor: '#9C5700',
      },
      { priority: 1, type: 'Custom', ranges: ['E1:E2'], formula: '=E1>0', fill: null, fontColor: null },
      {
        priority: 2,
        type: 'DataBar',
        ranges: ['B2:B3'],
        bar: { direction: 'LeftToRight', fillColor: '#5B9BD5', gradient: false },
      },
    ]);
  });

  it('deletes rules, and clearing formats cuts the cleared cells out of a rule', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      sheet.getRange('A1:C3').conditionalFormats.add('Custom').custom.rule.formula = '=$C1="已完成"';
      const gone = sheet.getRange('E1').conditionalFormats.add('DataBar');
      await context.sync();
      gone.delete();
      sheet.getRange('B1:B3').clear('Formats');
      const items = sheet.getRange().conditionalFormats;
      items.load('items');
      await context.sync();
      expect(items.items).toHaveLength(1);
      items.items[0]?.getRange();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
      const nullable = items.items[0]?.getRangeOrNullObject();
      await context.sync();
      expect(nullable?.isNullObject).toBe(true);
    });
    expect(fake.snapshot().sheets[0]?.conditionalFormats[0]?.ranges).toEqual(['A1:A3', 'C1:C3']);
  });
});

describe('fake Excel writes: validation, panes, print, charts', () => {
  it('unfreezes panes, deletes charts and answers getCount only after the sync (ValueNotLoaded before)', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      sheet.freezePanes.freezeRows(2);
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'), 'Auto');
      await context.sync();
      sheet.freezePanes.unfreeze();
      chart.delete();
      sheet.getRange('A1:B2').conditionalFormats.add('DataBar');
      const count = sheet.getRange('A1').conditionalFormats.getCount();
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the mistake under test
      expect(() => count.value).toThrow(FakeOfficeError);
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load
      expect(count.value).toBe(1);
      sheet.getRange('A:A').conditionalFormats.clearAll();
      await context.sync();
    });
    const snap = fake.snapshot().sheets[0];
    expect([snap?.frozenRows, snap?.charts]).toEqual([0, []]);
    expect(snap?.conditionalFormats.map((cf) => cf.ranges)).toEqual([['B1:B2']]);
  });

  it('sets list, text-length and decimal rules with prompts and refuses malformed rules', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      const status = sheet.getRange('C2:C3').dataValidation;
      status.rule = { list: { inCellDropDown: true, source: '已完成,序时推进,进展滞后' } };
      status.prompt = { showPrompt: true, title: '状态', message: '请选择' };
      status.errorAlert = { showAlert: true, style: 'Stop', title: '无效', message: '请从列表选择' };
      sheet.getRange('D2:D3').dataValidation.rule = {
        textLength: { formula1: 200, operator: 'LessThanOrEqualTo' },
      };
      sheet.getRange('B2:B3').dataValidation.rule = {
        decimal: { formula1: -1e12, formula2: 1e12, operator: 'Between' },
      };
      status.load('type, rule');
      await context.sync();
      expect(status.type).toBe('List');
      expect(status.rule).toEqual({ list: { inCellDropDown: true, source: '已完成,序时推进,进展滞后' } });
      sheet.getRange('E2').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'a' },
        textLength: { formula1: 1, operator: 'LessThan' },
      };
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      sheet.getRange('E2').dataValidation.rule = { decimal: { formula1: 0, operator: 'Between' } };
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      sheet.getRange('E2').dataValidation.prompt = { showPrompt: true, title: 'x'.repeat(33), message: '' };
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
    expect(fake.snapshot().sheets[0]?.dataValidations).toEqual([
      {
        range: 'B2:B3',
        rule: { decimal: { formula1: -1e12, formula2: 1e12, operator: 'Between' } },
        prompt: null,
        errorAlert: null,
      },
      {
        range: 'C2:C3',
        rule: { list: { inCellDropDown: true, source: '已完成,序时推进,进展滞后' } },
        prompt: { showPrompt: true, title: '状态', message: '请选择' },
        errorAlert: { showAlert: true, style: 'Stop', title: '无效', message: '请从列表选择' },
      },
      {
        range: 'D2:D3',
        rule: { textLength: { formula1: 200, operator: 'LessThanOrEqualTo' } },
        prompt: null,
        errorAlert: null,
      },
    ]);
  });

  it('freezes rows, sets up A4 landscape fit-to-width printing and adds a titled chart', async () => {
    const fake = fakeOf();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      sheet.freezePanes.freezeRows(1);
      sheet.pageLayout.orientation = 'Landscape';
      sheet.pageLayout.paperSize = 'A4';
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows('$1:$1');
      const chart = sheet.charts.add('BarClustered', sheet.getRange('A1:B3'), 'Columns');
      chart.title.text = '得分';
      chart.legend.visible = false;
      chart.setPosition('E2', 'L20');
      await context.sync();
    });
    const snap = fake.snapshot().sheets[0];
    expect(snap?.frozenRows).toBe(1);
    expect(snap?.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: false,
      printTitleRows: '$1:$1',
    });
    expect(snap?.charts).toEqual([
      {
        name: 'Chart 1',
        type: 'BarClustered',
        source: 'A1:B3',
        seriesBy: 'Columns',
        title: '得分',
        legendVisible: false,
        position: { start: 'E2', end: 'L20' },
      },
    ]);
  });
});

describe('fake Excel hooks', () => {
  it('snapshot after add-then-remove equals the snapshot before', async () => {
    const fake = fakeOf();
    const before = fake.snapshot();
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      const block = sheet.getRange('E1:F3');
      block.values = [
        ['完成率', '状态'],
        [0.5, '进展滞后'],
        [1, '已完成'],
      ];
      block.numberFormat = [
        ['General', 'General'],
        ['0.0%', '@'],
        ['0.0%', '@'],
      ];
      block.format.fill.color = '#DDEBF7';
      block.format.borders.getItem('InsideHorizontal').style = 'Continuous';
      sheet.getRange('E:F').format.columnWidth = 60;
      const cf = sheet.getRange('A2:F3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$F2="进展滞后"';
      block.dataValidation.rule = { textLength: { formula1: 200, operator: 'LessThanOrEqualTo' } };
      context.workbook.worksheets.add('评分排名').getRange('A1').values = [['排名']];
      await context.sync();
      expect(fake.snapshot()).not.toEqual(before);
      cf.delete();
      block.clear('All');
      sheet.getRange('E:F').format.columnWidth = 48;
      context.workbook.worksheets.getItem('评分排名').delete();
      await context.sync();
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('userEdit fires onChanged handlers; the add-in’s own writes fire them too; remove() stops them', async () => {
    const fake = fakeOf();
    const seen: FakeWorksheetChangedEventArgs[] = [];
    const registration = await fake.Excel.run(async (context) => {
      const sheet = data(context);
      const result = sheet.onChanged.add((args) => {
        seen.push(args);
        return Promise.resolve();
      });
      sheet.load('id');
      await context.sync();
      return { result, id: sheet.id };
    });
    await fake.userEdit('Data', 'B2', 120);
    expect(seen).toEqual([
      {
        worksheetId: registration.id,
        address: 'B2',
        changeType: 'RangeEdited',
        source: 'Local',
        type: 'WorksheetChanged',
        triggerSource: 'Others',
      },
    ]);
    expect(fake.snapshot().sheets[0]?.values['B2']).toBe(120);
    await fake.Excel.run(async (context) => {
      data(context).getRange('E1:E2').values = [['a'], ['b']];
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
      ['B2', 'Others'],
      ['E1:E2', 'ThisLocalAddin'],
    ]);
    // The registration's context has ended: removing must happen in a new batch on a fresh handler.
    await fake.Excel.run(async (context) => {
      const sheet = data(context);
      const again = sheet.onChanged.add(() => Promise.resolve());
      await context.sync();
      again.remove();
      await context.sync();
    });
    expect(fake.host.sheets[0]?.handlers).toHaveLength(1);
  });
});
