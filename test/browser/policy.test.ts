/**
 * The browser tests' parts that need no browser: the skip rule, the request allow-list, the grid → sheet
 * data conversion that feeds the Office stub, and the stub's `Office` surface (run here in Node on a bare
 * target standing in for `window`). Always runs, Chromium or not.
 */
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/core/grid.ts';
import { FakeNotModelledError } from '../fake-excel/fake-excel.ts';
import { installOfficeStub, type ReadyInfo, type StubTarget } from './office-stub.ts';
import { chromiumPolicy, isAllowedRequest, OFFICE_JS_URL } from './policy.ts';
import { gridToSheetData } from './stub-bundle.ts';

describe('chromiumPolicy', () => {
  it('runs when Chromium is installed, in CI or not', () => {
    expect(chromiumPolicy({}, true)).toEqual({ run: true, skipReason: '', failure: null });
    expect(chromiumPolicy({ CI: '1' }, true)).toEqual({ run: true, skipReason: '', failure: null });
  });

  it('skips without Chromium outside CI, saying what to install', () => {
    const policy = chromiumPolicy({}, false);
    expect(policy.run).toBe(false);
    expect(policy.failure).toBeNull();
    expect(policy.skipReason).toBe(
      'Browser tests skipped: /usr/bin/chromium not found (Debian: apt-get install -y chromium)',
    );
  });

  it('fails in CI without Chromium; CI=0 and CI=false are not CI', () => {
    expect(chromiumPolicy({ CI: 'true' }, false).failure).toBe(
      'CI must run the browser tests, but /usr/bin/chromium not found (Debian: apt-get install -y chromium)',
    );
    expect(chromiumPolicy({ CI: '0' }, false).failure).toBeNull();
    expect(chromiumPolicy({ CI: 'false' }, false).failure).toBeNull();
  });
});

describe('isAllowedRequest', () => {
  const origin = 'http://127.0.0.1:41234';

  it('allows the page’s own origin, the Office.js URL, data: and blob:', () => {
    expect(isAllowedRequest('http://127.0.0.1:41234/taskpane.html', origin)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:41234/taskpane.0a1b2c3d.js?x=1', origin)).toBe(true);
    expect(isAllowedRequest(OFFICE_JS_URL, origin)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', origin)).toBe(true);
    expect(isAllowedRequest('blob:http://127.0.0.1:41234/5f0c2f4e', origin)).toBe(true);
  });

  it('refuses other hosts, ports, schemes and other files on Microsoft’s CDN', () => {
    expect(isAllowedRequest('http://127.0.0.1:41235/taskpane.html', origin)).toBe(false);
    expect(isAllowedRequest('http://localhost:41234/taskpane.html', origin)).toBe(false);
    expect(isAllowedRequest('https://127.0.0.1:41234/taskpane.html', origin)).toBe(false);
    expect(
      isAllowedRequest('https://appsforoffice.microsoft.com/lib/1/hosted/en-us/excel-web-16.00.js', origin),
    ).toBe(false);
    expect(isAllowedRequest('https://fonts.googleapis.com/css?family=Noto', origin)).toBe(false);
    expect(isAllowedRequest('not a url', origin)).toBe(false);
  });
});

describe('gridToSheetData', () => {
  it('keeps a grid at A1 as it is', () => {
    const grid: Grid = {
      sheet: '分解表',
      origin: { row: 0, col: 0 },
      cells: [
        ['附件', null],
        ['序号', '责任单位'],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      numberFormats: [
        [null, null],
        [null, '@'],
      ],
      hiddenRows: [1],
    };
    expect(gridToSheetData(grid)).toEqual({
      name: '分解表',
      cells: [
        ['附件', null],
        ['序号', '责任单位'],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      numberFormats: [
        [null, null],
        [null, '@'],
      ],
      hiddenRows: [1],
    });
  });

  it('puts a grid starting at B3 back at B3 (two empty rows, one empty column in front)', () => {
    const grid: Grid = { sheet: 'S', origin: { row: 2, col: 1 }, cells: [['序号', 7]] };
    expect(gridToSheetData(grid)).toEqual({
      name: 'S',
      cells: [[], [], [null, '序号', 7]],
      merges: [],
      hiddenRows: [],
    });
  });
});

describe('installOfficeStub', () => {
  const data = { sheets: [{ name: '分解表', cells: [['序号']] }] };
  const target = (search: string): StubTarget => ({ location: { search } });

  it('defines Office with host Excel, zh-CN by default, and Excel as the fake namespace', async () => {
    const win = target('');
    installOfficeStub(win, data);
    const office = win.Office as {
      HostType: { Excel: string };
      context: { displayLanguage: string; requirements: { isSetSupported(n: string, v?: string): boolean } };
      onReady(cb?: (info: ReadyInfo) => void): Promise<ReadyInfo>;
    };
    const seen: ReadyInfo[] = [];
    const info = await office.onReady((i) => seen.push(i));
    expect(info).toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(seen).toEqual([info]);
    expect(info.host).toBe(office.HostType.Excel);
    expect(office.context.displayLanguage).toBe('zh-CN');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(typeof (win.Excel as { run: unknown }).run).toBe('function');
  });

  it('answers onReady asynchronously, as Office.js does', () => {
    const win = target('');
    installOfficeStub(win, data);
    let called = false;
    void (win.Office as { onReady(cb: () => void): Promise<unknown> }).onReady(() => (called = true));
    expect(called).toBe(false);
  });

  it('takes the display language and the ExcelApi level from the query string', () => {
    const win = target('?lang=en-US&excelApi=1.8');
    const installed = installOfficeStub(win, data);
    expect(installed.displayLanguage).toBe('en-US');
    const office = win.Office as {
      context: { displayLanguage: string; requirements: { isSetSupported(n: string, v?: string): boolean } };
    };
    expect(office.context.displayLanguage).toBe('en-US');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  });

  it('reports Office’s White theme, or Black with ?theme=dark, as officeTheme colours', () => {
    const light = target('');
    installOfficeStub(light, data);
    const lightTheme = (light.Office as { context: { officeTheme: { bodyBackgroundColor: string } } }).context
      .officeTheme;
    expect(lightTheme.bodyBackgroundColor).toBe('#FFFFFF');
    const dark = target('?theme=dark');
    installOfficeStub(dark, data);
    const darkTheme = (dark.Office as { context: { officeTheme: { bodyBackgroundColor: string } } }).context
      .officeTheme;
    expect(darkTheme.bodyBackgroundColor).toBe('#262626');
  });

  it('throws on members it does not model instead of answering undefined', () => {
    const win = target('');
    installOfficeStub(win, data);
    const office = win.Office as Record<string, unknown> & { context: Record<string, unknown> };
    expect(() => office.ribbon).toThrow(FakeNotModelledError);
    expect(() => office.context.document).toThrow('fake-excel does not model Office.context.document');
  });
});
