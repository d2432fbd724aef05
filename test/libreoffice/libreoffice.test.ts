/**
 * Checked by a real spreadsheet program (issue 5 §3): LibreOffice opens the seed workbook and a small
 * ledger built here with everything our output relies on (a conditional-format highlight keyed on the
 * status column, data validation, formulas with and without a cached result, user fills), renders them to
 * PDF and PNG, and saves them again as .xlsx, which is read back with exceljs.
 *
 * Expected values come from the seed transcription `seeds/taishan-2024.json`, the seed README (layout,
 * column widths) and the hand-worked numbers of the ledger below — never from the code under test.
 *
 * Two soffice calls do the work (one renders both workbooks to PDF, one round-trips both), started side
 * by side in `beforeAll` with a third, small one: the ledger rendered with every Chinese font hidden, the
 * control that shows the CJK-font check can fail. Without soffice the whole block is skipped with a message; in CI
 * ci-policy.test.ts fails instead.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCjkFonts, expectRendersChinese } from './expect-render.ts';
import { countNonWhitePixels, findColouredPixels, readPng, type PixelRegion } from './png.ts';
import { readBackWorkbook, type ReadBackWorkbook } from './read-back.ts';
import {
  convertAllToPdf,
  makeTempDir,
  missingTools,
  PNG_DPI,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfToPng,
  pdfToPpm,
  pdfWordBoxes,
  removeDir,
  roundTripAll,
  sofficePolicy,
  type PdfWord,
} from './soffice.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const SEED_XLSX = path.join(SEEDS, 'taishan-2024.xlsx');

interface SeedJson {
  title: string;
  header: string[];
  rows: { serial: string; unit: string; target: string; owner: string }[];
}
const seed = JSON.parse(readFileSync(path.join(SEEDS, 'taishan-2024.json'), 'utf8')) as SeedJson;

const policy = sofficePolicy(process.env, missingTools());
if (!policy.run) console.warn(policy.skipReason);

/** Excel's "neutral" yellow, the highlight colour of the ledger below. */
const YELLOW = 'FFFFEB9C';
const USER_BLUE = 'FFDDEBF7';
const USER_GREEN = 'FFE2EFDA';

/**
 * The ledger's task rows: 序号, 责任单位, 计划, 完成, 状态, 进展. Rows 3 and 5 (sheet rows 4 and 6) are 滞后.
 * Worked by hand: 计划 sums to 120+85+64+230+47+96 = 642, 完成 to 60+85+20+150+10+96 = 421,
 * 421 / 642 = 0.65576… → ROUND(…*100, 1) = 65.6, and COUNTIF(…,"滞后") = 2.
 */
const LEDGER_ROWS: [number, string, number, number, string, string][] = [
  [1, '区发改局', 120, 60, '序时推进', '开工重点项目12个'],
  [2, '区教体局', 85, 85, '已完成', '4所幼儿园全部完工'],
  [3, '区科技局', 64, 20, '滞后', '高新技术企业认定进度偏慢'],
  [4, '区工信局', 230, 150, '序时推进', '数字化转型项目推进中'],
  [5, '区民政局', 47, 10, '滞后', '养老服务驿站选址未定'],
  [6, '区司法局', 96, 96, '已完成', '法治体检全覆盖'],
];
const LEDGER_HEADER = ['序号', '责任单位', '计划', '完成', '状态', '进展'];
const STATUS_LIST = '"已完成,序时推进,滞后"';

/** Write the ledger with exceljs, as a user's workbook plus what our tools add to it. */
async function writeLedger(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // Landscape on the default paper: one page holds the whole sheet (A:H).
  const ws = workbook.addWorksheet('台账', { pageSetup: { orientation: 'landscape' } });
  ws.columns = [6, 14, 8, 8, 10, 30, 2, 10].map((width) => ({ width }));
  ws.addRow(LEDGER_HEADER);
  for (const row of LEDGER_ROWS) ws.addRow(row);
  ws.getCell('H1').value = '备注';
  ws.getCell('H1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: USER_GREEN } };
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: USER_BLUE } };
  ws.getCell('B9').value = '合计';
  ws.getCell('C9').value = { formula: 'SUM(C2:C7)', result: 642 };
  ws.getCell('D9').value = { formula: 'SUM(D2:D7)' };
  ws.getCell('E9').value = { formula: 'COUNTIF(E2:E7,"滞后")' };
  ws.getCell('F9').value = { formula: 'ROUND(D9/C9*100,1)' };
  ws.addConditionalFormatting({
    ref: 'A2:F7',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['$E2="滞后"'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: YELLOW } } },
      },
    ],
  });
  for (let r = 2; r <= 7; r++) {
    ws.getCell(`E${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [STATUS_LIST],
      showErrorMessage: true,
    };
    ws.getCell(`F${r}`).dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [200],
      showErrorMessage: true,
      error: '进展情况不超过200字',
    };
  }
  await workbook.xlsx.writeFile(file);
}

/** A P6 (binary RGB) PPM as pdftoppm writes it: header, then width × height × 3 bytes. */
function readPpm(file: string): { width: number; height: number; rgb: Uint8Array } {
  const bytes = readFileSync(file);
  // The header, e.g.:
  //   'P6\n1286 910\n255\n' → 1286 × 910, 8-bit
  //   'P6 3 2 255\n'        → 3 × 2
  //   'P3\n…'               → not matched (ASCII PPM)
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString('latin1', 0, 40));
  if (header === null) throw new Error(`${file} is not an 8-bit binary PPM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: bytes.subarray(header[0].length, header[0].length + width * height * 3) };
}

/**
 * A fontconfig file that sees the system's fonts minus every font covering simplified Chinese — a machine
 * without fonts-noto-cjk, as far as LibreOffice can tell.
 */
async function writeFontconfigWithoutChinese(file: string): Promise<void> {
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    '  <selectfont><rejectfont>',
    '    <pattern><patelt name="lang"><string>zh-cn</string></patelt></pattern>',
    '  </rejectfont></selectfont>',
    '</fontconfig>',
    '',
  ].join('\n');
  await writeFile(file, xml, 'utf8');
}

/** The pixel rows a word's line occupies, across the whole page width. */
function rowBand(word: PdfWord, pageWidthPx: number): PixelRegion {
  const scale = PNG_DPI / 72;
  return { x0: 0, x1: pageWidthPx, y0: word.yMin * scale, y1: word.yMax * scale };
}

/** The pixels of a word's own box. */
function wordBox(word: PdfWord): PixelRegion {
  const scale = PNG_DPI / 72;
  return { x0: word.xMin * scale, x1: word.xMax * scale, y0: word.yMin * scale, y1: word.yMax * scale };
}

describe.skipIf(!policy.run)(`LibreOffice${policy.run ? '' : ` — ${policy.skipReason}`}`, () => {
  let work = '';
  let seedPdf = '';
  let ledgerPdf = '';
  let noCjkPdf = '';
  let badFileError: unknown = null;
  let seedBack: ReadBackWorkbook;
  let ledgerBack: ReadBackWorkbook;

  beforeAll(async () => {
    work = makeTempDir();
    const ledgerXlsx = path.join(work, 'in', 'ledger.xlsx');
    await mkdir(path.dirname(ledgerXlsx), { recursive: true });
    await writeLedger(ledgerXlsx);
    const fontconfig = path.join(work, 'fonts-without-chinese.conf');
    await writeFontconfigWithoutChinese(fontconfig);
    const notAWorkbook = path.join(work, 'in', 'not-a-workbook.xlsx');
    await writeFile(notAWorkbook, 'this is not a zip file\n', 'utf8');
    const started = performance.now();
    const [pdfs, copies, noCjk, badFile] = await Promise.all([
      convertAllToPdf([SEED_XLSX, ledgerXlsx], path.join(work, 'pdf')),
      roundTripAll([SEED_XLSX, ledgerXlsx], path.join(work, 'xlsx')),
      convertAllToPdf([ledgerXlsx], path.join(work, 'no-cjk'), { env: { FONTCONFIG_FILE: fontconfig } }),
      convertAllToPdf([notAWorkbook], path.join(work, 'bad')).then(
        () => null,
        (error: unknown) => error,
      ),
    ]);
    badFileError = badFile;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.info(
      `LibreOffice: 4 soffice calls side by side (2 PDFs, 2 round trips, 2 controls): ${seconds} s`,
    );
    [seedPdf = '', ledgerPdf = ''] = pdfs;
    [noCjkPdf = ''] = noCjk;
    const [seedCopy = '', ledgerCopy = ''] = copies;
    [seedBack, ledgerBack] = await Promise.all([readBackWorkbook(seedCopy), readBackWorkbook(ledgerCopy)]);
  }, 180_000);

  afterAll(async () => {
    if (work !== '') await removeDir(work);
  });

  describe('the seed workbook rendered to PDF', () => {
    it('shows the title, the spaced header, units and owners in a CJK font', async () => {
      const text = await expectRendersChinese(seedPdf, [
        '2024年《政府工作报告》重点工作任务分解表',
        '附件',
        '区发改局',
        '区教体局',
        '区信访局',
        '陈学刚',
        '宋杰',
      ]);
      // The header's ASCII spaces and the owners' U+3000 come out as gaps of some width, e.g.:
      //   '序号   责任单位    目 标 任 务     责任人' → matches (pdftotext folds the spaces of 目   标   任   务)
      //   '周   栋' / '周\u3000栋'                  → match (U+3000 is whitespace to \s)
      //   '周栋'                                  → no match: the space was lost
      expect(text).toMatch(/序号\s+责任单位\s+目\s+标\s+任\s+务\s+责任人/);
      expect(text).toMatch(/周\s+栋/);
      expect(text).toMatch(/张\s+力/);
      // The two lines of a wrapped unit name both appear.
      expect(text).toContain('市生态环境局');
      expect(text).toContain('泰山分局');
    });

    it('embeds Noto Sans or Serif CJK', async () => {
      const cjk = embeddedCjkFonts(await pdfFonts(seedPdf)).map((f) => f.baseName);
      // Font names, e.g.:
      //   'NotoSansCJKjp-Regular-VKana' → Noto Sans CJK (what fonts-noto-cjk gives LibreOffice here)
      //   'NotoSerifCJKsc-Bold'         → Noto Serif CJK
      //   'WenQuanYiZenHei'             → not Noto: fails, the package .ci/run installs was not used
      expect(
        cjk.some((name) => /^Noto(?:Sans|Serif)CJK/.test(name)),
        cjk.join(', '),
      ).toBe(true);
    });

    it('prints on A4 landscape, a plausible number of pages, numbered in the footer', async () => {
      const info = await pdfInfo(seedPdf);
      // A4 is 210 × 297 mm = 595.3 × 841.9 pt; landscape puts the long side across.
      expect(info.pageWidth).toBeCloseTo(841.9, 0);
      expect(info.pageHeight).toBeCloseTo(595.3, 0);
      // 52 rows, most of one to seven lines of 90 characters: the README records 6 pages; allow some
      // slack for font metrics, but not the one-row-per-page or everything-on-one-page failures.
      expect(info.pages).toBeGreaterThanOrEqual(4);
      expect(info.pages).toBeLessThanOrEqual(9);
      const text = await pdfText(seedPdf);
      expect(text).toContain(`第 1 页，共 ${info.pages} 页`);
      expect(text).toContain(`第 ${info.pages} 页，共 ${info.pages} 页`);
      // The header row repeats on every page (print titles): once per page. Counted lines, e.g.:
      //   '序号   责任单位      目 标 任 务   责任人' → one
      //   '序号责任单位'                            → none (a header cell lost)
      expect(text.match(/序号\s+责任单位/g)?.length).toBe(info.pages);
    });

    it('renders page 1 as a non-blank image, and the PNG reader agrees with pdftoppm’s own PPM', async () => {
      const [png] = await pdfToPng(seedPdf, path.join(work, 'png', 'seed'), { firstPage: 1, lastPage: 1 });
      const [ppm] = await pdfToPpm(seedPdf, path.join(work, 'ppm', 'seed'), { firstPage: 1, lastPage: 1 });
      if (png === undefined || ppm === undefined) throw new Error('no page image');
      const image = readPng(png);
      // 841.89 pt × 110/72 = 1286.2 px, 595.3 pt × 110/72 = 909.5 px.
      expect(Math.abs(image.width - 1286.2)).toBeLessThan(1.5);
      expect(Math.abs(image.height - 909.5)).toBeLessThan(1.5);
      const ink = countNonWhitePixels(image) / (image.width * image.height);
      // Text, borders and a title: some ink, but a page that is not mostly ink.
      expect(ink).toBeGreaterThan(0.02);
      expect(ink).toBeLessThan(0.4);

      const reference = readPpm(ppm);
      expect([reference.width, reference.height]).toEqual([image.width, image.height]);
      let differing = 0;
      for (let i = 0; i < image.width * image.height; i++) {
        for (let c = 0; c < 3; c++) if (image.rgba[i * 4 + c] !== reference.rgb[i * 3 + c]) differing++;
      }
      expect(differing).toBe(0);
    });
  });

  describe('the harness', () => {
    it('says which file LibreOffice could not convert, and what soffice said', () => {
      expect(badFileError).toBeInstanceOf(Error);
      const message = badFileError instanceof Error ? badFileError.message : '';
      expect(message).toContain('LibreOffice did not convert 1 of 1 file(s) to pdf');
      expect(message).toContain('not-a-workbook.xlsx → ');
      expect(message).toContain('Error: source file could not be loaded');
      expect(message).not.toContain('javaldx');
    });
  });

  describe('the CJK-font check', () => {
    it('fails on a PDF rendered without Chinese fonts, though pdftotext still reads the characters', async () => {
      await expect(expectRendersChinese(noCjkPdf)).rejects.toThrow('no embedded CJK font');
      expect(await pdfText(noCjkPdf)).toContain('区科技局');
    });
  });

  describe('the seed workbook saved again by LibreOffice', () => {
    it('keeps all 52 rows’ values, line breaks and U+3000 included', () => {
      const sheet = seedBack.sheet('分解表');
      expect(sheet.rowCount).toBe(55);
      const rows = [];
      for (let r = 4; r <= 55; r++) rows.push(['A', 'B', 'C', 'D'].map((c) => sheet.value(`${c}${r}`)));
      expect(rows).toEqual(seed.rows.map((row) => [Number(row.serial), row.unit, row.target, row.owner]));
      const units = rows.map((row) => row[1]);
      const owners = rows.map((row) => row[3]);
      expect(units).toContain('市生态环境局\n泰山分局');
      expect(units).toContain('火车站广场管理\n办公室');
      expect(owners).toContain('各产业链\n组长');
      expect(owners).toContain('周\u3000栋');
      expect(owners).toContain('高\u3000磊');
    });

    it('keeps the 附件 line, the title, the header and the title’s merge', () => {
      const sheet = seedBack.sheet('分解表');
      expect(sheet.value('A1')).toBe('附件');
      expect(sheet.value('A2')).toBe(seed.title);
      expect(['A3', 'B3', 'C3', 'D3'].map((a) => sheet.value(a))).toEqual(seed.header);
      expect(sheet.value('C3')).toBe('目   标   任   务');
      expect(sheet.merges).toContain('A2:D2');
    });

    it('keeps the column widths 6 / 18 / 90 / 14 (within half a character)', () => {
      const widths = seedBack.sheet('分解表').columnWidths;
      expect(widths).toHaveLength(4);
      [6, 18, 90, 14].forEach((want, i) => {
        expect(
          Math.abs((widths[i] ?? 0) - want),
          `column ${i + 1}: ${String(widths[i])}`,
        ).toBeLessThanOrEqual(0.5);
      });
    });

    it('changes no cell value of the original', async () => {
      const original = (await readBackWorkbook(SEED_XLSX)).sheet('分解表');
      const copy = seedBack.sheet('分解表');
      const values = (cells: typeof copy.cells): [string, unknown][] =>
        [...cells.values()].filter((c) => c.value !== null).map((c) => [c.address, c.value]);
      expect(values(copy.cells)).toEqual(values(original.cells));
    });
  });

  describe('a ledger with highlights, validation, formulas and user fills, rendered', () => {
    it('shows the cached and the computed formula values', async () => {
      const text = await expectRendersChinese(ledgerPdf, ['区科技局', '滞后', '序时推进', '合计']);
      // C9 keeps its cached 642; LibreOffice computes D9 = 421, E9 = 2 and F9 = 65.6 (written without one).
      // The 合计 line, e.g.:
      //   '      合计           642       421  2      65.6' → matches
      //   '      合计           642                       ' → no match: formulas without a result left blank
      //   '      合计           642         0  0         0' → no match: computed wrongly
      expect(text).toMatch(/合计\s+642\s+421\s+2\s+65\.6/);
    });

    it('paints the highlighted rows yellow without the add-in, and only those', async () => {
      const [png] = await pdfToPng(ledgerPdf, path.join(work, 'png', 'ledger'), {
        firstPage: 1,
        lastPage: 1,
      });
      const [page] = await pdfWordBoxes(ledgerPdf, { firstPage: 1, lastPage: 1 });
      if (png === undefined || page === undefined) throw new Error('no page 1');
      const image = readPng(png);
      const word = (text: string): PdfWord => {
        const found = page.words.find((w) => w.text === text);
        if (found === undefined) throw new Error(`${text} is not on page 1`);
        return found;
      };
      const yellowIn = (text: string): number =>
        findColouredPixels(image, YELLOW, 8, rowBand(word(text), image.width)).count;
      // Rows 4 and 6 (区科技局, 区民政局) are 滞后: across A:F, a band ≈ 360 pt wide, mostly yellow (≈ 11,000 px measured).
      expect(yellowIn('区科技局')).toBeGreaterThan(5000);
      expect(yellowIn('区民政局')).toBeGreaterThan(5000);
      for (const other of ['序号', '区发改局', '区教体局', '区工信局', '区司法局', '合计']) {
        expect(yellowIn(other), other).toBe(0);
      }
      // All the yellow on the page lies between the top of row 4 and the bottom of row 6.
      const all = findColouredPixels(image, YELLOW, 8);
      const scale = PNG_DPI / 72;
      expect(all.box).not.toBeNull();
      expect(all.box?.y0 ?? 0).toBeGreaterThan(word('区教体局').yMax * scale);
      expect(all.box?.y1 ?? 0).toBeLessThan(word('合计').yMin * scale);

      // The user's own fills are painted too: B2 blue behind 区发改局, H1 green behind 备注.
      expect(findColouredPixels(image, USER_BLUE, 8, wordBox(word('区发改局'))).count).toBeGreaterThan(20);
      expect(findColouredPixels(image, USER_GREEN, 8, wordBox(word('备注'))).count).toBeGreaterThan(20);
    });
  });

  describe('the ledger saved again by LibreOffice', () => {
    it('keeps every value', () => {
      const sheet = ledgerBack.sheet('台账');
      const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
      expect(letters.map((c) => sheet.value(`${c}1`))).toEqual(LEDGER_HEADER);
      for (const [i, row] of LEDGER_ROWS.entries()) {
        expect(letters.map((c) => sheet.value(`${c}${i + 2}`))).toEqual(row);
      }
      expect(sheet.value('H1')).toBe('备注');
      expect(sheet.value('B9')).toBe('合计');
    });

    it('keeps the conditional-format rule and its fill', () => {
      const rules = ledgerBack.sheet('台账').conditionalFormats;
      expect(rules).toHaveLength(1);
      expect(rules[0]).toMatchObject({
        ref: 'A2:F7',
        type: 'expression',
        formulae: ['$E2="滞后"'],
        fill: YELLOW,
      });
    });

    it('keeps the status drop-down and the 200-character rule, on their cells only', () => {
      const sheet = ledgerBack.sheet('台账');
      for (let r = 2; r <= 7; r++) {
        expect(sheet.validationAt(`E${r}`)).toMatchObject({
          type: 'list',
          formulae: [STATUS_LIST],
          allowBlank: true,
          showErrorMessage: true,
        });
        expect(sheet.validationAt(`F${r}`)).toMatchObject({
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: ['200'],
          showErrorMessage: true,
          error: '进展情况不超过200字',
        });
      }
      expect(sheet.validations).toHaveLength(12);
      expect(sheet.validationAt('E8')).toBeUndefined();
      expect(sheet.validationAt('D2')).toBeUndefined();
    });

    it('keeps the formulas, now all with results', () => {
      const sheet = ledgerBack.sheet('台账');
      const formulas = ['C9', 'D9', 'E9', 'F9'].map((a) => [sheet.cell(a)?.formula, sheet.value(a)]);
      expect(formulas).toEqual([
        ['SUM(C2:C7)', 642],
        ['SUM(D2:D7)', 421],
        ['COUNTIF(E2:E7,"滞后")', 2],
        ['ROUND(D9/C9*100,1)', 65.6],
      ]);
    });

    it('keeps the user’s fills and adds none', () => {
      const sheet = ledgerBack.sheet('台账');
      const filled = [...sheet.cells.values()].filter((c) => c.fill !== null).map((c) => [c.address, c.fill]);
      expect(filled).toEqual([
        ['H1', USER_GREEN],
        ['B2', USER_BLUE],
      ]);
    });
  });
});
