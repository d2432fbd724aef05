/**
 * The README screenshot: the production task pane at the width Office gives it (320×720 CSS px, drawn at 2×
 * for sharp text), in Chinese, after 读取表格 on the seed workbook — served and hosted exactly as the browser
 * tests do it (test/browser/harness.ts): loopback server, headless Chromium, the Office stub in place of
 * Office.js. Refuses to save a picture of a page that leaked a request, logged an error or broke its CSP.
 *
 *   npx tsx scripts/screenshot-pane.ts [output.png]     (default docs/images/taskpane-read-table.png)
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  clickReadTable,
  launchPaneBrowser,
  loadPane,
  observePage,
  servePane,
} from '../test/browser/harness.ts';
import { ensurePaneBuild, ROOT } from '../test/browser/pane-build.ts';
import { CHROMIUM_INSTALL_HINT, CHROMIUM_PATH } from '../test/browser/policy.ts';
import { buildOfficeStub, SEED_WORKBOOK, workbookDataFromXlsx } from '../test/browser/stub-bundle.ts';

const LABEL = '读取表格';

async function main(): Promise<void> {
  const output = path.resolve(
    process.argv[2] ?? path.join(ROOT, 'docs', 'images', 'taskpane-read-table.png'),
  );
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found; install it with: ${CHROMIUM_INSTALL_HINT}`);
  }
  const [build, data] = await Promise.all([ensurePaneBuild(), workbookDataFromXlsx(SEED_WORKBOOK)]);
  const stub = await buildOfficeStub(data);
  const server = await servePane(build.dir);
  const browser = await launchPaneBrowser({
    origin: server.origin,
    officeStub: stub,
    viewport: { width: 320, height: 720 },
    deviceScaleFactor: 2,
  });
  try {
    const observed = await observePage(browser.context, LABEL);
    const timings = await loadPane(observed, `${server.origin}/taskpane.html?lang=zh-CN`, LABEL);
    const result = await clickReadTable(observed.page, LABEL);
    const { record } = observed;
    const problems = [
      ...observed.forbiddenRequests(server.origin).map((r) => `request to ${r.url}`),
      ...record.failedResponses.map((r) => `failed response ${r}`),
      ...record.consoleErrors.map((e) => `console error: ${e}`),
      ...record.pageErrors.map((e) => `uncaught: ${e}`),
      ...record.cspViolations.map((v) => `CSP ${v.directive} blocked ${v.blockedURI}`),
    ];
    if (problems.length > 0) throw new Error(`the pane is not clean:\n${problems.join('\n')}`);
    // Let Fluent finish its transitions (the button's pressed state) before taking the picture.
    await observed.page.mouse.move(0, 0);
    await observed.page.waitForTimeout(300);
    await mkdir(path.dirname(output), { recursive: true });
    await observed.page.screenshot({ path: output });
    console.log(`saved ${path.relative(ROOT, output)} (320×720 CSS px at 2×)`);
    console.log(`button in the DOM at ${timings.firstButtonMs.toFixed(0)} ms; summary:`);
    for (const [term, detail] of result.pairs) console.log(`  ${term}: ${detail}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
