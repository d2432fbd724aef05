/**
 * The playground's parts that need no browser: the server's rewrite of taskpane.html, the transfer of the
 * fake's document from the server to the page, what the grid shows for a sheet (text in number formats,
 * merges, fills, owned columns, selection, data bars), the owned marks read from the settings sheet, and the
 * cross-realm `Excel.run`. Always runs, Chromium or not.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostReplacer, hostReviver } from '../../playground/host-transfer.ts';
import { settingsOf } from '../../playground/page/owned.ts';
import { crossRealmExcel } from '../../playground/page/pane-binding.ts';
import { buildSheetView, displayText, parseRange, pointsToPx } from '../../playground/page/sheet-view.ts';
import { rewritePaneHtml, startPlayground, type Playground } from '../../playground/server.ts';
import { SEED_SOURCES } from '../../playground/workbooks.ts';
import { createFakeExcel, createFakeExcelOver, FakeOfficeError } from '../fake-excel/fake-excel.ts';
import type { FakeSheetSnapshot, FakeSnapshot } from '../fake-excel/fake-snapshot.ts';
import { createFakeExcelFromXlsx } from '../fake-excel/from-xlsx.ts';
import { OFFICE_JS_URL } from './policy.ts';

describe('rewritePaneHtml', () => {
  it('points the Office.js script at the playground stub and leaves the rest alone', () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script src=${OFFICE_JS_URL}></script><script defer src=taskpane.1a2b3c4d.js></script></head>`;
    expect(rewritePaneHtml(html)).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script src=office-playground.js></script><script defer src=taskpane.1a2b3c4d.js></script></head>`,
    );
  });

  it('refuses a page that does not load Office.js exactly once', () => {
    expect(() => rewritePaneHtml('<script src=taskpane.js></script>')).toThrow('found 0 times');
    expect(() =>
      rewritePaneHtml(`<script src=${OFFICE_JS_URL}></script><script src=${OFFICE_JS_URL}></script>`),
    ).toThrow('found 2 times');
  });
});

describe('the fake’s document from server to page', () => {
  for (const source of SEED_SOURCES) {
    it(`${source.id}: a fake over the revived document has the same snapshot`, async () => {
      const fake = await createFakeExcelFromXlsx(source.file);
      const json = JSON.stringify(fake.host, hostReplacer);
      const revived = createFakeExcelOver(JSON.parse(json, hostReviver) as typeof fake.host);
      expect(revived.snapshot()).toEqual(fake.snapshot());
    }, 30_000);
  }

  it('keeps Maps, Sets and holes, and a revived fake takes writes', async () => {
    const fake = createFakeExcel({
      sheets: [{ name: 'S', cells: [['a'], [], [null, 'b']], hiddenRows: [1] }],
    });
    const revived = createFakeExcelOver(
      JSON.parse(JSON.stringify(fake.host, hostReplacer), hostReviver) as typeof fake.host,
    );
    const sheet = revived.host.sheets[0];
    expect(sheet?.hiddenRows).toEqual(new Set([1]));
    expect(sheet?.styles).toBeInstanceOf(Map);
    await revived.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('C1').values = [['c']];
      await context.sync();
    });
    expect(revived.snapshot().sheets[0]?.values).toEqual({ A1: 'a', C1: 'c', B3: 'b' });
  });
});

describe('displayText', () => {
  it('shows numbers as Excel does in the formats the seeds and writers use', () => {
    expect(displayText(0.681, '0.0%')).toBe('68.1%');
    expect(displayText(1, '0%')).toBe('100%');
    expect(displayText(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(displayText(92.456, '0.0')).toBe('92.5');
    // 45473 is 2024-06-30 in Excel's 1900 date system.
    expect(displayText(45473, 'yyyy-mm-dd')).toBe('2024-06-30');
    expect(displayText(0.1 + 0.2, 'General')).toBe('0.3');
    expect(displayText(5.5, undefined)).toBe('5.5');
    expect(displayText(true, undefined)).toBe('TRUE');
    expect(displayText('序时推进', '@')).toBe('序时推进');
    expect(displayText(undefined, undefined)).toBe('');
  });
});

describe('parseRange', () => {
  it('reads cells and ranges, with or without a sheet', () => {
    expect(parseRange('B5')).toEqual({ top: 4, left: 1, bottom: 4, right: 1 });
    expect(parseRange("'任务 台账'!$D$9:B5")).toEqual({ top: 4, left: 1, bottom: 8, right: 3 });
    expect(parseRange('分解表!C7')).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
    expect(parseRange('C:C')).toBeNull();
  });
});

/** A sheet snapshot with only what a test sets. */
function sheetSnapshot(part: Partial<FakeSheetSnapshot>): FakeSheetSnapshot {
  const base = createFakeExcel({ sheets: [{ name: 'S', cells: [] }] }).snapshot().sheets[0];
  if (!base) throw new Error('no sheet');
  return { ...base, ...part };
}

describe('buildSheetView', () => {
  it('draws merged areas as spans and leaves covered cells out', () => {
    const sheet = sheetSnapshot({ values: { A1: '标题', A2: '序号', B2: '单位' }, merges: ['A1:B1'] });
    const view = buildSheetView({ sheet, owned: [], selection: null, minRows: 2, minCols: 2 });
    expect(view.rows.map((r) => r.cells.map((c) => [c.a1, c.text, c.colSpan]))).toEqual([
      [['A1', '标题', 2]],
      [
        ['A2', '序号', 1],
        ['B2', '单位', 1],
      ],
    ]);
  });

  it('takes fills from the fill function, marks owned columns and the selection, sizes columns in px', () => {
    const sheet = sheetSnapshot({
      values: { A1: '状态', A2: '进展滞后' },
      columnWidths: { B: 90 },
    });
    const view = buildSheetView({
      sheet,
      fillAt: (row, col) => (row === 1 && col === 0 ? '#FFEB9C' : null),
      owned: [
        {
          sheet: 'S',
          firstCol: 1,
          lastCol: 1,
          headerRow: 0,
          ownsHeader: true,
          firstRow: 1,
          lastRow: 1,
          previousWidths: [null],
        },
        // Another sheet's block is not drawn here.
        {
          sheet: 'T',
          firstCol: 0,
          lastCol: 0,
          headerRow: 0,
          ownsHeader: true,
          firstRow: 1,
          lastRow: 1,
          previousWidths: [null],
        },
      ],
      selection: 'S!A2',
      minRows: 2,
      minCols: 2,
    });
    expect(view.columns.map((c) => [c.letter, c.widthPx, c.owned])).toEqual([
      ['A', null, false],
      ['B', 120, true],
    ]);
    const cells = view.rows.flatMap((r) => r.cells);
    expect(cells.map((c) => [c.a1, c.fill, c.owned, c.selected])).toEqual([
      ['A1', null, false, false],
      ['B1', null, true, false],
      ['A2', '#FFEB9C', false, true],
      ['B2', null, true, false],
    ]);
    expect(view.selection).toEqual({ top: 1, left: 0, bottom: 1, right: 0 });
  });

  it('scales data bars to the largest value of the rule’s range', () => {
    const sheet = sheetSnapshot({
      values: { A1: 50, A2: 100, A3: 25 },
      conditionalFormats: [
        {
          priority: 0,
          type: 'DataBar',
          ranges: ['A1:A3'],
          bar: { direction: 'LeftToRight', fillColor: '#5B9BD5', gradient: false },
        },
      ],
    });
    const view = buildSheetView({ sheet, owned: [], selection: null, minRows: 3, minCols: 1 });
    expect(view.rows.map((r) => r.cells[0]?.bar?.fraction)).toEqual([0.5, 1, 0.25]);
  });

  it('draws at most maxRows rows, moving the window to a selection further down', () => {
    const values: Record<string, string> = {};
    for (let r = 1; r <= 100; r++) values[`A${String(r)}`] = String(r);
    const sheet = sheetSnapshot({ values });
    const top = buildSheetView({ sheet, owned: [], selection: null, maxRows: 20 });
    expect(top.rows.map((r) => r.row)).toEqual([...Array(20).keys()]);
    expect(top.rowsLeftOut).toBe(80);
    // Row 91 (index 90) selected: the window starts a quarter of its height (5 rows) above it.
    const down = buildSheetView({ sheet, owned: [], selection: 'A91', maxRows: 20 });
    expect(down.rows[0]?.row).toBe(85);
    expect(down.rows.at(-1)?.row).toBe(99);
  });

  it('converts points to CSS pixels at 96 dpi', () => {
    expect(pointsToPx(48)).toBe(64);
    expect(pointsToPx(15)).toBe(20);
  });
});

describe('settingsOf', () => {
  it('reads the owned marks from the settings sheet in the snapshot', () => {
    const json = JSON.stringify({
      app: 'duban',
      version: 1,
      owned: {
        sheets: ['通报'],
        columns: [
          {
            sheet: '任务台账',
            firstCol: 18,
            lastCol: 21,
            headerRow: 1,
            ownsHeader: false,
            firstRow: 2,
            lastRow: 162,
            previousWidths: [null, null, null, null],
          },
        ],
        rules: [],
      },
    });
    const fake = createFakeExcel({
      sheets: [
        { name: '任务台账', cells: [['编号']] },
        // The JSON cut in two pieces, as the writer does above 30,000 characters.
        {
          name: '督办助手设置',
          visibility: 'veryHidden',
          cells: [['duban-settings'], [json.slice(0, 40)], [json.slice(40)]],
        },
      ],
    });
    const settings = settingsOf(fake.snapshot());
    expect(settings?.owned.sheets).toEqual(['通报']);
    expect(settings?.owned.columns.map((c) => [c.sheet, c.firstCol, c.lastCol])).toEqual([
      ['任务台账', 18, 21],
    ]);
  });

  it('is null without a settings sheet', () => {
    const snapshot: FakeSnapshot = createFakeExcel({ sheets: [{ name: 'S', cells: [['x']] }] }).snapshot();
    expect(settingsOf(snapshot)).toBeNull();
  });
});

describe('crossRealmExcel', () => {
  it('accepts a batch returning another realm’s thenable, and still refuses a batch returning no promise', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: [['a']] }] });
    const excel = crossRealmExcel(fake.Excel);
    // A thenable that is not this realm's Promise, as the iframe's promises are to the page's fake.
    const foreign = (value: string): Promise<string> =>
      ({ then: (resolve: (v: string) => unknown) => resolve(value) }) as unknown as Promise<string>;
    await expect(excel.run(() => foreign('ok'))).resolves.toBe('ok');
    // Through the fake directly, the same batch is refused as Office.js refuses it.
    await expect(fake.Excel.run(() => foreign('ok'))).rejects.toThrow(FakeOfficeError);
    await expect(excel.run((() => 'no promise') as unknown as () => Promise<string>)).rejects.toThrow(
      'must return a promise',
    );
  });
});

describe('the playground server', () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground();
  }, 300_000);

  afterAll(async () => {
    await playground.close();
  });

  /** GET a raw path (not normalised the way `fetch` normalises URLs). */
  function rawGet(pathname: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(`${playground.origin}${pathname}`, { method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('listens on the loopback address only', () => {
    expect(playground.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the page with a CSP allowing nothing but itself', async () => {
    const html = await (await fetch(`${playground.origin}/`)).text();
    expect(html).toContain('<title>督办助手试用台</title>');
    expect(html).toContain("default-src 'self'");
  });

  it('serves taskpane.html with the playground stub in place of Office.js, CSP untouched', async () => {
    const html = await (await fetch(`${playground.origin}/pane/taskpane.html`)).text();
    expect(html).toContain('office-playground.js');
    expect(html).not.toContain(OFFICE_JS_URL);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  });

  it('lists the seed workbooks, the table first', async () => {
    const list = (await (await fetch(`${playground.origin}/api/workbooks`)).json()) as {
      default: string;
      workbooks: { id: string }[];
    };
    expect(list.default).toBe('taishan-2024');
    expect(list.workbooks.map((w) => w.id)).toEqual(['taishan-2024', 'taishan-2024-ledger-q2']);
  });

  it('reads an .xlsx the page sends, and refuses bytes that are not one', async () => {
    const bytes = readFileSync(SEED_SOURCES[0]?.file ?? '');
    const ok = await fetch(`${playground.origin}/api/open`, {
      method: 'POST',
      headers: { 'X-File-Name': encodeURIComponent('我的表.xlsx') },
      body: bytes,
    });
    expect(ok.status).toBe(200);
    const workbook = JSON.parse(await ok.text(), hostReviver) as {
      fileName: string;
      host: { sheets: { name: string }[] };
    };
    expect(workbook.fileName).toBe('我的表.xlsx');
    expect(workbook.host.sheets.map((s) => s.name)).toEqual(['分解表']);

    const bad = await fetch(`${playground.origin}/api/open`, { method: 'POST', body: 'not a workbook' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '无法读取这个文件：它不是有效的 .xlsx 工作簿' });
  });

  it('serves nothing outside the pane build', async () => {
    await expect(rawGet('/pane/..%2Fpackage.json')).resolves.toBe(404);
    await expect(rawGet('/pane/..%2F..%2F..%2Fpackage.json')).resolves.toBe(404);
    await expect(rawGet('/api/workbooks/nope')).resolves.toBe(404);
  });
});
