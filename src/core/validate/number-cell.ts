/**
 * Reading a cell where a number is expected (目标值, 完成值, 完成率, 权重): is it a number, a number stored as
 * text, text with a number and a unit of measure, other text, an error value, or blank?
 */
import { isCellError, type RawCell } from '../grid.ts';
import { cellText, compactKey, nfkc } from '../text/normalize.ts';
import { NUMBER_PLACEHOLDERS } from '../vocab/validate-placeholders.ts';
import { resolveMeasureUnit } from './measure-units.ts';

/** What a numeric cell holds. */
export type NumberCell =
  | { readonly kind: 'blank' }
  /** `/`, `—`, `无`: the indicator does not apply; treated like blank. */
  | { readonly kind: 'placeholder'; readonly text: string }
  | { readonly kind: 'error'; readonly error: string }
  /** A real number. `percentFormat` when the number format shows it as a percentage (0.681 → 68.1%). */
  | { readonly kind: 'number'; readonly value: number; readonly percentFormat: boolean }
  /** A plain number typed as text (`1,200`, `68.1%`, `７２００`); `value` is what it says (68.1 for 68.1%). */
  | {
      readonly kind: 'numeric_text';
      readonly value: number;
      readonly percent: boolean;
      readonly text: string;
    }
  /** Any other text. `value`/`unit` are set when it is a number followed by a unit of measure (`200亿元`). */
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly value: number | null;
      readonly unit: string | null;
    };

const PLACEHOLDER_KEYS = new Set(NUMBER_PLACEHOLDERS.map((p) => compactKey(p).toLowerCase()));

/**
 * True when a number format displays values as percentages.
 * @example isPercentFormat('0.0%') === true; isPercentFormat('0%') === true
 * @example isPercentFormat('0.00"%"') === false (a literal percent sign after the number, no scaling)
 * @example isPercentFormat('General') === false; isPercentFormat(null) === false
 */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  // Drop quoted literals, escaped characters and bracketed parts, which never scale the value:
  // '0.00"%"' → '0.00'; '0\%' → '0'; '[Red]0.0%' → '0.0%'
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return bare.includes('%');
}

/**
 * A plain number as text: optional sign, digits with optional thousands separators, optional decimals,
 * optional percent sign.
 * @example '1,200' ✓  '-3.5' ✓  '68.1%' ✓  '.5' ✓
 * @example '1,20' ✗  '约100' ✗  '100以上' ✗
 */
const PLAIN_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)%?$/;

/**
 * A number followed by other words: captures the number and the rest.
 * @example '200亿元' → ['200', '亿元']  '7,200 人' → ['7,200', '人']  '100以上' → ['100', '以上']
 * @example '约100' ✗ (does not start with the number)
 */
const NUMBER_THEN_WORDS = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*(\S.*)$/s;

function parsePlain(text: string): number {
  // Drop thousands separators and the percent sign: '1,200' → '1200'; '68.1%' → '68.1'; '-3.5' unchanged
  return Number(text.replace(/[,%]/g, ''));
}

/** Read a numeric cell. Never throws. */
export function readNumberCell(raw: RawCell, format: string | null): NumberCell {
  if (isCellError(raw)) return { kind: 'error', error: raw.error };
  if (raw === null) return { kind: 'blank' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'text', text: String(raw), value: null, unit: null };
    return { kind: 'number', value: raw, percentFormat: isPercentFormat(format) };
  }
  const text = cellText(raw).trim();
  if (text === '') return { kind: 'blank' };
  if (PLACEHOLDER_KEYS.has(compactKey(text).toLowerCase())) return { kind: 'placeholder', text };
  const folded = nfkc(text).trim();
  if (PLAIN_NUMBER.test(folded)) {
    const value = parsePlain(folded);
    if (Number.isFinite(value)) return { kind: 'numeric_text', value, percent: folded.endsWith('%'), text };
  }
  const m = NUMBER_THEN_WORDS.exec(folded);
  if (m) {
    const value = parsePlain(m[1] ?? '');
    const words = m[2] ?? '';
    const unit = resolveMeasureUnit(words);
    if (unit && Number.isFinite(value)) return { kind: 'text', text, value, unit: unit.label };
  }
  return { kind: 'text', text, value: null, unit: null };
}

/** The number a cell stands for, or null: numbers and numbers stored as text. */
export function numericValue(cell: NumberCell): number | null {
  if (cell.kind === 'number' || cell.kind === 'numeric_text') return cell.value;
  return null;
}
