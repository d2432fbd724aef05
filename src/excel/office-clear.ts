/**
 * Removing what we own from the open workbook — exactly what a settings document lists (docs/owned-marks.md),
 * as the exceljs host's `clearOwned` does: our conditional formats (matched by sheet, range, type and formula:
 * the user's rules stay, even on the same range), the owned column blocks (values and formats when the block
 * owns its header, with the previous widths put back; values only on a ledger's own result columns), the
 * owned sheets, and the settings sheet when it carries our marker. Cells of a block are reset property by
 * property rather than with Clear All, which would also cut a user's conditional format reaching into them.
 */
import { DubanError } from '../core/errors.ts';
import { columnLetters, type CellRange } from '../core/grid.ts';
import {
  SETTINGS_SHEET_NAME,
  type OwnedColumnMark,
  type OwnedMarks,
} from '../core/write-plan/owned-settings.ts';
import { restoredPoints } from './column-width.ts';
import { parseRef, type CfEntry } from './prefetch.ts';
import { CALL_BYTES, PATH_BYTES, a1, op, type WriteOp } from './write-ops.ts';

/** What clear removed (or, planned, will remove). */
export interface ClearSummary {
  readonly sheets: readonly string[];
  readonly columns: number;
  readonly rules: number;
}

/** What the clear needs to know about the workbook as it is. */
export interface ClearFacts {
  /** Sheet names now. */
  readonly sheetNames: readonly string[];
  /** The settings sheet now holds our marker (only then is it deleted). */
  readonly settingsOurs: boolean;
  /** Conditional formats by sheet, with ranges and formulas read. */
  readonly cfs: ReadonlyMap<string, readonly CfEntry[]>;
}

/** The marks with the settings sheet added (clear always removes it too). */
export function withSettingsSheet(owned: OwnedMarks): OwnedMarks {
  return owned.sheets.includes(SETTINGS_SHEET_NAME)
    ? owned
    : { ...owned, sheets: [...owned.sheets, SETTINGS_SHEET_NAME] };
}

function sameRange(a: CellRange | null, b: CellRange | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.top === b.top &&
    a.left === b.left &&
    a.bottom === b.bottom &&
    a.right === b.right
  );
}

/** A formula as compared: without its leading `=` (hosts report it with or without). */
function bareFormula(f: string | null): string | null {
  // '=$U3="进展滞后"' → '$U3="进展滞后"'; '$U3="x"' stays; '==A1' → '=A1' (only the first); '' stays ''.
  return f === null ? null : f.replace(/^=/, '');
}

/** Sheets the marks would touch with writes (not deletions): rule and column sheets that stay. */
export function touchedSheets(owned: OwnedMarks, names: readonly string[]): string[] {
  const deleted = new Set(owned.sheets);
  const out = new Set<string>();
  for (const r of owned.rules) if (!deleted.has(r.sheet) && names.includes(r.sheet)) out.add(r.sheet);
  for (const c of owned.columns) if (!deleted.has(c.sheet) && names.includes(c.sheet)) out.add(c.sheet);
  return [...out];
}

/**
 * Put cells we wrote in full back to a pristine state by undoing exactly what a plan style sets (value,
 * number format, fill, bold, wrap, alignment, borders). Not `Range.clear('All')`: like Excel's Clear All, that
 * would also cut the user's conditional formats that reach into these cells.
 */
function resetOp(sheet: string, range: CellRange): WriteOp {
  const rows = range.bottom - range.top + 1;
  const cols = range.right - range.left + 1;
  const general = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  return op(4 + 7 * cols, 8 + 10 * cols, general, (scope) => {
    const ws = scope.sheet(sheet);
    resetCells(ws.getRange(a1(range)), general);
    // Column by column: every edge of every cell we drew is taken off, whatever the neighbouring styles set.
    for (let c = range.left; c <= range.right; c++) {
      resetBorders(ws.getRange(a1({ ...range, left: c, right: c })), rows);
    }
  });
}

/** Queue the reset of {@link resetOp} on `target`, borders apart. */
function resetCells(target: Excel.Range, general: string[][]): void {
  target.clear('Contents');
  target.numberFormat = general;
  const format = target.format;
  format.fill.clear();
  format.font.bold = false;
  format.wrapText = false;
  format.horizontalAlignment = 'General';
  format.verticalAlignment = 'Bottom';
}

/** Queue "no border" on every edge of a one-column range (inside edges too when it has several rows). */
function resetBorders(column: Excel.Range, rows: number): void {
  const borders = column.format.borders;
  const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
  for (const edge of rows > 1 ? [...edges, 'InsideHorizontal' as const] : edges) {
    const border = borders.getItem(edge);
    border.style = 'None';
    // Excel's automatic border colour: a border that was never drawn.
    border.color = '#000000';
  }
}

function columnOps(mark: OwnedColumnMark): WriteOp[] {
  const ops: WriteOp[] = [];
  const data: CellRange = {
    top: mark.firstRow,
    left: mark.firstCol,
    bottom: mark.lastRow,
    right: mark.lastCol,
  };
  if (!mark.ownsHeader) {
    ops.push(
      op(2, 1, null, (scope) => {
        scope.sheet(mark.sheet).getRange(a1(data)).clear('Contents');
      }),
    );
    return ops;
  }
  const header: CellRange = {
    top: mark.headerRow,
    left: mark.firstCol,
    bottom: mark.headerRow,
    right: mark.lastCol,
  };
  for (const range of mark.headerRow < mark.firstRow || mark.headerRow > mark.lastRow
    ? [header, data]
    : [data]) {
    ops.push(resetOp(mark.sheet, range));
  }
  for (let c = mark.firstCol; c <= mark.lastCol; c++) {
    const points = restoredPoints(mark.previousWidths[c - mark.firstCol] ?? null);
    const letters = columnLetters(c);
    ops.push({
      bytes: 3 * PATH_BYTES + CALL_BYTES,
      apply: (scope) => {
        scope.sheet(mark.sheet).getRange(`${letters}:${letters}`).format.columnWidth = points;
      },
    });
  }
  return ops;
}

/**
 * The operations removing what `owned` lists (settings sheet included), in the exceljs host's order: rules,
 * columns, sheets. Each of our rules removes at most one conditional format.
 */
export function clearOps(
  owned: OwnedMarks,
  facts: ClearFacts,
): { ops: WriteOp[]; summary: ClearSummary; removedBySheet: Map<string, number> } {
  const marks = withSettingsSheet(owned);
  const names = facts.sheetNames;
  const ops: WriteOp[] = [];
  const used = new Set<CfEntry>();
  const removedBySheet = new Map<string, number>();
  let rules = 0;
  for (const mark of marks.rules) {
    if (!names.includes(mark.sheet)) continue;
    const ref = parseRef(mark.ref);
    const type = mark.kind === 'expression' ? 'Custom' : 'DataBar';
    const hit = (facts.cfs.get(mark.sheet) ?? []).find(
      (e) =>
        !used.has(e) &&
        e.type === type &&
        sameRange(e.range, ref) &&
        (mark.kind === 'dataBar' || bareFormula(e.formula) === bareFormula(mark.formula)),
    );
    if (!hit) continue;
    used.add(hit);
    rules++;
    removedBySheet.set(mark.sheet, (removedBySheet.get(mark.sheet) ?? 0) + 1);
    ops.push({
      bytes: PATH_BYTES + CALL_BYTES,
      apply: () => {
        hit.item.delete();
      },
    });
  }
  let columns = 0;
  for (const mark of marks.columns) {
    if (!names.includes(mark.sheet)) continue;
    columns++;
    ops.push(...columnOps(mark));
  }
  const sheets: string[] = [];
  for (const name of marks.sheets) {
    if (!names.includes(name)) continue;
    if (name === SETTINGS_SHEET_NAME && !facts.settingsOurs) continue;
    sheets.push(name);
    ops.push({
      bytes: PATH_BYTES + CALL_BYTES,
      apply: (scope) => {
        scope.sheet(name).delete();
      },
    });
  }
  return { ops, summary: { sheets, columns, rules }, removedBySheet };
}

/**
 * Refuse before any write when a sheet we would write to is protected, or the workbook structure is while
 * we would add or delete sheets: `DubanError('host_failure')` naming the sheet, code `SheetProtected` /
 * `WorkbookProtected`.
 */
export function checkProtection(
  writes: readonly string[],
  structure: boolean,
  protectedSheets: ReadonlySet<string>,
  workbookProtected: boolean,
): void {
  for (const sheet of writes) {
    if (protectedSheets.has(sheet)) {
      throw new DubanError('host_failure', `Sheet ${sheet} is protected; nothing was written.`, {
        code: 'SheetProtected',
        sheet,
      });
    }
  }
  if (structure && workbookProtected) {
    throw new DubanError('host_failure', 'The workbook structure is protected; nothing was written.', {
      code: 'WorkbookProtected',
    });
  }
}
