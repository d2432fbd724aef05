/**
 * Our own output checked by a real spreadsheet program (issue 5 §3). The command line runs in-process and
 * writes, into a temporary folder:
 *
 * - `scored.xlsx`  — `duban score seeds/taishan-2024-ledger-q2.xlsx --as-of 2024-06-30 --out scored.xlsx`
 * - `ledger.xlsx`  — `duban breakdown seeds/taishan-2024.xlsx --out ledger.xlsx`
 * - `unit.xlsx`    — 区发改局's copy from `duban split ledger.xlsx --out-dir units`
 * - `cleared.xlsx` — `duban clear scored.xlsx --out cleared.xlsx`
 *
 * LibreOffice renders all four to PDF in one soffice call and, in a second call side by side with it, saves
 * the scored, cleared and unit files (and the untouched sample ledger, as the reference) again as .xlsx. The
 * PDFs are read back as text and as pixels; the saved copies are read back with exceljs.
 *
 * Expected values are worked out by hand from the seed files, not taken from the code under test:
 * - the sample returns (`seeds/sample-progress-2024q2.json`, listed in `seeds/README.md`): 3.05 reports 14 of
 *   30项 (46.7 % < 50 % 序时进度 as of 06-30, 3.3 points behind: lagging, yellow); 22.01 2 of 10个 (20 %, 30 points
 *   behind, more than 20: severe, red); 5.07 reports 已完成 (done, green); 3.07 35 of 60项 (58.3 %: on track,
 *   no colour); 1.10 is left blank (unscored: the first finding on the 校验 sheet, at its 子任务 cell D12);
 * - the ledger layout (`seeds/README.md`, `src/core/vocab/ledger-columns.ts`): header on row 2, the 161
 *   sub-tasks on rows 3–163, 22 columns A:V, the result columns 完成率 / 序时进度 / 状态 / 说明 in S:V (the
 *   cells scoring owns on this ledger), the units' columns J:R validated;
 * - the highlight fills are Excel's Neutral / Bad / Good cell styles (FFEB9C, FFC7CE, C6EFCE).
 *
 * Without soffice the block is skipped with a message saying what to install; in CI that fails instead
 * (the first test below, and ci-policy.test.ts for the whole folder).
 */
import { copyFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '../../src/core/write-plan/plan-styles.ts';
import { ROOT, run, type CliRun } from '../cli/cli-helpers.ts';
import { workbookSnapshot } from '../xlsx/snapshot.ts';
import { expectRendersChinese } from './expect-render.ts';
import { findColouredPixels, readPng, type DecodedPng } from './png.ts';
import { readBackWorkbook, type ReadBackSheet, type ReadBackWorkbook } from './read-back.ts';
import {
  convertAllToPdf,
  makeTempDir,
  missingTools,
  PNG_DPI,
  pdfToPng,
  pdfWordBoxes,
  removeDir,
  roundTripAll,
  sofficePolicy,
  type PdfPageWords,
  type PdfWord,
} from './soffice.ts';

const policy = sofficePolicy(process.env, missingTools());
if (!policy.run) console.warn(policy.skipReason);

const SAMPLE_LEDGER = path.join(ROOT, 'seeds/taishan-2024-ledger-q2.xlsx');
const SEED_TABLE = path.join(ROOT, 'seeds/taishan-2024.xlsx');
const LEDGER = '任务台账';

/** The highlight fills as exceljs writes colours (ARGB), from the write plan's one definition. */
const FILL = {
  yellow: `FF${HIGHLIGHT_COLOURS.yellow.fill}`,
  red: `FF${HIGHLIGHT_COLOURS.red.fill}`,
  green: `FF${HIGHLIGHT_COLOURS.green.fill}`,
} as const;

/** The cells scoring owns on the sample ledger: S:V (columns 19–22), rows 3–163. */
function isOwned(cell: { row: number; col: number }): boolean {
  return cell.col >= 19 && cell.col <= 22 && cell.row >= 3 && cell.row <= 163;
}

/** Every cell of `sheet` outside `skip` as `address → [value, formula, fill]`, for comparing two reads. */
function cellPicture(
  sheet: ReadBackSheet,
  skip: (cell: { row: number; col: number }) => boolean = () => false,
): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const cell of sheet.cells.values()) {
    if (skip(cell)) continue;
    const value = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
    out.set(cell.address, [value, cell.formula, cell.fill]);
  }
  return out;
}

/** The 1-based sheet row whose column A holds `id` (the ledger's 编号). */
function rowOf(sheet: ReadBackSheet, id: string): number {
  const cell = [...sheet.cells.values()].find((c) => c.col === 1 && c.value === id);
  if (cell === undefined) throw new Error(`no row with id ${id} on ${sheet.name}`);
  return cell.row;
}

/** An exceljs workbook from a file. */
async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = await readFile(file);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return wb;
}

/** The workbook after one more exceljs write and read (exceljs flips a page-setup flag on a round trip). */
async function throughExceljs(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

describe('before LibreOffice', () => {
  it('in CI, LibreOffice and poppler are installed to check our output', () => {
    expect(policy.failure, policy.failure ?? '').toBeNull();
  });

  it('looks for Excel’s own Neutral (yellow), Bad (red) and Good (green) fills, as the write plan defines', () => {
    expect(FILL).toEqual({ yellow: 'FFFFEB9C', red: 'FFFFC7CE', green: 'FFC6EFCE' });
  });
});

describe.skipIf(!policy.run)(
  `duban's output in LibreOffice${policy.run ? '' : ` — ${policy.skipReason}`}`,
  () => {
    let work = '';
    const files = { scored: '', ledger: '', unit: '', cleared: '', original: '' };
    const pdf = { scored: '', ledger: '', unit: '', cleared: '' };
    const runs: Record<string, CliRun> = {};
    let scoredBack: ReadBackWorkbook;
    let clearedBack: ReadBackWorkbook;
    let originalBack: ReadBackWorkbook;
    let unitBack: ReadBackWorkbook;

    beforeAll(async () => {
      const started = performance.now();
      work = makeTempDir('duban-cli-lo-');
      files.scored = path.join(work, 'scored.xlsx');
      files.ledger = path.join(work, 'ledger.xlsx');
      files.unit = path.join(work, 'unit.xlsx');
      files.cleared = path.join(work, 'cleared.xlsx');
      // The sample ledger as it was before scoring, under its own base name for the round trip.
      files.original = path.join(work, 'original.xlsx');
      copyFileSync(SAMPLE_LEDGER, files.original);
      const units = path.join(work, 'units');
      // score and breakdown are independent; clear needs score, split needs breakdown.
      const [score, breakdown] = await Promise.all([
        run(['score', SAMPLE_LEDGER, '--as-of', '2024-06-30', '--out', files.scored]),
        run(['breakdown', SEED_TABLE, '--out', files.ledger]),
      ]);
      runs['score'] = score;
      runs['breakdown'] = breakdown;
      const [clear, split] = await Promise.all([
        run(['clear', files.scored, '--out', files.cleared]),
        run(['split', files.ledger, '--out-dir', units]),
      ]);
      runs['clear'] = clear;
      runs['split'] = split;
      for (const [name, r] of Object.entries(runs)) {
        if (r.code !== 0) throw new Error(`duban ${name} exited ${r.code}: ${r.stderr}`);
      }
      copyFileSync(path.join(units, '2024年重点工作任务台账-区发改局.xlsx'), files.unit);
      const commands = performance.now();
      const [pdfs, copies] = await Promise.all([
        convertAllToPdf([files.scored, files.ledger, files.unit, files.cleared], path.join(work, 'pdf')),
        roundTripAll([files.scored, files.cleared, files.original, files.unit], path.join(work, 'lo')),
      ]);
      [pdf.scored = '', pdf.ledger = '', pdf.unit = '', pdf.cleared = ''] = pdfs;
      const [scoredCopy = '', clearedCopy = '', originalCopy = '', unitCopy = ''] = copies;
      [scoredBack, clearedBack, originalBack, unitBack] = await Promise.all([
        readBackWorkbook(scoredCopy),
        readBackWorkbook(clearedCopy),
        readBackWorkbook(originalCopy),
        readBackWorkbook(unitCopy),
      ]);
      const seconds = (ms: number): string => (ms / 1000).toFixed(2);
      console.info(
        `duban → LibreOffice: 4 commands in-process ${seconds(commands - started)} s, 2 soffice calls side by side ` +
          `(4 PDFs, 4 round trips) and read-back ${seconds(performance.now() - commands)} s`,
      );
    }, 240_000);

    afterAll(async () => {
      if (work !== '') await removeDir(work);
    });

    describe('score --out, rendered', () => {
      it('shows the owned columns, the statuses and our sheets’ Chinese in an embedded CJK font', async () => {
        const text = await expectRendersChinese(pdf.scored, [
          // the ledger's result columns, now filled
          '完成率',
          '序时进度',
          '状态',
          '说明',
          '进展滞后',
          '严重滞后',
          '已完成',
          // 评分排名: as of 06-30 the time progress is 6 / 12 months = 50.0 %, rule preset 序时 by default
          '评分排名（截至2024-06-30，序时进度50.0%，评分规则：序时）',
          '位次',
          '得分',
          '位次变化',
          // 通报
          '2024年重点工作任务推进情况通报',
          '（本页为督办助手生成的通报草稿，请核对后印发）',
          '通报表扬',
          '督查七联动',
          '通报正文',
          // 校验: 1.10 left blank
          '任务台账!D12',
          '1.10',
          'score_progress_missing',
        ]);
        // The circular's paragraph opens with the as-of date in words and the 161 sub-tasks, e.g.:
        //   '截至2024年6月30日，全区53个责任单位承担的161项重点任务中，已完成…' → matches
        //   '截至2024-06-30，…'                                                → no: the date not in words
        //   '截至2024年6月30日，全区53个责任单位承担的0项…'                     → no: the sub-tasks lost
        expect(text).toMatch(/截至2024年6月30日，全区\d+个责任单位承担的161项重点任务中/);
      });

      it('paints lagging rows yellow, severe rows red and done rows green — only those', async () => {
        const pages = await pdfWordBoxes(pdf.scored);
        const find = (id: string): { page: number; word: PdfWord } => {
          for (const [i, page] of pages.entries()) {
            const word = page.words.find((w) => w.text === id);
            if (word) return { page: i + 1, word };
          }
          throw new Error(`${id} is on no page of ${pdf.scored}`);
        };
        const rows = {
          '3.05': find('3.05'),
          '22.01': find('22.01'),
          '5.07': find('5.07'),
          '3.07': find('3.07'),
        };
        const wanted = [...new Set(Object.values(rows).map((r) => r.page))].sort((a, b) => a - b);
        const first = wanted[0] ?? 1;
        const last = wanted[wanted.length - 1] ?? 1;
        const pngs = await pdfToPng(pdf.scored, path.join(work, 'png', 'scored'), {
          firstPage: first,
          lastPage: last,
        });
        const images = new Map<number, DecodedPng>();
        const image = (page: number): DecodedPng => {
          let img = images.get(page);
          if (!img) {
            img = readPng(pngs[page - first] ?? '');
            images.set(page, img);
          }
          return img;
        };
        const scale = PNG_DPI / 72;
        /** Pixels of each highlight colour across the page, in the band of the row's 编号. */
        const colours = (id: keyof typeof rows): Record<'yellow' | 'red' | 'green', number> => {
          const { page, word } = rows[id];
          const img = image(page);
          const band = { x0: 0, x1: img.width, y0: word.yMin * scale, y1: word.yMax * scale };
          return {
            yellow: findColouredPixels(img, FILL.yellow, 8, band).count,
            red: findColouredPixels(img, FILL.red, 8, band).count,
            green: findColouredPixels(img, FILL.green, 8, band).count,
          };
        };
        // A row band is the page width (≈1,200 px) by the 编号's height (≈6 px); measured ≈5,000 px coloured.
        expect(colours('3.05')).toMatchObject({ red: 0, green: 0 });
        expect(colours('3.05').yellow).toBeGreaterThan(2500);
        expect(colours('22.01')).toMatchObject({ yellow: 0, green: 0 });
        expect(colours('22.01').red).toBeGreaterThan(2500);
        expect(colours('5.07')).toMatchObject({ yellow: 0, red: 0 });
        expect(colours('5.07').green).toBeGreaterThan(2500);
        expect(colours('3.07')).toEqual({ yellow: 0, red: 0, green: 0 });
      });
    });

    describe('score --out, saved again by LibreOffice', () => {
      it('keeps our sheets in order; the settings sheet stays out of sight', () => {
        expect(scoredBack.sheets.map((s) => s.name)).toEqual([
          LEDGER,
          '说明',
          '评分排名',
          '通报',
          '校验',
          '督办助手设置',
        ]);
        // LibreOffice has no "very hidden": it saves our veryHidden settings sheet as hidden.
        expect(scoredBack.sheet('督办助手设置').state).not.toBe('visible');
        expect(scoredBack.sheet('督办助手设置').value('A1')).toBe('duban-settings');
      });

      it('keeps the highlight rules with their formulas and fills, keyed to the 状态 column U', () => {
        const rules = scoredBack.sheet(LEDGER).conditionalFormats.map((r) => ({
          ref: r.ref,
          type: r.type,
          formulae: r.formulae,
          fill: r.fill,
        }));
        expect(rules).toEqual([
          { ref: 'A3:V163', type: 'expression', formulae: ['$U3="严重滞后"'], fill: FILL.red },
          { ref: 'A3:V163', type: 'expression', formulae: ['$U3="进展滞后"'], fill: FILL.yellow },
          { ref: 'A3:V163', type: 'expression', formulae: ['$U3="已完成"'], fill: FILL.green },
        ]);
      });

      it('keeps the owned columns’ values', () => {
        const sheet = scoredBack.sheet(LEDGER);
        expect(['S2', 'T2', 'U2', 'V2'].map((a) => sheet.value(a))).toEqual([
          '完成率',
          '序时进度',
          '状态',
          '说明',
        ]);
        const r305 = rowOf(sheet, '3.05');
        expect(sheet.value(`S${r305}`)).toBeCloseTo(14 / 30, 12);
        expect(sheet.value(`T${r305}`)).toBe(0.5);
        expect(sheet.value(`U${r305}`)).toBe('进展滞后');
        expect(sheet.value(`V${r305}`)).toEqual(expect.stringContaining('14项'));
        const r2201 = rowOf(sheet, '22.01');
        expect([sheet.value(`S${r2201}`), sheet.value(`T${r2201}`), sheet.value(`U${r2201}`)]).toEqual([
          0.2,
          0.5,
          '严重滞后',
        ]);
        expect(sheet.value(`U${rowOf(sheet, '5.07')}`)).toBe('已完成');
        expect(sheet.value(`U${rowOf(sheet, '3.07')}`)).toBe('序时推进');
        expect(sheet.value(`U${rowOf(sheet, '1.10')}`)).toBe('未评分');
      });

      it('keeps the data validation on the units’ cells, exactly as the sample ledger had it', () => {
        const sheet = scoredBack.sheet(LEDGER);
        expect(sheet.validationAt('K3')).toMatchObject({
          type: 'list',
          formulae: ['"已完成,超序时进度,序时推进,推进中,进展缓慢,严重滞后,未启动,暂停"'],
          showErrorMessage: true,
        });
        expect(sheet.validationAt('M109')).toMatchObject({ type: 'list' });
        expect(sheet.validationAt('L3')).toMatchObject({ type: 'decimal', operator: 'between' });
        expect(sheet.validationAt('R163')).toMatchObject({
          type: 'textLength',
          operator: 'lessThanOrEqual',
          formulae: ['200'],
        });
        // The office's columns and ours carry none.
        for (const address of ['A3', 'D3', 'H3', 'S3', 'U3', 'V163']) {
          expect(sheet.validationAt(address), address).toBeUndefined();
        }
        const rules = (s: ReadBackSheet): string[] =>
          s.validations.map((v) => JSON.stringify(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(rules(sheet)).toEqual(rules(originalBack.sheet(LEDGER)));
      });

      it('keeps the 校验 sheet’s links as HYPERLINK formulas to the cells they name', () => {
        const sheet = scoredBack.sheet('校验');
        expect(sheet.value('C2')).toBe('任务台账!D12');
        // LibreOffice may drop the quotes around a sheet name that needs none, e.g.:
        //   'HYPERLINK("#\'任务台账\'!D12","任务台账!D12")' → matches (as we wrote it)
        //   'HYPERLINK("#任务台账!D12","任务台账!D12")'     → matches (as LibreOffice saves it)
        //   'HYPERLINK("任务台账!D12","任务台账!D12")'      → no: without # it would open a file
        expect(sheet.cell('C2')?.formula).toMatch(/^HYPERLINK\("#'?任务台账'?!D12","任务台账!D12"\)$/);
        const links = [...sheet.cells.values()].filter((c) => c.col === 3 && c.row > 1 && c.value !== null);
        expect(links.length).toBeGreaterThan(1);
        for (const link of links) {
          const target = String(link.value).replace('任务台账!', '');
          expect(link.formula, link.address).toContain(`!${target}"`);
        }
      });

      it('keeps the data bar on the scores of 评分排名', () => {
        const sheet = scoredBack.sheet('评分排名');
        const ranked = [...sheet.cells.values()].filter((c) => c.col === 1 && c.row > 2 && c.value !== null);
        expect(sheet.conditionalFormats.map((r) => [r.ref, r.type])).toEqual([
          [`C3:C${2 + ranked.length}`, 'dataBar'],
        ]);
      });

      it('leaves every cell that is not ours as it was: values, formulas, fills, widths, merges', () => {
        for (const name of [LEDGER, '说明']) {
          const before = originalBack.sheet(name);
          const after = scoredBack.sheet(name);
          expect(cellPicture(after, name === LEDGER ? isOwned : () => false), name).toEqual(
            cellPicture(before, name === LEDGER ? isOwned : () => false),
          );
          expect(after.merges, name).toEqual(before.merges);
          expect(after.columnWidths, name).toEqual(before.columnWidths);
        }
        // The comparison is not empty: the ledger's 161 rows of office and unit cells are in it.
        expect(cellPicture(originalBack.sheet(LEDGER), isOwned).size).toBeGreaterThan(161 * 5);
      });
    });

    describe('clear --out', () => {
      it('gives back the sample ledger: every property exceljs sees, and every cell LibreOffice sees', async () => {
        const original = workbookSnapshot(await throughExceljs(await openXlsx(SAMPLE_LEDGER)));
        expect(workbookSnapshot(await throughExceljs(await openXlsx(files.cleared)))).toEqual(original);
        expect(clearedBack.sheets.map((s) => s.name)).toEqual([LEDGER, '说明']);
        for (const name of [LEDGER, '说明']) {
          expect(cellPicture(clearedBack.sheet(name)), name).toEqual(cellPicture(originalBack.sheet(name)));
          expect(clearedBack.sheet(name).conditionalFormats, name).toEqual([]);
        }
        expect(runs['clear']?.stdout).toContain('条件格式 4 条');
      });

      it('renders without any highlight colour and without our sheets', async () => {
        const text = await expectRendersChinese(pdf.cleared, ['2024年重点工作任务台账', '区发改局']);
        for (const gone of ['评分排名', '重点工作任务推进情况通报', 'score_progress_missing', '进展滞后']) {
          expect(text.includes(gone), gone).toBe(false);
        }
        const pages: PdfPageWords[] = await pdfWordBoxes(pdf.cleared);
        const pngs = await pdfToPng(pdf.cleared, path.join(work, 'png', 'cleared'), {
          firstPage: 1,
          lastPage: pages.length,
        });
        for (const png of pngs) {
          const img = readPng(png);
          for (const colour of Object.values(FILL)) {
            expect(findColouredPixels(img, colour, 8).count, `${colour} on ${png}`).toBe(0);
          }
        }
      });
    });

    describe('breakdown --out, rendered', () => {
      it('shows the ledger sheet beside the responsibility table, in a CJK font', async () => {
        await expectRendersChinese(pdf.ledger, [
          '2024年《政府工作报告》重点工作任务分解表',
          '2024年重点工作任务台账',
          '编号',
          '子任务',
          '完成时限',
          '进展情况',
          '区发改局',
          '陈学刚',
          '地区生产总值增长5.5%以上',
        ]);
      });
    });

    describe('split, one unit’s copy', () => {
      it('renders its instructions and only its own rows', async () => {
        const text = await expectRendersChinese(pdf.unit, [
          '2024年重点工作任务台账——区发改局填报说明',
          '200字',
          '已完成、超序时进度、序时推进、推进中、进展缓慢、严重滞后、未启动、暂停',
          '1.01',
          '地区生产总值增长5.5%以上',
        ]);
        // Seed row 2 belongs to 区教体局: none of its sub-tasks is in 区发改局's copy.
        expect(text).not.toContain('区教体局');
        expect(text).not.toContain('2.01');
      });

      it('keeps its validation on the units’ cells after LibreOffice saves it', async () => {
        const sheet = unitBack.sheet(LEDGER);
        expect(sheet.validationAt('K3')).toMatchObject({ type: 'list' });
        expect(sheet.validationAt('R3')).toMatchObject({ type: 'textLength', formulae: ['200'] });
        expect(sheet.validationAt('D3')).toBeUndefined();
        const mine = (await readBackWorkbook(files.unit)).sheet(LEDGER);
        const rules = (s: ReadBackSheet): string[] =>
          s.validations.map((v) => JSON.stringify(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(rules(sheet)).toEqual(rules(mine));
        expect(rules(sheet).length).toBeGreaterThan(0);
      });
    });
  },
);
