/**
 * How an indicator's figures are written for people: in the unit its target was written in (`200亿元`, not
 * `20000000000元`), which breakdown records on the indicator (`Indicator.writtenUnit`).
 */
import { unitShape as shape } from '../measure/unit-shape.ts';
import { trimmed } from './numbers.ts';

/**
 * How the figures of one indicator are written: converted from its unit into the unit it was written in
 * (`元` → `亿元`: × 1 ÷ 1e8), then the unit appended.
 */
export interface FigureFormat {
  /** Multiply by `from`, divide by `to`: the factors of the two units (null when no conversion). */
  readonly from: number | null;
  readonly to: number;
  /** Appended to the number: the display unit, the indicator's unit, or nothing. */
  readonly suffix: string;
}

// Formats by unit and display unit: a ledger uses a few dozen units, so these are few and tiny.
const formats = new Map<string | null, Map<string | null, FigureFormat>>();

/** The format of an indicator's figures (see {@link formatFigure}), looked up once per indicator. */
export function figureFormat(unit: string | null, displayUnit: string | null): FigureFormat {
  let byDisplay = formats.get(unit);
  if (byDisplay === undefined) {
    byDisplay = new Map();
    if (formats.size < 1000) formats.set(unit, byDisplay);
  }
  let f = byDisplay.get(displayUnit);
  if (f === undefined) {
    f = buildFormat(unit, displayUnit);
    if (byDisplay.size < 1000) byDisplay.set(displayUnit, f);
  }
  return f;
}

function buildFormat(unit: string | null, displayUnit: string | null): FigureFormat {
  if (unit === null) return { from: null, to: 1, suffix: '' };
  if (displayUnit !== null && displayUnit !== unit) {
    const from = shape(unit);
    const to = shape(displayUnit);
    if (from && to && from.base === to.base) return { from: from.factor, to: to.factor, suffix: displayUnit };
  }
  return { from: null, to: 1, suffix: unit };
}

/** A figure written in a {@link FigureFormat}: up to 4 decimals, then the unit. */
export function formatWith(f: FigureFormat, value: number): string {
  const number = trimmed(f.from === null ? value : (value * f.from) / f.to, 4);
  return f.suffix === '' ? number : number + f.suffix;
}

/**
 * A figure (up to 4 decimals) in the indicator's unit written in `displayUnit` (both as written): `formatFigure(3005000000,
 * '元', '亿元') === '30.05亿元'`; rates as percent numbers: `formatFigure(5.5, '%', '%') === '5.5%'`.
 */
export function formatFigure(value: number, unit: string | null, displayUnit: string | null): string {
  return formatWith(figureFormat(unit, displayUnit), value);
}
