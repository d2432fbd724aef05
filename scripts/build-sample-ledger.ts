/**
 * Builds the sample ledger `seeds/taishan-2024-ledger-q2.xlsx`: the seed table `seeds/taishan-2024.xlsx`
 * broken down by the core, turned into the ledger sheet (任务台账) by `buildLedger`, with the invented
 * second-quarter returns of `seeds/sample-progress-2024q2.json` filled into the units' columns, plus a 说明
 * sheet saying it is sample data (示例数据 / sample data).
 *
 * Run: `npx tsx scripts/build-sample-ledger.ts`. Byte-stable like the seed workbook: fixed document
 * properties and zip timestamps (`fixZipTimestamps` from `build-seeds.ts`), so the committed file changes only
 * when the sample, the seed or the ledger layout does. `test/core/ledger/sample-ledger.test.ts` fails when the
 * committed file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { analyzeGrid } from '../src/core/analyze.ts';
import { DubanError } from '../src/core/errors.ts';
import type { RawCell } from '../src/core/grid.ts';
import { cellText } from '../src/core/text/normalize.ts';
import { buildLedger, ledgerColumnIndex, type LedgerSheet } from '../src/core/ledger/index.ts';
import {
  LEDGER_COLUMNS,
  type LedgerColumn,
  type LedgerColumnKey,
  type LedgerRowShape,
} from '../src/core/vocab/ledger-columns.ts';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook.ts';
import { fixZipTimestamps, SEED_SHEET_NAME, SEED_XLSX_PATH } from './build-seeds.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The checked-in sample returns. */
export const SAMPLE_PROGRESS_PATH = resolve(here, '../seeds/sample-progress-2024q2.json');
/** The built sample ledger. */
export const SAMPLE_LEDGER_PATH = resolve(here, '../seeds/taishan-2024-ledger-q2.xlsx');
/** Name of the sheet that labels the workbook as sample data. */
export const SAMPLE_NOTE_SHEET = '说明';
/** The label every sample carries. */
export const SAMPLE_LABEL = '示例数据 / sample data';
/** Document date and zip timestamp of the sample: its as-of date. */
export const SAMPLE_FIXED_DATE = new Date(Date.UTC(2024, 5, 30, 0, 0, 0));

/** Columns a sample entry may fill: the units' columns of the ledger. */
const UNIT_KEYS: readonly LedgerColumnKey[] = LEDGER_COLUMNS.filter((c) => c.filler === 'unit').map(
  (c) => c.key,
);

/** One sub-task's invented return: values of the units' columns by column key (`q2Actual`, `progress` …). */
export type SampleEntry = Partial<Record<LedgerColumnKey, string | number>>;

/** The checked-in `seeds/sample-progress-2024q2.json`. */
export interface SampleProgress {
  /** Always {@link SAMPLE_LABEL}. */
  readonly label: string;
  readonly description: string;
  /** The seed workbook the ids refer to. */
  readonly table: string;
  /** The date the sample is meant to be scored at. */
  readonly asOf: string;
  /** By sub-task id; an empty entry is a sub-task its unit left blank. */
  readonly progress: Readonly<Record<string, SampleEntry>>;
}

/**
 * Check the shape of a parsed sample file. Throws `DubanError('invalid_argument')` naming the first problem:
 * a missing label, a key that is not a units' column, a value that is neither text nor a number.
 */
export function parseSampleProgress(value: unknown): SampleProgress {
  const fail = (message: string, fields: Record<string, unknown> = {}): never => {
    throw new DubanError('invalid_argument', `sample progress: ${message}`, fields);
  };
  if (typeof value !== 'object' || value === null) return fail('must be an object');
  const obj = value as Record<string, unknown>;
  const text = (key: string): string => {
    const v = obj[key];
    return typeof v === 'string' ? v : fail(`${key} must be a string`, { key });
  };
  const label = text('label');
  if (label !== SAMPLE_LABEL) fail(`label must be "${SAMPLE_LABEL}"`, { label });
  const progress = obj['progress'];
  if (typeof progress !== 'object' || progress === null || Array.isArray(progress)) {
    return fail('progress must be an object keyed by sub-task id');
  }
  const entries: Record<string, SampleEntry> = {};
  for (const [id, raw] of Object.entries(progress as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      fail(`${id} must be an object`, { id });
    const entry: SampleEntry = {};
    for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
      if (!UNIT_KEYS.includes(key as LedgerColumnKey))
        fail(`${id}.${key} is not a units' column`, { id, key });
      if (typeof v !== 'string' && typeof v !== 'number')
        fail(`${id}.${key} must be text or a number`, { id, key });
      entry[key as LedgerColumnKey] = v as string | number;
    }
    entries[id] = entry;
  }
  return {
    label,
    description: text('description'),
    table: text('table'),
    asOf: text('asOf'),
    progress: entries,
  };
}

/** Read and check the sample file. */
export async function loadSampleProgress(path: string = SAMPLE_PROGRESS_PATH): Promise<SampleProgress> {
  return parseSampleProgress(JSON.parse(await readFile(path, 'utf8')) as unknown);
}

/** The seed table broken down by the core and turned into a ledger (values only). */
export async function seedLedger(seedPath: string = SEED_XLSX_PATH): Promise<LedgerSheet> {
  const workbook = await XlsxWorkbook.open(seedPath);
  const result = analyzeGrid(await workbook.readSheet(SEED_SHEET_NAME));
  if (!result.analysis) throw new DubanError('no_table', `no table found in ${seedPath}`, { path: seedPath });
  return buildLedger(result.analysis.breakdown);
}

/**
 * The ledger with the sample's returns written into the units' columns. Throws `DubanError` for an id the
 * ledger does not have, so a stale sample cannot silently drop returns.
 */
export function fillLedger(ledger: LedgerSheet, sample: SampleProgress): LedgerSheet {
  const idCol = ledgerColumnIndex('id');
  const rowOf = new Map(ledger.rows.map((r, i) => [cellText(r[idCol]), i]));
  const rows = ledger.rows.map((r) => [...r]);
  for (const [id, entry] of Object.entries(sample.progress)) {
    const index = rowOf.get(id);
    const row = index === undefined ? undefined : rows[index];
    if (!row)
      throw new DubanError('invalid_argument', `sample progress: no sub-task ${id} in the ledger`, { id });
    for (const [key, value] of Object.entries(entry) as [LedgerColumnKey, RawCell][]) {
      row[ledgerColumnIndex(key)] = value;
    }
  }
  return { ...ledger, rows };
}

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const allThin: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const bodyFont: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const headerFont: Partial<ExcelJS.Font> = { name: '黑体', size: 10, bold: true };
/** Header fills by who fills the column: office grey, units light yellow, results light blue. */
const HEADER_FILL: Record<LedgerColumn['filler'], string> = {
  office: 'FFD9D9D9',
  unit: 'FFFFF2CC',
  result: 'FFDDEBF7',
};

function numFmtOf(column: LedgerColumn): string | undefined {
  if (column.format === 'text') return '@';
  if (column.format === 'percent') return '0.0%';
  return undefined;
}

/**
 * The data validation of a units' cell: a status drop-down, the text limit, or for actuals a number on
 * `single` rows and only the prompt on `list` rows (where `195、250` is text).
 */
function validationOf(column: LedgerColumn, shape: LedgerRowShape): ExcelJS.DataValidation | null {
  const v = column.validation;
  if (!v) return null;
  const prompt = column.prompt
    ? { showInputMessage: true, promptTitle: column.prompt.title, prompt: column.prompt.text }
    : {};
  switch (v.kind) {
    case 'list':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`"${v.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '进展状态',
        error: '请从下拉列表中选择进展状态',
        ...prompt,
      };
    case 'textLength':
      return {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [v.max],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '进展情况',
        error: `进展情况一般不超过${v.max}字`,
        ...prompt,
      };
    case 'actual':
      if (shape === 'single') {
        return {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [-1e12, 1e12],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: '完成值',
          error: '请填写数字；单位见“计量单位”列',
          ...prompt,
        };
      }
      // exceljs writes type "any" (a prompt without a check) but its typings do not list it.
      return { type: 'any', allowBlank: true, formulae: [], ...prompt } as unknown as ExcelJS.DataValidation;
  }
}

/** Write the ledger sheet with widths, formats, validation, frozen header and A4 landscape print setup. */
function addLedgerSheet(wb: ExcelJS.Workbook, ledger: LedgerSheet): void {
  const ws = wb.addWorksheet(ledger.sheet, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3', activeCell: 'B3' }],
    pageSetup: {
      // 9 = A4 (exceljs types paper sizes as an ambient const enum, unusable here; see build-seeds.ts).
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
      paperSize: 9 as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  LEDGER_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${ledger.title}（${SAMPLE_LABEL}）`;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  const header = ws.getRow(2);
  header.height = 30;
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.zh;
    cell.font = headerFont;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = allThin;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL[c.filler] } };
  });

  ledger.rows.forEach((values, r) => {
    const row = ws.getRow(r + 3);
    const shape = ledger.shapes[r] ?? 'single';
    LEDGER_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = values[i] ?? null;
      if (value !== null) cell.value = value as ExcelJS.CellValue;
      cell.font = bodyFont;
      cell.border = allThin;
      cell.alignment = { vertical: 'middle', wrapText: c.format === 'wrap' || c.key === 'indicator' };
      const fmt = numFmtOf(c);
      if (fmt !== undefined) cell.numFmt = fmt;
      const validation = validationOf(c, shape);
      if (validation) cell.dataValidation = validation;
    });
  });
}

/** The 说明 sheet: what the workbook is, that its figures are invented, and who fills which columns. */
function addNoteSheet(wb: ExcelJS.Workbook, sample: SampleProgress): void {
  const ws = wb.addWorksheet(SAMPLE_NOTE_SHEET);
  ws.getColumn(1).width = 100;
  const lines: string[] = [
    SAMPLE_LABEL,
    sample.description,
    `台账由 ${sample.table} 分解生成；“任务台账”工作表中各单位填报的完成值、进展状态和进展情况均为虚构，截至 ${sample.asOf}。`,
    `评分：npx duban score seeds/taishan-2024-ledger-q2.xlsx --as-of ${sample.asOf}`,
    '灰色表头的列由督查室填写（分解时生成），黄色表头的列由责任单位按季度填写，蓝色表头的列由评分生成。',
    '一项任务有多个指标时，各季度完成值按“目标值”列的顺序用“、”分隔，如 195、250。',
    'The ledger was generated from the seed table; every return in the units’ columns is invented. Grey headers: filled by the supervision office; yellow: by the responsible units each quarter; blue: written by scoring.',
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { name: '黑体', size: 14, bold: true } : { name: '宋体', size: 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** The sample ledger workbook in memory: 任务台账 (active) and 说明. */
export function buildSampleLedgerWorkbook(ledger: LedgerSheet, sample: SampleProgress): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '督办助手';
  wb.lastModifiedBy = '督办助手';
  wb.created = SAMPLE_FIXED_DATE;
  wb.modified = SAMPLE_FIXED_DATE;
  wb.title = `${ledger.title}（${SAMPLE_LABEL}）`;
  addLedgerSheet(wb, fillLedger(ledger, sample));
  addNoteSheet(wb, sample);
  return wb;
}

/** The whole build: seed table → breakdown → ledger → sample returns → byte-stable .xlsx bytes. */
export async function buildSampleLedgerBytes(): Promise<Buffer> {
  const [ledger, sample] = await Promise.all([seedLedger(), loadSampleProgress()]);
  const bytes = Buffer.from(await buildSampleLedgerWorkbook(ledger, sample).xlsx.writeBuffer());
  fixZipTimestamps(bytes, SAMPLE_FIXED_DATE);
  return bytes;
}

async function main(): Promise<void> {
  const bytes = await buildSampleLedgerBytes();
  await writeFile(SAMPLE_LEDGER_PATH, bytes);
  process.stdout.write(`wrote ${SAMPLE_LEDGER_PATH}: ${bytes.byteLength} bytes\n`);
}

// Run only when executed as a script, not when a test imports it.
const thisFile = fileURLToPath(import.meta.url);
if (process.argv.slice(1).some((arg) => resolve(arg) === thisFile)) {
  await main();
}
