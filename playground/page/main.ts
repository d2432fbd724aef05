/**
 * The playground page: a workbook in the strict fake Excel on the left, drawn as a grid, and the real task
 * pane in an iframe on the right, talking to that fake through `Office` / `Excel` globals the page defines
 * in the iframe (pane-binding.ts). Everything runs in the browser; the loopback server only serves files and
 * turns .xlsx files into workbook data.
 *
 * The page's query string sets the simulated host, as Office passes host details to a pane:
 * `?lang=en-US` (Office's display language, default zh-CN), `?excelApi=1.8` (the highest ExcelApi set,
 * default a current Microsoft 365), `?theme=dark`, `?workbook=<id>` (which workbook to open first).
 *
 * `window.__dubanPlayground` is also what the browser tests read: the fake, its snapshot taken when the
 * workbook was loaded, the selection and a render counter.
 */
import { createFakeExcelOver, type FakeExcel } from '../../test/fake-excel/fake-excel.ts';
import type { FakeSnapshot } from '../../test/fake-excel/fake-snapshot.ts';
import { columnLetters } from '../../src/core/grid.ts';
import { readStubQuery } from '../../test/browser/office-stub.ts';
import { hostReviver } from '../host-transfer.ts';
import type { PlaygroundWorkbook } from '../workbooks.ts';
import { renderSheet } from './grid-view.ts';
import { settingsOf } from './owned.ts';
import { bindPane } from './pane-binding.ts';
import { buildSheetView } from './sheet-view.ts';

/** A workbook offered by the picker. */
interface WorkbookEntry {
  readonly id: string;
  readonly label: string;
}

/** What the page exposes on `window.__dubanPlayground`. */
export interface PlaygroundApi {
  /** Called by the iframe's office-playground.js. */
  bindPane(target: Window): void;
  /** The fake holding the open workbook. */
  readonly fake: FakeExcel | null;
  /** The document as it was when the workbook was opened. */
  readonly loadedSnapshot: FakeSnapshot | null;
  /** The workbook open now. */
  readonly workbookId: string | null;
  /** Grids drawn so far (the tests wait for a redraw through it). */
  readonly renders: number;
  /** Resolves once the first workbook is open and the pane's frame is loading. */
  readonly ready: Promise<void>;
  /** Open a workbook from the picker by id. */
  open(id: string): Promise<void>;
}

const query = readStubQuery(window.location.search);
const firstWorkbook = new URLSearchParams(window.location.search).get('workbook');

/** The page's element `#id`, checked to be of the kind the code expects. */
function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`playground page has no #${id} of the expected kind`);
  return element;
}

const picker = byId('workbook-picker', HTMLSelectElement);
const openButton = byId('open-file', HTMLButtonElement);
const fileInput = byId('file-input', HTMLInputElement);
const reloadButton = byId('reload-workbook', HTMLButtonElement);
const gridBox = byId('grid', HTMLDivElement);
const tabs = byId('sheet-tabs', HTMLDivElement);
const nameBox = byId('name-box', HTMLOutputElement);
const status = byId('status', HTMLParagraphElement);
const showHidden = byId('show-hidden', HTMLInputElement);
const frame = byId('pane', HTMLIFrameElement);

let fake: FakeExcel | null = null;
let loadedSnapshot: FakeSnapshot | null = null;
let workbookId: string | null = null;
let stopListening: (() => void) | null = null;
let renders = 0;
/** A hidden sheet the user asked to look at (hidden sheets cannot be active); null: show the active one. */
let hiddenSheetShown: string | null = null;
let lastActive = '';
let lastSelection = '';
let renderQueued = false;
let lastRenderAt = 0;
/** Least time between two redraws: a long pane operation syncs many times, and the pane shares the thread. */
const MIN_RENDER_GAP_MS = 200;
/** Workbooks opened from disk in this page, by id, as the server's JSON (the server keeps nothing). */
const opened = new Map<string, string>();
/** Cells whose fill the fake could not work out (a conditional format it does not evaluate). */
let unknownFills = 0;

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.dataset['kind'] = kind;
}

function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  const wait = Math.max(0, lastRenderAt + MIN_RENDER_GAP_MS - performance.now());
  setTimeout(() => {
    requestAnimationFrame(() => {
      renderQueued = false;
      render();
    });
  }, wait);
}

function sheetTab(name: string, shown: boolean, owned: boolean, hidden: boolean): HTMLButtonElement {
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.setAttribute('role', 'tab');
  tab.setAttribute('aria-selected', String(shown));
  tab.tabIndex = shown ? 0 : -1;
  tab.textContent = name;
  if (owned) {
    tab.dataset['owned'] = 'true';
    tab.title = '督办助手写入的工作表';
  }
  if (hidden) tab.classList.add('hidden-sheet');
  tab.addEventListener('click', () => {
    void showSheet(name, hidden);
  });
  return tab;
}

/** Show a sheet: a visible one is activated in the fake, as clicking a sheet tab in Excel does. */
async function showSheet(name: string, hidden: boolean): Promise<void> {
  const current = fake;
  if (!current) return;
  if (hidden) {
    hiddenSheetShown = name;
    scheduleRender();
    return;
  }
  hiddenSheetShown = null;
  try {
    await current.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  } catch (error) {
    say(`无法切换到工作表“${name}”：${error instanceof Error ? error.message : String(error)}`, 'error');
  }
  scheduleRender();
}

function render(): void {
  const current = fake;
  if (!current) return;
  const started = performance.now();
  const snapshot = current.snapshot();
  const selection = current.selection();
  const selectionKey = selection ? `${selection.sheet}!${selection.address}` : '';
  const scrollToSelection = selectionKey !== lastSelection;
  lastSelection = selectionKey;
  if (scrollToSelection && selection) hiddenSheetShown = null;
  if (snapshot.active !== lastActive) {
    // The pane (or a tab click) activated another sheet: follow it.
    lastActive = snapshot.active;
    hiddenSheetShown = null;
  }
  const settings = settingsOf(snapshot);
  const ownedSheets = new Set(settings?.owned.sheets ?? []);
  const shownName =
    hiddenSheetShown !== null && snapshot.sheets.some((s) => s.name === hiddenSheetShown)
      ? hiddenSheetShown
      : snapshot.active;
  const sheet = snapshot.sheets.find((s) => s.name === shownName) ?? snapshot.sheets[0];
  if (!sheet) return;

  unknownFills = 0;
  const view = buildSheetView({
    sheet,
    fillAt: (row, col) => {
      try {
        return current.effectiveFill(sheet.name, row, col);
      } catch {
        // A rule shape the fake does not evaluate (the user's own conditional formats): the cell's own fill.
        unknownFills++;
        return sheet.styles[`${columnLetters(col)}${String(row + 1)}`]?.fill ?? null;
      }
    },
    owned: settings?.owned.columns ?? [],
    selection: selection !== null && selection.sheet === sheet.name ? selection.address : null,
  });
  const scrollTop = gridBox.scrollTop;
  const scrollLeft = gridBox.scrollLeft;
  const selectedCell = renderSheet(gridBox, view);
  gridBox.scrollTop = scrollTop;
  gridBox.scrollLeft = scrollLeft;
  if (scrollToSelection && selectedCell) selectedCell.scrollIntoView({ block: 'nearest', inline: 'nearest' });

  const tabButtons: HTMLButtonElement[] = [];
  for (const s of [...snapshot.sheets].sort((a, b) => a.position - b.position)) {
    const hidden = s.visibility !== 'Visible';
    if (hidden && !showHidden.checked) continue;
    tabButtons.push(sheetTab(s.name, s.name === sheet.name, ownedSheets.has(s.name), hidden));
  }
  tabs.replaceChildren(...tabButtons);

  nameBox.value = selection ? `${selection.sheet}!${selection.address}` : '';
  const ownedColumns = view.columns.filter((c) => c.owned).map((c) => c.letter);
  const parts = [`工作表“${sheet.name}”`];
  if (ownedColumns.length > 0) parts.push(`督办助手写入的列：${ownedColumns.join('、')}`);
  const rules = sheet.conditionalFormats.length;
  if (rules > 0) parts.push(`条件格式 ${String(rules)} 条`);
  if (view.rowsLeftOut > 0) parts.push(`另有 ${String(view.rowsLeftOut)} 行未显示`);
  if (unknownFills > 0) parts.push(`${String(unknownFills)} 个单元格的条件格式颜色无法模拟`);
  parts.push(`${(performance.now() - started).toFixed(0)} ms`);
  say(parts.join(' · '));
  renders++;
  lastRenderAt = performance.now();
}

/** The server's answer as text (a workbook is parsed with {@link hostReviver}); errors as exceptions. */
async function fetchText(url: string, init?: RequestInit): Promise<string> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    let message = `HTTP ${String(response.status)}`;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // not JSON: keep the status
    }
    throw new Error(message);
  }
  return text;
}

function parseWorkbook(text: string): PlaygroundWorkbook {
  return JSON.parse(text, hostReviver) as PlaygroundWorkbook;
}

/** Put a workbook into a new fake, draw it and (re)load the pane over it. */
function install(workbook: PlaygroundWorkbook): void {
  stopListening?.();
  stopListening = null;
  const next: FakeExcel = createFakeExcelOver(workbook.host, {
    displayLanguage: query.displayLanguage,
    maxExcelApi: query.maxExcelApi,
  });
  fake = next;
  workbookId = workbook.id;
  loadedSnapshot = next.snapshot();
  lastActive = '';
  lastSelection = '';
  hiddenSheetShown = null;
  stopListening = next.onDocumentChange(scheduleRender);
  document.title = `${workbook.fileName} · 督办助手试用台`;
  render();
  if (workbook.note !== null) say(workbook.note, 'error');
  // A fresh pane for a fresh workbook, as reopening the add-in in another workbook.
  const paneUrl = `pane/taskpane.html${window.location.search}`;
  if (frame.getAttribute('src') === paneUrl) frame.contentWindow?.location.reload();
  else frame.setAttribute('src', paneUrl);
}

async function open(id: string): Promise<void> {
  say('正在打开工作簿…');
  const text = opened.get(id) ?? (await fetchText(`api/workbooks/${encodeURIComponent(id)}`));
  install(parseWorkbook(text));
  picker.value = id;
}

async function openFile(file: File): Promise<void> {
  say(`正在读取“${file.name}”…`);
  const bytes = await file.arrayBuffer();
  const text = await fetchText('api/open', {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
    body: bytes,
  });
  const workbook = parseWorkbook(text);
  const id = `opened-${String(opened.size + 1)}`;
  opened.set(id, text);
  const option = document.createElement('option');
  option.value = id;
  option.textContent = `已打开：${workbook.fileName}`;
  picker.append(option);
  install({ ...workbook, id });
  picker.value = id;
}

async function start(): Promise<void> {
  const list = JSON.parse(await fetchText('api/workbooks')) as {
    default: string;
    workbooks: WorkbookEntry[];
  };
  picker.replaceChildren(
    ...list.workbooks.map((w) => {
      const option = document.createElement('option');
      option.value = w.id;
      option.textContent = w.label;
      return option;
    }),
  );
  const first = list.workbooks.some((w) => w.id === firstWorkbook) ? (firstWorkbook ?? '') : list.default;
  await open(first);
}

picker.addEventListener('change', () => {
  open(picker.value).catch((error: unknown) => {
    say(`无法打开工作簿：${error instanceof Error ? error.message : String(error)}`, 'error');
  });
});
openButton.addEventListener('click', () => {
  fileInput.click();
});
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  openFile(file).catch((error: unknown) => {
    say(`无法打开“${file.name}”：${error instanceof Error ? error.message : String(error)}`, 'error');
  });
});
reloadButton.addEventListener('click', () => {
  if (workbookId === null) return;
  open(workbookId).catch((error: unknown) => {
    say(`无法重新打开：${error instanceof Error ? error.message : String(error)}`, 'error');
  });
});
showHidden.addEventListener('change', () => {
  if (!showHidden.checked) hiddenSheetShown = null;
  scheduleRender();
});

// Click a cell to select it, as a user would in Excel (the fake then reports that selection).
gridBox.addEventListener('click', (event) => {
  const td = (event.target as HTMLElement).closest('td');
  const current = fake;
  const a1 = td?.dataset['cell'];
  if (!td || !current || a1 === undefined || hiddenSheetShown !== null) return;
  try {
    current.userSelect(current.snapshot().active, a1);
  } catch (error) {
    say(`无法选中 ${a1}：${error instanceof Error ? error.message : String(error)}`, 'error');
  }
});

// Double-click a cell to type into it, as a user would in Excel (the pane's change handlers see it).
gridBox.addEventListener('dblclick', (event) => {
  const td = (event.target as HTMLElement).closest('td');
  const current = fake;
  const a1 = td?.dataset['cell'];
  if (!td || !current || a1 === undefined) return;
  const sheet = hiddenSheetShown ?? current.snapshot().active;
  const input = document.createElement('input');
  input.className = 'cell-editor';
  input.value = td.textContent;
  input.setAttribute('aria-label', `编辑 ${sheet}!${a1}`);
  td.replaceChildren(input);
  input.focus();
  let done = false;
  const finish = (commit: boolean): void => {
    if (done) return;
    done = true;
    if (!commit) {
      scheduleRender();
      return;
    }
    current.userEdit(sheet, a1, input.value).then(scheduleRender, (error: unknown) => {
      say(`模拟 Excel 不接受这个输入：${error instanceof Error ? error.message : String(error)}`, 'error');
      scheduleRender();
    });
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') finish(true);
    if (e.key === 'Escape') finish(false);
  });
  input.addEventListener('blur', () => {
    finish(true);
  });
});

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

const api: PlaygroundApi = {
  bindPane(target: Window): void {
    if (!fake) throw new Error('the playground has no workbook open yet');
    bindPane(target as Window & { Office?: unknown; Excel?: unknown }, fake, query);
  },
  get fake() {
    return fake;
  },
  get loadedSnapshot() {
    return loadedSnapshot;
  },
  get workbookId() {
    return workbookId;
  },
  get renders() {
    return renders;
  },
  ready,
  open,
};
Reflect.set(window, '__dubanPlayground', api);

start().then(resolveReady, (error: unknown) => {
  say(`试用台未能启动：${error instanceof Error ? error.message : String(error)}`, 'error');
});
