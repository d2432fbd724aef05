/**
 * The rules of the browser tests that need no browser: where Chromium is, whether the tests run (the same
 * skip rule as the LibreOffice checks: skipped with a message outside CI, a failure in CI), and which
 * requests the task pane may make (its own origin and Office.js's CDN URL, nothing else — issue 7 §4).
 */
import { isCi } from '../libreoffice/soffice.ts';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright's own browser downloads are unreachable here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The apt line that installs the browser (the same package `.ci/run` installs). */
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';

/** The Office.js URL `taskpane.html` loads, exactly as written there. The tests answer it with the stub. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Chromium's switches (ENVIRONMENT.md): no sandbox (tests run as root in containers), no GPU, no QUIC, and
 * none of the browser's own background traffic (first-run pages, component updates, sync), so every request
 * the tests see comes from the page. Playwright adds `--headless`; the profile is a fresh directory per run.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the skip policy decided for this run. */
export interface ChromiumPolicy {
  /** Run the browser tests (Chromium is installed). */
  readonly run: boolean;
  /** Why they do not run, or '' when they do. */
  readonly skipReason: string;
  /** Set when the run must fail: in CI a missing browser is an error, not a skip. */
  readonly failure: string | null;
}

/**
 * Decide whether the browser tests run: without Chromium they are skipped with a message saying what to
 * install; with `CI` set a missing Chromium fails the run instead (a skipped check would pass silently).
 */
export function chromiumPolicy(
  env: Readonly<Record<string, string | undefined>>,
  chromiumInstalled: boolean,
): ChromiumPolicy {
  if (chromiumInstalled) return { run: true, skipReason: '', failure: null };
  const what = `${CHROMIUM_PATH} not found (Debian: ${CHROMIUM_INSTALL_HINT})`;
  return {
    run: false,
    skipReason: `Browser tests skipped: ${what}`,
    failure: isCi(env) ? `CI must run the browser tests, but ${what}` : null,
  };
}

/**
 * Whether the pane may make this request: to the page's own origin (`origin`, e.g. `http://127.0.0.1:41234`)
 * or to exactly the Office.js URL. `data:` and `blob:` URLs are allowed: they never leave the page.
 * Anything else — another host, another port, https on the loopback host, another path on Microsoft's CDN —
 * is a leak.
 */
export function isAllowedRequest(url: string, origin: string): boolean {
  if (url === OFFICE_JS_URL) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return parsed.origin === origin;
}
