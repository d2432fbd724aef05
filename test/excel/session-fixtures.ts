/**
 * Workbooks for the session tests: the seed workbooks read through the xlsx adapter into plain data (values,
 * number formats, merges, hidden rows), and generated ledgers of any size.
 */
import path from 'node:path';
import type { RawCell } from '../../src/core/grid.ts';
import type { SheetData, WorkbookData } from '../../src/core/port/workbook-port.ts';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook.ts';
import type { ExcelHost } from '../../src/excel/office-workbook.ts';
import { ExcelSession, type ExcelSessionOptions } from '../../src/excel/excel-session.ts';
import type { FakeExcel, FakeRequestContext } from '../fake-excel/fake-excel.ts';

export const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

/** An .xlsx file as workbook data (every sheet, the first visible one active). */
export async function xlsxData(file: string): Promise<WorkbookData> {
  const wb = await XlsxWorkbook.open(file);
  const sheets: SheetData[] = [];
  for (const info of await wb.listSheets()) {
    const grid = await wb.readSheet(info.name);
    sheets.push({
      name: info.name,
      visibility: info.visibility,
      cells: grid.cells.map((r) => [...r]),
      numberFormats: (grid.numberFormats ?? []).map((r) => [...r]),
      merges: [...(grid.merges ?? [])],
      hiddenRows: [...(grid.hiddenRows ?? [])],
    });
  }
  return { sheets, active: await wb.activeSheetName() };
}

/** A session over the fake, retrying at once in cell-edit mode. */
export function sessionOver(fake: FakeExcel, options: ExcelSessionOptions = {}): ExcelSession {
  return new ExcelSession(fake.Excel as unknown as ExcelHost, fake.requirements, 'zh', {
    retryDelaysMs: [0, 0, 0],
    today: () => '2024-06-30',
    ...options,
  });
}

/**
 * A ledger of `rows` sub-task rows made from the seed ledger (`taishan-2024-ledger-q2.xlsx`, 161 rows): its
 * title, header and rows repeated in order, each copy with its own ids (`7.03` → `1007.03` in the second copy).
 */
export function bigLedger(seed: WorkbookData, rows: number): WorkbookData {
  const sheet = seed.sheets.find((s) => s.name === '任务台账');
  if (!sheet) throw new Error('the seed has no 任务台账');
  const [title, header, ...body] = sheet.cells;
  const formats = sheet.numberFormats ?? [];
  const bodyFormats = formats.slice(2);
  const cells: RawCell[][] = [[...(title ?? [])], [...(header ?? [])]];
  const numberFormats: (string | null)[][] = [[...(formats[0] ?? [])], [...(formats[1] ?? [])]];
  for (let i = 0; i < rows; i++) {
    const k = i % body.length;
    const copy = Math.floor(i / body.length);
    const row = [...(body[k] ?? [])];
    const id = row[0];
    // 7.03 in the third copy is 2007.03: the numbers stay unique and keep the seed's shape.
    if (copy > 0 && typeof id === 'string')
      // The leading number only: '7.03' → '1007.03' (copy 1); '12.1' → '2012.1' (copy 2); '52.02' → '3052.02'.
      row[0] = id.replace(/^\d+/, (m) => String(Number(m) + copy * 1000));
    cells.push(row);
    numberFormats.push([...(bodyFormats[k] ?? [])]);
  }
  return {
    sheets: [{ ...sheet, cells, numberFormats, hiddenRows: [] }],
    active: '任务台账',
  };
}

/** A responsibility table with progress columns (long layout), as in test/xlsx/score-clear.test.ts. */
export const TABLE: WorkbookData = {
  sheets: [
    {
      name: '完成情况',
      cells: [
        ['2024年重点工作任务完成情况'],
        ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值', '完成率', '进展情况'],
        [1, '区人社局', '新增城镇就业7200人以上', '张辉', 7200, 4496, 0.624, null],
        [2, '区交运局', '新改建“四好农村路”40公里', '孙大伟', 40, 8, 0.25, null],
        [3, '区商务局', '社会消费品零售总额增长6%左右', '孙超', 6, 6.3, null, null],
        [4, '区司法局', '深化企业全生命周期法律服务', '张力', null, null, null, '序时推进'],
      ],
      numberFormats: [
        [],
        [],
        [null, null, null, null, null, null, '0.0%'],
        [null, null, null, null, null, null, '0.0%'],
      ],
    },
    { name: '说明', cells: [['本表由督查室汇总']] },
  ],
  active: '完成情况',
};

/** The user's own formatting, written the way a user's Excel would hold it. */
export async function decorate(fake: FakeExcel): Promise<void> {
  await fake.Excel.run(async (ctx: FakeRequestContext) => {
    const ws = ctx.workbook.worksheets.getItem('完成情况');
    ws.getRange('A1:H1').merge(false);
    ws.getRange('A1').format.font.bold = true;
    ws.getRange('A1').format.font.size = 16;
    ws.getRange('B4').format.fill.color = '#FF0000';
    const border = ws.getRange('C3').format.borders.getItem('EdgeBottom');
    border.style = 'Continuous';
    border.color = '#0000FF';
    ws.getRange('C:C').format.columnWidth = 213.75; // 40 characters
    ws.getRange('J:J').format.columnWidth = 82.5; // 15 characters, where our columns will go
    ws.freezePanes.freezeRows(2);
    // A rule of the user's on exactly the range our highlights will cover, and one on the 完成值 column.
    const same = ws.getRange('A3:L6').conditionalFormats.add('Custom');
    same.custom.rule.formula = '=$F3<5';
    same.custom.format.fill.color = '#00B0F0';
    const own = ws.getRange('F3:F6').conditionalFormats.add('Custom');
    own.custom.rule.formula = '=F3<10';
    own.custom.format.font.color = '#FF0000';
    await ctx.sync();
  });
  fake.resetStats();
}
