/**
 * Breaking a whole read table down: every long-layout task row through {@link breakDownTarget}, every
 * wide-layout record (one unit × one indicator group) into one sub-task whose indicator is the group with
 * the row's planned value.
 */
import type { Breakdown, Indicator, SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { CellRef, RawCell } from '../grid.ts';
import { isCellError } from '../grid.ts';
import type { ReadTable, TaskRow } from '../table-model.ts';
import { makeIndicator } from '../measure/written-unit.ts';
import { compactKey } from '../text/normalize.ts';
import { POST_COMPARATOR_WORDS, PRE_COMPARATOR_WORDS } from '../vocab/comparator-words.ts';
import { GROUP_LOWER_HINTS } from '../vocab/indicator-kind-words.ts';
import { MEASURE_UNITS, SCALE_WORDS } from '../vocab/measure-units.ts';
import { breakDownTargetInto, subTaskId } from './break-down-target.ts';
import { checkPlanYear, parseRowDeadline } from './deadlines.ts';
import { scaleDecimal } from './numbers.ts';
import { parseText } from './parse-text.ts';
import { findQuantities, numericKind, resolveComparator, type ResolvedComparator } from './quantities.ts';

/** Options of {@link breakDownTable}. */
export interface BreakDownTableOptions {
  /** Overrides the plan year read from the title. */
  readonly planYear?: number;
}

/**
 * A unit of measure written in a header, split into canonical unit and scale: `万元` → 元 × 10^4.
 * @example headerUnit('万元') → { unit: '元', exponent: 4 }; headerUnit('%') → { unit: '%', exponent: 0 }
 */
export function headerUnit(text: string | null): { unit: string | null; exponent: number } {
  if (text === null || text.trim() === '') return { unit: null, exponent: 0 };
  const t = compactKey(text);
  const direct = MEASURE_UNITS.find((u) => u.word === t);
  if (direct) return { unit: direct.canonical, exponent: 0 };
  for (const s of SCALE_WORDS) {
    if (t.startsWith(s.word)) {
      const rest = MEASURE_UNITS.find((u) => u.word === t.slice(s.word.length));
      if (rest) return { unit: rest.canonical, exponent: s.exponent };
    }
  }
  return { unit: t, exponent: 0 };
}

// A plain number typed as text in a plan cell, optionally signed.
// e.g. '7200' ✓; '-3.5' ✓; ' 68.1 ' ✓ (trimmed first); '7200人' ✗ (read as a quantity instead)
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function scaleNumber(n: number, exponent: number): number {
  if (exponent === 0) return n;
  const exact = n >= 0 ? scaleDecimal(String(n), exponent) : null;
  return exact ?? n * 10 ** exponent;
}

/** The kind hint written in a group name (`不良贷款率控制`, `粮食产量稳定在`). */
function groupHint(name: string): 'lower' | 'keep' | null {
  const key = compactKey(name);
  for (const w of [...PRE_COMPARATOR_WORDS, ...POST_COMPARATOR_WORDS]) {
    if (w.kind !== undefined && key.includes(w.word)) return w.kind;
  }
  if (GROUP_LOWER_HINTS.some((w) => key.includes(w))) return 'lower';
  return null;
}

/** The indicator of a wide-layout record, and a finding when its planned value cannot be read. */
function wideIndicator(
  table: ReadTable,
  row: TaskRow,
  serial: string,
): { indicator: Indicator; finding: Finding | null } {
  const name = row.group ?? row.target?.value ?? '';
  const group = table.groups.find((g) => g.name === row.group);
  const planField = row.fields.planValue;
  const planColumn = table.columns.find((c) => c.role === 'planValue');
  const header = headerUnit(group?.measureUnit ?? planColumn?.measureUnit ?? null);
  const raw: RawCell = planField?.raw ?? null;
  const hint = groupHint(name);
  const metric = name.trim();
  // The words the indicator is read from: the plan cell as written, else the group's name.
  const source = planField ? String(typeof raw === 'object' && raw !== null ? raw.error : (raw ?? '')) : name;
  const numeric = (
    value: number | null,
    valueMax: number | null,
    unit: string | null,
    r: ResolvedComparator,
  ): Indicator =>
    makeIndicator({
      metric,
      kind: numericKind(unit, r),
      comparator: r.comparator,
      value,
      valueMax,
      unit,
      text: source,
    });
  const plain: ResolvedComparator = {
    comparator: hint === 'lower' ? '<=' : hint === 'keep' ? '>=' : '=',
    ambiguous: false,
    hint,
  };
  const empty = makeIndicator({
    metric,
    kind: 'qualitative',
    comparator: null,
    value: null,
    valueMax: null,
    unit: header.unit,
    text: source,
  });
  if (raw === null || isCellError(raw)) return { indicator: empty, finding: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { indicator: empty, finding: null };
    return { indicator: numeric(scaleNumber(raw, header.exponent), null, header.unit, plain), finding: null };
  }
  const at: CellRef | undefined = planField?.at;
  const unreadable = (text: string): { indicator: Indicator; finding: Finding } => ({
    indicator: { ...empty, kind: 'cumulative' },
    finding: makeFinding('value_unreadable', at, { serial, text }),
  });
  if (typeof raw === 'boolean') return unreadable(raw ? 'TRUE' : 'FALSE');
  const text = raw.trim();
  if (text === '') return { indicator: empty, finding: null };
  const key = compactKey(text);
  if (PLAIN_NUMBER.test(key)) {
    return {
      indicator: numeric(scaleNumber(Number(key), header.exponent), null, header.unit, plain),
      finding: null,
    };
  }
  const q = findQuantities(parseText(text))[0];
  if (!q || q.unreadable) return unreadable(text);
  const r = resolveComparator(q);
  const resolved: ResolvedComparator = { ...r, hint: r.hint ?? hint };
  if (q.unit !== null) return { indicator: numeric(q.value, q.valueMax, q.unit, resolved), finding: null };
  const scale = (v: number | null): number | null => (v === null ? null : scaleNumber(v, header.exponent));
  return { indicator: numeric(scale(q.value), scale(q.valueMax), header.unit, resolved), finding: null };
}

/**
 * Break every task row of a read table into sub-tasks. The plan year is `options.planYear`, else the one
 * read from the title. The serial is the row's 序号, or its 1-based position among the rows when that is
 * missing. Findings are the breakdown's own (the table's stay on `table.findings`). Never throws for any
 * table content; throws `DubanError('invalid_argument')` for a plan year that is not an integer year.
 */
export function breakDownTable(table: ReadTable, options: BreakDownTableOptions = {}): Breakdown {
  const planYear = options.planYear ?? table.planYear;
  checkPlanYear(planYear);
  const subTasks: SubTask[] = [];
  const findings: Finding[] = [];
  // Wide layout: records of one sheet row share a serial and count up their sequence.
  const sheetRows: number[] = [];
  let lastWideRow = -1;
  let wideSeq = 0;
  table.rows.forEach((row, index) => {
    const written = row.serial ? compactKey(row.serial.value) : '';
    if (row.group !== null) {
      if (!sheetRows.includes(row.row)) sheetRows.push(row.row);
      const serial = written !== '' ? written : String(sheetRows.indexOf(row.row) + 1);
      wideSeq = row.row === lastWideRow ? wideSeq + 1 : 1;
      lastWideRow = row.row;
      const { indicator, finding } = wideIndicator(table, row, serial);
      if (finding) findings.push(finding);
      const deadlineField = row.fields.deadline;
      const deadline = parseRowDeadline(deadlineField?.raw, planYear);
      const id = subTaskId(serial, wideSeq);
      if (deadline.unreadable) {
        findings.push(makeFinding('deadline_unreadable', deadlineField?.at, { value: deadline.text ?? '' }));
      }
      if (deadline.needsDate) {
        findings.push(
          makeFinding('deadline_needs_date', deadlineField?.at, { id, deadline: deadline.text ?? '' }),
        );
      }
      const at: CellRef = row.fields.planValue?.at ??
        row.target?.at ??
        row.unitCell?.at ?? { sheet: table.sheet, row: row.row, col: 0 };
      subTasks.push({
        id,
        taskRow: row.row,
        seq: wideSeq,
        units: row.units,
        owners: row.owners,
        text: row.group.trim(),
        at,
        deadline: deadline.iso,
        deadlineText: deadline.iso !== null || deadline.needsDate ? deadline.text : null,
        indicators: [indicator],
      });
      return;
    }
    const target = row.target;
    if (target === null) return;
    const serial = written !== '' ? written : String(index + 1);
    const deadlineField = row.fields.deadline;
    breakDownTargetInto(
      target.value,
      {
        planYear,
        serial,
        at: target.at,
        units: row.units,
        owners: row.owners,
        taskRow: row.row,
        // Absent and undefined read the same; no spread of a temporary object for each of 10,000 rows.
        rowDeadline: deadlineField?.raw,
        rowDeadlineAt: deadlineField?.at,
      },
      subTasks,
      findings,
    );
  });
  return { table, planYear, subTasks, findings };
}
