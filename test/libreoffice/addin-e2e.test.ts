/**
 * The add-in end to end without Excel (issue 6 §4, second bullet): the seed table `seeds/taishan-2024.xlsx`
 * loaded into the strict fake Excel, broken down by the add-in's session into 任务台账, the units' sample
 * returns (`seeds/sample-progress-2024q2.json`) typed into the ledger through the Excel API, scored as of
 * 2024-06-30, exported with `fake.exportXlsx()`, and the export opened in LibreOffice: rendered to PDF (read
 * as text and, for the ledger's pages, as pixels) and saved again as .xlsx (read back with exceljs). Finally
 * clear takes the document back to what it was before scoring.
 *
 * Expected values are worked out by hand from the sample returns and docs/scoring.md (preset 序时: as of
 * 06-30 the 序时进度 is 6 / 12 = 50 %; a time-scaled figure c % against it is on track at gap = 50 − c ≤ 0,
 * lagging (yellow) at 0 < gap ≤ 20, severe (red) above 20; status words count by their class; a figure, when
 * there is one, decides over the status word). None of these rows has a 完成时限, so 50 % applies to each:
 *
 * | id    | unit             | the unit's return (Q2)       | by hand                              | 状态     | fill   |
 * |-------|------------------|------------------------------|--------------------------------------|----------|--------|
 * | 3.05  | 区科技局         | 14 of 30项 (word 序时推进)    | 46.7 %, gap 3.3 → lagging            | 进展滞后 | FFEB9C |
 * | 1.08  | 区发改局         | no figure, word 进展缓慢      | lagging-class word before due        | 进展滞后 | FFEB9C |
 * | 22.01 | 区行政审批服务局 | 2 of 10个 (word 进展缓慢)     | 20.0 %, gap 30.0 > 20 → severe       | 严重滞后 | FFC7CE |
 * | 46.01 | 中南财源门专班   | no figure, word 严重滞后      | far_behind class → severe            | 严重滞后 | FFC7CE |
 * | 5.07  | 区工信局         | no figure, word 已完成        | done                                 | 已完成   | C6EFCE |
 * | 3.07  | 区科技局         | 35 of 60项                    | 58.3 % ≥ 50 % → on track             | 序时推进 | none   |
 * | 1.10  | 区发改局         | nothing                       | unscored                             | 未评分   | none   |
 *
 * Scoring the ledger also writes the four result columns into 分解表, right of its last column D (E…H, our
 * header on its header row 3), one row per task row showing the worst of its sub-tasks, highlighted the same
 * way. Task row n is on sheet row n + 3. The rows worked out by hand (every sub-task of the row, from the
 * sample returns; 说明 shows each):
 *
 * | row | unit             | its sub-tasks                                                        | 状态     | fill   |
 * |-----|------------------|----------------------------------------------------------------------|----------|--------|
 * | 3   | 区科技局         | 3.01, 3.02 序时推进; 3.03 6 of 10 = 60 %; 3.04 168 of 190, 205 of 240 | 进展滞后 | FFEB9C |
 * |     |                  | (≥ 85 %); 3.05 46.7 % lagging; 3.06 8.6 of 18 = 47.8 % lagging;       |          |        |
 * |     |                  | 3.07 58.3 % — worst: lagging                                          |          |        |
 * | 5   | 区工信局         | 5.01 9.2 % against 8 % 左右; 5.02, 5.03 序时推进; 5.04 进展缓慢        | 进展滞后 | FFEB9C |
 * |     |                  | (lagging); 5.05 推进中; 5.06 46 of 80, 3 of 5 (≥ 57.5 %); 5.07 已完成  |          |        |
 * | 7   | 区司法局         | 7.01 序时推进, its only one                                           | 序时推进 | none   |
 * | 22  | 区行政审批服务局 | 22.01 severe (above) — the worst there is                             | 严重滞后 | FFC7CE |
 * | 41  | 上高街道         | 41.01 已完成, its only one                                            | 已完成   | C6EFCE |
 * | 46  | 中南财源门专班   | 46.01 severe, its only one                                            | 严重滞后 | FFC7CE |
 *
 * The ledger layout (src/core/vocab/ledger-columns.ts): title row 1, header row 2, the seed's 161 sub-tasks
 * (seeds/README.md) on rows 3–163, 22 columns A:V; the units fill J:R, scoring owns 完成率 / 序时进度 / 状态 /
 * 说明 in S:V. The highlight fills are Excel's Neutral / Bad / Good styles (FFEB9C, FFC7CE, C6EFCE).
 *
 * The fake part always runs; the LibreOffice part is skipped with a message without soffice (in CI that fails
 * instead: ci-policy.test.ts). One soffice call per format: PDF, and the round trip (the export and, as the
 * reference for the user's cells, the seed itself, in one call).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNED_SHEET_NAMES } from '../../src/core/write-plan/labels.ts';
import { SETTINGS_SHEET_NAME } from '../../src/core/write-plan/owned-settings.ts';
import { HIGHLIGHT_COLOURS } from '../../src/core/write-plan/plan-styles.ts';
import type { FakeSnapshot } from '../fake-excel/fake-excel.ts';
import { runAddinPipeline, SEED_TABLE_PATH, type AddinRun } from './addin-pipeline.ts';
import { expectRendersChinese } from './expect-render.ts';
import { findColouredPixels, readPng, type DecodedPng } from './png.ts';
import { readBackWorkbook, type ReadBackSheet, type ReadBackWorkbook } from './read-back.ts';
import {
  convertToPdf,
  makeTempDir,
  missingTools,
  PNG_DPI,
  pdfToPng,
  pdfWordBoxes,
  removeDir,
  roundTripAll,
  sofficePolicy,
  type PdfPageWords,
} from './soffice.ts';

const policy = sofficePolicy(process.env, missingTools());
if (!policy.run) console.warn(policy.skipReason);

const TABLE = '分解表';
const LEDGER = '任务台账';

/** The highlight fills as `#RRGGBB` (the fake) and as ARGB (exceljs), from the write plan's one definition. */
const HEX = {
  yellow: `#${HIGHLIGHT_COLOURS.yellow.fill}`,
  red: `#${HIGHLIGHT_COLOURS.red.fill}`,
  green: `#${HIGHLIGHT_COLOURS.green.fill}`,
} as const;
const ARGB = {
  yellow: `FF${HIGHLIGHT_COLOURS.yellow.fill}`,
  red: `FF${HIGHLIGHT_COLOURS.red.fill}`,
  green: `FF${HIGHLIGHT_COLOURS.green.fill}`,
} as const;

/** The hand-worked rows of the table above: 状态 and the highlight (null: none). */
const EXPECTED = {
  '3.05': { unit: '区科技局', status: '进展滞后', colour: 'yellow' },
  '1.08': { unit: '区发改局', status: '进展滞后', colour: 'yellow' },
  '22.01': { unit: '区行政审批服务局', status: '严重滞后', colour: 'red' },
  '46.01': { unit: '中南财源门专班', status: '严重滞后', colour: 'red' },
  '5.07': { unit: '区工信局', status: '已完成', colour: 'green' },
  '3.07': { unit: '区科技局', status: '序时推进', colour: null },
  '1.10': { unit: '区发改局', status: '未评分', colour: null },
} as const satisfies Record<string, { unit: string; status: string; colour: keyof typeof HEX | null }>;
type RowId = keyof typeof EXPECTED;
const ROW_IDS = Object.keys(EXPECTED) as RowId[];

/** The hand-worked task rows of 分解表 above, by serial: unit, 状态 and the highlight (null: none). */
const TABLE_EXPECTED = {
  3: { unit: '区科技局', status: '进展滞后', colour: 'yellow' },
  5: { unit: '区工信局', status: '进展滞后', colour: 'yellow' },
  7: { unit: '区司法局', status: '序时推进', colour: null },
  22: { unit: '区行政审批服务局', status: '严重滞后', colour: 'red' },
  41: { unit: '上高街道', status: '已完成', colour: 'green' },
  46: { unit: '中南财源门专班', status: '严重滞后', colour: 'red' },
} as const satisfies Record<number, { unit: string; status: string; colour: keyof typeof HEX | null }>;
const SERIALS = Object.keys(TABLE_EXPECTED).map(Number) as (keyof typeof TABLE_EXPECTED)[];

/** Least pixels of a 分解表 row's colour in the band of its unit's name (measured 9,300–11,900). */
const TABLE_BAND_PIXELS = 4000;

/**
 * Whether an A1 name is one of the cells scoring adds to 分解表: E3:H55 (our header on row 3, task rows 4–55).
 * 'E3' → owned; 'H55' → owned; 'D4' → not (责任人); 'E2' → not (above the header).
 */
function isTableOwnedName(name: string): boolean {
  // 'E3' → E, 3; 'AB12' → AB, 12.
  const m = /^([A-Z]+)(\d+)$/.exec(name);
  if (!m) return false;
  const row = Number(m[2]);
  return ['E', 'F', 'G', 'H'].includes(m[1] ?? '') && row >= 3 && row <= 55;
}

/** One sheet of a snapshot. */
function sheetOf(snapshot: FakeSnapshot, name: string): FakeSnapshot['sheets'][number] {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; there are ${snapshot.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/**
 * Whether an A1 name is one of the cells scoring owns on the ledger: S3:V163. Names are column letters and a
 * row, e.g. 'S3' → owned; 'V163' → owned; 'R3' → not (the units' 进展情况); 'S2' → not (the header).
 */
function isOwnedName(name: string): boolean {
  // 'S3' → S, 3; 'AB12' → AB, 12; 'S' → no match (a whole column is not a cell).
  const m = /^([A-Z]+)(\d+)$/.exec(name);
  if (!m) return false;
  const row = Number(m[2]);
  return ['S', 'T', 'U', 'V'].includes(m[1] ?? '') && row >= 3 && row <= 163;
}

/** A record without the ledger's owned cells. */
function withoutOwned<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !isOwnedName(name)));
}

/** Every cell of a read-back sheet as `address → [value, formula, fill]`, for comparing two reads. */
function cellPicture(sheet: ReadBackSheet): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const cell of sheet.cells.values()) {
    const value = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
    out.set(cell.address, [value, cell.formula, cell.fill]);
  }
  return out;
}

/** The 1-based row whose column A holds `id` on a read-back sheet. */
function readBackRowOf(sheet: ReadBackSheet, id: string): number {
  const cell = [...sheet.cells.values()].find((c) => c.col === 1 && c.value === id);
  if (cell === undefined) throw new Error(`no row with id ${id} on ${sheet.name}`);
  return cell.row;
}

let pipeline: Promise<AddinRun> | null = null;
/** The add-in's run, once for the whole file (every test reads the snapshots it left). */
function addinRun(): Promise<AddinRun> {
  pipeline ??= runAddinPipeline();
  return pipeline;
}

describe('the add-in over the fake Excel: seed table → breakdown → the units’ returns → score → clear', () => {
  let run: AddinRun;
  /** The 1-based ledger row of a sub-task id. */
  const rowOf = (id: string): number => {
    const i = run.ids.indexOf(id);
    if (i < 0) throw new Error(`no sub-task ${id} in ${LEDGER}`);
    return i + 3;
  };

  beforeAll(async () => {
    const started = performance.now();
    run = await addinRun();
    console.info(
      `add-in over the fake: load, breakdown, returns, score, export, clear in ` +
        `${((performance.now() - started) / 1000).toFixed(2)} s (breakdown ${run.breakdown.ok ? run.breakdown.syncs : '?'} ` +
        `syncs, score ${run.score.ok ? run.score.syncs : '?'} syncs, clear ${run.clear.syncs} syncs)`,
    );
  }, 120_000);

  it('breaks 分解表 down into 任务台账: 161 sub-tasks on rows 3–163, the units’ and our columns empty', () => {
    expect(run.before.sheets.map((s) => s.name)).toEqual([TABLE]);
    expect(run.brokenDown.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [TABLE, 'Visible'],
      [LEDGER, 'Visible'],
    ]);
    const ledger = sheetOf(run.brokenDown, LEDGER);
    expect(['S2', 'T2', 'U2', 'V2'].map((a) => ledger.values[a])).toEqual([
      '完成率',
      '序时进度',
      '状态',
      '说明',
    ]);
    expect(run.ids).toHaveLength(161);
    expect(run.ids.slice(0, 2)).toEqual(['1.01', '1.02']);
    expect(ledger.values['B3']).toBe('区发改局');
    // Nothing below row 2 in J…V yet: the units have not reported, nothing is scored.
    const filledIn = Object.keys(ledger.values).filter((a) => /^[J-V]\d+$/.test(a) && a.slice(1) !== '2');
    expect(filledIn).toEqual([]);
  });

  it('takes the units’ returns typed into J:R as they were typed', () => {
    const ledger = sheetOf(run.filled, LEDGER);
    // 3.05 on row 26: Q1 5 推进中, Q2 14 序时推进 (sample-progress-2024q2.json).
    const r305 = rowOf('3.05');
    expect(['J', 'K', 'L', 'M'].map((c) => ledger.values[`${c}${r305}`])).toEqual([
      5,
      '推进中',
      14,
      '序时推进',
    ]);
    // 1.15 reports two indicators in one cell, as text.
    expect(ledger.values[`L${rowOf('1.15')}`]).toBe('70、90');
    // 1.10 was left blank.
    const r110 = rowOf('1.10');
    expect(['J', 'K', 'L', 'M', 'R'].map((c) => ledger.values[`${c}${r110}`])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('fills the owned columns 完成率 / 序时进度 / 状态 / 说明 with the hand-worked results', () => {
    const ledger = sheetOf(run.scored, LEDGER);
    const owned = (id: RowId): unknown[] => ['S', 'T', 'U'].map((c) => ledger.values[`${c}${rowOf(id)}`]);
    expect(ledger.values[`S${rowOf('3.05')}`]).toBeCloseTo(14 / 30, 12);
    expect(ledger.values[`S${rowOf('3.07')}`]).toBeCloseTo(35 / 60, 12);
    expect(owned('22.01')).toEqual([0.2, 0.5, '严重滞后']);
    // No figure reported: no 完成率, the status word decides.
    expect(owned('1.08')).toEqual([undefined, 0.5, '进展滞后']);
    expect(owned('46.01')).toEqual([undefined, 0.5, '严重滞后']);
    expect(owned('5.07')).toEqual([undefined, 0.5, '已完成']);
    for (const id of ROW_IDS) expect(ledger.values[`U${rowOf(id)}`], id).toBe(EXPECTED[id].status);
    expect(ledger.values[`V${rowOf('3.05')}`]).toEqual(expect.stringContaining('完成率46.7%'));
    expect(ledger.values[`V${rowOf('3.05')}`]).toEqual(expect.stringContaining('差3.3个百分点'));
    expect(ledger.values[`V${rowOf('22.01')}`]).toEqual(expect.stringContaining('差30.0个百分点'));
    // Every sub-task row has its 序时进度 (50 %) and one of the five status words.
    for (let row = 3; row <= 163; row++) {
      expect(ledger.values[`T${row}`], `T${row}`).toBe(0.5);
      expect(['已完成', '序时推进', '进展滞后', '严重滞后', '未评分'], `U${row}`).toContain(
        ledger.values[`U${row}`],
      );
    }
    expect(ledger.values['U164']).toBeUndefined();
  });

  it('writes the sheets 评分排名, 通报 and 校验 and the hidden settings', () => {
    expect(run.score.ok && run.score.sheetsWritten).toEqual([
      OWNED_SHEET_NAMES.ranking,
      OWNED_SHEET_NAMES.circular,
      OWNED_SHEET_NAMES.findings,
    ]);
    expect(run.scored.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [TABLE, 'Visible'],
      [LEDGER, 'Visible'],
      ['评分排名', 'Visible'],
      ['通报', 'Visible'],
      ['校验', 'Visible'],
      [SETTINGS_SHEET_NAME, 'VeryHidden'],
    ]);
    const circular = Object.values(sheetOf(run.scored, '通报').values).filter((v) => typeof v === 'string');
    expect(circular).toContain('2024年重点工作任务推进情况通报');
    expect(circular.some((v) => v.startsWith('截至2024年6月30日，全区'))).toBe(true);
    // 1.10 left blank is a finding on the 校验 sheet, at its 子任务 cell D12 (row 12 = 1.10).
    expect(rowOf('1.10')).toBe(12);
    expect(Object.values(sheetOf(run.scored, '校验').values)).toContain('任务台账!D12');
  });

  it('shows the lagging rows yellow, the severe rows red, the done row green, across the whole row', () => {
    const rules = sheetOf(run.scored, LEDGER).conditionalFormats;
    expect(rules.map((r) => [r.formula, r.fill, r.ranges])).toEqual([
      ['=$U3="严重滞后"', HEX.red, ['A3:V163']],
      ['=$U3="进展滞后"', HEX.yellow, ['A3:V163']],
      ['=$U3="已完成"', HEX.green, ['A3:V163']],
    ]);
    for (const id of ROW_IDS) {
      const colour = EXPECTED[id].colour;
      const want = colour === null ? null : HEX[colour];
      expect(run.ledgerFills.get(id), id).toEqual({ first: want, last: want });
    }
    // The header row keeps its own fill (breakdown's header style): no rule reaches it.
    const header = sheetOf(run.scored, LEDGER).styles['A2']?.fill;
    expect(header).toMatch(/^#[0-9A-F]{6}$/);
    expect(Object.values(HEX)).not.toContain(header);
    expect(run.headerFill).toBe(header);
  });

  it('writes 完成率 / 序时进度 / 状态 / 说明 into 分解表’s E…H with the hand-worked rows', () => {
    const table = sheetOf(run.scored, TABLE);
    expect(['E3', 'F3', 'G3', 'H3'].map((a) => table.values[a])).toEqual([
      '完成率',
      '序时进度',
      '状态',
      '说明',
    ]);
    for (const serial of SERIALS) {
      const row = serial + 3;
      expect(table.values[`B${row}`], `row ${row}`).toBe(TABLE_EXPECTED[serial].unit);
      expect(table.values[`G${row}`], `row ${row}`).toBe(TABLE_EXPECTED[serial].status);
      expect(table.values[`F${row}`], `row ${row}`).toBe(0.5);
    }
    // Row 3 (区科技局) is decided by its first lagging sub-task, 3.05: 14 of 30.
    expect(table.values['E6']).toBeCloseTo(14 / 30, 12);
    expect(table.values['H6']).toEqual(expect.stringContaining('3.06 进展滞后：'));
    expect(table.values['E25']).toBe(0.2);
    // Every task row 4–55 has a status, nothing below.
    for (let row = 4; row <= 55; row++) expect(table.values[`G${row}`], `G${row}`).toBeDefined();
    expect(table.values['G56']).toBeUndefined();
  });

  it('colours 分解表’s task rows by their worst sub-task from A to H, and not its header', () => {
    expect(sheetOf(run.scored, TABLE).conditionalFormats.map((r) => [r.formula, r.fill, r.ranges])).toEqual([
      ['=$G4="严重滞后"', HEX.red, ['A4:H55']],
      ['=$G4="进展滞后"', HEX.yellow, ['A4:H55']],
      ['=$G4="已完成"', HEX.green, ['A4:H55']],
    ]);
    for (const serial of SERIALS) {
      const colour = TABLE_EXPECTED[serial].colour;
      const want = colour === null ? null : HEX[colour];
      expect(run.tableFills.get(serial + 2), `row ${serial}`).toEqual({ first: want, last: want });
    }
    expect(Object.values(HEX)).not.toContain(run.tableFills.get(2)?.first);
  });

  it('leaves every original cell of 分解表 as loaded: values, styles, widths, heights, merges, print setup', () => {
    const before = sheetOf(run.before, TABLE);
    const after = sheetOf(run.scored, TABLE);
    const keep = <V>(record: Readonly<Record<string, V>>): Record<string, V> =>
      Object.fromEntries(Object.entries(record).filter(([name]) => !isTableOwnedName(name)));
    expect(keep(after.values)).toEqual(before.values);
    expect(keep(after.styles)).toEqual(before.styles);
    expect(after.merges).toEqual(before.merges);
    expect(after.rowHeights).toEqual(before.rowHeights);
    expect(after.pageLayout).toEqual(before.pageLayout);
    for (const c of ['A', 'B', 'C', 'D']) expect(after.columnWidths[c], c).toBe(before.columnWidths[c]);
    // The comparison is not empty: title, header and the 52 rows of 4 columns, styled and sized.
    expect(Object.keys(before.values).length).toBeGreaterThan(52 * 4);
    expect(Object.keys(before.styles).length).toBeGreaterThan(52 * 4);
    expect(Object.keys(before.columnWidths).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(before.merges).toContain('A2:D2');
  });

  it('leaves the ledger’s other cells (the office’s and the units’) as they were before scoring', () => {
    const before = sheetOf(run.filled, LEDGER);
    const after = sheetOf(run.scored, LEDGER);
    expect(withoutOwned(after.values)).toEqual(withoutOwned(before.values));
    expect(withoutOwned(after.styles)).toEqual(withoutOwned(before.styles));
    expect(after.columnWidths).toEqual(before.columnWidths);
    expect(after.dataValidations).toEqual(before.dataValidations);
    expect(Object.keys(withoutOwned(before.values)).length).toBeGreaterThan(161 * 5);
  });

  it('clear gives back the document as it was after breakdown and the units’ returns', () => {
    expect(run.clear).toMatchObject({
      ok: true,
      hadMarks: true,
      sheets: ['评分排名', '通报', '校验', SETTINGS_SHEET_NAME],
      // Three on the ledger, three on 分解表 (the data bar leaves with 评分排名).
      columns: 2,
      rules: 6,
    });
    expect(run.cleared).toEqual(run.filled);
  });
});

describe.skipIf(!policy.run)(
  `the add-in’s export in LibreOffice${policy.run ? '' : ` — ${policy.skipReason}`}`,
  () => {
    let work = '';
    let pdf = '';
    let pages: PdfPageWords[] = [];
    let exportedBack: ReadBackWorkbook;
    let seedBack: ReadBackWorkbook;

    beforeAll(async () => {
      const run = await addinRun();
      const started = performance.now();
      work = makeTempDir('duban-addin-lo-');
      const exported = path.join(work, 'addin-scored.xlsx');
      writeFileSync(exported, run.exported);
      // The seed under its own base name, saved again by LibreOffice beside the export: the reference for
      // the user's cells (both went through the same program).
      const seed = path.join(work, 'seed-table.xlsx');
      copyFileSync(SEED_TABLE_PATH, seed);
      const [rendered, copies] = await Promise.all([
        convertToPdf(exported, path.join(work, 'pdf')),
        roundTripAll([exported, seed], path.join(work, 'lo')),
      ]);
      pdf = rendered;
      const [exportedCopy = '', seedCopy = ''] = copies;
      [exportedBack, seedBack, pages] = await Promise.all([
        readBackWorkbook(exportedCopy),
        readBackWorkbook(seedCopy),
        pdfWordBoxes(pdf),
      ]);
      console.info(
        `add-in export → LibreOffice: 2 soffice calls side by side (PDF, 2 round trips) and read-back ` +
          `${((performance.now() - started) / 1000).toFixed(2)} s, ${pages.length} PDF pages`,
      );
    }, 240_000);

    afterAll(async () => {
      if (work !== '') await removeDir(work);
    });

    it('renders the circular’s paragraph, our sheets and the units’ names in an embedded CJK font', async () => {
      const text = await expectRendersChinese(pdf, [
        // 分解表, the user's sheet
        '2024年《政府工作报告》重点工作任务分解表',
        // the ledger's owned columns and statuses
        '2024年重点工作任务台账',
        '完成率',
        '序时进度',
        '进展滞后',
        '严重滞后',
        '已完成',
        '46.7%',
        // 评分排名: 6 / 12 months = 50.0 %, preset 序时 by default
        '评分排名（截至2024-06-30，序时进度50.0%，评分规则：序时）',
        // 通报
        '2024年重点工作任务推进情况通报',
        '督查七联动',
        // 校验: 1.10 left blank
        '任务台账!D12',
        // the units of the hand-worked rows
        ...new Set(ROW_IDS.map((id) => EXPECTED[id].unit)),
      ]);
      // The circular's paragraph opens with the as-of date in words and the 161 sub-tasks, e.g.:
      //   '截至2024年6月30日，全区53个责任单位承担的161项重点任务中，已完成…' → matches
      //   '截至2024-06-30，全区…'                                             → no: the date not in words
      //   '截至2024年6月30日，全区53个责任单位承担的160项…'                   → no: a sub-task lost
      expect(text).toMatch(/截至2024年6月30日，全区\d+个责任单位承担的161项重点任务中/);
    });

    it('paints the lagging rows yellow, severe rows red, done rows green: the ledger’s and 分解表’s', async () => {
      // Pages [first, last) searched in order (1-based page numbers).
      const find = (
        word: string,
        first = 1,
        last = pages.length + 1,
      ): { page: number; yMin: number; yMax: number } => {
        for (let page = first; page < last; page++) {
          const found = pages[page - 1]?.words.find((w) => w.text === word);
          if (found) return { page, yMin: found.yMin, yMax: found.yMax };
        }
        throw new Error(`${word} is on no page ${first}–${last - 1} of ${pdf}`);
      };
      // 分解表 comes first: the pages before the ledger's title are the user's table, where each unit of the
      // hand-worked rows is named once (责任单位, column B). Sub-task ids appear there too, in our 说明.
      const ledgerFirst =
        pages.findIndex((p) => p.words.some((w) => w.text.includes('重点工作任务台账'))) + 1;
      expect(ledgerFirst).toBeGreaterThan(1);
      const rows = new Map(ROW_IDS.map((id) => [id, find(id, ledgerFirst)]));
      const tableRows = new Map(
        SERIALS.map((serial) => [serial, find(TABLE_EXPECTED[serial].unit, 1, ledgerFirst)]),
      );
      const last = Math.max(...[...rows.values()].map((r) => r.page));
      const pngs = await pdfToPng(pdf, path.join(work, 'png', 'addin'), { firstPage: 1, lastPage: last });
      const images = new Map<number, DecodedPng>();
      const image = (page: number): DecodedPng => {
        let img = images.get(page);
        if (!img) {
          img = readPng(pngs[page - 1] ?? '');
          images.set(page, img);
        }
        return img;
      };
      const scale = PNG_DPI / 72;
      type Counts = Record<keyof typeof ARGB, number>;
      const count = (page: number, band?: { y0: number; y1: number }): Counts => {
        const img = image(page);
        const region = band && { x0: 0, x1: img.width, ...band };
        return {
          yellow: findColouredPixels(img, ARGB.yellow, 8, region).count,
          red: findColouredPixels(img, ARGB.red, 8, region).count,
          green: findColouredPixels(img, ARGB.green, 8, region).count,
        };
      };
      // The band of a word across the page; only the expected colour is there, and plenty of it.
      const expectBand = (
        label: string,
        at: { page: number; yMin: number; yMax: number },
        colour: keyof typeof ARGB | null,
        least: number,
      ): void => {
        const got = count(at.page, { y0: at.yMin * scale, y1: at.yMax * scale });
        for (const other of ['yellow', 'red', 'green'] as const) {
          if (other === colour) expect(got[other], `${label} ${other}`).toBeGreaterThan(least);
          else expect(got[other], `${label} ${other}`).toBe(0);
        }
      };
      for (const serial of SERIALS) {
        const at = tableRows.get(serial);
        if (!at) throw new Error(String(serial));
        expectBand(`分解表 row ${serial}`, at, TABLE_EXPECTED[serial].colour, TABLE_BAND_PIXELS);
      }
      for (const id of ROW_IDS) {
        const at = rows.get(id);
        if (!at) throw new Error(id);
        expect(at.page, id).toBeGreaterThanOrEqual(ledgerFirst);
        // The band of the row's 编号 across the page (≈1,200 px wide by ≈6 px high); measured 5,800–7,500 px
        // of the row's colour, none of the others.
        expectBand(id, at, EXPECTED[id].colour, 2500);
      }
    });

    it('keeps our sheets in order after LibreOffice saves it; the settings sheet stays out of sight', () => {
      expect(exportedBack.sheets.map((s) => s.name)).toEqual([
        TABLE,
        LEDGER,
        '评分排名',
        '通报',
        '校验',
        SETTINGS_SHEET_NAME,
      ]);
      // LibreOffice has no "very hidden": it saves the settings sheet as hidden.
      expect(exportedBack.sheet(SETTINGS_SHEET_NAME).state).not.toBe('visible');
      expect(exportedBack.sheet(SETTINGS_SHEET_NAME).value('A1')).toBe('duban-settings');
    });

    it('keeps the highlight rules keyed to the 状态 columns, U on the ledger and G on 分解表, with their fills', () => {
      const rules = exportedBack.sheet(LEDGER).conditionalFormats.map((r) => ({
        ref: r.ref,
        type: r.type,
        formulae: r.formulae,
        fill: r.fill,
      }));
      expect(rules).toEqual([
        { ref: 'A3:V163', type: 'expression', formulae: ['$U3="严重滞后"'], fill: ARGB.red },
        { ref: 'A3:V163', type: 'expression', formulae: ['$U3="进展滞后"'], fill: ARGB.yellow },
        { ref: 'A3:V163', type: 'expression', formulae: ['$U3="已完成"'], fill: ARGB.green },
      ]);
      expect(
        exportedBack
          .sheet(TABLE)
          .conditionalFormats.map((r) => ({ ref: r.ref, formulae: r.formulae, fill: r.fill })),
      ).toEqual([
        { ref: 'A4:H55', formulae: ['$G4="严重滞后"'], fill: ARGB.red },
        { ref: 'A4:H55', formulae: ['$G4="进展滞后"'], fill: ARGB.yellow },
        { ref: 'A4:H55', formulae: ['$G4="已完成"'], fill: ARGB.green },
      ]);
    });

    it('keeps the owned columns’ values and the units’ returns', () => {
      const sheet = exportedBack.sheet(LEDGER);
      expect(['S2', 'T2', 'U2', 'V2'].map((a) => sheet.value(a))).toEqual([
        '完成率',
        '序时进度',
        '状态',
        '说明',
      ]);
      for (const id of ROW_IDS) {
        expect(sheet.value(`U${readBackRowOf(sheet, id)}`), id).toBe(EXPECTED[id].status);
        expect(sheet.value(`T${readBackRowOf(sheet, id)}`), id).toBe(0.5);
      }
      const r305 = readBackRowOf(sheet, '3.05');
      expect(sheet.value(`S${r305}`)).toBeCloseTo(14 / 30, 12);
      expect(sheet.value(`V${r305}`)).toEqual(expect.stringContaining('完成率46.7%'));
      expect([sheet.value(`L${r305}`), sheet.value(`M${r305}`)]).toEqual([14, '序时推进']);
      const r2201 = readBackRowOf(sheet, '22.01');
      expect([sheet.value(`S${r2201}`), sheet.value(`U${r2201}`)]).toEqual([0.2, '严重滞后']);
      expect(sheet.value(`S${readBackRowOf(sheet, '1.10')}`)).toBeNull();
    });

    it('keeps every original cell of 分解表 as the seed has it, beside our E…H: values, fills, merges, widths', () => {
      const before = seedBack.sheet(TABLE);
      const after = exportedBack.sheet(TABLE);
      const theirs = new Map([...cellPicture(after)].filter(([address]) => !isTableOwnedName(address)));
      expect(theirs).toEqual(cellPicture(before));
      expect(after.merges).toEqual(before.merges);
      expect(after.columnWidths.slice(0, 4)).toEqual(before.columnWidths.slice(0, 4));
      expect(['E3', 'G3', 'G25', 'G44'].map((a) => after.value(a))).toEqual([
        '完成率',
        '状态',
        '严重滞后',
        '已完成',
      ]);
      // Not an empty comparison: the title, header and 52 rows of four columns.
      expect(cellPicture(before).size).toBeGreaterThan(52 * 4);
      expect(after.value('A3')).toBe('序号');
      expect(after.value('B4')).toBe('区发改局');
    });
  },
);
