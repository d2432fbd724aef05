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
 * `readSheet` uses the session's reader (`readGrid` in prefetch.ts over sheet-read.ts): one implementation of
 * blocks, hidden rows and merged areas for the port and for the add-in's session.
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
 * such a sheet is read without them first and its merged areas then in row slices (one sync per slice).
 *
 * Host failures become `DubanError('host_failure', message, { code })` with the Office error as `cause`;
 * an unknown sheet is `DubanError('sheet_not_found')`. Sheet names match exactly (Excel itself ignores case;
 * the other adapters do not, and names come from `listSheets`/`activeSheetName` anyway).
 */
import { excelSerialToIso, isDateFormat } from '../core/cell-dates.ts';
import { DubanError, isDubanError } from '../core/errors.ts';
import type { Grid, RawCell } from '../core/grid.ts';
import type { SheetInfo, WorkbookPort } from '../core/port/workbook-port.ts';
import { readGrid } from './prefetch.ts';

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
}

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
    return this.run('read the sheet', { sheet: name }, (context) =>
      // The session's reader (prefetch.ts, sheet-read.ts): one implementation of blocks, hidden rows and
      // merged areas for the port and the session. No cell-edit retries here: a failed read is reported.
      readGrid(
        {
          context,
          policy: { retryDelaysMs: [] },
          counter: { syncs: 0 },
          blockRows: this.blockRows,
          budget: this.budget,
          requirements: this.requirements,
        },
        name,
      ),
    );
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
