/**
 * The exceljs adapter passes the workbook-port contract: each fixture is written to real .xlsx bytes with
 * exceljs and read back through XlsxWorkbook, so formulas, rich text, hyperlinks, dates, errors, merges and
 * hidden rows/sheets go through the file format, not through memory.
 */
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook.ts';
import { workbookDataToXlsx } from '../../src/xlsx/workbook-data-to-xlsx.ts';
import { runWorkbookPortContract } from './workbook-port-contract.ts';

runWorkbookPortContract('XlsxWorkbook', async (data) => {
  const bytes = await workbookDataToXlsx(data).xlsx.writeBuffer();
  return XlsxWorkbook.fromBuffer(bytes);
});
