/**
 * Rounding and number display for scores. Official notices print rounded figures (68.1%); to keep a status
 * consistent with the figure printed beside it, comparisons are made on the same rounded values.
 */

/**
 * Round half away from zero to `decimals` places, the way Excel's ROUND and people do, immune to binary
 * noise: 68.15 → 68.2 even though 68.15 × 10 is 681.4999… in floating point.
 * @example roundTo(68.15, 1) === 68.2; roundTo(-2.5, 0) === -3; roundTo(1.005, 2) === 1.01
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  // Nudging up by a few units in the last place absorbs the binary noise of the scaling (68.15 × 10 is
  // 681.4999999999999, one ulp short of 681.5) without changing any value that is genuinely below a half.
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled * (1 + 4 * Number.EPSILON)) / factor;
  return value < 0 ? -rounded : rounded;
}

/** Fixed decimals after {@link roundTo}: `fixed(68.125, 1) === '68.1'`, `fixed(-0.04, 1) === '0.0'`. */
export function fixed(value: number, decimals: number): string {
  const r = roundTo(value, decimals);
  // -0.0 would print as "-0.0": a gap that rounds to nothing has no sign.
  if (r === 0) return (0).toFixed(decimals);
  const factor = 10 ** decimals;
  const units = Math.round(Math.abs(r) * factor);
  // Integer arithmetic is much faster than toFixed, which matters when every sub-task of a large ledger is
  // explained; beyond 2^53 it would lose digits, so such values (and non-finite ones) take toFixed.
  if (!Number.isSafeInteger(units) || decimals === 0) return r.toFixed(decimals);
  const whole = Math.floor(units / factor);
  const frac = String(units - whole * factor).padStart(decimals, '0');
  return `${r < 0 ? '-' : ''}${whole}.${frac}`;
}

/** Up to `decimals` places, trailing zeros dropped: `trimmed(75, 1) === '75'`, `trimmed(41.666, 1) === '41.7'`. */
export function trimmed(value: number, decimals: number): string {
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

/** Clamp into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}
