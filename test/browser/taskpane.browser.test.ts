/**
 * The task pane in a real browser (issue 2 §7, issue 7 §4): headless Chromium opens the production bundle
 * (`webpack --mode production`, served from a loopback HTTP server) with Office.js's CDN URL answered by the
 * Office stub over the seed workbook — the page is exactly what Excel loads; only the host differs. The 表格
 * tab must show the seed's sheet, header row, row count, plan year and header texts (in the column-mapping
 * drop-downs), in Chinese by default and in English when Office's display language is English; an Excel
 * below ExcelApi 1.8 must be told which Office it needs; the page may request nothing but its own origin and
 * Office.js, and must log no console error, throw nothing and violate no Content-Security-Policy directive.
 *
 * Expected values are the seed as transcribed from the source text (seeds/README.md): sheet 分解表, the
 * header on the third row (附件 line and title above it) with 序号 / 责任单位 / 目   标   任   务 (three
 * spaces between the characters) / 责任人, 52 task rows, 2024 in the title; the labels are the pane's string
 * table (src/taskpane/strings.ts) and the role names of src/core/vocab/column-role-labels.ts.
 *
 * Two control pages, served only by this test's server, prove the recorders can fail: one loads an image
 * from another origin, one breaks its own CSP.
 *
 * Without /usr/bin/chromium the browser block is skipped with a message; with CI set the first test fails.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchPaneBrowser,
  loadPane,
  observePage,
  PANE_FIRST_RENDER,
  readTableSummary,
  servePane,
  type ObservedPage,
  type PaneBrowser,
  type PaneServer,
} from './harness.ts';
import { ensurePaneBuild, ROOT, type PaneBuild } from './pane-build.ts';
import { CHROMIUM_PATH, chromiumPolicy, OFFICE_JS_URL } from './policy.ts';
import { buildOfficeStub, SEED_WORKBOOK, workbookDataFromXlsx } from './stub-bundle.ts';

const policy = chromiumPolicy(process.env, existsSync(CHROMIUM_PATH));
if (!policy.run) console.warn(policy.skipReason);

const SCREENSHOTS = path.join(ROOT, 'test-output', 'browser', 'screenshots');

/** The task pane's width in Office. */
const PANE = { width: 320, height: 720 };

const LEAK_URL = 'http://forbidden.invalid/pixel.png';
const CONTROL_PAGES = {
  // No CSP here, so the browser really tries the foreign image and the route aborts it.
  '/__control/leak.html': `<!doctype html><meta charset="utf-8"><title>leak</title><img src="${LEAK_URL}" alt="">`,
  // Its own CSP forbids data: images, and it shows one.
  '/__control/csp.html': [
    '<!doctype html><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self'">`,
    '<title>csp</title>',
    '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==">',
  ].join(''),
};

describe('the CI rule', () => {
  it('in CI, Chromium is installed', () => {
    // Outside CI a missing browser only skips the block below (the warning above says so); in CI it fails.
    expect(policy.failure, policy.failure ?? '').toBeNull();
  });
});

describe.skipIf(!policy.run)('the task pane in headless Chromium', () => {
  let build: PaneBuild;
  let server: PaneServer;
  let browser: PaneBrowser;
  const pages: ObservedPage[] = [];

  beforeAll(async () => {
    const started = performance.now();
    const [paneBuild, data] = await Promise.all([ensurePaneBuild(), workbookDataFromXlsx(SEED_WORKBOOK)]);
    build = paneBuild;
    const stub = await buildOfficeStub(data);
    server = await servePane(build.dir, CONTROL_PAGES);
    browser = await launchPaneBrowser({ origin: server.origin, officeStub: stub, viewport: PANE });
    await mkdir(SCREENSHOTS, { recursive: true });
    console.log(
      `[browser] bundle ${build.built ? `built in ${(build.buildMs / 1000).toFixed(1)} s` : 'reused'} ` +
        `(${path.relative(ROOT, build.dir)}); Office stub ${(stub.length / 1024).toFixed(0)} KB; ` +
        `Chromium ${browser.version} launched in ${browser.launchMs.toFixed(0)} ms; ` +
        `setup ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 300_000);

  afterAll(async () => {
    for (const { page } of pages) await page.close().catch(() => undefined);
    await browser.close();
    await server.close();
  });

  async function openPane(query: string): Promise<ObservedPage> {
    const observed = await observePage(browser.context, PANE_FIRST_RENDER);
    pages.push(observed);
    const timings = await loadPane(observed, `${server.origin}/taskpane.html${query}`);
    const fcp = timings.firstContentfulPaintMs;
    console.log(
      `[browser] ${query || '(default)'}: title and tabs in the DOM at ${timings.firstRenderMs.toFixed(0)} ms ` +
        `after navigation start; first contentful paint ${fcp === null ? 'n/a' : `${fcp.toFixed(0)} ms`}`,
    );
    return observed;
  }

  /** Nothing but the loopback server and Office.js; no console error, uncaught error or CSP violation. */
  function expectClean(observed: ObservedPage): void {
    const { record } = observed;
    expect(observed.forbiddenRequests(server.origin)).toEqual([]);
    expect(record.requests.filter((r) => r.url === OFFICE_JS_URL)).toHaveLength(1);
    expect(record.failedResponses).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.cspViolations).toEqual([]);
    if (record.consoleWarnings.length > 0)
      console.warn('[browser] console warnings:', record.consoleWarnings);
  }

  /** The option each mapping drop-down shows, for the four roles the seed's header names. */
  async function mappingShown(page: Page, roles: readonly string[]): Promise<string[]> {
    const shown: string[] = [];
    for (const role of roles) {
      const select = page.getByRole('combobox', { name: role, exact: true });
      shown.push((await select.locator('option:checked').textContent()) ?? '');
    }
    return shown;
  }

  it('zh-CN: the 表格 tab shows 分解表, 第3行, 52 rows, the four headers, and the page stays clean', async () => {
    const observed = await openPane('');
    const { page } = observed;
    expect(await page.locator('h1').textContent()).toBe('督办助手');
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([
      '表格',
      '分解',
      '校验',
      '评分',
      '标注/清除',
      '通报',
    ]);

    // The pane reads the workbook on its own once the engine is loaded.
    const first = await readTableSummary(page, '识别结果');
    console.log(`[browser] zh-CN: load → summary in ${first.clickToResultMs.toFixed(0)} ms`);
    expect(first.pairs).toEqual([
      ['工作表', '分解表'],
      ['表头', '第3行'],
      ['任务行数', '52 行'],
      ['标题中的年度', '2024年'],
    ]);
    // The header texts as written, spaces kept, in the mapping drop-downs.
    expect(await mappingShown(page, ['序号', '责任单位', '目标任务', '责任人'])).toEqual([
      '自动：A列 · 序号',
      '自动：B列 · 责任单位',
      '自动：C列 · 目   标   任   务',
      '自动：D列 · 责任人',
    ]);
    // 重新读取 reads again and shows the same.
    const again = await readTableSummary(page, '识别结果', '重新读取');
    console.log(`[browser] zh-CN: click → summary in ${again.clickToResultMs.toFixed(0)} ms`);
    expect(again.pairs).toEqual(first.pairs);

    // The read went through src/excel into the (fake) Excel API, not around it.
    const syncs = await page.evaluate(() => {
      const fake = Reflect.get(window, '__dubanFakeExcel') as { stats: { syncs: number } };
      return fake.stats.syncs;
    });
    expect(syncs).toBeGreaterThanOrEqual(1);

    // 320 px wide and no horizontal scrolling (issue 7 §2).
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The page is the production bundle from the loopback server, plus Office.js from its CDN URL.
    const paths = observed.record.requests
      .filter((r) => r.url.startsWith(server.origin))
      .map((r) => new URL(r.url).pathname);
    expect(paths).toContain('/taskpane.html');
    // webpack's `[name].[contenthash:8].js`: matches "/taskpane.2e0ef2a8.js"; not "/commands.2e0ef2a8.js",
    // "/taskpane.js" or "/taskpane.2e0ef2a8.js.LICENSE.txt".
    expect(paths.some((p) => /^\/taskpane\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
    expectClean(observed);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-zh-CN.png') });
  });

  it('en-US: English labels when Office shows English', async () => {
    const observed = await openPane('?lang=en-US');
    const { page } = observed;
    expect(await page.locator('h1').textContent()).toBe('Duban');
    expect(await page.getByRole('tab', { name: '表格' }).count()).toBe(0);

    const result = await readTableSummary(page, 'What was detected');
    expect(result.pairs).toEqual([
      ['Sheet', '分解表'],
      ['Header row', 'Row 3'],
      ['Task rows', '52 rows'],
      ['Year in the title', '2024'],
    ]);
    expect(await mappingShown(page, ['serial number', 'responsible unit', 'target', 'owner'])).toEqual([
      'Automatic: Column A · 序号',
      'Automatic: Column B · 责任单位',
      'Automatic: Column C · 目   标   任   务',
      'Automatic: Column D · 责任人',
    ]);
    expectClean(observed);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-en-US.png') });
  });

  it('Office 2019 (ExcelApi 1.8): the same summary, merged cells read without the 1.13 API', async () => {
    const observed = await openPane('?excelApi=1.8');
    const result = await readTableSummary(observed.page, '识别结果');
    expect(result.pairs).toEqual([
      ['工作表', '分解表'],
      ['表头', '第3行'],
      ['任务行数', '52 行'],
      ['标题中的年度', '2024年'],
    ]);
    expectClean(observed);
  });

  it('Excel 2016 (ExcelApi 1.2): the pane says which Office versions it needs instead of failing silently', async () => {
    const observed = await openPane('?excelApi=1.2');
    const bar = observed.page.locator('.fui-MessageBar');
    await bar.first().waitFor({ state: 'visible' });
    const text = await bar.first().innerText();
    expect(text).toContain('Office 版本过旧');
    expect(text).toContain('需要 ExcelApi 1.8：Excel 2019、Excel 2021、Microsoft 365 或 Excel 网页版');
    expectClean(observed);
  });

  it('control: a request to another origin is recorded (and aborted)', async () => {
    const observed = await observePage(browser.context, null);
    pages.push(observed);
    await observed.page.goto(`${server.origin}/__control/leak.html`);
    await expect.poll(() => observed.forbiddenRequests(server.origin).map((r) => r.url)).toEqual([LEAK_URL]);
  });

  it('control: a CSP violation is recorded, and Chromium logs it as a console error', async () => {
    const observed = await observePage(browser.context, null);
    pages.push(observed);
    await observed.page.goto(`${server.origin}/__control/csp.html`);
    await expect.poll(() => observed.record.cspViolations.map((v) => v.directive)).toEqual(['img-src']);
    await expect.poll(() => observed.record.consoleErrors.join('\n')).toContain('Content Security Policy');
  });
});
