/**
 * The write plan: everything a host writes into a workbook, as plain data. The core decides WHAT is written
 * (cells, owned columns, conditional formats, owned sheets, settings and the marks that let `clear` find
 * them); the xlsx adapter (exceljs) and the Office.js adapter only carry it out, so both hosts write exactly
 * the same things. Coordinates are absolute and 0-based like {@link CellRef}.
 */
import type { CellRange, CellRef } from '../grid.ts';
import type { DubanSettings } from './owned-settings.ts';

/**
 * Named cell styles. Adapters map each to fonts, fills, borders and alignment (`PLAN_STYLES` in
 * `plan-styles.ts` is the one definition both use).
 */
export type PlanStyle =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'resultHeader'
  | 'body'
  | 'bodyWrap'
  | 'bodyCenter'
  | 'unitInput'
  | 'note'
  | 'link';

/** One cell to write. */
export interface PlanCell {
  readonly row: number;
  readonly col: number;
  readonly value: string | number | boolean | null;
  /**
   * Text that begins with `=`, `+`, `-` or `@`: a host must store it as literal text (a string cell with
   * the `@` format), never let it become a formula. Set by {@link planValue}; never set on numbers.
   */
  readonly asText?: boolean;
  /** Excel number format (`0.0%`, `@`); absent = leave / General. */
  readonly numberFormat?: string;
  readonly style?: PlanStyle;
  /** An internal hyperlink to this cell (the 校验 sheet's 位置 column). */
  readonly link?: CellRef;
  /** `false`: left unlocked when the sheet is protected (the cells units fill in). */
  readonly locked?: boolean;
}

/** Data validation on a range. Prompts are Chinese (Excel caps: title ≤ 32, text ≤ 255 characters). */
export interface PlanValidation {
  readonly range: CellRange;
  readonly rule:
    | { readonly kind: 'list'; readonly choices: readonly string[] }
    | { readonly kind: 'textLength'; readonly max: number }
    | { readonly kind: 'decimal' };
  readonly prompt?: { readonly title: string; readonly text: string };
  readonly error?: { readonly title: string; readonly text: string };
}

/** A highlight colour: Excel's good / neutral / bad cell styles. */
export type HighlightColour = 'green' | 'yellow' | 'red';

/** A conditional format we own. `id` is stable across runs so a re-run replaces rather than duplicates. */
export type PlanConditionalFormat =
  | {
      readonly id: string;
      readonly kind: 'expression';
      readonly sheet: string;
      readonly range: CellRange;
      /** With the leading `=`, relative to the range's top-left cell: `=$V3="进展滞后"`. */
      readonly formula: string;
      readonly colour: HighlightColour;
    }
  | {
      readonly id: string;
      readonly kind: 'dataBar';
      readonly sheet: string;
      readonly range: CellRange;
      /** Bar colour as RRGGBB. */
      readonly colour: string;
    };

/** Page setup for printing. */
export interface PlanPrint {
  readonly orientation: 'portrait' | 'landscape';
  readonly paper: 'A4';
  /** Fit all columns on one page wide, as many pages tall as needed. */
  readonly fitToWidth: boolean;
  /** 0-based rows repeated at the top of every printed page. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
}

/** A whole sheet we create. */
export interface SheetPlan {
  readonly name: string;
  readonly visibility: 'visible' | 'veryHidden';
  /**
   * True for our own sheets (评分排名, 通报, 校验, settings): `clear` deletes them. False for sheets that
   * become the user's (the ledger made by breakdown, a unit's copy).
   */
  readonly owned: boolean;
  readonly cells: readonly PlanCell[];
  /** Column widths in Excel character units, by 0-based column. */
  readonly widths: readonly { readonly col: number; readonly width: number }[];
  /** Row heights in points, by 0-based row. */
  readonly heights?: readonly { readonly row: number; readonly height: number }[];
  readonly merges: readonly CellRange[];
  /** Rows frozen at the top (0 = none). */
  readonly frozenRows: number;
  readonly print?: PlanPrint;
  readonly validations: readonly PlanValidation[];
  /** Protect the sheet (no password: it guards against slips, not against people). */
  readonly protect?: boolean;
}

/**
 * A block of owned result columns on a user's sheet (完成率, 序时进度, 状态, 说明): on the ledger where its
 * own result columns are, or right of the user's last used column.
 */
export interface ColumnBlockPlan {
  readonly sheet: string;
  /** First and last 0-based column of the block. */
  readonly firstCol: number;
  readonly lastCol: number;
  /** Row of the header cells. */
  readonly headerRow: number;
  /**
   * True when we add the header cells too (a responsibility table, a ledger without result columns); false
   * when the block is the ledger's own result columns (the header belongs to the ledger).
   */
  readonly ownsHeader: boolean;
  /** Header cells (when `ownsHeader`) and data cells. */
  readonly cells: readonly PlanCell[];
  /** First and last data row written (inclusive); clear empties these rows of the block. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** Widths to set (only when `ownsHeader`). */
  readonly widths: readonly { readonly col: number; readonly width: number }[];
  /**
   * Widths the columns had before (null = default), by column from `firstCol`: what clear puts back. Known
   * to the planner from the host facts.
   */
  readonly previousWidths: readonly (number | null)[];
}

/** Values written into the user's own cells (merge): value only, the cell's formatting kept. */
export interface CellUpdatePlan {
  readonly sheet: string;
  readonly cells: readonly PlanCell[];
}

/**
 * Everything a command writes. Hosts apply it in this order: remove what the settings list as owned (when
 * `replaceOwned`), create `sheets` (replacing an owned sheet of the same name), write `columns`,
 * `updates`, add `conditionalFormats`, then store `settings` in the settings sheet.
 */
export interface WritePlan {
  /** Remove everything the workbook's settings list as owned before writing (score: a re-run replaces). */
  readonly replaceOwned: boolean;
  readonly sheets: readonly SheetPlan[];
  readonly columns: readonly ColumnBlockPlan[];
  readonly updates: readonly CellUpdatePlan[];
  readonly conditionalFormats: readonly PlanConditionalFormat[];
  /** The settings document to store; null leaves the settings sheet alone (breakdown of a new file). */
  readonly settings: DubanSettings | null;
}

/** A plan that writes nothing. */
export const EMPTY_PLAN: WritePlan = {
  replaceOwned: false,
  sheets: [],
  columns: [],
  updates: [],
  conditionalFormats: [],
  settings: null,
};
