/**
 * The Office.js adapter of the workbook port — the only module that calls `Excel.run`. It reads the open
 * workbook into exactly the grids the in-memory reference adapter defines (`sheetDataToGrid`), so the core
 * cannot tell Excel from an .xlsx file or a test fixture. One contract suite (`test/contract/`) proves it.
 *
 * Cells (the same rules as the xlsx adapter):
 * - values are the cached results of formulas; rich text and hyperlinks arrive as their plain text;
 * - an error cell (`valueTypes` `Error`) becomes `{ error: '#N/A' }`; an empty cell or empty string `null`;
 * - a number whose number format shows a date or time (`isDateFormat`, shared with the xlsx adapter in
 *   `src/core/cell-dates.ts`) becomes ISO text: `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` with a time of day
 *   (`excelSerialToIso`: 1900 date system, serial 45473 → `2024-06-30`); other numbers stay numbers;
 * - number format `General` becomes `null`, any other format is kept as Excel reports it.
 *
 * Origin: grids always start at A1, like `sheetDataToGrid`. The adapter reads the bounding rectangle of A1
 * and the used range (values only), so a table whose used range starts at B3 arrives with two empty rows and
 * one empty column in front; the few extra empty cells cost far less than keeping two grid shapes apart.
 *
 * Round trips (`context.sync()`), for a sheet of R used rows:
 * - R ≤ 5,000 (the block size): ONE sync — sheet check, size, the first block's values, number formats and
 *   value types, whether its rows are hidden, and the merged areas all travel together (a 5,000 × 12 ledger
 *   measures ≈ 1.9 MB with the fake's payload estimate);
 * - R > 5,000: that first sync, then one sync per further block of ≤ 5,000 rows (12,000 rows: 3 syncs).
 *   Blocks after the first are sized from the bytes the first block's rows actually took, so that each
 *   response stays under 4 MB (Excel on the web rejects more than 5 MB); a block the host still rejects as
 *   too large is halved. The first sync cannot know the sheet's weight: when 5,000 rows of long text are over
 *   the host's limit, it is refused once and asked again for a quarter of the rows;
 * - hidden rows: `Range.rowHidden` tells per block whether none (false), all (true) or some (null) of its rows
 *   are hidden. Only "some" needs a per-row look, done after the blocks in one extra sync per 5,000 such rows
 *   (fake's estimate for 5,000 rows: ≈ 1.42 MB request + 0.38 MB response). A sheet without hidden rows never
 *   pays for it.
 *
 * Merged areas need ExcelApi 1.13 (`Range.getMergedAreasOrNullObject`). On older hosts (Office 2019 stops at
 * 1.8) the grid has NO merges (`merges: []`) — the documented fallback; `mergesSupported` tells callers so they
 * can say that merged cells were not recognised. Excel refuses to list more than 512 merged areas in one call;
 * such a sheet fails as a host error here; the session's reader (`prefetch.ts`) reads them in slices.
 *
 * Host failures become `DubanError('host_failure', message, { code })` with the Office error as `cause`;
 * an unknown sheet is `DubanError('sheet_not_found')`. Sheet names match exactly (Excel itself ignores case;
 * the other adapters do not, and names come from `listSheets`/`activeSheetName` anyway).
 */
import { excelSerialToIso, isDateFormat } from '../core/cell-dates.ts';
import { DubanError, isDubanError } from '../core/errors.ts';
import { columnLetters, type CellRange, type Grid, type RawCell } from '../core/grid.ts';
import { sheetDataToGrid } from '../core/port/memory-workbook.ts';
import type { SheetInfo, WorkbookPort } from '../core/port/workbook-port.ts';
import { parseAreasAddress } from './areas-address.ts';

/** The part of the `Excel` namespace the adapter uses: `Excel` itself in the add-in, a fake in tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** `Office.context.requirements`, or a stub in tests. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Tuning of the reads; the defaults are the limits named in issue 6. */
export interface OfficeWorkbookOptions {
  /** Most rows read in one round trip (default 5,000). */
  readonly blockRows?: number;
  /** Bytes one response should stay under (default 4,000,000; Excel on the web rejects > 5 MB). */
  readonly requestBudgetBytes?: number;
  /** Most rows whose hidden state is looked up one by one in one round trip (default 5,000). */
  readonly hiddenProbeRows?: number;
}

/** What the first round trip and each block deliver. */
interface Block {
  /** Absolute 0-based first row. */
  readonly start: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formats: readonly (readonly unknown[])[];
  readonly types: readonly (readonly string[])[];
  /** false: no row hidden; true: all; null: some (needs a per-row look). */
  readonly rowHidden: boolean | null;
}

interface FirstRead {
  readonly sheet: Excel.Worksheet;
  readonly whole: Excel.Range;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly block: Block;
  readonly merges: CellRange[];
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
const encoder = new TextEncoder();

/** The `code` of an Office error (`OfficeExtension.Error`), or undefined for anything else. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code: unknown = error.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One cell from Excel's `values`, `valueTypes` and `numberFormat` to a raw cell (rules in the module comment).
 * @example toRawCell('#N/A', 'Error', 'General') → { error: '#N/A' }
 * @example toRawCell(45473, 'Double', 'yyyy-mm-dd') → '2024-06-30'; toRawCell('', 'Empty', 'General') → null
 */
export function toRawCell(value: unknown, type: string | undefined, format: string | null): RawCell {
  if (type === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return isDateFormat(format) ? excelSerialToIso(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  // Rich values (linked data types, images in cells) have no plain form in the grid yet.
  return null;
}

/** Excel's number format to the grid's: `General` is `null`. */
export function toGridFormat(format: unknown): string | null {
  return typeof format === 'string' && format !== '' && format !== 'General' ? format : null;
}

function rowBytes(block: Block, r: number): number {
  return encoder.encode(JSON.stringify([block.values[r], block.formats[r], block.types[r]])).length;
}

function blockOf(range: Excel.Range, start: number): Block {
  return {
    start,
    values: range.values,
    formats: range.numberFormat,
    types: range.valueTypes,
    // Typed boolean in @types/office-js, but documented (and delivered) as null when only some rows are hidden.
    rowHidden: range.rowHidden,
  };
}

const VISIBILITY: Readonly<Record<string, SheetInfo['visibility']>> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** The open Excel workbook as a {@link WorkbookPort}. */
export class OfficeWorkbook implements WorkbookPort {
  private readonly excel: ExcelHost;
  private readonly requirements: RequirementSets;
  private readonly blockRows: number;
  private readonly budget: number;
  private readonly probeRows: number;

  /**
   * @param excelApi the `Excel` namespace (a fake in tests)
   * @param requirements `Office.context.requirements` (decides whether merged areas can be read)
   */
  constructor(
    excelApi: ExcelHost = Excel,
    requirements: RequirementSets = Office.context.requirements,
    options: OfficeWorkbookOptions = {},
  ) {
    this.excel = excelApi;
    this.requirements = requirements;
    this.blockRows = Math.max(1, options.blockRows ?? 5000);
    this.budget = Math.max(1, options.requestBudgetBytes ?? 4_000_000);
    this.probeRows = Math.max(1, options.hiddenProbeRows ?? 5000);
  }

  /** True when the host can report merged areas (ExcelApi 1.13); otherwise grids carry no merges. */
  get mergesSupported(): boolean {
    return this.requirements.isSetSupported('ExcelApi', '1.13');
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return this.run('list the sheets', {}, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name, items/visibility');
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] ?? 'visible' }));
    });
  }

  activeSheetName(): Promise<string> {
    return this.run('find the active sheet', {}, async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  readSheet(name: string): Promise<Grid> {
    const withMerges = this.mergesSupported;
    return this.run('read the sheet', { sheet: name }, async (context) => {
      const first = await this.readFirst(context, name, this.blockRows, withMerges);
      const blocks: Block[] = [first.block];
      const firstRows = first.block.values.length;
      let done = firstRows;
      // Size later blocks from the heaviest row seen so far, with 10 % headroom for the request itself.
      let heaviest = 1;
      for (let r = 0; r < firstRows; r++) heaviest = Math.max(heaviest, rowBytes(first.block, r));
      const rowsPerBlock = Math.max(1, Math.min(this.blockRows, Math.floor((this.budget * 0.9) / heaviest)));
      while (done < first.rowCount) {
        const count = Math.min(rowsPerBlock, first.rowCount - done);
        // One round trip per block of rows: the documented exception to "never sync in a loop".
        blocks.push(...(await this.readRows(context, first.sheet, done, count, first.columnCount)));
        done += count;
      }
      const hiddenRows = await this.hiddenRows(context, first.whole, blocks);
      return this.toGrid(name, blocks, first.merges, hiddenRows);
    });
  }

  /** The first round trip: sheet, size, first block and merged areas. Retried with fewer rows if too large. */
  private async readFirst(
    context: Excel.RequestContext,
    name: string,
    rows: number,
    withMerges: boolean,
  ): Promise<FirstRead> {
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.load('name');
    // getUsedRange (not ...OrNullObject) gives A1 on a blank sheet, so the chain below never starts from a
    // null object, whose behaviour Office leaves undocumented.
    const whole = sheet.getRange('A1').getBoundingRect(sheet.getUsedRange(true));
    whole.load('rowCount, columnCount');
    const firstBlock = whole.getIntersection(sheet.getRange(`1:${rows}`));
    // Every block loads the same four properties. valueTypes tells a real error from text that looks like one
    // ('#N/A' typed as text); numberFormat tells 68.1% from 68.1 and a date serial from a number.
    firstBlock.load('values, numberFormat, valueTypes, rowHidden');
    const merged = withMerges ? whole.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    try {
      await context.sync();
    } catch (error) {
      const code = officeErrorCode(error);
      if (code === 'ItemNotFound') {
        throw new DubanError(
          'sheet_not_found',
          `Sheet not found: ${name}`,
          { sheet: name },
          { cause: error },
        );
      }
      if (code !== undefined && PAYLOAD_CODES.has(code) && rows > 1) {
        return this.readFirst(context, name, Math.ceil(rows / 4), withMerges);
      }
      throw error;
    }
    // Excel finds sheets ignoring case; the port's other adapters do not.
    if (sheet.name !== name)
      throw new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name });
    return {
      sheet,
      whole,
      rowCount: whole.rowCount,
      columnCount: whole.columnCount,
      block: blockOf(firstBlock, 0),
      merges: merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [],
    };
  }

  /** One block of rows in one round trip; halved when the host says the payload is too large. */
  private async readRows(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    start: number,
    count: number,
    columns: number,
  ): Promise<Block[]> {
    const range = sheet.getRange(`A${start + 1}:${columnLetters(columns - 1)}${start + count}`);
    range.load('values, numberFormat, valueTypes, rowHidden');
    try {
      await context.sync();
    } catch (error) {
      const code = officeErrorCode(error);
      if (code !== undefined && PAYLOAD_CODES.has(code) && count > 1) {
        const half = Math.ceil(count / 2);
        const head = await this.readRows(context, sheet, start, half, columns);
        const tail = await this.readRows(context, sheet, start + half, count - half, columns);
        return [...head, ...tail];
      }
      throw error;
    }
    return [blockOf(range, start)];
  }

  /** Absolute hidden rows: whole blocks from `rowHidden`, mixed blocks row by row. */
  private async hiddenRows(
    context: Excel.RequestContext,
    whole: Excel.Range,
    blocks: readonly Block[],
  ): Promise<number[]> {
    const hidden: number[] = [];
    const toProbe: number[] = [];
    for (const b of blocks) {
      const rows = Array.from({ length: b.values.length }, (_, i) => b.start + i);
      if (b.rowHidden === true) hidden.push(...rows);
      else if (b.rowHidden === null) toProbe.push(...rows);
    }
    for (let i = 0; i < toProbe.length; i += this.probeRows) {
      // One round trip per 5,000 probed rows (only sheets where some rows are hidden get here).
      hidden.push(...(await this.probeRowsHidden(context, whole, toProbe.slice(i, i + this.probeRows))));
    }
    return hidden.sort((a, b) => a - b);
  }

  private async probeRowsHidden(
    context: Excel.RequestContext,
    whole: Excel.Range,
    rows: readonly number[],
  ): Promise<number[]> {
    const probes = rows.map((r) => {
      const row = whole.getRow(r);
      row.load('rowHidden');
      return { r, row };
    });
    await context.sync();
    return probes.filter((p) => p.row.rowHidden).map((p) => p.r);
  }

  private toGrid(name: string, blocks: readonly Block[], merges: CellRange[], hiddenRows: number[]): Grid {
    const cells: RawCell[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (const b of blocks) {
      b.values.forEach((row, r) => {
        const formats = (b.formats[r] ?? []).map(toGridFormat);
        const types = b.types[r] ?? [];
        cells.push(row.map((v, c) => toRawCell(v, types[c], formats[c] ?? null)));
        numberFormats.push(formats);
      });
    }
    const grid = sheetDataToGrid({ name, cells, numberFormats, merges, hiddenRows });
    // Rows after the last value (e.g. formulas showing "") are trimmed; so are their hidden flags.
    return { ...grid, hiddenRows: (grid.hiddenRows ?? []).filter((r) => r < grid.cells.length) };
  }

  /** Run a batch; anything the host throws becomes a `DubanError('host_failure')` with the Office code. */
  private async run<T>(
    action: string,
    fields: Record<string, unknown>,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (error) {
      if (isDubanError(error)) throw error;
      const code = officeErrorCode(error) ?? 'Unknown';
      const detail = error instanceof Error ? error.message : String(error);
      throw new DubanError(
        'host_failure',
        `Excel could not ${action}: ${detail}`,
        { ...fields, code },
        { cause: error },
      );
    }
  }
}
