/**
 * Reading a responsibility table (分解表) from a raw grid: find the header, then read every row below it
 * into task rows (long layout: a row per task; wide layout: a row per unit × indicator group), skipping
 * what is not a task — blank rows, page marks, repeated headers, notes, signatures and dates — and keeping
 * total rows (合计, 全市 …) apart.
 *
 * Vertically merged cells give their value to every row they span; each value keeps the address of the
 * cell it came from (for a merge, its top-left cell). A blank cell is never guessed from the row above.
 */
import { DubanError } from '../errors.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { Grid, RawCell } from '../grid.ts';
import { isCellError, refOn } from '../grid.ts';
import { parseOwners } from '../people/parse-owners.ts';
import { isCompleteUnitName, parseUnits } from '../people/parse-units.ts';
import type {
  ColumnMapping,
  ColumnOverride,
  ColumnRole,
  IndicatorGroup,
  Located,
  Person,
  ReadTable,
  TaskRow,
} from '../table-model.ts';
import { cellText, charCount, compactKey, headerKey, isBlank, tidySpaces } from '../text/normalize.ts';
import { COLUMN_ROLE_LABELS } from '../vocab/column-role-labels.ts';
import { TOTAL_ROW_PARTS, TOTAL_ROW_WORDS } from '../vocab/total-row-words.ts';
import {
  contextOf,
  findHeader,
  headerScanRange,
  type DetectedHeader,
  type GridContext,
} from './find-header.ts';
import {
  attachmentRest,
  isDateLine,
  isDocumentNumber,
  isFooterLine,
  isMeasureNote,
  isPageMark,
  isSectionHeading,
} from './line-kinds.ts';
import { buildMergeIndex, filledCell, ownCell } from './merge-index.ts';
import { findPlanYear } from './plan-year.ts';

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** The user's corrections of the column mapping (role → absolute column, or null to drop a role). */
  readonly override?: ColumnOverride;
  /** Absolute 0-based header row chosen by the user; skips the search. */
  readonly headerRow?: number;
}

/** What {@link readTable} returns: the table, or null with a finding saying where it looked. */
export interface ReadTableResult {
  readonly table: ReadTable | null;
  readonly findings: Finding[];
}

/** Lines longer than this above the header are notice paragraphs, not the title. */
const MAX_TITLE_LINE = 60;
/** At most this many lines above the header make the title. */
const MAX_TITLE_LINES = 3;
/** A single cell at most this long that is a unit name, alone on its row, is a signature. */
const MAX_SIGNATURE_LENGTH = 30;
/** Footer text quoted in a finding is cut to this many characters. */
const MAX_QUOTED = 40;
/** A cell longer than this is not compared with the header's words. */
const MAX_HEADER_TEXT = 60;
/** A first cell longer than this is not checked for total words (it is task text, not a label). */
const MAX_TOTAL_LABEL = 10;

const TOTAL_WORDS = new Set(TOTAL_ROW_WORDS);
// Every total word has one of these characters (全, 合, 总 …); a label without any cannot be a total.
// (By UTF-16 code: the words are CJK, one unit per character.)
const TOTAL_CHARS = new Set(
  [...TOTAL_ROW_WORDS, ...TOTAL_ROW_PARTS].flatMap((w) => Array.from(w, (c) => c.charCodeAt(0))),
);

function hasTotalChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TOTAL_CHARS.has(text.charCodeAt(i))) return true;
  return false;
}
const ROLES = new Set<string>(Object.keys(COLUMN_ROLE_LABELS));

/**
 * True when a label marks a total row: `合计`, `全市`, `总  计`, `全市合计`.
 * @example isTotalLabel('合 计') === true; isTotalLabel('全市') === true; isTotalLabel('区财政局') === false
 */
export function isTotalLabel(text: string): boolean {
  // Cheap guards first: this runs on every row of 10,000-row tables.
  if (text.length > MAX_TOTAL_LABEL * 4 || !hasTotalChar(text)) return false;
  const key = compactKey(text);
  if (key === '' || charCount(key) > MAX_TOTAL_LABEL) return false;
  return TOTAL_WORDS.has(key) || TOTAL_ROW_PARTS.some((p) => key.includes(p));
}

function checkOptions(options: ReadTableOptions): void {
  const { headerRow, override } = options;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 0)) {
    throw new DubanError(
      'invalid_argument',
      `headerRow must be a non-negative integer, got ${String(headerRow)}`,
      {
        headerRow,
      },
    );
  }
  // Overrides come from settings stored in workbooks, so their values are checked, not trusted.
  for (const [role, col] of Object.entries(override ?? {}) as [string, unknown][]) {
    if (!ROLES.has(role)) {
      throw new DubanError('invalid_argument', `Unknown column role in override: ${role}`, { role });
    }
    if (col === undefined || col === null) continue;
    if (typeof col !== 'number' || !Number.isInteger(col) || col < 0) {
      throw new DubanError('invalid_argument', `Override column for ${role} must be a non-negative integer`, {
        role,
        col,
      });
    }
  }
}

interface OwnCell {
  readonly col: number;
  readonly value: RawCell;
  readonly text: string;
}

// The non-blank cells a row holds itself (cells covered by a merge from elsewhere are not its own).
function ownCells(ctx: GridContext, row: number): OwnCell[] {
  const out: OwnCell[] = [];
  const cells = ctx.grid.cells[row - ctx.grid.origin.row];
  if (!cells) return out;
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i] ?? null;
    const text = cellText(raw).trim();
    if (text === '' && !isCellError(raw)) continue; // blank
    const col = ctx.grid.origin.col + i;
    // Not its own when a merge from another cell covers it; otherwise its own value is `raw` itself.
    if (ownCell(ctx.grid, ctx.merges, row, col) === null) continue;
    out.push({ col, value: raw, text });
  }
  return out;
}

function located(ctx: GridContext, row: number, col: number): Located<RawCell> {
  const f = filledCell(ctx.grid, ctx.merges, row, col);
  return { value: f.value, at: refOn(ctx.grid, f.row, f.col), raw: f.value };
}

function asText(cell: Located<RawCell> | undefined, tidy = false): Located<string> | null {
  if (cell === undefined || isBlank(cell.raw)) return null;
  const text = cellText(cell.raw).trim();
  const value = tidy ? tidySpaces(text) : text;
  // A text cell already holding exactly that value is the located text itself: no copy (10,000-row tables).
  if (typeof cell.value === 'string' && cell.value === value && cell.raw === value)
    return cell as Located<string>;
  return { value, at: cell.at, raw: cell.raw };
}

// Title and plan year from the lines above the header (see ReadTable.title). Walking up from the header,
// title lines are collected until a page mark, a notice paragraph or the 附件 marker that tops the
// attachment; document numbers, 单位：万元 notes and dates are passed over. The plan year comes from the
// title, else from any text above the header.
function readTitle(ctx: GridContext, headerRow: number): { title: string | null; planYear: number | null } {
  const above: string[] = [];
  for (let r = ctx.grid.origin.row; r < headerRow; r++) {
    // A 单位：万元 note or a date beside the title is not part of it.
    const line = tidySpaces(
      ownCells(ctx, r)
        .filter((c) => typeof c.value === 'string' && !isMeasureNote(c.text) && !isDateLine(c.text))
        .map((c) => c.text)
        .join(' '),
    );
    if (line !== '') above.push(line);
  }
  const lines: string[] = [];
  for (let i = above.length - 1; i >= 0 && lines.length < MAX_TITLE_LINES; i--) {
    const line = above[i] ?? '';
    if (isPageMark(line) || charCount(line) > MAX_TITLE_LINE) break;
    const rest = attachmentRest(line);
    if (rest !== null) {
      if (rest !== '') lines.unshift(rest);
      break;
    }
    if (isDocumentNumber(line)) continue;
    lines.unshift(line);
  }
  const title = lines.length > 0 ? lines.join('') : null;
  const planYear = findPlanYear(title ?? '') ?? findPlanYear(above.join('\n'));
  return { title, planYear };
}

interface RowContext {
  readonly ctx: GridContext;
  readonly header: DetectedHeader;
  readonly roleCol: ReadonlyMap<ColumnRole, number>;
  /** The UTF-16 codes of each column's header keys (see hasForeignIdeograph). */
  readonly headerChars: ReadonlyMap<number, ReadonlySet<number>>;
  /** Parsed unit and owner cells by text: real tables repeat the same few units and owners. */
  readonly unitCache: Map<string, readonly string[]>;
  readonly ownerCache: Map<string, readonly Person[]>;
}

function cached<T>(cache: Map<string, T>, text: string, parse: (t: string) => T): T {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const value = parse(text);
  cache.set(text, value);
  return value;
}

/**
 * True when a CJK ideograph of `text` appears in none of `keys`: then its header key cannot be one of them
 * (NFKC, space removal and lower-casing all leave CJK unified ideographs in place), and it need not be built.
 */
function hasForeignIdeograph(text: string, keyChars: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !keyChars.has(c)) return true;
  }
  return false;
}

const NO_CHARS: ReadonlySet<number> = new Set();

function isRepeatedHeader(rc: RowContext, own: readonly OwnCell[]): boolean {
  let same = 0;
  for (const c of own) {
    const keys = rc.header.headerKeys.get(c.col);
    // Long text (a target) is never a header word; skipping it keeps 10,000-row tables fast.
    if (keys === undefined || typeof c.value !== 'string' || c.text.length > MAX_HEADER_TEXT) continue;
    if (hasForeignIdeograph(c.text, rc.headerChars.get(c.col) ?? NO_CHARS)) continue;
    if (keys.includes(headerKey(c.text))) same++;
  }
  return same >= Math.min(2, rc.header.headerKeys.size) && same * 2 >= own.length;
}

// A lone cell that is a signature (a unit name outside the unit column) or a date.
function isSignatureOrDate(rc: RowContext, cell: OwnCell): boolean {
  if (typeof cell.value !== 'string') return false;
  if (isDateLine(cell.text)) return true;
  const key = compactKey(cell.text);
  return (
    cell.col !== rc.roleCol.get('unit') && charCount(key) <= MAX_SIGNATURE_LENGTH && isCompleteUnitName(key)
  );
}

// A lone cell spanning several columns (`一、经济发展` merged across the table) or numbered like a section.
function isSectionRow(rc: RowContext, row: number, own: readonly OwnCell[]): boolean {
  if (own.length !== 1) return false;
  const cell = own[0];
  if (cell === undefined || typeof cell.value !== 'string') return false;
  const unitCol = rc.roleCol.get('unit');
  if (
    unitCol !== undefined &&
    unitCol !== cell.col &&
    !isBlank(filledCell(rc.ctx.grid, rc.ctx.merges, row, unitCol).value)
  ) {
    return false; // the row sits under a merged unit: it is that unit's task, not a heading
  }
  const m = rc.ctx.merges.at(row, cell.col);
  const wide = m !== undefined && m.right > m.left;
  return wide || isSectionHeading(cell.text);
}

function quote(text: string): string {
  const flat = tidySpaces(text);
  return charCount(flat) > MAX_QUOTED ? `${Array.from(flat).slice(0, MAX_QUOTED).join('')}…` : flat;
}

// The task record of one row (one group of it in the wide layout).
function taskRow(rc: RowContext, row: number, section: string | null, group: IndicatorGroup | null): TaskRow {
  const fields: Partial<Record<ColumnRole, Located<RawCell>>> = {};
  for (const m of rc.header.columns) fields[m.role] = located(rc.ctx, row, m.col);
  let target = asText(fields.target);
  if (group !== null) {
    if (group.planCol !== null) fields.planValue = located(rc.ctx, row, group.planCol);
    if (group.actualCol !== null) fields.actual = located(rc.ctx, row, group.actualCol);
    if (group.ratioCol !== null) fields.completionRate = located(rc.ctx, row, group.ratioCol);
    const raw = filledCell(rc.ctx.grid, rc.ctx.merges, group.header.row, group.header.col).value;
    target = { value: group.name, at: group.header, raw };
  }
  const unitCell = asText(fields.unit);
  const coUnitCell = asText(fields.coUnit);
  const ownerCell = asText(fields.owner);
  const category = asText(fields.category, true);
  return {
    row,
    serial: asText(fields.serial, true),
    units: unitCell ? cached(rc.unitCache, unitCell.value, parseUnits) : [],
    unitCell,
    coUnits: coUnitCell ? cached(rc.unitCache, coUnitCell.value, parseUnits) : [],
    owners: ownerCell ? cached(rc.ownerCache, ownerCell.value, parseOwners) : [],
    ownerCell,
    target,
    fields,
    category: category?.value ?? section,
    group: group?.name ?? null,
  };
}

function text(ctx: GridContext, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  return cellText(filledCell(ctx.grid, ctx.merges, row, col).value).trim();
}

/**
 * Find and read the responsibility table on a grid. Never throws for any grid; throws
 * `DubanError('invalid_argument')` only for malformed options (a negative or fractional header row or
 * override column, an unknown role).
 * @example readTable(grid).table?.rows[0]?.units → ['区发改局']
 */
export function readTable(grid: Grid, options: ReadTableOptions = {}): ReadTableResult {
  checkOptions(options);
  const merges = buildMergeIndex(grid);
  const ctx = contextOf(grid, merges);
  const header = findHeader(grid, merges, options);
  if (header === null) {
    if (options.headerRow !== undefined) {
      const f = makeFinding('header_row_unrecognised', refOn(grid, options.headerRow, grid.origin.col), {
        sheet: grid.sheet,
        row: options.headerRow + 1,
      });
      return { table: null, findings: [f] };
    }
    const { first, last } = headerScanRange(grid);
    const f = makeFinding('table_not_found', undefined, {
      sheet: grid.sheet,
      firstRow: first + 1,
      lastRow: Math.max(first, last) + 1,
    });
    return { table: null, findings: [f] };
  }

  const roleCol = new Map<ColumnRole, number>(header.columns.map((m: ColumnMapping) => [m.role, m.col]));
  const headerChars = new Map<number, Set<number>>();
  for (const [col, keys] of header.headerKeys) {
    headerChars.set(col, new Set(keys.flatMap((k) => Array.from(k, (ch) => ch.charCodeAt(0)))));
  }
  const rc: RowContext = { ctx, header, roleCol, headerChars, unitCache: new Map(), ownerCache: new Map() };
  const findings: Finding[] = [...header.findings];
  const rows: TaskRow[] = [];
  const totals: TaskRow[] = [];
  let section: string | null = null;

  for (let r = header.headerRow + header.headerRowCount; r <= ctx.lastRow; r++) {
    const own = ownCells(ctx, r);
    if (own.length === 0) continue; // blank, or wholly inside merges already read
    const first = own[0];
    if (first === undefined) continue;
    if (own.every((c) => isPageMark(c.text))) continue;
    if (isRepeatedHeader(rc, own)) {
      findings.push(makeFinding('repeated_header_skipped', refOn(grid, r, first.col), { row: r + 1 }));
      continue;
    }
    const unitText = text(ctx, r, roleCol.get('unit'));
    const total = isTotalLabel(unitText) || isTotalLabel(first.text);
    if (!total) {
      if (isFooterLine(first.text) || (own.length === 1 && isSignatureOrDate(rc, first))) {
        findings.push(makeFinding('footer_skipped', refOn(grid, r, first.col), { text: quote(first.text) }));
        continue;
      }
      if (isSectionRow(rc, r, own)) {
        section = tidySpaces(first.text);
        continue;
      }
    }
    if (header.layout === 'wide') {
      if (unitText === '') continue;
      const records = header.groups.map((g) => taskRow(rc, r, section, g));
      (total ? totals : rows).push(...records);
      continue;
    }
    const targetFilled = text(ctx, r, roleCol.get('target')) !== '';
    const hasSerial = text(ctx, r, roleCol.get('serial')) !== '';
    const hasWho = unitText !== '' || text(ctx, r, roleCol.get('owner')) !== '';
    if (total) totals.push(taskRow(rc, r, section, null));
    else if (targetFilled || (hasSerial && hasWho) || (!roleCol.has('target') && hasWho)) {
      rows.push(taskRow(rc, r, section, null));
    }
  }

  if (rows.length === 0 && totals.length === 0) {
    findings.push(
      makeFinding('table_empty', refOn(grid, header.headerRow, grid.origin.col), {
        sheet: grid.sheet,
        row: header.headerRow + 1,
      }),
    );
  }
  const { title, planYear } = readTitle(ctx, header.headerRow);
  const table: ReadTable = {
    sheet: grid.sheet,
    layout: header.layout,
    headerRow: header.headerRow,
    headerRowCount: header.headerRowCount,
    columns: header.columns,
    groups: header.groups,
    rows,
    totals,
    title,
    planYear,
    findings,
  };
  return { table, findings };
}
