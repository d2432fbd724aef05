/**
 * The fake's document as an .xlsx file (exceljs), so a run through the fake can be opened in LibreOffice:
 * values, formulas, number formats, fills, fonts, borders, alignment, locks, column widths (points back to
 * characters), row heights, merges, hidden rows, conditional formats (expression rules with a fill / font
 * format, data bars), data validation, hyperlinks, frozen rows, page setup, sheet states and protection.
 * Not exported: charts (exceljs cannot write them) and workbook structure protection.
 */
import ExcelJS from 'exceljs';
import { extras } from '../../src/xlsx/exceljs-extras.ts';
import { FakeNotModelledError } from './fake-errors.ts';
import type {
  HostBorderStyle,
  HostConditionalFormat,
  HostSheet,
  HostStyle,
  HostValidation,
  HostWorkbook,
} from './fake-host.ts';
import { parseLocalAddress } from './fake-host.ts';
import { a1, localAddress } from './fake-ops.ts';
import { registerXlsxExporter } from './fake-excel.ts';

/**
 * Office.js column width (points) to Excel character units: the inverse of ISSUE6's
 * `chars → Math.round((chars * 7 + 5) * 0.75 * 100) / 100` (Calibri 11 at 96 dpi).
 * @example pointsToChars(48.01) ≈ 8.43; pointsToChars(81.75) ≈ 14.86
 */
export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

/** Excel character units to points (the ISSUE6 formula; used when loading an .xlsx). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

// Theme colours read from an .xlsx are kept as 'theme:<index>' or 'theme:<index>:<tint>':
// 'theme:4' ✓, 'theme:0:-0.15' ✓, '#FFC7CE' ✗ (plain colour)
const THEME = /^theme:(\d+)(?::(-?[\d.]+))?$/;

/** A stored colour as exceljs writes it. */
export function excelColour(colour: string): Partial<ExcelJS.Color> {
  const theme = THEME.exec(colour);
  if (theme) {
    const out: Partial<ExcelJS.Color> & { tint?: number } = { theme: Number(theme[1]) };
    if (theme[2] !== undefined) out.tint = Number(theme[2]);
    return out;
  }
  return { argb: `FF${colour.replace(/^#/, '').toUpperCase()}` };
}

const H_ALIGN: Record<string, ExcelJS.Alignment['horizontal'] | undefined> = {
  General: undefined,
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Fill: 'fill',
  Justify: 'justify',
  CenterAcrossSelection: 'centerContinuous',
  Distributed: 'distributed',
};
const V_ALIGN: Record<string, ExcelJS.Alignment['vertical'] | undefined> = {
  Top: 'top',
  Center: 'middle',
  Bottom: undefined,
  Justify: 'justify',
  Distributed: 'distributed',
};
const BORDER: Record<HostBorderStyle, ExcelJS.BorderStyle | undefined> = {
  None: undefined,
  Continuous: 'thin',
  Dash: 'dashed',
  DashDot: 'dashDot',
  DashDotDot: 'dashDotDot',
  Dot: 'dotted',
  Double: 'double',
  SlantDashDot: 'slantDashDot',
};
const UNDERLINE: Record<string, ExcelJS.Font['underline']> = {
  None: false,
  Single: 'single',
  Double: 'double',
  SingleAccountant: 'singleAccounting',
  DoubleAccountant: 'doubleAccounting',
};

/** exceljs style of a stored cell style (a full font whenever any font attribute differs). */
function cellStyle(s: HostStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: excelColour(s.fill) };
  if (
    s.bold !== undefined ||
    s.fontColor !== undefined ||
    s.fontSize !== undefined ||
    s.fontName !== undefined ||
    s.underline !== undefined
  ) {
    const font: Partial<ExcelJS.Font> = {
      name: s.fontName ?? 'Calibri',
      size: s.fontSize ?? 11,
      bold: s.bold ?? false,
      color: excelColour(s.fontColor ?? '#000000'),
    };
    if (s.underline !== undefined) font.underline = UNDERLINE[s.underline] ?? 'single';
    style.font = font;
  }
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap) alignment.wrapText = true;
  const h = s.horizontal === undefined ? undefined : H_ALIGN[s.horizontal];
  if (h) alignment.horizontal = h;
  const v = s.vertical === undefined ? undefined : V_ALIGN[s.vertical];
  if (v) alignment.vertical = v;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (s.borders) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
      const b = s.borders[edge];
      const line = b ? BORDER[b.style] : undefined;
      if (b && line) border[edge] = { style: line, color: excelColour(b.color) };
    }
    if (Object.keys(border).length > 0) style.border = border;
  }
  if (s.locked === false) style.protection = { locked: false };
  return style;
}

/** Text inside an Excel string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The exceljs value of one cell. */
function cellValue(sheet: HostSheet, row: number, col: number): ExcelJS.CellValue {
  const name = a1(row, col);
  const cell = sheet.cells[row]?.[col];
  const formula = sheet.formulas[name];
  const link = sheet.linkDetails[name];
  const target = sheet.hyperlinks[name];
  const shown = cell && cell.type !== 'Empty' && !cell.unevaluated ? cell.value : null;
  if (target !== undefined) {
    const text = typeof shown === 'string' ? shown : (link?.textToDisplay ?? target);
    // Internal links as HYPERLINK formulas, as the project's exceljs host writes them: every reader follows
    // those, while exceljs writes internal <hyperlink>s with a stray external relationship.
    if (target.startsWith('#'))
      return { formula: `HYPERLINK(${literal(target)},${literal(text)})`, result: text };
    return { text, hyperlink: target, ...(link?.screenTip ? { tooltip: link.screenTip } : {}) };
  }
  if (formula !== undefined) {
    const body = formula.replace(/^=/, '');
    if (shown === null) return { formula: body, date1904: false };
    return { formula: body, result: shown, date1904: false };
  }
  if (!cell || cell.type === 'Empty') return null;
  if (cell.type === 'Error') return { error: String(cell.value) as ExcelJS.CellErrorValue['error'] };
  const rich = sheet.richText[name];
  if (rich && typeof cell.value === 'string') return { richText: rich.map((text) => ({ text })) };
  return cell.value;
}

/**
 * A rule formula re-anchored on the first area's top-left cell: in an .xlsx a rule's relative references
 * count from the top-left of its first range, and clearing part of a rule may have moved that cell.
 */
function reanchored(cf: HostConditionalFormat): string {
  const first = cf.areas[0];
  if (!first) throw new FakeNotModelledError('a conditional format without cells');
  const dRow = first.top - cf.anchor.row;
  const dCol = first.left - cf.anchor.col;
  const body = cf.formula.replace(/^=/, '');
  if (dRow === 0 && dCol === 0) return body;
  // Split off string literals, shift references elsewhere: 'OR($V3="a",$V3="b")' → shifts both $V3.
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      // References: '$V3' ✓ (column absolute), 'B12' ✓, '$A$1' ✓ (unchanged), 'OR(' ✗ (no row number)
      return part.replace(
        /(\$?)([A-Z]{1,3})(\$?)(\d+)/g,
        (_m, ac: string, col: string, ar: string, r: string) => {
          let c = 0;
          for (const ch of col) c = c * 26 + ch.charCodeAt(0) - 64;
          const newCol = ac === '$' ? col : letters(c - 1 + dCol);
          const newRow = ar === '$' ? Number(r) : Number(r) + dRow;
          return `${ac}${newCol}${ar}${newRow}`;
        },
      );
    })
    .join('');
}

function letters(col: number): string {
  return a1(0, col).replace(/\d+$/, '');
}

function conditionalRule(cf: HostConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  if (cf.type === 'Custom') {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.fill !== null) style.fill = { type: 'pattern', pattern: 'solid', bgColor: excelColour(cf.fill) };
    if (cf.fontColor !== null) style.font = { color: excelColour(cf.fontColor) };
    return { type: 'expression', priority, formulae: [reanchored(cf)], style };
  }
  if (cf.type === 'DataBar') {
    return {
      type: 'dataBar',
      priority,
      cfvo: [{ type: 'min' }, { type: 'max' }],
      color: excelColour(cf.bar.fillColor),
      gradient: cf.bar.gradient,
      ...(cf.bar.direction === 'RightToLeft' ? { direction: 'rightToLeft' } : {}),
    } as unknown as ExcelJS.ConditionalFormattingRule;
  }
  return { ...(cf.raw as ExcelJS.ConditionalFormattingRule), priority };
}

const OPERATOR: Record<string, ExcelJS.DataValidationOperator> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

function validationModel(v: HostValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: v.prompt?.showPrompt ?? false,
    ...(v.prompt ? { promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
    showErrorMessage: v.errorAlert?.showAlert ?? true,
    errorStyle: (v.errorAlert?.style ?? 'Stop').toLowerCase(),
    ...(v.errorAlert ? { errorTitle: v.errorAlert.title, error: v.errorAlert.message } : {}),
  };
  const rule = v.rule;
  if (!rule) return { ...common, type: 'any' } as unknown as ExcelJS.DataValidation;
  const [kind, body] = Object.entries(rule)[0] ?? ['', {}];
  const b = body as Record<string, unknown>;
  if (kind === 'list') {
    const source = String(b['source']);
    return {
      ...common,
      type: 'list',
      formulae: [source.startsWith('=') ? source.slice(1) : literal(source)],
    };
  }
  const type = kind === 'wholeNumber' ? 'whole' : kind;
  const formulae = [b['formula1'], b['formula2']].filter((f) => f !== undefined);
  return {
    ...common,
    type,
    operator: OPERATOR[String(b['operator'])] ?? 'between',
    formulae,
  } as ExcelJS.DataValidation;
}

const PAPER: Record<string, number> = {
  Letter: 1,
  Tabloid: 3,
  Legal: 5,
  A3: 8,
  A4: 9,
  A5: 11,
  B4: 12,
  B5: 13,
};

async function exportSheet(wb: ExcelJS.Workbook, sheet: HostSheet): Promise<void> {
  const state =
    sheet.visibility === 'VeryHidden' ? 'veryHidden' : sheet.visibility === 'Hidden' ? 'hidden' : 'visible';
  const ws = wb.addWorksheet(sheet.name, {
    state,
    ...(sheet.frozenRows > 0
      ? {
          views: [
            { state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}` },
          ],
        }
      : {}),
  });
  for (const [col, points] of sheet.columnWidths) ws.getColumn(col + 1).width = pointsToChars(points);
  for (const [row, points] of sheet.rowHeights) ws.getRow(row + 1).height = points;
  for (const row of sheet.hiddenRows) ws.getRow(row + 1).hidden = true;
  // Every cell that has a value, a number format, a style or a link.
  const cells = new Map<string, [number, number]>();
  const take = (r: number, c: number): void => {
    cells.set(`${r},${c}`, [r, c]);
  };
  sheet.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      if (cell.type !== 'Empty') take(r, c);
    });
  });
  sheet.formats.forEach((line, r) => {
    line.forEach((f, c) => {
      if (f !== 'General') take(r, c);
    });
  });
  for (const [r, line] of sheet.styles) for (const c of line.keys()) take(r, c);
  for (const name of [...Object.keys(sheet.hyperlinks), ...Object.keys(sheet.formulas)]) {
    const at = parseLocalAddress(name);
    if (at) take(at.top, at.left);
  }
  for (const [r, c] of cells.values()) {
    const cell = ws.getCell(r + 1, c + 1);
    const style = cellStyle(sheet.styles.get(r)?.get(c) ?? {});
    const format = sheet.formats[r]?.[c];
    if (format !== undefined && format !== 'General') style.numFmt = format;
    cell.style = style;
    cell.value = cellValue(sheet, r, c);
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.areas.map((a) => localAddress(a)).join(' '),
      rules: [conditionalRule(cf, i + 1)],
    });
  });
  for (const v of sheet.validations)
    extras(ws).dataValidations.add(localAddress(v.range), validationModel(v));
  const layout = sheet.pageLayout;
  const fit = layout.zoom.horizontalFitToPages !== undefined || layout.zoom.verticalFitToPages !== undefined;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs's PaperSize is type-only
  const paperSize = (PAPER[layout.paperSize] ?? 1) as ExcelJS.PaperSize;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize,
    orientation: layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
    horizontalCentered: layout.centerHorizontally,
    ...(fit
      ? {
          fitToPage: true,
          fitToWidth: layout.zoom.horizontalFitToPages ?? 0,
          fitToHeight: layout.zoom.verticalFitToPages ?? 0,
        }
      : { fitToPage: false, scale: layout.zoom.scale ?? 100 }),
    ...(layout.printTitleRows ? { printTitlesRow: layout.printTitleRows.replace(/\$/g, '') } : {}),
  };
  if (sheet.protection.protected) {
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  }
}

/** The document as .xlsx bytes. */
export async function exportHostXlsx(doc: HostWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of doc.sheets) await exportSheet(wb, sheet);
  const activeTab = Math.max(
    0,
    doc.sheets.findIndex((s) => s.name === doc.active),
  );
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible' }];
  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes);
}

registerXlsxExporter(exportHostXlsx);
