/**
 * What merge writes: the taken values into the master ledger (values only, its formatting kept) and a
 * 合并记录 sheet — the source file of every merged row, what was refused and why, and the units that have
 * not returned. The log is the user's record, not an owned sheet: `clear` and a later score leave it.
 */
import { renderFinding } from '../findings/catalog.ts';
import { MERGE_LOG_CAPTIONS, MERGE_LOG_HEADERS, OWNED_SHEET_NAMES } from './labels.ts';
import type { MergeResult } from './merge-returns.ts';
import type { PlanCell, SheetPlan, WritePlan } from './plan-model.ts';
import { freeSheetName } from './plan-score.ts';
import { planValue, styled } from './plan-value.ts';

/** The merge log sheet. */
export function mergeLogSheet(result: MergeResult, name: string): SheetPlan {
  const cells: PlanCell[] = [];
  let r = 0;
  cells.push(styled(r++, 0, MERGE_LOG_CAPTIONS.merged, 'subtitle'));
  MERGE_LOG_HEADERS.forEach((h, c) => cells.push(styled(r, c, h, 'header')));
  const headerRow = r++;
  for (const m of result.merged) {
    [m.id, m.unit, m.file, m.modified, m.changed.join('、')].forEach((v, c) =>
      cells.push(planValue(r, c, v, { style: c === 4 ? 'bodyWrap' : 'body' })),
    );
    r++;
  }
  r++;
  cells.push(styled(r++, 0, MERGE_LOG_CAPTIONS.refused, 'subtitle'));
  const refusals = result.findings.filter((f) => f.code !== 'merge_not_returned');
  for (const f of refusals) {
    cells.push(planValue(r++, 0, renderFinding(f, 'zh').message, { style: 'note' }));
  }
  r++;
  cells.push(styled(r++, 0, MERGE_LOG_CAPTIONS.missing, 'subtitle'));
  for (const m of result.missingUnits) {
    cells.push(planValue(r, 0, m.unit, { style: 'body' }));
    cells.push(planValue(r, 1, `${m.tasks}项任务`, { style: 'body' }));
    r++;
  }
  return {
    name,
    visibility: 'visible',
    owned: false,
    cells,
    widths: [10, 22, 44, 18, 40].map((width, col) => ({ col, width })),
    merges: [],
    frozenRows: headerRow + 1,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    validations: [],
  };
}

/** Plan the merge's writes into the master workbook. */
export function planMergeWrites(
  result: MergeResult,
  masterSheet: string,
  sheetNames: readonly string[],
): WritePlan {
  return {
    replaceOwned: false,
    sheets: [mergeLogSheet(result, freeSheetName(OWNED_SHEET_NAMES.mergeLog, sheetNames))],
    columns: [],
    updates: [{ sheet: masterSheet, cells: result.updates }],
    conditionalFormats: [],
    settings: null,
  };
}
