/**
 * Load a real .xlsx into the fake Excel, in two halves: {@link hostDataFromXlsx} (here; Node and exceljs) reads
 * the file into plain, JSON-serialisable {@link FakeHostData}, and `createFakeExcelFromHostData`
 * (`from-host-data.ts`, browser-safe) builds the fake from it; {@link createFakeExcelFromXlsx} does both.
 *
 * What is read: values, number formats, merges, hidden rows and the active sheet
 * through the project's xlsx adapter (`XlsxWorkbook`, `worksheetToGrid`), and what the adapter does not read —
 * formulas, fills, fonts, borders, alignment, locks, widths, heights, the user's conditional formats and data
 * validation, hyperlinks, frozen rows, page setup, protection — from the exceljs worksheet directly.
 *
 * Colours given by theme or palette index are kept as `theme:<n>[:<tint>]` / `indexed:<n>` (the fake does not
 * resolve themes) and written back the same way by the export.
 */
import type ExcelJS from 'exceljs';
import type { CellRange } from '../../src/core/grid.ts';
import type { SheetData } from '../../src/core/port/workbook-port.ts';
import { extras } from '../../src/xlsx/exceljs-extras.ts';
import { worksheetToGrid, XlsxWorkbook } from '../../src/xlsx/xlsx-workbook.ts';
import { charsToPoints } from './export-xlsx.ts';
import type { FakeExcel, FakeExcelOptions } from './fake-excel.ts';
import { FakeNotModelledError } from './fake-errors.ts';
import {
  hostFromData,
  nextHostId,
  parseLocalAddress,
  type HostBorderStyle,
  type HostConditionalFormat,
  type HostConditionalFormatType,
  type HostSheet,
  type HostStyle,
  type HostValidation,
  type HostWorkbook,
} from './fake-host.ts';
import { a1, patchStyle } from './fake-ops.ts';
import { createFakeExcelFromHostData, hostDataOf, type FakeHostData } from './from-host-data.ts';

export type { FakeHostData, FakeHostSheetData, FakeHostStyleData } from './from-host-data.ts';

/**
 * A value exceljs read, as plain JSON data: dates become ISO text, undefined members go. The host data must
 * survive `JSON.stringify` unchanged (the playground sends it to the page).
 * @example plain({ a: 1, b: undefined }) → { a: 1 }; plain(new Date(Date.UTC(2024, 5, 30))) → '2024-06-30T00:00:00.000Z'
 */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * A validation bound as Office.js reports it: exceljs gives date bounds as Date objects, Excel gives the
 * date as text (`2024-06-30`); other bounds pass through.
 * @example formulaText(new Date(Date.UTC(2024, 5, 30))) → '2024-06-30'; formulaText(200) → 200
 */
function formulaText(f: unknown): unknown {
  if (!(f instanceof Date)) return f;
  const iso = f.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A stored colour from an exceljs colour, undefined when there is none (automatic). */
function colourOf(c: Partial<ExcelJS.Color> | undefined, role: 'font' | 'fill'): string | undefined {
  if (!c) return undefined;
  const withTint = c as Partial<ExcelJS.Color> & { tint?: number; indexed?: number };
  if (typeof c.argb === 'string') return `#${c.argb.slice(-6).toUpperCase()}`;
  if (typeof c.theme === 'number') {
    // Theme 1 (dark 1) is the default text colour: black in every built-in theme.
    if (role === 'font' && c.theme === 1 && withTint.tint === undefined) return '#000000';
    return withTint.tint === undefined ? `theme:${c.theme}` : `theme:${c.theme}:${withTint.tint}`;
  }
  if (typeof withTint.indexed === 'number') {
    // 64 is the system "automatic" colour.
    return withTint.indexed === 64 ? undefined : `indexed:${withTint.indexed}`;
  }
  return undefined;
}

const H_ALIGN: Record<string, string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerContinuous: 'CenterAcrossSelection',
  distributed: 'Distributed',
};
const V_ALIGN: Record<string, string> = {
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
  justify: 'Justify',
  distributed: 'Distributed',
};
/** Border lines; weights (medium, thick) are not modelled and read as Continuous. */
const BORDER: Record<string, HostBorderStyle> = {
  thin: 'Continuous',
  medium: 'Continuous',
  thick: 'Continuous',
  hair: 'Continuous',
  dashed: 'Dash',
  mediumDashed: 'Dash',
  dotted: 'Dot',
  double: 'Double',
  dashDot: 'DashDot',
  mediumDashDot: 'DashDot',
  dashDotDot: 'DashDotDot',
  mediumDashDotDot: 'DashDotDot',
  slantDashDot: 'SlantDashDot',
};
const UNDERLINE: Record<string, string> = {
  single: 'Single',
  double: 'Double',
  singleAccounting: 'SingleAccountant',
  doubleAccounting: 'DoubleAccountant',
};

/** Copy one exceljs cell's formatting into the host style. */
function readStyle(cell: ExcelJS.Cell, s: HostStyle): void {
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (fill?.type === 'pattern' && fill.pattern !== 'none') {
    const c = colourOf(fill.fgColor, 'fill');
    if (c !== undefined) s.fill = c;
  } else if (fill?.type === 'gradient') {
    throw new FakeNotModelledError(`the gradient fill of ${cell.address}`);
  }
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  if (font) {
    if (font.bold !== undefined) s.bold = font.bold;
    const c = colourOf(font.color, 'font');
    if (c !== undefined) s.fontColor = c;
    if (font.size !== undefined) s.fontSize = font.size;
    if (font.name !== undefined) s.fontName = font.name;
    if (font.underline !== undefined && font.underline !== false && font.underline !== 'none') {
      s.underline = font.underline === true ? 'Single' : (UNDERLINE[font.underline] ?? 'Single');
    }
  }
  const alignment = cell.alignment as Partial<ExcelJS.Alignment> | undefined;
  if (alignment) {
    if (alignment.wrapText) s.wrap = true;
    if (alignment.horizontal) s.horizontal = H_ALIGN[alignment.horizontal] ?? 'General';
    if (alignment.vertical) s.vertical = V_ALIGN[alignment.vertical] ?? 'Bottom';
  }
  const border = cell.border as Partial<ExcelJS.Borders> | undefined;
  if (border) {
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
      const b = border[edge];
      const style = b?.style ? BORDER[b.style] : undefined;
      if (b && style) {
        s.borders = {
          ...(s.borders ?? {}),
          [edge]: { style, color: colourOf(b.color, 'font') ?? '#000000' },
        };
      }
    }
  }
  const protection = cell.protection as Partial<ExcelJS.Protection> | undefined;
  if (protection?.locked === false) s.locked = false;
}

const CF_TYPES: Record<string, HostConditionalFormatType> = {
  cellIs: 'CellValue',
  containsText: 'ContainsText',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  top10: 'TopBottom',
};

function areasOf(ref: string): CellRange[] {
  return ref
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => {
      const r = parseLocalAddress(p);
      if (!r) throw new FakeNotModelledError(`the conditional-format range ${ref}`);
      return r;
    });
}

/** The sheet's conditional formats in priority order. */
function readConditionalFormats(doc: HostWorkbook, ws: ExcelJS.Worksheet): HostConditionalFormat[] {
  const found: { priority: number; cf: HostConditionalFormat }[] = [];
  for (const block of extras(ws).conditionalFormattings) {
    const areas = areasOf(block.ref);
    const first = areas[0];
    if (!first) continue;
    for (const rule of block.rules) {
      const r = rule as ExcelJS.ConditionalFormattingRule & {
        priority?: number;
        formulae?: unknown[];
        style?: Partial<ExcelJS.Style>;
        color?: Partial<ExcelJS.Color>;
        gradient?: boolean;
        direction?: string;
      };
      const base = {
        id: nextHostId(doc),
        areas: areas.map((a) => ({ ...a })),
        anchor: { row: first.top, col: first.left },
        formula: '',
        fill: null,
        fontColor: null,
        bar: { direction: 'Context', fillColor: '#638EC6', gradient: true },
      };
      let cf: HostConditionalFormat;
      if (r.type === 'expression') {
        const fill = r.style?.fill as ExcelJS.FillPattern | undefined;
        cf = {
          ...base,
          type: 'Custom',
          formula: `=${String(r.formulae?.[0] ?? '')}`,
          fill: colourOf(fill?.bgColor ?? fill?.fgColor, 'fill') ?? null,
          fontColor: colourOf(r.style?.font?.color, 'font') ?? null,
        };
      } else if (r.type === 'dataBar') {
        cf = {
          ...base,
          type: 'DataBar',
          bar: {
            direction: r.direction === 'rightToLeft' ? 'RightToLeft' : 'Context',
            fillColor: colourOf(r.color, 'fill') ?? '#638EC6',
            gradient: r.gradient !== false,
          },
        };
      } else {
        cf = { ...base, type: CF_TYPES[r.type] ?? 'PresetCriteria', raw: plain(rule) };
      }
      const priority: unknown = r.priority;
      found.push({ priority: typeof priority === 'number' ? priority : Number.MAX_SAFE_INTEGER, cf });
    }
  }
  return found.sort((x, y) => x.priority - y.priority).map((f) => f.cf);
}

const OPERATOR: Record<string, string> = {
  between: 'Between',
  notBetween: 'NotBetween',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThanOrEqual: 'LessThanOrEqualTo',
};

function validationOf(v: ExcelJS.DataValidation): Omit<HostValidation, 'range'> {
  const model = v as Omit<ExcelJS.DataValidation, 'formulae'> & {
    showDropDown?: boolean;
    formulae?: unknown[];
  };
  // exceljs drops `formulae` when a rule has none.
  const f = (model.formulae ?? []).map(formulaText);
  let rule: Record<string, unknown> | null;
  if (v.type === 'list') {
    const first = f[0];
    const source = typeof first === 'string' ? first : '';
    // '"a,b,c"' is an inline list; anything else is a reference.
    const inline = /^"(.*)"$/s.exec(source);
    rule = {
      list: {
        inCellDropDown: model.showDropDown !== true,
        source: inline ? (inline[1] ?? '').replace(/""/g, '"') : `=${source}`,
      },
    };
  } else if ((v.type as string) === 'any') {
    rule = null;
  } else {
    const kind = v.type === 'whole' ? 'wholeNumber' : v.type;
    const body: Record<string, unknown> = { formula1: f[0], operator: OPERATOR[v.operator ?? 'between'] };
    if (f[1] !== undefined) body['formula2'] = f[1];
    rule = { [kind]: body };
  }
  return {
    rule,
    prompt:
      v.showInputMessage || v.prompt || v.promptTitle
        ? { showPrompt: v.showInputMessage === true, title: v.promptTitle ?? '', message: v.prompt ?? '' }
        : null,
    errorAlert:
      v.error || v.errorTitle
        ? {
            showAlert: v.showErrorMessage === true,
            style: (v.errorStyle ?? 'stop').replace(/^./, (c) => c.toUpperCase()),
            title: v.errorTitle ?? '',
            message: v.error ?? '',
          }
        : null,
  };
}

/**
 * exceljs reads validation cell by cell (a range becomes one entry per cell, sharing one object); gather the
 * cells of each object back into rectangles: column runs, then runs of equal neighbouring columns.
 */
function readValidations(ws: ExcelJS.Worksheet): HostValidation[] {
  const groups = new Map<ExcelJS.DataValidation, CellRange[]>();
  for (const [address, v] of Object.entries(extras(ws).dataValidations.model)) {
    if (!v) continue;
    const r = parseLocalAddress(address.replace(/^range:/, ''));
    if (!r) continue;
    groups.set(v, [...(groups.get(v) ?? []), r]);
  }
  const out: HostValidation[] = [];
  for (const [v, cells] of groups) {
    // Vertical runs per column.
    const byCol = new Map<number, number[]>();
    for (const c of cells) {
      for (let col = c.left; col <= c.right; col++) {
        for (let row = c.top; row <= c.bottom; row++) byCol.set(col, [...(byCol.get(col) ?? []), row]);
      }
    }
    const runs: CellRange[] = [];
    for (const [col, rows] of [...byCol].sort((x, y) => x[0] - y[0])) {
      rows.sort((x, y) => x - y);
      let start = rows[0] ?? 0;
      let prev = start;
      for (const row of rows.slice(1)) {
        if (row === prev + 1) {
          prev = row;
          continue;
        }
        runs.push({ top: start, left: col, bottom: prev, right: col });
        start = row;
        prev = row;
      }
      runs.push({ top: start, left: col, bottom: prev, right: col });
    }
    // Join a run to the rectangle just left of it with the same rows.
    const rects: CellRange[] = [];
    for (const run of runs) {
      const left = rects.find(
        (r) => r.top === run.top && r.bottom === run.bottom && r.right === run.left - 1,
      );
      if (left) rects[rects.indexOf(left)] = { ...left, right: run.right };
      else rects.push(run);
    }
    const parts = validationOf(v);
    for (const range of rects) out.push({ range, ...parts });
  }
  return out.sort((x, y) => x.range.top - y.range.top || x.range.left - y.range.left);
}

const PAPER: Record<number, string> = {
  1: 'Letter',
  3: 'Tabloid',
  5: 'Legal',
  8: 'A3',
  9: 'A4',
  11: 'A5',
  12: 'B4',
  13: 'B5',
};

/** Everything beyond the grid, read from the exceljs worksheet into the host sheet. */
function readExtras(doc: HostWorkbook, ws: ExcelJS.Worksheet, sheet: HostSheet): void {
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (typeof row.height === 'number' && row.height > 0) sheet.rowHeights.set(r, row.height);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1;
      const name = a1(r, c);
      patchStyle(sheet, r, c, (s) => {
        readStyle(cell, s);
      });
      const numFmt = cell.numFmt;
      // The grid carries formats only inside its used width and turns an empty cell's into 'General': the
      // format of an empty cell (a ledger's 完成率 column before the first score) comes from exceljs.
      if (numFmt && numFmt !== 'General' && (sheet.formats[r]?.[c] ?? 'General') === 'General') {
        const line = sheet.formats[r] ?? [];
        line[c] = numFmt;
        sheet.formats[r] = line;
      }
      const formula = cell.formula as string | undefined;
      if (typeof formula === 'string' && formula !== '') sheet.formulas[name] = `=${formula}`;
      const link = cell.hyperlink as string | undefined;
      if (typeof link === 'string' && link !== '') sheet.hyperlinks[name] = link;
    });
  });
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (typeof width === 'number' && width > 0) sheet.columnWidths.set(c - 1, charsToPoints(width));
  }
  sheet.conditionalFormats = readConditionalFormats(doc, ws);
  sheet.validations = readValidations(ws);
  const view = (ws.views as Partial<ExcelJS.WorksheetViewFrozen>[] | undefined)?.[0];
  if (view?.state === 'frozen' && typeof view.ySplit === 'number') sheet.frozenRows = view.ySplit;
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> | undefined;
  if (setup) {
    sheet.pageLayout = {
      orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      paperSize: setup.paperSize === undefined ? 'Letter' : (PAPER[setup.paperSize] ?? 'Letter'),
      zoom: setup.fitToPage
        ? { horizontalFitToPages: setup.fitToWidth ?? 1, verticalFitToPages: setup.fitToHeight ?? 1 }
        : { scale: setup.scale ?? 100 },
      centerHorizontally: setup.horizontalCentered === true,
      printTitleRows: setup.printTitlesRow
        ? setup.printTitlesRow.replace(/^\$?(\d+):\$?(\d+)$/, '$$$1:$$$2')
        : null,
    };
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  sheet.protection = { protected: protection?.sheet === true };
}

/**
 * Read an .xlsx file (a path or its bytes) into plain data describing everything the fake's host holds for
 * it (cells, number formats, formulas, styles, widths, heights, merges, hidden rows, conditional formats,
 * validation, hyperlinks, frozen rows, page setup, sheet states, protection, the active sheet). The result
 * survives `JSON.parse(JSON.stringify(data))` unchanged; build the fake with `createFakeExcelFromHostData`.
 * Throws {@link FakeNotModelledError} for formatting the fake does not model (a gradient fill, …).
 * @example const data = await hostDataFromXlsx('seeds/taishan-2024.xlsx'); res.end(JSON.stringify(data));
 */
export async function hostDataFromXlsx(file: string | Uint8Array): Promise<FakeHostData> {
  const book = typeof file === 'string' ? await XlsxWorkbook.open(file) : await XlsxWorkbook.fromBuffer(file);
  const wb = book.workbook;
  const sheets: SheetData[] = wb.worksheets.map((ws) => {
    const grid = worksheetToGrid(ws);
    return {
      name: ws.name,
      visibility: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible',
      cells: grid.cells,
      numberFormats: grid.numberFormats ?? [],
      merges: grid.merges ?? [],
      hiddenRows: grid.hiddenRows ?? [],
    };
  });
  const doc = hostFromData({ sheets, active: await book.activeSheetName() });
  wb.worksheets.forEach((ws, i) => {
    const sheet = doc.sheets[i];
    if (sheet) readExtras(doc, ws, sheet);
  });
  return hostDataOf(doc);
}

/**
 * Load an .xlsx file (a path or its bytes) into a fake Excel: {@link hostDataFromXlsx} then
 * `createFakeExcelFromHostData`.
 * @example const fake = await createFakeExcelFromXlsx('seeds/泰山区.xlsx', { maxExcelApi: '1.8' });
 */
export async function createFakeExcelFromXlsx(
  file: string | Uint8Array,
  options: FakeExcelOptions = {},
): Promise<FakeExcel> {
  return createFakeExcelFromHostData(await hostDataFromXlsx(file), options);
}
