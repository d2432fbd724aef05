/**
 * A stand-in for Office.js in a real browser, built from the strict fake Excel (test/fake-excel): it defines
 * `window.Office` (`onReady` resolving with host Excel, `context.displayLanguage`, `context.requirements`,
 * the `HostType`/`PlatformType` enums) and `window.Excel` (the fake's namespace) over a workbook given as
 * plain data. The browser tests bundle it into one script and answer Office.js's CDN URL with it, so the page
 * under test is exactly the production bundle; only the host differs.
 *
 * Options come from the page's query string, as Office passes host details in the task pane's URL:
 * `?lang=en-US` sets the display language (default `zh-CN`), `?excelApi=1.8` the highest ExcelApi set.
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

/**
 * Define `Office` and `Excel` on `target` (the browser's `window`) over a copy of `data`.
 * Returns what was installed, for tests that run the stub outside a browser.
 */
export function installOfficeStub(target: StubTarget, data: WorkbookData): InstalledStub {
  const query = new URLSearchParams(target.location.search);
  const displayLanguage = query.get('lang') ?? 'zh-CN';
  const maxExcelApi = query.get('excelApi') ?? DEFAULT_EXCEL_API;
  const fake = createFakeExcel(data, { displayLanguage, maxExcelApi });
  const info: ReadyInfo = { host: HOST_TYPE.Excel, platform: PLATFORM_TYPE.OfficeOnline };
  // Real Office.js answers onReady after its handshake with the host: never synchronously.
  const ready = Promise.resolve(info);

  const context = strict('Office.context', {
    displayLanguage,
    requirements: fake.requirements,
  });
  const office = strict('Office', {
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

  target.Office = office;
  target.Excel = fake.Excel;
  target.__dubanFakeExcel = { stats: fake.stats };
  return { fake, displayLanguage, maxExcelApi };
}
