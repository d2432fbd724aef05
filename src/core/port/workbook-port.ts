/**
 * The workbook port: the one interface every host adapter implements (in-memory, Office.js, exceljs).
 * The core never sees a host object; adapters deliver plain {@link Grid}s and one contract suite
 * (`test/contract/`) runs against every adapter.
 */
import type { Grid, RawCell, CellRange } from '../grid.ts';

/** A sheet as listed by the host. */
export interface SheetInfo {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden` as Excel calls them. */
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

/** Read access to a workbook. */
export interface WorkbookPort {
  /** Sheets in tab order. */
  listSheets(): Promise<readonly SheetInfo[]>;
  /** Name of the active sheet (the first visible one for file-based hosts). */
  activeSheetName(): Promise<string>;
  /**
   * The used range of a sheet as a grid: values (cached results for formulas, plain text for rich text and
   * hyperlinks, ISO `YYYY-MM-DD` strings for dates), number formats, merged areas and hidden rows.
   * An empty sheet gives a grid with no cells. Throws `DubanError('sheet_not_found')` for an unknown sheet.
   */
  readSheet(name: string): Promise<Grid>;
}

/** Plain description of a sheet, used to build fixtures and the in-memory workbook. */
export interface SheetData {
  readonly name: string;
  readonly visibility?: SheetInfo['visibility'];
  /** Row-major values starting at A1. */
  readonly cells: readonly (readonly RawCell[])[];
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  readonly merges?: readonly CellRange[];
  readonly hiddenRows?: readonly number[];
  /** Formulas by A1 address (`{ C2: '=A2*B2' }`); the cell in `cells` holds the cached result. */
  readonly formulas?: Readonly<Record<string, string>>;
  /** Hyperlink targets by A1 address; the cell in `cells` holds the display text. */
  readonly hyperlinks?: Readonly<Record<string, string>>;
  /** Cells written as rich text runs by A1 address; the cell in `cells` holds the joined plain text. */
  readonly richText?: Readonly<Record<string, readonly string[]>>;
}

/** Plain description of a workbook. */
export interface WorkbookData {
  readonly sheets: readonly SheetData[];
  /** Name of the active sheet; defaults to the first visible sheet. */
  readonly active?: string;
}
