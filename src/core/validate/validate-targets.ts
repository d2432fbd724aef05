/**
 * Target (目标任务) checks: empty targets, vague targets (nothing quantified and no deadline), the same
 * target or sentence given to two units (a shared task), and a unit's target repeated in two rows.
 *
 * Ambiguous comparators and unreadable values inside a target are the breakdown's findings, not repeated
 * here. The checks run on long tables only: in a wide table the "target" of a record is its indicator
 * group's name, the same for every unit by design.
 */
import type { SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { isCellError, numberFormatAt, toA1, type CellRef } from '../grid.ts';
import type { TaskRow } from '../table-model.ts';
import { compactKey, isBlank } from '../text/normalize.ts';
import { columnFor, rowCell, subTasksByRow, subTasksOf, unitLabel, type ValidateContext } from './context.ts';
import { numericValue, readNumberCell } from './number-cell.ts';

/**
 * Punctuation that ends a sentence or clause, ignored when comparing texts.
 * @example '不断提升财税保障能力。' → '不断提升财税保障能力'; '推进改革；' → '推进改革'; '推进改革' unchanged
 */
const TRAILING_PUNCTUATION = /[。．.；;，,、！!？?：:\s]+$/u;

/** Shared sentences shorter than this (in characters) are too generic to call a shared task (`促上市`). */
const MIN_SHARED_LENGTH = 4;

/** Shared-sentence text in messages is cut to this many characters. */
const MAX_QUOTED_LENGTH = 40;

/** Comparison key of a target or sentence: compact form without trailing punctuation. */
export function textKey(text: string): string {
  return compactKey(text).replace(TRAILING_PUNCTUATION, '');
}

function quote(text: string): string {
  const chars = [...text.trim()];
  return chars.length > MAX_QUOTED_LENGTH ? `${chars.slice(0, MAX_QUOTED_LENGTH).join('')}…` : chars.join('');
}

function unitSetKey(row: TaskRow): string {
  return [...new Set(row.units.map((u) => compactKey(u)).filter((k) => k !== ''))].sort().join('\u0000');
}

function unitsOverlap(a: TaskRow, b: TaskRow): boolean {
  const keys = new Set(a.units.map((u) => compactKey(u)));
  return b.units.some((u) => keys.has(compactKey(u)));
}

interface TargetRow {
  readonly row: TaskRow;
  readonly at: CellRef;
  readonly key: string;
  readonly units: string;
  readonly subTasks: readonly SubTask[];
}

/** Run the target checks. */
export function checkTargets(ctx: ValidateContext): Finding[] {
  if (ctx.table.layout !== 'long') return [];
  const out: Finding[] = [];
  const targetColumn = columnFor(ctx.table, 'target');
  const byRow = subTasksByRow(ctx.breakdown);
  const targets: TargetRow[] = [];

  for (const row of ctx.table.rows) {
    const target = row.target;
    if (!target) {
      const cell = targetColumn ? rowCell(ctx, row, 'target') : null;
      if (cell && !isCellError(cell.raw) && isBlank(cell.raw)) out.push(makeFinding('target_empty', cell.at));
      continue;
    }
    if (isCellError(target.raw)) continue; // reported by the number checks
    const key = textKey(target.value);
    if (key === '') {
      out.push(makeFinding('target_empty', target.at));
      continue;
    }
    const subTasks = subTasksOf(byRow, row);
    targets.push({ row, at: target.at, key, units: unitLabel(row), subTasks });
    if (isVague(ctx, row, subTasks)) out.push(makeFinding('target_vague', target.at, { unit: unitLabel(row) }));
  }

  out.push(...sharedTargets(targets));
  out.push(...sharedSentences(targets));
  return out;
}

/**
 * Vague: the breakdown found sub-tasks, every indicator of every one is qualitative, none has a deadline,
 * and the row has no 完成时限 and no numeric 目标值. A target the breakdown did not split is not judged.
 */
function isVague(ctx: ValidateContext, row: TaskRow, subTasks: readonly SubTask[]): boolean {
  if (subTasks.length === 0) return false;
  if (subTasks.some((s) => s.deadline !== null || s.deadlineText !== null)) return false;
  if (subTasks.some((s) => s.indicators.some((i) => i.kind !== 'qualitative'))) return false;
  const deadline = rowCell(ctx, row, 'deadline');
  if (deadline && !isBlank(deadline.raw)) return false;
  const plan = rowCell(ctx, row, 'planValue');
  if (plan && numericValue(readNumberCell(plan.raw, numberFormatAt(ctx.grid, plan.at.row, plan.at.col))) !== null) {
    return false;
  }
  return true;
}

/**
 * Whole targets with the same text: different units → a shared task (info at each row, naming the first
 * other row); overlapping units → a duplicated row (warning at the later rows, naming the first).
 */
function sharedTargets(targets: readonly TargetRow[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, TargetRow[]>();
  for (const t of targets) {
    const list = groups.get(t.key);
    if (list) list.push(t);
    else groups.set(t.key, [t]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((t, i) => {
      const others = group.filter((o) => o.row.row !== t.row.row);
      const sharer = others.find((o) => unitSetKey(o.row) !== unitSetKey(t.row) && !unitsOverlap(o.row, t.row));
      if (sharer) {
        out.push(makeFinding('target_shared', t.at, { unit: t.units, otherUnit: sharer.units, otherCell: toA1(sharer.at) }));
      }
      const earlierSame = group.slice(0, i).find((o) => o.row.row !== t.row.row && unitsOverlap(o.row, t.row));
      if (earlierSame) out.push(makeFinding('target_duplicate', t.at, { unit: t.units, otherCell: toA1(earlierSame.at) }));
    });
  }
  return out;
}

/**
 * Sentences (sub-tasks) shared by rows of different units whose whole targets differ (those are already a
 * shared target): the seed's 区财政局 and 区税务局 share `深化财税领域改革，…`.
 */
function sharedSentences(targets: readonly TargetRow[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { target: TargetRow; sub: SubTask }[]>();
  for (const target of targets) {
    const seen = new Set<string>();
    for (const sub of target.subTasks) {
      const key = textKey(sub.text);
      if ([...key].length < MIN_SHARED_LENGTH || seen.has(key)) continue;
      seen.add(key);
      const list = groups.get(key);
      if (list) list.push({ target, sub });
      else groups.set(key, [{ target, sub }]);
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const { target, sub } of group) {
      const other = group.find(
        (o) =>
          o.target.row.row !== target.row.row &&
          o.target.key !== target.key &&
          !unitsOverlap(o.target.row, target.row) &&
          unitSetKey(o.target.row) !== unitSetKey(target.row),
      );
      if (!other) continue;
      out.push(
        makeFinding('subtask_shared', sub.at, {
          text: quote(sub.text),
          unit: target.units,
          otherUnit: other.target.units,
          otherCell: toA1(other.target.at),
        }),
      );
    }
  }
  return out;
}
