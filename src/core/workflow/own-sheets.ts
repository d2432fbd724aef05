/**
 * Sheets the add-in wrote itself and that are never taken for the user's table: 评分排名, 通报, 校验 and the
 * settings sheet, also under the `名(2)` name a clash gives them.
 */
import { OWNED_SHEET_NAMES } from '../write-plan/labels.ts';
import { SETTINGS_SHEET_NAME } from '../write-plan/owned-settings.ts';

const OWNED = [
  OWNED_SHEET_NAMES.ranking,
  OWNED_SHEET_NAMES.circular,
  OWNED_SHEET_NAMES.findings,
  SETTINGS_SHEET_NAME,
] as const;

/**
 * True for one of our sheet names.
 * @example isOwnedSheetName('通报') === true; isOwnedSheetName('通报(2)') === true
 * @example isOwnedSheetName('通报表扬') === false; isOwnedSheetName('通报(二)') === false
 */
export function isOwnedSheetName(name: string): boolean {
  return OWNED.some((o) => {
    if (name === o) return true;
    if (!name.startsWith(`${o}(`) || !name.endsWith(')')) return false;
    const n = name.slice(o.length + 1, -1);
    return n !== '' && Array.from(n).every((ch) => ch >= '0' && ch <= '9');
  });
}
