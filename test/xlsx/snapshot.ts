/**
 * A comparable picture of an exceljs workbook: every sheet's cells (value, formula, number format, fill,
 * font, border, alignment), merges, column widths, row heights, conditional formats, data validation, print
 * setup (page setup with print area and titles, header and footer), sheet properties (tab colour), views,
 * protection and state, plus the workbook's defined names. Two workbooks are "the same" for our purposes when
 * their snapshots are equal.
 */
import type ExcelJS from 'exceljs';
import { toA1Local } from '../../src/core/grid.ts';
import { extras } from '../../src/xlsx/exceljs-extras.ts';

/** JSON-able copy (drops undefined, sorts nothing). */
function plain(v: unknown): unknown {
  return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown);
}

/** Snapshot of one sheet; `skipCols` (0-based, inclusive ranges) leaves owned columns out. */
export function sheetSnapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = cell.style;
      const entry = {
        value: plain(cell.value),
        formula: (cell.formula as string | undefined) ?? null,
        numFmt: style.numFmt ?? null,
        fill: plain(style.fill),
        font: plain(style.font),
        border: plain(style.border),
        alignment: plain(style.alignment),
      };
      // A cell with nothing at all is not part of the picture (exceljs may keep such husks).
      if (
        entry.value === null &&
        entry.numFmt === null &&
        entry.fill === null &&
        entry.font === null &&
        entry.border === null &&
        entry.alignment === null
      )
        return;
      cells[cell.address] = entry;
    });
  });
  const widths: (number | null)[] = [];
  for (let c = 1; c <= 40; c++) widths.push(ws.getColumn(c).width ?? null);
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if ((row.height as number | undefined) !== undefined) heights[n] = row.height;
  });
  const dv = extras(ws).dataValidations.model;
  return {
    name: ws.name,
    state: ws.state,
    cells,
    // Each merged area with its extent (`A1:H1`), not just its top-left cell: a merge that shrank must show.
    merges: Object.values(extras(ws)._merges ?? {})
      .map(
        (m) =>
          `${toA1Local({ row: m.top - 1, col: m.left - 1 })}:${toA1Local({ row: m.bottom - 1, col: m.right - 1 })}`,
      )
      .sort(),
    widths,
    heights,
    // exceljs gives data bars a fresh random x14 id on every write (the link between a rule and its
    // extension); it is no property a user can see, so it is left out of the picture.
    conditionalFormats: JSON.parse(
      JSON.stringify(extras(ws).conditionalFormattings, (k, v: unknown) => (k === 'x14Id' ? undefined : v)),
    ) as unknown,
    dataValidations: plain(Object.fromEntries(Object.entries(dv).filter(([, v]) => v !== undefined))),
    pageSetup: plain(ws.pageSetup),
    headerFooter: plain(ws.headerFooter),
    properties: plain(ws.properties),
    views: plain(ws.views),
    protection: plain((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null),
  };
}

/** Snapshot of the whole workbook. */
export function workbookSnapshot(wb: ExcelJS.Workbook): Record<string, unknown> {
  return {
    sheets: wb.worksheets.map(sheetSnapshot),
    definedNames: plain(wb.definedNames.model),
  };
}
