/**
 * Through real .xlsx bytes: a responsibility table (分解表) broken down into its ledger (任务台账) in the same
 * workbook, the units' returns typed into the ledger, scored with the command line's writer — the table's rows
 * get the four owned columns and three highlight rules too — and cleared back to the workbook as it was.
 *
 * The table (1-based rows): title row 1, header 序号 / 责任单位 / 目标任务 / 责任人 in row 2, serial 1 区人社局 on
 * row 3 with two sentences (sub-tasks 1.01, 1.02), serial 2 区交运局 on row 4 (2.01). Returns as of 2024-06-30
 * (序时 50 %): 1.01 4496 of 7200 人 → 序时推进; 1.02 status word 进展缓慢 → 进展滞后; 2.01 8 of 40 公里 = 20 %,
 * 30 points behind → 严重滞后. So row 3 shows 进展滞后 (the worse of 1.01 and 1.02), row 4 严重滞后 with 20 %.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/cli-args.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { scoreFile } from '../../src/cli/command-score.ts';
import { applyScoreWrites } from '../../src/cli/score-output.ts';
import { analyzeGrid } from '../../src/core/analyze.ts';
import { buildLedger } from '../../src/core/ledger/index.ts';
import { sheetDataToGrid } from '../../src/core/port/memory-workbook.ts';
import { planBreakdownWrites } from '../../src/core/write-plan/plan-breakdown.ts';
import { applyPlan, clearOwned, readSettings } from '../../src/xlsx/apply-plan.ts';
import { extras } from '../../src/xlsx/exceljs-extras.ts';
import { ROOT, tempDir } from '../cli/cli-helpers.ts';
import { workbookSnapshot } from './snapshot.ts';

const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: ROOT, env: {} };

async function load(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TABLE_ROWS = [
  ['2024年重点工作任务分解表'],
  ['序号', '责任单位', '目标任务', '责任人'],
  [1, '区人社局', '新增城镇就业7200人以上。开展根治欠薪专项行动。', '张辉'],
  [2, '区交运局', '新改建“四好农村路”40公里。', '孙大伟'],
];

/** The table with the user's formatting, its ledger from breakdown, and the returns typed into L and M. */
async function tableWithLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  TABLE_ROWS.forEach((r, i) => (ws.getRow(i + 1).values = r));
  ws.mergeCells('A1:D1');
  ws.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } }; // the user's red
  ws.getColumn(3).width = 40;
  ws.getColumn(6).width = 15; // where our block will go (E…H): clear puts it back
  const analysis = analyzeGrid(sheetDataToGrid({ name: '分解表', cells: TABLE_ROWS })).analysis;
  if (!analysis) throw new Error('no table');
  await applyPlan(wb, planBreakdownWrites(buildLedger(analysis.breakdown), ['分解表']));
  const ledger = wb.getWorksheet('任务台账');
  if (!ledger) throw new Error('no ledger');
  // Ledger rows 3–5 hold 1.01, 1.02, 2.01 (column A); L is 二季度完成值, M 二季度进展状态.
  expect([3, 4, 5].map((r) => ledger.getCell(`A${r}`).value)).toEqual(['1.01', '1.02', '2.01']);
  ledger.getCell('L3').value = 4496;
  ledger.getCell('M4').value = '进展缓慢';
  ledger.getCell('L5').value = 8;
  return bytesOf(wb);
}

async function scoreBytes(file: string): Promise<Buffer> {
  const options = parseCliArgs(['score', file, '--as-of', '2024-06-30']);
  const outcome = await scoreFile(file, options, io);
  if (!outcome.scored) throw new Error('no workbook');
  await applyScoreWrites({ ...outcome.scored, result: outcome.run.result, findings: outcome.run.findings });
  return bytesOf(outcome.scored.workbook.workbook);
}

describe('score → clear on a ledger beside its responsibility table', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'table-and-ledger.xlsx');
  writeFileSync(input, await tableWithLedger());
  const original = workbookSnapshot(await load(await bytesOf(await load(await tableWithLedger()))));
  const scored = await scoreBytes(input);
  const scoredWb = await load(scored);

  it('writes the ledger’s own result columns and the table’s four owned columns E…H', () => {
    const ledger = scoredWb.getWorksheet('任务台账');
    expect(['U3', 'U4', 'U5'].map((a) => ledger?.getCell(a).value)).toEqual([
      '序时推进',
      '进展滞后',
      '严重滞后',
    ]);
    const ws = scoredWb.getWorksheet('分解表');
    expect(['E2', 'F2', 'G2', 'H2'].map((a) => ws?.getCell(a).value)).toEqual([
      '完成率',
      '序时进度',
      '状态',
      '说明',
    ]);
    expect(['G3', 'G4'].map((a) => ws?.getCell(a).value)).toEqual(['进展滞后', '严重滞后']);
    expect(ws?.getCell('E4').value).toBe(0.2);
    expect(ws?.getCell('E4').numFmt).toBe('0.0%');
    expect(ws?.getCell('F3').value).toBe(0.5);
    expect(ws?.getCell('H3').value).toEqual(expect.stringContaining('1.02 进展滞后'));
    // The user's fill on B4 stays: the highlight is a rule.
    expect(ws?.getCell('B4').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFF0000' },
    });
  });

  it('adds three highlight rules on the table keyed to its 状态 column G over A3:H4', () => {
    const ws = scoredWb.getWorksheet('分解表');
    const cfs = ws ? extras(ws).conditionalFormattings : [];
    expect(
      cfs.map((c) => [c.ref, c.rules[0]?.type, (c.rules[0] as { formulae?: string[] }).formulae?.[0]]),
    ).toEqual([
      ['A3:H4', 'expression', '$G3="严重滞后"'],
      ['A3:H4', 'expression', '$G3="进展滞后"'],
      ['A3:H4', 'expression', '$G3="已完成"'],
    ]);
    expect(readSettings(scoredWb)?.owned.columns.map((c) => [c.sheet, c.firstCol, c.lastCol])).toEqual([
      ['任务台账', 18, 21],
      ['分解表', 4, 7],
    ]);
  });

  it('scoring twice equals scoring once', async () => {
    const again = path.join(dir, 'scored.xlsx');
    writeFileSync(again, scored);
    expect(workbookSnapshot(await load(await scoreBytes(again)))).toEqual(workbookSnapshot(scoredWb));
  });

  it('clear gives back the workbook as it was before scoring', async () => {
    const wb = await load(scored);
    expect(clearOwned(wb)).toEqual({
      sheets: ['评分排名', '通报', '校验', '督办助手设置'],
      columns: 2,
      // Three on the ledger, three on the table, the data bar on 评分排名.
      rules: 7,
      hadSettings: true,
      hadMarks: true,
    });
    expect(workbookSnapshot(await load(await bytesOf(wb)))).toEqual(original);
    // Not an empty picture: the table's merge, width and the user's fill are in it.
    const table = (original['sheets'] as Record<string, unknown>[])[0];
    expect(table).toMatchObject({ name: '分解表', merges: ['A1:D1'] });
    expect((table?.['widths'] as unknown[])[5]).toBe(15);
  });
});
