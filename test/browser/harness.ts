/**
 * What the browser tests and the README screenshot share: a loopback HTTP server for the built task pane,
 * headless Chromium (Debian's, driven by playwright-core) whose requests to Office.js's CDN are answered
 * with the Office stub, and a page wrapper that records everything the tests judge — every request, console
 * errors and warnings, uncaught errors, Content-Security-Policy violations and when the button first appeared.
 *
 * Requests anywhere else than the loopback server and the Office.js URL are recorded and aborted, so a leak
 * fails the test without the machine ever trying to reach the outside.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, isAllowedRequest, OFFICE_JS_URL } from './policy.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** A running loopback server. */
export interface PaneServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serve the files of `dir` on 127.0.0.1 at a free port, plus `extraPages` (path → HTML) for control pages
 * that exist only in tests. Only GET and HEAD; anything outside `dir` is a 404.
 */
export async function servePane(
  dir: string,
  extraPages: Readonly<Record<string, string>> = {},
): Promise<PaneServer> {
  const root = path.resolve(dir);
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'text/plain', 'method not allowed');
      return;
    }
    const extra = extraPages[url.pathname];
    if (extra !== undefined) {
      send(200, 'text/html; charset=utf-8', extra);
      return;
    }
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(root + path.sep) || type === undefined) {
      send(404, 'text/plain', 'not found');
      return;
    }
    try {
      send(200, type, readFileSync(file));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Options of {@link launchPaneBrowser}. */
export interface LaunchOptions {
  /** The loopback server's origin: requests there go through. */
  readonly origin: string;
  /** The Office stub script, sent in answer to {@link OFFICE_JS_URL}. */
  readonly officeStub: string;
  /** CSS pixels; the task pane is 320 px wide. */
  readonly viewport: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor?: number;
}

/** A running headless Chromium with a fresh profile. */
export interface PaneBrowser {
  readonly context: BrowserContext;
  /** Chromium's version, e.g. `150.0.7871.100`. */
  readonly version: string;
  /** Milliseconds the launch took. */
  readonly launchMs: number;
  close(): Promise<void>;
}

/** Start Debian's Chromium headless with a throw-away profile and the Office.js route in place. */
export async function launchPaneBrowser(options: LaunchOptions): Promise<PaneBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'duban-chromium-'));
  const started = performance.now();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { ...options.viewport },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const launchMs = performance.now() - started;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      await route.fulfill({
        status: 200,
        contentType: 'text/javascript; charset=utf-8',
        body: options.officeStub,
      });
    } else if (isAllowedRequest(url, options.origin)) {
      await route.continue();
    } else {
      // Recorded by the page's request listener; aborted so nothing leaves the machine.
      await route.abort('blockedbyclient');
    }
  });
  return {
    context,
    version: context.browser()?.version() ?? 'unknown',
    launchMs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One request the page made. */
export interface RecordedRequest {
  readonly url: string;
  readonly resourceType: string;
}

/** A Content-Security-Policy violation as the page's `securitypolicyviolation` event reported it. */
export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sourceFile: string;
}

/** Everything recorded about one page. */
export interface PageRecord {
  readonly requests: RecordedRequest[];
  /** Responses with status ≥ 400, as `404 http://…`. */
  readonly failedResponses: string[];
  readonly consoleErrors: string[];
  readonly consoleWarnings: string[];
  /** Uncaught exceptions and unhandled rejections. */
  readonly pageErrors: string[];
  readonly cspViolations: CspViolation[];
}

/** A page with its record. */
export interface ObservedPage {
  readonly page: Page;
  readonly record: PageRecord;
  /** Requests to anything else than `origin` and Office.js. */
  forbiddenRequests(origin: string): RecordedRequest[];
}

const CSP_BINDING = '__dubanReportCsp';
/** How long to wait for the pane to show something (it takes ≈0.2 s; a loaded 2-core machine is slower). */
const WAIT_MS = 10_000;
const FIRST_RENDER_KEY = '__dubanFirstRenderMs';

/**
 * The pane's first render: its tab list (表格 · 分解 · 校验 · 评分 · 标注/清除 · 通报), rendered with the
 * title before the session and the engine load.
 */
export const PANE_FIRST_RENDER = '[role="tablist"]';

/**
 * A new page in `context` that records requests, console messages, uncaught errors and CSP violations from
 * before the first byte, and notes `performance.now()` (milliseconds since navigation start) at the moment
 * an element matching `firstRender` (a CSS selector, e.g. {@link PANE_FIRST_RENDER}) first enters the DOM
 * (null: no timer, e.g. for the playground, whose pane lives in an iframe).
 */
export async function observePage(
  context: BrowserContext,
  firstRender: string | null,
): Promise<ObservedPage> {
  const page = await context.newPage();
  const record: PageRecord = {
    requests: [],
    failedResponses: [],
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    cspViolations: [],
  };
  page.on('request', (request) => {
    record.requests.push({ url: request.url(), resourceType: request.resourceType() });
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      record.failedResponses.push(`${String(response.status())} ${response.url()}`);
  });
  page.on('console', (message) => {
    const where = message.location().url;
    const text = where ? `${message.text()} (${where})` : message.text();
    if (message.type() === 'error') record.consoleErrors.push(text);
    if (message.type() === 'warning') record.consoleWarnings.push(text);
  });
  page.on('pageerror', (error) => {
    record.pageErrors.push(`${error.name}: ${error.message}`);
  });
  await page.exposeFunction(CSP_BINDING, (violation: CspViolation) => {
    record.cspViolations.push(violation);
  });
  // Runs in the page (and its frames) before any of their scripts (injected by the browser, so the page's
  // CSP does not apply).
  await page.addInitScript(
    ({ binding, key, selector }: { binding: string; key: string; selector: string | null }) => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          const report = Reflect.get(window, binding) as (v: CspViolation) => void;
          report({
            directive: event.effectiveDirective,
            blockedURI: event.blockedURI,
            sourceFile: event.sourceFile,
          });
        },
        true,
      );
      if (selector === null) return;
      // MutationObserver callbacks run right after the DOM change, before the next paint.
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          Reflect.set(window, key, performance.now());
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    { binding: CSP_BINDING, key: FIRST_RENDER_KEY, selector: firstRender },
  );
  return {
    page,
    record,
    forbiddenRequests: (origin) => record.requests.filter((r) => !isAllowedRequest(r.url, origin)),
  };
}

/** Timings of one pane load. */
export interface PaneTimings {
  /** performance.now() when the first-render element entered the DOM (ms since navigation start). */
  readonly firstRenderMs: number;
  /** First contentful paint (ms since navigation start), or null when Chromium reported none. */
  readonly firstContentfulPaintMs: number | null;
}

/**
 * Open `url` in a page observed with `firstRender` and wait until that element is visible; return when it
 * first appeared.
 */
export async function loadPane(
  observed: ObservedPage,
  url: string,
  firstRender: string = PANE_FIRST_RENDER,
): Promise<PaneTimings> {
  const { page } = observed;
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.locator(firstRender).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch (error) {
    // Say what the page shows instead (a message, nothing) rather than only "timeout".
    // Runs of white space become one space: "Duban\nKey-task tables" → "Duban Key-task tables",
    // "督办助手\n\n  读取表格" → "督办助手 读取表格", "a\tb" → "a b".
    const shown = (await page.locator('body').innerText()).trim().replace(/\s+/g, ' ');
    throw new Error(
      `${firstRender} did not appear within ${String(WAIT_MS)} ms; the page shows: “${shown}”`,
      {
        cause: error,
      },
    );
  }
  const firstRenderMs = await page.evaluate((key) => Reflect.get(window, key) as unknown, FIRST_RENDER_KEY);
  if (typeof firstRenderMs !== 'number') throw new Error('the first-render timer did not fire');
  const firstContentfulPaintMs = await page.evaluate(() => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0];
    return entry ? entry.startTime : null;
  });
  return { firstRenderMs, firstContentfulPaintMs };
}

/** The term/detail pairs of a `<dl aria-label=label>` as the page's text (`textContent`, spaces kept). */
export async function definitionPairs(page: Page, label: string): Promise<[string, string][]> {
  const list = page.locator(`dl[aria-label="${label}"]`);
  const terms = await list.locator('dt').allTextContents();
  const details = await list.locator('dd').allTextContents();
  return terms.map((term, i): [string, string] => [term, details[i] ?? '']);
}

/** What a read showed. */
export interface ReadResult {
  /** The summary's term/detail pairs. */
  readonly pairs: readonly (readonly [string, string])[];
  /** Milliseconds from the click to the summary being visible. */
  readonly clickToResultMs: number;
}

/**
 * Wait for the 表格 tab's summary (`<dl aria-label=summaryLabel>`), which the pane shows on its own once
 * the workbook is read; with `buttonLabel`, click that button first (读取表格 / 重新读取) and wait for the
 * summary to be shown again. If an error message bar appears instead, fail with its text.
 */
export async function readTableSummary(
  page: Page,
  summaryLabel: string,
  buttonLabel: string | null = null,
): Promise<ReadResult> {
  const summary = page.locator(`dl[aria-label="${summaryLabel}"]`);
  const failure = page.locator('.fui-MessageBar');
  const started = performance.now();
  if (buttonLabel !== null) {
    await summary.waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.getByRole('button', { name: buttonLabel, exact: true }).click();
  }
  await summary.or(failure).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  if (!(await summary.isVisible())) {
    throw new Error(`the pane showed a message instead of the summary: ${await failure.first().innerText()}`);
  }
  const clickToResultMs = performance.now() - started;
  return { pairs: await definitionPairs(page, summaryLabel), clickToResultMs };
}
