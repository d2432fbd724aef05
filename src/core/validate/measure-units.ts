/**
 * Units of measure: recognise one as written (`万元`, `（亿元）`, `单位：万亩`) and decide whether two convert.
 * The data is in `vocab/validate-measure-units.ts`.
 */
import { compactKey } from '../text/normalize.ts';
import { MEASURE_PREFIXES, MEASURE_UNITS, type MeasureUnit } from '../vocab/validate-measure-units.ts';

/** A recognised unit: its tidy label as written, its base and factor. */
export interface ResolvedUnit extends MeasureUnit {
  readonly label: string;
}

/**
 * Wrapping that is not part of a unit: brackets around it, a `单位：` label in front.
 * @example '（万元）' → '万元'; '(人)' → '人'; '单位:万亩' → '万亩'; '[亿元]' → '亿元'
 */
const UNIT_WRAPPING = /^(?:计量单位|单位)?[:：]?[(（[【]?|[)）\]】]$/g;

function lookup(key: string): MeasureUnit | null {
  // Object.hasOwn keeps `constructor` and other prototype names from resolving.
  return Object.hasOwn(MEASURE_UNITS, key) ? (MEASURE_UNITS[key] ?? null) : null;
}

/** Recognise a unit of measure, or null when it is not one the vocabulary knows. */
export function resolveMeasureUnit(text: string): ResolvedUnit | null {
  const key = compactKey(text).replace(UNIT_WRAPPING, '');
  if (key === '' || key.length > 12) return null;
  const direct = lookup(key);
  if (direct) return { ...direct, label: key };
  for (const { prefix, factor } of MEASURE_PREFIXES) {
    if (!key.startsWith(prefix)) continue;
    const rest = lookup(key.slice(prefix.length));
    if (rest) return { base: rest.base, factor: rest.factor * factor, label: key };
  }
  return null;
}

/** How a target's unit compares with its actual's. */
export type UnitComparison =
  | { readonly kind: 'same' }
  /** Same base, different size; `factor` is how many small units make one big unit (≥ 1). */
  | {
      readonly kind: 'convertible';
      readonly bigUnit: string;
      readonly smallUnit: string;
      readonly factor: number;
    }
  | { readonly kind: 'incompatible' };

/**
 * Compare two units as written. Equal labels, and synonyms of equal size (`公里`/`千米`), are the same;
 * equal bases convert; anything else (different bases, or a unit the vocabulary does not know) does not.
 */
export function compareUnits(target: string, actual: string): UnitComparison {
  const a = resolveMeasureUnit(target);
  const b = resolveMeasureUnit(actual);
  if (compactKey(target) === compactKey(actual) || (a && b && a.label === b.label)) return { kind: 'same' };
  if (!a || !b || a.base !== b.base) return { kind: 'incompatible' };
  // Relative tolerance: factors such as 10000/15 are not exact in binary.
  if (Math.abs(a.factor - b.factor) <= 1e-9 * Math.max(a.factor, b.factor)) return { kind: 'same' };
  const [big, small] = a.factor > b.factor ? [a, b] : [b, a];
  return {
    kind: 'convertible',
    bigUnit: big.label,
    smallUnit: small.label,
    // 12 significant digits drop binary noise: 万亩/亩 is 10000, not 10000.000000000002.
    factor: Number((big.factor / small.factor).toPrecision(12)),
  };
}
