/**
 * The Office.js session writing through the strict fake Excel: score → clear gives back exactly the earlier
 * document (`fake.snapshot()`), scoring twice equals scoring once, our conditional formats come after the
 * user's, breakdown writes a usable ledger, and text that looks like a formula stays text.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { SETTINGS_SHEET_NAME } from '../../src/core/write-plan/owned-settings.ts';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { decorate, SEEDS, sessionOver, TABLE, xlsxData } from './session-fixtures.ts';
import { XlsxWorkbook, worksheetToGrid } from '../../src/xlsx/xlsx-workbook.ts';
import { applyPlan, sheetFacts } from '../../src/xlsx/apply-plan.ts';
import { scoreWorkbook } from '../../src/core/workflow/index.ts';
import { planScoreWrites } from '../../src/core/write-plan/plan-score.ts';
import { columnLetters } from '../../src/core/grid.ts';

async function seedLedger(): Promise<WorkbookData> {
  return xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx'));
}

describe('score → clear on the seed ledger', () => {
  it('gives back exactly the earlier workbook; scoring twice equals scoring once', async () => {
    const fake = createFakeExcel(await seedLedger());
    const session = sessionOver(fake);
    const before = fake.snapshot();
    const first = await session.score({}, true);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.kind).toBe('ledger');
    expect(first.sheetsWritten).toEqual(['评分排名', '通报', '校验']);
    const once = fake.snapshot();
    await session.score({}, true);
    expect(fake.snapshot()).toEqual(once);
    const cleared = await session.clear();
    expect(cleared).toMatchObject({
      hadMarks: true,
      sheets: ['评分排名', '通报', '校验', SETTINGS_SHEET_NAME],
      columns: 1,
      rules: 3,
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('writes the ledger results, highlights keyed to 状态, the sheets, a chart and the hidden settings', async () => {
    const fake = createFakeExcel(await seedLedger());
    const out = await sessionOver(fake).score({}, true);
    expect(out.ok).toBe(true);
    const snap = fake.snapshot();
    const ledger = snap.sheets.find((s) => s.name === '任务台账');
    // Row 3 (1.01: 5.6 % reported against ≥ 5.5 %): 完成率 in the ledger's own column S.
    expect(ledger?.values['S3']).toBeCloseTo(5.6 / 5.5, 6);
    const rules = ledger?.conditionalFormats ?? [];
    expect(rules.map((r) => r.formula)).toEqual(['=$U3="严重滞后"', '=$U3="进展滞后"', '=$U3="已完成"']);
    expect(rules.map((r) => r.fill)).toEqual(['#FFC7CE', '#FFEB9C', '#C6EFCE']);
    expect(rules[0]?.ranges).toEqual(['A3:V163']);
    const ranking = snap.sheets.find((s) => s.name === '评分排名');
    expect(ranking?.charts).toHaveLength(1);
    expect(ranking?.charts[0]).toMatchObject({
      type: 'BarClustered',
      title: '综合得分',
      legendVisible: false,
    });
    expect(ranking?.conditionalFormats.map((r) => r.type)).toEqual(['DataBar']);
    expect(ranking?.frozenRows).toBe(2);
    expect(ranking?.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
    const settings = snap.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
    expect(settings?.visibility).toBe('VeryHidden');
    expect(settings?.values['A1']).toBe('duban-settings');
  });
});

describe('highlights as Excel shows them', () => {
  it('colours lagging rows yellow, severe red, done green, over the row’s whole width, and nothing else', async () => {
    const fake = createFakeExcel(await seedLedger());
    expect((await sessionOver(fake).score({}, true)).ok).toBe(true);
    const ledger = fake.snapshot().sheets.find((s) => s.name === '任务台账');
    const expected: Record<string, string | null> = {
      进展滞后: '#FFEB9C',
      严重滞后: '#FFC7CE',
      已完成: '#C6EFCE',
      序时推进: null,
      未评分: null,
    };
    const seen = new Set<string>();
    for (let row = 2; row <= 162; row++) {
      const status = ledger?.values[`U${row + 1}`];
      if (typeof status !== 'string') continue;
      seen.add(status);
      // Column A (编号) and column V (说明): the rule covers A…V.
      expect(fake.effectiveFill('任务台账', row, 0), `A${row + 1} ${status}`).toBe(expected[status]);
      expect(fake.effectiveFill('任务台账', row, 21), `V${row + 1} ${status}`).toBe(expected[status]);
    }
    expect([...seen].sort()).toEqual(['严重滞后', '已完成', '序时推进', '未评分', '进展滞后'].sort());
    // The header row is not highlighted.
    expect(fake.effectiveFill('任务台账', 1, 0)).toBe(null);
  });
});

describe('the same writes as the exceljs host', () => {
  it('writes the same result cells and ranking values as the command line for the seed ledger', async () => {
    const file = path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx');
    const xlsx = await XlsxWorkbook.open(file);
    const scored = await scoreWorkbook(xlsx, { today: '2024-06-30' });
    if (!scored.ok) throw new Error(scored.failure.code);
    const wb = xlsx.workbook;
    const ws = wb.getWorksheet('任务台账');
    if (!ws) throw new Error('no ledger');
    const plan = planScoreWrites({
      target: scored.target,
      result: scored.result,
      findings: scored.findings,
      sheet: sheetFacts(ws),
      sheetNames: wb.worksheets.map((w) => w.name),
      previous: null,
    });
    await applyPlan(wb, plan);
    const fake = createFakeExcel(await seedLedger());
    expect((await sessionOver(fake).score({ asOf: scored.asOf }, true)).ok).toBe(true);
    const snap = fake.snapshot();
    for (const name of ['任务台账', '评分排名', '通报', '校验']) {
      const expected = worksheetToGrid(wb.getWorksheet(name) ?? ws);
      const got = snap.sheets.find((s) => s.name === name);
      expected.cells.forEach((row, r) => {
        row.forEach((v, c) => {
          const cell = `${columnLetters(c)}${r + 1}`;
          // exceljs writes the 校验 sheet's links as HYPERLINK formulas, Office.js as cell hyperlinks: the text
          // shown is the same.
          expect(got?.values[cell] ?? null, `${name}!${cell}`).toEqual(v);
        });
      });
    }
  });
});

describe('score → clear on a table with the user’s own formatting', () => {
  it('restores fills, borders, widths, merges, frozen rows and the user’s rules on the same range', async () => {
    const fake = createFakeExcel(TABLE);
    await decorate(fake);
    const session = sessionOver(fake);
    const before = fake.snapshot();
    const out = await session.score({}, true);
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.kind).toBe('table');
    const scored = fake.snapshot().sheets.find((s) => s.name === '完成情况');
    // Our block goes right of H (the last used column): I…L, headers on the header row.
    expect(scored?.values['I2']).toBe('完成率');
    expect(scored?.values['L2']).toBe('说明');
    // 完成率 9 characters = (9 × 7 + 5) × 0.75 = 51 points.
    expect(scored?.columnWidths['I']).toBe(51);
    // The user's two rules keep the top priorities; ours follow, in plan order.
    const rules = scored?.conditionalFormats ?? [];
    expect(rules.map((r) => [r.priority, r.formula])).toEqual([
      // Added second, the 完成值 rule took the top priority (as in Excel); the user's order stays.
      [0, '=F3<10'],
      [1, '=$F3<5'],
      [2, '=$K3="严重滞后"'],
      [3, '=$K3="进展滞后"'],
      [4, '=$K3="已完成"'],
    ]);
    expect(scored?.styles['B4']).toMatchObject({ fill: '#FF0000' });
    const twice = fake.snapshot();
    await session.score({}, true);
    expect(fake.snapshot()).toEqual(twice);
    await session.clear();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('breakdown', () => {
  it('writes the ledger sheet for use and print, and it scores', async () => {
    const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024.xlsx')));
    const session = sessionOver(fake);
    const out = await session.breakdown({});
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.ledgerSheet).toBe('任务台账');
    expect(out.syncs).toBeLessThanOrEqual(3);
    const ledger = fake.snapshot().sheets.find((s) => s.name === '任务台账');
    expect(ledger?.values['A2']).toBe('编号');
    expect(ledger?.frozenRows).toBe(2);
    expect(ledger?.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
    // 编号 is 8 characters wide: (8 × 7 + 5) × 0.75 = 45.75 points.
    expect(ledger?.columnWidths['A']).toBe(45.75);
    const status = ledger?.dataValidations.find((v) => v.rule !== null && 'list' in v.rule);
    expect(status?.prompt?.showPrompt).toBe(true);
    expect(status?.errorAlert?.title).toBe('输入不符合要求');
    expect(ledger?.numberFormats['A3']).toBe('@');
    // The ledger is the user's: clear leaves it.
    expect((await session.clear()).hadMarks).toBe(false);
    expect(fake.snapshot().sheets.some((s) => s.name === '任务台账')).toBe(true);
  });

  it('writes text that looks like a formula as text', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: '分解表',
          cells: [
            ['2024年重点工作任务分解表'],
            ['序号', '责任单位', '目标任务', '责任人'],
            [1, '区发改局', '=HYPERLINK("http://evil.example","点击")完成投资200亿元', '陈学刚'],
            [2, '区科技局', '@SUM(1)新增高新技术企业10家', '陈莹'],
            [3, '区财政局', '-完成一般公共预算收入增长5%', '周栋'],
          ],
        },
      ],
    });
    const out = await sessionOver(fake).breakdown({});
    if (!out.ok) throw new Error(out.problem.message);
    const ledger = fake.snapshot().sheets.find((s) => s.name === '任务台账');
    const texts = Object.entries(ledger?.values ?? {}).filter(
      // Text starting like a formula: '=HYPERLINK(…)…', '@SUM(1)…', '-完成…'; not '区发改局' or '1.01'.
      ([, v]) => typeof v === 'string' && /^[=@-]/.test(v),
    );
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(ledger?.formulas).toEqual({});
    for (const [cell] of texts) expect(ledger?.numberFormats[cell]).toBe('@');
  });
});
