/**
 * The parts of a {@link WritePlan} as write operations for Office.js — the same things, in the same order,
 * as the exceljs host writes them (`src/xlsx/apply-plan.ts`): planned sheets (cells, styles, widths,
 * heights, merges, frozen rows, print setup, validations with Chinese prompts, protection), owned column
 * blocks, updates of user cells, conditional formats after the user's in priority, and the settings sheet.
 * A native bar chart of the scores goes on 评分排名 — an owned sheet, so it leaves with the sheet.
 */
import { columnLetters, type CellRange } from '../core/grid.ts';
import type {
  ColumnBlockPlan,
  PlanConditionalFormat,
  PlanValidation,
  SheetPlan,
} from '../core/write-plan/plan-model.ts';
import { HIGHLIGHT_COLOURS } from '../core/write-plan/plan-styles.ts';
import { SETTINGS_SHEET_NAME, settingsCells, type DubanSettings } from '../core/write-plan/owned-settings.ts';
import { cellOps } from './cell-ops.ts';
import { charsToPoints } from './column-width.ts';
import { CALL_BYTES, PATH_BYTES, a1, op, type WriteOp } from './write-ops.ts';

/** What the host can do, decided once per run. */
export interface HostAbilities {
  /** ExcelApi 1.9: `Worksheet.pageLayout` (print setup). Without it print setup is skipped and reported. */
  readonly pageLayout: boolean;
}

/** Something the host could not write (reported to the user as a warning, never silently dropped). */
export interface SkippedWrite {
  readonly what: 'print';
  readonly sheet: string;
}

/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;

/** Bounds of the "numbers only" validation (the exceljs host's). */
const DECIMAL_BOUND = 1e12;

function columnRange(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}

/** Column widths (characters → points). */
export function widthOps(sheet: string, widths: readonly { col: number; width: number }[]): WriteOp[] {
  return widths.map((w) =>
    op(3, 1, null, (scope) => {
      scope.sheet(sheet).getRange(columnRange(w.col)).format.columnWidth = charsToPoints(w.width);
    }),
  );
}

/** Row heights, consecutive rows of the same height in one operation. */
function heightOps(sheet: string, heights: readonly { row: number; height: number }[]): WriteOp[] {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const ops: WriteOp[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i];
    if (!first) break;
    let last = first;
    let j = i + 1;
    for (; j < sorted.length; j++) {
      const next = sorted[j];
      if (!next || next.row !== last.row + 1 || next.height !== first.height) break;
      last = next;
    }
    const rows = `${first.row + 1}:${last.row + 1}`;
    // Excel refuses heights over 409 points (a long circular paragraph asks for more).
    const height = Math.min(MAX_ROW_POINTS, Math.max(0, first.height));
    ops.push(
      op(3, 1, null, (scope) => {
        scope.sheet(sheet).getRange(rows).format.rowHeight = height;
      }),
    );
    i = j;
  }
  return ops;
}

function validationOp(sheet: string, v: PlanValidation): WriteOp {
  const rule: Excel.DataValidationRule =
    v.rule.kind === 'list'
      ? { list: { inCellDropDown: true, source: v.rule.choices.join(',') } }
      : v.rule.kind === 'textLength'
        ? { textLength: { formula1: v.rule.max, operator: 'LessThanOrEqualTo' } }
        : { decimal: { formula1: -DECIMAL_BOUND, formula2: DECIMAL_BOUND, operator: 'Between' } };
  const prompt: Excel.DataValidationPrompt | null = v.prompt
    ? { showPrompt: true, title: v.prompt.title.slice(0, 32), message: v.prompt.text.slice(0, 255) }
    : null;
  const errorAlert: Excel.DataValidationErrorAlert = {
    showAlert: true,
    style: 'Stop',
    title: (v.error?.title ?? '').slice(0, 32),
    message: (v.error?.text ?? '').slice(0, 255),
  };
  return op(3, 3, [rule, prompt, errorAlert], (scope) => {
    const dv = scope.sheet(sheet).getRange(a1(v.range)).dataValidation;
    dv.rule = rule;
    if (prompt) dv.prompt = prompt;
    dv.errorAlert = errorAlert;
  });
}

/** Print setup the host cannot write (before ExcelApi 1.9): reported, nothing queued. */
function skipPrint(plan: SheetPlan, skipped: SkippedWrite[]): WriteOp[] {
  skipped.push({ what: 'print', sheet: plan.name });
  return [];
}

function printOps(plan: SheetPlan, abilities: HostAbilities, skipped: SkippedWrite[]): WriteOp[] {
  const p = plan.print;
  if (!p) return [];
  if (!abilities.pageLayout) return skipPrint(plan, skipped);
  const titles = p.repeatRows ? `$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}` : null;
  return [
    op(3, 4, titles, (scope) => {
      const layout = scope.sheet(plan.name).pageLayout;
      layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (titles !== null) layout.setPrintTitleRows(titles);
    }),
  ];
}

/**
 * Create one planned sheet: added last, then widths, heights, cells, merges, print setup and validations.
 * Protection is returned apart: it must come after every other write to the sheet.
 */
export function sheetOps(
  plan: SheetPlan,
  abilities: HostAbilities,
  skipped: SkippedWrite[],
): { ops: WriteOp[]; protect: WriteOp | null } {
  const name = plan.name;
  const ops: WriteOp[] = [
    op(2, 2, name, (scope) => {
      const ws = scope.addSheet(name);
      if (plan.visibility === 'veryHidden') ws.visibility = 'VeryHidden';
    }),
  ];
  if (plan.frozenRows > 0) {
    ops.push(
      op(3, 1, null, (scope) => {
        scope.sheet(name).freezePanes.freezeRows(plan.frozenRows);
      }),
    );
  }
  ops.push(...widthOps(name, plan.widths));
  ops.push(...heightOps(name, plan.heights ?? []));
  ops.push(...cellOps(name, plan.cells, 'full'));
  for (const m of plan.merges) {
    ops.push(
      op(2, 1, null, (scope) => {
        scope.sheet(name).getRange(a1(m)).merge(false);
      }),
    );
  }
  ops.push(...printOps(plan, abilities, skipped));
  for (const v of plan.validations) ops.push(validationOp(name, v));
  const protect = plan.protect
    ? op(3, 1, null, (scope) => {
        scope.sheet(name).protection.protect();
      })
    : null;
  return { ops, protect };
}

/** A column block: widths (when it owns the header), then its cells — styled, or values only on a ledger. */
export function blockOps(block: ColumnBlockPlan): WriteOp[] {
  return [
    ...widthOps(block.sheet, block.widths),
    ...cellOps(block.sheet, block.cells, block.ownsHeader ? 'full' : 'value'),
  ];
}

/**
 * Our conditional formats on one sheet, placed after the `userRules` rules already there: Excel gives a new
 * rule the top priority, so each is moved down explicitly, last (a priority past the end means "last").
 */
export function ruleOps(rules: readonly PlanConditionalFormat[], userRules: number): WriteOp[] {
  return rules.map((rule, i) => {
    const priority = userRules + i;
    if (rule.kind === 'expression') {
      const colours = HIGHLIGHT_COLOURS[rule.colour];
      return op(6, 5, rule.formula, (scope) => {
        const cf = scope.sheet(rule.sheet).getRange(a1(rule.range)).conditionalFormats.add('Custom');
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = `#${colours.fill}`;
        cf.custom.format.font.color = `#${colours.font}`;
        // Set last: Office.js asks for a fresh proxy after a priority change.
        cf.priority = priority;
      });
    }
    return op(5, 4, null, (scope) => {
      const cf = scope.sheet(rule.sheet).getRange(a1(rule.range)).conditionalFormats.add('DataBar');
      cf.dataBar.barDirection = 'LeftToRight';
      cf.dataBar.positiveFormat.fillColor = `#${rule.colour}`;
      cf.dataBar.positiveFormat.gradientFill = false;
      cf.priority = priority;
    });
  });
}

/** Id of the ranking's data-bar rule: where the score column is, for the chart. */
export const SCORE_BAR_ID = 'duban.ranking.scoreBar';

/** Title of the score chart on 评分排名. */
export const SCORE_CHART_TITLE = '综合得分';

/**
 * A native bar chart of unit names and scores beside the ranking (the data bar's column and the one left of
 * it, header row included), right of the table.
 */
export function chartOp(rule: PlanConditionalFormat): WriteOp | null {
  if (rule.kind !== 'dataBar' || rule.id !== SCORE_BAR_ID || rule.range.left < 1) return null;
  const source: CellRange = {
    top: rule.range.top - 1,
    left: rule.range.left - 1,
    bottom: rule.range.bottom,
    right: rule.range.left,
  };
  const units = rule.range.bottom - rule.range.top + 1;
  const from = 'M2';
  const to = `T${Math.max(20, 2 + Math.ceil(units * 1.2))}`;
  return op(5, 5, null, (scope) => {
    const ws = scope.sheet(rule.sheet);
    const chart = ws.charts.add('BarClustered', ws.getRange(a1(source)), 'Columns');
    chart.title.text = SCORE_CHART_TITLE;
    chart.legend.visible = false;
    chart.setPosition(from, to);
  });
}

/** Write the settings sheet: text format first (so nothing in the JSON is reinterpreted), then veryHidden. */
export function settingsOps(settings: DubanSettings): WriteOp[] {
  const cells = settingsCells(settings);
  const values = cells.map((row) => [typeof row[0] === 'string' ? row[0] : '']);
  const range = `A1:A${values.length}`;
  return [
    op(4, 4, values, (scope) => {
      const ws = scope.addSheet(SETTINGS_SHEET_NAME);
      const cellsRange = ws.getRange(range);
      cellsRange.numberFormat = values.map(() => ['@']);
      cellsRange.values = values;
      ws.visibility = 'VeryHidden';
    }),
  ];
}

/** Delete a sheet by name. */
export function deleteSheetOp(name: string): WriteOp {
  return {
    bytes: PATH_BYTES + CALL_BYTES,
    apply: (scope) => {
      scope.sheet(name).delete();
    },
  };
}
