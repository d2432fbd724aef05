/**
 * Hand-built ledger grids. The header is written out here (not taken from the code under test) exactly as the
 * ledger sheet of issue 4 §5 / issue 6 §2 defines it: 编号 … 完成时限, the quarterly pairs, 进展情况, then the
 * result columns. Column letters: A 编号, B 责任单位, C 责任人, D 子任务, E 指标, F 比较, G 目标值, H 计量单位,
 * I 完成时限, J/K 一季度, L/M 二季度, N/O 三季度, P/Q 四季度, R 进展情况, S 完成率, T 序时进度, U 状态, V 说明.
 */
import type { CellRef, Grid, RawCell } from '../../../src/core/grid.ts';

/** The ledger header, A to V. */
export const HEADER: readonly string[] = [
  '编号',
  '责任单位',
  '责任人',
  '子任务',
  '指标',
  '比较',
  '目标值',
  '计量单位',
  '完成时限',
  '一季度完成值',
  '一季度进展状态',
  '二季度完成值',
  '二季度进展状态',
  '三季度完成值',
  '三季度进展状态',
  '四季度完成值',
  '四季度进展状态',
  '进展情况',
  '完成率',
  '序时进度',
  '状态',
  '说明',
];

/** Column letters of the header, for building rows by name. */
const COLS = 'ABCDEFGHIJKLMNOPQRSTUV';

/** A ledger row from cells named by column letter: `row({ A: '3.04', B: '区科技局', L: '168、205' })`. */
export function row(cells: Partial<Record<string, RawCell>>): RawCell[] {
  return Array.from(COLS, (letter) => cells[letter] ?? null);
}

/** The sheet name the fixtures use. */
export const SHEET = '任务台账';

/** A grid: title row, header row, then the rows (so the first data row is sheet row 3). */
export function ledgerGrid(
  rows: RawCell[][],
  options: { title?: string | null; formats?: (string | null)[][] } = {},
): Grid {
  const title = options.title === undefined ? '2024年重点工作任务台账' : options.title;
  const cells: RawCell[][] = [...(title === null ? [] : [[title]]), [...HEADER], ...rows];
  return {
    sheet: SHEET,
    origin: { row: 0, col: 0 },
    cells,
    ...(options.formats ? { numberFormats: options.formats } : {}),
  };
}

/** A cell reference on the fixture sheet from an A1 address: at('L3') → row 2, col 11. */
export function at(a1: string): CellRef {
  // Letters then digits: 'L3' ✓, 'AA10' ✓, 'l3' ✗
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: SHEET, row: Number(m[2]) - 1, col: col - 1 };
}
