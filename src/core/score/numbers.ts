/**
 * Rounding and number display for scores. Official notices print rounded figures (68.1%); to keep a status
 * consistent with the figure printed beside it, comparisons are made on the same rounded values.
 */

// Powers of ten for the usual decimals: `10 ** d` is a call to Math.pow, and rounding runs several times
// per sub-task.
const POW10: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000];

// Nudging up by a few units in the last place absorbs the binary noise of the scaling (68.15 × 10 is
// 681.4999999999999, one ulp short of 681.5) without changing any value that is genuinely below a half.
const NUDGE = 1 + 4 * Number.EPSILON;

function scaleOf(decimals: number): number {
  return POW10[decimals] ?? 10 ** decimals;
}

/**
 * Round half away from zero to `decimals` places, the way Excel's ROUND and people do, immune to binary
 * noise: 68.15 → 68.2 even though 68.15 × 10 is 681.4999… in floating point.
 * @example roundTo(68.15, 1) === 68.2; roundTo(-2.5, 0) === -3; roundTo(1.005, 2) === 1.01
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = scaleOf(decimals);
  const scaled = Math.abs(value) * factor;
  // From 2^52 on a double has no fraction left to round (and the nudge would change it).
  if (scaled >= 2 ** 52) return value;
  const rounded = Math.round(scaled * NUDGE) / factor;
  return value < 0 ? -rounded : rounded;
}

/** Fixed decimals after {@link roundTo}: `fixed(68.125, 1) === '68.1'`, `fixed(-0.04, 1) === '0.0'`. */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return value.toFixed(decimals);
  const factor = scaleOf(decimals);
  // The rounded value in units of the last decimal: the same rounding as roundTo.
  const units = Math.round(Math.abs(value) * factor * NUDGE);
  // -0.0 would print as "-0.0": a gap that rounds to nothing has no sign.
  if (units === 0) return (0).toFixed(decimals);
  // Integer arithmetic is much faster than toFixed, which matters when every sub-task of a large ledger is
  // explained; beyond 2^53 it would lose digits, so such values take toFixed.
  if (!Number.isSafeInteger(units)) return roundTo(value, decimals).toFixed(decimals);
  const sign = value < 0 ? '-' : '';
  if (decimals === 0) return `${sign}${units}`;
  const whole = Math.floor(units / factor);
  const frac = units - whole * factor;
  const fracText = frac * 10 >= factor ? String(frac) : String(frac).padStart(decimals, '0');
  return `${sign}${whole}.${fracText}`;
}

/** Up to `decimals` places, trailing zeros dropped: `trimmed(75, 1) === '75'`, `trimmed(41.666, 1) === '41.7'`. */
export function trimmed(value: number, decimals: number): string {
  // Whole numbers (4496人, 6600人) are most figures: no rounding or trimming to do.
  if (Number.isSafeInteger(value)) return String(value);
  const text = fixed(value, decimals);
  if (!text.includes('.')) return text;
  // Drop trailing zeros after the dot, and the dot when nothing is left: '75.0' → '75', '41.70' → '41.7'.
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end -= 1; // '0'
  if (text.charCodeAt(end - 1) === 46) end -= 1; // '.'
  return text.slice(0, end);
}

/** A ratio as a percentage with fixed decimals: `percentFixed(0.68121, 1) === '68.1%'`. */
export function percentFixed(ratio: number, decimals: number): string {
  return `${fixed(ratio * 100, decimals)}%`;
}

/** A ratio as a percentage, trailing zeros dropped: `percentTrimmed(0.75, 1) === '75%'`. */
export function percentTrimmed(ratio: number, decimals: number): string {
  return `${trimmed(ratio * 100, decimals)}%`;
}

/**
 * The share of an expectation missing, in percent, from percentages already rounded to `decimals` (the
 * 三亚 presets' measure): `relativeShortfall(25, 50, 1) === 50`; nothing was expected → 0.
 */
export function relativeShortfall(cPct: number, ePct: number, decimals: number): number {
  return ePct > 0 ? roundTo((1 - cPct / ePct) * 100, decimals) : 0;
}

/** Clamp into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}
