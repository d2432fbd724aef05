/**
 * A STRICT in-memory fake of the part of the Excel JavaScript API the add-in uses, backed by a
 * {@link WorkbookData}. It behaves like Office.js where our code could get it wrong:
 *
 * - every object is a proxy: methods and `load()` only queue work; nothing is read until `context.sync()`;
 * - reading a property that was not loaded *and* synced throws `PropertyNotLoaded` (an `OfficeExtension.Error`
 *   look-alike), as does reading `isNullObject` before the sync that resolves the object;
 * - a member above the configured API set (e.g. `getMergedAreasOrNullObject` with `maxExcelApi: '1.8'`) fails
 *   the sync with `ApiNotFound`, as a host too old for it would;
 * - `getItem` of a missing sheet fails the sync with `ItemNotFound`; `*OrNullObject` gives a null object;
 * - proxies from a finished `Excel.run` or from another context throw `InvalidRequestContext`;
 * - a proxy whose request failed is evaluated again from its path when a later request uses it (as Office.js
 *   re-sends object paths), so it fails again while its cause (e.g. a missing sheet) persists;
 * - each round trip is counted and its payload estimated (see {@link FakeRequestStats}); a request or response
 *   over Excel on the web's 5 MB limit fails with `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded`, and reading more than 5,000,000 cells with `RangeExceedsLimit`.
 *
 * Where Office's behaviour is undocumented the fake takes the stricter reading and says so: navigating from a
 * null object (e.g. `getUsedRangeOrNullObject().getRow(0)` on a blank sheet) fails the sync with
 * `InvalidObjectPath`; `getMergedAreasOrNullObject` over more than 512 merged areas (documented to "fail")
 * fails with `GeneralException`; merged areas that only partly overlap the range are returned whole.
 *
 * Writes (issue 6) use the same queue. A property set or a method call is an action sent with the next
 * `context.sync()` and processed in order with the reads; the written values count toward the request's bytes.
 * The host checks each write as Excel does — shapes (`values` / `numberFormat` must match the range exactly),
 * enum words, colours, sheet names (`ItemAlreadyExists`), protection (`AccessDenied`), the API set
 * (`ApiNotFound` for members above `maxExcelApi`) — and a failing action rejects the sync while the actions
 * before it STAY applied (Excel is not transactional). Members the fake does not model throw
 * {@link FakeNotModelledError} the moment they are touched, instead of reading `undefined`.
 *
 * Test hooks beyond Office.js: {@link FakeExcel.failAtWrite}, {@link FakeExcel.userEdit},
 * {@link FakeExcel.snapshot}, {@link FakeExcel.selection}, {@link FakeExcel.userSelect},
 * {@link FakeExcel.onDocumentChange}; `export-xlsx.ts`, `from-xlsx.ts`, `from-host-data.ts` and
 * `effective-fill.ts` build on the host. This module (and those it imports) must stay free of `node:*` and
 * exceljs: the playground bundles it for the browser (`from-host-data.test.ts` checks).
 */
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { FakeNotModelledError, FakeOfficeError, type FakeErrorCode } from './fake-errors.ts';
import {
  cellAtHost,
  dataFromHost,
  formatAddress,
  formatAt,
  hostFromData,
  intersect,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  parseLocalAddress,
  usedRect,
  type HostChart,
  type HostHyperlink,
  type HostRange,
  type HostSheet,
  type HostWorkbook,
} from './fake-host.ts';
import {
  activateSheet,
  addChart,
  addSheet,
  cellArg,
  clearRange,
  deleteSheet,
  enumWord,
  freezeRows,
  guardSheetOnly,
  hyperlinkOf,
  localAddress,
  mergeRange,
  PAPER_SIZES,
  protectSheet,
  protectWorkbook,
  readableCell,
  renameSheet,
  selectedRange,
  selectRange,
  setHyperlink,
  setPosition,
  setPrintTitleRows,
  setVisibility,
  setZoom,
  unmergeRange,
  writeNumberFormats,
  writeValues,
} from './fake-ops.ts';
import {
  FakeClientObject,
  FakeRequestContext,
  MERGED_AREAS_LIMIT,
  navPath,
  commitItems,
  defineAccessors,
  READ_CELL_LIMIT,
  supports,
  type FakeStats,
  type HostState,
  type ObjectSpec,
  type PathInfo,
  type Staged,
} from './fake-core.ts';
import { FakeConditionalFormatCollection, FakeDataValidation, FakeRangeFormat } from './fake-range-parts.ts';
import { snapshotHost, type FakeSnapshot } from './fake-snapshot.ts';
import { effectiveFill } from './effective-fill.ts';

let xlsxExporter: ((doc: HostWorkbook) => Promise<Buffer>) | null = null;

/** Called by `export-xlsx.ts` when it loads: gives `fake.exportXlsx()` its implementation. */
export function registerXlsxExporter(exporter: (doc: HostWorkbook) => Promise<Buffer>): void {
  xlsxExporter = exporter;
}

export { FakeOfficeError, FakeNotModelledError } from './fake-errors.ts';
export { isoToSerial } from './fake-host.ts';
export type { FakeSnapshot } from './fake-snapshot.ts';
export {
  FakeClientObject,
  FakeClientResult,
  FakeRequestContext,
  MERGED_AREAS_LIMIT,
  PAYLOAD_LIMIT_BYTES,
  READ_CELL_LIMIT,
  type FakeRequestStats,
  type FakeStats,
} from './fake-core.ts';
export * from './fake-range-parts.ts';

/** Options of {@link createFakeExcel}. */
export interface FakeExcelOptions {
  /** Highest ExcelApi set the simulated host supports (default `1.17`, a current Microsoft 365). */
  readonly maxExcelApi?: string;
  /** Other requirement sets and their highest version, e.g. `{ DialogApi: '1.2' }`. */
  readonly otherSets?: Readonly<Record<string, string>>;
  /** `Office.context.displayLanguage` (default `zh-CN`). */
  readonly displayLanguage?: string;
}

/** `Office.context.requirements` as the fake host answers it. */
export interface FakeRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The Excel namespace subset: `run` and `RequestContext`. */
export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  readonly RequestContext: new () => FakeRequestContext;
}

/** The selection {@link FakeExcel.selection} reports. */
export interface FakeSelection {
  readonly sheet: string;
  /** Local address: `B3`, `A1:C5`. */
  readonly address: string;
}

/** Everything {@link createFakeExcel} returns. */
export interface FakeExcel {
  readonly Excel: FakeExcelNamespace;
  readonly requirements: FakeRequirements;
  /** The part of the `Office` global the add-in reads. */
  readonly Office: {
    readonly context: { readonly requirements: FakeRequirements; readonly displayLanguage: string };
  };
  readonly stats: FakeStats;
  /** The workbook as it is now, as plain data. */
  exportData(): WorkbookData;
  /** Make the next round trip(s) fail with this code, as a busy or locked Excel would. */
  failNextSync(code: FakeErrorCode, message?: string, times?: number): void;
  /** Forget the counters (e.g. after setting a test up). */
  resetStats(): void;
  /**
   * Make the n-th write action from now (1-based; property sets, method calls, `add`s) fail with `code`.
   * The actions before it in that request stay applied, the ones after it are not processed.
   */
  failAtWrite(n: number, code?: FakeErrorCode, message?: string): void;
  /**
   * Change one cell as the user would (typed text is parsed like a write) and fire the sheet's `onChanged`
   * handlers with `triggerSource: 'Others'`. Resolves once the handlers have run.
   */
  userEdit(sheet: string, a1: string, value: string | number | boolean): Promise<void>;
  /** A deep, plain, canonically ordered copy of the whole document: `expect(after).toEqual(before)`. */
  snapshot(): FakeSnapshot;
  /**
   * What `workbook.getSelectedRange()` would give: the active sheet and its selection as a local address
   * (`B3`, `A1:C5`); null when nothing was selected on the active sheet (Excel then shows A1 selected).
   * Not part of {@link snapshot}: selecting changes no content (activating a sheet does change `active`).
   */
  selection(): FakeSelection | null;
  /**
   * Select cells as the user would (activates the sheet; a hidden sheet throws). Notifies
   * {@link onDocumentChange} listeners.
   */
  userSelect(sheet: string, address: string): void;
  /**
   * Call `listener` (asynchronously, after the change is in place) whenever the document changed: after a
   * sync that applied at least one write (also one that failed after applying some), after
   * {@link userEdit} and after a selection change. Returns the function that unsubscribes it.
   */
  onDocumentChange(listener: () => void): () => void;
  /**
   * The document as .xlsx bytes (exceljs). The exporter lives in `export-xlsx.ts` so that this module stays
   * free of exceljs for the browser bundle: import that module (or `from-xlsx.ts`) first, else this rejects.
   */
  exportXlsx(): Promise<Buffer>;
  /**
   * The fill Excel would show in a cell (`#RRGGBB`, null for none): the cell's own fill overridden by the
   * first matching Custom conditional format. Rules other than `=$V3="x"` / `=OR($V3="a",…)` throw
   * {@link FakeNotModelledError}. `row` and `col` are 0-based.
   */
  effectiveFill(sheet: string, row: number, col: number): string | null;
  /** @internal The live host document (for the xlsx export and the effective-fill evaluator). */
  readonly host: HostWorkbook;
}

// ---------------------------------------------------------------------------------------------------------
// workbook and worksheets

/** `Excel.WorkbookProtection` (ExcelApi 1.7). */
export class FakeWorkbookProtection extends FakeClientObject<HostWorkbook> {
  declare readonly protected: boolean;
  /** Protect the workbook's structure (fails when it is protected already). */
  protect(password?: string): void {
    this._call('protect', password === undefined ? [] : [password]);
  }
  /** Unprotect it. */
  unprotect(password?: string): void {
    this._call('unprotect', password === undefined ? [] : [password]);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return WORKBOOK_PROTECTION_SPEC;
  }
}
const WORKBOOK_PROTECTION_SPEC: ObjectSpec<HostWorkbook> = {
  props: { protected: { api: '1.7', read: (doc) => doc.protected } },
  methods: {
    protect: {
      api: '1.7',
      run: (doc) => {
        protectWorkbook(doc, true);
      },
    },
    unprotect: {
      api: '1.7',
      run: (doc) => {
        protectWorkbook(doc, false);
      },
    },
  },
};
defineAccessors(FakeWorkbookProtection.prototype, WORKBOOK_PROTECTION_SPEC);

/** `Excel.Workbook` (its worksheets and protection). */
export class FakeWorkbook extends FakeClientObject<HostWorkbook> {
  /** @internal */
  constructor(context: FakeRequestContext) {
    super(context, null, context._host.doc);
  }

  /** The worksheets collection (a navigation property: created once per workbook proxy). */
  get worksheets(): FakeWorksheetCollection {
    return this._nav(
      'worksheets',
      () =>
        new FakeWorksheetCollection(
          this.context,
          navPath(this, 'Worksheets', '1.1', (p) => p),
        ),
    );
  }

  /** Workbook protection (ExcelApi 1.7). */
  get protection(): FakeWorkbookProtection {
    return this._nav(
      'protection',
      () =>
        new FakeWorkbookProtection(
          this.context,
          navPath(this, 'Protection', '1.7', (p) => p),
        ),
    );
  }

  /**
   * The selected range: the active sheet's selection, A1 when nothing was selected there (ExcelApi 1.1).
   * Evaluated in order with the request's other actions, so it sees a `select()` queued before it.
   */
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.context,
      navPath(this, 'GetSelectedRange', '1.1', (doc) => selectedRange(doc as HostWorkbook), {
        type: 'method',
      }),
    );
  }

  /** @internal */ override _resolve(): HostWorkbook {
    return this.context._host.doc;
  }
  /** @internal */ override _propertyApi(): string | undefined {
    return undefined;
  }
  /** @internal */ override _readProp(): unknown {
    throw new FakeNotModelledError('Workbook properties');
  }
  protected override _scalarProps(): readonly string[] {
    return [];
  }
}

const WORKSHEET_PROPS: Readonly<Record<string, string>> = {
  name: '1.1',
  visibility: '1.1',
  position: '1.1',
  id: '1.1',
};
/** Loaded by `items` without a selection (Office.js loads every scalar property). */
const WORKSHEET_ITEM_PROPS = ['name', 'visibility', 'position'];

/** `Excel.WorksheetCollection`. */
export class FakeWorksheetCollection extends FakeClientObject<HostWorkbook> {
  private readonly itemsCache: FakeWorksheet[] = [];

  /** Get a sheet by name (case-insensitive, like Excel); the sync fails with `ItemNotFound` when missing. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, {
      parent: this,
      name: 'GetItem',
      args: [key],
      api: '1.1',
      type: 'method',
    });
  }

  /** Get a sheet by name, or a null object. */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, {
      parent: this,
      name: 'GetItemOrNullObject',
      args: [key],
      api: '1.4',
      type: 'method',
    });
  }

  /** The active sheet. */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, {
      parent: this,
      name: 'GetActiveWorksheet',
      args: [],
      api: '1.1',
      type: 'method',
    });
  }

  /**
   * Add a visible, empty sheet at the end. The sync fails with `ItemAlreadyExists` when the name is taken
   * (ignoring case), `InvalidArgument` for a name Excel refuses, `AccessDenied` in a protected workbook.
   */
  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      navPath(this, 'Add', '1.1', (doc) => addSheet(doc as HostWorkbook, name), {
        type: 'method',
        args: name === undefined ? [] : [name],
        sideEffect: true,
      }),
    );
  }

  /** The loaded sheets; throws `PropertyNotLoaded` until the collection was loaded and synced. */
  get items(): FakeWorksheet[] {
    return this._get('items') as FakeWorksheet[];
  }

  /** @internal */ override _resolve(parent: unknown): HostWorkbook {
    return parent as HostWorkbook;
  }
  /** @internal */ override _propertyApi(prop: string): string | undefined {
    if (prop === 'items') return '1.1';
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    return WORKSHEET_PROPS[bare];
  }
  /** @internal */ override _readProp(target: unknown, prop: string, staged: Staged): unknown {
    const doc = target as HostWorkbook;
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    const fields = bare === 'items' ? WORKSHEET_ITEM_PROPS : [bare];
    const readers = new Map(fields.map((f) => [f, (sheet: HostSheet) => worksheetProp(doc, sheet, f)]));
    const sheets = [...doc.sheets];
    staged.afterCommit.push(() => {
      commitItems(
        this,
        this.itemsCache,
        sheets,
        (sheet) => FakeWorksheet._item(this.context, sheet),
        readers,
      );
    });
    return sheets.map((sheet) => Object.fromEntries(fields.map((f) => [f, worksheetProp(doc, sheet, f)])));
  }
  protected override _scalarProps(): readonly string[] {
    return ['items'];
  }
}

function worksheetProp(doc: HostWorkbook, sheet: HostSheet, prop: string): unknown {
  switch (prop) {
    case 'name':
      return sheet.name;
    case 'visibility':
      return sheet.visibility;
    case 'position':
      return doc.sheets.indexOf(sheet);
    case 'id':
      return sheet.id;
    default:
      throw new FakeNotModelledError(`Worksheet.${prop}`);
  }
}

const WORKSHEET_SPEC: ObjectSpec<HostSheet> = {
  props: {
    name: {
      api: '1.1',
      write: (s, v, env) => {
        renameSheet(env.doc, s, v);
      },
    },
    visibility: {
      api: '1.1',
      write: (s, v, env) => {
        setVisibility(env.doc, s, v);
      },
    },
    position: {
      api: '1.1',
      write: (s, v, env) => {
        setPosition(env.doc, s, v);
      },
    },
  },
  methods: {
    delete: {
      api: '1.1',
      run: (s, _a, env) => {
        deleteSheet(env.doc, s);
      },
    },
    activate: {
      api: '1.1',
      run: (s, _a, env) => {
        activateSheet(env.doc, s);
      },
    },
    onChangedAdd: {
      api: '1.7',
      run: (s, args) => {
        const [id, handler] = args as [number, (a: unknown) => unknown];
        s.handlers.push({ id, handler });
      },
      changesDocument: false,
    },
    onChangedRemove: {
      api: '1.7',
      run: (s, args) => {
        s.handlers = s.handlers.filter((h) => h.id !== args[0]);
      },
      changesDocument: false,
    },
  },
};

let handlerIds = 0;

/** `OfficeExtension.EventHandlerResult`. */
export class FakeEventHandlerResult {
  readonly context: FakeRequestContext;
  private readonly sheet: FakeWorksheet;
  private readonly id: number;

  /** @internal */
  constructor(sheet: FakeWorksheet, id: number) {
    this.context = sheet.context;
    this.sheet = sheet;
    this.id = id;
  }

  /** Unregister the handler (queued: it takes effect with the next sync). */
  remove(): void {
    this.sheet._call('onChangedRemove', [this.id]);
  }
}

/** `OfficeExtension.EventHandlers` of `Worksheet.onChanged`. */
export class FakeEventHandlers {
  private readonly sheet: FakeWorksheet;

  /** @internal */
  constructor(sheet: FakeWorksheet) {
    this.sheet = sheet;
  }

  /** Register a handler (queued: it takes effect with the next sync, ExcelApi 1.7). */
  add(handler: (args: FakeWorksheetChangedEventArgs) => Promise<unknown>): FakeEventHandlerResult {
    if (typeof handler !== 'function')
      throw new FakeOfficeError('InvalidArgument', 'The handler must be a function.');
    const id = ++handlerIds;
    this.sheet._call('onChangedAdd', [id, handler]);
    return new FakeEventHandlerResult(this.sheet, id);
  }
}

/** What `Worksheet.onChanged` handlers receive. */
export interface FakeWorksheetChangedEventArgs {
  readonly worksheetId: string;
  /** Local address of the changed cells (`B3`, `A1:C4`). */
  readonly address: string;
  readonly changeType: 'RangeEdited';
  readonly source: 'Local';
  readonly type: 'WorksheetChanged';
  /** ExcelApi 1.14 hosts only: who made the change. */
  readonly triggerSource?: 'ThisLocalAddin' | 'Others';
}

/** `Excel.WorksheetProtection` (ExcelApi 1.2). */
export class FakeWorksheetProtection extends FakeClientObject<HostSheet> {
  declare readonly protected: boolean;
  /** Protect the sheet (fails when it is protected already). Options are accepted and not modelled. */
  protect(options?: object, password?: string): void {
    this._call('protect', [options ?? null, password ?? null]);
  }
  /** Unprotect the sheet. */
  unprotect(password?: string): void {
    this._call('unprotect', [password ?? null]);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return SHEET_PROTECTION_SPEC;
  }
}
const SHEET_PROTECTION_SPEC: ObjectSpec<HostSheet> = {
  props: { protected: { api: '1.2', read: (s) => s.protection.protected } },
  methods: {
    protect: {
      api: '1.2',
      run: (s) => {
        protectSheet(s, true);
      },
    },
    unprotect: {
      api: '1.2',
      run: (s) => {
        protectSheet(s, false);
      },
    },
  },
};
defineAccessors(FakeWorksheetProtection.prototype, SHEET_PROTECTION_SPEC);

/** `Excel.WorksheetFreezePanes` (ExcelApi 1.7): rows only. */
export class FakeWorksheetFreezePanes extends FakeClientObject<HostSheet> {
  /** Freeze the top `count` rows. */
  freezeRows(count?: number): void {
    this._call('freezeRows', count === undefined ? [] : [count]);
  }
  /** Remove frozen panes. */
  unfreeze(): void {
    this._call('unfreeze', []);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return FREEZE_SPEC;
  }
}
const FREEZE_SPEC: ObjectSpec<HostSheet> = {
  props: {},
  methods: {
    freezeRows: {
      api: '1.7',
      run: (s, a) => {
        freezeRows(s, a[0]);
      },
    },
    unfreeze: {
      api: '1.7',
      run: (s) => {
        freezeRows(s, 0);
      },
    },
  },
};

/** `Excel.PageLayout` (ExcelApi 1.9): orientation, paper, fit-to-pages zoom, title rows. */
export class FakePageLayout extends FakeClientObject<HostSheet> {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  declare centerHorizontally: boolean;
  /** Rows repeated on every printed page (`'$1:$2'` or a range). */
  setPrintTitleRows(rows: FakeRange | string): void {
    this._call('setPrintTitleRows', [rows]);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return PAGE_LAYOUT_SPEC;
  }
}
const PAGE_LAYOUT_SPEC: ObjectSpec<HostSheet> = {
  props: {
    orientation: {
      api: '1.9',
      read: (s) => s.pageLayout.orientation,
      write: (s, v) =>
        (s.pageLayout.orientation = enumWord(v, ['Portrait', 'Landscape'], 'PageLayout.orientation')),
    },
    paperSize: {
      api: '1.9',
      read: (s) => s.pageLayout.paperSize,
      write: (s, v) => (s.pageLayout.paperSize = enumWord(v, PAPER_SIZES, 'PageLayout.paperSize')),
    },
    zoom: {
      api: '1.9',
      read: (s) => ({ ...s.pageLayout.zoom }),
      write: (s, v) => {
        setZoom(s, v);
      },
    },
    centerHorizontally: {
      api: '1.9',
      read: (s) => s.pageLayout.centerHorizontally,
      write: (s, v) => {
        if (typeof v !== 'boolean')
          throw new FakeOfficeError('InvalidArgument', 'centerHorizontally: boolean.');
        s.pageLayout.centerHorizontally = v;
      },
    },
  },
  methods: {
    setPrintTitleRows: {
      api: '1.9',
      run: (s, a, env) => {
        const arg = a[0];
        if (typeof arg === 'string') {
          setPrintTitleRows(s, arg);
          return;
        }
        const r = env.target(arg, 'setPrintTitleRows') as HostRange;
        setPrintTitleRows(s, `$${r.top + 1}:$${r.bottom + 1}`);
      },
    },
  },
};
defineAccessors(FakePageLayout.prototype, PAGE_LAYOUT_SPEC);

/** `Excel.ChartTitle`. */
export class FakeChartTitle extends FakeClientObject<ChartTarget> {
  declare text: string;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CHART_TITLE_SPEC;
  }
}
interface ChartTarget {
  readonly sheet: HostSheet;
  readonly chart: HostChart;
}
function liveChart(t: ChartTarget): HostChart {
  if (!t.sheet.charts.includes(t.chart))
    throw new FakeOfficeError('ItemNotFound', 'The chart has been deleted.');
  return t.chart;
}
const CHART_TITLE_SPEC: ObjectSpec<ChartTarget> = {
  props: {
    text: {
      api: '1.1',
      read: (t) => liveChart(t).title ?? '',
      write: (t, v) => {
        if (typeof v !== 'string')
          throw new FakeOfficeError('InvalidArgument', 'ChartTitle.text must be text.');
        guardSheetOnly(t.sheet, 'ChartTitle.text');
        liveChart(t).title = v;
      },
    },
  },
};
defineAccessors(FakeChartTitle.prototype, CHART_TITLE_SPEC);

/** `Excel.ChartLegend`. */
export class FakeChartLegend extends FakeClientObject<ChartTarget> {
  declare visible: boolean;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CHART_LEGEND_SPEC;
  }
}
const CHART_LEGEND_SPEC: ObjectSpec<ChartTarget> = {
  props: {
    visible: {
      api: '1.1',
      read: (t) => liveChart(t).legendVisible,
      write: (t, v) => {
        if (typeof v !== 'boolean')
          throw new FakeOfficeError('InvalidArgument', 'ChartLegend.visible: boolean.');
        guardSheetOnly(t.sheet, 'ChartLegend.visible');
        liveChart(t).legendVisible = v;
      },
    },
  },
};
defineAccessors(FakeChartLegend.prototype, CHART_LEGEND_SPEC);

/** `Excel.Chart`. */
export class FakeChart extends FakeClientObject<ChartTarget> {
  declare readonly name: string;
  declare readonly chartType: string;
  get title(): FakeChartTitle {
    return this._nav(
      'title',
      () =>
        new FakeChartTitle(
          this.context,
          navPath(this, 'Title', '1.1', (p) => p),
        ),
    );
  }
  get legend(): FakeChartLegend {
    return this._nav(
      'legend',
      () =>
        new FakeChartLegend(
          this.context,
          navPath(this, 'Legend', '1.1', (p) => p),
        ),
    );
  }
  /** Place the chart over `startCell` … `endCell`. */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call('setPosition', endCell === undefined ? [startCell] : [startCell, endCell]);
  }
  /** Delete the chart. */
  delete(): void {
    this._call('delete', []);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CHART_SPEC;
  }
}
const CHART_SPEC: ObjectSpec<ChartTarget> = {
  props: {
    name: { api: '1.1', read: (t) => liveChart(t).name },
    chartType: { api: '1.7', read: (t) => liveChart(t).type },
  },
  methods: {
    setPosition: {
      api: '1.1',
      run: (t, a, env) => {
        const chart = liveChart(t);
        guardSheetOnly(t.sheet, 'Chart.setPosition');
        const resolve = (o: unknown): HostRange => env.target(o, 'Chart.setPosition') as HostRange;
        const start = cellArg(t.sheet, a[0], resolve);
        const end = a[1] === undefined ? null : cellArg(t.sheet, a[1], resolve);
        chart.position = { start, end };
      },
    },
    delete: {
      api: '1.1',
      run: (t) => {
        const chart = liveChart(t);
        guardSheetOnly(t.sheet, 'Chart.delete');
        t.sheet.charts = t.sheet.charts.filter((c) => c !== chart);
      },
    },
  },
};
defineAccessors(FakeChart.prototype, CHART_SPEC);

/** `Excel.ChartCollection`: `add` only. */
export class FakeChartCollection extends FakeClientObject<HostSheet> {
  /** Add a chart of `type` over `sourceData` (a range of the same sheet). */
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    if (sourceData instanceof FakeClientObject) sourceData._checkContext(this.context);
    return new FakeChart(
      this.context,
      navPath(
        this,
        'Add',
        '1.1',
        (sheet, env) => {
          const s = sheet as HostSheet;
          const source = env.target(sourceData, 'ChartCollection.add') as HostRange;
          const chart = addChart(env.doc, s, type, source, seriesBy);
          return { sheet: s, chart: s.charts.find((c) => c.id === chart.id) };
        },
        { type: 'method', args: [type, sourceData, seriesBy ?? 'Auto'], sideEffect: true },
      ),
    );
  }
}

/** `Excel.Worksheet`. */
export class FakeWorksheet extends FakeClientObject<HostSheet> {
  /** @internal A collection item, already resolved. */
  static _item(context: FakeRequestContext, sheet: HostSheet): FakeWorksheet {
    return new FakeWorksheet(context, null, sheet);
  }

  get name(): string {
    return this._get('name') as string;
  }
  set name(value: string) {
    this._set('name', value);
  }
  get visibility(): string {
    return this._get('visibility') as string;
  }
  set visibility(value: string) {
    this._set('visibility', value);
  }
  get position(): number {
    return this._get('position') as number;
  }
  set position(value: number) {
    this._set('position', value);
  }
  get id(): string {
    return this._get('id') as string;
  }

  /** Sheet protection (ExcelApi 1.2). */
  get protection(): FakeWorksheetProtection {
    return this._nav(
      'protection',
      () =>
        new FakeWorksheetProtection(
          this.context,
          navPath(this, 'Protection', '1.2', (p) => p),
        ),
    );
  }
  /** Frozen panes (ExcelApi 1.7). */
  get freezePanes(): FakeWorksheetFreezePanes {
    return this._nav(
      'freezePanes',
      () =>
        new FakeWorksheetFreezePanes(
          this.context,
          navPath(this, 'FreezePanes', '1.7', (p) => p),
        ),
    );
  }
  /** Page setup (ExcelApi 1.9). */
  get pageLayout(): FakePageLayout {
    return this._nav(
      'pageLayout',
      () =>
        new FakePageLayout(
          this.context,
          navPath(this, 'PageLayout', '1.9', (p) => p),
        ),
    );
  }
  /** Charts (ExcelApi 1.1). */
  get charts(): FakeChartCollection {
    return this._nav(
      'charts',
      () =>
        new FakeChartCollection(
          this.context,
          navPath(this, 'Charts', '1.1', (p) => p),
        ),
    );
  }
  /** `onChanged` (ExcelApi 1.7). */
  get onChanged(): FakeEventHandlers {
    return this._nav('onChanged', () => new FakeEventHandlers(this));
  }

  /** Delete the sheet (`AccessDenied` in a protected workbook; the last visible sheet cannot go). */
  delete(): void {
    this._call('delete', []);
  }
  /** Make the sheet the active one. */
  activate(): void {
    this._call('activate', []);
  }

  /** A range by local address (`A1`, `A1:C5`, `1:5000`, `A:C`); the whole sheet without one. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, {
      parent: this,
      name: 'GetRange',
      args: address === undefined ? [] : [address],
      api: '1.1',
      type: 'method',
    });
  }

  /** A range by 0-based indexes (ExcelApi 1.7). */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, {
      parent: this,
      name: 'GetRangeByIndexes',
      args: [startRow, startColumn, rowCount, columnCount],
      api: '1.7',
      type: 'method',
    });
  }

  /** One cell by 0-based indexes. */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, {
      parent: this,
      name: 'GetCell',
      args: [row, column],
      api: '1.1',
      type: 'method',
    });
  }

  /** The used range; A1 for a blank sheet (it never throws), as documented. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, {
      parent: this,
      name: 'GetUsedRange',
      args: valuesOnly === undefined ? [] : [valuesOnly],
      api: valuesOnly === undefined ? '1.1' : '1.2',
      type: 'method',
    });
  }

  /** The used range, or a null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, {
      parent: this,
      name: 'GetUsedRangeOrNullObject',
      args: valuesOnly === undefined ? [] : [valuesOnly],
      api: '1.4',
      type: 'method',
    });
  }

  /** @internal */ override _resolve(parent: unknown, path: PathInfo): HostSheet | null {
    const doc = parent as HostWorkbook;
    if (path.name === 'GetActiveWorksheet') {
      const active = doc.sheets.find((s) => s.name === doc.active);
      if (!active) throw new FakeOfficeError('GeneralException', 'No active worksheet.');
      return active;
    }
    const key = String(path.args[0]);
    // Excel matches sheet names case-insensitively.
    const sheet = doc.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null;
    if (!sheet && path.name === 'GetItem') {
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested resource doesn't exist (sheet ${key}).`,
        'GetItem',
      );
    }
    return sheet;
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return WORKSHEET_SPEC;
  }
  /** @internal */ override _propertyApi(prop: string): string | undefined {
    return WORKSHEET_PROPS[prop];
  }
  /** @internal */ override _readProp(target: unknown, prop: string): unknown {
    return worksheetProp(this.context._host.doc, target as HostSheet, prop);
  }
  protected override _scalarProps(): readonly string[] {
    return Object.keys(WORKSHEET_PROPS);
  }
}

// ---------------------------------------------------------------------------------------------------------
// ranges

const RANGE_PROPS: Readonly<Record<string, string>> = {
  address: '1.1',
  addressLocal: '1.1',
  rowIndex: '1.1',
  columnIndex: '1.1',
  rowCount: '1.1',
  columnCount: '1.1',
  cellCount: '1.1',
  values: '1.1',
  numberFormat: '1.1',
  valueTypes: '1.1',
  formulas: '1.1',
  rowHidden: '1.2',
  columnHidden: '1.2',
  hyperlink: '1.7',
};
/** Loaded by `load()` without a selection (the 1.1–1.2 scalars every host has). */
const RANGE_DEFAULT_PROPS = Object.keys(RANGE_PROPS).filter((p) => p !== 'hyperlink');
const CELL_ARRAY_PROPS = new Set(['values', 'numberFormat', 'valueTypes', 'formulas']);

function rect(sheet: HostSheet, top: number, left: number, bottom: number, right: number): HostRange {
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLS || top > bottom || left > right) {
    throw new FakeOfficeError(
      'InvalidArgument',
      'The argument is invalid or missing or has an incorrect format.',
    );
  }
  return { sheet, top, left, bottom, right };
}

/** `Excel.Range`. */
export class FakeRange extends FakeClientObject<HostRange> {
  /** @internal A collection item, already resolved. */
  static _item(context: FakeRequestContext, range: HostRange): FakeRange {
    return new FakeRange(context, null, range);
  }

  get address(): string {
    return this._get('address') as string;
  }
  get addressLocal(): string {
    return this._get('addressLocal') as string;
  }
  get rowIndex(): number {
    return this._get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this._get('columnIndex') as number;
  }
  get rowCount(): number {
    return this._get('rowCount') as number;
  }
  get columnCount(): number {
    return this._get('columnCount') as number;
  }
  get cellCount(): number {
    return this._get('cellCount') as number;
  }
  get values(): (string | number | boolean)[][] {
    return this._get('values') as (string | number | boolean)[][];
  }
  /** Queue a write: a 2-D array of exactly the range's shape (`null` entries leave a cell unchanged). */
  set values(data: unknown[][]) {
    this._set('values', data);
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat') as string[][];
  }
  /** Queue a write: a 2-D array of exactly the range's shape. */
  set numberFormat(data: unknown[][]) {
    this._set('numberFormat', data);
  }
  /** The top-left cell's hyperlink (ExcelApi 1.7), null when it has none. */
  get hyperlink(): HostHyperlink | null {
    return this._get('hyperlink') as HostHyperlink | null;
  }
  /** Queue a write: `{ documentReference | address, textToDisplay?, screenTip? }` on every cell. */
  set hyperlink(link: HostHyperlink | null) {
    this._set('hyperlink', link);
  }
  /** Formatting (fill, font, alignment, widths, borders, protection). */
  get format(): FakeRangeFormat {
    return this._nav(
      'format',
      () =>
        new FakeRangeFormat(
          this.context,
          navPath(this, 'Format', '1.1', (p) => p),
        ),
    );
  }
  /** Data validation (ExcelApi 1.8). */
  get dataValidation(): FakeDataValidation {
    return this._nav(
      'dataValidation',
      () =>
        new FakeDataValidation(
          this.context,
          navPath(this, 'DataValidation', '1.8', (p) => p),
        ),
    );
  }
  /** Conditional formats that intersect this range (ExcelApi 1.6). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav(
      'conditionalFormats',
      () =>
        new FakeConditionalFormatCollection(
          this.context,
          navPath(this, 'ConditionalFormats', '1.6', (p) => p),
        ),
    );
  }

  /** Clear values and/or formats (`All` by default). */
  clear(applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks'): void {
    this._call('clear', applyTo === undefined ? [] : [applyTo]);
  }
  /** Merge the range (one area per row with `across`). */
  merge(across?: boolean): void {
    this._call('merge', across === undefined ? [] : [across]);
  }
  /** Unmerge every merged area the range touches. */
  unmerge(): void {
    this._call('unmerge', []);
  }
  /**
   * Select the range in the Excel UI (queued): its sheet becomes the active one. On a hidden or very hidden
   * sheet the sync fails with `InvalidOperation` (Excel cannot activate a hidden sheet).
   */
  select(): void {
    this._call('select', []);
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes') as string[][];
  }
  get formulas(): (string | number | boolean)[][] {
    return this._get('formulas') as (string | number | boolean)[][];
  }
  /** True when all rows are hidden, false when none, null when some (as Office.js documents). */
  get rowHidden(): boolean | null {
    return this._get('rowHidden') as boolean | null;
  }
  get columnHidden(): boolean | null {
    return this._get('columnHidden') as boolean | null;
  }

  private nav(name: string, args: readonly unknown[], api: string): FakeRange {
    return new FakeRange(this.context, { parent: this, name, args, api, type: 'method' });
  }

  /** Row `index` (0-based) of this range. */
  getRow(index: number): FakeRange {
    return this.nav('GetRow', [index], '1.1');
  }
  /** Column `index` (0-based) of this range. */
  getColumn(index: number): FakeRange {
    return this.nav('GetColumn', [index], '1.1');
  }
  /** One cell relative to this range's top-left (may lie outside it). */
  getCell(row: number, column: number): FakeRange {
    return this.nav('GetCell', [row, column], '1.1');
  }
  /** The last row of this range. */
  getLastRow(): FakeRange {
    return this.nav('GetLastRow', [], '1.1');
  }
  /** The smallest range holding this range and `other`. */
  getBoundingRect(other: FakeRange | string): FakeRange {
    this.checkArg(other);
    return this.nav('GetBoundingRect', [other], '1.1');
  }
  /** The overlap with `other`; the sync fails with `ItemNotFound` when there is none. */
  getIntersection(other: FakeRange | string): FakeRange {
    this.checkArg(other);
    return this.nav('GetIntersection', [other], '1.1');
  }
  /** The overlap with `other`, or a null object. */
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    this.checkArg(other);
    return this.nav('GetIntersectionOrNullObject', [other], '1.4');
  }
  /** This range grown or shrunk by rows and columns (ExcelApi 1.3). */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.nav('GetResizedRange', [deltaRows, deltaColumns], '1.3');
  }
  /** The used part of this range; the sync fails with `ItemNotFound` when it has none. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.nav(
      'GetUsedRange',
      valuesOnly === undefined ? [] : [valuesOnly],
      valuesOnly === undefined ? '1.1' : '1.2',
    );
  }
  /** The used part of this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.nav('GetUsedRangeOrNullObject', valuesOnly === undefined ? [] : [valuesOnly], '1.4');
  }
  /** Merged areas overlapping this range (ExcelApi 1.13), or a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, {
      parent: this,
      name: 'GetMergedAreasOrNullObject',
      args: [],
      api: '1.13',
      type: 'method',
    });
  }

  private checkArg(other: FakeRange | string): void {
    if (other instanceof FakeClientObject) other._checkContext(this.context);
  }

  /** @internal */ override _resolve(
    parent: unknown,
    path: PathInfo,
    targetOf: (o: FakeClientObject<unknown>) => unknown,
  ): HostRange | null {
    if (path.parent instanceof FakeWorksheet) return this.fromSheet(parent as HostSheet, path);
    const base = parent as HostRange;
    const a = path.args;
    const num = (i: number): number => {
      const v = a[i];
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        throw new FakeOfficeError('InvalidArgument', `${path.name}: argument ${i} must be an integer.`);
      }
      return v;
    };
    const otherRange = (): HostRange => {
      const o = a[0];
      if (typeof o === 'string') {
        const local = parseLocalAddress(o);
        if (!local) throw new FakeOfficeError('InvalidArgument', `Invalid address ${o}.`);
        return { sheet: base.sheet, ...local };
      }
      const t = targetOf(o as FakeClientObject<unknown>);
      if (t === null)
        throw new FakeOfficeError('InvalidObjectPath', `${path.name}: the argument is a null object.`);
      const r = t as HostRange;
      if (r.sheet !== base.sheet) {
        throw new FakeOfficeError('InvalidArgument', `${path.name}: the ranges are on different sheets.`);
      }
      return r;
    };
    const usedIn = (): HostRange | null => {
      const used = usedRect(base.sheet, a[0] === true);
      return used ? intersect(used, base) : null;
    };
    switch (path.name) {
      case 'GetRow': {
        const i = num(0);
        if (i < 0 || i > base.bottom - base.top)
          throw new FakeOfficeError('InvalidArgument', 'Row index out of range.');
        return rect(base.sheet, base.top + i, base.left, base.top + i, base.right);
      }
      case 'GetColumn': {
        const i = num(0);
        if (i < 0 || i > base.right - base.left) {
          throw new FakeOfficeError('InvalidArgument', 'Column index out of range.');
        }
        return rect(base.sheet, base.top, base.left + i, base.bottom, base.left + i);
      }
      case 'GetCell':
        return rect(base.sheet, base.top + num(0), base.left + num(1), base.top + num(0), base.left + num(1));
      case 'GetLastRow':
        return rect(base.sheet, base.bottom, base.left, base.bottom, base.right);
      case 'GetBoundingRect': {
        const o = otherRange();
        return rect(
          base.sheet,
          Math.min(base.top, o.top),
          Math.min(base.left, o.left),
          Math.max(base.bottom, o.bottom),
          Math.max(base.right, o.right),
        );
      }
      case 'GetIntersection':
      case 'GetIntersectionOrNullObject': {
        const hit = intersect(base, otherRange());
        if (!hit && path.name === 'GetIntersection') {
          throw new FakeOfficeError('ItemNotFound', 'The ranges do not intersect.', path.name);
        }
        return hit;
      }
      case 'GetResizedRange':
        return rect(base.sheet, base.top, base.left, base.bottom + num(0), base.right + num(1));
      case 'GetUsedRange':
      case 'GetUsedRangeOrNullObject': {
        const used = usedIn();
        if (!used && path.name === 'GetUsedRange') {
          throw new FakeOfficeError('ItemNotFound', 'The range has no used cells.', path.name);
        }
        return used;
      }
      default:
        throw new FakeNotModelledError(`Range.${path.name}`);
    }
  }

  private fromSheet(sheet: HostSheet, path: PathInfo): HostRange | null {
    const a = path.args;
    switch (path.name) {
      case 'GetRange': {
        if (a.length === 0) return rect(sheet, 0, 0, MAX_ROWS - 1, MAX_COLS - 1);
        const address = String(a[0]);
        const local = parseLocalAddress(address);
        if (!local) throw new FakeOfficeError('InvalidArgument', `Invalid address ${address}.`, 'GetRange');
        return { sheet, ...local };
      }
      case 'GetRangeByIndexes': {
        const [r, c, rc, cc] = a.map(Number) as [number, number, number, number];
        return rect(sheet, r, c, r + rc - 1, c + cc - 1);
      }
      case 'GetCell': {
        const [r, c] = a.map(Number) as [number, number];
        return rect(sheet, r, c, r, c);
      }
      case 'GetUsedRange': {
        // Documented: a blank sheet gives its top-left cell rather than an error.
        return usedRect(sheet, a[0] === true) ?? rect(sheet, 0, 0, 0, 0);
      }
      case 'GetUsedRangeOrNullObject':
        return usedRect(sheet, a[0] === true);
      default:
        throw new FakeNotModelledError(`Worksheet.${path.name}`);
    }
  }

  /** @internal */ override _spec(): ObjectSpec<never> {
    return RANGE_SPEC;
  }
  /** @internal */ override _propertyApi(prop: string): string | undefined {
    return RANGE_PROPS[prop];
  }
  /** @internal */ override _readProp(target: unknown, prop: string): unknown {
    return rangeProp(target as HostRange, prop);
  }
  protected override _scalarProps(): readonly string[] {
    return RANGE_DEFAULT_PROPS;
  }
}

function cellGrid<V>(r: HostRange, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

function rangeProp(r: HostRange, prop: string): unknown {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (CELL_ARRAY_PROPS.has(prop) && rows * cols > READ_CELL_LIMIT) {
    throw new FakeOfficeError(
      'RangeExceedsLimit',
      `The range has ${rows * cols} cells; reads stop at 5,000,000.`,
    );
  }
  const sheet = r.sheet;
  switch (prop) {
    case 'address':
    case 'addressLocal':
      return formatAddress(r);
    case 'rowIndex':
      return r.top;
    case 'columnIndex':
      return r.left;
    case 'rowCount':
      return rows;
    case 'columnCount':
      return cols;
    case 'cellCount':
      return rows * cols;
    case 'values':
      return cellGrid(r, (row, col) => readableCell(sheet, row, col).value);
    case 'numberFormat':
      return cellGrid(r, (row, col) => formatAt(sheet, row, col));
    case 'valueTypes':
      return cellGrid(r, (row, col) => readableCell(sheet, row, col).type);
    case 'formulas':
      return cellGrid(r, (row, col) => {
        const a1 = formatAddress({ sheet, top: row, left: col, bottom: row, right: col }).split('!')[1] ?? '';
        return sheet.formulas[a1] ?? cellAtHost(sheet, row, col).value;
      });
    case 'rowHidden': {
      let hidden = 0;
      for (let row = r.top; row <= r.bottom; row++) if (sheet.hiddenRows.has(row)) hidden++;
      return hidden === 0 ? false : hidden === rows ? true : null;
    }
    case 'columnHidden':
      return false;
    case 'hyperlink':
      return hyperlinkOf(r);
    default:
      throw new FakeNotModelledError(`Range.${prop}`);
  }
}

const RANGE_SPEC: ObjectSpec<HostRange> = {
  props: {
    values: {
      api: '1.1',
      write: (r, v, env) => {
        writeValues(r, v);
        env.edited(r);
      },
    },
    numberFormat: {
      api: '1.1',
      write: (r, v) => {
        writeNumberFormats(r, v);
      },
    },
    hyperlink: {
      api: '1.7',
      write: (r, v, env) => {
        setHyperlink(r, v);
        env.edited(r);
      },
    },
  },
  methods: {
    clear: {
      api: '1.1',
      run: (r, a, env) => {
        clearRange(r, a[0]);
        if (a[0] === undefined || a[0] === 'All' || a[0] === 'Contents') env.edited(r);
      },
    },
    merge: {
      api: '1.2',
      run: (r, a) => {
        mergeRange(r, a[0]);
      },
    },
    unmerge: {
      api: '1.2',
      run: (r) => {
        unmergeRange(r);
      },
    },
    select: {
      api: '1.1',
      run: (r, _a, env) => {
        selectRange(env.doc, r);
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------------------
// range areas

interface HostAreas {
  readonly sheet: HostSheet;
  readonly areas: readonly HostRange[];
}

const AREAS_PROPS: Readonly<Record<string, string>> = { address: '1.9', areaCount: '1.9', cellCount: '1.9' };

/** `Excel.RangeAreas` (as returned by `getMergedAreasOrNullObject`). */
export class FakeRangeAreas extends FakeClientObject<HostAreas> {
  get address(): string {
    return this._get('address') as string;
  }
  get areaCount(): number {
    return this._get('areaCount') as number;
  }
  get cellCount(): number {
    return this._get('cellCount') as number;
  }
  /** The rectangles (a navigation property, ExcelApi 1.9). */
  get areas(): FakeRangeCollection {
    return this._nav(
      'areas',
      () =>
        new FakeRangeCollection(this.context, {
          parent: this,
          name: 'Areas',
          args: [],
          api: '1.9',
          type: 'property',
        }),
    );
  }

  /** @internal */ override _resolve(parent: unknown): HostAreas | null {
    const base = parent as HostRange;
    const areas = base.sheet.merges
      .filter((m) => overlaps(m, base))
      .sort((a, b) => a.top - b.top || a.left - b.left)
      .map((m) => ({ sheet: base.sheet, ...m }));
    if (areas.length > MERGED_AREAS_LIMIT) {
      throw new FakeOfficeError(
        'GeneralException',
        `getMergedAreasOrNullObject: ${areas.length} merged areas exceed the ${MERGED_AREAS_LIMIT} the API returns.`,
      );
    }
    return areas.length === 0 ? null : { sheet: base.sheet, areas };
  }
  /** @internal */ override _propertyApi(prop: string): string | undefined {
    return AREAS_PROPS[prop];
  }
  /** @internal */ override _readProp(target: unknown, prop: string): unknown {
    const t = target as HostAreas;
    switch (prop) {
      case 'address':
        return t.areas.map((a) => formatAddress(a)).join(',');
      case 'areaCount':
        return t.areas.length;
      case 'cellCount':
        return t.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
      default:
        throw new FakeNotModelledError(`RangeAreas.${prop}`);
    }
  }
  protected override _scalarProps(): readonly string[] {
    return Object.keys(AREAS_PROPS);
  }
}

/** `Excel.RangeCollection` (the `areas` of a RangeAreas). */
export class FakeRangeCollection extends FakeClientObject<readonly HostRange[]> {
  private readonly itemsCache: FakeRange[] = [];

  get items(): FakeRange[] {
    return this._get('items') as FakeRange[];
  }

  /** @internal */ override _resolve(parent: unknown): readonly HostRange[] {
    return (parent as HostAreas).areas;
  }
  /** @internal */ override _propertyApi(prop: string): string | undefined {
    if (prop === 'items') return '1.9';
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    return RANGE_PROPS[bare];
  }
  /** @internal */ override _readProp(target: unknown, prop: string, staged: Staged): unknown {
    const ranges = target as readonly HostRange[];
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    const fields =
      bare === 'items' ? ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'] : [bare];
    const readers = new Map(fields.map((f) => [f, (r: HostRange) => rangeProp(r, f)]));
    staged.afterCommit.push(() => {
      commitItems(this, this.itemsCache, ranges, (r) => FakeRange._item(this.context, r), readers);
    });
    return ranges.map((r) => Object.fromEntries(fields.map((f) => [f, rangeProp(r, f)])));
  }
  protected override _scalarProps(): readonly string[] {
    return ['items'];
  }
}

// ---------------------------------------------------------------------------------------------------------
// the factory

/**
 * Create a fake Excel host over a copy of `data`.
 * @example
 *   const fake = createFakeExcel({ sheets: [{ name: 'S', cells: [['a']] }] });
 *   await fake.Excel.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
 *     r.load('values'); await ctx.sync(); return r.values; });   // → [['a']], fake.stats.syncs === 1
 */
export function createFakeExcel(data: WorkbookData, options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcelOver(hostFromData(data), options);
}

/** A fake over a host document built elsewhere (`createFakeExcelFromXlsx`); the document is not copied. */
export function createFakeExcelOver(doc: HostWorkbook, options: FakeExcelOptions = {}): FakeExcel {
  const sets = new Map<string, string>([
    ['ExcelApi', options.maxExcelApi ?? '1.17'],
    ...Object.entries(options.otherSets ?? {}),
  ]);
  const stats: FakeStats = { syncs: 0, requests: [], runs: 0 };
  // Wrapped so that one function subscribed twice is two subscriptions, each removed by its own unsubscribe.
  const listeners = new Set<{ readonly listener: () => void }>();
  const host: HostState = {
    doc,
    sets,
    stats,
    faults: [],
    writeFault: null,
    countWrite(name: string): void {
      const fault = host.writeFault;
      if (!fault) return;
      fault.remaining--;
      if (fault.remaining > 0) return;
      host.writeFault = null;
      throw new FakeOfficeError(
        fault.code,
        fault.message ?? `Simulated failure of write ${name}: ${fault.code}`,
        name,
      );
    },
    makeWorkbook: (context: FakeRequestContext) => new FakeWorkbook(context),
    documentChanged(): void {
      // Each listener in its own microtask: one that throws does not keep the others from running, and its
      // error surfaces as an uncaught error instead of vanishing.
      // A listener unsubscribed before its turn is skipped.
      for (const entry of [...listeners]) {
        queueMicrotask(() => {
          if (listeners.has(entry)) entry.listener();
        });
      }
    },
    fireChanged(range: HostRange, trigger: 'ThisLocalAddin' | 'Others'): Promise<void> {
      const handlers = [...range.sheet.handlers];
      if (handlers.length === 0) return Promise.resolve();
      const args: FakeWorksheetChangedEventArgs = {
        worksheetId: range.sheet.id,
        address: localAddress(range),
        changeType: 'RangeEdited',
        source: 'Local',
        type: 'WorksheetChanged',
        ...(supports(sets, 'ExcelApi', '1.14') ? { triggerSource: trigger } : {}),
      };
      // Events arrive after the change, never inside the call that made it.
      return new Promise<void>((resolve) => {
        setTimeout(() => {
          void Promise.allSettled(handlers.map((h) => Promise.resolve().then(() => h.handler(args)))).then(
            () => {
              resolve();
            },
          );
        }, 0);
      });
    },
  };

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(host);
    }
  }

  const Excel: FakeExcelNamespace = {
    RequestContext,
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new RequestContext();
      try {
        const pending: unknown = batch(context);
        if (!(pending instanceof Promise)) {
          throw new FakeOfficeError(
            'RunMustReturnPromise',
            'The batch function passed to run must return a promise.',
          );
        }
        const result = (await pending) as T;
        // Office.js sends whatever is still queued when the batch resolves.
        if (context._hasPending()) await context.sync();
        stats.runs++;
        return result;
      } finally {
        context._close();
      }
    },
  };

  const requirements: FakeRequirements = {
    isSetSupported(name: string, minVersion?: string): boolean {
      return supports(sets, name, minVersion ?? '1.1');
    },
  };

  const sheetNamed = (name: string): HostSheet => {
    const sheet = doc.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new Error(`fake-excel: no sheet ${name}`);
    return sheet;
  };

  return {
    Excel,
    requirements,
    Office: { context: { requirements, displayLanguage: options.displayLanguage ?? 'zh-CN' } },
    stats,
    host: doc,
    exportData: () => dataFromHost(doc),
    failNextSync(code: FakeErrorCode, message = `Simulated host failure: ${code}`, times = 1): void {
      for (let i = 0; i < times; i++) host.faults.push({ code, message });
    },
    failAtWrite(n: number, code: FakeErrorCode = 'GeneralException', message?: string): void {
      if (!Number.isInteger(n) || n < 1) throw new Error('fake-excel: failAtWrite counts writes from 1');
      host.writeFault = { remaining: n, code, ...(message !== undefined ? { message } : {}) };
    },
    userEdit(sheetName: string, address: string, value: string | number | boolean): Promise<void> {
      const sheet = sheetNamed(sheetName);
      const cell = parseLocalAddress(address);
      if (!cell || cell.top !== cell.bottom || cell.left !== cell.right) {
        throw new Error(`fake-excel: userEdit takes one cell, not ${address}`);
      }
      const range: HostRange = { sheet, ...cell };
      writeValues(range, [[value]]);
      host.documentChanged();
      return host.fireChanged(range, 'Others');
    },
    snapshot: () => snapshotHost(doc),
    selection(): FakeSelection | null {
      const active = doc.sheets.find((s) => s.name === doc.active);
      if (!active?.selection) return null;
      return { sheet: active.name, address: localAddress(active.selection) };
    },
    userSelect(sheetName: string, address: string): void {
      const sheet = sheetNamed(sheetName);
      const cells = parseLocalAddress(address);
      if (!cells) throw new Error(`fake-excel: userSelect got the invalid address ${address}`);
      if (sheet.visibility !== 'Visible')
        throw new Error(`fake-excel: ${sheet.name} is hidden; Excel shows no cells of it`);
      selectRange(doc, { sheet, ...cells });
      host.documentChanged();
    },
    onDocumentChange(listener: () => void): () => void {
      if (typeof listener !== 'function') throw new Error('fake-excel: onDocumentChange takes a function');
      const entry = { listener };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    exportXlsx(): Promise<Buffer> {
      if (!xlsxExporter) {
        return Promise.reject(
          new Error('fake-excel: import test/fake-excel/export-xlsx.ts before exportXlsx()'),
        );
      }
      return xlsxExporter(doc);
    },
    effectiveFill: (sheet: string, row: number, col: number) => effectiveFill(doc, sheet, row, col),
    resetStats(): void {
      stats.syncs = 0;
      stats.runs = 0;
      stats.requests.length = 0;
    },
  };
}
