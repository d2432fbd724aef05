/**
 * A responsibility table and the ledger broken down from it, for the tests of scoring a ledger beside its
 * table. Rows are 1-based in the comments (as Excel shows them).
 *
 * - 分解表: title in row 1, header 序号 / 责任单位 / 目标任务 / 责任人 in row 2 (A2…D2), two task rows:
 *   row 3 serial 1 区人社局 with two sentences (sub-tasks 1.01 and 1.02), row 4 serial 2 区交运局 (2.01).
 * - 任务台账: the ledger header in row 2 (A2…V2), three rows with second-quarter returns:
 *   1.01 区人社局 4496 of 7200 人 (62.4 % ≥ 50 % → 序时推进); 1.02 区人社局 status word 进展缓慢, no figure
 *   (→ 进展滞后); 2.01 区交运局 8 of 40 公里 (20 %, 30 points behind → 严重滞后).
 *
 * So, as of 2024-06-30, table row 3 shows the worse of 1.01 and 1.02 (进展滞后), row 4 严重滞后.
 */
import type { RawCell } from '../../../src/core/grid.ts';
import type { SheetData } from '../../../src/core/port/workbook-port.ts';
import { row } from '../ledger/fixtures.ts';
import { ledgerSheet } from './fixtures.ts';

/** The responsibility table, optionally with other units in its rows. */
export function breakdownTable(
  name = '分解表',
  units: readonly [string, string] = ['区人社局', '区交运局'],
): SheetData {
  const cells: RawCell[][] = [
    ['2024年重点工作任务分解表'],
    ['序号', '责任单位', '目标任务', '责任人'],
    [1, units[0], '新增城镇就业7200人以上。开展根治欠薪专项行动。', '张辉'],
    [2, units[1], '新改建“四好农村路”40公里。', '孙大伟'],
  ];
  return { name, cells };
}

/** The three ledger rows. */
export const COMPANION_LEDGER_ROWS: RawCell[][] = [
  row({ A: '1.01', B: '区人社局', C: '张辉', D: '新增城镇就业7200人以上', G: 7200, H: '人', L: 4496 }),
  row({ A: '1.02', B: '区人社局', C: '张辉', D: '开展根治欠薪专项行动', M: '进展缓慢' }),
  row({ A: '2.01', B: '区交运局', C: '孙大伟', D: '新改建“四好农村路”40公里', G: 40, H: '公里', L: 8 }),
];

/** The ledger sheet. */
export function companionLedger(name = '任务台账'): SheetData {
  return ledgerSheet(name, COMPANION_LEDGER_ROWS);
}
