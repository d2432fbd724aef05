/**
 * The ledger sheet (任务台账) as the hosts write it after breakdown: the values `buildLedger` produces, plus
 * the formatting for use and print — header style, wrapped text, widths, frozen header, A4 landscape fit to
 * one page wide with the header repeated, and data validation with Chinese input prompts on the cells units
 * fill in (status drop-down, progress text ≤ 200 characters, numbers only on single-value actuals). Those
 * cells are planned unlocked, so a unit's protected copy (`plan-split.ts`) leaves exactly them editable.
 */
import type { CellRange, RawCell } from '../grid.ts';
import { LEDGER_HEADER_ROW, type LedgerSheet } from '../ledger/build-ledger.ts';
import { LEDGER_COLUMNS, type LedgerColumn, type LedgerRowShape } from '../vocab/ledger-columns.ts';
import type { PlanCell, PlanStyle, PlanValidation, SheetPlan, WritePlan } from './plan-model.ts';
import { planValue } from './plan-value.ts';
import { freeSheetName } from './plan-score.ts';

/** A ledger to lay out: title, the columns present (in sheet order), rows parallel to them. */
export interface LedgerLayoutInput {
  readonly sheetName: string;
  readonly title: string;
  readonly columns: readonly LedgerColumn[];
  readonly rows: readonly (readonly RawCell[])[];
  readonly shapes: readonly LedgerRowShape[];
}

/** Number format of a column's data cells. */
function formatOf(column: LedgerColumn): string | undefined {
  if (column.format === 'text') return '@';
  if (column.format === 'percent') return '0.0%';
  return undefined;
}

function styleOf(column: LedgerColumn): PlanStyle {
  if (column.filler === 'unit') return 'unitInput';
  if (column.format === 'wrap') return 'bodyWrap';
  return 'bodyCenter';
}

/** Runs of consecutive rows (absolute) for which `keep` holds, as [first, last] pairs. */
function runs(first: number, count: number, keep: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= count; i++) {
    const ok = i < count && keep(i);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      out.push([first + start, first + i - 1]);
      start = -1;
    }
  }
  return out;
}

const ERROR_TITLE = '输入不符合要求';

function validationsFor(
  column: LedgerColumn,
  col: number,
  firstRow: number,
  shapes: readonly LedgerRowShape[],
): PlanValidation[] {
  const v = column.validation;
  if (!v || shapes.length === 0) return [];
  const prompt = column.prompt ? { prompt: column.prompt } : {};
  const whole: CellRange = { top: firstRow, left: col, bottom: firstRow + shapes.length - 1, right: col };
  if (v.kind === 'list') {
    return [
      {
        range: whole,
        rule: { kind: 'list', choices: v.choices },
        ...prompt,
        error: { title: ERROR_TITLE, text: `请从下拉列表中选择：${v.choices.join('、')}` },
      },
    ];
  }
  if (v.kind === 'textLength') {
    return [
      {
        range: whole,
        rule: { kind: 'textLength', max: v.max },
        ...prompt,
        error: { title: ERROR_TITLE, text: `不超过${v.max}个字。` },
      },
    ];
  }
  // Actuals: a number where the row has one indicator; rows with several take `195、250` (prompt only there).
  return runs(firstRow, shapes.length, (i) => shapes[i] === 'single').map(([top, bottom]) => ({
    range: { top, left: col, bottom, right: col },
    rule: { kind: 'decimal' },
    ...prompt,
    error: { title: ERROR_TITLE, text: '请填写数字（单位见“计量单位”列）。' },
  }));
}

/** Rough height of a wrapped row: the longest cell's lines at its column width. */
function rowHeight(row: readonly RawCell[], columns: readonly LedgerColumn[]): number {
  let lines = 1;
  row.forEach((v, c) => {
    const width = columns[c]?.width ?? 10;
    if (typeof v !== 'string') return;
    // A CJK character is about two width units.
    const perLine = Math.max(1, Math.floor(width / 2));
    lines = Math.max(lines, Math.ceil(v.length / perLine));
  });
  return Math.min(409, Math.max(18, 15 * lines + 3));
}

/** The ledger sheet laid out for use and print. Header on row 2, data from row 3 (1-based). */
export function planLedgerSheet(input: LedgerLayoutInput): SheetPlan {
  const { columns, rows } = input;
  const headerRow = LEDGER_HEADER_ROW;
  const firstRow = headerRow + 1;
  const cells: PlanCell[] = [planValue(0, 0, input.title, { style: 'title' })];
  columns.forEach((c, i) =>
    cells.push(planValue(headerRow, i, c.zh, { style: c.filler === 'result' ? 'resultHeader' : 'header' })),
  );
  const heights: { row: number; height: number }[] = [
    { row: 0, height: 30 },
    { row: headerRow, height: 32 },
  ];
  rows.forEach((row, r) => {
    columns.forEach((column, c) => {
      const fmt = formatOf(column);
      cells.push(
        planValue(firstRow + r, c, row[c] ?? null, {
          style: styleOf(column),
          ...(fmt ? { numberFormat: fmt } : {}),
          ...(column.filler === 'unit' ? { locked: false } : {}),
        }),
      );
    });
    heights.push({ row: firstRow + r, height: rowHeight(row, columns) });
  });
  const validations = columns.flatMap((c, i) => validationsFor(c, i, firstRow, input.shapes));
  return {
    name: input.sheetName,
    visibility: 'visible',
    owned: false,
    cells,
    widths: columns.map((c, col) => ({ col, width: c.width })),
    heights,
    merges: columns.length > 1 ? [{ top: 0, left: 0, bottom: 0, right: columns.length - 1 }] : [],
    frozenRows: firstRow,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      repeatRows: { first: headerRow, last: headerRow },
    },
    validations,
  };
}

/**
 * Plan the ledger sheet of a breakdown, named 任务台账 (or 任务台账(2) … when the workbook has a sheet of that
 * name already). The sheet becomes the user's: `clear` does not remove it.
 */
export function planBreakdownWrites(ledger: LedgerSheet, sheetNames: readonly string[] = []): WritePlan {
  const sheet = planLedgerSheet({
    sheetName: freeSheetName(ledger.sheet, sheetNames),
    title: ledger.title,
    columns: LEDGER_COLUMNS,
    rows: ledger.rows,
    shapes: ledger.shapes,
  });
  return {
    replaceOwned: false,
    sheets: [sheet],
    columns: [],
    updates: [],
    conditionalFormats: [],
    settings: null,
  };
}
