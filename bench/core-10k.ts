/**
 * Benchmark (issue 3 §5): read + break down + validate a 10,000-row long table in Node.
 * Target: < 200 ms on our 2-core machine. Run: `npx tsx bench/core-10k.ts`.
 * The table cycles through the 52 real rows of the seed transcription so the text is realistic, and every
 * row's figures are varied (each ASCII digit shifted by the row number) so no two rows share a text: a cache
 * keyed by text cannot flatter the figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeGrid } from '../src/core/analyze.ts';
import type { Grid, RawCell } from '../src/core/grid.ts';
import { machineLine, median } from './machine.ts';

interface SeedJson {
  rows: { serial: string; unit: string; target: string; owner: string }[];
}

const ROWS = Number(process.argv[2] ?? 10_000);
const seed = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../seeds/taishan-2024.json'), 'utf8'),
) as SeedJson;

const cells: RawCell[][] = [
  ['附件'],
  ['2024年《政府工作报告》重点工作任务分解表'],
  ['序号', '责任单位', '目   标   任   务', '责任人'],
];
for (let i = 0; i < ROWS; i++) {
  const r = seed.rows[i % seed.rows.length];
  if (!r) throw new Error('empty seed');
  const shift = Math.floor(i / seed.rows.length);
  // Shift every ASCII digit: '5.5%' in copy 3 → '8.8%'; '2024年' → '5357年' (still a number, still parsed).
  const target = r.target.replace(/[0-9]/g, (d) => String((Number(d) + shift) % 10));
  cells.push([String(i + 1), r.unit, target, r.owner]);
}
const grid: Grid = { sheet: '分解表', origin: { row: 0, col: 0 }, cells };

// Warm up the JIT, then measure.
for (let i = 0; i < 3; i++) analyzeGrid(grid);
const times: number[] = [];
let subTasks = 0;
for (let i = 0; i < 9; i++) {
  const t0 = performance.now();
  const result = analyzeGrid(grid);
  times.push(performance.now() - t0);
  subTasks = result.analysis?.breakdown.subTasks.length ?? 0;
}
console.log(`core read+breakdown+validate, ${ROWS} rows → ${subTasks} sub-tasks`);
console.log(
  `median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}) over ${times.length} runs`,
);
console.log(`machine: ${machineLine()}`);
