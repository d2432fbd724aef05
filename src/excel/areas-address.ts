/**
 * Parsing the A1 addresses Excel returns for ranges and range areas, e.g. the merged areas of a range:
 * `Sheet1!A1:B2,Sheet1!C5:D6` or `'任务 分解表'!A3:A5, '任务 分解表'!B3:B5`.
 */
import { DubanError } from '../core/errors.ts';
import { parseA1, type CellRange } from '../core/grid.ts';

/** Split on commas that are not inside a quoted sheet name (`'a,b'!A1,'a,b'!B2` → two parts). */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    // A doubled quote inside a quoted name ('O''Brien') toggles twice, which leaves the state unchanged.
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * One rectangle from an address with or without its sheet: `Sheet1!B3:C7`, `'任务 分解表'!A1`, `$B$3:$C$7`.
 * Throws `DubanError('host_failure')` when the host sent something that is not an address.
 */
export function parseRangeAddress(address: string): CellRange {
  // The local part follows the last '!': a sheet name may contain '!' only inside quotes before it.
  const local = address.slice(address.lastIndexOf('!') + 1).trim();
  const [from, to = from] = local.split(':');
  const a = from === undefined ? null : parseA1(from);
  const b = parseA1(to ?? '');
  if (!a || !b) {
    throw new DubanError('host_failure', `Excel returned an address that is not a cell range: ${address}`, {
      address,
    });
  }
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Every rectangle of a RangeAreas address, sorted top to bottom, then left to right.
 * @example parseAreasAddress("'任务 分解表'!A3:A5,'任务 分解表'!B3:C3")
 *   → [{ top: 2, left: 0, bottom: 4, right: 0 }, { top: 2, left: 1, bottom: 2, right: 2 }]
 */
export function parseAreasAddress(address: string): CellRange[] {
  return splitAreas(address)
    .map(parseRangeAddress)
    .sort((x, y) => x.top - y.top || x.left - y.left);
}
