/**
 * The engine of the fake Excel: the request context (queue, sync, payload estimate, in-order processing of
 * reads and writes), the proxy base class with Office.js's load / sync strictness, and the small spec
 * machinery the proxy classes in `fake-excel.ts` and `fake-range-parts.ts` are built from.
 */
import { FakeNotModelledError, FakeOfficeError, type FakeErrorCode } from './fake-errors.ts';
import type { HostRange, HostSheet, HostWorkbook } from './fake-host.ts';
import { checkLive } from './fake-ops.ts';
import type { FakeWorkbook } from './fake-excel.ts';
import { compareVersions } from '../../src/excel/office-api-sets.ts';

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

/** The simulated Excel behind every request context of one fake. */
export interface HostState {
  readonly doc: HostWorkbook;
  readonly sets: ReadonlyMap<string, string>;
  readonly stats: FakeStats;
  readonly faults: { code: FakeErrorCode; message: string }[];
  writeFault: { remaining: number; code: FakeErrorCode; message?: string } | null;
  /** Count one write action; throws the injected fault when it is the one to fail. */
  countWrite(name: string): void;
  /**
   * Tell `onDocumentChange` listeners (asynchronously) that the document changed: after a sync that applied
   * at least one write, after `userEdit` and after a selection change.
   */
  documentChanged(): void;
  /** Call the sheet's onChanged handlers (asynchronously) for an edit of `range`. */
  fireChanged(range: HostRange, trigger: 'ThisLocalAddin' | 'Others'): Promise<void>;
  /** The `context.workbook` proxy of a new context (the classes live in fake-excel.ts). */
  makeWorkbook(context: FakeRequestContext): FakeWorkbook;
}

// ---------------------------------------------------------------------------------------------------------
// versions and payload

export function supports(sets: ReadonlyMap<string, string>, name: string, version: string): boolean {
  const max = sets.get(name);
  return max !== undefined && compareVersions(version, max) <= 0;
}

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

// ---------------------------------------------------------------------------------------------------------
// the request context and the proxy base class

/** What a queued action can reach while the host processes a request. */
export interface Env {
  readonly host: HostState;
  readonly doc: HostWorkbook;
  readonly staged: Staged;
  /** The host object behind a proxy argument (a null object fails with `InvalidObjectPath`). */
  readonly target: (o: unknown, where: string) => unknown;
  /** Record that cells were edited (for `onChanged`). */
  readonly edited: (range: HostRange) => void;
}

export interface PathInfo {
  readonly parent: FakeClientObject<unknown>;
  readonly name: string;
  readonly args: readonly unknown[];
  /** ExcelApi version the member needs. */
  readonly api: string;
  readonly type: 'method' | 'property';
  /** How the object is found from its parent's host object (else the class's `_resolve`). */
  readonly eval?: (parent: unknown, env: Env) => unknown;
  /** A method that changes the document (`worksheets.add`): a write, evaluated once. */
  readonly sideEffect?: boolean;
}

interface PathAction {
  readonly kind: 'path';
  readonly obj: FakeClientObject<unknown>;
}
interface LoadAction {
  readonly kind: 'load';
  readonly obj: FakeClientObject<unknown>;
  readonly props: readonly string[];
}
interface SetAction {
  readonly kind: 'set';
  readonly obj: FakeClientObject<unknown>;
  readonly prop: string;
  readonly value: unknown;
}
interface CallAction {
  readonly kind: 'call';
  readonly obj: FakeClientObject<unknown>;
  readonly method: string;
  readonly args: readonly unknown[];
  readonly result?: FakeClientResult<unknown>;
}
type Action = PathAction | LoadAction | SetAction | CallAction;

/** Staged results of one sync: loaded values are delivered only when the whole request succeeds. */
export interface Staged {
  readonly targets: Map<FakeClientObject<unknown>, unknown>;
  readonly loads: { obj: FakeClientObject<unknown>; values: Map<string, unknown> }[];
  readonly afterCommit: (() => void)[];
}

/** A loadable / settable property of a proxy class. */
export interface PropSpec<T> {
  readonly api: string;
  readonly read?: (t: T, staged: Staged) => unknown;
  readonly write?: (t: T, value: unknown, env: Env) => void;
}
/** A method that queues a write (or returns a `ClientResult`). */
export interface MethodSpec<T> {
  readonly api: string;
  readonly run: (t: T, args: readonly unknown[], env: Env) => unknown;
  /**
   * False for methods that leave the document as it was (registering an event handler): they still count
   * as writes for `failAtWrite`, but do not make `onDocumentChange` listeners run.
   */
  readonly changesDocument?: false;
}
/** The members of a proxy class, as data. */
export interface ObjectSpec<T> {
  readonly props: Readonly<Record<string, PropSpec<T>>>;
  readonly methods?: Readonly<Record<string, MethodSpec<T>>>;
}

function apiNotFound(name: string, api: string): FakeOfficeError {
  return new FakeOfficeError(
    'ApiNotFound',
    `The API you are trying to use could not be found (${name}, ExcelApi ${api}).`,
    name,
  );
}

/** A write must not reach a sheet that was deleted meanwhile (proxies outlive `Worksheet.delete`). */
function checkTargetLive(doc: HostWorkbook, target: unknown): void {
  if (target === null || typeof target !== 'object') return;
  const holder = target as { cells?: unknown; sheet?: unknown };
  const sheet = holder.cells !== undefined ? target : holder.sheet;
  if (sheet !== null && typeof sheet === 'object' && 'cells' in sheet) checkLive(doc, sheet as HostSheet);
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
    this.workbook = host.makeWorkbook(this);
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
        const edits: HostRange[] = [];
        // Set once a write took effect; a request failing later still changed the document (not transactional).
        const applied = { any: false };
        try {
          const fault = host.faults.shift();
          if (fault) throw new FakeOfficeError(fault.code, fault.message);
          if (requestBytes > PAYLOAD_LIMIT_BYTES) {
            throw new FakeOfficeError(
              'RequestPayloadSizeLimitExceeded',
              `The request payload (${requestBytes} bytes) exceeds the limit.`,
            );
          }
          const staged = this.process(actions, edits, applied);
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
        } finally {
          // Writes that took effect fire onChanged (Excel reports the add-in's own edits too).
          for (const range of edits) void host.fireChanged(range, 'ThisLocalAddin');
          if (applied.any) host.documentChanged();
        }
      }, 0);
    });
  }

  private process(actions: readonly Action[], edits: HostRange[], applied: { any: boolean }): Staged {
    const host = this._host;
    const staged: Staged = { targets: new Map(), loads: [], afterCommit: [] };
    const checkApi = (name: string, api: string): void => {
      if (!supports(host.sets, 'ExcelApi', api)) throw apiNotFound(name, api);
    };
    const env: Env = {
      host,
      doc: host.doc,
      staged,
      target: (o, where) => {
        if (!(o instanceof FakeClientObject))
          throw new FakeOfficeError('InvalidArgument', `${where}: not an object.`);
        o._checkContext(this);
        const t = targetOf(o);
        if (t === null)
          throw new FakeOfficeError('InvalidObjectPath', `${where}: the argument is a null object.`);
        return t;
      },
      edited: (range) => edits.push(range),
    };
    const evaluate = (obj: FakeClientObject<unknown>): unknown => {
      const path = obj._path;
      if (!path) return obj._currentTarget();
      checkApi(path.name, path.api);
      const parentTarget = targetOf(path.parent);
      if (parentTarget === null) {
        throw new FakeOfficeError(
          'InvalidObjectPath',
          `Cannot call ${path.name} on a null object (check isNullObject first).`,
          path.name,
        );
      }
      if (path.sideEffect) {
        host.countWrite(path.name);
        checkTargetLive(host.doc, parentTarget);
      }
      const target = path.eval ? path.eval(parentTarget, env) : obj._resolve(parentTarget, path, targetOf);
      if (path.sideEffect) applied.any = true;
      staged.targets.set(obj, target);
      // A write happened: the proxy is bound to what it created even if a later action fails.
      if (path.sideEffect) obj._resolved(target);
      return target;
    };
    const targetOf = (obj: FakeClientObject<unknown>): unknown => {
      if (staged.targets.has(obj)) return staged.targets.get(obj);
      if (obj._isResolved()) return obj._currentTarget();
      // Created in an earlier request that failed: Office.js sends the object's path again with the next
      // request that uses it, so it is evaluated again (and fails again if its sheet is still missing).
      return evaluate(obj);
    };
    const liveTarget = (obj: FakeClientObject<unknown>, member: string): unknown => {
      const target = targetOf(obj);
      if (target === null) {
        throw new FakeOfficeError('InvalidObjectPath', `Cannot use ${member} on a null object.`, member);
      }
      checkTargetLive(host.doc, target);
      return target;
    };
    for (const action of actions) {
      const obj = action.obj;
      switch (action.kind) {
        case 'path':
          if (!staged.targets.has(obj)) evaluate(obj);
          break;
        case 'set': {
          const spec = obj._spec()?.props[action.prop];
          if (!spec?.write) throw new FakeNotModelledError(`setting ${obj._className()}.${action.prop}`);
          checkApi(action.prop, spec.api);
          const target = liveTarget(obj, action.prop);
          host.countWrite(action.prop);
          spec.write(target as never, action.value, env);
          applied.any = true;
          break;
        }
        case 'call': {
          const spec = obj._spec()?.methods?.[action.method];
          if (!spec) throw new FakeNotModelledError(`${obj._className()}.${action.method}()`);
          checkApi(action.method, spec.api);
          const target = liveTarget(obj, action.method);
          if (action.result === undefined) host.countWrite(action.method);
          const value = spec.run(target as never, action.args, env);
          if (action.result === undefined && spec.changesDocument !== false) applied.any = true;
          const result = action.result;
          if (result)
            staged.afterCommit.push(() => {
              result._set(value);
            });
          break;
        }
        case 'load': {
          const target = targetOf(obj);
          const values = new Map<string, unknown>();
          if (target !== null) {
            checkTargetLive(host.doc, target);
            for (const prop of action.props) {
              const api = obj._propertyApi(prop);
              if (api === undefined) {
                throw new FakeOfficeError(
                  'InvalidArgument',
                  `The property '${prop}' is not available.`,
                  prop,
                );
              }
              if (!supports(host.sets, 'ExcelApi', api)) {
                throw new FakeOfficeError('ApiNotFound', `Property ${prop} needs ExcelApi ${api}.`, prop);
              }
              values.set(prop, obj._readProp(target, prop, staged));
            }
          }
          staged.loads.push({ obj, values });
          break;
        }
      }
    }
    return staged;
  }
}

/** An argument as the request carries it: proxies by their path id, handlers by a token. */
function wireValue(v: unknown): unknown {
  if (v instanceof FakeClientObject) return { ObjectPathId: v._id };
  if (typeof v === 'function') return { EventHandler: true };
  return v;
}

function serialiseRequest(actions: readonly Action[]): unknown {
  // Shaped like Office's RichApi request so the estimate is close to what Excel receives.
  const objectPaths: Record<string, unknown> = {};
  const list: unknown[] = [];
  let next = 0;
  for (const a of actions) {
    const obj = a.obj;
    if (a.kind === 'path') {
      const p = obj._path;
      if (!p) continue;
      objectPaths[String(obj._id)] = {
        Id: obj._id,
        ObjectPathType: p.type === 'method' ? 3 : 4,
        Name: p.name,
        ParentObjectPathId: p.parent._id,
        ArgumentInfo: { Arguments: p.args.map(wireValue) },
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
    } else if (a.kind === 'set') {
      // The written value travels in full: a 20,000-row `values` write is megabytes, as in Excel.
      list.push({
        Id: `w${next++}`,
        ActionType: 4,
        Name: a.prop,
        ObjectPathId: obj._id,
        ArgumentInfo: { Arguments: [wireValue(a.value)] },
      });
    } else {
      list.push({
        Id: `w${next++}`,
        ActionType: 3,
        Name: a.method,
        ObjectPathId: obj._id,
        ArgumentInfo: { Arguments: a.args.map(wireValue) },
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
    } else if (a.kind === 'load') {
      const load = staged.loads[loadIndex++];
      results.push({ ActionId: a.obj._id * 2 + 1, Value: load ? Object.fromEntries(load.values) : null });
    } else if (a.kind === 'call' && a.result) {
      results.push({ ActionId: a.obj._id, Value: 0 });
    }
  }
  return { Results: results };
}

export function parseSelect(props: string | readonly string[] | undefined): string[] | undefined {
  if (props === undefined) return undefined;
  const list = typeof props === 'string' ? props.split(',') : [...props];
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

/** Copy a written value at queue time, as Office.js serialises it then (later mutation must not leak in). */
function snapshotArg(v: unknown): unknown {
  if (v instanceof FakeClientObject || typeof v === 'function') return v;
  if (v === null || typeof v !== 'object') return v;
  return structuredClone(v);
}

// Names a runtime or test framework probes on any object; everything else unknown is a member we do not model.
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

/**
 * Every proxy is wrapped so that touching a member the fake does not model throws
 * {@link FakeNotModelledError} instead of silently reading `undefined` or storing a stray property.
 */
const STRICT: ProxyHandler<FakeClientObject<unknown>> = {
  get(target, prop, receiver) {
    if (typeof prop === 'symbol' || prop in target || PROBED.has(prop)) {
      return Reflect.get(target, prop, receiver) as unknown;
    }
    throw new FakeNotModelledError(`${target._className()}.${prop}`);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === 'symbol' || prop in target) return Reflect.set(target, prop, value, receiver);
    throw new FakeNotModelledError(`setting ${target._className()}.${prop}`);
  },
};

/** The base of every proxy: Office.js's `ClientObject`. */
export abstract class FakeClientObject<T> {
  readonly context: FakeRequestContext;
  /** @internal */ readonly _id: number;
  /** @internal */ readonly _path: PathInfo | null;
  private target: T | null = null;
  private resolved: boolean;
  private loaded = new Map<string, unknown>();
  private navs = new Map<string, unknown>();

  /** @internal */
  constructor(context: FakeRequestContext, path: PathInfo | null, root?: T) {
    context._checkOpen();
    if (path) path.parent._checkContext(context);
    this.context = context;
    this._id = context._newId();
    this._path = path;
    this.resolved = path === null;
    if (root !== undefined) this.target = root;
    const self = new Proxy(this, STRICT) as this;
    if (path) context._enqueue({ kind: 'path', obj: self });
    return self;
  }

  /** @internal The Office.js class name, for messages. */
  _className(): string {
    return this.constructor.name.replace(/^Fake/, '');
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
  _resolve(_parent: unknown, path: PathInfo, _targetOf: (o: FakeClientObject<unknown>) => unknown): T | null {
    throw new FakeNotModelledError(`${this._className()} via ${path.name}`);
  }
  /** @internal The members of the class as data (classes without one override the three methods below). */
  _spec(): ObjectSpec<never> | null {
    return null;
  }
  /** @internal The API version of a loadable property, undefined when the object has no such property. */
  _propertyApi(prop: string): string | undefined {
    const spec = this._spec()?.props[prop];
    return spec?.read ? spec.api : undefined;
  }
  /** @internal The property's value on the host. */
  _readProp(target: unknown, prop: string, staged: Staged): unknown {
    const read = this._spec()?.props[prop]?.read;
    if (!read) throw new FakeNotModelledError(`${this._className()}.${prop}`);
    return read(target as never, staged);
  }
  /** @internal Every scalar property, for `load()` without arguments. */
  protected _scalarProps(): readonly string[] {
    const props = this._spec()?.props ?? {};
    return Object.keys(props).filter((k) => props[k]?.read !== undefined);
  }

  /** Queue a read of properties (`'values, numberFormat'` or an array); nothing is read before `sync()`. */
  load(props?: string | readonly string[]): this {
    const select = parseSelect(props) ?? [...this._scalarProps()];
    this.context._enqueue({ kind: 'load', obj: this, props: select });
    return this;
  }

  /** The loaded properties as a plain object (what Office.js's `toJSON` gives). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
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
  _get(prop: string): unknown {
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

  /** @internal Queue a property write (sent with the next sync, applied in order). */
  _set(prop: string, value: unknown): void {
    this.context._enqueue({ kind: 'set', obj: this, prop, value: snapshotArg(value) });
  }

  /** @internal Queue a method call that changes the document. */
  _call(method: string, args: readonly unknown[]): void {
    for (const a of args) if (a instanceof FakeClientObject) a._checkContext(this.context);
    this.context._enqueue({ kind: 'call', obj: this, method, args: args.map(snapshotArg) });
  }

  /** @internal Queue a method call whose answer comes back as a `ClientResult`. */
  _ask<V>(method: string, args: readonly unknown[]): FakeClientResult<V> {
    const result = new FakeClientResult<V>();
    this.context._enqueue({
      kind: 'call',
      obj: this,
      method,
      args,
      result: result,
    });
    return result;
  }

  /** @internal A navigation property or method: one proxy per parent proxy and key. */
  _nav<C>(key: string, make: () => C): C {
    let child = this.navs.get(key) as C | undefined;
    if (child === undefined) {
      child = make();
      this.navs.set(key, child);
    }
    return child;
  }
}

/** `OfficeExtension.ClientResult`: a method's answer, readable after the sync. */
export class FakeClientResult<V> {
  private has = false;
  private answer: V | undefined;

  /** The answer; throws `ValueNotLoaded` before the sync that carries it. */
  get value(): V {
    if (!this.has) {
      throw new FakeOfficeError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Call "context.sync()" first.',
      );
    }
    return this.answer as V;
  }

  /** @internal */ _set(value: unknown): void {
    this.answer = value as V;
    this.has = true;
  }
}

/** Path info of a navigation property (`range.format`) or a method returning an object. */
export function navPath(
  parent: FakeClientObject<unknown>,
  name: string,
  api: string,
  evaluate: (parent: unknown, env: Env) => unknown,
  extra: { type?: 'method' | 'property'; args?: readonly unknown[]; sideEffect?: boolean } = {},
): PathInfo {
  return {
    parent,
    name,
    args: extra.args ?? [],
    api,
    type: extra.type ?? 'property',
    eval: evaluate,
    ...(extra.sideEffect ? { sideEffect: true } : {}),
  };
}

/**
 * Install Office.js-style accessors for the props of a spec on a class: reading gives the loaded value (or
 * throws `PropertyNotLoaded`), assigning queues a write when the property is writable.
 */
export function defineAccessors(proto: object, spec: ObjectSpec<never>): void {
  for (const [name, p] of Object.entries(spec.props)) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: FakeClientObject<unknown>) {
        return this._get(name);
      },
      ...(p.write
        ? {
            set(this: FakeClientObject<unknown>, value: unknown) {
              this._set(name, value);
            },
          }
        : {}),
    });
  }
}

/**
 * Commit item properties of a collection load: items are proxies created once per collection and index (so a
 * second load refreshes the same objects), each receiving the selected fields.
 */
export function commitItems<I extends FakeClientObject<unknown>, H>(
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
