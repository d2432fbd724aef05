/**
 * Benchmark (issue 5 §4): `duban score --out` on a 20,000-row ledger against exceljs alone reading and
 * writing the same file, in ONE run: same process, the two alternating round after round (so a burst of load
 * from elsewhere hits both alike), reported as the median of the per-round ratios and the ratio of the
 * medians, with the load average before and after. Target ≤ 1.5×. Peak memory: RSS sampled in-process, and
 * `/usr/bin/time -v` on separate processes when available (skip with `--no-process`).
 *
 * Run: `node --expose-gc --import tsx bench/cli-score-20k.ts [rows] [rounds] [--no-process]` (defaults 20000,
 * 7; `npx tsx bench/cli-score-20k.ts` works too, without a GC between runs). CPU time (user + system, all
 * threads of this process) is reported beside wall time: on a shared machine it is the steadier measure.
 *
 * The ledger is the sample ledger's 161 filled rows repeated with fresh ids up to the row count, laid out
 * and validated as breakdown lays it out (`planLedgerSheet`), so the file is what a real office would score.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
import { machineLine, median } from './machine.ts';

const ARGS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ROWS = Number(ARGS[0] ?? 20_000);
const ROUNDS = Number(ARGS[1] ?? 7);
const SEPARATE_PROCESSES = !process.argv.includes('--no-process');
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

/** One timed run: wall time, CPU time of this process (all its threads), and the RSS peak seen. */
interface Timed {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakMb: number;
}

async function timed(fn: () => Promise<void>): Promise<Timed> {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: peak / 2 ** 20 };
}

const silent = { write: () => true };

/** The 1- and 5-minute load averages, e.g. `3.12 / 4.80`. */
function load(): string {
  const [one = 0, five = 0] = loadavg();
  return `${one.toFixed(2)} / ${five.toFixed(2)}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duban-bench-'));
  const file = path.join(dir, 'ledger-20k.xlsx');
  await buildLedgerFile(file);
  const exceljsRuns: Timed[] = [];
  const dubanRuns: Timed[] = [];
  let code = 0;
  const loadBefore = load();
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on the heap the other just left behind.
    const exceljsFirst = round % 2 === 0;
    const runExceljs = async (): Promise<void> => {
      exceljsRuns.push(
        await timed(async () => {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(file);
          await wb.xlsx.writeFile(path.join(dir, 'exceljs-out.xlsx'));
        }),
      );
    };
    const runDuban = async (): Promise<void> => {
      dubanRuns.push(
        await timed(async () => {
          code = await runCli(
            ['score', file, '--as-of', '2024-06-30', '--out', path.join(dir, 'duban-out.xlsx')],
            { stdout: silent, stderr: silent, cwd: dir, env: {} },
          );
        }),
      );
    };
    if (exceljsFirst) {
      await runExceljs();
      await runDuban();
    } else {
      await runDuban();
      await runExceljs();
    }
  }
  const loadAfter = load();
  clearInterval(sampler);
  if (code !== 0) throw new Error(`duban score exited ${code}`);
  const ms = (runs: readonly Timed[]): number[] => runs.map((r) => r.ms);
  const cpuMs = (runs: readonly Timed[]): number[] => runs.map((r) => r.cpuMs);
  const e = median(ms(exceljsRuns));
  const d = median(ms(dubanRuns));
  const ratios = dubanRuns.map((r, i) => r.ms / (exceljsRuns[i]?.ms ?? Number.NaN));
  const cpuRatios = dubanRuns.map((r, i) => r.cpuMs / (exceljsRuns[i]?.cpuMs ?? Number.NaN));
  const list = (values: number[], digits = 0): string => values.map((v) => v.toFixed(digits)).join(', ');
  const peakOf = (runs: readonly Timed[]): string => Math.max(...runs.map((r) => r.peakMb)).toFixed(0);
  const lines = [
    `rows: ${ROWS} (+2 title/header), rounds: ${ROUNDS} (alternating), file ${path.basename(file)}`,
    `load average (1 / 5 min): before ${loadBefore}, after ${loadAfter}`,
    `exceljs alone read+write: median ${e.toFixed(0)} ms (all: ${list(ms(exceljsRuns))}); CPU median ${median(cpuMs(exceljsRuns)).toFixed(0)} ms; peak RSS ${peakOf(exceljsRuns)} MB`,
    `duban score --out:        median ${d.toFixed(0)} ms (all: ${list(ms(dubanRuns))}); CPU median ${median(cpuMs(dubanRuns)).toFixed(0)} ms; peak RSS ${peakOf(dubanRuns)} MB`,
    `per-round wall ratios: ${list(ratios, 2)}`,
    `median of per-round wall ratios: ${median(ratios).toFixed(2)}×; ratio of wall medians: ${(d / e).toFixed(2)}× (target ≤ 1.5×)`,
    // CPU time counts only this process's work, so load from other processes disturbs it much less than wall time.
    `per-round CPU ratios: ${list(cpuRatios, 2)}; median ${median(cpuRatios).toFixed(2)}×`,
  ];
  // Separate processes with /usr/bin/time -v: whole-command wall time and max RSS, tsx start-up included.
  if (SEPARATE_PROCESSES && existsSync('/usr/bin/time')) {
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
  rmSync(dir, { recursive: true, force: true });
}

await main();
