/**
 * The whole workflow in the playground, in headless Chromium (issue 7 §3–§4): the page runs the strict fake
 * Excel and draws it as a grid; the production task pane, in an iframe, works on that fake through the
 * `Office` / `Excel` the page defines for it. Steps, each asserting on the pane AND on the workbook:
 *
 * 1. the seed workbook (seeds/taishan-2024.xlsx) opens: the grid shows 分解表, the pane detects its table;
 * 2. 表格: the mapping drop-downs show the detected columns; choosing one stores it in the workbook;
 * 3. 分解: the ledger sheet 任务台账 is written with the seed's 161 sub-tasks (seeds/README.md);
 * 4. 校验: clicking a finding selects its cell, and the grid shows that cell selected;
 * 5. the sample ledger (seeds/taishan-2024-ledger-q2.xlsx), opened from disk through 打开文件: 评分 as of
 *    上半年末 (30 June) shows the ranking;
 * 6. 标注: the grid shows the owned result columns and the colours — sub-task 1.15 (90 of 200 亿元, 45 %,
 *    seeds/README.md) lagging in yellow #FFEB9C, 12.01 (8 of 40 公里) severely behind in red #FFC7CE;
 *    the 评分排名 / 通报 / 校验 sheets appear;
 * 7. 清除: the fake's snapshot equals the one taken just before 标注 — everything 标注 wrote is gone, and the
 *    settings sheet holding the 截至 choice saved before it is back exactly as it was (docs/owned-marks.md,
 *    `prior`);
 * 8. 通报: the 通报 sheet appears and the pane shows the paragraph.
 *
 * Throughout, the page may request nothing but its own origin (the route aborts anything else, and the
 * record fails the test), and may log no console error, throw nothing and break no CSP directive.
 * Screenshots go to test-output/browser/screenshots/playground-*.png; the highlighted one is also written
 * to docs/images/playground-highlight.png for the README.
 *
 * Without /usr/bin/chromium the browser block is skipped with a message; with CI set the first test fails.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSnapshot } from '../fake-excel/fake-snapshot.ts';
import { startPlayground, type Playground } from '../../playground/server.ts';
import { settingsOf } from '../../playground/page/owned.ts';
import { launchPaneBrowser, observePage, type ObservedPage, type PaneBrowser } from './harness.ts';
import { ROOT } from './pane-build.ts';
import { CHROMIUM_PATH, chromiumPolicy } from './policy.ts';

const policy = chromiumPolicy(process.env, existsSync(CHROMIUM_PATH));
if (!policy.run) console.warn(policy.skipReason);

const SCREENSHOTS = path.join(ROOT, 'test-output', 'browser', 'screenshots');
const README_IMAGE = path.join(ROOT, 'docs', 'images', 'playground-highlight.png');
const LEDGER_Q2 = path.join(ROOT, 'seeds', 'taishan-2024-ledger-q2.xlsx');

/** A desktop browser window: the grid on the left, the 340 px pane on the right. */
const WINDOW = { width: 1440, height: 900 };
/** How long one pane action may take on a loaded 2-core machine. */
const STEP_MS = 20_000;
/** Polling options: the grid redraws on the next animation frame, later on a loaded machine. */
const POLL = { timeout: STEP_MS };

describe('the CI rule (playground)', () => {
  it('in CI, Chromium is installed', () => {
    expect(policy.failure, policy.failure ?? '').toBeNull();
  });
});

describe.skipIf(!policy.run)('the playground in headless Chromium', () => {
  let playground: Playground;
  let browser: PaneBrowser;
  let observed: ObservedPage;
  let page: Page;
  let pane: FrameLocator;
  /** The document as opened from disk, for the clear step. */
  let asOpened: FakeSnapshot | null = null;
  /** The workbook just before 标注: as opened, plus the 表格 choices the pane saved into it (截至). */
  let beforeMarking: FakeSnapshot | null = null;

  beforeAll(async () => {
    const started = performance.now();
    playground = await startPlayground();
    browser = await launchPaneBrowser({ origin: playground.origin, officeStub: '', viewport: WINDOW });
    observed = await observePage(browser.context, null);
    page = observed.page;
    pane = page.frameLocator('#pane');
    await mkdir(SCREENSHOTS, { recursive: true });
    console.log(
      `[playground] pane ${playground.paneBuild.built ? 'built' : 'reused'}; Chromium ${browser.version}; ` +
        `setup ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 300_000);

  afterAll(async () => {
    await page.close().catch(() => undefined);
    await browser.close();
    await playground.close();
  });

  /** The fake's document now. */
  function snapshot(): Promise<FakeSnapshot> {
    return page.evaluate(() => {
      const api = Reflect.get(window, '__dubanPlayground') as { fake: { snapshot(): FakeSnapshot } };
      return api.fake.snapshot();
    });
  }

  /** The grid cell `a1` of the sheet the grid shows. */
  function gridCell(a1: string): Locator {
    return page.locator(`#grid td[data-cell="${a1}"]`);
  }

  /** Wait for `target` in the pane; on timeout say what message bars the pane shows. */
  async function waitInPane(target: Locator, what: string): Promise<void> {
    try {
      await target.first().waitFor({ state: 'visible', timeout: STEP_MS });
    } catch (error) {
      const bars = await pane.locator('.fui-MessageBar').allInnerTexts();
      throw new Error(`${what} did not appear; the pane's messages: ${JSON.stringify(bars)}`, {
        cause: error,
      });
    }
  }

  async function openTab(name: string): Promise<void> {
    await pane.getByRole('tab', { name, exact: true }).click();
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `playground-${name}.png`) });
  }

  it('opens the seed workbook: the grid shows 分解表 and the pane detects its table', async () => {
    await page.goto(`${playground.origin}/`);
    await page.waitForFunction(() => Reflect.get(window, '__dubanPlayground') !== undefined);
    await page.evaluate(() => (Reflect.get(window, '__dubanPlayground') as { ready: Promise<void> }).ready);

    // The grid: the seed's header on row 3 (three spaces between the characters of 目标任务), the title
    // merged over A2:D2, the first task's 序号 1 in A4.
    await expect
      .poll(() => page.locator('#sheet-tabs [aria-selected="true"]').innerText(), POLL)
      .toBe('分解表');
    expect(await gridCell('C3').textContent()).toBe('目   标   任   务');
    expect(await gridCell('A2').getAttribute('colspan')).toBe('4');
    expect(await gridCell('A4').textContent()).toBe('1');

    // The pane read the table through the fake on its own.
    const facts = pane.locator('dl[aria-label="识别结果"]');
    await waitInPane(facts, 'the 表格 tab’s summary');
    const terms = await facts.locator('dt').allTextContents();
    const details = await facts.locator('dd').allTextContents();
    expect(terms.map((term, i) => [term, details[i]])).toEqual([
      ['工作表', '分解表'],
      ['表头', '第3行'],
      ['任务行数', '52 行'],
      ['标题中的年度', '2024年'],
    ]);
    await shot('1-opened');
  }, 60_000);

  it('表格: the drop-downs show the detected columns; a choice is stored in the workbook', async () => {
    // 目标任务 was recognised in column C; the drop-down says so.
    const target = pane.getByRole('combobox', { name: '目标任务', exact: true });
    expect(await target.locator('option:checked').textContent()).toBe('自动：C列 · 目   标   任   务');
    // Choose 责任人 = column D explicitly: the pane saves the mapping into the workbook's settings sheet.
    const owner = pane.getByRole('combobox', { name: '责任人', exact: true });
    await owner.selectOption({ label: 'D列 · 责任人' });
    await expect
      .poll(async () => settingsOf(await snapshot())?.mapping?.['owner'] ?? null, { timeout: STEP_MS })
      .toBe(3);
  }, 60_000);

  it('分解: the ledger 任务台账 is written with 161 sub-tasks', async () => {
    await openTab('分解');
    await pane.getByRole('button', { name: '运行分解', exact: true }).click();
    const done = pane.getByRole('status').filter({ hasText: /^已写入“任务台账”：161 个子任务/ });
    await waitInPane(done, 'the breakdown’s summary');
    await expect
      .poll(() => page.locator('#sheet-tabs [role="tab"]').allInnerTexts(), POLL)
      .toContain('任务台账');
    const ledger = (await snapshot()).sheets.find((s) => s.name === '任务台账');
    expect(ledger).toBeDefined();
    await shot('2-breakdown');
  }, 60_000);

  it('校验: clicking a finding selects its cell, and the grid shows it selected', async () => {
    await openTab('校验');
    const finding = pane.getByRole('button', { name: /^在 Excel 中选中 / }).first();
    await waitInPane(finding, 'a finding');
    const label = (await finding.getAttribute('aria-label')) ?? '';
    // "在 Excel 中选中 分解表!C7" → "分解表!C7"; "…选中 '任务 台账'!B5" → "'任务 台账'!B5".
    const cell = label.replace(/^在 Excel 中选中 /, '');
    const bang = cell.lastIndexOf('!');
    const sheet = cell
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replaceAll("''", "'");
    const a1 = cell.slice(bang + 1);
    await finding.click();
    await expect.poll(() => page.locator('#name-box').textContent(), POLL).toBe(`${sheet}!${a1}`);
    await expect.poll(() => page.locator('#sheet-tabs [aria-selected="true"]').innerText(), POLL).toBe(sheet);
    await expect.poll(() => gridCell(a1).getAttribute('data-selected'), POLL).toBe('true');
    await expect(gridCell(a1).isVisible()).resolves.toBe(true);
    await shot('3-finding-selected');
  }, 60_000);

  it('评分: the sample ledger opened from disk, as of 30 June, shows its ranking', async () => {
    await page.locator('#file-input').setInputFiles(LEDGER_Q2);
    await expect
      .poll(() => page.locator('#workbook-picker option:checked').textContent(), POLL)
      .toBe('已打开：taishan-2024-ledger-q2.xlsx');
    const facts = pane.locator('dl[aria-label="识别结果"]');
    await waitInPane(facts.filter({ hasText: '任务台账' }), 'the ledger’s summary');
    asOpened = await page.evaluate(() => {
      const api = Reflect.get(window, '__dubanPlayground') as { loadedSnapshot: FakeSnapshot };
      return api.loadedSnapshot;
    });
    await pane
      .getByRole('combobox', { name: '截至', exact: true })
      .selectOption({ label: '上半年末（6月30日）' });

    await openTab('评分');
    await pane.getByRole('button', { name: '运行评分', exact: true }).click();
    const ranking = pane.getByRole('table', { name: '排名（点击单位查看子任务）' });
    await waitInPane(ranking, 'the ranking');
    await expect(
      pane
        .getByRole('status')
        .filter({ hasText: /^截至 2024-06-30/ })
        .count(),
    ).resolves.toBe(1);
    const rows = await ranking.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    // The sample is built to show every status (seeds/README.md): lagging and severe units are ranked.
    const text = await ranking.innerText();
    expect(text).toContain('进展滞后');
    expect(text).toContain('严重滞后');
    await shot('4-score');
  }, 60_000);

  it('标注: owned columns and the three colours appear in the grid', async () => {
    beforeMarking = await snapshot();
    // Choosing 截至 saved the choice into the workbook (a settings sheet the opened file did not have).
    expect(beforeMarking.sheets.length).toBe((asOpened?.sheets.length ?? 0) + 1);
    await openTab('标注/清除');
    await pane.getByRole('button', { name: '标注', exact: true }).click();
    await waitInPane(pane.getByText('已标注', { exact: true }), 'the 已标注 message');

    // The pane may have activated another sheet; show the ledger.
    await page.locator('#sheet-tabs').getByRole('tab', { name: '任务台账', exact: true }).click();
    await expect
      .poll(() => page.locator('#sheet-tabs [aria-selected="true"]').innerText(), POLL)
      .toBe('任务台账');
    const tabs = await page.locator('#sheet-tabs [role="tab"]').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['评分排名', '通报', '校验']));

    await expect
      .poll(() => page.locator('#grid thead th[data-owned="true"]').count(), POLL)
      .toBeGreaterThan(0);
    const rowFill = async (id: string): Promise<string[]> => {
      const row = page
        .locator('#grid tbody tr')
        .filter({ has: page.locator('td', { hasText: new RegExp(`^${id.replace('.', '\\.')}$`) }) });
      return row
        .first()
        .locator('td')
        .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset['fill'] ?? ''));
    };
    await expect.poll(async () => (await rowFill('1.15')).includes('#FFEB9C'), POLL).toBe(true);
    await expect.poll(async () => (await rowFill('12.01')).includes('#FFC7CE'), POLL).toBe(true);

    await shot('5-highlight');
    // For the README: the grid scrolled to its right end (the owned columns 完成率 · 序时进度 · 状态 · 说明)
    // and down to the first red row, so both colours and the owned columns show beside the pane.
    await page.evaluate(() => {
      const box = document.getElementById('grid');
      const red = box?.querySelector<HTMLElement>('td[data-fill="#FFC7CE"]');
      if (!box || !red) return;
      box.scrollLeft = box.scrollWidth;
      box.scrollTop = Math.max(0, red.offsetTop - box.clientHeight / 3);
    });
    await mkdir(path.dirname(README_IMAGE), { recursive: true });
    await page.screenshot({ path: README_IMAGE });
  }, 60_000);

  it('清除: the workbook is back to its state before 标注 (the saved 表格 choices stay)', async () => {
    expect(beforeMarking).not.toBeNull();
    await pane.getByRole('button', { name: '清除', exact: true }).click();
    await waitInPane(pane.getByText('已清除', { exact: true }), 'the 已清除 message');
    expect(await snapshot()).toEqual(beforeMarking);
    await expect.poll(() => page.locator('#grid thead th[data-owned="true"]').count(), POLL).toBe(0);
    await shot('6-cleared');
  }, 60_000);

  it('通报: the 通报 sheet appears and the pane shows the paragraph', async () => {
    await openTab('通报');
    await pane.getByRole('button', { name: '生成通报', exact: true }).click();
    await waitInPane(
      pane.getByRole('status').filter({ hasText: /^已写入工作表：/ }),
      'the circular’s status',
    );
    await expect.poll(() => page.locator('#sheet-tabs [role="tab"]').allInnerTexts(), POLL).toContain('通报');
    await expect(pane.getByRole('heading', { name: '通报段落' }).isVisible()).resolves.toBe(true);
    await shot('7-circular');
  }, 60_000);

  it('made no request but to its own origin, logged no error, broke no CSP directive', () => {
    const { record } = observed;
    expect(observed.forbiddenRequests(playground.origin)).toEqual([]);
    expect(record.failedResponses).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.cspViolations).toEqual([]);
    // The pane is the production bundle, under /pane/.
    const paths = record.requests
      .filter((r) => r.url.startsWith(playground.origin))
      .map((r) => new URL(r.url).pathname);
    expect(paths).toContain('/pane/taskpane.html');
    expect(paths).toContain('/pane/office-playground.js');
    // webpack's `[name].[contenthash:8].js`: "/pane/taskpane.2e0ef2a8.js", not "/pane/taskpane.js".
    expect(paths.some((p) => /^\/pane\/taskpane\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
  });
});
