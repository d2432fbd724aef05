/**
 * planScoreWrites for a ledger scored beside its responsibility table (test/core/workflow/companion-fixtures.ts):
 * a second owned block on the table's sheet, one row per table row with the worst of its sub-tasks, and the
 * highlight rules keyed to that block's 状态 column. As of 2024-06-30 (序时 50 %): 1.01 序时推进 (4496 of 7200),
 * 1.02 进展滞后 (status word, no figure), 2.01 严重滞后 (8 of 40 = 20 %). Table sheet rows (1-based): header
 * row 2, serial 1 on row 3 (1.01 and 1.02), serial 2 on row 4 (2.01); columns A…D used.
 */
import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../../src/core/port/memory-workbook.ts';
import { scoreWorkbook, type LedgerScored } from '../../../src/core/workflow/index.ts';
import type { PlanCell } from '../../../src/core/write-plan/plan-model.ts';
import { planScoreWrites, type PlanScoreInput } from '../../../src/core/write-plan/plan-score.ts';
import { breakdownTable, companionLedger } from '../workflow/companion-fixtures.ts';
import { workbook } from '../workflow/fixtures.ts';

async function scoredLedger(): Promise<LedgerScored> {
  const r = await scoreWorkbook(new MemoryWorkbook(workbook([breakdownTable(), companionLedger()])), {
    asOf: '2024-06-30',
    today: '2024-07-15',
  });
  if (!r.ok || r.kind !== 'ledger' || !r.companion) throw new Error('expected a ledger with its table');
  return r;
}

const at = (cells: readonly PlanCell[], row: number, col: number) =>
  cells.find((c) => c.row === row && c.col === col);

function input(scored: LedgerScored, rowOf?: ReadonlyMap<string, number>): PlanScoreInput {
  const companion = scored.companion;
  if (!companion) throw new Error('no table');
  return {
    target: scored.target,
    result: scored.result,
    findings: [],
    // The ledger: A…V, its own result columns S…V.
    sheet: { name: '任务台账', lastCol: 21, widths: [] },
    sheetNames: ['分解表', '任务台账'],
    previous: null,
    companion: {
      table: companion.table,
      // Columns A…D used; a width set on F (index 5), where our block will go.
      sheet: { name: '分解表', lastCol: 3, widths: [6, 18, 90, 14, null, 12] },
      rowOf: rowOf ?? companion.rowOf,
    },
  };
}

describe('a ledger scored beside its responsibility table', async () => {
  const scored = await scoredLedger();
  const plan = planScoreWrites(input(scored));

  it('plans the ledger block first, then four owned columns E…H right of the table’s last column D', () => {
    expect(plan.columns.map((b) => [b.sheet, b.firstCol, b.lastCol, b.ownsHeader])).toEqual([
      ['任务台账', 18, 21, false],
      ['分解表', 4, 7, true],
    ]);
    const block = plan.columns[1];
    // Our header on the table's header row 2; table rows 3 and 4.
    expect([block?.headerRow, block?.firstRow, block?.lastRow]).toEqual([1, 2, 3]);
    expect(block?.previousWidths).toEqual([null, 12, null, null]);
    const cells = block?.cells ?? [];
    expect([4, 5, 6, 7].map((c) => at(cells, 1, c)?.value)).toEqual(['完成率', '序时进度', '状态', '说明']);
  });

  it('shows on each table row the worst of its sub-tasks', () => {
    const cells = plan.columns[1]?.cells ?? [];
    // Row 3: 1.01 序时推进 and 1.02 进展滞后 → 进展滞后, decided by 1.02 (no figure: no 完成率).
    expect(at(cells, 2, 6)?.value).toBe('进展滞后');
    expect(at(cells, 2, 4)?.value).toBeNull();
    expect(at(cells, 2, 5)).toMatchObject({ value: 0.5, numberFormat: '0.0%' });
    const both = String(at(cells, 2, 7)?.value);
    expect(both.startsWith('1.01 序时推进：')).toBe(true);
    expect(both).toContain('\n1.02 进展滞后：');
    // Row 4: 2.01 alone, 8 ÷ 40 = 0.2, 严重滞后, its explanation without an id.
    expect(at(cells, 3, 4)).toMatchObject({ value: 0.2, numberFormat: '0.0%' });
    expect(at(cells, 3, 6)?.value).toBe('严重滞后');
    expect(String(at(cells, 3, 7)?.value).startsWith('2.01')).toBe(false);
    // Nothing outside rows 2–4 and columns E…H.
    for (const c of cells) {
      expect(c.row >= 1 && c.row <= 3 && c.col >= 4 && c.col <= 7, `${c.row},${c.col}`).toBe(true);
    }
  });

  it('highlights the table rows with rules keyed to its 状态 column G over A3:H4', () => {
    const rules = plan.conditionalFormats.flatMap((r) => (r.kind === 'expression' ? [r] : []));
    const onTable = rules.filter((r) => r.sheet === '分解表');
    expect(onTable.map((r) => [r.id, r.formula, r.colour])).toEqual([
      ['duban.highlight.severe', '=$G3="严重滞后"', 'red'],
      ['duban.highlight.lagging', '=$G3="进展滞后"', 'yellow'],
      ['duban.highlight.done', '=$G3="已完成"', 'green'],
    ]);
    for (const r of onTable) expect(r.range).toEqual({ top: 2, left: 0, bottom: 3, right: 7 });
    // The ledger's own rules stay keyed to U over A3:V5.
    expect(rules.filter((r) => r.sheet === '任务台账').map((r) => r.formula)).toEqual([
      '=$U3="严重滞后"',
      '=$U3="进展滞后"',
      '=$U3="已完成"',
    ]);
  });

  it('lists both blocks and all rules in the settings, so clear removes them; the scored sheet stays the ledger', () => {
    const s = plan.settings;
    expect(s?.sheet).toBe('任务台账');
    expect(s?.owned.columns.map((c) => [c.sheet, c.firstCol, c.lastCol, c.firstRow, c.lastRow])).toEqual([
      ['任务台账', 18, 21, 2, 4],
      ['分解表', 4, 7, 2, 3],
    ]);
    expect(s?.owned.rules.map((r) => [r.sheet, r.ref])).toEqual([
      ['任务台账', 'A3:V5'],
      ['任务台账', 'A3:V5'],
      ['任务台账', 'A3:V5'],
      ['分解表', 'A3:H4'],
      ['分解表', 'A3:H4'],
      ['分解表', 'A3:H4'],
      ['评分排名', 'C3:C4'],
    ]);
  });

  it('plans nothing on the table when none of its rows is named, or without a companion', () => {
    const none = planScoreWrites(input(scored, new Map()));
    expect(none.columns.map((b) => b.sheet)).toEqual(['任务台账']);
    expect(none.conditionalFormats.some((r) => r.sheet === '分解表')).toBe(false);
    const { companion: _dropped, ...alone } = input(scored);
    expect(planScoreWrites(alone).columns.map((b) => b.sheet)).toEqual(['任务台账']);
  });

  it('only the rows named: a table row whose sub-tasks are not in rowOf gets no cells', () => {
    const only = planScoreWrites(input(scored, new Map([['2.01', 3]])));
    const block = only.columns[1];
    expect([block?.firstRow, block?.lastRow]).toEqual([3, 3]);
    expect(at(block?.cells ?? [], 2, 6)).toBeUndefined();
    expect(at(block?.cells ?? [], 3, 6)?.value).toBe('严重滞后');
  });
});
