/**
 * The Office.js session on the seed table (seeds/taishan-2024.xlsx, sheet 分解表): breakdown writes 任务台账,
 * a few returns are typed into the ledger through the Excel API, and scoring writes and highlights the
 * responsibility table's rows as well as the ledger's; clear gives back the document as it was before scoring.
 *
 * 分解表 (1-based rows): row 1 附件, row 2 the title, row 3 the header, serial n on row n + 3 (0-based n + 2),
 * columns A…D. Returns typed (二季度, ledger column L = 完成值, M = 进展状态), worked out as of 2024-06-30
 * (序时 50 %; rows without a return are 未评分 and decide nothing while another sub-task is scored):
 *
 * | serial | unit             | returns                                         | row shows | fill    |
 * |--------|------------------|-------------------------------------------------|-----------|---------|
 * | 22     | 区行政审批服务局 | 22.01: 2 of 10 个场景 = 20 %, 30 points behind   | 严重滞后  | FFC7CE  |
 * | 46     | 中南财源门专班   | 46.01: word 严重滞后                              | 严重滞后  | FFC7CE  |
 * | 5      | 区工信局         | 5.04: word 进展缓慢 (lagging); 5.07: word 已完成  | 进展滞后  | FFEB9C  |
 * | 41     | 上高街道         | 41.01: word 已完成 (its only sub-task)            | 已完成    | C6EFCE  |
 * | 7      | 区司法局         | 7.01: word 序时推进 (its only sub-task)           | 序时推进  | none    |
 * | 1      | 区发改局         | nothing                                         | 未评分    | none    |
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/core/text/normalize.ts';
import { SETTINGS_SHEET_NAME } from '../../src/core/write-plan/owned-settings.ts';
import { createFakeExcel, type FakeExcel, type FakeRequestContext } from '../fake-excel/fake-excel.ts';
import { SEEDS, sessionOver, xlsxData } from './session-fixtures.ts';

const TABLE = '分解表';
const LEDGER = '任务台账';

/** The returns typed: id → [二季度完成值 (L), 二季度进展状态 (M)]. */
const RETURNS: Record<string, [number | null, string | null]> = {
  '22.01': [2, null],
  '46.01': [null, '严重滞后'],
  '5.04': [null, '进展缓慢'],
  '5.07': [null, '已完成'],
  '41.01': [null, '已完成'],
  '7.01': [null, '序时推进'],
};

/** The hand-worked table rows by serial: status shown and fill. */
const EXPECTED: Record<number, { status: string; fill: string | null }> = {
  22: { status: '严重滞后', fill: '#FFC7CE' },
  46: { status: '严重滞后', fill: '#FFC7CE' },
  5: { status: '进展滞后', fill: '#FFEB9C' },
  41: { status: '已完成', fill: '#C6EFCE' },
  7: { status: '序时推进', fill: null },
  1: { status: '未评分', fill: null },
};

/** Type the returns into the ledger's L and M cells of the rows whose 编号 (column A) is the id. */
async function typeReturns(fake: FakeExcel): Promise<void> {
  await fake.Excel.run(async (context: FakeRequestContext) => {
    const ws = context.workbook.worksheets.getItem(LEDGER);
    const used = ws.getUsedRange(true);
    used.load(['values', 'rowIndex']);
    await context.sync();
    const rowOf = new Map(used.values.map((r, i) => [cellText(r[0] ?? null).trim(), used.rowIndex + i]));
    for (const [id, [actual, status]] of Object.entries(RETURNS)) {
      const row = rowOf.get(id);
      if (row === undefined) throw new Error(`no sub-task ${id} in ${LEDGER}`);
      ws.getRangeByIndexes(row, 11, 1, 2).values = [[actual, status]];
    }
    await context.sync();
  });
}

describe('scoring a ledger highlights its responsibility table too', async () => {
  const fake = createFakeExcel(await xlsxData(path.join(SEEDS, 'taishan-2024.xlsx')));
  const session = sessionOver(fake);
  const broken = await session.breakdown({});
  if (!broken.ok) throw new Error(broken.problem.message);
  await typeReturns(fake);
  const before = fake.snapshot();
  const scored = await session.score({ asOf: '2024-06-30' }, true);
  if (!scored.ok) throw new Error(scored.problem.message);
  const after = fake.snapshot();
  const table = after.sheets.find((s) => s.name === TABLE);
  const fills = new Map(
    Object.keys(EXPECTED).map((serial) => {
      const row = Number(serial) + 2;
      return [
        Number(serial),
        [fake.effectiveFill(TABLE, row, 0), fake.effectiveFill(TABLE, row, 7)],
      ] as const;
    }),
  );
  const headerFill = fake.effectiveFill(TABLE, 2, 0);
  const again = await session.score({ asOf: '2024-06-30' }, true);
  const afterAgain = fake.snapshot();
  const cleared = await session.clear();
  const afterClear = fake.snapshot();

  it('scores the ledger in 3 syncs, the table’s facts from the same prefetch', () => {
    expect(scored.kind).toBe('ledger');
    expect(scored.sheet).toBe(LEDGER);
    expect(scored.syncs).toBe(3);
  });

  it('writes 完成率 / 序时进度 / 状态 / 说明 in E…H of 分解表, our header on its header row 3', () => {
    expect(['E3', 'F3', 'G3', 'H3'].map((a) => table?.values[a])).toEqual([
      '完成率',
      '序时进度',
      '状态',
      '说明',
    ]);
    for (const [serial, e] of Object.entries(EXPECTED)) {
      expect(table?.values[`G${Number(serial) + 3}`], `serial ${serial}`).toBe(e.status);
    }
    // Serial 22: decided by 22.01, 2 ÷ 10.
    expect(table?.values['E25']).toBe(0.2);
    expect(table?.values['F25']).toBe(0.5);
    // 52 task rows, 4 to 55; nothing below.
    expect(table?.values['G55']).toBeDefined();
    expect(table?.values['G56']).toBeUndefined();
  });

  it('colours the table rows by the worst of their sub-tasks, from A to H, and not the header', () => {
    for (const [serial, e] of Object.entries(EXPECTED)) {
      expect(fills.get(Number(serial)), `serial ${serial}`).toEqual([e.fill, e.fill]);
    }
    expect(['#FFC7CE', '#FFEB9C', '#C6EFCE']).not.toContain(headerFill);
    expect(table?.conditionalFormats.map((r) => [r.formula, r.ranges])).toEqual([
      ['=$G4="严重滞后"', ['A4:H55']],
      ['=$G4="进展滞后"', ['A4:H55']],
      ['=$G4="已完成"', ['A4:H55']],
    ]);
  });

  it('leaves every original cell of 分解表 as it was', () => {
    const was = before.sheets.find((s) => s.name === TABLE);
    const original = (name: string): boolean => !/^[E-H]\d+$/.test(name);
    const keep = <V>(r: Readonly<Record<string, V>> | undefined) =>
      Object.fromEntries(Object.entries(r ?? {}).filter(([a]) => original(a)));
    expect(keep(table?.values)).toEqual(keep(was?.values));
    expect(keep(table?.styles)).toEqual(keep(was?.styles));
    expect(Object.keys(keep(was?.values)).length).toBeGreaterThan(52 * 4);
  });

  it('scoring twice equals scoring once (the table found again from the stored settings), in 4 syncs', () => {
    expect(again.ok && again.syncs).toBe(4);
    expect(afterAgain).toEqual(after);
  });

  it('clear removes both blocks and all six highlight rules: the document is as before scoring', () => {
    expect(cleared).toMatchObject({
      hadMarks: true,
      sheets: ['评分排名', '通报', '校验', SETTINGS_SHEET_NAME],
      columns: 2,
      rules: 6,
    });
    expect(afterClear).toEqual(before);
  });
});
