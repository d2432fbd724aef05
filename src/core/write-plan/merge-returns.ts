/**
 * Merging the units' returned copies of the ledger back into the master, by task id. Pure: the caller reads
 * the files; this decides which cells change and why others do not.
 *
 * Rules:
 * - A file is ours when it carries the settings written by split (`unitReturn`: the unit it was made for) and
 *   its ledger sheet has a ledger header. Anything else is refused as a whole (`merge_not_ours`).
 * - Only the units' columns (quarterly actuals and statuses, 进展情况) are taken. A row whose target columns
 *   (子任务, 指标, 比较, 目标值, 计量单位, 完成时限) differ from the master is refused (`merge_target_changed`);
 *   so is a row whose task belongs to another unit (`merge_other_unit`) or whose id the master lacks.
 * - A progress text over the limit is refused on its own (`merge_text_too_long`); the row's figures are taken.
 * - Files are applied oldest first (by modification time, then name), so the newer wins where two returns
 *   disagree; a unit with several files and a task whose value was overwritten are both reported.
 * - Units named in the master that returned nothing are listed (`merge_not_returned`).
 * - The master's formatting is not touched: updates are values only.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { cellAt, refOn, toA1Local, type Grid, type RawCell } from '../grid.ts';
import { findLedgerHeader, type LedgerHeader } from '../ledger/ledger-header.ts';
import { cellText, charCount, compactKey } from '../text/normalize.ts';
import { LEDGER_COLUMNS, LEDGER_PROGRESS_LIMIT, type LedgerColumnKey } from '../vocab/ledger-columns.ts';
import type { PlanCell } from './plan-model.ts';
import { planValue } from './plan-value.ts';
import type { DubanSettings } from './owned-settings.ts';
import { rowUnits } from './plan-split.ts';

/** One returned file as read by the caller. */
export interface ReturnedFile {
  /** The file's name as shown to the user (`2024年重点工作任务台账-区发改局.xlsx`). */
  readonly file: string;
  /** Modification time in milliseconds (orders duplicates: the newer wins). */
  readonly mtimeMs: number;
  /** Modification time as shown in the merge log (`2024-07-05 09:12`). */
  readonly modified: string;
  /** The settings found in the file, null when it has none. */
  readonly settings: DubanSettings | null;
  /** The ledger sheet named by the settings (or the first ledger-looking sheet), null when none. */
  readonly ledger: Grid | null;
}

/** Input of {@link mergeReturns}. */
export interface MergeInput {
  readonly master: Grid;
  readonly header: LedgerHeader;
  readonly returns: readonly ReturnedFile[];
  /** Longest progress text taken (default 200). */
  readonly progressLimit?: number;
}

/** A row taken from a return. */
export interface MergedRow {
  readonly id: string;
  readonly unit: string;
  readonly file: string;
  readonly modified: string;
  /** Absolute row in the master. */
  readonly row: number;
  /** Master cells changed by this file (A1 without sheet), in column order. */
  readonly changed: readonly string[];
}

/** What merging decided. */
export interface MergeResult {
  /** Values to write into the master ledger sheet (final values: a newer file's win). */
  readonly updates: readonly PlanCell[];
  /** Every row taken, per file, in the order applied. */
  readonly merged: readonly MergedRow[];
  readonly findings: readonly Finding[];
  /** Units named in the master that returned nothing, in master order, with their task counts. */
  readonly missingUnits: readonly { readonly unit: string; readonly tasks: number }[];
  /** Files refused as a whole. */
  readonly refusedFiles: readonly string[];
}

/** Columns a unit fills in. */
const UNIT_KEYS: readonly LedgerColumnKey[] = LEDGER_COLUMNS.filter((c) => c.filler === 'unit').map(
  (c) => c.key,
);

/** Columns that define the target: a return must leave them as the master has them. */
const TARGET_KEYS: readonly LedgerColumnKey[] = [
  'text',
  'indicator',
  'comparator',
  'target',
  'measureUnit',
  'deadline',
];

function headerText(key: LedgerColumnKey): string {
  return LEDGER_COLUMNS.find((c) => c.key === key)?.zh ?? key;
}

/** A cell's value for comparison: numbers as shortest text, text trimmed, blanks and errors as text. */
function comparable(raw: RawCell): string {
  if (typeof raw === 'number') return String(Number(raw.toPrecision(12)));
  return cellText(raw).trim();
}

function idText(raw: RawCell): string {
  return typeof raw === 'number' ? String(raw) : cellText(raw).trim();
}

interface MasterRow {
  readonly row: number;
  readonly units: readonly string[];
}

function masterIndex(master: Grid, header: LedgerHeader): Map<string, MasterRow> {
  const idCol = header.columns.get('id');
  const unitCol = header.columns.get('unit');
  const out = new Map<string, MasterRow>();
  if (idCol === undefined) return out;
  const last = master.origin.row + master.cells.length - 1;
  for (let r = header.headerRow + 1; r <= last; r++) {
    const id = idText(cellAt(master, r, idCol));
    if (id === '' || out.has(id)) continue;
    out.set(id, { row: r, units: unitCol === undefined ? [] : rowUnits(cellAt(master, r, unitCol)) });
  }
  return out;
}

/** Order of application: oldest first, then by name (stable and independent of argument order). */
function byAge(a: ReturnedFile, b: ReturnedFile): number {
  if (a.mtimeMs !== b.mtimeMs) return a.mtimeMs - b.mtimeMs;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Merge the returns into the master. Never throws for any input. */
export function mergeReturns(input: MergeInput): MergeResult {
  const { master, header } = input;
  const limit = input.progressLimit ?? LEDGER_PROGRESS_LIMIT;
  const findings: Finding[] = [];
  const index = masterIndex(master, header);
  const files = [...input.returns].sort(byAge);
  // Final value and the file that wrote it, per master cell.
  const writes = new Map<string, { cell: PlanCell; file: string; id: string }>();
  const merged: MergedRow[] = [];
  const refusedFiles: string[] = [];
  const returnedBy = new Map<string, string[]>(); // unit key → files, oldest first
  const reportedOverwrite = new Set<string>();

  for (const ret of files) {
    const mark = ret.settings?.unitReturn;
    const grid = ret.ledger;
    const retHeader = grid ? findLedgerHeader(grid) : null;
    if (!mark || !grid || !retHeader || !retHeader.columns.has('id')) {
      findings.push(makeFinding('merge_not_ours', undefined, { file: ret.file }));
      refusedFiles.push(ret.file);
      continue;
    }
    const unitKey = compactKey(mark.unit);
    const earlier = returnedBy.get(unitKey) ?? [];
    const older = earlier[earlier.length - 1];
    if (older !== undefined) {
      findings.push(
        makeFinding('merge_duplicate_return', undefined, { unit: mark.unit, older, newer: ret.file }),
      );
    }
    returnedBy.set(unitKey, [...earlier, ret.file]);
    const idCol = retHeader.columns.get('id') ?? 0;
    const last = grid.origin.row + grid.cells.length - 1;
    for (let r = retHeader.headerRow + 1; r <= last; r++) {
      const id = idText(cellAt(grid, r, idCol));
      if (id === '') continue;
      const at = refOn(grid, r, idCol);
      const target = index.get(id);
      if (!target) {
        findings.push(makeFinding('merge_unknown_id', at, { file: ret.file, id }));
        continue;
      }
      if (!target.units.some((u) => compactKey(u) === unitKey)) {
        findings.push(
          makeFinding('merge_other_unit', at, {
            file: ret.file,
            id,
            owner: target.units.join('、'),
            unit: mark.unit,
          }),
        );
        continue;
      }
      let changedTarget = false;
      for (const key of TARGET_KEYS) {
        const mc = header.columns.get(key);
        const rc = retHeader.columns.get(key);
        if (mc === undefined || rc === undefined) continue;
        const was = comparable(cellAt(master, target.row, mc));
        const now = comparable(cellAt(grid, r, rc));
        if (was !== now) {
          findings.push(
            makeFinding('merge_target_changed', refOn(grid, r, rc), {
              file: ret.file,
              id,
              column: headerText(key),
              was,
              now,
            }),
          );
          changedTarget = true;
          break;
        }
      }
      if (changedTarget) continue;
      const changed: string[] = [];
      for (const key of UNIT_KEYS) {
        const mc = header.columns.get(key);
        const rc = retHeader.columns.get(key);
        if (mc === undefined || rc === undefined) continue;
        const value = cellAt(grid, r, rc);
        if (key === 'progress') {
          const length = charCount(cellText(value).trim());
          if (length > limit) {
            findings.push(
              makeFinding('merge_text_too_long', refOn(grid, r, rc), {
                file: ret.file,
                id,
                length,
                max: limit,
              }),
            );
            continue;
          }
        }
        const cellKey = `${target.row}:${mc}`;
        const prior = writes.get(cellKey);
        const current = prior ? comparable(prior.cell.value) : comparable(cellAt(master, target.row, mc));
        if (comparable(value) === current) continue;
        if (prior && prior.file !== ret.file && !reportedOverwrite.has(`${id}|${prior.file}|${ret.file}`)) {
          reportedOverwrite.add(`${id}|${prior.file}|${ret.file}`);
          findings.push(
            makeFinding('merge_task_overwritten', refOn(master, target.row, mc), {
              id,
              older: prior.file,
              newer: ret.file,
            }),
          );
        }
        const text = typeof value === 'string' ? value.trim() : value;
        writes.set(cellKey, {
          cell: planValue(target.row, mc, text === '' ? null : text),
          file: ret.file,
          id,
        });
        changed.push(toA1Local({ row: target.row, col: mc }));
      }
      merged.push({ id, unit: mark.unit, file: ret.file, modified: ret.modified, row: target.row, changed });
    }
  }

  // Units named in the master that no accepted file was made for.
  const counts = new Map<string, { unit: string; tasks: number }>();
  for (const m of index.values()) {
    for (const u of m.units) {
      const key = compactKey(u);
      const entry = counts.get(key) ?? { unit: u, tasks: 0 };
      entry.tasks++;
      counts.set(key, entry);
    }
  }
  const missingUnits = [...counts.entries()].filter(([key]) => !returnedBy.has(key)).map(([, v]) => v);
  for (const m of missingUnits) {
    findings.push(makeFinding('merge_not_returned', undefined, { unit: m.unit, count: m.tasks }));
  }
  const updates = [...writes.values()].map((w) => w.cell).sort((a, b) => a.row - b.row || a.col - b.col);
  return { updates, merged, findings, missingUnits, refusedFiles };
}
