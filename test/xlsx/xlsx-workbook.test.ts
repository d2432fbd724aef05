/**
 * The exceljs reader beyond the shared contract: what only real .xlsx files hold (shared formulas, formulas
 * with error or date results, hyperlinks with rich text, merge echoes at a row's end, empty strings,
 * formats on empty cells, hidden rows past the data), and the masking of owned result columns.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/core/grid.ts';
import type { OwnedColumnMark } from '../../src/core/write-plan/owned-settings.ts';
import { maskOwnedColumns } from '../../src/core/write-plan/mask-owned.ts';
import { worksheetToGrid, XlsxWorkbook } from '../../src/xlsx/xlsx-workbook.ts';

/** The sheet after a real write and read. */
async function throughFile(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表'));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  const ws = back.getWorksheet('表');
  if (!ws) throw new Error('sheet lost');
  return ws;
}

describe('worksheetToGrid on what only files hold', () => {
  it('reads shared formulas, error and date results by their cached values', async () => {
    const ws = await throughFile((s) => {
      s.getCell('A1').value = 2;
      s.getCell('A2').value = 3;
      // A shared formula as exceljs models it (its typings leave out shareType and ref).
      s.getCell('B1').value = {
        formula: 'A1*10',
        result: 20,
        shareType: 'shared',
        ref: 'B1:B2',
      } as ExcelJS.CellFormulaValue;
      s.getCell('B2').value = { sharedFormula: 'B1', result: 30 };
      s.getCell('C1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      s.getCell('C2').value = { formula: 'DATE(2024,6,30)', result: new Date(Date.UTC(2024, 5, 30)) };
      s.getCell('C2').numFmt = 'yyyy-mm-dd';
    });
    const grid = worksheetToGrid(ws);
    expect(grid.cells).toEqual([
      [2, 20, { error: '#DIV/0!' }],
      [3, 30, '2024-06-30'],
    ]);
    expect(grid.numberFormats).toEqual([
      [null, null, null],
      [null, null, 'yyyy-mm-dd'],
    ]);
  });

  it('reads a hyperlink whose text is rich text as its plain text', async () => {
    const ws = await throughFile((s) => {
      s.getCell('A1').value = {
        text: { richText: [{ text: '泰山区' }, { text: '网站', font: { bold: true } }] },
        hyperlink: 'https://example.org/',
      } as unknown as ExcelJS.CellHyperlinkValue;
    });
    expect(worksheetToGrid(ws).cells).toEqual([['泰山区网站']]);
  });

  it('trims what only looks like content: merge echoes, empty strings, formatted empty cells', async () => {
    const ws = await throughFile((s) => {
      s.getCell('A1').value = '标题';
      s.mergeCells('A1:E1'); // B1:E1 echo A1 in exceljs
      s.getCell('A2').value = '序号';
      s.getCell('B2').value = '单位';
      s.getCell('C2').value = '';
      s.getCell('D3').numFmt = '0.0%'; // a format, no value
      s.getCell('A3').value = 1;
      s.getCell('A5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    const grid = worksheetToGrid(ws);
    // Width 2 (B2 is the last value), height 3 (row 3 the last with one); row 5's fill is no value.
    expect(grid.cells).toEqual([
      ['标题', null],
      ['序号', '单位'],
      [1, null],
    ]);
    expect(grid.numberFormats).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
  });

  it('reports hidden rows in order, those without values too, but none past the data', async () => {
    const ws = await throughFile((s) => {
      for (let r = 1; r <= 6; r++) s.getCell(`A${r}`).value = r;
      s.getRow(2).hidden = true;
      s.getRow(5).hidden = true;
      s.getRow(4).getCell(1).value = null; // row 4 emptied, then hidden
      s.getRow(4).hidden = true;
      s.getRow(9).hidden = true; // beyond the last row with a value
    });
    const grid = worksheetToGrid(ws);
    expect(grid.cells).toEqual([[1], [2], [3], [null], [5], [6]]);
    expect(grid.hiddenRows).toEqual([1, 3, 4]);
  });
});

describe('maskOwnedColumns', () => {
  // A ledger-like sheet: header on row 1 (0-based 0), data rows 1–2, owned columns 3–4 (D:E) at the right.
  const grid: Grid = {
    sheet: '台账',
    origin: { row: 0, col: 0 },
    cells: [
      ['编号', '单位', '进展', '完成率', '状态'],
      ['1.01', '区发改局', '推进中', 0.5, '序时推进'],
      ['1.02', '区科技局', null, 0.2, '严重滞后'],
    ],
    numberFormats: [
      [null, null, null, null, null],
      ['@', null, null, '0.0%', null],
      ['@', null, null, '0.0%', null],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    hiddenRows: [2],
  };
  const mark = (over: Partial<OwnedColumnMark>): OwnedColumnMark => ({
    sheet: '台账',
    firstCol: 3,
    lastCol: 4,
    headerRow: 0,
    ownsHeader: true,
    firstRow: 1,
    lastRow: 2,
    previousWidths: [null, null],
    ...over,
  });

  it('blanks our header and cells and trims the columns that become empty', () => {
    const before = JSON.stringify(grid);
    const masked = maskOwnedColumns(grid, [mark({})]);
    expect(masked).toEqual({
      sheet: '台账',
      origin: { row: 0, col: 0 },
      cells: [
        ['编号', '单位', '进展'],
        ['1.01', '区发改局', '推进中'],
        ['1.02', '区科技局', null],
      ],
      numberFormats: [
        [null, null, null],
        ['@', null, null],
        ['@', null, null],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      hiddenRows: [2],
    });
    // The grid it was given is left as it was.
    expect(JSON.stringify(grid)).toBe(before);
  });

  it('keeps the ledger’s own header when the header is not ours, and the width it still needs', () => {
    const masked = maskOwnedColumns(grid, [mark({ ownsHeader: false })]);
    expect(masked.cells).toEqual([
      ['编号', '单位', '进展', '完成率', '状态'],
      ['1.01', '区发改局', '推进中', null, null],
      ['1.02', '区科技局', null, null, null],
    ]);
    expect(masked.numberFormats?.[1]).toEqual(['@', null, null, null, null]);
  });

  it('blanks columns in the middle without trimming, and ignores marks of other sheets', () => {
    const masked = maskOwnedColumns(grid, [
      mark({ firstCol: 2, lastCol: 2, firstRow: 1, lastRow: 1, ownsHeader: false }),
      mark({ sheet: '别的表', firstCol: 0, lastCol: 4 }),
    ]);
    expect(masked.cells).toEqual([
      ['编号', '单位', '进展', '完成率', '状态'],
      ['1.01', '区发改局', null, 0.5, '序时推进'],
      ['1.02', '区科技局', null, 0.2, '严重滞后'],
    ]);
    expect(maskOwnedColumns(grid, [mark({ sheet: '别的表' })])).toBe(grid);
  });

  it('drops rows that only held our cells', () => {
    const masked = maskOwnedColumns({ ...grid, cells: [...grid.cells, [null, null, null, 1, '已完成']] }, [
      mark({ lastRow: 3 }),
    ]);
    expect(masked.cells).toHaveLength(3);
  });
});

describe('XlsxWorkbook.readSheet', () => {
  it('masks the owned columns its settings list, read afresh on every call', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['编号', '单位', '完成率']);
    ws.addRow(['1.01', '区发改局', 0.5]);
    const book = XlsxWorkbook.fromWorkbook(wb);
    expect((await book.readSheet('台账')).cells[1]).toEqual(['1.01', '区发改局', 0.5]);
    const settings = wb.addWorksheet('督办助手设置', { state: 'veryHidden' });
    settings.getCell('A1').value = 'duban-settings';
    settings.getCell('A2').value = JSON.stringify({
      app: 'duban',
      version: 1,
      owned: {
        sheets: [],
        rules: [],
        columns: [
          {
            sheet: '台账',
            firstCol: 2,
            lastCol: 2,
            headerRow: 0,
            ownsHeader: true,
            firstRow: 1,
            lastRow: 1,
            previousWidths: [null],
          },
        ],
      },
    });
    expect((await book.readSheet('台账')).cells).toEqual([
      ['编号', '单位'],
      ['1.01', '区发改局'],
    ]);
  });
});
