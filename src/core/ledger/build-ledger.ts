/**
 * Building the ledger sheet (任务台账) from a breakdown: one row per sub-task, the office columns filled,
 * the units' and the result columns left empty. Values only — the adapters add widths, formats, data
 * validation and prompts from `vocab/ledger-columns.ts`.
 */
import type { Breakdown, SubTask } from '../breakdown-model.ts';
import type { RawCell } from '../grid.ts';
import type { Person } from '../table-model.ts';
import {
  LEDGER_COLUMNS,
  LEDGER_SHEET_NAME,
  LEDGER_TITLE_NO_YEAR,
  LEDGER_TITLE_SUFFIX,
  type LedgerColumnKey,
  type LedgerRowShape,
} from '../vocab/ledger-columns.ts';
import {
  comparatorWord,
  indicatorLabel,
  isQuantified,
  joinIndicatorLabels,
  joinLedgerList,
  ledgerTarget,
} from './ledger-values.ts';

/** Row of the title (0-based, relative to the sheet's A1). */
export const LEDGER_TITLE_ROW = 0;
/** Row of the header. */
export const LEDGER_HEADER_ROW = 1;
/** Row of the first sub-task. */
export const LEDGER_FIRST_ROW = 2;

/** The ledger as values: a title row, the header row, then one row per sub-task. */
export interface LedgerSheet {
  readonly sheet: typeof LEDGER_SHEET_NAME;
  /** `2024年重点工作任务台账`: written in A1 so the plan year travels with the sheet. */
  readonly title: string;
  /** The headers of `LEDGER_COLUMNS`, in order. */
  readonly header: string[];
  /** One row per sub-task, parallel to `header`. */
  readonly rows: RawCell[][];
  /** Per row: `single` when its actual cells take one number, `list` when they take values joined with `、`. */
  readonly shapes: LedgerRowShape[];
  readonly planYear: number | null;
}

/** Column index of a key in `LEDGER_COLUMNS` (the sheet's column, 0-based from A). */
export function ledgerColumnIndex(key: LedgerColumnKey): number {
  return LEDGER_COLUMNS.findIndex((c) => c.key === key);
}

/** An owner as the 责任人 cell writes it, deputies in brackets as the table had them: `宋杰（宋海峰/亓子超）`. */
function ownerText(p: Person): string {
  if (p.deputies.length === 0) return p.display;
  return `${p.display}（${p.deputies.map((d) => d.display).join('/')}）`;
}

function rowOf(sub: SubTask): { cells: RawCell[]; shape: LedgerRowShape } {
  const quantified = sub.indicators.filter(isQuantified);
  const targets = quantified.map((ind) => ({ ind, target: ledgerTarget(ind) }));
  const values: Partial<Record<LedgerColumnKey, RawCell>> = {
    id: sub.id,
    unit: sub.units.join('、'),
    owner: sub.owners.map(ownerText).join('、'),
    text: sub.text,
    deadline: sub.deadline,
  };
  if (targets.length > 0) {
    values.indicator = joinIndicatorLabels(targets.map((t) => indicatorLabel(t.ind)));
    values.comparator = joinLedgerList(
      targets.map((t) => comparatorWord(t.ind.comparator)),
      true,
    );
    const only = targets.length === 1 ? targets[0]?.target : undefined;
    // One plain value is written as a number so that Excel right-aligns and sums it; lists and ranges as text.
    values.target =
      only && only.valueMax === null
        ? only.value
        : joinLedgerList(
            targets.map((t) => t.target?.text ?? ''),
            false,
          );
    const units = targets.map((t) => t.target?.unit ?? '');
    values.measureUnit = units.every((u) => u === '') ? null : joinLedgerList(units, true);
  }
  const cells = LEDGER_COLUMNS.map((c) => {
    const v = values[c.key];
    return v === undefined || v === '' ? null : v;
  });
  return { cells, shape: targets.length > 1 ? 'list' : 'single' };
}

/**
 * The ledger for a breakdown: title `2024年重点工作任务台账` (or `重点工作任务台账` without a plan year), the
 * header of `LEDGER_COLUMNS`, and a row per sub-task with 编号, 责任单位, 责任人, 子任务, the quantified
 * indicators (指标 `国家高新技术企业≥190家；科技型中小企业≥240家`, 比较 `≥`, 目标值 `190、240`, 计量单位 `家`) and
 * 完成时限 (ISO date). Target values are written in the unit the target text used (`200` 亿元, not 2e10 元).
 * @example buildLedger(breakdown).rows[0] → ['1.01', '区发改局', '陈学刚', '地区生产总值增长5.5%以上',
 *   '地区生产总值增长≥5.5%', '≥', 5.5, '%', null, null, …]
 */
export function buildLedger(breakdown: Breakdown): LedgerSheet {
  const rows: RawCell[][] = [];
  const shapes: LedgerRowShape[] = [];
  for (const sub of breakdown.subTasks) {
    const { cells, shape } = rowOf(sub);
    rows.push(cells);
    shapes.push(shape);
  }
  const planYear = breakdown.planYear;
  return {
    sheet: LEDGER_SHEET_NAME,
    title: planYear === null ? LEDGER_TITLE_NO_YEAR : `${planYear}${LEDGER_TITLE_SUFFIX}`,
    header: LEDGER_COLUMNS.map((c) => c.zh),
    rows,
    shapes,
    planYear,
  };
}

/** The whole sheet as rows from A1: the title, the header, the sub-task rows. */
export function ledgerCells(ledger: LedgerSheet): RawCell[][] {
  return [[ledger.title], [...ledger.header], ...ledger.rows.map((r) => [...r])];
}
