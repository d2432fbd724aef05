/**
 * The ledger sheet (任务台账): one row per sub-task after breakdown. This table is its whole definition —
 * column order, headers in both languages, widths, who fills each column, number formats and the data
 * validation (with its Chinese input prompt) the adapters put on the cells units fill in.
 *
 * Layout written by `buildLedger` (`core/ledger/build-ledger.ts`): row 1 a title naming the plan year
 * (`2024年重点工作任务台账`), row 2 the header below, then one row per sub-task. `readLedger` recognises the
 * sheet by these headers (compared without spaces), wherever the header row is in the first rows.
 *
 * A sub-task with several quantified indicators stays ONE row: 指标 lists them
 * (`国家高新技术企业≥190家；科技型中小企业≥240家`), 比较 / 目标值 / 计量单位 list their comparators, values
 * and units joined with `、` in the same order (`≥`, `190、240`, `家`), and a unit reports the actuals in
 * that order joined with `、` (`195、250`). One 计量单位 applies to every value when only one is written.
 */

/** Who fills a column: the supervision office (breakdown), the responsible unit, or our scoring. */
export type LedgerFiller = 'office' | 'unit' | 'result';

/** The columns, by key. Quarter columns are `q1Actual` … `q4Status`. */
export type LedgerColumnKey =
  | 'id'
  | 'unit'
  | 'owner'
  | 'text'
  | 'indicator'
  | 'comparator'
  | 'target'
  | 'measureUnit'
  | 'deadline'
  | 'q1Actual'
  | 'q1Status'
  | 'q2Actual'
  | 'q2Status'
  | 'q3Actual'
  | 'q3Status'
  | 'q4Actual'
  | 'q4Status'
  | 'progress'
  | 'completion'
  | 'timeProgress'
  | 'status'
  | 'explanation';

/**
 * How adapters format a column's data cells: `text` = the `@` format (so `1.10` stays `1.10`, not 1.1),
 * `percent` = `0.0%` (values are ratios), `wrap` = general, wrapped text; null = general.
 */
export type LedgerCellFormat = 'text' | 'percent' | 'wrap' | null;

/**
 * Data validation on a column's data cells (the cells units fill in).
 * - `list`: a drop-down of `choices` (status words);
 * - `textLength`: at most `max` characters (进展情况);
 * - `actual`: a number on rows whose sub-task has at most one quantified indicator; free text on rows with
 *   several (the values joined with `、`) — the adapter picks per row, from {@link LedgerRowShape}.
 */
export type LedgerValidation =
  | { readonly kind: 'list'; readonly choices: readonly string[] }
  | { readonly kind: 'textLength'; readonly max: number }
  | { readonly kind: 'actual' };

/** An input prompt shown when the cell is selected (Excel: title ≤ 32 characters, text ≤ 255). */
export interface LedgerPrompt {
  readonly title: string;
  readonly text: string;
}

/** One column of the ledger. */
export interface LedgerColumn {
  readonly key: LedgerColumnKey;
  /** The header written in the sheet and recognised when reading it back. */
  readonly zh: string;
  /** The header's English name (JSON, help, English UI). */
  readonly en: string;
  /** Column width in Excel character units. */
  readonly width: number;
  readonly filler: LedgerFiller;
  readonly format: LedgerCellFormat;
  /** The quarter (1–4) of a quarterly column. */
  readonly quarter?: 1 | 2 | 3 | 4;
  readonly validation?: LedgerValidation;
  /** Chinese input prompt for data validation (every column units fill in has one). */
  readonly prompt?: LedgerPrompt;
}

/** The sheet name. */
export const LEDGER_SHEET_NAME = '任务台账';

/** The title row's text after the plan year: `2024` + this → `2024年重点工作任务台账`. */
export const LEDGER_TITLE_SUFFIX = '年重点工作任务台账';

/** The title when the plan year is unknown. */
export const LEDGER_TITLE_NO_YEAR = '重点工作任务台账';

/** Longest progress text (进展情况) in characters, as the seed notice asks (一般不超过200字). */
export const LEDGER_PROGRESS_LIMIT = 200;

/** Separator between the values of one row's several indicators (目标值 `190、240`, actual `195、250`). */
export const LEDGER_LIST_SEPARATOR = '、';

/** Separator between the indicators in the 指标 column. */
export const LEDGER_INDICATOR_SEPARATOR = '；';

/**
 * Status words offered in the 进展状态 drop-down. Each is a word of `vocab/status-words.ts` (the comment
 * gives the class it is scored as), so whatever a unit picks is understood by scoring.
 */
export const LEDGER_STATUS_CHOICES: readonly string[] = [
  '已完成', // done
  '超序时进度', // on_track
  '序时推进', // on_track
  '推进中', // in_progress (on track until due)
  '进展缓慢', // lagging
  '严重滞后', // far_behind (severe)
  '未启动', // not_started (counted as 0 %)
  '暂停', // paused
];

/**
 * How the 比较 column writes each comparator, and the other spellings read back. `range` is written `区间`
 * and its 目标值 as `4.5～5`.
 */
export const LEDGER_COMPARATOR_WORDS: readonly {
  readonly comparator: '>=' | '<=' | '~' | '=' | 'range';
  /** Written by buildLedger. */
  readonly written: string;
  /** Also accepted when read (compared on the compact key, after NFKC). */
  readonly accepted: readonly string[];
}[] = [
  { comparator: '>=', written: '≥', accepted: ['≥', '>=', '>', '不低于', '以上'] }, // ≥ · >= · 不低于
  { comparator: '<=', written: '≤', accepted: ['≤', '<=', '<', '不高于', '以下', '以内'] }, // ≤ · <= · 以内
  { comparator: '~', written: '≈', accepted: ['≈', '~', '约', '左右'] }, // ≈ · ~ · 左右
  { comparator: '=', written: '=', accepted: ['=', '＝', '等于'] }, // = · ＝
  { comparator: 'range', written: '区间', accepted: ['区间', '范围'] }, // 区间
];

/** The status words our 状态 result column writes, per status (the adapters key colours to them). */
export const LEDGER_STATUS_LABELS = {
  done: '已完成', // green
  on_track: '序时推进', // green (optional)
  lagging: '进展滞后', // yellow
  severe: '严重滞后', // red
  unscored: '未评分', // no colour
} as const;

const ACTUAL_PROMPT = (quarter: string, end: string): LedgerPrompt => ({
  title: `${quarter}完成值`,
  text:
    `填写截至${end}的累计完成数，单位同“计量单位”列（如 4496 或 30.05亿元）。` +
    '有多个指标的，按“目标值”列的顺序用“、”分隔，如 195、250。无量化指标的可填完成百分比（如 60%）或留空只选进展状态。',
});

const STATUS_PROMPT = (quarter: string): LedgerPrompt => ({
  title: `${quarter}进展状态`,
  text: '从下拉列表选择：已完成、超序时进度、序时推进、推进中、进展缓慢、严重滞后、未启动、暂停。',
});

const STATUS_LIST: LedgerValidation = { kind: 'list', choices: LEDGER_STATUS_CHOICES };
const ACTUAL: LedgerValidation = { kind: 'actual' };

/** The columns in sheet order. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  // ── filled by the office at breakdown ──
  { key: 'id', zh: '编号', en: 'ID', width: 8, filler: 'office', format: 'text' }, // 1.03
  { key: 'unit', zh: '责任单位', en: 'Responsible unit', width: 16, filler: 'office', format: 'wrap' }, // 区科技局
  { key: 'owner', zh: '责任人', en: 'Owner', width: 10, filler: 'office', format: 'wrap' }, // 陈  莹
  { key: 'text', zh: '子任务', en: 'Sub-task', width: 48, filler: 'office', format: 'wrap' },
  // 国家高新技术企业≥190家；科技型中小企业≥240家
  { key: 'indicator', zh: '指标', en: 'Indicator', width: 28, filler: 'office', format: 'wrap' },
  { key: 'comparator', zh: '比较', en: 'Comparison', width: 6, filler: 'office', format: 'text' }, // ≥ · ≥、≤
  {
    key: 'target',
    zh: '目标值',
    en: 'Target value',
    width: 12,
    filler: 'office',
    format: null,
    prompt: {
      title: '目标值',
      text: '年度目标数值，单位见“计量单位”列；有多个指标的按“指标”列顺序用“、”分隔，如 190、240。修改后按新目标评分。',
    },
  }, // 200 · 190、240 · 4.5～5
  { key: 'measureUnit', zh: '计量单位', en: 'Unit of measure', width: 8, filler: 'office', format: 'text' }, // 亿元 · 家
  { key: 'deadline', zh: '完成时限', en: 'Deadline', width: 11, filler: 'office', format: 'text' }, // 2024-06-30
  // ── filled by the responsible units, quarter by quarter ──
  {
    key: 'q1Actual',
    zh: '一季度完成值',
    en: 'Q1 actual',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 1,
    validation: ACTUAL,
    prompt: ACTUAL_PROMPT('一季度', '3月底'),
  },
  {
    key: 'q1Status',
    zh: '一季度进展状态',
    en: 'Q1 status',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 1,
    validation: STATUS_LIST,
    prompt: STATUS_PROMPT('一季度'),
  },
  {
    key: 'q2Actual',
    zh: '二季度完成值',
    en: 'Q2 actual',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 2,
    validation: ACTUAL,
    prompt: ACTUAL_PROMPT('二季度', '6月底'),
  },
  {
    key: 'q2Status',
    zh: '二季度进展状态',
    en: 'Q2 status',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 2,
    validation: STATUS_LIST,
    prompt: STATUS_PROMPT('二季度'),
  },
  {
    key: 'q3Actual',
    zh: '三季度完成值',
    en: 'Q3 actual',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 3,
    validation: ACTUAL,
    prompt: ACTUAL_PROMPT('三季度', '9月底'),
  },
  {
    key: 'q3Status',
    zh: '三季度进展状态',
    en: 'Q3 status',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 3,
    validation: STATUS_LIST,
    prompt: STATUS_PROMPT('三季度'),
  },
  {
    key: 'q4Actual',
    zh: '四季度完成值',
    en: 'Q4 actual',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 4,
    validation: ACTUAL,
    prompt: ACTUAL_PROMPT('四季度', '12月底'),
  },
  {
    key: 'q4Status',
    zh: '四季度进展状态',
    en: 'Q4 status',
    width: 11,
    filler: 'unit',
    format: null,
    quarter: 4,
    validation: STATUS_LIST,
    prompt: STATUS_PROMPT('四季度'),
  },
  {
    key: 'progress',
    zh: '进展情况',
    en: 'Progress',
    width: 40,
    filler: 'unit',
    format: 'wrap',
    validation: { kind: 'textLength', max: LEDGER_PROGRESS_LIMIT },
    prompt: {
      title: '进展情况',
      text: `简要填写截至本季度末的工作进展和存在问题，${LEDGER_PROGRESS_LIMIT}字以内。`,
    },
  },
  // ── written by scoring (owned columns, replaced on every run) ──
  { key: 'completion', zh: '完成率', en: 'Completion', width: 9, filler: 'result', format: 'percent' }, // 68.1%
  { key: 'timeProgress', zh: '序时进度', en: 'Time progress', width: 9, filler: 'result', format: 'percent' }, // 50.0%
  { key: 'status', zh: '状态', en: 'Status', width: 9, filler: 'result', format: null }, // 进展滞后
  { key: 'explanation', zh: '说明', en: 'Explanation', width: 40, filler: 'result', format: 'wrap' },
];

/** The quarterly column pairs, in quarter order, with the quarter's name as findings say it. */
export const LEDGER_QUARTERS: readonly {
  readonly quarter: 1 | 2 | 3 | 4;
  readonly name: string;
  readonly actual: LedgerColumnKey;
  readonly status: LedgerColumnKey;
}[] = [
  { quarter: 1, name: '一季度', actual: 'q1Actual', status: 'q1Status' }, // 一季度完成值 · 一季度进展状态
  { quarter: 2, name: '二季度', actual: 'q2Actual', status: 'q2Status' }, // 二季度完成值 · 二季度进展状态
  { quarter: 3, name: '三季度', actual: 'q3Actual', status: 'q3Status' }, // 三季度完成值 · 三季度进展状态
  { quarter: 4, name: '四季度', actual: 'q4Actual', status: 'q4Status' }, // 四季度完成值 · 四季度进展状态
];

/**
 * Columns a header row must have to be read as a ledger: the ones a sub-task cannot be rebuilt without,
 * plus 一季度完成值 so that an ordinary responsibility table with 编号 / 责任单位 is never taken for one.
 */
export const LEDGER_REQUIRED_COLUMNS: readonly LedgerColumnKey[] = ['id', 'unit', 'text', 'q1Actual'];

/**
 * The shape of a ledger row that decides per-row validation of the actual cells: `single` rows take one
 * number, `list` rows the values joined with `、`.
 */
export type LedgerRowShape = 'single' | 'list';
