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
 * Read-only for now: issue 6 adds writes (values, formats, conditional formats, sheets) on the same queue.
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
  type HostRange,
  type HostSheet,
  type HostWorkbook,
} from './fake-host.ts';

export { FakeOfficeError, FakeNotModelledError } from './fake-errors.ts';
export { isoToSerial } from './fake-host.ts';

/** Excel on the web's limit on one request and on one response (RequestPayloadSizeLimitExceeded). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel's cap on the cells one read may return. */
export const READ_CELL_LIMIT = 5_000_000;
/** Documented: `getMergedAreasOrNullObject` fails when the range holds more merged areas than this. */
export const MERGED_AREAS_LIMIT = 512;

/** One round trip (`context.sync()` that carried work). */
export interface FakeRequestStats {
  /** requestBytes + responseBytes: what the round trip moved. */
  readonly bytes: number;
  /** UTF-8 size of the queued operations, serialised like Office's RichApi request (ObjectPaths + Actions). */
  readonly requestBytes: number;
  /** UTF-8 size of the returned values (0 when the request failed). */
  readonly responseBytes: number;
  /** Queued operations (object paths and loads). */
  readonly actions: number;
  /** The error code when the host rejected the request. */
  readonly failed?: string;
}

/** What the fake counted so far. */
export interface FakeStats {
  /** Round trips: `context.sync()` calls with queued work, including the one `Excel.run` makes at the end. */
  syncs: number;
  readonly requests: FakeRequestStats[];
  /** Completed `Excel.run` batches. */
  runs: number;
}

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
}

interface HostState {
  readonly doc: HostWorkbook;
  readonly sets: ReadonlyMap<string, string>;
  readonly stats: FakeStats;
  readonly faults: { code: FakeErrorCode; message: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// versions and payload

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function supports(sets: ReadonlyMap<string, string>, name: string, version: string): boolean {
  const max = sets.get(name);
  return max !== undefined && compareVersions(version, max) <= 0;
}

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

// ---------------------------------------------------------------------------------------------------------
// the request context and the proxy base class

interface PathInfo {
  readonly parent: FakeClientObject<unknown>;
  readonly name: string;
  readonly args: readonly unknown[];
  /** ExcelApi version the member needs. */
  readonly api: string;
  readonly type: 'method' | 'property';
}

type Action = { readonly kind: 'path'; readonly obj: FakeClientObject<unknown> } | LoadAction;
interface LoadAction {
  readonly kind: 'load';
  readonly obj: FakeClientObject<unknown>;
  readonly props: readonly string[];
}

/** Staged results of one sync, applied only when the whole request succeeds (as one round trip does). */
interface Staged {
  readonly targets: Map<FakeClientObject<unknown>, unknown>;
  readonly loads: { obj: FakeClientObject<unknown>; values: Map<string, unknown> }[];
  readonly afterCommit: (() => void)[];
}

/** The fake `Excel.RequestContext`. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** @internal */ readonly _host: HostState;
  private queue: Action[] = [];
  private nextId = 1;
  private closed = false;

  /** @internal */
  constructor(host: HostState) {
    this._host = host;
    this.workbook = new FakeWorkbook(this);
  }

  /** @internal */ _newId(): number {
    return this.nextId++;
  }

  /** @internal */ _enqueue(action: Action): void {
    this._checkOpen();
    this.queue.push(action);
  }

  /** @internal */ _checkOpen(): void {
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidRequestContext',
        'Cannot use the object across different request contexts: its Excel.run batch has finished.',
      );
    }
  }

  /** @internal */ _close(): void {
    this.closed = true;
  }

  /** @internal */ _hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Send the queued work to the "host" and fill the loaded properties. */
  sync(): Promise<void> {
    try {
      this._checkOpen();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const actions = this.queue;
    this.queue = [];
    // Office.js skips the round trip when nothing is queued.
    if (actions.length === 0) return Promise.resolve();
    const host = this._host;
    host.stats.syncs++;
    const requestBytes = jsonBytes(serialiseRequest(actions));
    const record = (responseBytes: number, failed?: string): void => {
      const entry: FakeRequestStats = {
        bytes: requestBytes + responseBytes,
        requestBytes,
        responseBytes,
        actions: actions.length,
        ...(failed !== undefined ? { failed } : {}),
      };
      host.stats.requests.push(entry);
    };
    // Settle asynchronously, like a real round trip: nothing is visible before the promise resolves.
    return new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        try {
          const fault = host.faults.shift();
          if (fault) throw new FakeOfficeError(fault.code, fault.message);
          if (requestBytes > PAYLOAD_LIMIT_BYTES) {
            throw new FakeOfficeError(
              'RequestPayloadSizeLimitExceeded',
              `The request payload (${requestBytes} bytes) exceeds the limit.`,
            );
          }
          const staged = this.process(actions);
          const response = serialiseResponse(actions, staged);
          const responseBytes = jsonBytes(response);
          if (responseBytes > PAYLOAD_LIMIT_BYTES) {
            throw new FakeOfficeError(
              'ResponsePayloadSizeLimitExceeded',
              `The response payload (${responseBytes} bytes) exceeds the limit.`,
            );
          }
          for (const [obj, target] of staged.targets) obj._resolved(target);
          for (const { obj, values } of staged.loads) obj._commitLoad(values);
          for (const fn of staged.afterCommit) fn();
          record(responseBytes);
          resolve();
        } catch (e) {
          record(0, e instanceof FakeOfficeError ? e.code : 'unexpected');
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }, 0);
    });
  }

  private process(actions: readonly Action[]): Staged {
    const staged: Staged = { targets: new Map(), loads: [], afterCommit: [] };
    const evaluate = (obj: FakeClientObject<unknown>): unknown => {
      const path = obj._path;
      if (!path) return obj._currentTarget();
      if (!supports(this._host.sets, 'ExcelApi', path.api)) {
        throw new FakeOfficeError(
          'ApiNotFound',
          `The API you are trying to use could not be found (${path.name}, ExcelApi ${path.api}).`,
          path.name,
        );
      }
      const parentTarget = targetOf(path.parent);
      if (parentTarget === null) {
        throw new FakeOfficeError(
          'InvalidObjectPath',
          `Cannot call ${path.name} on a null object (check isNullObject first).`,
          path.name,
        );
      }
      const target = obj._resolve(parentTarget, path, targetOf);
      staged.targets.set(obj, target);
      return target;
    };
    const targetOf = (obj: FakeClientObject<unknown>): unknown => {
      if (staged.targets.has(obj)) return staged.targets.get(obj);
      if (obj._isResolved()) return obj._currentTarget();
      // Created in an earlier request that failed: Office.js sends the object's path again with the next
      // request that uses it, so it is evaluated again (and fails again if its sheet is still missing).
      return evaluate(obj);
    };
    for (const action of actions) {
      const obj = action.obj;
      if (action.kind === 'path') {
        if (!staged.targets.has(obj)) evaluate(obj);
        continue;
      }
      const target = targetOf(obj);
      const values = new Map<string, unknown>();
      if (target !== null) {
        for (const prop of action.props) {
          const api = obj._propertyApi(prop);
          if (api === undefined) {
            throw new FakeOfficeError('InvalidArgument', `The property '${prop}' is not available.`, prop);
          }
          if (!supports(this._host.sets, 'ExcelApi', api)) {
            throw new FakeOfficeError('ApiNotFound', `Property ${prop} needs ExcelApi ${api}.`, prop);
          }
          values.set(prop, obj._readProp(target, prop, staged));
        }
      }
      staged.loads.push({ obj, values });
    }
    return staged;
  }
}

function serialiseRequest(actions: readonly Action[]): unknown {
  // Shaped like Office's RichApi request so the estimate is close to what Excel receives.
  const objectPaths: Record<string, unknown> = {};
  const list: unknown[] = [];
  for (const a of actions) {
    const obj = a.obj;
    if (a.kind === 'path' && obj._path) {
      const p = obj._path;
      objectPaths[String(obj._id)] = {
        Id: obj._id,
        ObjectPathType: p.type === 'method' ? 3 : 4,
        Name: p.name,
        ParentObjectPathId: p.parent._id,
        ArgumentInfo: {
          Arguments: p.args.map((x) => (x instanceof FakeClientObject ? { ObjectPathId: x._id } : x)),
        },
      };
      list.push({ Id: obj._id * 2, ActionType: 1, Name: '', ObjectPathId: obj._id });
    } else if (a.kind === 'load') {
      list.push({
        Id: obj._id * 2 + 1,
        ActionType: 2,
        Name: '',
        ObjectPathId: obj._id,
        QueryInfo: { Select: a.props, Expand: [], Skip: 0 },
      });
    }
  }
  return { Actions: list, ObjectPaths: objectPaths };
}

function serialiseResponse(actions: readonly Action[], staged: Staged): unknown {
  const results: unknown[] = [];
  let loadIndex = 0;
  for (const a of actions) {
    if (a.kind === 'path') {
      const target = staged.targets.get(a.obj);
      results.push({ ActionId: a.obj._id * 2, Value: target === null ? { IsNull: true } : null });
    } else {
      const load = staged.loads[loadIndex++];
      results.push({ ActionId: a.obj._id * 2 + 1, Value: load ? Object.fromEntries(load.values) : null });
    }
  }
  return { Results: results };
}

function parseSelect(props: string | readonly string[] | undefined): string[] | undefined {
  if (props === undefined) return undefined;
  const list = typeof props === 'string' ? props.split(',') : [...props];
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

/** The base of every proxy: Office.js's `ClientObject`. */
export abstract class FakeClientObject<T> {
  readonly context: FakeRequestContext;
  /** @internal */ readonly _id: number;
  /** @internal */ readonly _path: PathInfo | null;
  private target: T | null = null;
  private resolved: boolean;
  private loaded = new Map<string, unknown>();

  /** @internal */
  constructor(context: FakeRequestContext, path: PathInfo | null, root?: T) {
    context._checkOpen();
    if (path) path.parent._checkContext(context);
    this.context = context;
    this._id = context._newId();
    this._path = path;
    this.resolved = path === null;
    if (root !== undefined) this.target = root;
    if (path) context._enqueue({ kind: 'path', obj: this });
  }

  /** @internal */ _checkContext(context: FakeRequestContext): void {
    if (context !== this.context) {
      throw new FakeOfficeError(
        'InvalidRequestContext',
        'Cannot use the object across different request contexts.',
      );
    }
  }

  /** @internal */ _isResolved(): boolean {
    return this.resolved;
  }
  /** @internal */ _currentTarget(): T | null {
    return this.target;
  }
  /** @internal */ _resolved(target: unknown): void {
    this.target = target as T | null;
    this.resolved = true;
  }
  /** @internal */ _commitLoad(values: ReadonlyMap<string, unknown>): void {
    for (const [k, v] of values) this.loaded.set(k, v);
  }

  /** @internal Compute this object's target at sync time from its parent's. */
  abstract _resolve(
    parent: unknown,
    path: PathInfo,
    targetOf: (o: FakeClientObject<unknown>) => unknown,
  ): T | null;
  /** @internal The API version of a loadable property, undefined when the object has no such property. */
  abstract _propertyApi(prop: string): string | undefined;
  /** @internal The property's value on the host. */
  abstract _readProp(target: unknown, prop: string, staged: Staged): unknown;
  /** @internal Every scalar property, for `load()` without arguments. */
  protected abstract _scalarProps(): readonly string[];

  /** Queue a read of properties (`'values, numberFormat'` or an array); nothing is read before `sync()`. */
  load(props?: string | readonly string[]): this {
    const select = parseSelect(props) ?? [...this._scalarProps()];
    this.context._enqueue({ kind: 'load', obj: this, props: select });
    return this;
  }

  /** True for a null object. Like Office.js, readable only after the sync that resolved the object. */
  get isNullObject(): boolean {
    if (!this.resolved) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        'The property isNullObject is not available. Call context.sync() before reading it.',
        'isNullObject',
      );
    }
    return this.target === null;
  }

  /** @internal Read a loaded property or throw like Office.js. */
  protected _get(prop: string): unknown {
    // No context check here: loaded values stay readable after Excel.run ends, as in Office.js.
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method ` +
          'on the containing object and call "context.sync()" on the associated request context.',
        prop,
      );
    }
    return this.loaded.get(prop);
  }
}

/**
 * Commit item properties of a collection load: items are proxies created once per collection and index (so a
 * second load refreshes the same objects), each receiving the selected fields.
 */
function commitItems<I extends FakeClientObject<unknown>, H>(
  owner: FakeClientObject<unknown>,
  cache: I[],
  hosts: readonly H[],
  make: (host: H) => I,
  fields: ReadonlyMap<string, (host: H) => unknown>,
): void {
  cache.length = Math.min(cache.length, hosts.length);
  hosts.forEach((h, i) => {
    let item = cache[i];
    if (!item || item._currentTarget() !== h) {
      item = make(h);
      cache[i] = item;
    }
    item._commitLoad(new Map([...fields].map(([f, read]) => [f, read(h)])));
  });
  owner._commitLoad(new Map([['items', cache.slice()]]));
}

// ---------------------------------------------------------------------------------------------------------
// workbook and worksheets

/** `Excel.Workbook` (only its worksheets). */
export class FakeWorkbook extends FakeClientObject<HostWorkbook> {
  private sheetsProxy: FakeWorksheetCollection | null = null;

  /** @internal */
  constructor(context: FakeRequestContext) {
    super(context, null, context._host.doc);
  }

  /** The worksheets collection (a navigation property: created once per workbook proxy). */
  get worksheets(): FakeWorksheetCollection {
    this.sheetsProxy ??= new FakeWorksheetCollection(this.context, {
      parent: this,
      name: 'Worksheets',
      args: [],
      api: '1.1',
      type: 'property',
    });
    return this.sheetsProxy;
  }

  /** @internal */ _resolve(): HostWorkbook {
    return this.context._host.doc;
  }
  /** @internal */ _propertyApi(): string | undefined {
    return undefined;
  }
  /** @internal */ _readProp(): unknown {
    throw new FakeNotModelledError('Workbook properties');
  }
  protected _scalarProps(): readonly string[] {
    return [];
  }
}

const WORKSHEET_PROPS: Readonly<Record<string, string>> = { name: '1.1', visibility: '1.1', position: '1.1' };

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

  /** The loaded sheets; throws `PropertyNotLoaded` until the collection was loaded and synced. */
  get items(): FakeWorksheet[] {
    return this._get('items') as FakeWorksheet[];
  }

  /** @internal */ _resolve(parent: unknown): HostWorkbook {
    return parent as HostWorkbook;
  }
  /** @internal */ _propertyApi(prop: string): string | undefined {
    if (prop === 'items') return '1.1';
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    return WORKSHEET_PROPS[bare];
  }
  /** @internal */ _readProp(target: unknown, prop: string, staged: Staged): unknown {
    const doc = target as HostWorkbook;
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    const fields = bare === 'items' ? Object.keys(WORKSHEET_PROPS) : [bare];
    const readers = new Map(fields.map((f) => [f, (sheet: HostSheet) => worksheetProp(doc, sheet, f)]));
    staged.afterCommit.push(() => {
      commitItems(
        this,
        this.itemsCache,
        doc.sheets,
        (sheet) => FakeWorksheet._item(this.context, sheet),
        readers,
      );
    });
    return doc.sheets.map((sheet) =>
      Object.fromEntries(fields.map((f) => [f, worksheetProp(doc, sheet, f)])),
    );
  }
  protected _scalarProps(): readonly string[] {
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
    default:
      throw new FakeNotModelledError(`Worksheet.${prop}`);
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
  get visibility(): string {
    return this._get('visibility') as string;
  }
  get position(): number {
    return this._get('position') as number;
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

  /** @internal */ _resolve(parent: unknown, path: PathInfo): HostSheet | null {
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
  /** @internal */ _propertyApi(prop: string): string | undefined {
    return WORKSHEET_PROPS[prop];
  }
  /** @internal */ _readProp(target: unknown, prop: string): unknown {
    return worksheetProp(this.context._host.doc, target as HostSheet, prop);
  }
  protected _scalarProps(): readonly string[] {
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
};
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
  get numberFormat(): string[][] {
    return this._get('numberFormat') as string[][];
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

  /** @internal */ _resolve(
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

  /** @internal */ _propertyApi(prop: string): string | undefined {
    return RANGE_PROPS[prop];
  }
  /** @internal */ _readProp(target: unknown, prop: string): unknown {
    return rangeProp(target as HostRange, prop);
  }
  protected _scalarProps(): readonly string[] {
    return Object.keys(RANGE_PROPS);
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
      return cellGrid(r, (row, col) => cellAtHost(sheet, row, col).value);
    case 'numberFormat':
      return cellGrid(r, (row, col) => formatAt(sheet, row, col));
    case 'valueTypes':
      return cellGrid(r, (row, col) => cellAtHost(sheet, row, col).type);
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
    default:
      throw new FakeNotModelledError(`Range.${prop}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// range areas

interface HostAreas {
  readonly sheet: HostSheet;
  readonly areas: readonly HostRange[];
}

const AREAS_PROPS: Readonly<Record<string, string>> = { address: '1.9', areaCount: '1.9', cellCount: '1.9' };

/** `Excel.RangeAreas` (as returned by `getMergedAreasOrNullObject`). */
export class FakeRangeAreas extends FakeClientObject<HostAreas> {
  private areasProxy: FakeRangeCollection | null = null;

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
    this.areasProxy ??= new FakeRangeCollection(this.context, {
      parent: this,
      name: 'Areas',
      args: [],
      api: '1.9',
      type: 'property',
    });
    return this.areasProxy;
  }

  /** @internal */ _resolve(parent: unknown): HostAreas | null {
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
  /** @internal */ _propertyApi(prop: string): string | undefined {
    return AREAS_PROPS[prop];
  }
  /** @internal */ _readProp(target: unknown, prop: string): unknown {
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
  protected _scalarProps(): readonly string[] {
    return Object.keys(AREAS_PROPS);
  }
}

/** `Excel.RangeCollection` (the `areas` of a RangeAreas). */
export class FakeRangeCollection extends FakeClientObject<readonly HostRange[]> {
  private readonly itemsCache: FakeRange[] = [];

  get items(): FakeRange[] {
    return this._get('items') as FakeRange[];
  }

  /** @internal */ _resolve(parent: unknown): readonly HostRange[] {
    return (parent as HostAreas).areas;
  }
  /** @internal */ _propertyApi(prop: string): string | undefined {
    if (prop === 'items') return '1.9';
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : prop;
    return RANGE_PROPS[bare];
  }
  /** @internal */ _readProp(target: unknown, prop: string, staged: Staged): unknown {
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
  protected _scalarProps(): readonly string[] {
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
  const sets = new Map<string, string>([
    ['ExcelApi', options.maxExcelApi ?? '1.17'],
    ...Object.entries(options.otherSets ?? {}),
  ]);
  const stats: FakeStats = { syncs: 0, requests: [], runs: 0 };
  const host: HostState = { doc: hostFromData(data), sets, stats, faults: [] };

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

  return {
    Excel,
    requirements,
    Office: { context: { requirements, displayLanguage: options.displayLanguage ?? 'zh-CN' } },
    stats,
    exportData: () => dataFromHost(host.doc),
    failNextSync(code: FakeErrorCode, message = `Simulated host failure: ${code}`, times = 1): void {
      for (let i = 0; i < times; i++) host.faults.push({ code, message });
    },
    resetStats(): void {
      stats.syncs = 0;
      stats.runs = 0;
      stats.requests.length = 0;
    },
  };
}
