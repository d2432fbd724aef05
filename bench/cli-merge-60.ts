/**
 * Benchmark (issue 5 §4): `duban merge` of 60 returned unit workbooks into the seed ledger. Target < 10 s.
 *
 * Setup (not timed): the seed table is broken down (`duban breakdown`) and split (`duban split`) into its 53
 * unit copies; each copy gets a second-quarter figure and a progress text on every row; 7 units return a
 * second, newer copy (duplicates, reported, newer wins) — 60 files in all. Then the merge is timed in-process
 * and, when `/usr/bin/time` exists, as a separate process with its peak memory.
 *
 * Run: `npx tsx bench/cli-merge-60.ts`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli } from '../src/cli/main.ts';
import { machineLine } from './machine.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const silent = { write: () => true };
let out = '';
const capture = { write: (t: string) => (out += t) };

async function cli(argv: string[]): Promise<number> {
  return runCli(argv, { stdout: capture, stderr: capture, cwd: ROOT, env: {} });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duban-merge-'));
  const ledger = path.join(dir, 'ledger.xlsx');
  const units = path.join(dir, 'units');
  if ((await cli(['breakdown', 'seeds/taishan-2024.xlsx', '--out', ledger])) !== 0) throw new Error(out);
  if ((await cli(['split', ledger, '--out-dir', units, '--deadline', '2024-07-05'])) !== 0)
    throw new Error(out);
  const files = readdirSync(units).map((f) => path.join(units, f));
  for (const [i, file] of files.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('任务台账');
    ws?.eachRow((row, n) => {
      if (n < 3) return;
      row.getCell(12).value = 10 + i; // 二季度完成值
      row.getCell(18).value = `截至6月底完成${10 + i}，按序时推进。`; // 进展情况
    });
    await wb.xlsx.writeFile(file);
    utimesSync(file, new Date(Date.UTC(2024, 6, 1)), new Date(Date.UTC(2024, 6, 1, 0, i)));
  }
  const returned = [...files];
  for (const [i, file] of files.slice(0, 7).entries()) {
    const again = file.replace(/\.xlsx$/, '(重报).xlsx');
    copyFileSync(file, again);
    utimesSync(again, new Date(Date.UTC(2024, 6, 3)), new Date(Date.UTC(2024, 6, 3, 0, i)));
    returned.push(again);
  }
  const merged = path.join(dir, 'merged.xlsx');
  out = '';
  const t0 = performance.now();
  const code = await runCli(['merge', ledger, ...returned, '--out', merged], {
    stdout: capture,
    stderr: silent,
    cwd: ROOT,
    env: {},
  });
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(out);
  const lines = [
    `returned files: ${returned.length} (53 units + 7 newer duplicates), ledger rows: 161`,
    `duban merge in-process: ${ms.toFixed(0)} ms (target < 10,000 ms), peak heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB after`,
    `summary: ${out.split('\n')[0] ?? ''}`,
  ];
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync(
      '/usr/bin/time',
      ['-v', 'node', 'bin/duban.js', 'merge', ledger, ...returned, '--out', path.join(dir, 'merged-p.xlsx')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      },
    );
    const pick = (key: string): string => new RegExp(`${key}: (.*)`).exec(r.stderr)?.[1]?.trim() ?? '?';
    lines.push(
      `duban merge as a process: exit ${r.status}, wall ${pick('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')}, max RSS ${(Number(pick('Maximum resident set size \\(kbytes\\)')) / 1024).toFixed(0)} MB`,
    );
  }
  lines.push(`machine: ${machineLine()}`);
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
