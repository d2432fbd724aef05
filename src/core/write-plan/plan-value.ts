/**
 * Making plan cells, with the formula-injection guard: text we write that a spreadsheet would take for a
 * formula (it begins with `=`, `+`, `-` or `@`) is flagged `asText`, and every host writes such a cell as
 * literal text. A unit's progress text `-完成…` or a target `=200` must never run as a formula.
 */
import type { RawCell } from '../grid.ts';
import { isCellError } from '../grid.ts';
import type { PlanCell, PlanStyle } from './plan-model.ts';

/**
 * True for text a spreadsheet would read as a formula or a signed number when typed.
 * @example startsLikeFormula('=SUM(A1)') === true; startsLikeFormula('@x') === true;
 *   startsLikeFormula('-3%') === true; startsLikeFormula('完成200亿元') === false
 */
export function startsLikeFormula(text: string): boolean {
  const c = text.charAt(0);
  return c === '=' || c === '+' || c === '-' || c === '@';
}

/** Extra properties of a plan cell. */
export type PlanCellExtras = Omit<PlanCell, 'row' | 'col' | 'value' | 'asText'>;

/**
 * A plan cell for a value. Error values are written as their text (`#N/A`) — we never write errors.
 * @example planValue(4, 2, '=1+1') → { row: 4, col: 2, value: '=1+1', asText: true }
 * @example planValue(4, 2, 0.5, { numberFormat: '0.0%' }) → { row: 4, col: 2, value: 0.5, numberFormat: '0.0%' }
 */
export function planValue(row: number, col: number, value: RawCell, extras: PlanCellExtras = {}): PlanCell {
  const plain = isCellError(value) ? value.error : value;
  if (typeof plain === 'string' && startsLikeFormula(plain)) {
    return { row, col, value: plain, asText: true, ...extras };
  }
  return { row, col, value: plain, ...extras };
}

/** A styled plan cell (shorthand). */
export function styled(row: number, col: number, value: RawCell, style: PlanStyle): PlanCell {
  return planValue(row, col, value, { style });
}
