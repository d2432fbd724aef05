/**
 * Carrying out a {@link WritePlan} on an exceljs workbook, and `clear`: removing exactly what the workbook's
 * settings list as owned. Everything else in the workbook — other sheets, cells, styles, merges, widths, data
 * validation, conditional formats, print setup, defined names — is left as exceljs read it.
 */
import ExcelJS from 'exceljs';
import { DubanError } from '../core/errors.ts';
import { toA1, toA1Local, type CellRange } from '../core/grid.ts';
import type {
  ColumnBlockPlan,
  PlanCell,
  PlanConditionalFormat,
  PlanStyle,
  SheetPlan,
  WritePlan,
} from '../core/write-plan/plan-model.ts';
import { HIGHLIGHT_COLOURS, PLAN_STYLES, type StyleSpec } from '../core/write-plan/plan-styles.ts';
import {
  SETTINGS_MARKER,
  SETTINGS_SHEET_NAME,
  hasOwnedMarks,
  parseSettingsGrid,
  settingsAfterClear,
  settingsCells,
  type DubanSettings,
  type OwnedMarks,
} from '../core/write-plan/owned-settings.ts';
import { rangeA1 } from '../core/write-plan/plan-score.ts';
import { extras } from './exceljs-extras.ts';
import { worksheetToGrid } from './xlsx-workbook.ts';

/** exceljs's PaperSize.A4 (a const enum in its typings, absent at run time). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum is type-only
const A4 = 9 as ExcelJS.PaperSize;

/** exceljs colour from RRGGBB. */
function argb(rgb: string): { argb: string } {
  return { argb: `FF${rgb}` };
}

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };

/** The exceljs style of a plan style (a fresh object: exceljs mutates cell styles in place). */
function excelStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (spec.bold) font.bold = true;
  if (spec.size !== undefined) font.size = spec.size;
  if (spec.colour !== undefined) font.color = argb(spec.colour);
  if (spec.underline) font.underline = true;
  if (Object.keys(font).length > 0) style.font = font;
  if (spec.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(spec.fill) };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.wrap) alignment.wrapText = true;
  if (spec.horizontal !== undefined) alignment.horizontal = spec.horizontal;
  if (spec.vertical !== undefined) alignment.vertical = spec.vertical;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (spec.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  return style;
}

const STYLE_CACHE = new Map<PlanStyle, Partial<ExcelJS.Style>>();

function styleFor(name: PlanStyle): Partial<ExcelJS.Style> {
  let s = STYLE_CACHE.get(name);
  if (!s) {
    s = excelStyle(PLAN_STYLES[name]);
    STYLE_CACHE.set(name, s);
  }
  return s;
}

/** Text inside an Excel string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The exceljs value of a plan cell. Internal links become HYPERLINK formulas every reader follows. */
function cellValue(pc: PlanCell): ExcelJS.CellValue {
  if (pc.link) {
    const text = typeof pc.value === 'string' ? pc.value : toA1(pc.link);
    return {
      formula: `HYPERLINK(${literal(`#${toA1(pc.link)}`)},${literal(text)})`,
      result: text,
    };
  }
  // Strings are always written as string cells by exceljs: `=SUM(A1)` stays text. `asText` adds the `@`
  // format below so that editing the cell later keeps it text too.
  return pc.value;
}

/** Write one plan cell. `full` sets the style; `value` keeps the cell's formatting (user cells). */
function writeCell(cell: ExcelJS.Cell, pc: PlanCell, mode: 'full' | 'value'): void {
  cell.value = cellValue(pc);
  if (mode === 'value') {
    if (pc.asText) cell.numFmt = '@';
    return;
  }
  const base = pc.style ? styleFor(pc.style) : {};
  const style: Partial<ExcelJS.Style> = { ...base };
  const numFmt = pc.asText ? '@' : pc.numberFormat;
  if (numFmt !== undefined) style.numFmt = numFmt;
  if (pc.locked === false) style.protection = { locked: false };
  cell.style = style;
}

/**
 * Write plan cells in bulk. Plans list cells row by row, so each row is looked up once, not once per
 * cell: an owned-column block on a 20,000-row ledger is 80,000 cells.
 */
function writeCells(ws: ExcelJS.Worksheet, cells: readonly PlanCell[], mode: 'full' | 'value'): void {
  let rowNumber = -1;
  let row: ExcelJS.Row | undefined;
  for (const pc of cells) {
    if (row === undefined || pc.row + 1 !== rowNumber) {
      rowNumber = pc.row + 1;
      row = ws.getRow(rowNumber);
    }
    writeCell(row.getCell(pc.col + 1), pc, mode);
  }
}

/** Highest priority number among a sheet's conditional formats (ours go after the user's). */
function maxPriority(ws: ExcelJS.Worksheet): number {
  let max = 0;
  for (const cf of extras(ws).conditionalFormattings) {
    for (const rule of cf.rules) {
      const p = (rule as { priority?: number }).priority;
      if (typeof p === 'number' && p > max) max = p;
    }
  }
  return max;
}

function addRule(ws: ExcelJS.Worksheet, rule: PlanConditionalFormat, priority: number): void {
  const ref = rangeA1(rule.range);
  if (rule.kind === 'expression') {
    const colours = HIGHLIGHT_COLOURS[rule.colour];
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority,
          formulae: [rule.formula.replace(/^=/, '')],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: argb(colours.fill) },
            font: { color: argb(colours.font) },
          },
        },
      ],
    });
    return;
  }
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'dataBar',
        priority,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 100 },
        ],
        color: argb(rule.colour),
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  });
}

function validationModel(v: SheetPlan['validations'][number]): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: v.prompt !== undefined,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    ...(v.prompt ? { promptTitle: v.prompt.title.slice(0, 32), prompt: v.prompt.text.slice(0, 255) } : {}),
    ...(v.error ? { errorTitle: v.error.title.slice(0, 32), error: v.error.text.slice(0, 255) } : {}),
  };
  const rule = v.rule;
  if (rule.kind === 'list') {
    return { ...common, type: 'list', formulae: [literal(rule.choices.join(','))] };
  }
  if (rule.kind === 'textLength') {
    return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] };
  }
  return { ...common, type: 'decimal', operator: 'between', formulae: [-1e12, 1e12] };
}

function rangeRef(r: CellRange): string {
  return r.top === r.bottom && r.left === r.right ? toA1Local({ row: r.top, col: r.left }) : rangeA1(r);
}

/** Create one planned sheet. */
async function addPlannedSheet(wb: ExcelJS.Workbook, plan: SheetPlan): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.visibility,
    ...(plan.frozenRows > 0
      ? {
          views: [
            { state: 'frozen', xSplit: 0, ySplit: plan.frozenRows, topLeftCell: `A${plan.frozenRows + 1}` },
          ],
        }
      : {}),
  });
  for (const w of plan.widths) ws.getColumn(w.col + 1).width = w.width;
  for (const h of plan.heights ?? []) ws.getRow(h.row + 1).height = h.height;
  writeCells(ws, plan.cells, 'full');
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (plan.print) {
    const p = plan.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: A4,
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}` } : {}),
    };
  }
  for (const v of plan.validations) extras(ws).dataValidations.add(rangeRef(v.range), validationModel(v));
  if (plan.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  return ws;
}

function writeBlock(ws: ExcelJS.Worksheet, block: ColumnBlockPlan): void {
  for (const w of block.widths) ws.getColumn(w.col + 1).width = w.width;
  // On a ledger's own result columns we write values (and the percent format) only: the ledger's formatting
  // of those columns stays as it was, so clear can restore it by emptying the values.
  writeCells(ws, block.cells, block.ownsHeader ? 'full' : 'value');
}

/** The settings sheet, if the workbook has ours (A1 is the marker). */
export function settingsSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const ws = wb.getWorksheet(SETTINGS_SHEET_NAME);
  if (!ws) return undefined;
  const a1 = ws.findCell(1, 1)?.value;
  return a1 === SETTINGS_MARKER ? ws : undefined;
}

/** The settings stored in the workbook, null when none (or unreadable: the caller may report that). */
export function readSettings(wb: ExcelJS.Workbook): DubanSettings | null {
  const ws = settingsSheet(wb);
  return ws ? parseSettingsGrid(worksheetToGrid(ws)) : null;
}

function writeSettings(wb: ExcelJS.Workbook, settings: DubanSettings): void {
  const old = settingsSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SETTINGS_SHEET_NAME, { state: 'veryHidden' });
  settingsCells(settings).forEach((row, r) => {
    const v = row[0];
    if (typeof v === 'string') ws.getCell(r + 1, 1).value = v;
  });
}

/** What clear removed. */
export interface ClearSummary {
  readonly sheets: readonly string[];
  readonly columns: number;
  readonly rules: number;
  /** True when the workbook had settings of ours. */
  readonly hadSettings: boolean;
  /** True when those settings listed owned marks (false: nothing of ours to remove, saved choices kept). */
  readonly hadMarks: boolean;
}

/** Empty one cell completely (value and formatting), as if it had never been written. */
function resetCell(ws: ExcelJS.Worksheet, row: number, col: number): void {
  const r = ws.findRow(row + 1);
  const cell = r?.findCell(col + 1);
  if (!cell) return;
  cell.value = null;
  cell.style = {};
}

/** The marks with the settings sheet added: removing what we own always takes the settings sheet too. */
function withSettingsSheet(owned: OwnedMarks): OwnedMarks {
  return owned.sheets.includes(SETTINGS_SHEET_NAME)
    ? owned
    : { ...owned, sheets: [...owned.sheets, SETTINGS_SHEET_NAME] };
}

/** Remove the owned things a settings document lists (the settings sheet when it is listed and ours). */
function removeOwned(
  wb: ExcelJS.Workbook,
  owned: OwnedMarks,
): Pick<ClearSummary, 'sheets' | 'columns' | 'rules'> {
  let rules = 0;
  for (const mark of owned.rules) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    const formula = mark.formula?.replace(/^=/, '') ?? null;
    const kept: ExcelJS.ConditionalFormattingOptions[] = [];
    for (const cf of extras(ws).conditionalFormattings) {
      if (cf.ref !== mark.ref) {
        kept.push(cf);
        continue;
      }
      const left = cf.rules.filter((rule: ExcelJS.ConditionalFormattingRule) => {
        const mine =
          rule.type === mark.kind &&
          (mark.kind === 'dataBar' || ((rule as { formulae?: unknown[] }).formulae?.[0] ?? null) === formula);
        if (mine) rules++;
        return !mine;
      });
      if (left.length > 0) kept.push({ ...cf, rules: left });
    }
    extras(ws).conditionalFormattings = kept;
  }
  let columns = 0;
  for (const mark of owned.columns) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    columns++;
    for (let c = mark.firstCol; c <= mark.lastCol; c++) {
      if (mark.ownsHeader) resetCell(ws, mark.headerRow, c);
      for (let r = mark.firstRow; r <= mark.lastRow; r++) {
        if (mark.ownsHeader) resetCell(ws, r, c);
        else {
          const cell = ws.findRow(r + 1)?.findCell(c + 1);
          if (cell) cell.value = null;
        }
      }
      if (mark.ownsHeader) {
        const before = mark.previousWidths[c - mark.firstCol] ?? null;
        const column = ws.getColumn(c + 1);
        if (before === null) {
          // exceljs has no "unset": an undefined width drops the <col> entry when nothing else is set.
          column.width = undefined;
        } else column.width = before;
      }
    }
  }
  const sheets: string[] = [];
  for (const name of owned.sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    if (name === SETTINGS_SHEET_NAME && ws.findCell(1, 1)?.value !== SETTINGS_MARKER) continue;
    wb.removeWorksheet(ws.id);
    sheets.push(name);
  }
  return { sheets, columns, rules };
}

/**
 * Remove everything the workbook's settings list as owned, then put back the settings as they were before
 * the first run ({@link settingsAfterClear}: the saved choices, veryHidden, marker in A1) — or delete the
 * settings sheet when there were none. Settings without owned marks (saved choices only) and a workbook
 * without our settings are left untouched. `settings` saves reading them again when the caller just did.
 */
export function clearOwned(
  wb: ExcelJS.Workbook,
  settings: DubanSettings | null = readSettings(wb),
): ClearSummary {
  if (!settings) return { sheets: [], columns: 0, rules: 0, hadSettings: false, hadMarks: false };
  if (!hasOwnedMarks(settings)) {
    return { sheets: [], columns: 0, rules: 0, hadSettings: true, hadMarks: false };
  }
  const removed = removeOwned(wb, withSettingsSheet(settings.owned));
  const after = settingsAfterClear(settings);
  // A user's sheet of that name (no marker) was left alone above: ours cannot be written next to it.
  if (after === null || wb.getWorksheet(SETTINGS_SHEET_NAME)) {
    return { ...removed, hadSettings: true, hadMarks: true };
  }
  writeSettings(wb, after);
  // The settings sheet is still there, with the saved choices: not reported as removed.
  const sheets = removed.sheets.filter((n) => n !== SETTINGS_SHEET_NAME);
  return { ...removed, sheets, hadSettings: true, hadMarks: true };
}

/**
 * Apply a plan. Every check that can fail is made before the first write (a planned sheet's name taken by a
 * sheet that is not ours, a column block on a missing sheet), so a refused plan leaves the workbook as it was.
 */
export async function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): Promise<void> {
  const before = readSettings(wb);
  const ownedBefore = new Set(before?.owned.sheets ?? []);
  for (const sheet of plan.sheets) {
    const existing = wb.getWorksheet(sheet.name);
    const replaceable = plan.replaceOwned && ownedBefore.has(sheet.name);
    if (existing && !replaceable) {
      throw new DubanError('invalid_argument', `A sheet named ${sheet.name} already exists.`, {
        sheet: sheet.name,
      });
    }
  }
  for (const target of [...plan.columns.map((c) => c.sheet), ...plan.updates.map((u) => u.sheet)]) {
    if (!wb.getWorksheet(target)) {
      throw new DubanError('sheet_not_found', `Sheet not found: ${target}`, { sheet: target });
    }
  }
  if (plan.settings && wb.getWorksheet(SETTINGS_SHEET_NAME) && !settingsSheet(wb)) {
    throw new DubanError('invalid_argument', `A sheet named ${SETTINGS_SHEET_NAME} already exists.`, {
      sheet: SETTINGS_SHEET_NAME,
    });
  }
  // Everything the last run owned goes, settings sheet included: the plan's settings take its place.
  if (plan.replaceOwned && before) removeOwned(wb, withSettingsSheet(before.owned));
  for (const sheet of plan.sheets) await addPlannedSheet(wb, sheet);
  for (const block of plan.columns) {
    const ws = wb.getWorksheet(block.sheet);
    if (ws) writeBlock(ws, block);
  }
  for (const update of plan.updates) {
    const ws = wb.getWorksheet(update.sheet);
    if (ws) writeCells(ws, update.cells, 'value');
  }
  const bySheet = new Map<string, PlanConditionalFormat[]>();
  for (const rule of plan.conditionalFormats) {
    bySheet.set(rule.sheet, [...(bySheet.get(rule.sheet) ?? []), rule]);
  }
  for (const [name, rules] of bySheet) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    let priority = maxPriority(ws);
    for (const rule of rules) addRule(ws, rule, ++priority);
  }
  if (plan.settings) writeSettings(wb, plan.settings);
}

/**
 * Facts the score planner needs about a sheet: its last used column (values, formats and merged cells all
 * count, so owned columns never land on a user's formatted cell) and its column widths.
 */
export function sheetFacts(ws: ExcelJS.Worksheet): {
  name: string;
  lastCol: number;
  widths: (number | null)[];
} {
  let last = 0;
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.cellCount <= last) return;
    // Cells emptied by clear stay in exceljs's row as husks with no value and no style: they do not count.
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > last && (cell.value !== null || Object.keys(cell.style).length > 0)) last = col;
    });
  });
  const internal = extras(ws)._merges ?? {};
  for (const m of Object.values(internal)) if (m.right > last) last = m.right;
  const widths: (number | null)[] = [];
  const count = Math.max(ws.columnCount, last) + 8;
  for (let c = 1; c <= count; c++) {
    const w = ws.getColumn(c).width;
    widths.push(typeof w === 'number' && w > 0 ? w : null);
  }
  return { name: ws.name, lastCol: last - 1, widths };
}
