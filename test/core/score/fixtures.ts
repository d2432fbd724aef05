/**
 * Hand-built inputs for score tests: sub-tasks with indicators as breakdown would produce them, and located
 * cells on a ledger sheet. Nothing here is computed by the code under test.
 */
import type { Comparator, Indicator, IndicatorKind, SubTask } from '../../../src/core/breakdown-model.ts';
import type { CellRef, RawCell } from '../../../src/core/grid.ts';
import type { Located, Person } from '../../../src/core/table-model.ts';
import { makeIndicator } from '../../../src/core/measure/written-unit.ts';

/** The ledger sheet the fixtures' cells are on. */
export const SHEET = '台账';

/** A cell reference from an A1-like row/col pair (0-based). */
export function ref(row: number, col: number, sheet = SHEET): CellRef {
  return { sheet, row, col };
}

/** A located raw cell. */
export function cell(value: RawCell, row = 1, col = 5): Located<RawCell> {
  return { value, raw: value, at: ref(row, col) };
}

/** A located text cell. */
export function textCell(value: string, row = 1, col = 6): Located<string> {
  return { value, raw: value, at: ref(row, col) };
}

/** A person as the table reader would produce it. */
export function person(display: string): Person {
  // Every space removed, as the table reader keys names: '周\u3000栋' → '周栋'; 'A B' → 'AB'; '张三' unchanged.
  return { display, key: display.replace(/\s|\u3000/g, ''), deputies: [], isRole: false };
}

/** An indicator. */
export function indicator(
  kind: IndicatorKind,
  value: number | null,
  unit: string | null,
  text: string,
  comparator: Comparator | null = kind === 'lower_is_better' ? '<=' : kind === 'approximate' ? '~' : '>=',
  metric = text,
): Indicator {
  return makeIndicator({ metric, kind, comparator, value, valueMax: null, unit, text });
}

/** A sub-task with defaults for everything not given. */
export function subTask(
  id: string,
  indicators: readonly Indicator[],
  opts: {
    units?: readonly string[];
    owners?: readonly string[];
    text?: string;
    deadline?: string | null;
    deadlineText?: string | null;
    taskRow?: number;
  } = {},
): SubTask {
  const taskRow = opts.taskRow ?? 2;
  return {
    id,
    taskRow,
    seq: 1,
    units: opts.units ?? ['区人社局'],
    owners: (opts.owners ?? ['张三']).map(person),
    text: opts.text ?? indicators.map((i) => i.text).join('，'),
    at: ref(taskRow, 2, '分解表'),
    deadline: opts.deadline ?? null,
    deadlineText: opts.deadlineText ?? null,
    indicators,
  };
}
