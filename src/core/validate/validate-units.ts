/**
 * Unit (责任单位) checks: missing units, and units not in the roster sheet (责任单位名单) when there is one,
 * with the closest roster name as a suggestion.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { isCellError, type CellRef } from '../grid.ts';
import type { TaskRow } from '../table-model.ts';
import { cellText, compactKey, tidySpaces } from '../text/normalize.ts';
import { columnFor, rowCell, type ValidateContext } from './context.ts';
import { editDistance } from './edit-distance.ts';

/**
 * Any letter of any script; a unit cell without one (`/`, `—`) names no unit.
 * @example '区财政局' ✓  'ABC' ✓  '—' ✗  '' ✗
 */
const ANY_LETTER = /\p{L}/u;

/** Names longer than this are not compared by edit distance (their table would be large and useless). */
const MAX_COMPARED_LENGTH = 60;

interface RosterName {
  readonly display: string;
  readonly key: string;
}

/**
 * The roster name a unit most likely means, or null. Accepted when it is within ⌊length/4⌋ edits (at least
 * one), or when one name contains the other and the shorter has 3 characters or more (`财政局` ⊂
 * `泰山区财政局`). A tie between two roster names is no suggestion: guessing would mislead.
 */
export function closestRosterName(key: string, roster: readonly RosterName[]): string | null {
  if ([...key].length > MAX_COMPARED_LENGTH) return null;
  let best: RosterName | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of roster) {
    if ([...name.key].length > MAX_COMPARED_LENGTH) continue;
    const d = editDistance(key, name.key);
    const longer = Math.max([...key].length, [...name.key].length);
    const shorter = Math.min([...key].length, [...name.key].length);
    const contains = shorter >= 3 && (name.key.includes(key) || key.includes(name.key));
    if (d > Math.max(1, Math.floor(longer / 4)) && !contains) continue;
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best && !tie ? best.display : null;
}

function unitCellOf(ctx: ValidateContext, row: TaskRow): { at: CellRef; text: string; error: boolean } | null {
  if (row.unitCell) return { at: row.unitCell.at, text: row.unitCell.value, error: isCellError(row.unitCell.raw) };
  const cell = rowCell(ctx, row, 'unit');
  return cell ? { at: cell.at, text: cellText(cell.raw), error: isCellError(cell.raw) } : null;
}

/** Run the unit checks. */
export function checkUnits(ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  const hasUnitColumn = columnFor(ctx.table, 'unit') !== null;

  const roster: RosterName[] = [];
  const rosterKeys = new Set<string>();
  for (const name of ctx.roster ?? []) {
    const key = compactKey(name);
    if (key === '' || rosterKeys.has(key)) continue;
    rosterKeys.add(key);
    roster.push({ display: tidySpaces(name), key });
  }
  const suggestions = new Map<string, string | null>();

  for (const row of ctx.table.rows) {
    if (!hasUnitColumn && !row.unitCell) continue;
    const cell = unitCellOf(ctx, row);
    if (!cell || cell.error) continue; // error values are reported by the number checks
    if (row.units.length === 0) {
      if (!ANY_LETTER.test(cell.text)) out.push(makeFinding('unit_missing', cell.at));
      continue;
    }
    if (roster.length === 0) continue;
    for (const unit of row.units) {
      const key = compactKey(unit);
      if (key === '' || rosterKeys.has(key)) continue;
      let suggestion = suggestions.get(key);
      if (suggestion === undefined) {
        suggestion = closestRosterName(key, roster);
        suggestions.set(key, suggestion);
      }
      out.push(
        suggestion === null
          ? makeFinding('unit_not_in_roster', cell.at, { unit: tidySpaces(unit) })
          : makeFinding('unit_not_in_roster_near', cell.at, { unit: tidySpaces(unit), suggestion }),
      );
    }
  }
  return out;
}
