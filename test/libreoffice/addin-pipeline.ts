/**
 * The add-in's whole run over the strict fake Excel, for the end-to-end check through LibreOffice
 * (issue 6 §4): the seed table loaded into the fake, broken down into 任务台账 by the session, the units'
 * sample returns typed into the ledger through the Excel API (as a unit or another tool would), scored (the
 * ledger and, beside it, the table's rows), exported to .xlsx, and cleared again. Every stage leaves a snapshot behind for the tests to compare.
 */
import path from 'node:path';
import { cellText } from '../../src/core/text/normalize.ts';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAME } from '../../src/core/vocab/ledger-columns.ts';
import { createExcelSession } from '../../src/excel/excel-session.ts';
import type { ExcelHost } from '../../src/excel/office-workbook.ts';
import type {
  BreakdownOutcome,
  ClearOutcome,
  DubanSession,
  ScoreOutcome,
} from '../../src/excel/session-api.ts';
import { loadSampleProgress, type SampleProgress } from '../../scripts/build-sample-ledger.ts';
import '../fake-excel/export-xlsx.ts';
import type { FakeExcel, FakeRequestContext, FakeSnapshot } from '../fake-excel/fake-excel.ts';
import { createFakeExcelFromXlsx } from '../fake-excel/from-xlsx.ts';

/** The repository's root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The seed responsibility table (sheet 分解表). */
export const SEED_TABLE_PATH = path.join(REPO_ROOT, 'seeds/taishan-2024.xlsx');

/** The seed table's sheet. */
export const TABLE_SHEET = '分解表';

/** The as-of date the sample returns are meant for. */
export const AS_OF = '2024-06-30';

/** The first sub-task row of the ledger breakdown writes, 1-based as in A1 names (row 1 title, row 2 header). */
export const FIRST_SUBTASK_ROW = 3;

/** The ledger's columns units fill in (一季度完成值 … 进展情况), in sheet order, with their 0-based index. */
export const UNIT_COLUMNS = LEDGER_COLUMNS.map((column, index) => ({ column, index })).filter(
  (c) => c.column.filler === 'unit',
);

/** What one run of {@link runAddinPipeline} leaves behind. */
export interface AddinRun {
  readonly fake: FakeExcel;
  readonly session: DubanSession;
  /** The seed as loaded, before anything ran. */
  readonly before: FakeSnapshot;
  readonly breakdown: BreakdownOutcome;
  /** After breakdown, before the units filled anything in. */
  readonly brokenDown: FakeSnapshot;
  /** The sub-task ids down column A of the ledger, from its first sub-task row on. */
  readonly ids: readonly string[];
  /** After the units' returns were typed in (what clear must give back). */
  readonly filled: FakeSnapshot;
  readonly score: ScoreOutcome;
  readonly scored: FakeSnapshot;
  /**
   * The fill Excel would show in the scored ledger, by sub-task id: in column A (编号) and column V (说明),
   * read with `fake.effectiveFill` before clear took the rules away.
   */
  readonly ledgerFills: ReadonlyMap<string, { readonly first: string | null; readonly last: string | null }>;
  /** The fill Excel would show on the ledger's header row, column A. */
  readonly headerFill: string | null;
  /**
   * The fill Excel would show in the scored 分解表, by 0-based row: in column A (序号) and column H (our 说明,
   * the last of the four result columns scoring adds right of D), read before clear took the rules away.
   */
  readonly tableFills: ReadonlyMap<number, { readonly first: string | null; readonly last: string | null }>;
  /** `fake.exportXlsx()` of the scored document. */
  readonly exported: Buffer;
  readonly clear: ClearOutcome;
  readonly cleared: FakeSnapshot;
}

/** The sub-task ids in column A of the ledger (as text), read through the Excel API like any other tool. */
async function readLedgerIds(fake: FakeExcel): Promise<string[]> {
  return fake.Excel.run(async (context: FakeRequestContext) => {
    const used = context.workbook.worksheets.getItem(LEDGER_SHEET_NAME).getUsedRange(true);
    used.load(['values', 'rowIndex', 'columnIndex']);
    await context.sync();
    if (used.columnIndex !== 0) throw new Error(`${LEDGER_SHEET_NAME}: column A is empty`);
    return used.values
      .slice(FIRST_SUBTASK_ROW - 1 - used.rowIndex)
      .map((row) => cellText(row[0] ?? null).trim());
  });
}

/**
 * Type the sample returns into the ledger's units' columns (J…R) with one `Range.values` write, the way
 * `scripts/build-sample-ledger.ts` maps them (`fillLedger`): each entry's keys are ledger column keys, the
 * row is the one whose 编号 is the entry's id; cells an entry does not name are left alone (`null`).
 * Throws for an id the ledger does not have, so a stale sample cannot silently drop returns.
 */
export async function typeSampleReturns(
  fake: FakeExcel,
  ids: readonly string[],
  sample: SampleProgress,
): Promise<void> {
  const first = UNIT_COLUMNS[0]?.index ?? -1;
  const last = UNIT_COLUMNS[UNIT_COLUMNS.length - 1]?.index ?? -1;
  if (first < 0 || last - first + 1 !== UNIT_COLUMNS.length) {
    throw new Error('the units’ columns of the ledger are not side by side');
  }
  const rowOf = new Map(ids.map((id, i) => [id, i]));
  const rows: (string | number | null)[][] = ids.map(() => UNIT_COLUMNS.map(() => null));
  for (const [id, entry] of Object.entries(sample.progress)) {
    const row = rows[rowOf.get(id) ?? -1];
    if (!row) throw new Error(`sample progress: no sub-task ${id} in ${LEDGER_SHEET_NAME}`);
    for (const [key, value] of Object.entries(entry)) {
      const at = UNIT_COLUMNS.findIndex((c) => c.column.key === key);
      if (at < 0) throw new Error(`sample progress: ${id}.${key} is not a units’ column`);
      row[at] = value;
    }
  }
  await fake.Excel.run(async (context: FakeRequestContext) => {
    const ws = context.workbook.worksheets.getItem(LEDGER_SHEET_NAME);
    ws.getRangeByIndexes(FIRST_SUBTASK_ROW - 1, first, rows.length, UNIT_COLUMNS.length).values = rows;
    await context.sync();
  });
}

/**
 * The seed table through the add-in: load → breakdown → the units' returns → score (as of 2024-06-30,
 * writing) → export → clear. Throws when a step reports `ok: false`, with the session's message.
 */
export async function runAddinPipeline(): Promise<AddinRun> {
  const fake = await createFakeExcelFromXlsx(SEED_TABLE_PATH);
  const session = createExcelSession(fake.Excel as unknown as ExcelHost, fake.requirements, 'zh', {
    retryDelaysMs: [0, 0, 0],
    today: () => AS_OF,
  });
  const before = fake.snapshot();
  const breakdown = await session.breakdown({});
  if (!breakdown.ok) throw new Error(`breakdown: ${breakdown.problem.message}`);
  const brokenDown = fake.snapshot();
  const ids = await readLedgerIds(fake);
  await typeSampleReturns(fake, ids, await loadSampleProgress());
  const filled = fake.snapshot();
  const score = await session.score({ asOf: AS_OF }, true);
  if (!score.ok) throw new Error(`score: ${score.problem.message}`);
  const scored = fake.snapshot();
  const lastCol = LEDGER_COLUMNS.length - 1;
  const ledgerFills = new Map(
    ids.map((id, i) => [
      id,
      {
        first: fake.effectiveFill(LEDGER_SHEET_NAME, FIRST_SUBTASK_ROW - 1 + i, 0),
        last: fake.effectiveFill(LEDGER_SHEET_NAME, FIRST_SUBTASK_ROW - 1 + i, lastCol),
      },
    ]),
  );
  const headerFill = fake.effectiveFill(LEDGER_SHEET_NAME, FIRST_SUBTASK_ROW - 2, 0);
  // 分解表: header on row 3, the 52 task rows on rows 4–55 (0-based 3–54); columns A…D, ours E…H.
  const tableFills = new Map(
    Array.from({ length: 53 }, (_, i) => i + 2).map((row) => [
      row,
      { first: fake.effectiveFill(TABLE_SHEET, row, 0), last: fake.effectiveFill(TABLE_SHEET, row, 7) },
    ]),
  );
  const exported = await fake.exportXlsx();
  const clear = await session.clear();
  const cleared = fake.snapshot();
  return {
    fake,
    session,
    before,
    breakdown,
    brokenDown,
    ids,
    filled,
    score,
    scored,
    ledgerFills,
    headerFill,
    tableFills,
    exported,
    clear,
    cleared,
  };
}
