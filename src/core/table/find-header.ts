/**
 * Finding the header of a responsibility table in the first rows of a grid, and turning its cells into a
 * column mapping (long layout) or indicator groups (wide/matrix layout).
 *
 * Each of the first {@link HEADER_SCAN_ROWS} rows is tried as the header, alone and together with the row
 * below it (a two-level header: an indicator name merged above `目标任务 | 进度 | 完成比例`). A candidate
 * qualifies when it has a unit-ish column (责任单位, or a person column) and a target-ish column (目标任务 or
 * a plan value), or — wide tables — a unit column and at least one indicator group. Among qualifying rows
 * the one matching the most distinct roles wins; on a tie the upper row wins.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { CellRef, Grid, RawCell } from '../grid.ts';
import { cellAt, gridSize, isCellError, refOn, toA1 } from '../grid.ts';
import type { ColumnMapping, ColumnOverride, ColumnRole, IndicatorGroup } from '../table-model.ts';
import { cellText, headerKey, nfkc } from '../text/normalize.ts';
import { COLUMN_ROLE_LABELS } from '../vocab/column-role-labels.ts';
import type { HeaderKind, SubColumnKind } from '../vocab/header-synonyms.ts';
import { matchHeader, matchSubColumn, splitHeaderText, type HeaderMatch } from './header-match.ts';
import { ownCell, type MergeIndex } from './merge-index.ts';

/** How many rows from the top of the grid are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

/** How many data rows are sampled to tell a numeric column from a text column. */
const CONTENT_SAMPLE_ROWS = 200;

/** The header found on a grid, resolved into roles. */
export interface DetectedHeader {
  /** Absolute row of the (first) header row. */
  readonly headerRow: number;
  readonly headerRowCount: 1 | 2;
  /** One mapping per role. */
  readonly columns: readonly ColumnMapping[];
  readonly groups: readonly IndicatorGroup[];
  readonly layout: 'long' | 'wide';
  /** Compact header texts of each column (both levels): a data row repeating them is a repeated header. */
  readonly headerKeys: ReadonlyMap<number, readonly string[]>;
  readonly findings: readonly Finding[];
}

/** Options of {@link findHeader}. */
export interface FindHeaderOptions {
  /** Absolute header row chosen by the user: used as is instead of searching. */
  readonly headerRow?: number;
  readonly override?: ColumnOverride;
}

// One recognised header cell before the table-wide rules turn kinds into roles.
interface RawColumn {
  readonly kind: HeaderKind;
  readonly col: number;
  readonly header: CellRef;
  readonly headerText: string;
  readonly measureUnit: string | null;
  readonly exact: boolean;
}

interface Candidate {
  readonly row: number;
  readonly rowCount: 1 | 2;
  readonly columns: readonly RawColumn[];
  readonly groups: readonly IndicatorGroup[];
  readonly headerKeys: ReadonlyMap<number, readonly string[]>;
}

// A horizontal run of header columns under one parent cell.
interface Span {
  readonly parentCol: number;
  readonly left: number;
  readonly right: number;
}

/** A grid with its merge index and bounds (absolute, inclusive). */
export interface GridContext {
  readonly grid: Grid;
  readonly merges: MergeIndex;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly lastRow: number;
}

// A header label is text; numbers, booleans and errors in a header row are not labels.
function labelAt(ctx: GridContext, row: number, col: number): string {
  if (row > ctx.lastRow) return '';
  const v = ownCell(ctx.grid, ctx.merges, row, col);
  return typeof v === 'string' ? v.trim() : '';
}

// Spans of row `row`: horizontal merges confined to that row, and — for headers typed without merges —
// a label followed by blank cells whose sub-row cells are all sub-column words.
function spansOf(ctx: GridContext, row: number, top: readonly string[], sub: readonly string[]): Span[] {
  const spans: Span[] = [];
  const taken = new Set<number>();
  for (const m of ctx.merges.startingInRow(row)) {
    if (m.bottom !== row || m.right <= m.left) continue;
    const left = Math.max(m.left, ctx.firstCol);
    const right = Math.min(m.right, ctx.lastCol);
    if (left > right || m.left < ctx.firstCol) continue;
    spans.push({ parentCol: m.left, left, right });
    for (let c = left; c <= right; c++) taken.add(c);
  }
  for (let c = ctx.firstCol; c <= ctx.lastCol; c++) {
    const i = c - ctx.firstCol;
    if (taken.has(c) || (top[i] ?? '') === '' || matchSubColumn(sub[i] ?? '') === null) continue;
    let right = c;
    while (
      right + 1 <= ctx.lastCol &&
      !taken.has(right + 1) &&
      (top[right + 1 - ctx.firstCol] ?? '') === '' &&
      ctx.merges.at(row, right + 1) === undefined &&
      matchSubColumn(sub[right + 1 - ctx.firstCol] ?? '') !== null
    ) {
      right++;
    }
    if (right > c) {
      spans.push({ parentCol: c, left: c, right });
      for (let k = c; k <= right; k++) taken.add(k);
    }
  }
  return spans.sort((a, b) => a.left - b.left);
}

const SUB_KIND_OF_ROLE: Partial<Record<HeaderKind, SubColumnKind>> = {
  planValue: 'plan',
  target: 'plan',
  actual: 'actual',
  completionRate: 'ratio',
};

function subKindOf(text: string): SubColumnKind | null {
  const direct = matchSubColumn(text);
  if (direct !== null) return direct;
  const m = matchHeader(text);
  return m === null ? null : (SUB_KIND_OF_ROLE[m.kind] ?? null);
}

function rawColumn(ctx: GridContext, m: HeaderMatch, row: number, col: number, text: string): RawColumn {
  return {
    kind: m.kind,
    col,
    header: refOn(ctx.grid, row, col),
    headerText: text,
    measureUnit: m.measureUnit,
    exact: m.exact,
  };
}

function singleColumnGroup(ctx: GridContext, row: number, col: number, text: string): IndicatorGroup | null {
  const h = splitHeaderText(text);
  if (h.measureUnit === null || h.key === '') return null;
  return {
    name: h.name,
    header: refOn(ctx.grid, row, col),
    measureUnit: h.measureUnit,
    planCol: col,
    actualCol: null,
    ratioCol: null,
  };
}

// Read row `row` (and `row + 1` when it completes a two-level header) into recognised columns and groups.
function buildCandidate(ctx: GridContext, row: number): Candidate {
  const top: string[] = [];
  const sub: string[] = [];
  for (let c = ctx.firstCol; c <= ctx.lastCol; c++) {
    top.push(labelAt(ctx, row, c));
    sub.push(labelAt(ctx, row + 1, c));
  }
  const textOf = (labels: readonly string[], col: number): string => labels[col - ctx.firstCol] ?? '';

  // Which spans really are parents of sub-columns.
  const roleSpans: Span[] = [];
  const groupSpans: Span[] = [];
  let children = 0;
  for (const span of spansOf(ctx, row, top, sub)) {
    const parent = textOf(top, span.parentCol);
    if (parent === '') continue;
    const kids: string[] = [];
    for (let c = span.left; c <= span.right; c++) if (textOf(sub, c) !== '') kids.push(textOf(sub, c));
    if (kids.length === 0) continue;
    const parentMatch = matchHeader(parent);
    if (parentMatch?.exact === true) {
      // 完成情况 above 完成值 | 完成率: the children are ordinary columns.
      if (kids.every((k) => matchHeader(k) !== null)) {
        roleSpans.push(span);
        children += kids.length;
      }
    } else if (kids.every((k) => subKindOf(k) !== null)) {
      groupSpans.push(span);
      children += kids.length;
    }
  }
  const twoLevel = children >= 2;
  const spanned = new Set<number>();
  if (twoLevel) {
    for (const s of [...roleSpans, ...groupSpans]) for (let c = s.left; c <= s.right; c++) spanned.add(c);
  }

  const columns: RawColumn[] = [];
  const groups: IndicatorGroup[] = [];
  const unmatched: { col: number; row: number; text: string }[] = [];
  for (let c = ctx.firstCol; c <= ctx.lastCol; c++) {
    if (spanned.has(c)) continue;
    let labelRow = row;
    let text = textOf(top, c);
    if (text === '' && twoLevel && textOf(sub, c) !== '') {
      labelRow = row + 1;
      text = textOf(sub, c);
    }
    if (text === '') continue;
    const m = matchHeader(text);
    if (m === null) unmatched.push({ col: c, row: labelRow, text });
    else columns.push(rawColumn(ctx, m, labelRow, c, text));
  }
  if (twoLevel) {
    for (const span of roleSpans) {
      for (let c = span.left; c <= span.right; c++) {
        const text = textOf(sub, c);
        const m = text === '' ? null : matchHeader(text);
        if (m !== null) columns.push(rawColumn(ctx, m, row + 1, c, text));
      }
    }
    for (const span of groupSpans) {
      const parent = splitHeaderText(textOf(top, span.parentCol));
      let planCol: number | null = null;
      let actualCol: number | null = null;
      let ratioCol: number | null = null;
      let childUnit: string | null = null;
      for (let c = span.left; c <= span.right; c++) {
        const text = textOf(sub, c);
        const kind = text === '' ? null : subKindOf(text);
        if (kind === 'plan' && planCol === null) planCol = c;
        else if (kind === 'actual' && actualCol === null) actualCol = c;
        else if (kind === 'ratio' && ratioCol === null) ratioCol = c;
        if (kind === 'plan' || kind === 'actual') childUnit ??= splitHeaderText(text).measureUnit;
      }
      groups.push({
        name: parent.name,
        header: refOn(ctx.grid, row, span.parentCol),
        measureUnit: parent.measureUnit ?? childUnit,
        planCol,
        actualCol,
        ratioCol,
      });
    }
  }
  // A one-level wide table: a unit column, no target, and indicator columns carrying a unit of measure
  // (`城镇新增就业（人）`): each such column is a group with only a plan value.
  const hasUnit = columns.some((c) => c.kind === 'unit' || c.kind === 'leadUnit');
  const hasTargetColumn = columns.some((c) => c.kind === 'target');
  if (hasUnit && !hasTargetColumn) {
    for (const u of unmatched) {
      const g = singleColumnGroup(ctx, u.row, u.col, u.text);
      if (g !== null) groups.push(g);
    }
  }
  groups.sort((a, b) => a.header.col - b.header.col);

  const headerKeys = new Map<number, string[]>();
  const rowsOfHeader = twoLevel ? [row, row + 1] : [row];
  for (let c = ctx.firstCol; c <= ctx.lastCol; c++) {
    const keys: string[] = [];
    for (const r of rowsOfHeader) {
      const k = headerKey(labelAt(ctx, r, c));
      if (k !== '') keys.push(k);
    }
    if (keys.length > 0) headerKeys.set(c, keys);
  }
  return { row, rowCount: twoLevel ? 2 : 1, columns, groups, headerKeys };
}

function kinds(c: Candidate): Set<HeaderKind> {
  return new Set(c.columns.map((x) => x.kind).filter((k) => k !== 'ignore'));
}

function qualifies(c: Candidate): boolean {
  const k = kinds(c);
  const unitCol = k.has('unit') || k.has('leadUnit');
  const unitish = unitCol || k.has('owner') || k.has('leader');
  const targetish = k.has('target') || k.has('planValue');
  return (unitish && targetish) || (unitCol && c.groups.length > 0);
}

function score(c: Candidate): number {
  return kinds(c).size + c.groups.length;
}

// Numbers as typed in tables: '7200' ✓, '68.1%' ✓, '1,017' ✓, '-3' ✓, '５．５％' ✓ (NFKC); '5个' ✗; '约8%' ✗
const NUMBER_TEXT = /^[-+]?\d+(?:\.\d+)?%?$/;

function isNumeric(v: RawCell): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  // Drop spaces and thousands separators: '1,017' → '1017'; ' 7 200 ' → '7200'; '5.5%' unchanged
  return NUMBER_TEXT.test(nfkc(v).replace(/[\s,]/g, ''));
}

// Whether most filled data cells of a column are numbers (true), text (false), or it has none (null).
function columnIsNumeric(ctx: GridContext, col: number, dataStart: number): boolean | null {
  let numbers = 0;
  let filled = 0;
  const end = Math.min(ctx.lastRow, dataStart + CONTENT_SAMPLE_ROWS - 1);
  for (let r = dataStart; r <= end; r++) {
    const v = ownCell(ctx.grid, ctx.merges, r, col);
    if (v === null || isCellError(v) || cellText(v).trim() === '') continue;
    filled++;
    if (isNumeric(v)) numbers++;
  }
  if (filled === 0) return null;
  return numbers * 5 >= filled * 3; // at least 60 %
}

function mapping(c: RawColumn, role: ColumnRole): ColumnMapping {
  return { role, col: c.col, header: c.header, headerText: c.headerText, measureUnit: c.measureUnit };
}

// Turn header kinds into roles (vocab/header-synonyms.ts explains the rules) and keep one column per role.
function resolveRoles(ctx: GridContext, cand: Candidate): { columns: ColumnMapping[]; findings: Finding[] } {
  const dataStart = cand.row + cand.rowCount;
  const refined: RawColumn[] = [];
  for (const c of cand.columns) {
    if (c.kind === 'ignore') continue;
    if (c.kind === 'target' && columnIsNumeric(ctx, c.col, dataStart) === true) {
      refined.push({ ...c, kind: 'planValue' });
    } else if (c.kind === 'actual' && columnIsNumeric(ctx, c.col, dataStart) === false) {
      refined.push({ ...c, kind: 'progress' });
    } else refined.push(c);
  }
  const has = (k: HeaderKind): boolean => refined.some((c) => c.kind === k);
  const hasLead = has('leadUnit');
  const hasOwner = has('owner');
  const hasLeader = has('leader');
  const roleOf = (k: HeaderKind): ColumnRole | null => {
    switch (k) {
      case 'ignore':
        return null;
      case 'leadUnit':
        return 'unit';
      case 'unit':
        return hasLead ? 'coUnit' : 'unit';
      case 'leader':
        return hasOwner ? 'leader' : 'owner';
      case 'contact':
        return hasOwner || hasLeader ? 'contact' : 'owner';
      default:
        return k;
    }
  };
  const byRole = new Map<ColumnRole, RawColumn[]>();
  for (const c of refined) {
    const role = roleOf(c.kind);
    if (role === null) continue;
    const list = byRole.get(role);
    if (list) list.push(c);
    else byRole.set(role, [c]);
  }
  const columns: ColumnMapping[] = [];
  const findings: Finding[] = [];
  for (const [role, list] of byRole) {
    // An exact header beats a contained word; then the leftmost column.
    const sorted = [...list].sort((a, b) => Number(b.exact) - Number(a.exact) || a.col - b.col);
    const kept = sorted[0];
    if (kept === undefined) continue;
    columns.push(mapping(kept, role));
    for (const dropped of sorted.slice(1)) {
      findings.push(
        makeFinding('header_ambiguous', dropped.header, {
          roleZh: COLUMN_ROLE_LABELS[role].zh,
          roleEn: COLUMN_ROLE_LABELS[role].en,
          kept: toA1(kept.header),
          dropped: toA1(dropped.header),
        }),
      );
    }
  }
  columns.sort((a, b) => a.col - b.col);
  return { columns, findings };
}

// The user's corrections: a role pinned to a column (taking it from any other role) or dropped.
function applyOverride(
  ctx: GridContext,
  cand: Candidate,
  columns: readonly ColumnMapping[],
  override: ColumnOverride,
): ColumnMapping[] {
  let out = [...columns];
  for (const [role, col] of Object.entries(override) as [ColumnRole, number | null | undefined][]) {
    if (col === undefined) continue;
    out = out.filter((m) => m.role !== role && (col === null || m.col !== col));
    if (col === null) continue;
    const lower = cand.rowCount === 2 ? labelAt(ctx, cand.row + 1, col) : '';
    const row = lower !== '' ? cand.row + 1 : cand.row;
    const text = lower !== '' ? lower : cellText(cellAt(ctx.grid, cand.row, col));
    out.push({
      role,
      col,
      header: refOn(ctx.grid, row, col),
      headerText: text,
      measureUnit: splitHeaderText(text).measureUnit,
    });
  }
  return out.sort((a, b) => a.col - b.col);
}

/** Grid bounds used by header detection and table reading. */
export function contextOf(grid: Grid, merges: MergeIndex): GridContext {
  const { rows, cols } = gridSize(grid);
  return {
    grid,
    merges,
    firstCol: grid.origin.col,
    lastCol: grid.origin.col + cols - 1,
    lastRow: grid.origin.row + rows - 1,
  };
}

/** The rows searched for a header (absolute, inclusive); `last < first` on an empty grid. */
export function headerScanRange(grid: Grid): { first: number; last: number } {
  const { rows } = gridSize(grid);
  return { first: grid.origin.row, last: grid.origin.row + Math.min(rows, HEADER_SCAN_ROWS) - 1 };
}

/**
 * Find and resolve the header. With `options.headerRow` that row is used (null when nothing in it or the
 * override gives a column); otherwise the best qualifying row of the first {@link HEADER_SCAN_ROWS} rows
 * (null when none qualifies). The override is applied last.
 */
export function findHeader(
  grid: Grid,
  merges: MergeIndex,
  options: FindHeaderOptions = {},
): DetectedHeader | null {
  const ctx = contextOf(grid, merges);
  let best: Candidate | null = null;
  if (options.headerRow !== undefined) {
    if (options.headerRow < grid.origin.row || options.headerRow > ctx.lastRow) return null;
    best = buildCandidate(ctx, options.headerRow);
  } else {
    const { first, last } = headerScanRange(grid);
    let bestScore = 0;
    for (let r = first; r <= last; r++) {
      const cand = buildCandidate(ctx, r);
      if (!qualifies(cand)) continue;
      const s = score(cand);
      if (s > bestScore) {
        best = cand;
        bestScore = s;
      }
    }
  }
  if (best === null) return null;
  const resolved = resolveRoles(ctx, best);
  const columns = options.override
    ? applyOverride(ctx, best, resolved.columns, options.override)
    : resolved.columns;
  if (columns.length === 0 && best.groups.length === 0) return null;
  const hasTargetColumn = columns.some((c) => c.role === 'target');
  return {
    headerRow: best.row,
    headerRowCount: best.rowCount,
    columns,
    groups: best.groups,
    layout: best.groups.length > 0 && !hasTargetColumn ? 'wide' : 'long',
    headerKeys: best.headerKeys,
    findings: resolved.findings,
  };
}
