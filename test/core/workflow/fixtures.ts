/**
 * Hand-written workbooks for the workflow tests. Sheet rows are 1-based in the comments (as Excel shows them).
 *
 * - {@link TABLE_SHEET} 完成情况: title in row 1, header 序号 / 责任单位 / 目标任务 / 责任人 / 目标值 / 完成值 in
 *   row 2 (A2…F2), two task rows: 区人社局 4496 of 7200 (62.4 %), 区交运局 8 of 40 (20 %).
 * - {@link LEDGER_SHEET} 任务台账: title 2024年重点工作任务台账 in row 1, the ledger header (A2…V2, written out in
 *   `test/core/ledger/fixtures.ts`), two rows with second-quarter actuals in column L: 9.01 区人社局 4496 of
 *   7200 人, 12.01 区交运局 8 of 40 公里.
 */
import type { RawCell } from '../../../src/core/grid.ts';
import type { SheetData, WorkbookData } from '../../../src/core/port/workbook-port.ts';
import { HEADER, row } from '../ledger/fixtures.ts';

/** The long table with its own actual column. */
export function tableSheet(
  name = '完成情况',
  title: string | null = '2024年重点工作任务完成情况',
): SheetData {
  const cells: RawCell[][] = [
    [title],
    ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值'],
    [1, '区人社局', '新增城镇就业7200人以上', '张辉', 7200, 4496],
    [2, '区交运局', '新改建“四好农村路”40公里', '孙大伟', 40, 8],
  ];
  return { name, cells };
}

/** The table sheet as written above. */
export const TABLE_SHEET: SheetData = tableSheet();

/** A ledger sheet (title row optional) with the given rows. */
export function ledgerSheet(
  name = '任务台账',
  rows: RawCell[][] = LEDGER_ROWS,
  title: string | null = '2024年重点工作任务台账',
): SheetData {
  return { name, cells: [[title], [...HEADER], ...rows] };
}

/** The two ledger rows. */
export const LEDGER_ROWS: RawCell[][] = [
  row({ A: '9.01', B: '区人社局', C: '张辉', D: '年内新增城镇就业7200人以上', G: 7200, H: '人', L: 4496 }),
  row({ A: '12.01', B: '区交运局', C: '孙大伟', D: '新改建“四好农村路”40公里', G: 40, H: '公里', L: 8 }),
];

/** The ledger sheet as written above. */
export const LEDGER_SHEET: SheetData = ledgerSheet();

/** A sheet with text and no table. */
export function plainSheet(name: string, text = '本表由督查室编制'): SheetData {
  return { name, cells: [[text]] };
}

/** A workbook from sheets, with an optional active sheet. */
export function workbook(sheets: SheetData[], active?: string): WorkbookData {
  return active === undefined ? { sheets } : { sheets, active };
}
