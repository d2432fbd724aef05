/**
 * The workbooks the playground offers: the two seed workbooks, the file named on the command line, and any
 * .xlsx the user opens in the page (sent to this loopback server, read here and sent back — the file never
 * goes anywhere else). Each is loaded into the strict fake Excel with everything the fake models
 * (`createFakeExcelFromXlsx`); the page runs a fake over the same document (host-transfer.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SheetData, WorkbookData } from '../src/core/port/workbook-port.ts';
import { worksheetToGrid, XlsxWorkbook } from '../src/xlsx/xlsx-workbook.ts';
import { gridToSheetData } from '../test/browser/stub-bundle.ts';
import { createFakeExcel, FakeNotModelledError } from '../test/fake-excel/fake-excel.ts';
import type { HostWorkbook } from '../test/fake-excel/fake-host.ts';
import { createFakeExcelFromXlsx } from '../test/fake-excel/from-xlsx.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One workbook the page's picker offers. */
export interface WorkbookSource {
  /** Stable id used in URLs: `taishan-2024`, `taishan-2024-ledger-q2`, `command-line`. */
  readonly id: string;
  /** What the picker shows (Chinese first). */
  readonly label: string;
  readonly file: string;
}

/** A workbook as the page receives it. */
export interface PlaygroundWorkbook {
  readonly id: string;
  readonly label: string;
  /** The file name shown in the page (no folders: the page has no business knowing them). */
  readonly fileName: string;
  /** The fake's document (send it with `hostReplacer`). */
  readonly host: HostWorkbook;
  /** Set when the file holds something the fake does not model and only its cells were loaded. */
  readonly note: string | null;
}

/** The seed workbooks (seeds/README.md). */
export const SEED_SOURCES: readonly WorkbookSource[] = [
  {
    id: 'taishan-2024',
    label: '示例：泰山区 2024 年重点工作任务分解表',
    file: path.join(ROOT, 'seeds', 'taishan-2024.xlsx'),
  },
  {
    id: 'taishan-2024-ledger-q2',
    label: '示例：任务台账，二季度进度（示例数据）',
    file: path.join(ROOT, 'seeds', 'taishan-2024-ledger-q2.xlsx'),
  },
];

/** The largest file the page may send (bytes); a responsibility table is a few hundred KB. */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

/**
 * Every sheet as plain workbook data, exactly as stored: unlike `XlsxWorkbook.readSheet` the owned result
 * columns are NOT masked — the fake must hold what the file holds, as Excel would.
 */
export async function workbookDataOf(workbook: XlsxWorkbook): Promise<WorkbookData> {
  const sheets: SheetData[] = [];
  for (const info of await workbook.listSheets()) {
    const ws = workbook.workbook.getWorksheet(info.name);
    if (!ws) continue;
    const data = gridToSheetData(worksheetToGrid(ws));
    sheets.push(info.visibility === 'visible' ? data : { ...data, visibility: info.visibility });
  }
  return { sheets, active: await workbook.activeSheetName() };
}

/**
 * The fake's document for an .xlsx: everything the fake models; when the file holds formatting the fake does
 * not model (a gradient fill, an odd conditional-format range), only values, number formats, merges and
 * hidden rows, with a note saying so.
 */
async function hostFor(file: string | Uint8Array): Promise<{ host: HostWorkbook; note: string | null }> {
  try {
    return { host: (await createFakeExcelFromXlsx(file)).host, note: null };
  } catch (error) {
    if (!(error instanceof FakeNotModelledError)) throw error;
    const workbook =
      typeof file === 'string' ? await XlsxWorkbook.open(file) : await XlsxWorkbook.fromBuffer(file);
    return {
      host: createFakeExcel(await workbookDataOf(workbook)).host,
      note: `模拟 Excel 不支持文件中的部分格式（${error.message}），只载入了单元格内容。`,
    };
  }
}

/** Read a workbook file for the page. */
export async function loadWorkbookFile(source: WorkbookSource): Promise<PlaygroundWorkbook> {
  const { host, note } = await hostFor(source.file);
  return { id: source.id, label: source.label, fileName: path.basename(source.file), host, note };
}

/** Read workbook bytes the page sent (an .xlsx the user opened). Unreadable bytes throw `unreadable_file`. */
export async function loadWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<PlaygroundWorkbook> {
  const { host, note } = await hostFor(bytes);
  const name = path.basename(fileName) || 'workbook.xlsx';
  return { id: 'opened', label: name, fileName: name, host, note };
}
