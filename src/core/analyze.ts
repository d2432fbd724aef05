/**
 * The reading pipeline every host runs: grid → table → breakdown → findings. One function so the task pane,
 * the ribbon commands and the command line cannot drift apart.
 */
import type { Breakdown } from './breakdown-model.ts';
import { breakDownTable } from './breakdown/break-down-table.ts';
import type { Finding } from './findings.ts';
import type { Grid } from './grid.ts';
import type { ColumnOverride, ReadTable } from './table-model.ts';
import { readTable } from './table/read-table.ts';
import { validateTable } from './validate/validate-table.ts';
import { cellText, compactKey } from './text/normalize.ts';

/** Options for {@link analyzeGrid}. */
export interface AnalyzeOptions {
  /** The user's corrections of the column mapping. */
  readonly override?: ColumnOverride;
  /** Absolute 0-based header row chosen by the user. */
  readonly headerRow?: number;
  /** Plan year when the title does not say it. */
  readonly planYear?: number;
  /** Unit names from a roster sheet (责任单位名单), when the workbook has one. */
  readonly roster?: readonly string[] | null;
  /** As-of date (ISO), for "progress missing after its reporting deadline". */
  readonly asOf?: string;
  /** Progress text limit in characters (default 200). */
  readonly progressLimit?: number;
}

/** A table read, broken down and validated. */
export interface Analysis {
  readonly table: ReadTable;
  readonly breakdown: Breakdown;
  /** Every finding of every stage, sorted by cell then code. */
  readonly findings: readonly Finding[];
}

/** Result of {@link analyzeGrid}: `analysis` is null when no table was found (see `findings`). */
export interface AnalyzeResult {
  readonly analysis: Analysis | null;
  readonly findings: readonly Finding[];
}

function compareFindings(a: Finding, b: Finding): number {
  const ar = a.at?.row ?? -1;
  const br = b.at?.row ?? -1;
  if (ar !== br) return ar - br;
  const ac = a.at?.col ?? -1;
  const bc = b.at?.col ?? -1;
  if (ac !== bc) return ac - bc;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

// Two stages may notice the same thing at the same cell; report it once: the first finding with a given
// code, cell and parameters is kept. Findings are grouped by code, sheet and cell first (maps, no key
// strings), so parameters are serialised only for the few findings that share all three (a large table
// yields tens of thousands of findings).
function dedupe(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Map<string, Map<number | string, Finding[]>>>();
  const out: Finding[] = [];
  for (const f of findings) {
    let bySheet = groups.get(f.code);
    if (bySheet === undefined) {
      bySheet = new Map();
      groups.set(f.code, bySheet);
    }
    const sheet = f.at?.sheet ?? '';
    let byCell = bySheet.get(sheet);
    if (byCell === undefined) {
      byCell = new Map();
      bySheet.set(sheet, byCell);
    }
    const cell = cellId(f);
    const same = byCell.get(cell);
    if (same === undefined) {
      byCell.set(cell, [f]);
      out.push(f);
      continue;
    }
    const params = JSON.stringify(f.params);
    if (same.some((g) => JSON.stringify(g.params) === params)) continue;
    same.push(f);
    out.push(f);
  }
  return out;
}

/**
 * The cell of a finding as one map key: a number for an ordinary cell, else text naming row and column as
 * written (`at` missing: no cell at all).
 */
function cellId(f: Finding): number | string {
  const at = f.at;
  if (at === undefined) return -1;
  const { row, col } = at;
  if (Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && col < 20_000 && row < 2 ** 32)
    return row * 20_000 + col;
  return `${row}|${col}`;
}

/** Read, break down and validate the table on a grid. Never throws for any grid. */
export function analyzeGrid(grid: Grid, options: AnalyzeOptions = {}): AnalyzeResult {
  const read = readTable(grid, {
    ...(options.override ? { override: options.override } : {}),
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
  });
  if (!read.table) return { analysis: null, findings: dedupe(read.findings).sort(compareFindings) };
  const table = read.table;
  const breakdown = breakDownTable(
    table,
    options.planYear !== undefined ? { planYear: options.planYear } : {},
  );
  const planYear = breakdown.planYear ?? undefined;
  const validation = validateTable({
    grid,
    table,
    breakdown,
    roster: options.roster ?? null,
    options: {
      ...(options.progressLimit !== undefined ? { progressLimit: options.progressLimit } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(planYear !== undefined ? { planYear } : {}),
    },
  });
  const findings = dedupe([...read.findings, ...breakdown.findings, ...validation]).sort(compareFindings);
  return { analysis: { table, breakdown, findings }, findings };
}

/** Header words of a roster column in a 责任单位名单 sheet. */
const ROSTER_HEADER_KEYS = new Set(['责任单位', '单位', '单位名称', '责任单位名单', '序号']);

/**
 * Unit names from a roster sheet: every non-empty cell of the first column that holds text, minus header
 * words. A roster sheet is one named like `责任单位名单`.
 */
export function rosterFromGrid(grid: Grid): string[] {
  const names: string[] = [];
  for (const row of grid.cells) {
    for (const cell of row) {
      const text = cellText(cell).trim();
      if (text === '' || typeof cell === 'number') continue;
      if (ROSTER_HEADER_KEYS.has(compactKey(text))) continue;
      names.push(text);
      break; // first text cell of the row: the unit (a leading 序号 number is skipped above)
    }
  }
  return names;
}

/** Sheet names treated as a roster of responsible units. */
export function isRosterSheetName(name: string): boolean {
  const key = compactKey(name);
  return key === '责任单位名单' || key === '单位名单' || key === '责任单位清单';
}
