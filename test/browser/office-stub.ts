/**
 * A stand-in for Office.js in a real browser, built from the strict fake Excel (test/fake-excel): it defines
 * `window.Office` (`onReady` resolving with host Excel, `context.displayLanguage`, `context.requirements`,
 * the `HostType`/`PlatformType` enums) and `window.Excel` (the fake's namespace) over a workbook given as
 * plain data. The browser tests bundle it into one script and answer Office.js's CDN URL with it, so the page
 * under test is exactly the production bundle; only the host differs.
 *
 * Options come from the page's query string, as Office passes host details in the task pane's URL:
 * `?lang=en-US` sets the display language (default `zh-CN`), `?excelApi=1.8` the highest ExcelApi set,
 * `?theme=dark` Office's Black theme (default White). The playground builds its `Office` with
 * {@link makeOfficeGlobal} over the fake it shows in its grid.
 *
 * Strict like the fake: reading a member of `Office` or `Office.context` that the stub does not model throws
 * `FakeNotModelledError` (the page then reports an uncaught error, which the tests fail on), instead of
 * handing the add-in an `undefined` real Office.js would never give.
 */
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { createFakeExcel, FakeNotModelledError, type FakeExcel } from '../fake-excel/fake-excel.ts';

/** What `Office.onReady` resolves with. */
export interface ReadyInfo {
  readonly host: string;
  readonly platform: string;
}

/** The globals the stub defines, and the page's query string it reads. */
export interface StubTarget {
  Office?: unknown;
  Excel?: unknown;
  /** The fake's counters, for tests that assert the read went through the Excel API. */
  __dubanFakeExcel?: unknown;
  readonly location: { readonly search: string };
}

/** What {@link installOfficeStub} set up. */
export interface InstalledStub {
  readonly fake: FakeExcel;
  readonly displayLanguage: string;
  readonly maxExcelApi: string;
}

// Office.js's enums are string-valued: `Office.HostType.Excel === 'Excel'`.
const HOST_TYPE = {
  Word: 'Word',
  Excel: 'Excel',
  PowerPoint: 'PowerPoint',
  Outlook: 'Outlook',
  OneNote: 'OneNote',
  Project: 'Project',
  Access: 'Access',
} as const;
const PLATFORM_TYPE = {
  PC: 'PC',
  OfficeOnline: 'OfficeOnline',
  Mac: 'Mac',
  iOS: 'iOS',
  Android: 'Android',
  Universal: 'Universal',
} as const;

/** Default highest ExcelApi set: a current Microsoft 365, as the fake's own default. */
const DEFAULT_EXCEL_API = '1.17';

/** Wrap an object so that reading a string key it lacks throws instead of giving `undefined`. */
function strict<T extends object>(what: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver): unknown {
      // Symbols (Symbol.toStringTag, inspection) and `then` (probing for a thenable) are asked by generic
      // code, not by an add-in reading Office; answer them as a plain object would.
      if (typeof key === 'symbol' || key === 'then' || key in object) {
        return Reflect.get(object, key, receiver);
      }
      throw new FakeNotModelledError(`${what}.${key}`);
    },
  });
}

/** Office's theme colours (`Office.context.officeTheme`): the "White" theme, or "Black" for `?theme=dark`. */
export interface StubTheme {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
}

const THEMES: Readonly<Record<'light' | 'dark', StubTheme>> = {
  light: {
    bodyBackgroundColor: '#FFFFFF',
    bodyForegroundColor: '#000000',
    controlBackgroundColor: '#FFFFFF',
    controlForegroundColor: '#000000',
  },
  dark: {
    bodyBackgroundColor: '#262626',
    bodyForegroundColor: '#FFFFFF',
    controlBackgroundColor: '#363636',
    controlForegroundColor: '#FFFFFF',
  },
};

/** The host details a task pane reads from its URL's query string (`?lang=en-US&excelApi=1.8&theme=dark`). */
export interface StubQuery {
  readonly displayLanguage: string;
  readonly maxExcelApi: string;
  readonly theme: 'light' | 'dark';
}

/** Read {@link StubQuery} from a query string such as `?lang=en-US`. */
export function readStubQuery(search: string): StubQuery {
  const query = new URLSearchParams(search);
  return {
    displayLanguage: query.get('lang') ?? 'zh-CN',
    maxExcelApi: query.get('excelApi') ?? DEFAULT_EXCEL_API,
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
  };
}

/**
 * The strict `Office` global over a fake's requirement sets: `onReady` (host Excel, never synchronous),
 * `context.displayLanguage`, `context.requirements`, `context.officeTheme` and the two enums.
 */
export function makeOfficeGlobal(
  requirements: FakeExcel['requirements'],
  displayLanguage: string,
  theme: 'light' | 'dark' = 'light',
): unknown {
  const info: ReadyInfo = { host: HOST_TYPE.Excel, platform: PLATFORM_TYPE.OfficeOnline };
  // Real Office.js answers onReady after its handshake with the host: never synchronously.
  const ready = Promise.resolve(info);
  const context = strict('Office.context', {
    displayLanguage,
    requirements,
    officeTheme: strict('Office.context.officeTheme', { ...THEMES[theme] }),
  });
  return strict('Office', {
    HostType: HOST_TYPE,
    PlatformType: PLATFORM_TYPE,
    context,
    onReady(callback?: (ready: ReadyInfo) => unknown): Promise<ReadyInfo> {
      return ready.then((value) => {
        if (callback) callback(value);
        return value;
      });
    },
  });
}

/**
 * Define `Office` and `Excel` on `target` (the browser's `window`) over a copy of `data`.
 * Returns what was installed, for tests that run the stub outside a browser.
 */
export function installOfficeStub(target: StubTarget, data: WorkbookData): InstalledStub {
  const { displayLanguage, maxExcelApi, theme } = readStubQuery(target.location.search);
  const fake = createFakeExcel(data, { displayLanguage, maxExcelApi });
  target.Office = makeOfficeGlobal(fake.requirements, displayLanguage, theme);
  target.Excel = fake.Excel;
  target.__dubanFakeExcel = { stats: fake.stats };
  return { fake, displayLanguage, maxExcelApi };
}
