/**
 * Benchmark (issue 5 §4): `duban score --out` on a 20,000-row ledger against exceljs alone reading and
 * writing the same file, in ONE run (same process, alternating, best of N each), as a ratio. Target ≤ 1.5×.
 * Peak memory: RSS sampled in-process, and `/usr/bin/time -v` on separate processes when available.
 *
 * Run: `npx tsx bench/cli-score-20k.ts [rows] [rounds]`.
 *
 * The ledger is the sample ledger's 161 filled rows repeated with fresh ids up to the row count, laid out
 * and validated as breakdown lays it out (`planLedgerSheet`), so the file is what a real office would score.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli } from '../src/cli/main.ts';
import type { RawCell } from '../src/core/grid.ts';
import { LEDGER_COLUMNS, type LedgerRowShape } from '../src/core/vocab/ledger-columns.ts';
import { planLedgerSheet } from '../src/core/write-plan/plan-breakdown.ts';
import { applyPlan } from '../src/xlsx/apply-plan.ts';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook.ts';
import { machineLine } from './machine.ts';

const ROWS = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function buildLedgerFile(file: string): Promise<void> {
  const sample = await XlsxWorkbook.open(path.join(ROOT, 'seeds/taishan-2024-ledger-q2.xlsx'));
  const grid = await sample.readSheet('任务台账');
  const base = grid.cells.slice(2).map((r) => LEDGER_COLUMNS.map((_, c) => r[c] ?? null));
  const rows: RawCell[][] = [];
  const shapes: LedgerRowShape[] = [];
  for (let i = 0; rows.length < ROWS; i++) {
    const src = base[i % base.length] ?? [];
    const copy = [...src];
    // Fresh ids: the 161 sample ids, then 1001.01 …, keeping the n.nn form.
    copy[0] =
      i < base.length
        ? (src[0] ?? null)
        : `${1000 + Math.floor(i / base.length)}.${String((i % base.length) + 1).padStart(3, '0')}`;
    rows.push(copy);
    shapes.push(typeof copy[6] === 'string' && copy[6].includes('、') ? 'list' : 'single');
  }
  const sheet = planLedgerSheet({
    sheetName: '任务台账',
    title: '2024年重点工作任务台账',
    columns: LEDGER_COLUMNS,
    rows,
    shapes,
  });
  const wb = new ExcelJS.Workbook();
  await applyPlan(wb, {
    replaceOwned: false,
    sheets: [sheet],
    columns: [],
    updates: [],
    conditionalFormats: [],
    settings: null,
  });
  await wb.xlsx.writeFile(file);
}

let peak = 0;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  if (rss > peak) peak = rss;
}, 10);

async function timed(fn: () => Promise<void>): Promise<{ ms: number; peakMb: number }> {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  return { ms, peakMb: peak / 2 ** 20 };
}

const silent = { write: () => true };

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duban-bench-'));
  const file = path.join(dir, 'ledger-20k.xlsx');
  await buildLedgerFile(file);
  const exceljsRuns: { ms: number; peakMb: number }[] = [];
  const dubanRuns: { ms: number; peakMb: number }[] = [];
  let code = 0;
  for (let round = 0; round < ROUNDS; round++) {
    exceljsRuns.push(
      await timed(async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        await wb.xlsx.writeFile(path.join(dir, 'exceljs-out.xlsx'));
      }),
    );
    dubanRuns.push(
      await timed(async () => {
        code = await runCli(
          ['score', file, '--as-of', '2024-06-30', '--out', path.join(dir, 'duban-out.xlsx')],
          {
            stdout: silent,
            stderr: silent,
            cwd: dir,
            env: {},
          },
        );
      }),
    );
  }
  clearInterval(sampler);
  if (code !== 0) throw new Error(`duban score exited ${code}`);
  const best = (runs: { ms: number }[]): number => Math.min(...runs.map((r) => r.ms));
  const e = best(exceljsRuns);
  const d = best(dubanRuns);
  const lines = [
    `rows: ${ROWS} (+2 title/header), rounds: ${ROUNDS}, file ${path.basename(file)}`,
    `exceljs alone read+write: best ${e.toFixed(0)} ms (all: ${exceljsRuns.map((r) => r.ms.toFixed(0)).join(', ')}), peak RSS ${Math.max(...exceljsRuns.map((r) => r.peakMb)).toFixed(0)} MB`,
    `duban score --out:        best ${d.toFixed(0)} ms (all: ${dubanRuns.map((r) => r.ms.toFixed(0)).join(', ')}), peak RSS ${Math.max(...dubanRuns.map((r) => r.peakMb)).toFixed(0)} MB`,
    `ratio duban / exceljs: ${(d / e).toFixed(2)}× (target ≤ 1.5×)`,
  ];
  // Separate processes with /usr/bin/time -v: whole-command wall time and max RSS, tsx start-up included.
  if (existsSync('/usr/bin/time')) {
    const script = path.join(dir, 'exceljs-roundtrip.mjs');
    writeFileSync(
      script,
      `import ExcelJS from '${path.join(ROOT, 'node_modules/exceljs/excel.js').replace(/\\/g, '/')}';\n` +
        `const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]); await wb.xlsx.writeFile(process.argv[3]);\n`,
    );
    const pick = (text: string, key: string): string =>
      new RegExp(`${key}: (.*)`).exec(text)?.[1]?.trim() ?? '?';
    for (const [label, args] of [
      ['exceljs alone (process)', ['node', script, file, path.join(dir, 'p-exceljs.xlsx')]],
      [
        'duban score --out (process)',
        [
          'node',
          'bin/duban.js',
          'score',
          file,
          '--as-of',
          '2024-06-30',
          '--out',
          path.join(dir, 'p-duban.xlsx'),
        ],
      ],
    ] as const) {
      const r = spawnSync('/usr/bin/time', ['-v', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      });
      const text = r.stderr;
      const wall = pick(text, 'Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
      const rss = Number(pick(text, 'Maximum resident set size \\(kbytes\\)')) / 1024;
      lines.push(`${label}: exit ${r.status}, wall ${wall}, max RSS ${rss.toFixed(0)} MB`);
    }
  }
  lines.push(`machine: ${machineLine()}`);
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
