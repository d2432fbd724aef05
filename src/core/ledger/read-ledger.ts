/**
 * Reading a ledger sheet (任务台账) back: every row rebuilt into the sub-task it stands for and the progress
 * its unit reported, each value with the cell it came from, ready for `scoreSubTasks`.
 *
 * Rules:
 * - The sheet is recognised by its header (`ledger-header.ts`); rows below it are sub-tasks. Blank rows and
 *   repeated headers are skipped; a row without 编号 or 子任务, or repeating an earlier 编号, is reported and
 *   skipped.
 * - Units and owners are read with the same rules as the responsibility table (`people/`).
 * - Indicators are re-derived from the 子任务 text (so a corrected text is scored as corrected), then the
 *   office's columns win: 目标值 (in 计量单位) replaces the target values, 比较 the comparators, in the order of
 *   the text's quantified indicators; one 计量单位 or 比较 applies to all. A sub-task whose text holds no
 *   figure but whose row has one 目标值 (a wide table's indicator group, or a target the office added) gets
 *   one indicator built from 指标 / 比较 / 目标值 / 计量单位. 完成时限 wins over a deadline in the text;
 *   blank, the text's own deadline applies; `长期` means none.
 * - Progress comes from the LATEST quarter that had begun by the as-of date (Q2 from 04-01) and has an actual
 *   or a status: a later quarter filled early counts, an earlier one is history. Values in quarters that had
 *   not begun are reported (info) and ignored. A sub-task with several quantified indicators reports
 *   `195、250` in the order of 目标值; a bare number there is read in that indicator's 计量单位.
 */
import type { Indicator, SubTask } from '../breakdown-model.ts';
import { analyseIndicators } from '../breakdown/extract-indicators.ts';
import { parseDeadline, parseRowDeadline } from '../breakdown/deadlines.ts';
import { headerUnit } from '../breakdown/break-down-table.ts';
import { numericKind } from '../breakdown/quantities.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import {
  cellAt,
  isCellError,
  numberFormatAt,
  refOn,
  type CellRef,
  type Grid,
  type RawCell,
} from '../grid.ts';
import { parseOwners } from '../people/parse-owners.ts';
import { parseUnits } from '../people/parse-units.ts';
import type { IndicatorActual, ProgressEntry } from '../score/score-model.ts';
import { parseAsOf } from '../score/time-progress.ts';
import { progressEntry } from '../score/progress-entry.ts';
import { makeIndicator } from '../measure/written-unit.ts';
import type { Located } from '../table-model.ts';
import { cellText, compactKey, isBlank } from '../text/normalize.ts';
import { isPercentFormat } from '../validate/number-cell.ts';
import { LEDGER_COLUMNS, LEDGER_QUARTERS, type LedgerColumnKey } from '../vocab/ledger-columns.ts';
import { findLedgerHeader, type LedgerHeader } from './ledger-header.ts';
import {
  isQuantified,
  parseTargetPiece,
  readComparatorWord,
  splitLedgerList,
  toIndicatorUnit,
  type ParsedTarget,
} from './ledger-values.ts';

/** Options of {@link readLedger}. */
export interface ReadLedgerOptions {
  /**
   * As-of date `YYYY-MM-DD`: only quarters that had begun by then are read. Absent: every quarter (the latest
   * filled one wins).
   */
  readonly asOf?: string;
  /** The plan year, overriding the one in the title. */
  readonly planYear?: number;
}

/** A ledger read back. */
export interface Ledger {
  readonly sheet: string;
  /** Absolute row of the header. */
  readonly headerRow: number;
  /** One per ledger row, in sheet order; `taskRow` is the ledger row, `at` its 子任务 cell. */
  readonly subTasks: SubTask[];
  /** What each sub-task's unit reported, by id (only sub-tasks with something reported). */
  readonly progress: Map<string, ProgressEntry>;
  /** The quarter each progress entry was read from (1–4), by id. */
  readonly quarters: Map<string, 1 | 2 | 3 | 4>;
  /** From the options, else the title, else the year of the 完成时限 dates; null when none says. */
  readonly planYear: number | null;
}

/** What {@link readLedger} returns: the ledger, or null when the grid is not a ledger. */
export interface ReadLedgerResult {
  readonly ledger: Ledger | null;
  readonly findings: Finding[];
}

/** Years a plan year taken from 完成时限 dates may have (the range titles are read with, `table/plan-year.ts`). */
const MIN_PLAN_YEAR = 1990;
const MAX_PLAN_YEAR = 2100;

// Headers of the ledger, for telling a repeated header row (a second printed page) from data.
const HEADER_KEYS = new Set(LEDGER_COLUMNS.map((c) => compactKey(c.zh)));

/**
 * A bare number typed as text, signed or not: '195' ✓, '-3.5' ✓, ' 68.1 ' ✓ (trimmed first), '195家' ✗,
 * '68.1%' ✗ (those carry their own unit).
 */
const BARE_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function located(raw: RawCell, at: CellRef): Located<RawCell> {
  return { value: typeof raw === 'string' ? raw.trim() : raw, at, raw };
}

function locatedText(raw: RawCell, at: CellRef): Located<string> {
  return { value: cellText(raw).trim(), at, raw };
}

/** Sequence number from an id: `1.03` → 3; 1 when the id has none. */
function seqOf(id: string): number {
  const dot = id.lastIndexOf('.');
  const n = dot >= 0 ? Number(id.slice(dot + 1)) : NaN;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The most common year of the 完成时限 dates, for a ledger whose title names none. */
function yearFromDeadlines(grid: Grid, header: LedgerHeader): number | null {
  const col = header.columns.get('deadline');
  if (col === undefined) return null;
  const counts = new Map<number, number>();
  for (let r = header.headerRow + 1; r < grid.origin.row + grid.cells.length; r++) {
    const iso = parseRowDeadline(cellAt(grid, r, col), null).iso;
    if (iso === null) continue;
    const y = Number(iso.slice(0, 4));
    // Only a plausible plan year (as titles are read): a stray serial number can be a date in 2201.
    if (y < MIN_PLAN_YEAR || y > MAX_PLAN_YEAR) continue;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/** First day of a quarter of a year, ISO. */
function quarterStart(year: number, quarter: number): string {
  return `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

/** Reads one ledger row's cells by column key. */
interface RowReader {
  readonly row: number;
  raw(key: LedgerColumnKey): RawCell;
  at(key: LedgerColumnKey): CellRef;
  format(key: LedgerColumnKey): string | null;
  has(key: LedgerColumnKey): boolean;
}

function rowReader(grid: Grid, header: LedgerHeader, row: number): RowReader {
  const colOf = (key: LedgerColumnKey): number | undefined => header.columns.get(key);
  return {
    row,
    raw: (key) => {
      const c = colOf(key);
      return c === undefined ? null : cellAt(grid, row, c);
    },
    at: (key) => refOn(grid, row, colOf(key) ?? header.columns.get('id') ?? grid.origin.col),
    format: (key) => {
      const c = colOf(key);
      return c === undefined ? null : numberFormatAt(grid, row, c);
    },
    has: (key) => colOf(key) !== undefined,
  };
}

function idOf(raw: RawCell): string {
  if (typeof raw === 'number') return String(raw);
  return cellText(raw).trim();
}

/** Pick the n-th of a list that has one entry for all, one per item, or none. */
function pick<T>(list: readonly T[], k: number, count: number): T | undefined {
  if (list.length === 1) return list[0];
  if (list.length === count) return list[k];
  return undefined;
}

/** The indicators after the office's 目标值 / 比较 / 计量单位, and the unit each one's figures are written in. */
interface OfficeIndicators {
  readonly indicators: Indicator[];
  /** Parallel to `indicators`: the unit a bare reported number is in (the row's 计量单位), null = as written. */
  readonly units: (string | null)[];
}

function pieceText(piece: string | number): string {
  return typeof piece === 'number' ? String(piece) : piece;
}

/** An indicator built from the office's columns for a text with no figure (see the module comment). */
function indicatorFromColumns(
  base: Indicator | undefined,
  text: string,
  target: ParsedTarget,
  targetText: string,
  unitWritten: string | null,
  comparatorWritten: string | undefined,
): Indicator {
  const chosen = comparatorWritten === undefined ? null : readComparatorWord(comparatorWritten);
  const comparator =
    target.valueMax !== null ? 'range' : chosen === 'range' || chosen === null ? '=' : chosen;
  const { unit, exponent } = headerUnit(unitWritten);
  const scale = (v: number): number => Number((v * 10 ** exponent).toPrecision(12));
  const metric = base?.metric ?? text;
  return makeIndicator({
    metric,
    kind: numericKind(unit, { comparator, ambiguous: false, hint: comparator === '<=' ? 'lower' : null }),
    comparator,
    value: scale(target.value),
    valueMax: target.valueMax === null ? null : scale(target.valueMax),
    unit,
    // Written out with the unit it was given in, so that figures are shown in that unit (`200亿元`).
    text: `${metric}${targetText}${unitWritten ?? ''}`,
  });
}

function officeIndicators(
  base: readonly Indicator[],
  text: string,
  id: string,
  r: RowReader,
  findings: Finding[],
): OfficeIndicators {
  const asWritten = base.map((ind) => (isQuantified(ind) ? ind.writtenUnit : null));
  const unchanged: OfficeIndicators = { indicators: [...base], units: asWritten };
  const targetRaw = r.raw('target');
  const targets = splitLedgerList(targetRaw);
  if (targets.length === 0) return unchanged;
  const targetAt = r.at('target');
  const parsed = targets.map(parseTargetPiece);
  if (parsed.some((p) => p === null)) {
    findings.push(
      makeFinding('ledger_target_unreadable', targetAt, { id, text: cellText(targetRaw).trim() }),
    );
    return unchanged;
  }
  const units = splitLedgerList(r.raw('measureUnit')).map(pieceText);
  const comparators = splitLedgerList(r.raw('comparator')).map(pieceText);
  const quantified = base.flatMap((ind, i) => (isQuantified(ind) ? [i] : []));

  if (quantified.length === 0) {
    const only = parsed[0];
    if (parsed.length !== 1 || !only) {
      findings.push(
        makeFinding('ledger_target_count_mismatch', targetAt, { id, count: parsed.length, expected: 0 }),
      );
      return unchanged;
    }
    const unit = only.unit ?? units[0] ?? null;
    const ind = indicatorFromColumns(base[0], text, only, pieceText(targets[0] ?? ''), unit, comparators[0]);
    return { indicators: [ind], units: [unit] };
  }
  if (parsed.length !== quantified.length) {
    findings.push(
      makeFinding('ledger_target_count_mismatch', targetAt, {
        id,
        count: parsed.length,
        expected: quantified.length,
      }),
    );
    return unchanged;
  }
  if (units.length > 1 && units.length !== quantified.length) {
    findings.push(
      makeFinding('ledger_measure_unit_mismatch', r.at('measureUnit'), {
        id,
        unit: units.join('、'),
        expected: quantified.map((i) => asWritten[i] ?? '—').join('、'),
      }),
    );
    return unchanged;
  }
  const indicators = [...base];
  const unitsOut = [...asWritten];
  quantified.forEach((index, k) => {
    const ind = base[index];
    const p = parsed[k];
    if (!ind || !p) return;
    const from = p.unit ?? pick(units, k, quantified.length) ?? asWritten[index] ?? null;
    const value = toIndicatorUnit(p.value, from, ind.unit);
    const valueMax = p.valueMax === null ? null : toIndicatorUnit(p.valueMax, from, ind.unit);
    if (value === null || (p.valueMax !== null && valueMax === null)) {
      findings.push(
        makeFinding('ledger_measure_unit_mismatch', r.at('measureUnit'), {
          id,
          unit: from ?? '',
          expected: asWritten[index] ?? ind.unit ?? '—',
        }),
      );
      return;
    }
    let comparator = ind.comparator;
    const word = pick(comparators, k, quantified.length);
    if (word !== undefined) {
      const read = readComparatorWord(word);
      if (read === null) {
        findings.push(makeFinding('ledger_comparator_unknown', r.at('comparator'), { id, text: word }));
      } else if (read !== 'range') {
        comparator = read;
      }
    }
    if (p.valueMax !== null) comparator = 'range';
    else if (comparator === 'range') comparator = '=';
    // Its figures are shown in the unit the office wrote the new target in (210 in 亿元 → 210亿元), which
    // converted into the indicator's own; the text's figure, written for the old target, no longer tells.
    indicators[index] = makeIndicator(
      { ...ind, value, valueMax: p.valueMax === null ? null : valueMax, comparator },
      from !== null && ind.unit !== null ? from : undefined,
    );
    unitsOut[index] = from;
  });
  return { indicators, units: unitsOut };
}

/**
 * A reported piece as scoring reads it: a bare number gets the unit of measure its indicator is written in
 * (`96` → `96亿元`), so it is read exactly as the row states it; a number in a cell formatted as a percentage
 * stays a number (0.681 shown as 68.1%), and anything with its own unit or words stays as typed.
 */
function pieceValue(piece: string | number, unit: string | null, format: string | null): RawCell {
  if (unit === null) return piece;
  if (typeof piece === 'number') return isPercentFormat(format) ? piece : `${piece}${unit}`;
  return BARE_NUMBER.test(piece) ? `${piece}${unit}` : piece;
}

function readProgressEntry(
  r: RowReader,
  id: string,
  office: OfficeIndicators,
  eligible: (quarter: number) => boolean,
  asOf: string | undefined,
  findings: Finding[],
): { entry: ProgressEntry | null; quarter: 1 | 2 | 3 | 4 | null } {
  let chosen: (typeof LEDGER_QUARTERS)[number] | null = null;
  let future: { at: CellRef; name: string } | null = null;
  for (const q of LEDGER_QUARTERS) {
    const filled = !isBlank(r.raw(q.actual)) || !isBlank(r.raw(q.status));
    if (!filled) continue;
    if (eligible(q.quarter)) chosen = q;
    else if (future === null) {
      future = { at: r.at(isBlank(r.raw(q.actual)) ? q.status : q.actual), name: q.name };
    }
  }
  if (future !== null && asOf !== undefined) {
    findings.push(
      makeFinding('ledger_quarter_not_started', future.at, {
        quarter: future.name,
        asOf,
      }),
    );
  }
  const entry: {
    actual?: Located<RawCell>;
    actualFormat?: string | null;
    indicatorActuals?: (IndicatorActual | null)[];
    status?: Located<string>;
    text?: Located<string>;
  } = {};
  if (chosen !== null) {
    const actualRaw = r.raw(chosen.actual);
    const at = r.at(chosen.actual);
    const format = r.format(chosen.actual);
    if (isCellError(actualRaw)) {
      entry.actual = located(actualRaw, at);
    } else if (!isBlank(actualRaw)) {
      const { indicators, units } = office;
      const quantified = indicators.flatMap((ind, i) => (isQuantified(ind) ? [i] : []));
      const pieces = splitLedgerList(actualRaw);
      // One figure for the whole sub-task unless it has several indicators of which some are quantified.
      const single = indicators.length <= 1 || quantified.length === 0;
      const expected = single ? 1 : quantified.length;
      if (pieces.length !== expected) {
        findings.push(
          makeFinding('ledger_actual_count_mismatch', at, { id, count: pieces.length, expected }),
        );
      }
      if (single) {
        const piece = pieces[0];
        const value = piece === undefined ? null : pieceValue(piece, units[0] ?? null, format);
        entry.actual = { value, at, raw: actualRaw };
        entry.actualFormat = format;
      } else {
        const list: (IndicatorActual | null)[] = indicators.map(() => null);
        quantified.forEach((index, k) => {
          const piece = pieces[k];
          if (piece === undefined) return;
          list[index] = {
            actual: { value: pieceValue(piece, units[index] ?? null, format), at, raw: actualRaw },
            format,
          };
        });
        entry.indicatorActuals = list;
      }
    }
    const statusRaw = r.raw(chosen.status);
    if (!isBlank(statusRaw) || isCellError(statusRaw))
      entry.status = locatedText(statusRaw, r.at(chosen.status));
  }
  const textRaw = r.raw('progress');
  if (!isBlank(textRaw)) entry.text = locatedText(textRaw, r.at('progress'));
  const any =
    entry.actual !== undefined || entry.indicatorActuals !== undefined || entry.status || entry.text;
  return { entry: any ? progressEntry(entry) : null, quarter: chosen?.quarter ?? null };
}

/**
 * Read a ledger sheet into sub-tasks and progress entries (rules in the module comment). Returns
 * `ledger: null` (no findings) when the grid holds no ledger header. Never throws for any grid; throws
 * `DubanError('invalid_argument')` for an `asOf` that is not a date.
 */
export function readLedger(grid: Grid, options: ReadLedgerOptions = {}): ReadLedgerResult {
  if (options.asOf !== undefined) parseAsOf(options.asOf);
  const header = findLedgerHeader(grid);
  if (!header) return { ledger: null, findings: [] };
  const findings: Finding[] = [...header.findings];
  const planYear = options.planYear ?? header.planYear ?? yearFromDeadlines(grid, header);
  if (planYear === null) findings.push(makeFinding('ledger_plan_year_missing', header.at));
  const asOf = options.asOf;
  const yearForQuarters = planYear ?? (asOf !== undefined ? Number(asOf.slice(0, 4)) : null);
  const eligible = (quarter: number): boolean =>
    asOf === undefined || yearForQuarters === null || asOf >= quarterStart(yearForQuarters, quarter);

  const subTasks: SubTask[] = [];
  const progress = new Map<string, ProgressEntry>();
  const quarters = new Map<string, 1 | 2 | 3 | 4>();
  const firstRowOf = new Map<string, number>();
  const mapped = [...header.columns.keys()];
  const end = grid.origin.row + grid.cells.length;
  for (let row = header.headerRow + 1; row < end; row++) {
    const r = rowReader(grid, header, row);
    if (mapped.every((k) => isBlank(r.raw(k)) && !isCellError(r.raw(k)))) continue;
    const idRaw = r.raw('id');
    const id = idOf(idRaw);
    if (HEADER_KEYS.has(compactKey(id)) && HEADER_KEYS.has(compactKey(cellText(r.raw('text'))))) continue;
    if (id === '') {
      findings.push(makeFinding('ledger_id_missing', r.at('id'), { row: row + 1 }));
      continue;
    }
    const first = firstRowOf.get(id);
    if (first !== undefined) {
      findings.push(makeFinding('ledger_id_duplicate', r.at('id'), { id, first: first + 1 }));
      continue;
    }
    const text = cellText(r.raw('text')).trim();
    if (text === '') {
      findings.push(makeFinding('ledger_text_missing', r.at('text'), { id }));
      continue;
    }
    firstRowOf.set(id, row);
    const units = parseUnits(cellText(r.raw('unit')));
    if (units.length === 0) findings.push(makeFinding('ledger_unit_missing', r.at('unit'), { id }));
    const owners = parseOwners(cellText(r.raw('owner')));

    // Deadline: the 完成时限 cell when it says something, else the text's own (see the module comment).
    const own = parseDeadline(text, planYear);
    const deadlineRaw = r.raw('deadline');
    let deadline = own.iso;
    let deadlineText = own.iso !== null || own.needsDate ? own.text : null;
    if (!isBlank(deadlineRaw)) {
      const cell = parseRowDeadline(deadlineRaw, planYear);
      if (cell.unreadable) {
        findings.push(
          makeFinding('ledger_deadline_unreadable', r.at('deadline'), {
            id,
            value: cellText(deadlineRaw).trim(),
          }),
        );
      } else {
        deadline = cell.iso;
        deadlineText =
          cell.iso !== null && cell.iso === own.iso
            ? own.text
            : cell.iso !== null || cell.needsDate
              ? cell.text
              : null;
      }
    }

    // Indicators: re-derived from the text. A figureless text is a milestone when the row has a deadline and
    // qualitative when it has none (so 长期 in 完成时限 undoes a deadline phrase of the text), as in breakdown.
    const analysis = analyseIndicators(text);
    const derived = analysis.indicators.map((ind) =>
      analysis.fallback && (ind.kind === 'qualitative' || ind.kind === 'milestone')
        ? makeIndicator({ ...ind, kind: deadlineText !== null ? 'milestone' : 'qualitative' })
        : ind,
    );
    const office = officeIndicators(derived, text, id, r, findings);
    const sub: SubTask = {
      id,
      taskRow: row,
      seq: seqOf(id),
      units,
      owners,
      text,
      at: r.at('text'),
      deadline,
      deadlineText,
      indicators: office.indicators,
    };
    subTasks.push(sub);
    const { entry, quarter } = readProgressEntry(r, id, office, eligible, asOf, findings);
    if (entry) progress.set(id, entry);
    if (quarter !== null) quarters.set(id, quarter);
  }
  if (subTasks.length === 0) findings.push(makeFinding('ledger_empty', header.at));
  return {
    ledger: { sheet: grid.sheet, headerRow: header.headerRow, subTasks, progress, quarters, planYear },
    findings,
  };
}
