/**
 * How the ledger writes and reads the values of its office columns: one quantified indicator's comparator,
 * target value and unit of measure, and lists of them joined with `、` for a sub-task with several.
 */
import type { Comparator, Indicator } from '../breakdown-model.ts';
import { isCellError, type RawCell } from '../grid.ts';
import { convertValue } from '../measure/unit-shape.ts';
import { compactKey, nfkc } from '../text/normalize.ts';
import {
  LEDGER_COMPARATOR_WORDS,
  LEDGER_INDICATOR_SEPARATOR,
  LEDGER_LIST_SEPARATOR,
} from '../vocab/ledger-columns.ts';

/** An indicator with a target value: the ones the 指标 / 目标值 columns list. */
export function isQuantified(ind: Indicator): boolean {
  return ind.value !== null && Number.isFinite(ind.value);
}

// Twelve significant digits: enough for any target, and drops the float noise of unit conversion
// (65.6万平方米 → 656000 → 65.60000000000001 without it).
function tidyNumber(n: number): number {
  return Number(n.toPrecision(12));
}

/** The number as the ledger writes it: `200`, `5.5`, `0.9`. */
export function formatLedgerNumber(n: number): string {
  return String(tidyNumber(n));
}

/** An indicator's target as written in the ledger: the value in the unit it was written in. */
export interface LedgerTarget {
  /** Value in `unit` (`200` for 200亿元). */
  readonly value: number;
  /** Upper bound of a range, in `unit`; null otherwise. */
  readonly valueMax: number | null;
  /** The unit as written in the target text (`亿元`), null without one. */
  readonly unit: string | null;
  /** `200`, or `4.5～5` for a range. */
  readonly text: string;
}

/** The target of a quantified indicator in the unit its text used; null for one without a value. */
export function ledgerTarget(ind: Indicator): LedgerTarget | null {
  if (ind.value === null || !Number.isFinite(ind.value)) return null;
  const unit = ind.writtenUnit;
  const inUnit = (v: number): number =>
    tidyNumber(unit !== null && ind.unit !== null ? (convertValue(v, ind.unit, unit) ?? v) : v);
  const value = inUnit(ind.value);
  const valueMax = ind.comparator === 'range' && ind.valueMax !== null ? inUnit(ind.valueMax) : null;
  const text =
    valueMax !== null
      ? `${formatLedgerNumber(value)}～${formatLedgerNumber(valueMax)}`
      : formatLedgerNumber(value);
  return { value, valueMax, unit, text };
}

/** The 比较 word written for a comparator (`>=` → `≥`); `=` when the indicator has none. */
export function comparatorWord(comparator: Comparator | null): string {
  const entry = LEDGER_COMPARATOR_WORDS.find((w) => w.comparator === (comparator ?? '='));
  return entry?.written ?? '=';
}

/**
 * Read a 比较 word back; null when it is none of the accepted spellings.
 * @example readComparatorWord('≥') === '>='; readComparatorWord(' 区间 ') === 'range'; readComparatorWord('大约') === null
 */
export function readComparatorWord(text: string): Comparator | null {
  const key = compactKey(text);
  for (const w of LEDGER_COMPARATOR_WORDS) {
    if (w.accepted.some((a) => compactKey(a) === key)) return w.comparator;
  }
  return null;
}

/**
 * How the 指标 column names one indicator: metric, comparator, target and unit.
 * @example indicatorLabel(国家高新技术企业 ≥ 190 家) === '国家高新技术企业≥190家'
 * @example indicatorLabel(地区生产总值增长 range 4.5–5 %) === '地区生产总值增长4.5～5%'
 */
export function indicatorLabel(ind: Indicator): string {
  const target = ledgerTarget(ind);
  if (!target) return ind.metric;
  const unit = target.unit ?? '';
  if (target.valueMax !== null) return `${ind.metric}${target.text}${unit}`;
  return `${ind.metric}${comparatorWord(ind.comparator)}${target.text}${unit}`;
}

/** Join list values as the ledger writes them (`190、240`); one value when all are equal (`家`). */
export function joinLedgerList(values: readonly string[], collapseEqual: boolean): string {
  if (collapseEqual && values.length > 0 && values.every((v) => v === values[0])) return values[0] ?? '';
  return values.join(LEDGER_LIST_SEPARATOR);
}

/** Join the 指标 column's labels. */
export function joinIndicatorLabels(labels: readonly string[]): string {
  return labels.join(LEDGER_INDICATOR_SEPARATOR);
}

/**
 * Split a list cell into its values: at `、` (and `；`/`;`, which people also type), trimmed, empty pieces
 * dropped. A number is one value. Blank → [].
 * @example splitLedgerList('195、250') → ['195', '250']; splitLedgerList(' 家 ') → ['家']; splitLedgerList(42) → [42]
 */
export function splitLedgerList(raw: RawCell): (string | number)[] {
  if (raw === null || isCellError(raw)) return [];
  if (typeof raw === 'number') return Number.isFinite(raw) ? [raw] : [];
  if (typeof raw === 'boolean') return [raw ? 'TRUE' : 'FALSE'];
  // Separators between values: '195、250' → 2; '195；250' → 2; '195;250' → 2; '1,950' → 1 (a number)
  return raw
    .split(/[、；;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A target value read from a 目标值 piece. */
export interface ParsedTarget {
  readonly value: number;
  readonly valueMax: number | null;
  /** A unit written after the number (`200亿元` → `亿元`), null when bare. */
  readonly unit: string | null;
}

/**
 * A number, or a range of two, optionally followed by a unit, after NFKC and with thousands separators
 * removed:
 * '200' → 200; '4.5～5' → 4.5..5 (～ is ~ after NFKC); '4.5-5%' → 4.5..5 with unit %; '200亿元' → 200 亿元.
 * '约200' ✗ (words before the number are not a target value); '一百' ✗.
 */
const TARGET_PIECE =
  /^([+-]?\d+(?:\.\d+)?)(?:\s*(?:~|至|到|-|—|–)\s*([+-]?\d+(?:\.\d+)?))?\s*([^\d\s.+-][^\d]*)?$/u;

/**
 * Read one 目标值 piece; null when it is not a number (or a range) with an optional unit.
 * @example parseTargetPiece(190) → { value: 190, valueMax: null, unit: null }
 * @example parseTargetPiece('1,200万元') → { value: 1200, valueMax: null, unit: '万元' }
 * @example parseTargetPiece('4.5～5') → { value: 4.5, valueMax: 5, unit: null }; parseTargetPiece('待定') → null
 */
export function parseTargetPiece(piece: string | number): ParsedTarget | null {
  if (typeof piece === 'number')
    return Number.isFinite(piece) ? { value: piece, valueMax: null, unit: null } : null;
  // Thousands separators between digit groups: '1,200' → '1200'; '12,345,678' → '12345678'; '1,2' unchanged.
  const text = nfkc(piece)
    .trim()
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const m = TARGET_PIECE.exec(text);
  if (!m || m[1] === undefined) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? null : Number(m[2]);
  const unit = m[3] === undefined ? null : compactKey(m[3]);
  return {
    value: b === null ? a : Math.min(a, b),
    valueMax: b === null ? null : Math.max(a, b),
    unit: unit === '' ? null : unit,
  };
}

/**
 * Convert a value written in `from` (as written, e.g. `亿元`) into an indicator's canonical unit; the value
 * itself when either unit is missing; null when they do not convert (`人` vs `元`).
 */
export function toIndicatorUnit(value: number, from: string | null, to: string | null): number | null {
  if (from === null || to === null) return value;
  const v = convertValue(value, from, to);
  return v === null ? null : tidyNumber(v);
}
