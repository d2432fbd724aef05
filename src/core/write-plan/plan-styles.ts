/**
 * What each named plan style looks like, as plain data both hosts map to their own style objects. Colours
 * are RRGGBB. The highlight colours are Excel's own good / neutral / bad cell styles, so a user recognises
 * them and they print legibly in grey.
 */
import type { HighlightColour, PlanStyle } from './plan-model.ts';

/** A style as plain data. */
export interface StyleSpec {
  readonly bold?: boolean;
  readonly size?: number;
  /** Font colour. */
  readonly colour?: string;
  /** Solid fill colour. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle';
  /** Thin borders all round. */
  readonly border?: boolean;
  readonly underline?: boolean;
}

/** Every plan style. */
export const PLAN_STYLES: Readonly<Record<PlanStyle, StyleSpec>> = {
  title: { bold: true, size: 16, horizontal: 'center', vertical: 'middle' },
  subtitle: { bold: true, size: 12, vertical: 'middle' },
  header: { bold: true, fill: 'D9E1F2', wrap: true, horizontal: 'center', vertical: 'middle', border: true },
  // Our result columns' header: a different tint says "written by the assistant".
  resultHeader: {
    bold: true,
    fill: 'E2EFDA',
    wrap: true,
    horizontal: 'center',
    vertical: 'middle',
    border: true,
  },
  body: { vertical: 'middle', border: true },
  bodyWrap: { wrap: true, vertical: 'middle', border: true },
  bodyCenter: { horizontal: 'center', vertical: 'middle', border: true },
  // Cells units fill in: a pale yellow so they are easy to find.
  unitInput: { fill: 'FFF9E5', wrap: true, vertical: 'middle', border: true },
  note: { wrap: true, vertical: 'top' },
  link: { colour: '0563C1', underline: true, vertical: 'middle', border: true },
};

/** Fill and font colour of each highlight (Excel: Good, Neutral, Bad). */
export const HIGHLIGHT_COLOURS: Readonly<Record<HighlightColour, { fill: string; font: string }>> = {
  green: { fill: 'C6EFCE', font: '006100' },
  yellow: { fill: 'FFEB9C', font: '9C5700' },
  red: { fill: 'FFC7CE', font: '9C0006' },
};

/** Colour of the score data bars. */
export const DATA_BAR_COLOUR = '5B9BD5';
