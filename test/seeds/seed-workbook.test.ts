/**
 * The bundled seed workbook (issue 2, point 5): the transcription `seeds/taishan-2024.json` against the
 * seed text, and `seeds/taishan-2024.xlsx` against the transcription.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSeedWorkbook,
  estimateRowHeight,
  parseSeedTranscription,
  writeSeedWorkbook,
  type SeedTranscription,
} from '../../scripts/build-seeds.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const SOURCE_PATH = `${seedsDir}source/002_43227f3a379fd088.txt`;
const JSON_PATH = `${seedsDir}taishan-2024.json`;
const XLSX_PATH = `${seedsDir}taishan-2024.xlsx`;

// sha256sum of /work/shared/seeds/002_43227f3a379fd088.txt, the seed as handed to the project.
const SOURCE_SHA256 = '46560bf7ecfec8a290a21bcd259f95d6e67bbdef4e4d92114f859aed22e6c4ae';

/** The attachment table as read straight from the seed text. */
interface TextTable {
  attachmentLine: string;
  title: string;
  /** Each row's cells in order; row 0 is the header. */
  rows: string[][];
  /** Lines that continued a cell (did not start with a tab). */
  continuationLines: string[];
}

/**
 * This test's own reader of the seed text (independent of whatever produced the JSON).
 *
 * The format, as measured with `cat -A` and python on 002_43227f3a379fd088.txt:
 * - lines end with LF only (no CR); the attachment begins at the line that is exactly `附件` (line 22;
 *   line 11 `附件：2024年…` is the notice's reference to it), and the next line is the title;
 * - every table cell begins on a line that starts with one TAB (212 such lines = 4 header cells +
 *   52 rows × 4); the TAB is layout, not cell text;
 * - a non-blank line that does not start with a TAB continues the cell above; the cell keeps the line
 *   break as `\n` (e.g. `\t市生态环境局` + `泰山分局`);
 * - a blank line ends a row. "Blank" means empty or ASCII spaces only: the file's last line is a single
 *   space with no final newline.
 * That is the whole normalisation: no trimming, no space folding, ASCII spaces and U+3000 inside and at the
 * start of a cell are kept (no line in the table has trailing whitespace, so nothing is lost there), and no
 * page marks (`—1—`) occur after the `附件` line.
 */
function readSeedTable(text: string): TextTable {
  const lines = text.split('\n');
  const start = lines.indexOf('附件');
  if (start < 0) throw new Error('no 附件 line in the seed text');
  const isBlank = (line: string): boolean => line.replaceAll(' ', '') === '';
  const rows: string[][] = [];
  const continuationLines: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (isBlank(line)) {
      if (current.length > 0) rows.push(current);
      current = [];
    } else if (line.startsWith('\t')) {
      current.push(line.slice(1));
    } else {
      const last = current.pop();
      if (last === undefined) throw new Error(`continuation line without a cell: ${line}`);
      current.push(`${last}\n${line}`);
      continuationLines.push(line);
    }
  }
  if (current.length > 0) rows.push(current);
  return { attachmentLine: lines[start] ?? '', title: lines[start + 1] ?? '', rows, continuationLines };
}

/** Every difference between the rows read from the text (header excluded) and the transcription's rows. */
function diffRows(textRows: readonly string[][], seed: SeedTranscription): string[] {
  const out: string[] = [];
  if (textRows.length !== seed.rows.length) {
    out.push(`row count: text ${textRows.length}, json ${seed.rows.length}`);
  }
  textRows.forEach((cells, i) => {
    const row = seed.rows[i];
    if (row === undefined) return;
    const json = [row.serial, row.unit, row.target, row.owner];
    if (cells.length !== 4) out.push(`row ${i + 1}: ${cells.length} cells in the text`);
    json.forEach((value, c) => {
      if (cells[c] !== value) out.push(`row ${i + 1} col ${c + 1}: text ${cells[c]} / json ${value}`);
    });
  });
  return out;
}

/** Every difference between the worksheet's cells and the transcription. */
function diffSheet(ws: ExcelJS.Worksheet, seed: SeedTranscription): string[] {
  const out: string[] = [];
  const expectCell = (address: string, expected: string | number): void => {
    const actual = ws.getCell(address).value;
    if (actual !== expected) out.push(`${address}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  };
  expectCell('A1', seed.attachmentLine);
  expectCell('A2', seed.title);
  seed.header.forEach((text, c) => {
    expectCell(`${'ABCD'[c] ?? '?'}3`, text);
  });
  seed.rows.forEach((row, i) => {
    const r = 4 + i;
    expectCell(`A${r}`, Number(row.serial));
    expectCell(`B${r}`, row.unit);
    expectCell(`C${r}`, row.target);
    expectCell(`D${r}`, row.owner);
  });
  if (ws.actualRowCount !== 3 + seed.rows.length) out.push(`actualRowCount ${ws.actualRowCount}`);
  if (ws.actualColumnCount !== 4) out.push(`actualColumnCount ${ws.actualColumnCount}`);
  return out;
}

/** Everything the reader sees in a sheet: values, styles, widths, merges, views and page setup. */
function snapshot(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells.push({ r, c, value: cell.value, style: cell.style, height: row.height });
    });
  });
  return {
    name: ws.name,
    cells,
    widths: [1, 2, 3, 4].map((c) => ws.getColumn(c).width),
    merges: ws.model.merges,
    views: ws.views,
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
  };
}

const sourceBytes = readFileSync(SOURCE_PATH);
const text = sourceBytes.toString('utf8');
const table = readSeedTable(text);
const rawJson: unknown = JSON.parse(readFileSync(JSON_PATH, 'utf8'));
const seed = parseSeedTranscription(rawJson);

describe('seed text (own reader)', () => {
  it('is the unchanged seed document', () => {
    expect(createHash('sha256').update(sourceBytes).digest('hex')).toBe(SOURCE_SHA256);
    expect(text.includes('\r')).toBe(false);
  });

  it('reads the 附件 line, the title, the header and 52 rows of 4 cells', () => {
    expect(table.attachmentLine).toBe('附件');
    expect(table.title).toBe('2024年《政府工作报告》重点工作任务分解表');
    // The header's 目标任务 cell has three ASCII spaces between the characters in the text.
    expect(table.rows[0]).toEqual(['序号', '责任单位', '目   标   任   务', '责任人']);
    expect(table.rows.length).toBe(53);
    expect(table.rows.every((cells) => cells.length === 4)).toBe(true);
    expect(table.rows.slice(1).map((cells) => cells[0])).toEqual(
      Array.from({ length: 52 }, (_, i) => String(i + 1)),
    );
  });

  it('joins exactly the five continuation lines seen in the text', () => {
    // Lines 46, 49, 163, 194 and 245 of the seed are the only table lines without a leading tab.
    expect(table.continuationLines).toEqual(['各产业链专班', '组长', '泰山分局', '服务中心', '办公室']);
    expect(table.rows[4]?.[1]).toBe('区工业推进委\n各产业链专班');
    expect(table.rows[4]?.[3]).toBe('各产业链\n组长');
    expect(table.rows[27]?.[1]).toBe('市生态环境局\n泰山分局');
    expect(table.rows[33]?.[1]).toBe('泰山先锋慧治\n服务中心');
    expect(table.rows[43]?.[1]).toBe('火车站广场管理\n办公室');
  });

  it('keeps spaces as printed', () => {
    expect(table.rows[2]?.[3]).toBe('周\u3000栋'); // line 37
    expect(table.rows[3]?.[3]).toBe('陈  莹'); // line 42: two ASCII spaces
    expect(table.rows[26]?.[3]).toBe('宋杰（宋海峰/亓子超）'); // line 159
    expect(table.rows[25]?.[2]?.startsWith('\u3000  推进信访')).toBe(true); // line 153
    // Line 31 is 638 characters including its leading tab.
    expect(table.rows[1]?.[2]?.length).toBe(637);
  });
});

describe('transcription seeds/taishan-2024.json vs the seed text', () => {
  it('has the documented shape and header', () => {
    expect(seed).toStrictEqual(rawJson);
    expect(seed.attachmentLine).toBe(table.attachmentLine);
    expect(seed.title).toBe(table.title);
    expect(seed.header).toEqual(table.rows[0]);
    expect(seed.sourceFile).toBe('source/002_43227f3a379fd088.txt');
  });

  it('has exactly 52 rows with serials 1..52 in order', () => {
    expect(seed.rows.length).toBe(52);
    expect(seed.rows.map((r) => r.serial)).toEqual(Array.from({ length: 52 }, (_, i) => String(i + 1)));
  });

  it('equals the text cell by cell', () => {
    expect(diffRows(table.rows.slice(1), seed)).toEqual([]);
  });

  it('would catch a shortened row, a dropped line break or a replaced full-width space', () => {
    const mutate = (
      i: number,
      change: (row: SeedTranscription['rows'][number]) => void,
    ): SeedTranscription => {
      const copy = structuredClone(seed);
      const row = copy.rows[i];
      if (row === undefined) throw new Error(`no row ${i}`);
      change(row);
      return copy;
    };
    const textRows = table.rows.slice(1);
    const shortened = mutate(0, (r) => (r.target = r.target.slice(0, -1)));
    expect(diffRows(textRows, shortened)).toHaveLength(1);
    const noBreak = mutate(26, (r) => (r.unit = r.unit.replace('\n', '')));
    expect(diffRows(textRows, noBreak)).toEqual([
      'row 27 col 2: text 市生态环境局\n泰山分局 / json 市生态环境局泰山分局',
    ]);
    const asciiSpace = mutate(1, (r) => (r.owner = r.owner.replace('\u3000', ' ')));
    expect(diffRows(textRows, asciiSpace)).toHaveLength(1);
    const dropped = structuredClone(seed);
    dropped.rows.pop();
    expect(diffRows(textRows, dropped)[0]).toBe('row count: text 52, json 51');
  });
});

describe('workbook seeds/taishan-2024.xlsx vs the transcription', () => {
  let ws: ExcelJS.Worksheet;
  let committed: ExcelJS.Workbook;

  beforeAll(async () => {
    committed = await new ExcelJS.Workbook().xlsx.readFile(XLSX_PATH);
    const sheet = committed.getWorksheet('分解表');
    if (sheet === undefined) throw new Error('no sheet 分解表');
    ws = sheet;
  });

  it('has one sheet 分解表 and fixed document properties', () => {
    expect(committed.worksheets.map((s) => s.name)).toEqual(['分解表']);
    expect(committed.creator).toBe('督办助手');
    expect(committed.created.toISOString()).toBe('2024-02-08T00:00:00.000Z');
    expect(committed.modified.toISOString()).toBe('2024-02-08T00:00:00.000Z');
  });

  it('holds every cell of the transcription unchanged', () => {
    expect(diffSheet(ws, seed)).toEqual([]);
    // Spot checks written out by hand from the seed text.
    expect(ws.getCell('D5').value).toBe('周\u3000栋');
    expect(ws.getCell('B30').value).toBe('市生态环境局\n泰山分局');
    expect(ws.getCell('D7').value).toBe('各产业链\n组长');
    expect(ws.getCell('C3').value).toBe('目   标   任   务');
    expect(ws.getCell('A55').value).toBe(52);
    expect(ws.getCell('C28').value).toBe(
      '\u3000  推进信访工作法治化，严格落实领导干部接访、下访、包案等制度。',
    );
  });

  it('would catch a changed cell', () => {
    const original = ws.getCell('D5').value;
    try {
      ws.getCell('D5').value = '周 栋';
      expect(diffSheet(ws, seed)).toEqual(['D5: "周 栋" ≠ "周\u3000栋"']);
    } finally {
      ws.getCell('D5').value = original;
    }
  });

  it('formats the title, header and data cells', () => {
    // Styles are read through styleOf() so the Office.js lint rules do not mistake exceljs cells for proxies.
    const styleOf = (address: string): Partial<ExcelJS.Style> => ws.getCell(address).style;
    const borderStyles = (s: Partial<ExcelJS.Style>): (string | undefined)[] =>
      [s.border?.top, s.border?.left, s.border?.bottom, s.border?.right].map((b) => b?.style);
    expect(ws.model.merges).toEqual(['A2:D2']);
    expect(styleOf('A2').font?.bold).toBe(true);
    expect(styleOf('A2').font?.size).toBeGreaterThan(styleOf('C4').font?.size ?? 11);
    for (const col of ['A', 'B', 'C', 'D']) {
      const head = styleOf(`${col}3`);
      expect(head.font?.bold).toBe(true);
      expect(head.alignment?.horizontal).toBe('center');
      expect(borderStyles(head)).toEqual(['thin', 'thin', 'thin', 'thin']);
    }
    for (let r = 4; r <= 55; r++) {
      for (const col of ['A', 'B', 'C', 'D']) {
        const style = styleOf(`${col}${r}`);
        expect(style.alignment?.wrapText, `${col}${r}`).toBe(true);
        expect(style.alignment?.vertical).toBe('middle');
        expect(borderStyles(style)).toEqual(['thin', 'thin', 'thin', 'thin']);
      }
    }
  });

  it('gives every task row a height that fits its wrapped text', () => {
    const heights = seed.rows.map((_, i) => ws.getRow(4 + i).height);
    expect(heights.every((h) => typeof h === 'number' && h >= 15 && h <= 409)).toBe(true);
    // Row 1's target is 637 characters, nearly all CJK: at most ~43 of them fit on a line of a 90-wide
    // column in 11 pt 宋体, so it needs at least 15 lines of 14.25 pt.
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(15 * 14.25);
    // Row 24 is one short line (推进职工医保改革。); row 4's unit and owner are two lines each.
    expect(ws.getRow(27).height).toBeLessThanOrEqual(30);
    expect(ws.getRow(7).height).toBeGreaterThanOrEqual(2 * 14.25);
  });

  it('sets column widths: 序号 narrow, 目标任务 about 90', () => {
    const widths = [1, 2, 3, 4].map((c) => ws.getColumn(c).width ?? 0);
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(widths[0]).toBeLessThanOrEqual(8);
    expect(widths[2]).toBeGreaterThanOrEqual(80);
    expect(widths[2]).toBeLessThanOrEqual(100);
  });

  it('prints on A4 landscape, one page wide, header repeated', () => {
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.pageSetup.margins?.left).toBeGreaterThan(0);
  });
});

describe('estimateRowHeight', () => {
  const widths = [6, 18, 90, 14];
  it('counts wrapped and hard lines, the tallest cell winning', () => {
    // One line: 15 pt + 4 pt padding.
    expect(estimateRowHeight(['2', '区教体局', '推进职工医保改革。', '周\u3000栋'], widths)).toBe(19);
    // 40 CJK characters = 88 units fit the 89 usable units of column C; 41 = 90.2 units do not.
    expect(estimateRowHeight(['', '', '一'.repeat(40), ''], widths)).toBe(19);
    expect(estimateRowHeight(['', '', '一'.repeat(41), ''], widths)).toBe(34);
    // A hard line break counts even when both halves are short.
    expect(estimateRowHeight(['', '市生态环境局\n泰山分局', '', ''], widths)).toBe(34);
    // 宋杰（宋海峰/亓子超） = 10 wide + 1 narrow = 23.1 units in 13 usable units of column D: 2 lines.
    expect(estimateRowHeight(['', '', '', '宋杰（宋海峰/亓子超）'], widths)).toBe(34);
  });
});

describe('seeds/taishan-2024.xlsx is up to date with the JSON', () => {
  it('reads back the same as a fresh build', async () => {
    const rebuilt = await new ExcelJS.Workbook().xlsx.load(await buildSeedWorkbook(seed).xlsx.writeBuffer());
    const committed = await new ExcelJS.Workbook().xlsx.readFile(XLSX_PATH);
    const fresh = rebuilt.getWorksheet('分解表');
    const old = committed.getWorksheet('分解表');
    if (fresh === undefined || old === undefined) throw new Error('no sheet 分解表');
    expect(snapshot(old)).toStrictEqual(snapshot(fresh));
  });

  it('is byte-identical to a fresh build (rerun `npx tsx scripts/build-seeds.ts` if not)', async () => {
    const first = await writeSeedWorkbook(buildSeedWorkbook(seed));
    const second = await writeSeedWorkbook(buildSeedWorkbook(seed));
    expect(first.equals(second)).toBe(true);
    expect(first.equals(readFileSync(XLSX_PATH))).toBe(true);
  });
});
