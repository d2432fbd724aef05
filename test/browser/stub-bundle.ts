/**
 * Builds the Office.js stand-in the browser tests serve in place of Microsoft's CDN script: the seed workbook
 * read with the exceljs adapter, turned back into plain workbook data, embedded as JSON in one IIFE bundle of
 * `office-stub.ts` and the strict fake Excel (esbuild, at test time; nothing is checked in).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Grid, RawCell } from '../../src/core/grid.ts';
import type { SheetData, WorkbookData } from '../../src/core/port/workbook-port.ts';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The seed workbook the pane reads in the browser tests and the README screenshot. */
export const SEED_WORKBOOK = path.resolve(HERE, '../../seeds/taishan-2024.xlsx');

/**
 * A grid as sheet data starting at A1: a grid whose origin is not A1 (a used range starting at C5) gets empty
 * rows and columns in front, so the fake host places every cell where the grid says it is. Merges and hidden
 * rows are absolute in both and pass through.
 */
export function gridToSheetData(grid: Grid): SheetData {
  const { row: top, col: left } = grid.origin;
  const pad = <T>(rows: readonly (readonly T[])[], blank: T): T[][] => [
    ...Array.from({ length: top }, (): T[] => []),
    ...rows.map((r) => [...Array<T>(left).fill(blank), ...r]),
  ];
  const sheet: SheetData = {
    name: grid.sheet,
    cells: pad<RawCell>(grid.cells, null),
    merges: [...(grid.merges ?? [])],
    hiddenRows: [...(grid.hiddenRows ?? [])],
  };
  return grid.numberFormats ? { ...sheet, numberFormats: pad(grid.numberFormats, null) } : sheet;
}

/** Every sheet of an .xlsx file as plain workbook data (through `src/xlsx`), with its active sheet. */
export async function workbookDataFromXlsx(file: string): Promise<WorkbookData> {
  const workbook = await XlsxWorkbook.open(file);
  const infos = await workbook.listSheets();
  const sheets: SheetData[] = [];
  for (const info of infos) {
    const data = gridToSheetData(await workbook.readSheet(info.name));
    sheets.push(info.visibility === 'visible' ? data : { ...data, visibility: info.visibility });
  }
  return { sheets, active: await workbook.activeSheetName() };
}

/**
 * One browser script (IIFE, ES2022) that installs the Office stub over `data` when it runs. The data is
 * embedded as a JSON literal in a generated entry module; the bundle never fetches anything.
 */
export async function buildOfficeStub(data: WorkbookData): Promise<string> {
  const entry = [
    "import { installOfficeStub } from './office-stub.ts';",
    `installOfficeStub(window, ${JSON.stringify(data)});`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: HERE, sourcefile: 'office-stub-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the Office stub');
  return output.text;
}
