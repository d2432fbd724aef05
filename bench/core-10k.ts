/**
 * Benchmark (issue 3 §5): read + break down + validate a 10,000-row long table in Node.
 * Target: < 200 ms on our 2-core machine. Run: `npx tsx bench/core-10k.ts`.
 * The table cycles through the 52 real rows of the seed transcription so the text is realistic, and each
 * copy's figures are varied (each ASCII digit shifted by the copy number). The shift is taken modulo 10 and
 * 30 seed rows have no digit, so only 250 of the 10,000 targets differ: the core must not cache by text
 * (it does not) for the figure to mean anything.
 * After the figure, the three stages are timed one by one (readTable, breakDownTable, validateTable).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeGrid } from '../src/core/analyze.ts';
import { breakDownTable } from '../src/core/breakdown/break-down-table.ts';
import { readTable } from '../src/core/table/read-table.ts';
import { validateTable } from '../src/core/validate/validate-table.ts';
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

// Where the time goes: the three stages timed one by one, after the measurement above (which is the figure
// reported). Findings are merged and sorted by analyzeGrid after the stages; that step is the remainder.
const stages = { readTable: [] as number[], breakDownTable: [] as number[], validateTable: [] as number[] };
for (let i = 0; i < 9; i++) {
  const t0 = performance.now();
  const table = readTable(grid).table;
  const t1 = performance.now();
  if (!table) throw new Error('no table');
  const breakdown = breakDownTable(table);
  const t2 = performance.now();
  validateTable({
    grid,
    table,
    breakdown,
    options: breakdown.planYear !== null ? { planYear: breakdown.planYear } : {},
  });
  const t3 = performance.now();
  stages.readTable.push(t1 - t0);
  stages.breakDownTable.push(t2 - t1);
  stages.validateTable.push(t3 - t2);
}
console.log(
  `stages (median ms): ${Object.entries(stages)
    .map(([name, t]) => `${name} ${median(t).toFixed(1)}`)
    .join(', ')}`,
);
