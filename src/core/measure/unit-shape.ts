/**
 * Units of measure for breakdown and scoring: what a unit as written is made of (`亿元` = 1e8 × 元) and
 * converting figures between units of the same kind. The vocabulary is validation's
 * (`vocab/validate-measure-units.ts`), so the stages agree on what converts.
 */
import { resolveMeasureUnit } from '../validate/measure-units.ts';
import { MEASURE_PREFIXES } from '../vocab/validate-measure-units.ts';

/** A unit as written: how many base units one of it is, and the base (null for a bare magnitude or none). */
export interface UnitShape {
  readonly factor: number;
  readonly base: string | null;
}

// Lookups repeat for every sub-task of a large ledger and the vocabulary is small: cache them.
const cache = new Map<string, UnitShape | null>();

/**
 * The shape of a unit as written, null when unknown. `''` is no unit; a bare magnitude (`亿`, `万`) scales
 * without naming a kind.
 * @example unitShape('亿元') → { factor: 1e8, base: '元' }; unitShape('万') → { factor: 1e4, base: null }
 */
export function unitShape(unit: string): UnitShape | null {
  const hit = cache.get(unit);
  if (hit !== undefined) return hit;
  let shape: UnitShape | null;
  if (unit === '') {
    shape = { factor: 1, base: null };
  } else {
    const known = resolveMeasureUnit(unit);
    const prefix = MEASURE_PREFIXES.find((p) => p.prefix === unit);
    shape = known
      ? { factor: known.factor, base: known.base }
      : prefix
        ? { factor: prefix.factor, base: null }
        : null;
  }
  if (cache.size < 10_000) cache.set(unit, shape);
  return shape;
}

/**
 * Convert `value` written in `from` into `to` (both as written, '' = none). Null when the units are of
 * different kinds, or one is unknown and they are not the same text.
 * @example convertValue(30.05, '亿元', '元') === 3005000000; convertValue(5, '万元', '亿元') === 0.0005
 * @example convertValue(4496, '人', '元') === null; convertValue(3, '座桥', '座桥') === 3
 */
export function convertValue(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = unitShape(from);
  const b = unitShape(to);
  if (a === null || b === null) return null;
  if (a.base !== null && b.base !== null && a.base !== b.base) return null;
  return (value * a.factor) / b.factor;
}

/**
 * True for rate-like units, whose figures are compared directly and never time-scaled.
 * @example isRateUnit('%') === true; isRateUnit('个百分点') === true; isRateUnit('亿元') === false
 */
export function isRateUnit(unit: string | null): boolean {
  return unit === '%' || unit === '‰' || unit === '个百分点';
}
