/**
 * Unit (责任单位) checks: missing units, and units not in the roster sheet (责任单位名单) when there is one,
 * with the closest roster name as a suggestion.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { isCellError, type CellRef } from '../grid.ts';
import type { TaskRow } from '../table-model.ts';
import { cellText, compactKey, tidySpaces } from '../text/normalize.ts';
import { chars, columnFor, rowCell, type ValidateContext } from './context.ts';
import { editDistance } from './edit-distance.ts';

/**
 * Any letter of any script; a unit cell without one (`/`, `—`) names no unit.
 * @example '区财政局' ✓  'ABC' ✓  '—' ✗  '' ✗
 */
const ANY_LETTER = /\p{L}/u;

/** Names longer than this are not compared by edit distance (their table would be large and useless). */
const MAX_COMPARED_LENGTH = 60;

/** A roster entry: as written (tidied), its compact key and, when known, the key's length in characters. */
export interface RosterName {
  readonly display: string;
  readonly key: string;
  readonly length?: number;
}

/**
 * True when `short` abbreviates `long` the way unit names are shortened: at least 3 characters, the same
 * first and last character, and its characters appear in order in `long` (`区医保局` ← `区医疗保障局`,
 * `区发改局` ← `区发展和改革局`).
 */
export function isAbbreviation(short: string, long: string): boolean {
  const s = chars(short);
  const l = chars(long);
  if (s.length < 3 || s.length >= l.length || s[0] !== l[0] || s[s.length - 1] !== l[l.length - 1])
    return false;
  let i = 0;
  for (const ch of l) if (ch === s[i]) i++;
  return i >= s.length;
}

/**
 * The roster name a unit most likely means, or null. Accepted when it is within ⌊length/4⌋ edits (at least
 * one), when one name contains the other and the shorter has 3 characters or more (`财政局` ⊂
 * `泰山区财政局`), or when one abbreviates the other (`区医保局`, `区医疗保障局`); the fewest edits win. A tie
 * between two roster names is no suggestion: guessing would mislead.
 */
export function closestRosterName(key: string, roster: readonly RosterName[]): string | null {
  const keyLength = chars(key).length;
  if (keyLength > MAX_COMPARED_LENGTH) return null;
  let best: RosterName | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of roster) {
    const nameLength = name.length ?? chars(name.key).length;
    if (nameLength > MAX_COMPARED_LENGTH) continue;
    const threshold = Math.max(1, Math.floor(Math.max(keyLength, nameLength) / 4));
    const contains =
      Math.min(keyLength, nameLength) >= 3 && (name.key.includes(key) || key.includes(name.key));
    const abbreviated = isAbbreviation(key, name.key) || isAbbreviation(name.key, key);
    // The distance is at least the difference in length: skip the table when that alone rules a name out.
    if (Math.abs(keyLength - nameLength) > threshold && !contains && !abbreviated) continue;
    const d = editDistance(key, name.key);
    if (d > threshold && !contains && !abbreviated) continue;
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

function unitCellOf(
  ctx: ValidateContext,
  row: TaskRow,
): { at: CellRef; text: string; error: boolean } | null {
  if (row.unitCell)
    return { at: row.unitCell.at, text: row.unitCell.value, error: isCellError(row.unitCell.raw) };
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
    roster.push({ display: tidySpaces(name), key, length: chars(key).length });
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
      const key = ctx.key(unit);
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
