/**
 * Loading in two halves: hostDataFromXlsx (Node, exceljs) → plain JSON data → createFakeExcelFromHostData
 * (browser-safe). Also checks that the modules the playground bundles stay free of node:* and exceljs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { createFakeExcel, type FakeExcel } from './fake-excel.ts';
import {
  createFakeExcelFromHostData,
  FAKE_HOST_DATA_FORMAT,
  hostDataOf,
  type FakeHostData,
} from './from-host-data.ts';
import { createFakeExcelFromXlsx, hostDataFromXlsx } from './from-xlsx.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.resolve(HERE, '../../seeds/taishan-2024.xlsx');
const LEDGER = path.resolve(HERE, '../../seeds/taishan-2024-ledger-q2.xlsx');

/** What the playground server does: send the data as JSON; the page parses it. */
function overTheWire(data: FakeHostData): FakeHostData {
  return JSON.parse(JSON.stringify(data)) as FakeHostData;
}

const BOOK: WorkbookData = {
  sheets: [
    {
      name: '台账',
      cells: [
        ['单位', '目标', '状态'],
        ['区发改局', 100, '进展滞后'],
        ['区财政局', 80, '已完成'],
      ],
      numberFormats: [[], [null, '0.0']],
      hiddenRows: [2],
      formulas: { D1: '=B2+B3' },
    },
    { name: '校验', cells: [['位置']], visibility: 'veryHidden' },
  ],
};

/** A fake carrying one of every kind of thing the host stores, written through Office.js. */
async function everything(): Promise<FakeExcel> {
  const fake = createFakeExcel(BOOK);
  await fake.Excel.run(async (context) => {
    const s = context.workbook.worksheets.getItem('台账');
    s.getRange('A1:C1').format.font.bold = true;
    s.getRange('A1:C1').format.fill.color = '#DDEBF7';
    s.getRange('A1:C1').format.borders.getItem('EdgeBottom').style = 'Continuous';
    s.getRange('C:C').format.columnWidth = 66.75;
    s.getRange('1:1').format.rowHeight = 30;
    s.getRange('A5:B5').merge();
    s.getRange('A2').hyperlink = { documentReference: "'台账'!C2", textToDisplay: '去C2' };
    const cf = s.getRange('A2:C3').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=$C2="进展滞后"';
    cf.custom.format.fill.color = '#FFEB9C';
    s.getRange('B2:B3').conditionalFormats.add('DataBar');
    s.getRange('C2:C3').dataValidation.rule = { list: { inCellDropDown: true, source: '已完成,进展滞后' } };
    s.freezePanes.freezeRows(1);
    s.pageLayout.orientation = 'Landscape';
    s.pageLayout.setPrintTitleRows('$1:$1');
    const chart = s.charts.add('ColumnClustered', s.getRange('A1:B3'), 'Columns');
    chart.title.text = '目标';
    s.getRange('B2:C3').select();
    s.protection.protect();
    await context.sync();
  });
  return fake;
}

describe('hostDataFromXlsx and createFakeExcelFromHostData', () => {
  it('gives JSON-safe data that builds the same fake as createFakeExcelFromXlsx (seed workbook)', async () => {
    const data = await hostDataFromXlsx(SEED);
    const wired = overTheWire(data);
    expect(wired).toEqual(data);
    const direct = await createFakeExcelFromXlsx(SEED);
    const fromJson = createFakeExcelFromHostData(wired);
    expect(fromJson.snapshot()).toEqual(direct.snapshot());
    expect(fromJson.exportData()).toEqual(direct.exportData());
    // What scripts/build-seeds.ts writes: widths 6, 18, 90, 14 characters = (chars × 7 + 5) × 0.75 points,
    // three frozen rows (title, blank, header), A4 landscape with row 3 repeated.
    const sheet = fromJson.snapshot().sheets[0];
    expect(sheet?.columnWidths).toEqual({ A: 35.25, B: 98.25, C: 476.25, D: 77.25 });
    expect(sheet?.frozenRows).toBe(3);
    expect(sheet?.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$3:$3',
    });
    expect(sheet?.styles['A1']).toBeDefined();
  });

  it('round-trips the ledger seed (validations, styles on two sheets) through JSON', async () => {
    const data = await hostDataFromXlsx(LEDGER);
    const direct = await createFakeExcelFromXlsx(LEDGER);
    expect(createFakeExcelFromHostData(overTheWire(data)).snapshot()).toEqual(direct.snapshot());
    expect(data.sheets.map((s) => s.name)).toEqual(['任务台账', '说明']);
  });

  it('round-trips a document written through Office.js: ids, selection and later ids continue alike', async () => {
    const fake = await everything();
    const copy = createFakeExcelFromHostData(overTheWire(hostDataOf(fake.host)));
    expect(copy.snapshot()).toEqual(fake.snapshot());
    expect(copy.selection()).toEqual({ sheet: '台账', address: 'B2:C3' });
    expect(copy.effectiveFill('台账', 1, 0)).toBe('#FFEB9C');
    const idOf = async (f: FakeExcel): Promise<string> =>
      f.Excel.run(async (context) => {
        const added = context.workbook.worksheets.add('新表');
        added.load('id');
        await context.sync();
        return added.id;
      });
    const ids = await Promise.all([idOf(fake), idOf(copy)]);
    expect(ids[1]).toBe(ids[0]);
  });

  it('copies: the data, the source fake and the new fake do not share state', async () => {
    const fake = createFakeExcel(BOOK);
    const data = hostDataOf(fake.host);
    const copy = createFakeExcelFromHostData(data);
    await fake.userEdit('台账', 'B2', 120);
    expect(data.sheets[0]?.cells[1]?.[1]).toEqual({ value: 100, type: 'Double' });
    expect(copy.snapshot().sheets[0]?.values['B2']).toBe(100);
    // Empty cells travel as null; the hidden row, formula and number format survive.
    expect(data.sheets[0]?.cells[0]).toEqual([
      { value: '单位', type: 'String' },
      { value: '目标', type: 'String' },
      { value: '状态', type: 'String' },
    ]);
    expect(data.sheets[0]?.formats[1]).toEqual([null, '0.0']);
    expect(copy.snapshot().sheets[0]).toMatchObject({ hiddenRows: [2], formulas: { D1: '=B2+B3' } });
    expect(copy.snapshot().sheets[1]?.visibility).toBe('VeryHidden');
  });

  it('turns what exceljs reads as Date objects into text (a date validation), so JSON keeps it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '截止';
    ws.getCell('B1').dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date(Date.UTC(2024, 5, 30))],
    };
    const data = await hostDataFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(data.sheets[0]?.validations[0]?.rule).toEqual({
      date: { formula1: '2024-06-30', operator: 'GreaterThan' },
    });
    expect(overTheWire(data)).toEqual(data);
  });

  it('refuses data that is not fake host data, or whose active sheet is hidden', async () => {
    expect(() => createFakeExcelFromHostData({} as FakeHostData)).toThrow(/not fake host data/);
    const data = hostDataOf((await everything()).host);
    expect(data.format).toBe(FAKE_HOST_DATA_FORMAT);
    expect(() => createFakeExcelFromHostData({ ...data, active: '校验' })).toThrow(
      /must exist and be visible/,
    );
  });
});

describe('browser-safe modules', () => {
  it('bundle for the browser without node:* or exceljs', async () => {
    const entries = [
      'fake-excel.ts',
      'fake-host.ts',
      'fake-core.ts',
      'fake-ops.ts',
      'fake-snapshot.ts',
      'effective-fill.ts',
      'from-host-data.ts',
    ].map((f) => path.join(HERE, f));
    // platform 'browser' fails the build on any node:* import (esbuild cannot resolve Node built-ins there).
    const result = await build({
      entryPoints: entries,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      outdir: 'out',
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.endsWith('test/fake-excel/from-host-data.ts'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules') || i.startsWith('node:'))).toEqual([]);
  }, 30_000);
});
