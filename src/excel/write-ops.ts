/**
 * Writes as a list of small operations with an estimate of the bytes each adds to a request, sent in as few
 * round trips as the request limit allows. Excel on the web rejects a request over 5 MB; we stay under a
 * budget of 4 MB as Excel measures it, so the estimate is deliberately generous (every object path and every
 * property set costs more here than Office.js's JSON for it). An operation queues its calls on a
 * {@link WriteScope} only when its request is built, so a request refused for its size — or in cell-edit
 * mode — can be built again, split in two, and sent again (a refused request changed nothing).
 */
import { columnLetters, type CellRange } from '../core/grid.ts';
import { isPayloadError, type RunContext } from './prefetch.ts';
import { syncStep } from './office-sync.ts';

/** What an operation queues its calls on: the request being built. */
export interface WriteScope {
  readonly context: Excel.RequestContext;
  /** The sheet by name (one proxy per request; a sheet added in this request is the proxy `add` gave). */
  sheet(name: string): Excel.Worksheet;
  /** Add a sheet (appended last) and remember its proxy for the rest of the request. */
  addSheet(name: string): Excel.Worksheet;
}

/** One operation and its estimated request bytes. */
export interface WriteOp {
  readonly bytes: number;
  readonly apply: (scope: WriteScope) => void;
}

const encoder = new TextEncoder();

/** Estimated bytes of one object path (a proxy: a sheet, a range, a format…). */
export const PATH_BYTES = 150;
/** Estimated bytes of one property set or method call, besides its value. */
export const CALL_BYTES = 130;

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** An operation with `paths` proxies, `calls` sets / calls, and `payload` as the values sent. */
export function op(paths: number, calls: number, payload: unknown, apply: WriteOp['apply']): WriteOp {
  return { bytes: paths * PATH_BYTES + calls * CALL_BYTES + jsonBytes(payload ?? null), apply };
}

/** `B3:E7` (a single cell as `B3`). */
export function a1(range: CellRange): string {
  const from = `${columnLetters(range.left)}${range.top + 1}`;
  const to = `${columnLetters(range.right)}${range.bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}

/** Rows and columns of a range. */
export function shape(range: CellRange): { rows: number; cols: number } {
  return { rows: range.bottom - range.top + 1, cols: range.right - range.left + 1 };
}

/**
 * Cover a set of cells with rectangles: runs of consecutive rows per column, then neighbouring columns with
 * the same run joined. A plan's column block (4 columns × 5,000 rows) is one rectangle; a ledger's 22
 * columns of data one more per header row.
 */
export function rectangles(cells: readonly { readonly row: number; readonly col: number }[]): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col);
    if (rows) rows.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: CellRange[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = start;
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r !== undefined && prev !== undefined && r === prev + 1) {
        prev = r;
        continue;
      }
      if (start !== undefined && prev !== undefined)
        runs.push({ top: start, bottom: prev, left: col, right: col });
      start = r;
      prev = r;
    }
  }
  // Join a run to the rectangle ending in the column just left of it with the same rows.
  const open = new Map<string, number>();
  const out: CellRange[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}:${run.left - 1}`;
    const at = open.get(key);
    const left = at === undefined ? undefined : out[at];
    if (at !== undefined && left) {
      open.delete(key);
      out[at] = { ...left, right: run.right };
      open.set(`${run.top}:${run.bottom}:${run.right}`, at);
    } else {
      out.push(run);
      open.set(`${run.top}:${run.bottom}:${run.right}`, out.length - 1);
    }
  }
  return out;
}

/**
 * Cut a rectangle into row slices whose 2-D payload stays under `maxBytes` (a 20,000-row column of text must
 * not become one request-sized operation).
 */
export function rowSlices(
  range: CellRange,
  rowBytes: (row: number) => number,
  maxBytes: number,
): CellRange[] {
  const out: CellRange[] = [];
  let top = range.top;
  let bytes = 0;
  for (let r = range.top; r <= range.bottom; r++) {
    const b = rowBytes(r);
    if (r > top && bytes + b > maxBytes) {
      out.push({ ...range, top, bottom: r - 1 });
      top = r;
      bytes = 0;
    }
    bytes += b;
  }
  out.push({ ...range, top, bottom: range.bottom });
  return out;
}

function scopeFor(context: Excel.RequestContext): WriteScope {
  const sheets = new Map<string, Excel.Worksheet>();
  return {
    context,
    sheet(name: string): Excel.Worksheet {
      let ws = sheets.get(name);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(name);
        sheets.set(name, ws);
      }
      return ws;
    },
    addSheet(name: string): Excel.Worksheet {
      const ws = context.workbook.worksheets.add(name);
      sheets.set(name, ws);
      return ws;
    },
  };
}

/** Operations grouped into requests of at most `budget` estimated bytes (an oversized one goes alone). */
export function chunk(ops: readonly WriteOp[], budget: number): WriteOp[][] {
  const chunks: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const o of ops) {
    if (current.length > 0 && bytes + o.bytes > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(o);
    bytes += o.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Send the operations: as few round trips as the budget allows, in order. `last` is queued at the end of the
 * final request (e.g. removing the run's event handlers, which would otherwise cost a round trip of its own).
 * A request Excel refuses as too large is split in two and both halves sent.
 */
export async function flushOps(
  run: RunContext,
  ops: readonly WriteOp[],
  last?: (scope: WriteScope) => void,
): Promise<void> {
  const chunks = chunk(ops, run.budget);
  if (chunks.length === 0 && last) chunks.push([]);
  for (let i = 0; i < chunks.length; i++) {
    await sendChunk(run, chunks[i] ?? [], i === chunks.length - 1 ? last : undefined);
  }
}

async function sendChunk(
  run: RunContext,
  ops: readonly WriteOp[],
  last?: (scope: WriteScope) => void,
): Promise<void> {
  try {
    await syncStep(
      run.context,
      () => {
        const scope = scopeFor(run.context);
        for (const o of ops) o.apply(scope);
        last?.(scope);
      },
      run.policy,
      run.counter,
    );
  } catch (error) {
    if (!isPayloadError(error) || ops.length < 2) throw error;
    // Refused for its size before anything ran: send it as two requests.
    const half = Math.ceil(ops.length / 2);
    await sendChunk(run, ops.slice(0, half));
    await sendChunk(run, ops.slice(half), last);
  }
}
