/**
 * What reading a responsibility table (分解表) produces: the detected layout, the column mapping with the
 * header cell each role was recognised from, and one record per task row — every value with its cell.
 */
import type { Finding } from './findings.ts';
import type { CellRef, RawCell } from './grid.ts';

/**
 * The meaning of a column. Vocabulary for each lives in `vocab/header-synonyms.ts`.
 * `leader` is a 责任领导/分管领导 column and `contact` a 联系人/联络员 column when the table also has a
 * 责任人 column; otherwise such a column is read as `owner`.
 */
export type ColumnRole =
  | 'serial'
  | 'unit'
  | 'coUnit'
  | 'target'
  | 'owner'
  | 'leader'
  | 'contact'
  | 'deadline'
  | 'planValue'
  | 'actual'
  | 'completionRate'
  | 'progress'
  | 'remark'
  | 'category'
  | 'weight';

/** Every column role, in the order of a typical table, left to right (drop-downs, checks of stored mappings). */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  'serial',
  'unit',
  'coUnit',
  'target',
  'owner',
  'leader',
  'contact',
  'deadline',
  'planValue',
  'actual',
  'completionRate',
  'progress',
  'remark',
  'category',
  'weight',
];

/** A column recognised in the header. */
export interface ColumnMapping {
  readonly role: ColumnRole;
  /** Absolute 0-based column. */
  readonly col: number;
  /** The header cell it was recognised from. */
  readonly header: CellRef;
  /** The header text as written (before normalisation). */
  readonly headerText: string;
  /** A unit of measure written in the header, e.g. `人` from `城镇新增就业(人)`, `%` from `完成目标(%)`. */
  readonly measureUnit: string | null;
}

/** A user's correction of the mapping: role → absolute column (or null to drop a detected role). */
export type ColumnOverride = Partial<Record<ColumnRole, number | null>>;

/** A value with the cell it came from (for merged cells: the merge's top-left cell) and its raw form. */
export interface Located<T> {
  readonly value: T;
  readonly at: CellRef;
  readonly raw: RawCell;
}

/** A person (or a role such as `各产业链组长`) named as owner. */
export interface Person {
  /** As written, trimmed (inner spaces kept: `周\u3000栋`). */
  readonly display: string;
  /** For comparison: NFKC, all whitespace removed (`周栋`). */
  readonly key: string;
  /** Deputies written in brackets: `宋杰（宋海峰/亓子超）`. */
  readonly deputies: readonly Person[];
  /** True for a role or post rather than a person's name. */
  readonly isRole: boolean;
}

/** One task row of the table (for the wide layout: one unit × one indicator group). */
export interface TaskRow {
  /** Absolute 0-based sheet row. */
  readonly row: number;
  readonly serial: Located<string> | null;
  /** Lead units, normalised for comparison and display (`区财政局、区税务局` → two). */
  readonly units: readonly string[];
  readonly unitCell: Located<string> | null;
  readonly coUnits: readonly string[];
  readonly owners: readonly Person[];
  readonly ownerCell: Located<string> | null;
  /** The target text (目标任务); for the wide layout the indicator group's name. */
  readonly target: Located<string> | null;
  /** Every mapped cell of this row, merge-filled, keyed by role. */
  readonly fields: Readonly<Partial<Record<ColumnRole, Located<RawCell>>>>;
  readonly category: string | null;
  /** Wide layout: the indicator group this record stands for. */
  readonly group: string | null;
}

/** An indicator group of a wide/matrix table: the name above its 目标任务 / 进度 / 完成比例 sub-columns. */
export interface IndicatorGroup {
  readonly name: string;
  readonly header: CellRef;
  readonly measureUnit: string | null;
  readonly planCol: number | null;
  readonly actualCol: number | null;
  readonly ratioCol: number | null;
}

/** A table read from a grid. */
export interface ReadTable {
  readonly sheet: string;
  readonly layout: 'long' | 'wide';
  /** Absolute row of the (first) header row. */
  readonly headerRow: number;
  /** 1, or 2 for a two-level header. */
  readonly headerRowCount: number;
  readonly columns: readonly ColumnMapping[];
  readonly groups: readonly IndicatorGroup[];
  readonly rows: readonly TaskRow[];
  /** Total rows (全市, 合计, 总计): kept for checks, never treated as units. */
  readonly totals: readonly TaskRow[];
  /** Text above the header (title, 附件 line), joined. */
  readonly title: string | null;
  /** Plan year found in the title (`2024年…`), or null. */
  readonly planYear: number | null;
  readonly findings: readonly Finding[];
}
