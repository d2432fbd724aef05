/**
 * The Office.js adapter over the strict fake: round trips, payload per request, hidden rows, merged areas,
 * the API-set fallback and host failures. (Grid shapes are the contract suite's job.)
 */
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import type { RawCell } from '../../src/core/grid.ts';
import type { SheetData, WorkbookData } from '../../src/core/port/workbook-port.ts';
import { OfficeWorkbook, toGridFormat, toRawCell, type ExcelHost } from '../../src/excel/office-workbook.ts';
import {
  createFakeExcel,
  FakeOfficeError,
  type FakeExcel,
  type FakeExcelOptions,
} from '../fake-excel/fake-excel.ts';

const BUDGET = 4_000_000;

function portOver(
  data: WorkbookData,
  options: FakeExcelOptions = {},
): { fake: FakeExcel; port: OfficeWorkbook } {
  const fake = createFakeExcel(data, options);
  return { fake, port: new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements) };
}

/** A ledger-like sheet: a header and `rows` task rows of 12 columns (serial, unit, target text, numbers…). */
function ledger(rows: number, extra: Partial<SheetData> = {}): SheetData {
  const header: RawCell[] = [
    '序号',
    '责任单位',
    '目标任务',
    '责任人',
    '完成时限',
    '目标值',
    '完成值',
    '完成率',
    '进展',
    '备注',
    '类别',
    '权重',
  ];
  const body = Array.from({ length: rows }, (_, i): RawCell[] => [
    i + 1,
    `单位${i % 40}`,
    `第${i + 1}项：完成固定资产投资${i}亿元`,
    '周　栋',
    '6月底前',
    100 + i,
    i,
    i / (100 + i),
    '序时推进',
    null,
    i % 2 === 0 ? '街道' : '部门',
    1,
  ]);
  return { name: '台账', cells: [header, ...body], ...extra };
}

function failedCount(fake: FakeExcel): number {
  return fake.stats.requests.filter((r) => r.failed !== undefined).length;
}

describe('OfficeWorkbook round trips', () => {
  it('reads a 5,000-row sheet (header + 4,999 rows) in ONE sync, under 4 MB', async () => {
    const { fake, port } = portOver({ sheets: [ledger(4999)] });
    const grid = await port.readSheet('台账');
    expect(grid.cells).toHaveLength(5000);
    expect(grid.cells[4999]?.[0]).toBe(4999);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.requests[0]?.bytes).toBeLessThanOrEqual(BUDGET);
  });

  it('needs a second sync for the 5,001st row', async () => {
    const { fake, port } = portOver({ sheets: [ledger(5000)] });
    const grid = await port.readSheet('台账');
    expect(grid.cells).toHaveLength(5001);
    expect(grid.cells[5000]?.[2]).toBe('第5000项：完成固定资产投资4999亿元');
    expect(fake.stats.syncs).toBe(2);
  });

  it('reads 12,000 rows in 3 syncs (blocks of 5,000), every request under 4 MB, rows in order', async () => {
    const { fake, port } = portOver({ sheets: [ledger(11999)] });
    const grid = await port.readSheet('台账');
    expect(fake.stats.syncs).toBe(3);
    expect(failedCount(fake)).toBe(0);
    for (const r of fake.stats.requests) expect(r.bytes).toBeLessThanOrEqual(BUDGET);
    expect(grid.cells).toHaveLength(12000);
    expect(grid.cells[0]?.[0]).toBe('序号');
    expect(grid.cells[5000]?.[0]).toBe(5000);
    expect(grid.cells[10001]?.[0]).toBe(10001);
    expect(grid.cells[11999]?.slice(0, 3)).toEqual([11999, '单位38', '第11999项：完成固定资产投资11998亿元']);
    expect(grid.numberFormats).toHaveLength(12000);
  });

  it('lists sheets and finds the active sheet in one sync each', async () => {
    const { fake, port } = portOver({
      sheets: [ledger(3), { name: '其他', cells: [['x']] }],
      active: '其他',
    });
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['台账', '其他']);
    expect(fake.stats.syncs).toBe(1);
    expect(await port.activeSheetName()).toBe('其他');
    expect(fake.stats.syncs).toBe(2);
  });

  it('splits blocks of long Chinese text so that every accepted request stays under 4 MB', async () => {
    // 5,000 rows × 4 cells of 200 Chinese characters ≈ 12 MB of values: more than Excel on the web answers.
    const long = '推进重点项目建设'.repeat(25);
    const cells = Array.from({ length: 5000 }, (_, i) => [`${i}${long}`, long, long, long]);
    const { fake, port } = portOver({ sheets: [{ name: '长文本', cells }] });
    const grid = await port.readSheet('长文本');
    expect(grid.cells).toHaveLength(5000);
    expect(grid.cells[4999]?.[0]).toBe(`4999${long}`);
    // The first round trip is blind (the sheet's size is unknown): the host refuses it once, then the
    // adapter asks for a quarter of the rows and sizes the remaining blocks from what those rows weighed.
    expect(failedCount(fake)).toBe(1);
    expect(fake.stats.requests[0]?.failed).toBe('ResponsePayloadSizeLimitExceeded');
    const accepted = fake.stats.requests.filter((r) => r.failed === undefined);
    for (const r of accepted) expect(r.bytes).toBeLessThanOrEqual(BUDGET);
    expect(accepted.length).toBeGreaterThanOrEqual(4); // ≥ 12 MB in requests of < 4 MB
  });
});

describe('OfficeWorkbook hidden rows', () => {
  it('costs nothing extra when no row is hidden', async () => {
    const { fake, port } = portOver({ sheets: [ledger(100)] });
    expect((await port.readSheet('台账')).hiddenRows).toEqual([]);
    expect(fake.stats.syncs).toBe(1);
  });

  it('looks row by row only at blocks where some rows are hidden: one extra sync', async () => {
    const { fake, port } = portOver({ sheets: [ledger(11999, { hiddenRows: [7000, 7001, 9999] })] });
    const grid = await port.readSheet('台账');
    expect(grid.hiddenRows).toEqual([7000, 7001, 9999]);
    expect(fake.stats.syncs).toBe(4); // 3 blocks + 1 probe of the middle block's 5,000 rows
    for (const r of fake.stats.requests) expect(r.bytes).toBeLessThanOrEqual(BUDGET);
  });

  it('takes a block whose rows are all hidden from rowHidden alone, without probing', async () => {
    const hidden = Array.from({ length: 5000 }, (_, i) => 5000 + i);
    const { fake, port } = portOver({ sheets: [ledger(11999, { hiddenRows: hidden })] });
    const grid = await port.readSheet('台账');
    expect(grid.hiddenRows).toHaveLength(5000);
    expect(grid.hiddenRows?.[0]).toBe(5000);
    expect(grid.hiddenRows?.[4999]).toBe(9999);
    expect(fake.stats.syncs).toBe(3);
  });

  it('keeps the per-row probe of 5,000 rows well under 4 MB', async () => {
    const { fake, port } = portOver({ sheets: [ledger(4999, { hiddenRows: [1] })] });
    await port.readSheet('台账');
    expect(fake.stats.syncs).toBe(2);
    const probe = fake.stats.requests[1];
    expect(probe?.actions).toBe(5000 * 2); // getRow + load per row
    expect(probe?.bytes).toBeLessThan(2_000_000);
  });
});

describe('OfficeWorkbook merged areas and API sets', () => {
  const merged: WorkbookData = {
    sheets: [
      {
        name: '合并',
        cells: [
          ['标题', null],
          ['a', 'b'],
          [null, 'c'],
        ],
        merges: [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 0, left: 0, bottom: 0, right: 1 },
        ],
      },
    ],
  };

  it('reads merged areas in the same single sync on ExcelApi 1.13', async () => {
    const { fake, port } = portOver(merged, { maxExcelApi: '1.13' });
    expect(port.mergesSupported).toBe(true);
    expect((await port.readSheet('合并')).merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 1, left: 0, bottom: 2, right: 0 },
    ]);
    expect(fake.stats.syncs).toBe(1);
  });

  it('falls back to no merges on ExcelApi 1.8 without calling the 1.13 API', async () => {
    const { fake, port } = portOver(merged, { maxExcelApi: '1.8' });
    expect(port.mergesSupported).toBe(false);
    const grid = await port.readSheet('合并');
    expect(grid.merges).toEqual([]);
    expect(grid.cells).toEqual([
      ['标题', null],
      ['a', 'b'],
      [null, 'c'],
    ]);
    expect(failedCount(fake)).toBe(0);
  });

  it('reads more than 512 merged areas (Excel refuses them in one call) in row slices', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({
      top: i * 2,
      left: 0,
      bottom: i * 2 + 1,
      right: 0,
    }));
    const cells = Array.from({ length: 1200 }, (_, i): RawCell[] => [i % 2 === 0 ? `u${i}` : null, i]);
    const { port } = portOver({ sheets: [{ name: '多合并', cells, merges }] });
    const grid = await port.readSheet('多合并');
    // Every pair of rows in column A is one merged area: 600 of them, the first A1:A2, the last A1199:A1200.
    expect(grid.merges).toHaveLength(600);
    const sorted = [...(grid.merges ?? [])].sort((a, b) => a.top - b.top);
    expect(sorted[0]).toEqual({ top: 0, left: 0, bottom: 1, right: 0 });
    expect(sorted[599]).toEqual({ top: 1198, left: 0, bottom: 1199, right: 0 });
    expect(grid.cells).toHaveLength(1200);
  });
});

describe('OfficeWorkbook host failures', () => {
  it('turns an Office error into DubanError host_failure with the code and the cause', async () => {
    const { fake, port } = portOver({ sheets: [ledger(3)] });
    fake.failNextSync('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    const error = await port.readSheet('台账').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DubanError);
    const e = error as DubanError;
    expect(e.code).toBe('host_failure');
    expect(e.fields).toEqual({ sheet: '台账', code: 'InvalidOperationInCellEditMode' });
    expect(e.cause).toBeInstanceOf(FakeOfficeError);
    expect(e.message).toContain('Excel is in cell-editing mode.');
  });

  it('reports failures of listSheets and activeSheetName too', async () => {
    const { fake, port } = portOver({ sheets: [ledger(3)] });
    fake.failNextSync('AccessDenied', 'denied', 2);
    await expect(port.listSheets()).rejects.toMatchObject({
      code: 'host_failure',
      fields: { code: 'AccessDenied' },
    });
    await expect(port.activeSheetName()).rejects.toMatchObject({
      code: 'host_failure',
      fields: { code: 'AccessDenied' },
    });
  });
});

describe('cell conversion', () => {
  it('maps Office cell values to raw cells', () => {
    expect(toRawCell('#DIV/0!', 'Error', null)).toEqual({ error: '#DIV/0!' });
    expect(toRawCell('#N/A', 'String', null)).toBe('#N/A');
    expect(toRawCell(45473, 'Double', 'yyyy-mm-dd')).toBe('2024-06-30');
    expect(toRawCell(45473.25, 'Double', 'yyyy/m/d h:mm')).toBe('2024-06-30 06:00');
    expect(toRawCell(0.681, 'Double', '0.0%')).toBe(0.681);
    expect(toRawCell(45473, 'Double', null)).toBe(45473);
    expect(toRawCell('', 'Empty', null)).toBeNull();
    expect(toRawCell('', 'String', null)).toBeNull();
    expect(toRawCell(false, 'Boolean', null)).toBe(false);
    expect(toRawCell({ type: 'Entity' }, 'RichValue', null)).toBeNull();
  });

  it('maps General to a null number format', () => {
    expect(toGridFormat('General')).toBeNull();
    expect(toGridFormat('0.0%')).toBe('0.0%');
    expect(toGridFormat('')).toBeNull();
  });
});
