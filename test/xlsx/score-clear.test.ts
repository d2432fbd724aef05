/**
 * Writing through real .xlsx bytes: scoring a workbook that has its own fills, fonts, borders, merges,
 * conditional formats, data validation, defined names, print setup and other sheets, then clearing it,
 * gives back every non-owned property; scoring twice equals scoring once; text we write that looks like a
 * formula stays text.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/cli-args.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { scoreFile } from '../../src/cli/command-score.ts';
import { applyScoreWrites } from '../../src/cli/score-output.ts';
import { applyPlan, clearOwned, readSettings } from '../../src/xlsx/apply-plan.ts';
import { extras } from '../../src/xlsx/exceljs-extras.ts';
import { planBreakdownWrites } from '../../src/core/write-plan/plan-breakdown.ts';
import { buildLedger } from '../../src/core/ledger/index.ts';
import { analyzeGrid } from '../../src/core/analyze.ts';
import { sheetDataToGrid } from '../../src/core/port/memory-workbook.ts';
import { ROOT, tempDir } from '../cli/cli-helpers.ts';
import { workbookSnapshot } from './snapshot.ts';

const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: ROOT, env: {} };

// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs's enum is type-only
const A4 = 9 as ExcelJS.PaperSize;

async function load(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A responsibility table with the user's own formatting and extras everywhere. */
async function decoratedTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('完成情况');
  const rows = [
    ['2024年重点工作任务完成情况'],
    ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值', '完成率', '进展情况'],
    [1, '区人社局', '新增城镇就业7200人以上', '张辉', 7200, 4496, 0.624, null],
    [2, '区交运局', '新改建“四好农村路”40公里', '孙大伟', 40, 8, 0.25, null],
    [3, '区商务局', '社会消费品零售总额增长6%左右', '孙超', 6, 6.3, null, null],
    [4, '区司法局', '深化企业全生命周期法律服务', '张力', null, null, null, '序时推进'],
  ];
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r));
  ws.mergeCells('A1:H1');
  ws.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  ws.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } }; // the user's own red
  ws.getCell('C3').border = { bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
  ws.getCell('G3').numFmt = '0.0%';
  ws.getCell('G4').numFmt = '0.0%';
  ws.getCell('H7').value = { formula: 'COUNTA(B3:B6)', result: 4 };
  ws.getColumn(3).width = 40;
  ws.getColumn(10).width = 15; // a width set beyond the table, where our columns will go
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: A4,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: 'A1:H7',
    printTitlesRow: '2:2',
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '第 &P 页，共 &N 页' };
  ws.properties.tabColor = { argb: 'FF00B050' };
  ws.addConditionalFormatting({
    ref: 'F3:F6',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        priority: 1,
        formulae: ['10'],
        style: { font: { italic: true } },
      },
    ],
  });
  extras(ws).dataValidations.add('H3:H6', {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [300],
    allowBlank: true,
  });
  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = '本表仅供测试';
  other.mergeCells('A2:C3');
  other.getCell('A2').value = { text: '链接', hyperlink: 'https://example.org/' };
  other.getColumn(1).width = 30;
  wb.definedNames.add("'完成情况'!$B$3:$B$6", 'units');
  wb.definedNames.add("'说明'!$A$1", 'note');
  return bytesOf(wb);
}

async function scoreBytes(file: string): Promise<Buffer> {
  const options = parseCliArgs(['score', file, '--as-of', '2024-06-30']);
  const outcome = await scoreFile(file, options, io);
  if (!outcome.scored) throw new Error('no workbook');
  await applyScoreWrites({ ...outcome.scored, result: outcome.run.result, findings: outcome.run.findings });
  return bytesOf(outcome.scored.workbook.workbook);
}

describe('score → clear on a decorated responsibility table', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'table.xlsx');
  writeFileSync(input, await decoratedTable());
  // The baseline went through one more exceljs write and read, as the cleared copy does: exceljs itself
  // flips pageSetup.useFirstPageNumber on a round trip, which is not ours to judge here.
  const original = workbookSnapshot(await load(await bytesOf(await load(readFileSync(input)))));
  const scored = await scoreBytes(input);
  const scoredWb = await load(scored);

  it('adds the owned columns, highlights, sheets and veryHidden settings', () => {
    const ws = scoredWb.getWorksheet('完成情况');
    expect(['I2', 'J2', 'K2', 'L2'].map((a) => ws?.getCell(a).value)).toEqual([
      '完成率',
      '序时进度',
      '状态',
      '说明',
    ]);
    expect(ws?.getCell('K4').value).toBe('严重滞后');
    expect(ws?.getCell('I4').value).toBe(0.2);
    expect(ws?.getCell('I4').numFmt).toBe('0.0%');
    // The user's own fill on B4 is still there: highlighting is a conditional format, not a fill.
    expect(ws?.getCell('B4').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFF0000' },
    });
    const cfs = ws ? extras(ws).conditionalFormattings : [];
    expect(cfs.map((c) => [c.ref, c.rules[0]?.type])).toEqual([
      ['F3:F6', 'cellIs'],
      ['A3:L6', 'expression'],
      ['A3:L6', 'expression'],
      ['A3:L6', 'expression'],
    ]);
    expect((cfs[1]?.rules[0] as { formulae?: string[] }).formulae).toEqual(['$K3="严重滞后"']);
    expect(scoredWb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['完成情况', 'visible'],
      ['说明', 'visible'],
      ['评分排名', 'visible'],
      ['通报', 'visible'],
      ['校验', 'visible'],
      ['督办助手设置', 'veryHidden'],
    ]);
    expect(readSettings(scoredWb)?.owned.columns[0]).toMatchObject({
      firstCol: 8,
      lastCol: 11,
      previousWidths: [null, 15, null, null],
    });
  });

  it('clear gives back every non-owned property', async () => {
    const wb = await load(scored);
    const summary = clearOwned(wb);
    expect(summary).toEqual({
      sheets: ['评分排名', '通报', '校验', '督办助手设置'],
      columns: 1,
      rules: 4,
      hadSettings: true,
      hadMarks: true,
    });
    const cleared = workbookSnapshot(await load(await bytesOf(wb)));
    expect(cleared).toEqual(original);
  });

  it('compares pictures that hold every kind of thing the user had', () => {
    // Equal pictures prove little if the picture left something out: each kind the issue names is in it.
    const [table, note] = original['sheets'] as Record<string, unknown>[];
    expect(table).toMatchObject({
      name: '完成情况',
      // styles
      cells: {
        A1: { font: { bold: true, size: 16, name: '宋体' } },
        B4: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } } },
        C3: { border: { bottom: { style: 'double', color: { argb: 'FF0000FF' } } } },
        G3: { numFmt: '0.0%' },
        H7: { formula: 'COUNTA(B3:B6)' },
      },
      merges: ['A1:H1'],
      // print setup
      pageSetup: {
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        printArea: 'A1:H7',
        printTitlesRow: '2:2',
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
      properties: { tabColor: { argb: 'FF00B050' } },
      views: [{ state: 'frozen', ySplit: 2 }],
      dataValidations: { H3: { type: 'textLength', formulae: [300] } },
      conditionalFormats: [{ ref: 'F3:F6', rules: [{ type: 'cellIs' }] }],
    });
    expect((table?.['widths'] as unknown[]).slice(0, 10)).toEqual([
      null,
      null,
      40,
      null,
      null,
      null,
      null,
      null,
      null,
      15,
    ]);
    // another sheet, with its own merge, width and a hyperlink
    expect(note).toMatchObject({
      name: '说明',
      merges: ['A2:C3'],
      cells: { A2: { value: { text: '链接', hyperlink: 'https://example.org/' } } },
    });
    expect((note?.['widths'] as unknown[])[0]).toBe(30);
    // defined names
    expect(original['definedNames']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'units', ranges: ["'完成情况'!$B$3:$B$6"] }),
        expect.objectContaining({ name: 'note', ranges: ["'说明'!$A$1"] }),
      ]),
    );
  });

  it('scoring twice equals scoring once', async () => {
    const again = path.join(dir, 'scored.xlsx');
    writeFileSync(again, scored);
    const twice = await load(await scoreBytes(again));
    expect(workbookSnapshot(twice)).toEqual(workbookSnapshot(scoredWb));
  });
});

describe('score → clear on the sample ledger with the user’s own extras', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'ledger.xlsx');
  const wb = await load(readFileSync(path.join(ROOT, 'seeds/taishan-2024-ledger-q2.xlsx')));
  const ws = wb.getWorksheet('任务台账');
  if (!ws) throw new Error('no ledger');
  ws.getCell('B10').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
  ws.getCell('D12').font = { italic: true, color: { argb: 'FF7030A0' } };
  ws.addConditionalFormatting({
    ref: 'A3:A20',
    rules: [
      { type: 'expression', priority: 1, formulae: ['$B3="区发改局"'], style: { font: { bold: true } } },
    ],
  });
  wb.definedNames.add("'任务台账'!$A$3:$A$163", 'ids');
  // The user's own print setup on top of the ledger's: a print area, margins and a footer.
  ws.pageSetup = {
    ...ws.pageSetup,
    printArea: 'A1:V163',
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&L督查室&R第 &P 页' };
  writeFileSync(input, await bytesOf(wb));
  const original = workbookSnapshot(await load(await bytesOf(await load(readFileSync(input)))));
  const scored = await scoreBytes(input);

  it('writes into the ledger’s own result columns S:V and keys the rules to U', async () => {
    const s = (await load(scored)).getWorksheet('任务台账');
    // 1.15 is row 49 … find it by id rather than by position.
    let statusOf115: unknown = null;
    s?.eachRow((row) => {
      if (row.getCell(1).value === '1.15') statusOf115 = row.getCell(21).value;
    });
    expect(statusOf115).toBe('进展滞后'); // 90 of 200亿元 = 45 % < 50 %
    const cfs = s ? extras(s).conditionalFormattings : [];
    expect(cfs.slice(1).map((c) => [c.ref, (c.rules[0] as { formulae?: string[] }).formulae?.[0]])).toEqual([
      ['A3:V163', '$U3="严重滞后"'],
      ['A3:V163', '$U3="进展滞后"'],
      ['A3:V163', '$U3="已完成"'],
    ]);
  });

  it('clear gives back every non-owned property', async () => {
    const back = await load(scored);
    clearOwned(back);
    expect(workbookSnapshot(await load(await bytesOf(back)))).toEqual(original);
    // …and the picture holds the user's extras and the ledger's own validation and print setup.
    const [ledger] = original['sheets'] as Record<string, unknown>[];
    expect(ledger).toMatchObject({
      cells: { B10: { fill: { fgColor: { argb: 'FF00B0F0' } } }, D12: { font: { italic: true } } },
      pageSetup: { orientation: 'landscape', printArea: 'A1:V163', margins: { left: 0.3 } },
      headerFooter: { oddFooter: '&L督查室&R第 &P 页' },
      dataValidations: { K3: { type: 'list' }, R3: { type: 'textLength' } },
    });
    expect(original['definedNames']).toEqual([expect.objectContaining({ name: 'ids' })]);
  });
});

describe('formula injection through real bytes', () => {
  it('writes a sub-task text that looks like a formula as a text cell', async () => {
    const grid = sheetDataToGrid({
      name: '分解表',
      cells: [
        ['2024年重点工作任务分解表'],
        ['序号', '责任单位', '目标任务', '责任人'],
        [1, '区发改局', '=HYPERLINK("http://evil.example","点击")完成投资200亿元', '陈学刚'],
        [2, '区科技局', '@SUM(1)新增高新技术企业10家', '陈莹'],
      ],
    });
    const analysis = analyzeGrid(grid).analysis;
    if (!analysis) throw new Error('no table');
    const ledger = buildLedger(analysis.breakdown);
    const wb = new ExcelJS.Workbook();
    await applyPlan(wb, planBreakdownWrites(ledger));
    const back = await load(await bytesOf(wb));
    const texts: { type: number; value: unknown; numFmt: string }[] = [];
    back.getWorksheet('任务台账')?.eachRow((row, n) => {
      if (n < 3) return;
      const subTask = row.findCell(4);
      if (subTask) texts.push({ type: subTask.type, value: subTask.value, numFmt: subTask.numFmt });
    });
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t.type).toBe(ExcelJS.ValueType.String);
      expect(typeof t.value).toBe('string');
    }
    expect(texts.some((t) => String(t.value).startsWith('=HYPERLINK') && t.numFmt === '@')).toBe(true);
  });
});
