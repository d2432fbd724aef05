/**
 * The reads of one command, in as few round trips as possible (issue 6 §1):
 *
 * 1. `readOverview` — ONE sync: the sheets (name, visibility, position), the active sheet, and whether the
 *    workbook structure is protected.
 * 2. `prefetch` — ONE sync for ≤ 5,000 rows: the settings sheet 督办助手设置, the candidate sheets (size, first
 *    block of ≤ 5,000 rows, merged areas), every sheet's protection and conditional-format list, the column
 *    widths and the used width (values AND formats) of the candidate sheets, and `onChanged` handlers on the
 *    candidate sheets — so a change by the user before we write is noticed.
 * 3. `completeReads` — only when needed: further blocks of > 5,000-row sheets (one block per sheet per sync,
 *    each response < 4 MB), the per-row look at partly hidden blocks, merged areas in slices when a sheet has
 *    more than Excel's 512, and the ranges and formulas of the conditional formats `clear` must match.
 *
 * Everything else the workflow asks (`readSheet` of a sheet not prefetched) is one more round trip through the
 * same functions ({@link readSheetsNow}).
 */
import { DubanError } from '../core/errors.ts';
import { columnLetters, parseA1, type CellRange, type Grid } from '../core/grid.ts';
import type { SheetInfo } from '../core/port/workbook-port.ts';
import {
  SETTINGS_MARKER,
  SETTINGS_SHEET_NAME,
  parseSettingsGrid,
  type DubanSettings,
  type OwnedColumnMark,
} from '../core/write-plan/owned-settings.ts';
import { parseRangeAddress } from './areas-address.ts';
import { officeErrorCode, type RequirementSets } from './office-workbook.ts';
import { syncStep, type SyncCounter, type SyncPolicy } from './office-sync.ts';
import {
  finishSheet,
  nextBlockRows,
  progressToGrid,
  queueBlock,
  queueHiddenProbe,
  queueMergeSlices,
  queueSheet,
  rowsRead,
  sheetIncomplete,
  type PendingSheet,
  type SheetProgress,
} from './sheet-read.ts';

/** Tuning and state shared by the reads and writes of one run. */
export interface RunContext {
  readonly context: Excel.RequestContext;
  readonly policy: SyncPolicy;
  readonly counter: SyncCounter;
  /** Most rows per block (default 5,000). */
  readonly blockRows: number;
  /** Bytes one request or response should stay under (default 4,000,000). */
  readonly budget: number;
  /** `Office.context.requirements`: what the host supports (merged areas need ExcelApi 1.13). */
  readonly requirements: RequirementSets;
  /** Change handlers registered in this run (taken off again however the run ends). */
  readonly watches?: ChangeWatch[];
}

/** True when the host can list merged areas (ExcelApi 1.13). */
export function mergesSupported(run: RunContext): boolean {
  return run.requirements.isSetSupported('ExcelApi', '1.13');
}

/** A sheet as the overview lists it. */
export interface SheetEntry extends SheetInfo {
  readonly position: number;
}

/** The first read of every command. */
export interface OverviewRead {
  readonly sheets: readonly SheetEntry[];
  readonly active: string;
  readonly workbookProtected: boolean;
}

const VISIBILITY: Readonly<Record<string, SheetInfo['visibility']>> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** True for the Office codes that say a request or response was too large. */
export function isPayloadError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

/** Sheets, active sheet and workbook protection in ONE round trip. */
export async function readOverview(run: RunContext): Promise<OverviewRead> {
  const { context } = run;
  const got = await syncStep(
    context,
    () => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name, items/visibility, items/position');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      const protection = context.workbook.protection;
      protection.load('protected');
      return { sheets, active, protection };
    },
    run.policy,
    run.counter,
  );
  return {
    sheets: got.sheets.items.map((s) => ({
      name: s.name,
      visibility: VISIBILITY[s.visibility] ?? 'visible',
      position: s.position,
    })),
    active: got.active.name,
    workbookProtected: got.protection.protected,
  };
}

/** One conditional format of a sheet as read (range and formula once {@link completeReads} looked). */
export interface CfEntry {
  readonly item: Excel.ConditionalFormat;
  readonly type: string;
  readonly priority: number;
  range: CellRange | null;
  formula: string | null;
}

/** A change the user made to a watched sheet while we worked. */
export interface SheetChange {
  readonly address: string;
  readonly worksheetId: string;
}

/** The `onChanged` handlers of a run and what they heard. */
export interface ChangeWatch {
  readonly changes: SheetChange[];
  readonly handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[];
  /** Set once we start writing: our own writes fire the same event. */
  ownWrites: boolean;
}

/** What {@link prefetch} is asked to read. */
export interface PrefetchRequest {
  /** Sheets to read as grids (names that exist). */
  readonly grids: readonly string[];
  /** Column widths of the grid sheets: this many columns from A. */
  readonly widthColumns: number;
  /** Register `onChanged` on the grid sheets. */
  readonly watch: boolean;
}

/** Everything the reads of a run found. */
export interface Prefetched {
  readonly overview: OverviewRead;
  /** The settings sheet: absent, ours (marker in A1) or a user's sheet of that name. */
  readonly settingsSheet: 'none' | 'ours' | 'foreign';
  /** Our stored settings (null when none or unreadable). */
  readonly settings: DubanSettings | null;
  /** Column A of our settings sheet as stored (to put it back exactly if a write fails). */
  readonly settingsValues: readonly string[] | null;
  /** Sheet names by worksheet id (the change events name sheets by id). */
  readonly sheetIds: Map<string, string>;
  /** Sheets read so far, by name (complete after {@link completeReads}). */
  readonly progress: Map<string, SheetProgress>;
  /** Finished grids (owned columns masked), by name. */
  readonly grids: Map<string, Grid>;
  readonly protectedSheets: Set<string>;
  /** Conditional formats by sheet. */
  readonly cfs: Map<string, CfEntry[]>;
  /** Column widths in points by sheet, from column A. */
  readonly widths: Map<string, number[]>;
  /** Last used column counting values and formats (-1 for a blank sheet), by sheet. */
  readonly usedRight: Map<string, number>;
  readonly watch: ChangeWatch;
}

interface Attempt {
  readonly rows: number;
  readonly merges: boolean;
}

/**
 * The candidate sheets, settings, protection, conditional-format lists, widths and used widths in ONE round
 * trip. Too large a response is asked again for a quarter of the rows; a sheet with more merged areas than
 * Excel lists at once (the request fails) is asked again without them, and its merges are read in slices by
 * {@link completeReads}.
 */
export async function prefetch(
  run: RunContext,
  overview: OverviewRead,
  request: PrefetchRequest,
): Promise<Prefetched> {
  const { context } = run;
  const names = overview.sheets.map((s) => s.name);
  const hasSettings = names.includes(SETTINGS_SHEET_NAME);
  const grids = request.grids.filter((g) => names.includes(g) && g !== SETTINGS_SHEET_NAME);
  const watch: ChangeWatch = { changes: [], handlers: [], ownWrites: false };
  run.watches?.push(watch);
  const onChanged = (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (!watch.ownWrites) watch.changes.push({ address: args.address, worksheetId: args.worksheetId });
    return Promise.resolve();
  };
  const build = (attempt: Attempt) => {
    watch.handlers.length = 0;
    const settings = hasSettings
      ? queueSheet(context, SETTINGS_SHEET_NAME, attempt.rows, false, run.requirements)
      : null;
    const pending = grids.map((g) => queueSheet(context, g, attempt.rows, attempt.merges, run.requirements));
    const perSheet = names.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.protection.load('protected');
      const cfs = conditionalFormatsOf(ws);
      cfs.load('items/type, items/priority');
      return { name, ws, cfs };
    });
    const extras = pending.map((p) => {
      const widths = Array.from({ length: request.widthColumns }, (_, c) => {
        const column = p.sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`);
        column.format.load('columnWidth');
        return column;
      });
      const used = p.sheet.getUsedRangeOrNullObject(false);
      used.load('columnIndex, columnCount');
      return { name: p.name, widths, used };
    });
    if (request.watch) {
      // Not the settings sheet: users cannot reach it, and a re-run deletes it (a handler on a deleted sheet
      // cannot be removed).
      for (const p of pending) {
        watch.handlers.push(p.sheet.onChanged.add(onChanged));
      }
    }
    return { settings, pending, perSheet, extras };
  };
  let attempt: Attempt = { rows: run.blockRows, merges: mergesSupported(run) };
  let got: ReturnType<typeof build>;
  for (;;) {
    try {
      const current = attempt;
      got = await syncStep(context, () => build(current), run.policy, run.counter);
      break;
    } catch (error) {
      if (isPayloadError(error) && attempt.rows > 1) {
        attempt = { ...attempt, rows: Math.ceil(attempt.rows / 4) };
      } else if (officeErrorCode(error) === 'GeneralException' && attempt.merges && grids.length > 0) {
        // Excel refuses to list more than 512 merged areas at once: read them in slices afterwards.
        attempt = { ...attempt, merges: false };
      } else {
        throw error;
      }
    }
  }
  const progress = new Map<string, SheetProgress>();
  for (const p of got.pending) {
    const sheet = finishSheet(p);
    if (mergesSupported(run) && !attempt.merges) sheet.merges = null;
    progress.set(p.name, sheet);
  }
  let settingsSheet: Prefetched['settingsSheet'] = 'none';
  let settings: DubanSettings | null = null;
  let settingsValues: string[] | null = null;
  const sheetIds = new Map<string, string>();
  for (const p of got.pending) sheetIds.set(p.sheet.id, p.name);
  if (got.settings) {
    sheetIds.set(got.settings.sheet.id, SETTINGS_SHEET_NAME);
    const grid = await settingsGrid(run, got.settings);
    const marker = grid.cells[0]?.[0];
    settingsSheet = marker === SETTINGS_MARKER ? 'ours' : 'foreign';
    settings = settingsSheet === 'ours' ? parseSettingsGrid(grid) : null;
    if (settingsSheet === 'ours') {
      settingsValues = grid.cells.map((row) => (typeof row[0] === 'string' ? row[0] : ''));
    }
  }
  const protectedSheets = new Set(got.perSheet.filter((s) => s.ws.protection.protected).map((s) => s.name));
  const cfs = new Map<string, CfEntry[]>();
  for (const s of got.perSheet) {
    cfs.set(
      s.name,
      s.cfs.items.map((item) => ({
        item,
        type: item.type,
        priority: item.priority,
        range: null,
        formula: null,
      })),
    );
  }
  const widths = new Map<string, number[]>();
  const usedRight = new Map<string, number>();
  for (const e of got.extras) {
    widths.set(
      e.name,
      e.widths.map((w) => w.format.columnWidth),
    );
    usedRight.set(e.name, e.used.isNullObject ? -1 : e.used.columnIndex + e.used.columnCount - 1);
  }
  return {
    overview,
    settingsSheet,
    settings,
    settingsValues,
    sheetIds,
    progress,
    grids: new Map(),
    protectedSheets,
    cfs,
    widths,
    usedRight,
    watch,
  };
}

/** The settings sheet's grid (read with the prefetch; the JSON is a handful of cells). */
async function settingsGrid(run: RunContext, pending: PendingSheet): Promise<Grid> {
  const progress = finishSheet(pending);
  await complete(run, [progress], []);
  return progressToGrid(progress, []);
}

/** What {@link completeReads} is asked to finish besides the grids. */
export interface CompleteRequest {
  /** Sheets whose conditional formats' ranges and formulas are needed (to match our marks). */
  readonly cfDetailSheets: readonly string[];
}

/**
 * Finish every prefetched sheet (further blocks, hidden-row looks, merge slices) and the conditional-format
 * details asked for, then build the grids with `owned` columns masked. One round trip per further block;
 * the details ride along with the first.
 */
export async function completeReads(
  run: RunContext,
  pre: Prefetched,
  request: CompleteRequest,
  owned: readonly OwnedColumnMark[],
): Promise<void> {
  const details = request.cfDetailSheets.flatMap((s) =>
    (pre.cfs.get(s) ?? []).filter((e) => e.range === null && (e.type === 'Custom' || e.type === 'DataBar')),
  );
  await complete(run, [...pre.progress.values()], details);
  for (const p of pre.progress.values()) {
    if (!pre.grids.has(p.name)) pre.grids.set(p.name, progressToGrid(p, owned));
  }
}

/** Rows looked at one by one per round trip. */
const PROBE_ROWS = 5000;

async function complete(
  run: RunContext,
  sheets: readonly SheetProgress[],
  details: CfEntry[],
): Promise<void> {
  let sliceRows = 1000;
  // Shrinks when Excel refuses a block's response as too large.
  let blockRows = run.blockRows;
  let pendingDetails = details;
  while (pendingDetails.length > 0 || sheets.some(sheetIncomplete)) {
    const open = sheets.filter(sheetIncomplete);
    // The budget is shared by the sheets read in the same round trip.
    const share = Math.max(1, Math.floor(run.budget / Math.max(1, open.length)));
    const slice = sliceRows;
    const build = (): (() => void)[] => {
      const finishers: (() => void)[] = [];
      for (const p of open) {
        if (rowsRead(p) < p.rowCount) {
          finishers.push(queueBlock(p, nextBlockRows(p, blockRows, share)));
        } else if (p.toProbe.length > 0) {
          finishers.push(queueHiddenProbe(p, PROBE_ROWS));
        } else if (p.merges === null) {
          finishers.push(queueMergeSlices(p, slice, run.requirements));
        }
      }
      for (const e of pendingDetails) finishers.push(queueDetail(e));
      return finishers;
    };
    let finishers: (() => void)[];
    try {
      finishers = await syncStep(run.context, build, run.policy, run.counter);
    } catch (error) {
      // Excel refuses more than 512 merged areas in one slice: smaller slices, same round trip again.
      if (officeErrorCode(error) === 'GeneralException' && open.some((p) => p.merges === null) && slice > 1) {
        sliceRows = Math.max(1, Math.floor(slice / 4));
        continue;
      }
      if (isPayloadError(error) && blockRows > 1) {
        blockRows = Math.ceil(blockRows / 2);
        continue;
      }
      throw error;
    }
    for (const finish of finishers) finish();
    pendingDetails = [];
  }
}

/** Every conditional format of a sheet (those of its whole range). */
function conditionalFormatsOf(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return ws.getRange().conditionalFormats;
}

function queueDetail(entry: CfEntry): () => void {
  const range = entry.item.getRange();
  range.load('address');
  const rule = entry.type === 'Custom' ? entry.item.custom.rule : null;
  rule?.load('formula');
  return () => {
    finishDetail(entry, range, rule);
  };
}

/** After the sync: the rule's range and formula. */
function finishDetail(entry: CfEntry, range: Excel.Range, rule: Excel.ConditionalFormatRule | null): void {
  entry.range = parseRangeAddress(range.address);
  entry.formula = rule ? rule.formula : null;
}

/**
 * First blocks of `names` in one round trip: asked again for a quarter of the rows when the response is too
 * large, and without merged areas when Excel refuses to list them all at once (they are then read in slices
 * by {@link complete}).
 */
async function readFirstBlocks(run: RunContext, names: readonly string[]): Promise<SheetProgress[]> {
  let rows = run.blockRows;
  let merges = mergesSupported(run);
  let pending: PendingSheet[];
  for (;;) {
    const r = rows;
    const m = merges;
    try {
      pending = await syncStep(
        run.context,
        () => names.map((n) => queueSheet(run.context, n, r, m, run.requirements)),
        run.policy,
        run.counter,
      );
      break;
    } catch (error) {
      if (isPayloadError(error) && rows > 1) rows = Math.ceil(rows / 4);
      else if (officeErrorCode(error) === 'GeneralException' && merges) merges = false;
      else throw error;
    }
  }
  return pending.map((p) => {
    const sheet = finishSheet(p);
    if (mergesSupported(run) && !merges) sheet.merges = null;
    return sheet;
  });
}

/**
 * Read sheets that were not prefetched (the workflow asked for one more): first blocks in one round trip,
 * then completed like the prefetched ones.
 */
export async function readSheetsNow(
  run: RunContext,
  pre: Prefetched,
  names: readonly string[],
  owned: readonly OwnedColumnMark[],
): Promise<void> {
  const wanted = names.filter((n) => !pre.progress.has(n));
  if (wanted.length === 0) return;
  for (const sheet of await readFirstBlocks(run, wanted)) pre.progress.set(sheet.name, sheet);
  await completeReads(run, pre, { cfDetailSheets: [] }, owned);
}

/**
 * One sheet as a grid, on its own (the workbook port outside a session): one round trip for up to
 * `blockRows` rows, one more per further block, hidden-row look or merge slice. Nothing is masked: outside a
 * session there are no marks to mask by. An unknown sheet is `DubanError('sheet_not_found')`; Excel finds
 * sheets ignoring case, the port's other adapters do not, so a name differing in case is unknown too.
 */
export async function readGrid(run: RunContext, name: string): Promise<Grid> {
  let sheets: SheetProgress[];
  try {
    sheets = await readFirstBlocks(run, [name]);
  } catch (error) {
    if (officeErrorCode(error) === 'ItemNotFound') {
      throw new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name }, { cause: error });
    }
    throw error;
  }
  const sheet = sheets[0];
  if (sheet?.sheet.name !== name) {
    throw new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name });
  }
  await complete(run, sheets, []);
  return progressToGrid(sheet, []);
}

/** Parse `A3:V163` (a mark's ref) into a range; null when it is not one. */
export function parseRef(ref: string): CellRange | null {
  const [from, to = from] = ref.split(':');
  const a = from === undefined ? null : parseA1(from);
  const b = parseA1(to ?? '');
  if (!a || !b) return null;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/**
 * The conditional formats of `sheets` with ranges and formulas: two round trips (the list, then each rule's
 * range and formula). Used after a failed write, when what is in the workbook has to be looked at again.
 */
export async function readConditionalFormats(
  run: RunContext,
  sheets: readonly string[],
): Promise<Map<string, CfEntry[]>> {
  const out = new Map<string, CfEntry[]>();
  if (sheets.length === 0) return out;
  const lists = await syncStep(
    run.context,
    () =>
      sheets.map((name) => {
        const cfs = conditionalFormatsOf(run.context.workbook.worksheets.getItem(name));
        cfs.load('items/type, items/priority');
        return { name, cfs };
      }),
    run.policy,
    run.counter,
  );
  for (const l of lists) {
    out.set(
      l.name,
      l.cfs.items.map((item) => ({
        item,
        type: item.type,
        priority: item.priority,
        range: null,
        formula: null,
      })),
    );
  }
  const entries = [...out.values()].flat().filter((e) => e.type === 'Custom' || e.type === 'DataBar');
  if (entries.length > 0) {
    const finishers = await syncStep(run.context, () => entries.map(queueDetail), run.policy, run.counter);
    for (const f of finishers) f();
  }
  return out;
}
