/**
 * The fake's document as plain, JSON-serialisable data ({@link FakeHostData}) and back. This is the second
 * half of loading an .xlsx (`hostDataFromXlsx` in `from-xlsx.ts` is the first, which needs Node and exceljs):
 * the playground server reads the file, sends the page the data as JSON, and the page builds the fake with
 * {@link createFakeExcelFromHostData}. This module must stay free of `node:*` and exceljs so it can be
 * bundled for the browser (a test bundles it with esbuild for `platform: 'browser'`).
 */
import type { CellRange } from '../../src/core/grid.ts';
import { createFakeExcelOver, type FakeExcel, type FakeExcelOptions } from './fake-excel.ts';
import type {
  HostCell,
  HostChart,
  HostConditionalFormat,
  HostHyperlink,
  HostPageLayout,
  HostSheet,
  HostStyle,
  HostValidation,
  HostVisibility,
  HostWorkbook,
} from './fake-host.ts';

/** The tag every {@link FakeHostData} carries, so a page never builds a fake from something else. */
export const FAKE_HOST_DATA_FORMAT = 'duban-fake-host/1';

/** One cell's formatting that differs from Excel's defaults. */
export interface FakeHostStyleData {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly style: HostStyle;
}

/** One sheet of {@link FakeHostData}: everything the host stores for it except event handlers. */
export interface FakeHostSheetData {
  /** Excel's worksheet id (`{GUID}`), kept so ids stay as they were. */
  readonly id: string;
  readonly name: string;
  readonly visibility: HostVisibility;
  /** Row-major cells from A1; null = an empty cell. */
  readonly cells: readonly (readonly (HostCell | null)[])[];
  /** Row-major number formats from A1; null = `General`. */
  readonly formats: readonly (readonly (string | null)[])[];
  readonly merges: readonly CellRange[];
  /** 0-based hidden rows, ascending. */
  readonly hiddenRows: readonly number[];
  /** A1 name → formula (`=SUM(A1:A3)`). */
  readonly formulas: Readonly<Record<string, string>>;
  /** A1 name → link target (URL, or `#Sheet!A1`). */
  readonly hyperlinks: Readonly<Record<string, string>>;
  /** A1 name → the hyperlink's parts as last written through Office.js. */
  readonly linkDetails: Readonly<Record<string, HostHyperlink>>;
  readonly richText: Readonly<Record<string, readonly string[]>>;
  /** Formatted cells in row, then column order. */
  readonly styles: readonly FakeHostStyleData[];
  /** `[column (0-based), width in points]` for columns not at the standard width, ascending. */
  readonly columnWidths: readonly (readonly [number, number])[];
  /** `[row (0-based), height in points]` for rows not at the standard height, ascending. */
  readonly rowHeights: readonly (readonly [number, number])[];
  /** In priority order (the first is priority 0). */
  readonly conditionalFormats: readonly HostConditionalFormat[];
  readonly validations: readonly HostValidation[];
  readonly frozenRows: number;
  readonly pageLayout: HostPageLayout;
  readonly protected: boolean;
  readonly charts: readonly HostChart[];
  /** The sheet's selection, absent when nothing was selected (A1). */
  readonly selection?: CellRange;
}

/**
 * A whole fake document as plain data: only strings, numbers, booleans, null, arrays and plain objects, so
 * `JSON.parse(JSON.stringify(data))` gives an equal value and builds the same fake.
 */
export interface FakeHostData {
  readonly format: typeof FAKE_HOST_DATA_FORMAT;
  /** Name of the active sheet. */
  readonly active: string;
  /** Workbook structure protection. */
  readonly protected: boolean;
  /** The host's id counter, so ids given out after loading do not repeat the loaded ones. */
  readonly nextId: number;
  readonly sheets: readonly FakeHostSheetData[];
}

/** A sparse row-major grid as a dense one with null in the gaps (JSON keeps nulls, not holes). */
function denseRows<V>(rows: readonly (readonly V[] | undefined)[], keep: (v: V) => boolean): (V | null)[][] {
  return Array.from(rows, (row) => Array.from(row ?? [], (v) => (v !== undefined && keep(v) ? v : null)));
}

/** The inverse of {@link denseRows}: nulls become holes again, as the host leaves cells never written. */
function sparseRows<V>(rows: readonly (readonly (V | null)[])[]): V[][] {
  return rows.map((row) => {
    const line: V[] = [];
    row.forEach((v, i) => {
      if (v !== null) line[i] = v;
    });
    line.length = row.length;
    return line;
  });
}

/**
 * The plain-data description of a host document (a deep copy: later changes to the fake do not reach it).
 * @example hostDataOf(createFakeExcel({ sheets: [{ name: 'S', cells: [['a']] }] }).host).sheets[0].cells
 *   // → [[{ value: 'a', type: 'String' }]]
 */
export function hostDataOf(doc: HostWorkbook): FakeHostData {
  const sheets = doc.sheets.map((s): FakeHostSheetData => {
    const styles: FakeHostStyleData[] = [];
    for (const [row, line] of [...s.styles].sort((x, y) => x[0] - y[0])) {
      for (const [col, style] of [...line].sort((x, y) => x[0] - y[0])) styles.push({ row, col, style });
    }
    return structuredClone({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: denseRows(s.cells, (c) => c.type !== 'Empty'),
      formats: denseRows(s.formats, (f) => f !== 'General'),
      merges: s.merges,
      hiddenRows: [...s.hiddenRows].sort((x, y) => x - y),
      formulas: s.formulas,
      hyperlinks: s.hyperlinks,
      linkDetails: s.linkDetails,
      richText: s.richText,
      styles,
      columnWidths: [...s.columnWidths].sort((x, y) => x[0] - y[0]),
      rowHeights: [...s.rowHeights].sort((x, y) => x[0] - y[0]),
      conditionalFormats: s.conditionalFormats,
      validations: s.validations,
      frozenRows: s.frozenRows,
      pageLayout: s.pageLayout,
      protected: s.protection.protected,
      charts: s.charts,
      ...(s.selection ? { selection: s.selection } : {}),
    });
  });
  return {
    format: FAKE_HOST_DATA_FORMAT,
    active: doc.active,
    protected: doc.protected,
    nextId: doc.nextId,
    sheets,
  };
}

/**
 * Build a host document from {@link FakeHostData} (copied: the data is never shared with the fake).
 * Throws when the data is not fake-host data or names an active sheet that is missing or hidden.
 */
export function hostFromHostData(data: FakeHostData): HostWorkbook {
  // Checked at run time too: the data usually arrives as JSON from another process.
  if (typeof data !== 'object' || (data as { format?: unknown }).format !== FAKE_HOST_DATA_FORMAT) {
    throw new Error(`fake-excel: not fake host data (expected format ${FAKE_HOST_DATA_FORMAT})`);
  }
  const copy = structuredClone(data);
  const sheets = copy.sheets.map((s): HostSheet => ({
    id: s.id,
    name: s.name,
    visibility: s.visibility,
    cells: sparseRows(s.cells),
    formats: sparseRows(s.formats),
    merges: [...s.merges],
    hiddenRows: new Set(s.hiddenRows),
    formulas: { ...s.formulas },
    hyperlinks: { ...s.hyperlinks },
    linkDetails: { ...s.linkDetails },
    richText: { ...s.richText },
    styles: stylesMap(s.styles),
    columnWidths: new Map(s.columnWidths),
    rowHeights: new Map(s.rowHeights),
    conditionalFormats: [...s.conditionalFormats],
    validations: [...s.validations],
    frozenRows: s.frozenRows,
    pageLayout: s.pageLayout,
    protection: { protected: s.protected },
    charts: [...s.charts],
    handlers: [],
    ...(s.selection ? { selection: s.selection } : {}),
  }));
  const active = sheets.find((s) => s.name === copy.active);
  // Excel cannot show a hidden sheet as the active one; data saying so was not made by hostDataOf.
  if (!active || active.visibility !== 'Visible') {
    throw new Error(`fake-excel: active sheet ${copy.active} must exist and be visible`);
  }
  return { sheets, active: copy.active, protected: copy.protected, nextId: copy.nextId };
}

function stylesMap(styles: readonly FakeHostStyleData[]): Map<number, Map<number, HostStyle>> {
  const out = new Map<number, Map<number, HostStyle>>();
  for (const { row, col, style } of styles) {
    const line = out.get(row) ?? new Map<number, HostStyle>();
    line.set(col, style);
    out.set(row, line);
  }
  return out;
}

/**
 * A fake Excel over a document described by {@link FakeHostData} (e.g. sent as JSON by a server that ran
 * `hostDataFromXlsx`). Runs in a browser: no Node, no exceljs.
 * @example const fake = createFakeExcelFromHostData(await (await fetch('/workbook')).json(), { maxExcelApi: '1.8' });
 */
export function createFakeExcelFromHostData(data: FakeHostData, options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcelOver(hostFromHostData(data), options);
}
