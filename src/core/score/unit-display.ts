/**
 * How an indicator's figures are written for people: in the unit its target was written in (`200亿元`, not
 * `20000000000元`), found by matching the target text's figures against the canonical value.
 */
import type { Indicator } from '../breakdown-model.ts';
import { compactKeyFast } from './fast-key.ts';
import { isRateUnit } from './interpret-actual.ts';
import { trimmed } from './numbers.ts';
import { unitShape as shape } from './units.ts';

/**
 * Unsigned figures in a target text, with what follows.
 * @example '完成投资200亿元' → '200' then '亿元'; '新增城镇就业7200人' → '7200' then '人'
 * @example '1,200万元' (after removing the separator) → '1200' then '万元'
 */
const TEXT_FIGURE = /\d+(?:\.\d+)?/g;

/**
 * The longest word of at most this many characters after a figure that is tried as its unit
 * (`万吨标准煤` has 5).
 */
const MAX_UNIT_LENGTH = 6;

/**
 * The unit the indicator's target was written in when it differs from the canonical one only in size
 * (`亿元` for 200亿元 stored as 2e10 元); else the canonical unit; null without a unit.
 * @example writtenUnit({ text: '完成投资200亿元', value: 2e10, unit: '元', … }) === '亿元'
 * @example writtenUnit({ text: '新增城镇就业7200人', value: 7200, unit: '人', … }) === '人'
 */
export function writtenUnit(indicator: Indicator): string | null {
  const { unit, value } = indicator;
  if (unit === null || value === null || isRateUnit(unit) || !Number.isFinite(value)) return unit;
  const target = shape(unit);
  if (!target) return unit;
  let key = compactKeyFast(indicator.text);
  // A thousands separator between digits: '1,200万元' → '1200万元'; '12,000,000元' → '12000000元';
  // '1,20' (not three digits after) stays.
  if (key.includes(',')) key = key.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  TEXT_FIGURE.lastIndex = 0;
  for (let m = TEXT_FIGURE.exec(key); m !== null; m = TEXT_FIGURE.exec(key)) {
    const n = Number(m[0]);
    // Written in the canonical unit itself (7200人): the common case, no search needed.
    if (n === value && key.startsWith(unit, m.index + m[0].length)) {
      TEXT_FIGURE.lastIndex = 0;
      return unit;
    }
    const start = m.index + m[0].length;
    for (let len = Math.min(MAX_UNIT_LENGTH, key.length - start); len >= 1; len--) {
      const candidate = key.slice(start, start + len);
      const s = shape(candidate);
      if (!s || s.base !== target.base) continue;
      const canonical = (n * s.factor) / target.factor;
      if (Math.abs(canonical - value) <= 1e-9 * Math.max(1, Math.abs(value))) {
        TEXT_FIGURE.lastIndex = 0;
        return candidate;
      }
    }
  }
  return unit;
}

/**
 * A figure (up to 4 decimals) in the indicator's unit written in `displayUnit` (both as written): `formatFigure(3005000000,
 * '元', '亿元') === '30.05亿元'`; rates as percent numbers: `formatFigure(5.5, '%', '%') === '5.5%'`.
 */
export function formatFigure(value: number, unit: string | null, displayUnit: string | null): string {
  if (unit === null) return trimmed(value, 4);
  if (displayUnit !== null && displayUnit !== unit) {
    const from = shape(unit);
    const to = shape(displayUnit);
    if (from && to && from.base === to.base)
      return `${trimmed((value * from.factor) / to.factor, 4)}${displayUnit}`;
  }
  return `${trimmed(value, 4)}${unit}`;
}
