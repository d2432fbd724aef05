/**
 * What the playground's grid shows for one sheet, worked out from the fake's snapshot as plain data (no DOM,
 * so Node tests check it): each cell's text as Excel would display it, its fill as Excel would paint it
 * (the cell's own fill overridden by the first matching conditional format, which the fake evaluates), font,
 * alignment and borders, merged areas as spans, data bars, the columns the add-in owns (from its settings
 * sheet) and the selection.
 */
import { excelSerialToIso, isDateFormat } from '../../src/core/cell-dates.ts';
import { columnLetters, parseA1 } from '../../src/core/grid.ts';
import type { OwnedColumnMark } from '../../src/core/write-plan/owned-settings.ts';
import type { FakeSheetSnapshot } from '../../test/fake-excel/fake-snapshot.ts';

/** A rectangle, 0-based and inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** How one cell looks. */
export interface CellView {
  readonly row: number;
  readonly col: number;
  /** Local A1 name, e.g. `B5`. */
  readonly a1: string;
  /** The text Excel would display. */
  readonly text: string;
  /** The formula, when the cell holds one. */
  readonly formula: string | null;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Background `#RRGGBB`, null for none. */
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
  /** Points, null for the default 11. */
  readonly fontSize: number | null;
  readonly wrap: boolean;
  readonly align: 'left' | 'center' | 'right';
  readonly valign: 'top' | 'middle' | 'bottom';
  /** Border colours per edge, only the edges that have a border. */
  readonly borders: Readonly<Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>>;
  /** A data bar: how much of the cell it fills (0…1) and its colour. */
  readonly bar: { readonly fraction: number; readonly color: string } | null;
  /** Inside a block of result columns the add-in owns. */
  readonly owned: boolean;
  readonly selected: boolean;
}

/** One column. */
export interface ColumnView {
  readonly col: number;
  readonly letter: string;
  /** CSS pixels when the sheet sets a width, null for automatic. */
  readonly widthPx: number | null;
  readonly owned: boolean;
}

/** One row and the cells that start in it (cells covered by a merge are left out). */
export interface RowView {
  readonly row: number;
  /** CSS pixels when the sheet sets a height, null for automatic. */
  readonly heightPx: number | null;
  readonly cells: readonly CellView[];
}

/** A sheet as the grid draws it. */
export interface SheetView {
  readonly name: string;
  readonly columns: readonly ColumnView[];
  readonly rows: readonly RowView[];
  /** Rows of the used range not drawn (the grid draws at most `maxRows`). */
  readonly rowsLeftOut: number;
  /** Rows frozen at the top (Excel's frozen panes), which stay in view when the grid scrolls. */
  readonly frozenRows: number;
  /** The selection on this sheet, when there is one. */
  readonly selection: Rect | null;
}

/** Inputs of {@link buildSheetView}. */
export interface SheetViewInput {
  readonly sheet: FakeSheetSnapshot;
  /** The fill Excel shows (conditional formats applied), when the fake can say; else the cell's own fill. */
  readonly fillAt?: ((row: number, col: number) => string | null) | null;
  /** Owned result columns (any sheet; those of other sheets are ignored). */
  readonly owned: readonly OwnedColumnMark[];
  /** The selection as `B5`, `B5:D9` or `Sheet!B5` on this sheet, or null. */
  readonly selection: string | null;
  /** Most rows to draw (default 600); a selection further down moves the window. */
  readonly maxRows?: number;
  /** At least this many rows and columns are drawn, as an empty sheet still shows a grid. */
  readonly minRows?: number;
  readonly minCols?: number;
}

/** Points to CSS pixels (96 dpi). */
export function pointsToPx(points: number): number {
  return Math.round((points * 96) / 72);
}

/** Parse `B5`, `$B$5:D9` or `'分解表'!B5:D9` into a rectangle; null for anything else (`C:C`, `foo`). */
export function parseRange(address: string): Rect | null {
  const bang = address.lastIndexOf('!');
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [from, to] = local.split(':');
  if (from === undefined) return null;
  const a = parseA1(from.replaceAll('$', ''));
  const b = parseA1((to ?? from).replaceAll('$', ''));
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Whether `row`/`col` lies in `rect`. */
function inside(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** Decimal places, percent and thousands separator of a number format's first section. */
function numberFormatShape(format: string): { decimals: number; percent: boolean; grouping: boolean } | null {
  // Only the positive section; quoted text and colours ("[Red]") are not numbers.
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
  // Digit placeholders with optional grouping and decimals:
  // '0' → 0 places; '0.00' → 2; '#,##0.0' → 1 with grouping; '0.0%' → 1, percent; 'General' → no match.
  const m = /[#0][#0,]*(?:\.(0+))?/.exec(section);
  if (!m) return null;
  return { decimals: m[1]?.length ?? 0, percent: section.includes('%'), grouping: m[0].includes(',') };
}

/** The text Excel shows for a value in a number format (the formats our writers and seeds use). */
export function displayText(
  value: string | number | boolean | undefined,
  format: string | undefined,
): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format && format !== 'General' && format !== '@') {
    if (isDateFormat(format)) return excelSerialToIso(value);
    const shape = numberFormatShape(format);
    if (shape) {
      const shown = shape.percent ? value * 100 : value;
      const text = shown.toLocaleString('en-US', {
        minimumFractionDigits: shape.decimals,
        maximumFractionDigits: shape.decimals,
        useGrouping: shape.grouping,
      });
      return shape.percent ? `${text}%` : text;
    }
  }
  // General: at most 11 significant digits, as Excel's default column shows.
  return String(Number(value.toPrecision(11)));
}

/** Column index of an A1 name's letters, e.g. `AB` → 27. */
function letterIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}

/** Row and column of a local A1 key from the snapshot (`B5` → [4, 1]). */
function keyPosition(key: string): [number, number] | null {
  const ref = parseA1(key);
  return ref ? [ref.row, ref.col] : null;
}

const ALIGN: Readonly<Record<string, CellView['align']>> = { Left: 'left', Center: 'center', Right: 'right' };
const VALIGN: Readonly<Record<string, CellView['valign']>> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
};

/** Data-bar fractions per cell key, from the sheet's DataBar rules (scaled to the largest value). */
function dataBars(sheet: FakeSheetSnapshot): Map<string, { fraction: number; color: string }> {
  const bars = new Map<string, { fraction: number; color: string }>();
  for (const cf of sheet.conditionalFormats) {
    if (cf.type !== 'DataBar' || !cf.bar) continue;
    const cells: [string, number][] = [];
    for (const address of cf.ranges) {
      const rect = parseRange(address);
      if (!rect) continue;
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const key = `${columnLetters(c)}${String(r + 1)}`;
          const v = sheet.values[key];
          if (typeof v === 'number') cells.push([key, v]);
        }
      }
    }
    const max = Math.max(0, ...cells.map(([, v]) => v));
    if (max <= 0) continue;
    for (const [key, v] of cells) {
      if (!bars.has(key)) bars.set(key, { fraction: Math.max(0, v) / max, color: cf.bar.fillColor });
    }
  }
  return bars;
}

/** The sheet as the grid draws it. */
export function buildSheetView(input: SheetViewInput): SheetView {
  const { sheet } = input;
  const maxRows = input.maxRows ?? 600;
  const owned = input.owned.filter((m) => m.sheet === sheet.name);
  const selection = input.selection === null ? null : parseRange(input.selection);

  // The used range: every cell with a value, formula or style, every merge and every owned column.
  let lastRow = (input.minRows ?? 20) - 1;
  let lastCol = (input.minCols ?? 8) - 1;
  const grow = (row: number, col: number): void => {
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
  };
  for (const record of [sheet.values, sheet.formulas, sheet.styles]) {
    for (const key of Object.keys(record)) {
      const at = keyPosition(key);
      if (at) grow(at[0], at[1]);
    }
  }
  const merges = sheet.merges.map(parseRange).filter((m): m is Rect => m !== null);
  for (const m of merges) grow(m.bottom, m.right);
  for (const m of owned) grow(m.lastRow, m.lastCol);
  for (const letters of Object.keys(sheet.columnWidths)) grow(0, letterIndex(letters));
  if (selection) grow(selection.bottom, selection.right);

  // The rows drawn: the first maxRows, or a window around the selection when it lies further down.
  const focus = selection?.top ?? 0;
  const firstRow = focus < maxRows ? 0 : Math.max(0, focus - Math.floor(maxRows / 4));
  const endRow = Math.min(lastRow, firstRow + maxRows - 1);

  const mergeAt = new Map<string, Rect>();
  const covered = new Set<string>();
  for (const m of merges) {
    mergeAt.set(`${String(m.top)}:${String(m.left)}`, m);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) covered.add(`${String(r)}:${String(c)}`);
      }
    }
  }
  const bars = dataBars(sheet);
  const hidden = new Set(sheet.hiddenRows);
  const ownedAt = (row: number, col: number): boolean =>
    owned.some((m) => col >= m.firstCol && col <= m.lastCol && row >= m.headerRow && row <= m.lastRow);

  const columns: ColumnView[] = [];
  for (let c = 0; c <= lastCol; c++) {
    const letter = columnLetters(c);
    const width = sheet.columnWidths[letter];
    columns.push({
      col: c,
      letter,
      widthPx: width === undefined ? null : pointsToPx(width),
      owned: owned.some((m) => c >= m.firstCol && c <= m.lastCol),
    });
  }

  const rows: RowView[] = [];
  for (let r = firstRow; r <= endRow; r++) {
    if (hidden.has(r)) continue;
    const cells: CellView[] = [];
    for (let c = 0; c <= lastCol; c++) {
      if (covered.has(`${String(r)}:${String(c)}`)) continue;
      const key = `${columnLetters(c)}${String(r + 1)}`;
      const merge = mergeAt.get(`${String(r)}:${String(c)}`);
      const style = sheet.styles[key] ?? {};
      const formula = sheet.formulas[key] ?? null;
      const value = sheet.values[key];
      const text =
        value === undefined && formula !== null ? formula : displayText(value, sheet.numberFormats[key]);
      const borders: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>> = {};
      for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
        const border = style.borders?.[edge];
        if (border && border.style !== 'None') borders[edge] = border.color;
      }
      const horizontal = ALIGN[style.horizontal ?? ''];
      cells.push({
        row: r,
        col: c,
        a1: key,
        text,
        formula,
        rowSpan: merge ? merge.bottom - merge.top + 1 : 1,
        colSpan: merge ? merge.right - merge.left + 1 : 1,
        fill: input.fillAt ? input.fillAt(r, c) : (style.fill ?? null),
        fontColor: style.fontColor ?? null,
        bold: style.bold ?? false,
        fontSize: style.fontSize ?? null,
        wrap: style.wrap ?? false,
        // General alignment: numbers right, everything else left, as Excel does.
        align: horizontal ?? (typeof value === 'number' ? 'right' : 'left'),
        valign: VALIGN[style.vertical ?? ''] ?? 'bottom',
        borders,
        bar: bars.get(key) ?? null,
        owned: ownedAt(r, c),
        selected: selection !== null && inside(selection, r, c),
      });
    }
    const height = sheet.rowHeights[String(r + 1)];
    rows.push({ row: r, heightPx: height === undefined ? null : pointsToPx(height), cells });
  }

  return {
    name: sheet.name,
    columns,
    rows,
    rowsLeftOut: lastRow + 1 - (endRow - firstRow + 1),
    frozenRows: firstRow === 0 ? sheet.frozenRows : 0,
    selection,
  };
}
