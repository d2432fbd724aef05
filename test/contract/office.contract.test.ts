/**
 * The Office.js adapter, over the strict fake Excel, passes the workbook-port contract — on a current host
 * (merged areas read through ExcelApi 1.13) and on an Office 2019-level host (ExcelApi 1.8: the documented
 * fallback without merged areas; the fake fails the sync with ApiNotFound if the adapter called the 1.13 API).
 */
import { OfficeWorkbook, type ExcelHost } from '../../src/excel/office-workbook.ts';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { runWorkbookPortContract } from './workbook-port-contract.ts';

runWorkbookPortContract('OfficeWorkbook (ExcelApi 1.13+)', (data) => {
  const fake = createFakeExcel(data, { maxExcelApi: '1.13' });
  return Promise.resolve(new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements));
});

runWorkbookPortContract(
  'OfficeWorkbook (ExcelApi 1.8)',
  (data) => {
    const fake = createFakeExcel(data, { maxExcelApi: '1.8' });
    return Promise.resolve(new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements));
  },
  { merges: 'none' },
);
