/**
 * Breaking one target cell into sub-tasks: split (`split-subtasks.ts`), read each piece's deadline
 * (`deadlines.ts`) and indicators (`extract-indicators.ts`), number the pieces, and report what needs the
 * user's attention as findings.
 */
import type { Indicator, SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { CellRef, RawCell } from '../grid.ts';
import type { Person } from '../table-model.ts';
import { makeIndicator } from '../measure/written-unit.ts';
import { analyseParsed } from './extract-indicators.ts';
import {
  checkPlanYear,
  combineHits,
  findDeadlines,
  parseRowDeadline,
  type RowDeadline,
} from './deadlines.ts';
import { parseText } from './parse-text.ts';
import { splitParsed } from './split-subtasks.ts';

/** Where a target comes from and what applies to all its sub-tasks. */
export interface BreakDownContext {
  /** Year that month/quarter deadlines fall in; null when unknown (such deadlines then need a date). */
  readonly planYear: number | null;
  /** The row's 序号 (or its position), used in sub-task ids: `1` → `1.01`, `1.02` … */
  readonly serial: string;
  /** The target cell. */
  readonly at: CellRef;
  readonly units: readonly string[];
  readonly owners: readonly Person[];
  /** Absolute row of the task row. */
  readonly taskRow: number;
  /** The row's 完成时限 cell: a date serial, `2024年6月底`, `2024-06-30` …; used when a piece has no own deadline. */
  readonly rowDeadline?: RawCell;
  /** The 完成时限 cell's address, for findings about it (defaults to `at`). */
  readonly rowDeadlineAt?: CellRef;
}

const NO_ROW_DEADLINE: RowDeadline = { iso: null, text: null, needsDate: false, unreadable: false };

/** Sub-tasks of one target and the findings raised while breaking it down. */
export interface TargetBreakdown {
  readonly subTasks: SubTask[];
  readonly findings: Finding[];
}

/**
 * Sub-task id: the serial, a dot and the 1-based sequence padded to two digits.
 * @example subTaskId('1', 3) === '1.03'; subTaskId('12', 10) === '12.10'; subTaskId('3', 100) === '3.100'
 */
export function subTaskId(serial: string, seq: number): string {
  // Two digits at least (as padStart(2, '0') would give), built in one go: this runs for every sub-task.
  return Number.isInteger(seq) && seq >= 0 && seq < 10
    ? `${serial}.0${seq}`
    : `${serial}.${String(seq).padStart(2, '0')}`;
}

/** An indicator while it is still being put together (its strings may yet be swapped for equal ones). */
type IndicatorDraft = { -readonly [K in keyof Indicator]: Indicator[K] };

/**
 * Point an indicator's metric and text at the sub-task's own text string where they are equal (a
 * qualitative sentence is its own metric and text): the same characters, one string kept instead of three
 * slices of the cell. The indicators are the fresh objects the analysis of this piece just made.
 */
function shareTexts(indicators: readonly IndicatorDraft[], text: string): void {
  for (let k = 0; k < indicators.length; k++) {
    const ind = indicators[k];
    if (ind === undefined) continue;
    if (ind.text === text) ind.text = text;
    if (ind.metric === text) ind.metric = text;
  }
}

/**
 * Break a target text into sub-tasks with indicators and deadlines. A sentence repeated inside the cell is
 * reported once (`duplicate_sentence`) and gets no sub-task; a piece's own deadline wins over the row's
 * 完成时限; a piece with no number becomes a `milestone` when either gives it a deadline. Never throws for
 * any text; throws `DubanError('invalid_argument')` for a plan year that is not an integer year.
 */
export function breakDownTarget(text: string, ctx: BreakDownContext): TargetBreakdown {
  const subTasks: SubTask[] = [];
  const findings: Finding[] = [];
  breakDownTargetInto(text, ctx, subTasks, findings);
  return { subTasks, findings };
}

/**
 * {@link breakDownTarget}, appending the sub-tasks and findings to the caller's lists (a whole table's),
 * in the same order, instead of returning lists of their own.
 */
export function breakDownTargetInto(
  text: string,
  ctx: BreakDownContext,
  subTasks: SubTask[],
  findings: Finding[],
): void {
  checkPlanYear(ctx.planYear);
  // Most rows have no 完成时限 cell: no deadline, nothing to read (the plan year is checked above).
  const row =
    ctx.rowDeadline === undefined || ctx.rowDeadline === null
      ? NO_ROW_DEADLINE
      : parseRowDeadline(ctx.rowDeadline, ctx.planYear);
  const rowCell = ctx.rowDeadlineAt ?? ctx.at;
  if (row.unreadable) findings.push(makeFinding('deadline_unreadable', rowCell, { value: row.text ?? '' }));
  if (row.needsDate) {
    findings.push(makeFinding('deadline_needs_date', rowCell, { id: ctx.serial, deadline: row.text ?? '' }));
  }
  let seq = 0;
  const whole = parseText(text);
  for (const piece of splitParsed(whole)) {
    if (piece.duplicateOf !== null) {
      findings.push(makeFinding('duplicate_sentence', ctx.at, { serial: ctx.serial, sentence: piece.text }));
      continue;
    }
    seq += 1;
    const id = subTaskId(ctx.serial, seq);
    // The cell is parsed once; each piece is read through a view of that parse.
    // The piece's text is the view's whole original text: metric and text strings equal to it are it.
    const parsed = whole.subView(piece.range.start, piece.range.end, piece.text);
    const hits = findDeadlines(parsed);
    const own = combineHits(parsed, hits, ctx.planYear);
    if (own.needsDate) {
      findings.push(makeFinding('deadline_needs_date', ctx.at, { id, deadline: own.text ?? '' }));
    }
    const usesRow = own.text === null;
    const deadline = usesRow ? row.iso : own.iso;
    const deadlineText = usesRow ? (row.iso !== null || row.needsDate ? row.text : null) : own.text;
    const analysis = analyseParsed(parsed, hits.length > 0);
    for (const issue of analysis.issues) {
      findings.push(makeFinding(issue.code, ctx.at, { serial: ctx.serial, text: issue.text }));
    }
    const hasDeadline = deadlineText !== null;
    // Kept at its exact length: an array that grew by pushes is copied (sub-tasks outlive the analysis).
    const indicators: Indicator[] = analysis.fallback ? analysis.indicators : analysis.indicators.slice();
    shareTexts(indicators, piece.text);
    if (analysis.fallback && hasDeadline) {
      for (let k = 0; k < indicators.length; k++) {
        const ind = indicators[k];
        if (ind && ind.kind === 'qualitative') indicators[k] = makeIndicator({ ...ind, kind: 'milestone' });
      }
    }
    subTasks.push({
      id,
      taskRow: ctx.taskRow,
      seq,
      units: ctx.units,
      owners: ctx.owners,
      text: piece.text,
      at: ctx.at,
      deadline,
      deadlineText,
      indicators,
    });
  }
}
