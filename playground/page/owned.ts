/**
 * The add-in's settings as the playground's grid needs them: which columns and sheets it owns, read from the
 * settings sheet in the fake's snapshot with the core's own parser (so the grid marks exactly what 清除
 * would remove).
 */
import type { Grid, RawCell } from '../../src/core/grid.ts';
import {
  parseSettingsGrid,
  SETTINGS_SHEET_NAME,
  type DubanSettings,
} from '../../src/core/write-plan/owned-settings.ts';
import type { FakeSnapshot } from '../../test/fake-excel/fake-snapshot.ts';

/** The settings document stored in the workbook, or null when there is none (or it is not ours). */
export function settingsOf(snapshot: FakeSnapshot): DubanSettings | null {
  const sheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
  if (!sheet) return null;
  // The document lives in column A (A1 the marker, A2… the JSON in pieces).
  const cells: RawCell[][] = [];
  for (let row = 1; ; row++) {
    const value = sheet.values[`A${String(row)}`];
    if (value === undefined) break;
    cells.push([value]);
  }
  const grid: Grid = { sheet: sheet.name, origin: { row: 0, col: 0 }, cells };
  return parseSettingsGrid(grid);
}
