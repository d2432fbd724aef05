/**
 * Builds the bundled seed workbook `seeds/taishan-2024.xlsx` from its checked-in transcription
 * `seeds/taishan-2024.json` (the 2024 泰山区 重点工作任务分解表, 52 rows).
 *
 * Run: `npx tsx scripts/build-seeds.ts`. The output is byte-stable: the same JSON always gives the same
 * file, so the committed .xlsx only changes in a diff when the transcription or the layout changes.
 *
 * The layout imitates how a supervision office circulates such a table by e-mail: an 附件 line, a merged
 * bold title, a bordered header row, then one row per task with wrapped text, printable on A4 landscape
 * with the header repeated on every page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { DubanError } from '../src/core/errors.ts';

/** One task row of the 分解表, every cell exactly as printed in the source (line breaks as `\n`). */
export interface SeedRow {
  /** 序号, e.g. `"1"`. */
  serial: string;
  /** 责任单位, e.g. `"市生态环境局\n泰山分局"`. */
  unit: string;
  /** 目标任务: the full target text. */
  target: string;
  /** 责任人, e.g. `"周\u3000栋"` (with a U+3000 ideographic space) or `"宋杰（宋海峰/亓子超）"`. */
  owner: string;
}

/** The checked-in transcription `seeds/taishan-2024.json`. */
export interface SeedTranscription {
  /** Which document the table comes from (human-readable). */
  source: string;
  /** The source text file, relative to `seeds/`. */
  sourceFile: string;
  /** The line that opens the attachment in the source (`附件`). */
  attachmentLine: string;
  /** The table title. */
  title: string;
  /** The four header cells exactly as printed, spaces included (`目   标   任   务`). */
  header: [string, string, string, string];
  /** The task rows in source order. */
  rows: SeedRow[];
}

/** Name of the one worksheet in the seed workbook. */
export const SEED_SHEET_NAME = '分解表';

/** 1-based row numbers of the fixed parts of the layout; task rows start at {@link SEED_FIRST_DATA_ROW}. */
export const SEED_ATTACHMENT_ROW = 1;
/** Row of the merged title. */
export const SEED_TITLE_ROW = 2;
/** Row of the column header (repeated on every printed page). */
export const SEED_HEADER_ROW = 3;
/** Row of the first task. */
export const SEED_FIRST_DATA_ROW = 4;

/** Column widths in Excel character units: 序号 narrow, 目标任务 wide. */
export const SEED_COLUMN_WIDTHS: readonly [number, number, number, number] = [6, 18, 90, 14];

/**
 * The fixed timestamp written into the document properties and into every zip entry, so that rebuilding
 * gives the same bytes. The date of the source notice (2024-02-08).
 */
export const SEED_FIXED_DATE = new Date(Date.UTC(2024, 1, 8, 0, 0, 0));

const here = fileURLToPath(new URL('.', import.meta.url));
/** Absolute path of the transcription. */
export const SEED_JSON_PATH = resolve(here, '../seeds/taishan-2024.json');
/** Absolute path of the built workbook. */
export const SEED_XLSX_PATH = resolve(here, '../seeds/taishan-2024.xlsx');

function expectString(value: unknown, where: string): string {
  if (typeof value !== 'string') {
    throw new DubanError('invalid_argument', `${where} must be a string`, { where, value });
  }
  return value;
}

/**
 * Checks the shape of a parsed `taishan-2024.json` and returns it typed. Throws `DubanError`
 * (`invalid_argument`) naming the first field that is missing or of the wrong type.
 */
export function parseSeedTranscription(value: unknown): SeedTranscription {
  if (typeof value !== 'object' || value === null) {
    throw new DubanError('invalid_argument', 'seed transcription must be an object', {});
  }
  const obj = value as Record<string, unknown>;
  const header = obj['header'];
  if (!Array.isArray(header) || header.length !== 4) {
    throw new DubanError('invalid_argument', 'header must be an array of 4 strings', { header });
  }
  const rows = obj['rows'];
  if (!Array.isArray(rows)) {
    throw new DubanError('invalid_argument', 'rows must be an array', {});
  }
  return {
    source: expectString(obj['source'], 'source'),
    sourceFile: expectString(obj['sourceFile'], 'sourceFile'),
    attachmentLine: expectString(obj['attachmentLine'], 'attachmentLine'),
    title: expectString(obj['title'], 'title'),
    header: [
      expectString(header[0], 'header[0]'),
      expectString(header[1], 'header[1]'),
      expectString(header[2], 'header[2]'),
      expectString(header[3], 'header[3]'),
    ],
    rows: rows.map((row: unknown, i): SeedRow => {
      if (typeof row !== 'object' || row === null) {
        throw new DubanError('invalid_argument', `rows[${i}] must be an object`, { index: i });
      }
      const r = row as Record<string, unknown>;
      return {
        serial: expectString(r['serial'], `rows[${i}].serial`),
        unit: expectString(r['unit'], `rows[${i}].unit`),
        target: expectString(r['target'], `rows[${i}].target`),
        owner: expectString(r['owner'], `rows[${i}].owner`),
      };
    }),
  };
}

/** Reads and checks `seeds/taishan-2024.json` (or another transcription file). */
export async function loadSeedTranscription(path: string = SEED_JSON_PATH): Promise<SeedTranscription> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  return parseSeedTranscription(parsed);
}

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const allThin: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

// Fonts every Chinese Windows/WPS install has; other systems substitute a CJK font.
const bodyFont: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const headerFont: Partial<ExcelJS.Font> = { name: '黑体', size: 12, bold: true };

/** Points per wrapped line of 11 pt CJK text, and the padding above and below it. */
const LINE_HEIGHT_PT = 15;
const ROW_PADDING_PT = 4;

/**
 * Width of one character in Excel column-width units (the width of `0` in the default 11 pt font).
 * CJK characters, full-width forms, U+3000 and the CJK-style punctuation of these texts (“”、—) are about
 * two units wide in 宋体; everything from U+2000 up is counted as wide. A little slack on both so that the
 * estimate errs on the tall side.
 */
function charUnits(ch: string): number {
  return (ch.codePointAt(0) ?? 0) >= 0x2000 ? 2.2 : 1.1;
}

/**
 * Estimates the height in points a row needs to show every cell's wrapped text: for each cell, each
 * of its lines (split at `\n`) takes ceil(text width / usable column width) lines; the tallest cell wins.
 * The usable width leaves one unit for the cell's inner margins.
 * Example: a 637-character target in a 90-wide column → ceil(637 × 2.2 / 89) = 16 lines → 244 pt.
 */
export function estimateRowHeight(texts: readonly string[], widths: readonly number[]): number {
  let lines = 1;
  texts.forEach((text, col) => {
    const usable = Math.max(1, (widths[col] ?? 10) - 1);
    let cellLines = 0;
    for (const line of text.split('\n')) {
      let units = 0;
      for (const ch of line) units += charUnits(ch);
      cellLines += Math.max(1, Math.ceil(units / usable));
    }
    lines = Math.max(lines, cellLines);
  });
  return lines * LINE_HEIGHT_PT + ROW_PADDING_PT;
}

/**
 * Builds the seed workbook in memory: sheet `分解表`; row 1 the 附件 line, row 2 the title merged over
 * A:D, row 3 the header, then one row per task. 序号 is written as a number (as an office would type it);
 * every other cell is the transcription's string unchanged, line breaks included.
 * Throws `DubanError` (`invalid_argument`) if a serial is not a whole number.
 */
export function buildSeedWorkbook(seed: SeedTranscription): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '督办助手';
  wb.lastModifiedBy = '督办助手';
  wb.created = SEED_FIXED_DATE;
  wb.modified = SEED_FIXED_DATE;
  wb.title = seed.title;

  const ws = wb.addWorksheet(SEED_SHEET_NAME, {
    // Freeze the title and header so the columns stay labelled while scrolling 52 long rows.
    views: [{ state: 'frozen', xSplit: 0, ySplit: SEED_HEADER_ROW, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: {
      // 9 = A4. exceljs types paper sizes as an ambient `const enum`, which isolatedModules cannot use and
      // which does not exist at run time, so the number is the only way to name it.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
      paperSize: 9 as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      printTitlesRow: `${SEED_HEADER_ROW}:${SEED_HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  SEED_COLUMN_WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });

  const attachment = ws.getCell(SEED_ATTACHMENT_ROW, 1);
  attachment.value = seed.attachmentLine;
  attachment.font = { name: '黑体', size: 14 };
  attachment.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(SEED_ATTACHMENT_ROW).height = 24;

  ws.mergeCells(SEED_TITLE_ROW, 1, SEED_TITLE_ROW, 4);
  const title = ws.getCell(SEED_TITLE_ROW, 1);
  title.value = seed.title;
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(SEED_TITLE_ROW).height = 36;

  const headerRow = ws.getRow(SEED_HEADER_ROW);
  seed.header.forEach((text, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = text;
    cell.font = headerFont;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = allThin;
  });
  headerRow.height = 28;

  seed.rows.forEach((row, i) => {
    const serial = Number(row.serial);
    // Number('') is 0, so an empty serial is rejected explicitly.
    if (row.serial.trim() === '' || !Number.isInteger(serial)) {
      throw new DubanError('invalid_argument', `rows[${i}].serial is not a whole number`, {
        index: i,
        serial: row.serial,
      });
    }
    const excelRow = ws.getRow(SEED_FIRST_DATA_ROW + i);
    const values: [number, string, string, string] = [serial, row.unit, row.target, row.owner];
    // Readers do not reliably fit rows to wrapped text on open (LibreOffice keeps the default 15 pt and
    // the text overlaps), so each task row gets a height estimated from its text.
    excelRow.height = estimateRowHeight(values.map(String), SEED_COLUMN_WIDTHS);
    values.forEach((value, col) => {
      const cell = excelRow.getCell(col + 1);
      cell.value = value;
      cell.font = bodyFont;
      cell.border = allThin;
      // The long target text reads best left-aligned; the short columns are centred as in the original.
      cell.alignment = {
        horizontal: col === 2 ? 'left' : 'center',
        vertical: 'middle',
        wrapText: true,
      };
    });
  });
  return wb;
}

/**
 * Sets the modification time of every entry of a zip archive (local headers and central directory) to
 * `date`, in place. exceljs stamps each entry with the current time; fixing it makes the file byte-stable.
 * Throws `DubanError` (`invalid_argument`) if `zip` is not a well-formed zip archive.
 */
export function fixZipTimestamps(zip: Uint8Array, date: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // MS-DOS time and date as zip stores them, in UTC like the writer exceljs uses (JSZip).
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();

  // The end-of-central-directory record is the last 22 bytes plus an optional comment.
  let eocd = -1;
  for (let p = zip.byteLength - 22; p >= 0 && p >= zip.byteLength - 22 - 0xffff; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new DubanError('invalid_argument', 'not a zip archive: no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) {
      throw new DubanError('invalid_argument', 'bad zip central directory entry', { offset: p });
    }
    view.setUint16(p + 12, dosTime, true);
    view.setUint16(p + 14, dosDate, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) {
      throw new DubanError('invalid_argument', 'bad zip local file header', { offset: local });
    }
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}

/** Serialises a workbook to .xlsx bytes with every zip timestamp set to {@link SEED_FIXED_DATE}. */
export async function writeSeedWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  fixZipTimestamps(bytes, SEED_FIXED_DATE);
  return bytes;
}

async function main(): Promise<void> {
  const seed = await loadSeedTranscription();
  const bytes = await writeSeedWorkbook(buildSeedWorkbook(seed));
  await writeFile(SEED_XLSX_PATH, bytes);
  process.stdout.write(`wrote ${SEED_XLSX_PATH}: ${seed.rows.length} rows, ${bytes.byteLength} bytes\n`);
}

// Run only when executed as a script (tsx or a runner passing the path on), not when a test imports it.
const thisFile = fileURLToPath(import.meta.url);
if (process.argv.slice(1).some((arg) => resolve(arg) === thisFile)) {
  await main();
}
