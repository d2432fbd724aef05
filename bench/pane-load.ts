/**
 * Benchmark (issue 7 §5): first render of the task pane in headless Chromium on loopback. Target ≤ 400 ms.
 * Run: `npx tsx bench/pane-load.ts [runs]` (default 15). Writes bench/results/pane-load.md.
 *
 * The page is the production bundle (`webpack --mode production`, test/browser/pane-build.ts) served from a
 * loopback server, with Office.js's CDN URL answered by the Office stub over the seed workbook — exactly
 * the browser tests' set-up, in a 320 × 720 window. Each run is a new page in the same browser (no-store
 * responses, so nothing comes from the HTTP cache), timed from navigation start (`performance.now()` in the
 * page) to:
 * - **first render**: the pane's title and its tab list are in the DOM (a MutationObserver notes the
 *   moment, before the next paint) — what the user sees first;
 * - **first contentful paint** as Chromium reports it;
 * - **table read**: the 表格 tab's summary (`dl[aria-label="识别结果"]`) is in the DOM — the session and
 *   the engine loaded, the workbook read through the fake and analysed.
 * One warm-up load first (Chromium compiles the bundle); the figure is the median of the others.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchPaneBrowser, servePane } from '../test/browser/harness.ts';
import { ensurePaneBuild, ROOT } from '../test/browser/pane-build.ts';
import { buildOfficeStub, SEED_WORKBOOK, workbookDataFromXlsx } from '../test/browser/stub-bundle.ts';
import { machineLine, median } from './machine.ts';

const RUNS = Number(process.argv[2] ?? 15);
const TARGET_MS = 400;
const OUT = path.join(ROOT, 'bench', 'results', 'pane-load.md');

/** What one load measured (ms since navigation start). */
interface LoadTimes {
  readonly shell: number;
  readonly fcp: number | null;
  readonly tableRead: number;
}

const KEY = '__dubanBench';

function stats(values: readonly number[]): string {
  return `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const [build, data] = await Promise.all([ensurePaneBuild(), workbookDataFromXlsx(SEED_WORKBOOK)]);
  const stub = await buildOfficeStub(data);
  const server = await servePane(build.dir);
  const browser = await launchPaneBrowser({
    origin: server.origin,
    officeStub: stub,
    viewport: { width: 320, height: 720 },
  });
  const times: LoadTimes[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const page = await browser.context.newPage();
      await page.addInitScript((key: string) => {
        const marks: Record<string, number> = {};
        Reflect.set(window, key, marks);
        const observer = new MutationObserver(() => {
          const now = performance.now();
          if (
            marks['shell'] === undefined &&
            document.querySelector('h1') &&
            document.querySelector('[role="tablist"]')
          ) {
            marks['shell'] = now;
          }
          if (marks['tableRead'] === undefined && document.querySelector('dl[aria-label="识别结果"]')) {
            marks['tableRead'] = now;
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true });
      }, KEY);
      await page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'load' });
      await page.locator('dl[aria-label="识别结果"]').waitFor({ state: 'attached', timeout: 30_000 });
      const marks = await page.evaluate((key) => Reflect.get(window, key) as Record<string, number>, KEY);
      const fcp = await page.evaluate(() => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        return entry ? entry.startTime : null;
      });
      await page.close();
      const shell = marks['shell'];
      const tableRead = marks['tableRead'];
      if (shell === undefined || tableRead === undefined) throw new Error('a timer did not fire');
      if (i > 0) times.push({ shell, fcp, tableRead });
      console.log(
        `${i === 0 ? 'warm-up' : `run ${String(i)}`}: first render ${shell.toFixed(0)} ms, FCP ${fcp === null ? 'n/a' : fcp.toFixed(0)} ms, table read ${tableRead.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const loadAfter = os.loadavg();
  const shells = times.map((t) => t.shell);
  const fcps = times.map((t) => t.fcp).filter((v): v is number => v !== null);
  const reads = times.map((t) => t.tableRead);
  const verdict = median(shells) <= TARGET_MS ? 'met' : 'NOT met';
  const lines = [
    '# pane-load: first render of the task pane in headless Chromium on loopback',
    '',
    `Command: \`npx tsx bench/pane-load.ts ${String(RUNS)}\` — the production bundle (${path.relative(ROOT, build.dir)}),`,
    'a loopback server, Office.js answered by the Office stub over the seed workbook, a 320 × 720 window;',
    `${String(RUNS)} page loads after one warm-up, each timed from navigation start.`,
    '',
    `Machine: \`${machineLine()}\`, Chromium ${browser.version}; 1-minute load average ${loadBefore[0]?.toFixed(1) ?? '?'} before,`,
    `${loadAfter[0]?.toFixed(1) ?? '?'} after (2 cores shared with other work).`,
    '',
    '| measure | median ms (min–max) |',
    '|---|---|',
    `| first render: title and tabs in the DOM | ${stats(shells)} |`,
    `| first contentful paint | ${fcps.length > 0 ? stats(fcps) : 'n/a'} |`,
    `| table read: 表格 summary in the DOM (engine loaded, workbook read and analysed) | ${stats(reads)} |`,
    '',
    `Target: first render ≤ ${String(TARGET_MS)} ms — ${verdict} (median).`,
    '',
  ];
  writeFileSync(OUT, lines.join('\n'));
  console.log(`\n${lines.join('\n')}\nwritten to ${path.relative(ROOT, OUT)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
