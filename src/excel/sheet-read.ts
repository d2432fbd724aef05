/**
 * Reading sheets as grids inside a run that already has a request context, so that several sheets, the
 * settings sheet and everything else a command needs travel in ONE round trip (see `prefetch.ts`). The grid
 * is exactly the one `OfficeWorkbook.readSheet` and the other adapters deliver (`sheetDataToGrid`).
 *
 * A sheet is read as: its size and its first block of rows (≤ 5,000) queued together with the other sheets'
 * (`queueSheet`); the remaining blocks, one per round trip, sized so each response stays under the budget
 * (`queueBlock`); rows hidden in only part of a block, looked up row by row (`queueHiddenProbe`); merged areas
 * (ExcelApi 1.13) with the first block, or — when Excel refuses to list more than 512 of them at once — in
 * row slices (`queueMergeSlices`). Our own owned result columns are blanked (`maskOwnedColumns`, shared with the exceljs reader) so a re-run never
 * reads its own 完成率 as the user's.
 */
import { columnLetters, type CellRange, type Grid, type RawCell } from '../core/grid.ts';
import { sheetDataToGrid } from '../core/port/memory-workbook.ts';
import { maskOwnedColumns } from '../core/write-plan/mask-owned.ts';
import type { OwnedColumnMark } from '../core/write-plan/owned-settings.ts';
import { parseAreasAddress } from './areas-address.ts';
import { toGridFormat, toRawCell, type RequirementSets } from './office-workbook.ts';

/** Rows of one block of a read. */
export interface RowBlock {
  /** Absolute 0-based first row. */
  readonly start: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formats: readonly (readonly unknown[])[];
  readonly types: readonly (readonly string[])[];
  /** false: no row hidden; true: all; null: some. */
  readonly rowHidden: boolean | null;
}

/** A sheet read in progress (proxies queued, loaded after the next sync). */
export interface PendingSheet {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly whole: Excel.Range;
  readonly first: Excel.Range;
  readonly merged: Excel.RangeAreas | null;
  readonly firstRows: number;
}

/** A sheet read so far. */
export interface SheetProgress {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly whole: Excel.Range;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly blocks: RowBlock[];
  /** Merged areas; null while they still have to be read in slices. */
  merges: CellRange[] | null;
  /** Hidden rows found so far (absolute). */
  readonly hiddenRows: number[];
  /** Rows still to look at one by one (their block said "some hidden"). */
  readonly toProbe: number[];
}

const encoder = new TextEncoder();

/** Queue the first read of a sheet: size, first `rows` rows, and (when asked) its merged areas. */
export function queueSheet(
  context: Excel.RequestContext,
  name: string,
  rows: number,
  merges: boolean,
  requirements: RequirementSets,
): PendingSheet {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.load('name, id');
  // getUsedRange (not …OrNullObject) gives A1 on a blank sheet, so the chain never starts from a null object.
  const whole = sheet.getRange('A1').getBoundingRect(sheet.getUsedRange(true));
  whole.load('rowCount, columnCount');
  const first = whole.getIntersection(sheet.getRange(`1:${rows}`));
  // Every block loads the same four properties (the literal list keeps the add-in linter able to check it).
  first.load('values, numberFormat, valueTypes, rowHidden');
  // Merged areas need ExcelApi 1.13; older hosts read the grid without them (the documented fallback).
  const merged =
    merges && requirements.isSetSupported('ExcelApi', '1.13') ? whole.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return { name, sheet, whole, first, merged, firstRows: rows };
}

function blockOf(range: Excel.Range, start: number): RowBlock {
  return {
    start,
    values: range.values,
    formats: range.numberFormat,
    types: range.valueTypes,
    // Typed boolean in @types/office-js, but documented (and delivered) as null when only some rows are hidden.
    rowHidden: range.rowHidden,
  };
}

function noteHidden(progress: SheetProgress, block: RowBlock): void {
  const rows = Array.from({ length: block.values.length }, (_, i) => block.start + i);
  if (block.rowHidden === true) progress.hiddenRows.push(...rows);
  else if (block.rowHidden === null) progress.toProbe.push(...rows);
}

/** After the sync: what the first read delivered. */
export function finishSheet(pending: PendingSheet): SheetProgress {
  const block = blockOf(pending.first, 0);
  const progress: SheetProgress = {
    name: pending.name,
    sheet: pending.sheet,
    whole: pending.whole,
    rowCount: pending.whole.rowCount,
    columnCount: pending.whole.columnCount,
    blocks: [block],
    merges:
      pending.merged === null
        ? []
        : pending.merged.isNullObject
          ? []
          : parseAreasAddress(pending.merged.address),
    hiddenRows: [],
    toProbe: [],
  };
  noteHidden(progress, block);
  return progress;
}

/** Rows read so far. */
export function rowsRead(progress: SheetProgress): number {
  return progress.blocks.reduce((n, b) => n + b.values.length, 0);
}

/** Average bytes of a row read so far (values, formats and types as JSON), at least 1. */
export function averageRowBytes(progress: SheetProgress): number {
  let bytes = 0;
  let rows = 0;
  for (const b of progress.blocks) {
    bytes += encoder.encode(JSON.stringify([b.values, b.formats, b.types])).length;
    rows += b.values.length;
  }
  return Math.max(1, rows === 0 ? 1 : bytes / rows);
}

/**
 * Rows for the next block: at most `blockRows`, and few enough that the response stays within `budget` at the
 * rows' average size so far (10 % headroom; a response Excel still refuses is asked again for fewer rows).
 */
export function nextBlockRows(progress: SheetProgress, blockRows: number, budget: number): number {
  const left = progress.rowCount - rowsRead(progress);
  const fit = Math.max(1, Math.floor((budget * 0.9) / averageRowBytes(progress)));
  return Math.max(0, Math.min(left, blockRows, fit));
}

/** Queue the next block of `count` rows; returns how to finish it after the sync. */
export function queueBlock(progress: SheetProgress, count: number): () => void {
  const start = rowsRead(progress);
  const range = progress.sheet.getRange(
    `A${start + 1}:${columnLetters(progress.columnCount - 1)}${start + count}`,
  );
  range.load('values, numberFormat, valueTypes, rowHidden');
  return () => {
    const block = blockOf(range, start);
    progress.blocks.push(block);
    noteHidden(progress, block);
  };
}

/** Queue a per-row look at up to `limit` rows whose block was partly hidden. */
export function queueHiddenProbe(progress: SheetProgress, limit: number): () => void {
  // Taken off the list only once the sync succeeded: a retried round trip asks for the same rows.
  const rows = progress.toProbe.slice(0, limit);
  const probes = rows.map((r) => {
    const row = progress.whole.getRow(r);
    row.load('rowHidden');
    return { r, row };
  });
  return () => {
    progress.toProbe.splice(0, rows.length);
    for (const p of probes) if (p.row.rowHidden) progress.hiddenRows.push(p.r);
  };
}

/**
 * Queue the merged areas of a sheet in slices of `sliceRows` rows (for sheets with more than Excel's 512 at
 * once). Areas crossing a slice border come back whole from both slices; they are counted once.
 */
export function queueMergeSlices(
  progress: SheetProgress,
  sliceRows: number,
  requirements: RequirementSets,
): () => void {
  if (!requirements.isSetSupported('ExcelApi', '1.13')) return noMerges(progress);
  const slices: Excel.RangeAreas[] = [];
  const lastCol = columnLetters(Math.max(0, progress.columnCount - 1));
  for (let top = 0; top < progress.rowCount; top += sliceRows) {
    const bottom = Math.min(progress.rowCount, top + sliceRows);
    const areas = progress.sheet.getRange(`A${top + 1}:${lastCol}${bottom}`).getMergedAreasOrNullObject();
    areas.load('address');
    slices.push(areas);
  }
  return () => {
    const seen = new Map<string, CellRange>();
    for (const s of slices) {
      if (s.isNullObject) continue;
      for (const m of parseAreasAddress(s.address)) seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    }
    progress.merges = [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  };
}

/** A host without merged areas: the grid has none (nothing to queue). */
function noMerges(progress: SheetProgress): () => void {
  return () => {
    progress.merges = [];
  };
}

/** True when the sheet still needs blocks, probes or merges. */
export function sheetIncomplete(progress: SheetProgress): boolean {
  return rowsRead(progress) < progress.rowCount || progress.toProbe.length > 0 || progress.merges === null;
}

/**
 * The finished grid, with the cells of our owned result columns on this sheet blanked (header too when the
 * block owns it, `maskOwnedColumns`) and trimmed like every adapter's grid.
 */
export function progressToGrid(progress: SheetProgress, owned: readonly OwnedColumnMark[]): Grid {
  const cells: RawCell[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const b of progress.blocks) {
    b.values.forEach((row, r) => {
      const formats = (b.formats[r] ?? []).map(toGridFormat);
      const types = b.types[r] ?? [];
      cells.push(row.map((v, c) => toRawCell(v, types[c], formats[c] ?? null)));
      numberFormats.push(formats);
    });
  }
  const read = sheetDataToGrid({
    name: progress.name,
    cells,
    numberFormats,
    merges: progress.merges ?? [],
    hiddenRows: progress.hiddenRows,
  });
  // The same masking (and re-trimming) the exceljs reader applies: one function in the core for both.
  const grid = maskOwnedColumns(read, owned);
  // Rows after the last value are trimmed; so are their hidden flags.
  return { ...grid, hiddenRows: (grid.hiddenRows ?? []).filter((r) => r < grid.cells.length) };
}
