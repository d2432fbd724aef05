/**
 * Ranking like Excel's `RANK.EQ` (descending): equal scores share a rank and the next rank skips
 * (1, 2, 3, 3, 5 — 并列). Scores are compared after rounding to the displayed precision so that float noise
 * (89.999999 vs 90) never splits a tie the table shows as one.
 */
import { compactKey } from '../text/normalize.ts';
import { roundTo } from './numbers.ts';
import type { Movement, PreviousRank } from './score-model.ts';

/**
 * Ranks for `scores` (higher is better); `null` scores get no rank and take no place.
 * @example rankEq([90, 80, 70, 70, 60], 2) → [1, 2, 3, 3, 5]
 * @example rankEq([89.999999, 90, null], 2) → [1, 1, null]
 */
export function rankEq(scores: readonly (number | null)[], decimals: number): (number | null)[] {
  const ranked: { index: number; value: number }[] = [];
  scores.forEach((score, index) => {
    if (score !== null && Number.isFinite(score)) ranked.push({ index, value: roundTo(score, decimals) });
  });
  // Array.prototype.sort is stable, so ties stay in input order.
  ranked.sort((a, b) => b.value - a.value);
  const out: (number | null)[] = scores.map(() => null);
  let previous: number | null = null;
  let rank = 0;
  ranked.forEach((r, position) => {
    if (previous === null || r.value !== previous) rank = position + 1;
    previous = r.value;
    out[r.index] = rank;
  });
  return out;
}

/**
 * Movement of a unit against an earlier run: `up` when its rank number fell (位次前移), `down` when it rose
 * (位次后移), `new` when it was not ranked before. Names are compared on the compact key (`区 发改局` =
 * `区发改局`). Null when the unit is not ranked now.
 * @example movementOf('区发改局', 2, [{ name: '区发改局', rank: 5 }]) → { direction: 'up', places: 3, zh: '位次前移3位', … }
 */
export function movementOf(
  name: string,
  rank: number | null,
  previous: readonly PreviousRank[],
): Movement | null {
  if (rank === null) return null;
  const key = compactKey(name);
  const before = previous.find((p) => compactKey(p.name) === key);
  if (!before || before.rank === null || !Number.isFinite(before.rank)) {
    return { direction: 'new', places: 0, zh: '新进入排名', en: 'newly ranked' };
  }
  const places = before.rank - rank;
  if (places > 0) return { direction: 'up', places, zh: `位次前移${places}位`, en: `up ${places}` };
  if (places < 0)
    return { direction: 'down', places: -places, zh: `位次后移${-places}位`, en: `down ${-places}` };
  return { direction: 'same', places: 0, zh: '位次不变', en: 'unchanged' };
}

/** An index of earlier ranks by compact name, for looking many units up at once. */
export function previousIndex(
  previous: readonly PreviousRank[],
): (name: string, rank: number | null) => Movement | null {
  const byKey = new Map<string, PreviousRank>();
  for (const p of previous) {
    const key = compactKey(p.name);
    if (!byKey.has(key)) byKey.set(key, p);
  }
  return (name, rank) => {
    const hit = byKey.get(compactKey(name));
    return movementOf(name, rank, hit ? [hit] : []);
  };
}
