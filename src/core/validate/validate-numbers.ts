/**
 * Number checks: error values in any mapped cell, text where a number is expected, zero or negative
 * targets, completion rates written both as fractions (0.681) and as percent numbers (68.1) in one column,
 * and units of measure that differ between a target and its actual.
 */
import type { Indicator } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { cellAt, isCellError, numberFormatAt, toA1Local, type CellRef, type RawCell } from '../grid.ts';
import type { ColumnRole, Located, TaskRow } from '../table-model.ts';
import { MEASURE_UNITS } from '../vocab/validate-measure-units.ts';
import {
  columnHeaderRef,
  columnLabel,
  columnMeasureUnit,
  chars,
  formatNumber,
  refKey,
  rowCell,
  subTasksOf,
  type ValidateContext,
} from './context.ts';
import { compareUnits, resolveMeasureUnit } from './measure-units.ts';
import { numericValue, readNumberCell, type NumberCell } from './number-cell.ts';

/** Roles whose cells must hold numbers. */
const NUMERIC_ROLES: readonly ColumnRole[] = ['planValue', 'actual', 'completionRate', 'weight'];

/** Completion rates up to this are read as fractions (1.5 = 150 %); above it, as percent numbers. */
const FRACTION_MAX = 1.5;
/** Percent numbers above this are not completion rates at all and are left out of the comparison. */
const PERCENT_MAX = 150;
/** Example cells listed per kind in a mixed-percentage finding. */
const MAX_EXAMPLES = 3;
/** Quoted cell text in messages is cut to this many characters. */
const MAX_QUOTED_LENGTH = 40;

/** Unit words from the vocabulary, longest first, to find the unit a target's wording used (`亿元`). */
const UNIT_WORDS_LONGEST_FIRST = Object.keys(MEASURE_UNITS).sort((a, b) => b.length - a.length);

function quote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_QUOTED_LENGTH) return trimmed; // UTF-16 length bounds the character count
  const all = chars(trimmed);
  return all.length > MAX_QUOTED_LENGTH ? `${all.slice(0, MAX_QUOTED_LENGTH).join('')}…` : all.join('');
}

function readAt(ctx: ValidateContext, at: CellRef, raw: RawCell): NumberCell {
  return readNumberCell(raw, numberFormatAt(ctx.grid, at.row, at.col));
}

/** Run the number checks. */
export function checkNumbers(ctx: ValidateContext): Finding[] {
  const records = [...ctx.table.rows, ...ctx.table.totals];
  return [
    ...errorValues(ctx, records),
    ...textAndTargets(ctx, records),
    ...mixedPercentages(ctx, records),
    ...unitMismatches(ctx),
  ];
}

/** `#N/A`, `#DIV/0!` … in any mapped cell of a task or total row, once per cell. */
function errorValues(ctx: ValidateContext, records: readonly TaskRow[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  const report = (at: CellRef, raw: RawCell): void => {
    if (!isCellError(raw)) return;
    const key = refKey(at);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(makeFinding('cell_error_value', at, { error: raw.error, column: columnLabel(ctx, at.col) }));
  };
  for (const rec of records) {
    for (const loc of [rec.serial, rec.unitCell, rec.ownerCell, rec.target]) if (loc) report(loc.at, loc.raw);
    // Typed as always present, but a hand-made record may carry `undefined` values. The own enumerable
    // fields in Object.values order, without building that array for every row.
    const fields = rec.fields as Readonly<Record<string, Located<RawCell> | undefined>>;
    for (const role in fields) {
      if (!Object.hasOwn(fields, role)) continue;
      const loc = fields[role];
      if (loc) report(loc.at, loc.raw);
    }
    for (const m of ctx.table.columns) {
      const raw = cellAt(ctx.grid, rec.row, m.col);
      if (isCellError(raw)) report({ sheet: ctx.table.sheet, row: rec.row, col: m.col }, raw);
    }
  }
  return out;
}

/** Text in numeric cells, and targets (目标值) of zero or less. */
function textAndTargets(ctx: ValidateContext, records: readonly TaskRow[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<ColumnRole, Set<number>>(NUMERIC_ROLES.map((r) => [r, new Set<number>()]));
  const totals = new Set(ctx.table.totals);
  const byRow = ctx.subTasksByRow();
  for (const rec of records) {
    for (const role of NUMERIC_ROLES) {
      const cell = rowCell(ctx, rec, role);
      if (!cell) continue;
      const seenForRole = seen.get(role);
      const key = refKey(cell.at);
      if (!seenForRole || seenForRole.has(key)) continue;
      seenForRole.add(key);
      const read = readAt(ctx, cell.at, cell.raw);
      if (read.kind === 'numeric_text' || read.kind === 'text') {
        const params = { value: quote(read.text), column: columnLabel(ctx, cell.at.col) };
        out.push(makeFinding(read.kind === 'text' ? 'number_expected' : 'number_as_text', cell.at, params));
      }
      if (role !== 'planValue' || totals.has(rec)) continue;
      const value = numericValue(read);
      if (value === null || value > 0) continue;
      // A zero target is legitimate for a lower-is-better indicator (安全事故控制在0起).
      const lowerIsBetter = subTasksOf(byRow, rec).some((s) =>
        s.indicators.some((i) => i.kind === 'lower_is_better'),
      );
      if (value === 0 && lowerIsBetter) continue;
      out.push(
        makeFinding('target_not_positive', cell.at, {
          value: read.kind === 'numeric_text' ? read.text : formatNumber(value),
          column: columnLabel(ctx, cell.at.col),
        }),
      );
    }
  }
  return out;
}

/**
 * One completion-rate column holding fractions (0 < v ≤ 1.5, or any value shown with a percent format) and
 * percent numbers (1.5 < v ≤ 150) at once. Text such as `68.1%` says what it means and is left out.
 */
function mixedPercentages(ctx: ValidateContext, records: readonly TaskRow[]): Finding[] {
  interface Tally {
    readonly fractions: string[];
    readonly percents: string[];
  }
  const byColumn = new Map<number, Tally>();
  const seen = new Set<number>();
  for (const rec of records) {
    const cell = rowCell(ctx, rec, 'completionRate');
    if (!cell || seen.has(refKey(cell.at))) continue;
    seen.add(refKey(cell.at));
    const read = readAt(ctx, cell.at, cell.raw);
    let value: number;
    let percentFormat = false;
    if (read.kind === 'number') {
      value = read.value;
      percentFormat = read.percentFormat;
    } else if (read.kind === 'numeric_text' && !read.percent) {
      value = read.value;
    } else {
      continue;
    }
    let tally = byColumn.get(cell.at.col);
    if (!tally) {
      tally = { fractions: [], percents: [] };
      byColumn.set(cell.at.col, tally);
    }
    // Only the first few of each kind are shown, so only those are formatted.
    if (value > 0 && (percentFormat || value <= FRACTION_MAX)) {
      if (tally.fractions.length < MAX_EXAMPLES) {
        const shown = percentFormat ? `${formatNumber(value * 100)}%` : formatNumber(value);
        tally.fractions.push(`${toA1Local(cell.at)}=${shown}`);
      }
    } else if (value > FRACTION_MAX && value <= PERCENT_MAX) {
      if (tally.percents.length < MAX_EXAMPLES)
        tally.percents.push(`${toA1Local(cell.at)}=${formatNumber(value)}`);
    }
  }
  const out: Finding[] = [];
  for (const [col, tally] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    if (tally.fractions.length === 0 || tally.percents.length === 0) continue;
    out.push(
      makeFinding('percent_scale_mixed', columnHeaderRef(ctx, col), {
        column: columnLabel(ctx, col),
        fractionExamples: tally.fractions.join('、'),
        percentExamples: tally.percents.join('、'),
      }),
    );
  }
  return out;
}

/** Where a side's unit of measure was read from: the cell's own text or the column's header. */
interface UnitSide {
  readonly unit: string;
  readonly source: 'cell' | 'header' | 'text';
  readonly col: number;
}

/** The unit a target's wording used: `完成投资200亿元以上` → `亿元` (the indicator keeps the canonical `元`). */
function wordingUnit(ind: Indicator): string | null {
  if (ind.unit === null) return null;
  const canonical = resolveMeasureUnit(ind.unit);
  for (const word of UNIT_WORDS_LONGEST_FIRST) {
    if (!ind.text.includes(word)) continue;
    const found = resolveMeasureUnit(word);
    if (found && canonical && found.base === canonical.base) return found.label;
  }
  return ind.unit;
}

function sideOf(ctx: ValidateContext, rec: TaskRow, role: 'planValue' | 'actual'): UnitSide | 'blank' | null {
  const cell = rowCell(ctx, rec, role);
  if (!cell) return null;
  const read = readAt(ctx, cell.at, cell.raw);
  if (read.kind === 'blank' || read.kind === 'placeholder' || read.kind === 'error') return 'blank';
  if (read.kind === 'text' && read.unit) return { unit: read.unit, source: 'cell', col: cell.at.col };
  if (read.kind === 'numeric_text' && read.percent) return { unit: '%', source: 'cell', col: cell.at.col };
  const header = columnMeasureUnit(ctx, cell.at.col);
  return header ? { unit: header, source: 'header', col: cell.at.col } : null;
}

/**
 * Target unit vs actual unit, per task row. The target side is the 目标值 cell (its text's unit, else its
 * header's); without a 目标值 the target text's indicator when the row has exactly one with a value. When
 * both sides come from headers the finding is made once, at the actual column's header.
 */
function unitMismatches(ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  const byRow = ctx.subTasksByRow();
  const headerPairs = new Set<string>();
  const seen = new Set<number>();
  for (const rec of ctx.table.rows) {
    const actualCell = rowCell(ctx, rec, 'actual');
    const actual = sideOf(ctx, rec, 'actual');
    if (!actualCell || actual === null || actual === 'blank') continue;
    let target = sideOf(ctx, rec, 'planValue');
    if (target === null || target === 'blank') {
      const valued = subTasksOf(byRow, rec)
        .flatMap((s) => s.indicators)
        .filter((i) => i.value !== null && i.unit !== null);
      const only = valued.length === 1 ? valued[0] : undefined;
      const unit = only ? wordingUnit(only) : null;
      target = unit ? { unit, source: 'text', col: rec.target?.at.col ?? -1 } : null;
    }
    if (!target) continue;
    const comparison = compareUnits(target.unit, actual.unit);
    if (comparison.kind === 'same') continue;
    let at = actualCell.at;
    if (target.source === 'header' && actual.source === 'header') {
      const pair = `${String(target.col)}|${String(actual.col)}`;
      if (headerPairs.has(pair)) continue;
      headerPairs.add(pair);
      at = columnHeaderRef(ctx, actual.col);
    }
    const key = refKey(at);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      comparison.kind === 'convertible'
        ? makeFinding('measure_unit_converted', at, {
            targetUnit: target.unit,
            actualUnit: actual.unit,
            bigUnit: comparison.bigUnit,
            smallUnit: comparison.smallUnit,
            factor: formatNumber(comparison.factor),
          })
        : makeFinding('measure_unit_mismatch', at, { targetUnit: target.unit, actualUnit: actual.unit }),
    );
  }
  return out;
}
