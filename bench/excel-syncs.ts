/**
 * Benchmark (issue 6 §5) of the Office.js session over the strict fake Excel. Run: `npx tsx bench/excel-syncs.ts`.
 *
 * 1. Round trips and the largest request of a full score + highlight (owned result columns, conditional
 *    formats, 评分排名 / 通报 / 校验, settings) of ledgers of 5,000, 10,000 and 20,000 sub-task rows, first run
 *    and re-run — against, in the same run, a naive writer that sends the same result cells one row per
 *    `context.sync()` (reads and everything else not even counted).
 * 2. Milliseconds of our own code for breakdown of the seed table (seeds/taishan-2024.xlsx) + score +
 *    highlight of the seed's sample ledger (seeds/taishan-2024-ledger-q2.xlsx). "Our own code" = wall time of
 *    the session call minus the time spent inside the fake's `context.sync()` (wrapped with a timer around
 *    every call: the fake's processing of the request, its payload measuring and the timer tick each sync
 *    waits for). What remains is the session, the workflow, the planner and the queueing of proxies (which
 *    Office.js does on the client too). 3 warm-up runs, then the median of 9.
 * Writes bench/results/excel-syncs.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkbookData } from '../src/core/port/workbook-port.ts';
import { ExcelSession } from '../src/excel/excel-session.ts';
import type { ExcelHost } from '../src/excel/office-workbook.ts';
import { columnLetters } from '../src/core/grid.ts';
import { createFakeExcel, type FakeExcel, type FakeRequestContext } from '../test/fake-excel/fake-excel.ts';
import { bigLedger, SEEDS, xlsxData } from '../test/excel/session-fixtures.ts';
import { machineLine, median } from './machine.ts';

const TODAY = '2024-06-30';

/** `fake.Excel` with every `context.sync()` timed; `inSync` accumulates the milliseconds. */
function timedHost(fake: FakeExcel): { host: ExcelHost; inSync: () => number } {
  let total = 0;
  const host = {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      return fake.Excel.run((context: FakeRequestContext) => {
        const sync = context.sync.bind(context);
        context.sync = async (): Promise<void> => {
          const t0 = performance.now();
          try {
            await sync();
          } finally {
            total += performance.now() - t0;
          }
        };
        return batch(context as unknown as Excel.RequestContext);
      });
    },
  };
  return { host, inSync: () => total };
}

function session(host: ExcelHost, fake: FakeExcel): ExcelSession {
  return new ExcelSession(host, fake.requirements, 'zh', { today: () => TODAY, retryDelaysMs: [0, 0, 0] });
}

interface SyncRow {
  rows: number;
  first: number;
  again: number;
  maxRequest: number;
  maxResponse: number;
  naive: number;
}

/** The same result cells (ledger columns S…V) written one row per round trip. */
async function naiveWriter(data: WorkbookData, values: (string | number | boolean)[][], firstRow: number) {
  const fake = createFakeExcel(data);
  await fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('任务台账');
    for (let i = 0; i < values.length; i++) {
      const row = firstRow + i + 1;
      ws.getRange(`S${row}:V${row}`).values = [values[i] ?? []];
      // The naive approach this benchmark compares against: one round trip per row.
      await ctx.sync();
    }
  });
  return fake.stats.syncs;
}

async function syncRows(seed: WorkbookData): Promise<SyncRow[]> {
  const out: SyncRow[] = [];
  for (const rows of [5000, 10_000, 20_000]) {
    // A "5,000-row ledger" is 5,000 sheet rows (title + header + 4,998 sub-tasks); the others count sub-tasks.
    const n = rows === 5000 ? 4998 : rows;
    const data = bigLedger(seed, n);
    const fake = createFakeExcel(data);
    const s = session(fake.Excel as unknown as ExcelHost, fake);
    const first = await s.score({}, true);
    const again = await s.score({}, true);
    if (!first.ok || !again.ok) throw new Error('not scored');
    const snap = fake.snapshot().sheets.find((x) => x.name === '任务台账');
    const values = Array.from({ length: n }, (_, i) =>
      [18, 19, 20, 21].map((c) => snap?.values[`${columnLetters(c)}${i + 3}`] ?? ''),
    );
    out.push({
      rows,
      first: first.syncs,
      again: again.syncs,
      maxRequest: Math.max(...fake.stats.requests.map((r) => r.requestBytes)),
      maxResponse: Math.max(...fake.stats.requests.map((r) => r.responseBytes)),
      naive: await naiveWriter(data, values, 2),
    });
  }
  return out;
}

interface TimeRow {
  what: string;
  total: number;
  inSync: number;
  own: number;
}

async function timeSeed(): Promise<TimeRow[]> {
  const table = await xlsxData(path.join(SEEDS, 'taishan-2024.xlsx'));
  const ledger = await xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx'));
  const runs: { breakdown: [number, number]; score: [number, number] }[] = [];
  for (let i = 0; i < 12; i++) {
    const f1 = createFakeExcel(table);
    const h1 = timedHost(f1);
    let t0 = performance.now();
    const b = await session(h1.host, f1).breakdown({});
    const bTotal = performance.now() - t0;
    if (!b.ok) throw new Error('breakdown failed');
    const f2 = createFakeExcel(ledger);
    const h2 = timedHost(f2);
    t0 = performance.now();
    const sc = await session(h2.host, f2).score({}, true);
    const sTotal = performance.now() - t0;
    if (!sc.ok) throw new Error('score failed');
    if (i >= 3) runs.push({ breakdown: [bTotal, h1.inSync()], score: [sTotal, h2.inSync()] });
  }
  const row = (what: string, pick: (r: (typeof runs)[number]) => [number, number]): TimeRow => {
    const total = median(runs.map((r) => pick(r)[0]));
    const inSync = median(runs.map((r) => pick(r)[1]));
    return { what, total, inSync, own: median(runs.map((r) => pick(r)[0] - pick(r)[1])) };
  };
  const both = row('breakdown + score + highlight', (r) => [
    r.breakdown[0] + r.score[0],
    r.breakdown[1] + r.score[1],
  ]);
  return [
    row('breakdown (seed table → 任务台账)', (r) => r.breakdown),
    row('score + highlight (sample ledger, 161 rows)', (r) => r.score),
    both,
  ];
}

const mb = (b: number): string => (b / 1_000_000).toFixed(2);

async function main(): Promise<void> {
  const seed = await xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx'));
  const syncs = await syncRows(seed);
  const times = await timeSeed();
  const lines = [
    '# excel-syncs: round trips and own time of the Office.js session (over the strict fake Excel)',
    '',
    'Command: `npx tsx bench/excel-syncs.ts` (see the comment at the top of the script for what is measured).',
    '',
    `Machine: \`${machineLine()}\` — shared with other helpers' runs.`,
    '',
    '## Score + highlight: round trips and request size',
    '',
    'Ledgers made from the seed ledger (`bigLedger` in test/excel/session-fixtures.ts); "5,000 rows" is 5,000',
    'sheet rows (title + header + 4,998 sub-tasks), the others count sub-tasks (+2 sheet rows). The naive',
    'writer sends only the four result cells of each row, one `context.sync()` per row.',
    '',
    '| ledger rows | syncs, first run | syncs, re-run | largest request (MB) | largest response (MB) | naive writer syncs |',
    '|---|---|---|---|---|---|',
    ...syncs.map(
      (r) =>
        `| ${r.rows.toLocaleString('en')} | ${r.first} | ${r.again} | ${mb(r.maxRequest)} | ${mb(r.maxResponse)} | ${r.naive.toLocaleString('en')} |`,
    ),
    '',
    '## Own code time on the seed workbook',
    '',
    'Median of 9 runs after 3 warm-ups, each on a fresh fake. "Inside the fake’s sync" is a timer wrapped around',
    'every `context.sync()` (the fake processing and measuring the request, plus the timer tick each round trip',
    'waits for, as a real round trip would); "our own code" is wall time minus that, per run: the session, the',
    'workflow (reading, breakdown, validation, scoring), the planner and queueing the Office.js calls. Target: < 200 ms.',
    '',
    '| call | wall (ms) | inside the fake’s sync (ms) | our own code (ms) |',
    '|---|---|---|---|',
    ...times.map(
      (t) => `| ${t.what} | ${t.total.toFixed(1)} | ${t.inSync.toFixed(1)} | ${t.own.toFixed(1)} |`,
    ),
    '',
  ];
  const file = path.resolve(import.meta.dirname, 'results/excel-syncs.md');
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
}

await main();
