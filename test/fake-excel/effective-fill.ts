/**
 * The fill Excel would show in a cell: its own fill, overridden by the first conditional format (in priority
 * order) whose rule holds there and which sets a fill. The fake evaluates only the rule shapes our planner
 * writes — `=$V3="进展滞后"` and `=OR($V3="已完成",$V3="序时推进")`, absolute column, relative row — and
 * refuses anything else rather than guess.
 */
import { FakeNotModelledError } from './fake-errors.ts';
import { cellAtHost, type HostConditionalFormat, type HostSheet, type HostWorkbook } from './fake-host.ts';
import { styleAt } from './fake-ops.ts';

/** One `$V3="text"` comparison. */
interface Term {
  readonly col: number;
  /** 0-based row of the reference as written (relative to the rule's anchor). */
  readonly row: number;
  readonly text: string;
}

// One comparison at the start of the text: '$V3="进展滞后"' ✓, '$AB12="a""b"' ✓ (doubled quote),
// 'V3="x"' ✗ (column not absolute), '$V$3="x"' ✗ (row absolute), '$V3=1' ✗ (not text)
const TERM = /^\$([A-Z]{1,3})(\d+)="((?:[^"]|"")*)"/;

function letters(col: string): number {
  let n = 0;
  for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function term(text: string): { term: Term; rest: string } | null {
  const m = TERM.exec(text);
  if (!m) return null;
  return {
    term: { col: letters(m[1] ?? ''), row: Number(m[2]) - 1, text: (m[3] ?? '').replace(/""/g, '"') },
    rest: text.slice(m[0].length),
  };
}

/** The comparisons a rule formula is made of, or null when it is not one of our shapes. */
export function parseRule(formula: string): readonly Term[] | null {
  if (!formula.startsWith('=')) return null;
  const body = formula.slice(1);
  if (body.startsWith('OR(') && body.endsWith(')')) {
    let rest = body.slice(3, -1);
    const terms: Term[] = [];
    for (;;) {
      const t = term(rest);
      if (!t) return null;
      terms.push(t.term);
      if (t.rest === '') return terms;
      if (!t.rest.startsWith(',')) return null;
      rest = t.rest.slice(1);
    }
  }
  const single = term(body);
  return single && single.rest === '' ? [single.term] : null;
}

/** Excel's `=` on text: case-insensitive; an empty cell equals "". */
function holds(sheet: HostSheet, row: number, t: Term): boolean {
  const cell = cellAtHost(sheet, row, t.col);
  if (cell.type === 'Empty') return t.text === '';
  if (cell.type !== 'String') return false;
  return String(cell.value).toLowerCase() === t.text.toLowerCase();
}

function covers(cf: HostConditionalFormat, row: number, col: number): boolean {
  return cf.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
}

/**
 * The fill (`#RRGGBB`) Excel shows in a cell, null for none.
 * @example effectiveFill(doc, '台账', 5, 0) → '#FFEB9C' when row 6 is marked lagging by our rule
 */
export function effectiveFill(doc: HostWorkbook, sheetName: string, row: number, col: number): string | null {
  const sheet = doc.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) throw new Error(`fake-excel: no sheet ${sheetName}`);
  for (const cf of sheet.conditionalFormats) {
    if (!covers(cf, row, col)) continue;
    if (cf.type === 'DataBar' || cf.type === 'IconSet') continue;
    if (cf.type !== 'Custom') throw new FakeNotModelledError(`evaluating a ${cf.type} conditional format`);
    const terms = parseRule(cf.formula);
    if (!terms) throw new FakeNotModelledError(`evaluating the conditional-format rule ${cf.formula}`);
    const target = row - cf.anchor.row;
    if (!terms.some((t) => holds(sheet, t.row + target, t))) continue;
    if (cf.fill !== null) return cf.fill;
  }
  return styleAt(sheet, row, col).fill ?? null;
}
