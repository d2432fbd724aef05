/**
 * The fake's bridges to real files — exportXlsx (read back with exceljs), createFakeExcelFromXlsx (a round
 * trip and the seed workbook) — and effectiveFill, the evaluator of our highlight rules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { extras } from '../../src/xlsx/exceljs-extras.ts';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook.ts';
import { charsToPoints, pointsToChars } from './export-xlsx.ts';
import {
  createFakeExcel,
  FakeNotModelledError,
  type FakeExcel,
  type FakeRequestContext,
} from './fake-excel.ts';
import { createFakeExcelFromXlsx } from './from-xlsx.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.resolve(HERE, '../../seeds/taishan-2024.xlsx');

const BOOK: WorkbookData = {
  sheets: [
    {
      name: '台账',
      cells: [
        ['单位', '目标', '状态'],
        ['区发改局', 100, '进展滞后'],
        ['区财政局', 80, '已完成'],
        ['区教体局', 90, '序时推进'],
        ['区卫健委', 70, null],
      ],
    },
    { name: '校验', cells: [['位置']] },
  ],
};

function sheet(context: FakeRequestContext, name = '台账') {
  return context.workbook.worksheets.getItem(name);
}

/** Highlight rules the way the planner writes them: yellow for lagging, green for done / on track. */
async function highlighted(): Promise<FakeExcel> {
  const fake = createFakeExcel(BOOK);
  await fake.Excel.run(async (context) => {
    const s = sheet(context);
    s.getRange('A4').format.fill.color = '#DDEBF7';
    const green = s.getRange('A2:C5').conditionalFormats.add('Custom');
    green.custom.rule.formula = '=OR($C2="已完成",$C2="序时推进")';
    green.custom.format.fill.color = '#C6EFCE';
    green.custom.format.font.color = '#006100';
    const yellow = s.getRange('A2:C5').conditionalFormats.add('Custom');
    yellow.custom.rule.formula = '=$C2="进展滞后"';
    yellow.custom.format.fill.color = '#FFEB9C';
    yellow.custom.format.font.color = '#9C5700';
    await context.sync();
  });
  return fake;
}

describe('effectiveFill', () => {
  it('shows the first matching rule’s fill over the cell’s own, and the own fill elsewhere', async () => {
    const fake = await highlighted();
    // Row 2 (index 1) lags; row 3 is done; row 4 is on track (its own blue fill is covered); row 5 matches none.
    expect(fake.effectiveFill('台账', 1, 0)).toBe('#FFEB9C');
    expect(fake.effectiveFill('台账', 2, 2)).toBe('#C6EFCE');
    expect(fake.effectiveFill('台账', 3, 0)).toBe('#C6EFCE');
    expect(fake.effectiveFill('台账', 3, 3)).toBeNull();
    expect(fake.effectiveFill('台账', 4, 1)).toBeNull();
    expect(fake.effectiveFill('台账', 0, 0)).toBeNull();
  });

  it('follows priority: the rule moved to the top wins where both match', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      const s = sheet(context);
      const red = s.getRange('A2:C2').conditionalFormats.add('Custom');
      red.custom.rule.formula = '=$C2="进展滞后"';
      red.custom.format.fill.color = '#FFC7CE';
      const yellow = s.getRange('A2:C5').conditionalFormats.add('Custom');
      yellow.custom.rule.formula = '=$C2="进展滞后"';
      yellow.custom.format.fill.color = '#FFEB9C';
      await context.sync();
      expect(fake.effectiveFill('台账', 1, 1)).toBe('#FFEB9C');
      red.priority = 0;
      await context.sync();
    });
    expect(fake.effectiveFill('台账', 1, 1)).toBe('#FFC7CE');
  });

  it('refuses rule shapes it cannot evaluate', async () => {
    const fake = createFakeExcel(BOOK);
    await fake.Excel.run(async (context) => {
      const cf = sheet(context).getRange('A2:C5').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$B2>85';
      cf.custom.format.fill.color = '#FFC7CE';
      await context.sync();
    });
    expect(() => fake.effectiveFill('台账', 1, 0)).toThrow(FakeNotModelledError);
    // A cell the rule does not cover needs no evaluation.
    expect(fake.effectiveFill('台账', 0, 0)).toBeNull();
  });
});

describe('exportXlsx', () => {
  it('writes fills, widths, rules, validation, panes, print setup, links and sheet states that exceljs reads back', async () => {
    const fake = await highlighted();
    await fake.Excel.run(async (context) => {
      const s = sheet(context);
      s.getRange('A1:C1').format.font.bold = true;
      s.getRange('A1:C1').format.borders.getItem('EdgeBottom').style = 'Continuous';
      s.getRange('C:C').format.columnWidth = 66.75; // 12 characters: (12 × 7 + 5) × 0.75
      s.getRange('C2:C5').dataValidation.rule = {
        list: { inCellDropDown: true, source: '已完成,序时推进,进展滞后' },
      };
      s.getRange('C2:C5').dataValidation.prompt = { showPrompt: true, title: '状态', message: '请选择' };
      const bar = s.getRange('B2:B5').conditionalFormats.add('DataBar');
      bar.dataBar.positiveFormat.fillColor = '#5B9BD5';
      bar.dataBar.positiveFormat.gradientFill = false;
      bar.priority = 2;
      s.freezePanes.freezeRows(1);
      s.pageLayout.orientation = 'Landscape';
      s.pageLayout.paperSize = 'A4';
      s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      s.pageLayout.setPrintTitleRows('$1:$1');
      sheet(context, '校验').getRange('A2').hyperlink = {
        documentReference: "'台账'!C2",
        textToDisplay: '台账!C2',
      };
      sheet(context, '校验').visibility = 'VeryHidden';
      await context.sync();
    });
    await import('./export-xlsx.ts');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await fake.exportXlsx()).buffer);
    const ws = wb.getWorksheet('台账');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A4').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFDDEBF7' },
    });
    expect(ws.getCell('B1').font.bold).toBe(true);
    expect(ws.getCell('B1').border.bottom?.style).toBe('thin');
    expect(ws.getColumn(3).width).toBe(12);
    const rules = extras(ws)
      .conditionalFormattings.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, rule: r })))
      .sort((x, y) => x.rule.priority - y.rule.priority);
    expect(rules.map(({ ref, rule }) => [ref, rule.type, rule.priority])).toEqual([
      ['A2:C5', 'expression', 1],
      ['A2:C5', 'expression', 2],
      ['B2:B5', 'dataBar', 3],
    ]);
    const yellow = rules[0]?.rule as ExcelJS.ExpressionRuleType;
    expect(yellow.formulae).toEqual(['$C2="进展滞后"']);
    expect(yellow.style?.fill).toEqual({ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } });
    expect(yellow.style?.font?.color).toEqual({ argb: 'FF9C5700' });
    const validation = extras(ws).dataValidations.model['C3'];
    expect(validation).toMatchObject({
      type: 'list',
      formulae: ['"已完成,序时推进,进展滞后"'],
      showInputMessage: true,
      promptTitle: '状态',
      prompt: '请选择',
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    const checks = wb.getWorksheet('校验');
    expect(checks?.state).toBe('veryHidden');
    expect(checks?.getCell('A2').value).toEqual({
      formula: 'HYPERLINK("#\'台账\'!C2","台账!C2")',
      result: '台账!C2',
    });
  });

  it('converts points back to characters with the inverse of the ISSUE6 formula', () => {
    expect(pointsToChars(66.75)).toBe(12);
    expect(charsToPoints(12)).toBe(66.75);
    expect(pointsToChars(charsToPoints(8.43))).toBe(8.43);
  });
});

describe('createFakeExcelFromXlsx', () => {
  it('loads an export back into the same document (values, styles, widths, rules, validation, panes, print)', async () => {
    const fake = await highlighted();
    await fake.Excel.run(async (context) => {
      const s = sheet(context);
      s.getRange('A1:C1').format.font.bold = true;
      s.getRange('A1:C1').format.horizontalAlignment = 'Center';
      s.getRange('A1:C1').format.borders.getItem('EdgeBottom').style = 'Continuous';
      s.getRange('A1:C1').format.borders.getItem('EdgeBottom').color = '#BFBFBF';
      s.getRange('C2:C5').format.protection.locked = false;
      s.getRange('B2:B5').numberFormat = [['0.0'], ['0.0'], ['0.0'], ['0.0']];
      s.getRange('C:C').format.columnWidth = 66.75;
      s.getRange('1:1').format.rowHeight = 30;
      s.getRange('A4:A5').merge();
      s.getRange('C2:C5').dataValidation.rule = { list: { inCellDropDown: true, source: '已完成,序时推进' } };
      s.getRange('B2:B5').dataValidation.rule = {
        decimal: { formula1: -1e12, formula2: 1e12, operator: 'Between' },
      };
      s.freezePanes.freezeRows(1);
      s.pageLayout.orientation = 'Landscape';
      s.pageLayout.paperSize = 'A4';
      s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      s.protection.protect();
      sheet(context, '校验').visibility = 'Hidden';
      await context.sync();
    });
    await import('./export-xlsx.ts');
    const loaded = await createFakeExcelFromXlsx(new Uint8Array(await fake.exportXlsx()));
    expect(loaded.snapshot()).toEqual(fake.snapshot());
  });

  it('loads the seed workbook with the values the xlsx adapter reads', async () => {
    const fake = await createFakeExcelFromXlsx(SEED);
    const book = await XlsxWorkbook.open(SEED);
    const name = await book.activeSheetName();
    const grid = await book.readSheet(name);
    const values = await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
      used.load('values, rowCount');
      await context.sync();
      return used.values;
    });
    expect(values.length).toBe(grid.cells.length);
    expect(values[2]?.[1]).toBe(grid.cells[2]?.[1]);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual((await book.listSheets()).map((s) => s.name));
  });

  it('keeps the number format of empty cells inside the used width (a ledger’s 完成率 before the first score)', async () => {
    // scripts/build-sample-ledger.ts formats the ledger's 完成率 (S) and 序时进度 (T) cells 0.0% with no value.
    const ledger = path.join(path.dirname(SEED), 'taishan-2024-ledger-q2.xlsx');
    const fake = await createFakeExcelFromXlsx(ledger);
    const sheet = fake.snapshot().sheets.find((s) => s.name === '任务台账');
    expect(sheet?.numberFormats['S3']).toBe('0.0%');
    expect(sheet?.numberFormats['T3']).toBe('0.0%');
  });
});
