/**
 * What scoring writes into a workbook, planned as plain data ({@link WritePlan}) for every host:
 *
 * - owned result columns 完成率 / 序时进度 / 状态 / 说明: on a ledger, its own result columns (when all four
 *   are there, side by side); otherwise four new columns right of the user's last used column, with our
 *   header. A responsibility-table row with several sub-tasks shows its worst one;
 * - when a ledger is scored beside the responsibility table it was broken down from (`companion`), a second
 *   block of the same four columns on the table's sheet, one row per table row with the worst of its
 *   sub-tasks, highlighted the same way;
 * - in-place highlights as conditional formats keyed to the owned 状态 column (`=$V3="进展滞后"`), over the
 *   rows' whole width: yellow lagging, red severe, green done (optional). The user's own fills are never
 *   touched; the rules survive e-mail and render in WPS and LibreOffice;
 * - owned sheets 评分排名 (data bars on the score), 通报 (A4), 校验 (links to each cell);
 * - the settings document listing all of the above, so `clear` removes exactly them.
 *
 * The plan is made against the workbook as it is after removing what an earlier run owned (`replaceOwned`),
 * so a re-run lands in the same places: scoring twice equals scoring once.
 */
import type { Finding } from '../findings.ts';
import { renderFinding } from '../findings/catalog.ts';
import { columnLetters, toA1, toA1Local, type CellRange } from '../grid.ts';
import type { LedgerHeader } from '../ledger/ledger-header.ts';
import { movementOf } from '../score/rank.ts';
import { explainTask } from '../score/explain.ts';
import { fixed, percentFixed } from '../score/numbers.ts';
import type { ScoreResult, SubTaskScore, TaskStatus } from '../score/score-model.ts';
import type { ReadTable } from '../table-model.ts';
import { LEDGER_STATUS_LABELS, type LedgerColumnKey } from '../vocab/ledger-columns.ts';
import {
  CIRCULAR_LABELS,
  FINDINGS_HEADERS,
  OWNED_SHEET_NAMES,
  RANKING_HEADERS,
  RESULT_HEADERS,
  RESULT_WIDTHS,
  SEVERITY_LABELS,
} from './labels.ts';
import type {
  ColumnBlockPlan,
  HighlightColour,
  PlanCell,
  PlanConditionalFormat,
  SheetPlan,
  WritePlan,
} from './plan-model.ts';
import { DATA_BAR_COLOUR } from './plan-styles.ts';
import { planValue, styled } from './plan-value.ts';
import {
  SETTINGS_SHEET_NAME,
  baselineSnapshot,
  emptySettings,
  priorFor,
  withSnapshot,
  type DubanSettings,
  type OwnedColumnMark,
  type OwnedRuleMark,
} from './owned-settings.ts';

/** Facts about the scored sheet the planner needs from the host (after owned things were removed). */
export interface UserSheetFacts {
  readonly name: string;
  /** Last used 0-based column (a value OR a format counts), -1 for an empty sheet. */
  readonly lastCol: number;
  /** Widths of columns by 0-based index (null = default); columns past the end are default. */
  readonly widths: readonly (number | null)[];
}

/** What was scored. */
export type ScoreTarget =
  | { readonly kind: 'ledger'; readonly header: LedgerHeader }
  | { readonly kind: 'table'; readonly table: ReadTable };

/** Which statuses get the green highlight. */
export type GreenHighlight = 'none' | 'done' | 'done_and_on_track';

/** The responsibility table beside a scored ledger (`LedgerScored.companion` with the host's sheet facts). */
export interface ScoreCompanion {
  readonly table: ReadTable;
  /** Facts of the table's sheet, as for {@link PlanScoreInput.sheet}. */
  readonly sheet: UserSheetFacts;
  /** Absolute table row of each ledger sub-task id; ids not in it have no table row. */
  readonly rowOf: ReadonlyMap<string, number>;
}

/** Input of {@link planScoreWrites}. */
export interface PlanScoreInput {
  readonly target: ScoreTarget;
  readonly result: ScoreResult;
  /** Every finding of the run (reading, breakdown, validation, scoring): the 校验 sheet lists them. */
  readonly findings: readonly Finding[];
  readonly sheet: UserSheetFacts;
  /** Names of all sheets in the workbook after owned sheets were removed (to avoid clashes). */
  readonly sheetNames: readonly string[];
  /** The settings stored before this run (history for movement), null when none. */
  readonly previous: DubanSettings | null;
  /** Default `done`. */
  readonly green?: GreenHighlight;
  /** A scored ledger's responsibility table: its rows get their own owned block and highlights. */
  readonly companion?: ScoreCompanion | null;
}

/** Result columns in ledger-key order. */
const RESULT_KEYS: readonly LedgerColumnKey[] = ['completion', 'timeProgress', 'status', 'explanation'];

/** Percent format of the ratio columns. */
export const PERCENT_FORMAT = '0.0%';

// Worst first: the status a row with several sub-tasks shows.
const WORST_FIRST: readonly TaskStatus[] = ['severe', 'lagging', 'on_track', 'done'];

/**
 * A sheet name not already used: the wanted one, else `名(2)`, `名(3)` … (Excel compares names without
 * case; ours are Chinese, so an exact comparison is enough).
 * @example freeSheetName('校验', ['校验']) === '校验(2)'
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted}(${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The sub-task that decides a row's status: the worst scored one, else the first. */
function decidingTask(tasks: readonly SubTaskScore[]): SubTaskScore | undefined {
  for (const status of WORST_FIRST) {
    const t = tasks.find((x) => x.status === status);
    if (t) return t;
  }
  return tasks[0];
}

/** Result cells of one row (ledger row or table row). */
function rowResult(
  tasks: readonly SubTaskScore[],
): { completion: number | null; expected: number; status: TaskStatus; explanation: string } | null {
  const decider = decidingTask(tasks);
  if (!decider) return null;
  const explanation =
    tasks.length === 1
      ? explainTask(decider, 'zh')
      : tasks
          .map((t) => `${t.subTask.id} ${LEDGER_STATUS_LABELS[t.status]}：${explainTask(t, 'zh')}`)
          .join('\n');
  return {
    completion: decider.completion,
    expected: decider.context.expected,
    status: decider.status,
    explanation,
  };
}

/** Where the result block goes. */
function blockPlace(
  target: ScoreTarget,
  sheet: UserSheetFacts,
): { firstCol: number; headerRow: number; ownsHeader: boolean } {
  if (target.kind === 'ledger') {
    const cols = RESULT_KEYS.map((k) => target.header.columns.get(k));
    const first = cols[0];
    const contiguous = first !== undefined && cols.every((c, i) => c !== undefined && c === first + i);
    if (contiguous) return { firstCol: first, headerRow: target.header.headerRow, ownsHeader: false };
    return { firstCol: sheet.lastCol + 1, headerRow: target.header.headerRow, ownsHeader: true };
  }
  // A two-level header: our header goes on its first row, merged down over both.
  return { firstCol: sheet.lastCol + 1, headerRow: target.table.headerRow, ownsHeader: true };
}

/**
 * Rows with their sub-tasks, in sheet order: the scored sheet's rows (`taskRow`), or the rows `rowOf` gives
 * (a companion table's; sub-tasks it does not name are left out).
 */
function tasksByRow(result: ScoreResult, rowOf?: ReadonlyMap<string, number>): Map<number, SubTaskScore[]> {
  const byRow = new Map<number, SubTaskScore[]>();
  for (const t of result.tasks) {
    const row = rowOf ? rowOf.get(t.subTask.id) : t.subTask.taskRow;
    if (row === undefined) continue;
    const list = byRow.get(row);
    if (list) list.push(t);
    else byRow.set(row, [t]);
  }
  return new Map([...byRow.entries()].sort((a, b) => a[0] - b[0]));
}

/** The first column of the rows to highlight. */
function leftCol(target: ScoreTarget): number {
  if (target.kind === 'ledger') return Math.min(...target.header.columns.values());
  const cols = target.table.columns.map((c) => c.col);
  return cols.length > 0 ? Math.min(...cols) : 0;
}

/** Formula text for a status label, quotes doubled as Excel wants. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function highlightRules(
  sheet: string,
  range: CellRange,
  statusCol: number,
  green: GreenHighlight,
): PlanConditionalFormat[] {
  // Absolute column, relative row: the formula is evaluated for each row of the range from its top-left.
  const ref = `$${columnLetters(statusCol)}${range.top + 1}`;
  const is = (s: TaskStatus): string => `${ref}=${quoted(LEDGER_STATUS_LABELS[s])}`;
  const rules: { id: string; formula: string; colour: HighlightColour }[] = [
    { id: 'severe', formula: `=${is('severe')}`, colour: 'red' },
    { id: 'lagging', formula: `=${is('lagging')}`, colour: 'yellow' },
  ];
  if (green === 'done') rules.push({ id: 'done', formula: `=${is('done')}`, colour: 'green' });
  if (green === 'done_and_on_track') {
    rules.push({ id: 'done', formula: `=OR(${is('done')},${is('on_track')})`, colour: 'green' });
  }
  return rules.map((r) => ({
    id: `duban.highlight.${r.id}`,
    kind: 'expression',
    sheet,
    range,
    formula: r.formula,
    colour: r.colour,
  }));
}

/**
 * The owned block and its highlight rules on one sheet: the scored sheet, or a ledger's companion table. One
 * row per entry of `rows`, showing its worst sub-task; no block when `rows` is empty.
 */
function resultBlock(
  target: ScoreTarget,
  sheet: UserSheetFacts,
  rows: ReadonlyMap<number, readonly SubTaskScore[]>,
  green: GreenHighlight,
): {
  block: ColumnBlockPlan | null;
  rules: PlanConditionalFormat[];
} {
  const place = blockPlace(target, sheet);
  const rowNumbers = [...rows.keys()];
  const firstRow = rowNumbers[0];
  const lastRow = rowNumbers[rowNumbers.length - 1];
  if (firstRow === undefined || lastRow === undefined) return { block: null, rules: [] };
  const cells: PlanCell[] = [];
  const lastCol = place.firstCol + RESULT_HEADERS.length - 1;
  if (place.ownsHeader) {
    RESULT_HEADERS.forEach((h, i) =>
      cells.push(styled(place.headerRow, place.firstCol + i, h, 'resultHeader')),
    );
  }
  for (const [row, tasks] of rows) {
    const r = rowResult(tasks);
    if (!r) continue;
    const c = place.firstCol;
    cells.push(planValue(row, c, r.completion, { numberFormat: PERCENT_FORMAT, style: 'bodyCenter' }));
    cells.push(planValue(row, c + 1, r.expected, { numberFormat: PERCENT_FORMAT, style: 'bodyCenter' }));
    cells.push(planValue(row, c + 2, LEDGER_STATUS_LABELS[r.status], { style: 'bodyCenter' }));
    cells.push(planValue(row, c + 3, r.explanation, { style: 'bodyWrap' }));
  }
  const previousWidths = RESULT_HEADERS.map((_, i) => sheet.widths[place.firstCol + i] ?? null);
  const block: ColumnBlockPlan = {
    sheet: sheet.name,
    firstCol: place.firstCol,
    lastCol,
    headerRow: place.headerRow,
    ownsHeader: place.ownsHeader,
    cells,
    firstRow,
    lastRow,
    widths: place.ownsHeader ? RESULT_WIDTHS.map((width, i) => ({ col: place.firstCol + i, width })) : [],
    previousWidths,
  };
  const range: CellRange = {
    top: firstRow,
    left: Math.min(leftCol(target), place.firstCol),
    bottom: lastRow,
    right: Math.max(lastCol, sheet.lastCol),
  };
  return { block, rules: highlightRules(sheet.name, range, place.firstCol + 2, green) };
}

/** Movement text per unit against the stored baseline (blank without one). */
function movements(input: PlanScoreInput): Map<string, string> {
  const out = new Map<string, string>();
  const base = input.previous ? baselineSnapshot(input.previous.history, input.result.asOf) : null;
  for (const u of input.result.units) {
    const m = base ? movementOf(u.name, u.rank, base.units) : u.movement;
    out.set(u.name, m ? m.zh : '');
  }
  return out;
}

function rankingSheet(input: PlanScoreInput, name: string): SheetPlan {
  const { result } = input;
  const cells: PlanCell[] = [];
  const title = `评分排名（截至${result.asOf}，序时进度${percentFixed(result.timeProgress, 1)}，评分规则：${result.preset}）`;
  cells.push(styled(0, 0, title, 'subtitle'));
  RANKING_HEADERS.forEach((h, c) => cells.push(styled(1, c, h, 'header')));
  const moved = movements(input);
  const units = result.units.filter((u) => !u.isTotal);
  units.forEach((u, i) => {
    const r = 2 + i;
    const values: (string | number | null)[] = [
      u.rank,
      u.name,
      u.score,
      LEDGER_STATUS_LABELS[u.status],
      moved.get(u.name) ?? '',
      u.tasks,
      u.done,
      u.onTrack,
      u.lagging,
      u.severe,
      u.unscored,
    ];
    values.forEach((v, c) =>
      cells.push(
        planValue(r, c, v, {
          style: c === 1 ? 'body' : 'bodyCenter',
          ...(c === 2 ? { numberFormat: '0.00' } : {}),
        }),
      ),
    );
  });
  const widths = [6, 22, 10, 10, 14, 8, 8, 8, 8, 8, 8].map((width, col) => ({ col, width }));
  return {
    name,
    visibility: 'visible',
    owned: true,
    cells,
    widths,
    merges: [{ top: 0, left: 0, bottom: 0, right: RANKING_HEADERS.length - 1 }],
    frozenRows: 2,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, repeatRows: { first: 1, last: 1 } },
    validations: [],
  };
}

/** Rows a wrapped text needs at about `perLine` characters a line. */
function linesFor(text: string, perLine: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function circularSheet(input: PlanScoreInput, name: string): SheetPlan {
  const { result } = input;
  const L = CIRCULAR_LABELS;
  const cells: PlanCell[] = [];
  const heights: { row: number; height: number }[] = [];
  const merges: CellRange[] = [];
  let r = 0;
  const line = (label: string, value: string, style: 'body' | 'bodyWrap' = 'bodyWrap'): void => {
    cells.push(styled(r, 0, label, 'bodyCenter'));
    cells.push(planValue(r, 1, value, { style }));
    heights.push({ row: r, height: Math.max(20, 16 * linesFor(value, 44)) });
    r++;
  };
  const title = `${result.planYear}${L.titleSuffix}`;
  cells.push(styled(r, 0, title, 'title'));
  merges.push({ top: r, left: 0, bottom: r, right: 1 });
  heights.push({ row: r, height: 30 });
  r++;
  cells.push(styled(r, 0, L.draftNote, 'note'));
  merges.push({ top: r, left: 0, bottom: r, right: 1 });
  r++;
  line(L.asOf, result.asOf, 'body');
  line(L.timeProgress, percentFixed(result.timeProgress, 1), 'body');
  const c = result.counts;
  line(
    L.counts,
    `${L.units}${c.units}个，${L.subTasks}${c.subTasks}项：已完成${c.done}项，序时推进${c.onTrack}项，` +
      `滞后${c.lagging}项，严重滞后${c.severe}项，未评分${c.unscored}项。`,
  );
  line(L.praise, result.praise.length > 0 ? result.praise.join('、') : L.none);
  const escalation = result.escalate
    .map(
      (e) =>
        `${e.unit}：${e.tasks.map(({ task }) => `${task.subTask.id}（${LEDGER_STATUS_LABELS[task.status]}）`).join('、')}`,
    )
    .join('\n');
  line(L.escalate, escalation === '' ? L.none : escalation);
  const ranking = result.units
    .filter((u) => !u.isTotal && u.rank !== null)
    .map((u) => `${u.rank}. ${u.name} ${u.score === null ? '' : fixed(u.score, 2)}`)
    .join('\n');
  line(L.ranking, ranking === '' ? L.none : ranking);
  line(L.paragraph, result.circularZh);
  return {
    name,
    visibility: 'visible',
    owned: true,
    cells,
    widths: [
      { col: 0, width: 14 },
      { col: 1, width: 90 },
    ],
    heights,
    merges,
    frozenRows: 0,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    validations: [],
  };
}

function findingsSheet(findings: readonly Finding[], name: string): SheetPlan {
  const cells: PlanCell[] = [];
  FINDINGS_HEADERS.forEach((h, c) => cells.push(styled(0, c, h, 'header')));
  findings.forEach((f, i) => {
    const r = i + 1;
    const shown = renderFinding(f, 'zh');
    cells.push(planValue(r, 0, i + 1, { style: 'bodyCenter' }));
    cells.push(planValue(r, 1, SEVERITY_LABELS[f.severity], { style: 'bodyCenter' }));
    cells.push(
      f.at
        ? planValue(r, 2, toA1(f.at), { style: 'link', link: f.at })
        : planValue(r, 2, '', { style: 'body' }),
    );
    cells.push(planValue(r, 3, shown.message, { style: 'bodyWrap' }));
    cells.push(planValue(r, 4, shown.fix, { style: 'bodyWrap' }));
    cells.push(planValue(r, 5, f.code, { style: 'body' }));
  });
  return {
    name,
    visibility: 'visible',
    owned: true,
    cells,
    widths: [6, 8, 18, 60, 50, 26].map((width, col) => ({ col, width })),
    merges: [],
    frozenRows: 1,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { first: 0, last: 0 } },
    validations: [],
  };
}

/** A1 text of a range: `A3:V163`. */
export function rangeA1(range: CellRange): string {
  return `${toA1Local({ row: range.top, col: range.left })}:${toA1Local({ row: range.bottom, col: range.right })}`;
}

/** The marks of owned rules. */
export function ruleMarks(rules: readonly PlanConditionalFormat[]): OwnedRuleMark[] {
  return rules.map((r) => ({
    id: r.id,
    sheet: r.sheet,
    ref: rangeA1(r.range),
    kind: r.kind,
    formula: r.kind === 'expression' ? r.formula : null,
  }));
}

/** The mark of an owned column block. */
export function columnMark(b: ColumnBlockPlan): OwnedColumnMark {
  return {
    sheet: b.sheet,
    firstCol: b.firstCol,
    lastCol: b.lastCol,
    headerRow: b.headerRow,
    ownsHeader: b.ownsHeader,
    firstRow: b.firstRow,
    lastRow: b.lastRow,
    previousWidths: b.previousWidths,
  };
}

function mappingOf(target: ScoreTarget): Record<string, number> {
  const out: Record<string, number> = {};
  if (target.kind === 'ledger') for (const [k, c] of target.header.columns) out[k] = c;
  else for (const m of target.table.columns) if (out[m.role] === undefined) out[m.role] = m.col;
  return out;
}

/**
 * Plan everything scoring writes. Pure: the same input gives the same plan, and the host facts are taken as
 * they are after removing what the previous run owned.
 */
export function planScoreWrites(input: PlanScoreInput): WritePlan {
  const { result } = input;
  const green = input.green ?? 'done';
  const { block, rules } = resultBlock(input.target, input.sheet, tasksByRow(result), green);
  const companion = input.companion ?? null;
  // The table's rows show the ledger's sub-tasks they were broken down into (a ledger target only).
  const beside =
    companion !== null && input.target.kind === 'ledger' && companion.sheet.name !== input.sheet.name
      ? resultBlock(
          { kind: 'table', table: companion.table },
          companion.sheet,
          tasksByRow(result, companion.rowOf),
          green,
        )
      : { block: null, rules: [] };
  const blocks = [block, beside.block].filter((b): b is ColumnBlockPlan => b !== null);
  const taken = [...input.sheetNames];
  const pick = (wanted: string): string => {
    const name = freeSheetName(wanted, taken);
    taken.push(name);
    return name;
  };
  const rankingName = pick(OWNED_SHEET_NAMES.ranking);
  const circularName = pick(OWNED_SHEET_NAMES.circular);
  const findingsName = pick(OWNED_SHEET_NAMES.findings);
  const ranking = rankingSheet(input, rankingName);
  const dataBars: PlanConditionalFormat[] = [];
  const rankedCount = result.units.filter((u) => !u.isTotal).length;
  if (rankedCount > 0) {
    dataBars.push({
      id: 'duban.ranking.scoreBar',
      kind: 'dataBar',
      sheet: rankingName,
      range: { top: 2, left: 2, bottom: 1 + rankedCount, right: 2 },
      colour: DATA_BAR_COLOUR,
    });
  }
  const sheets = [ranking, circularSheet(input, circularName), findingsSheet(input.findings, findingsName)];
  const conditionalFormats = [...rules, ...beside.rules, ...dataBars];
  const base = input.previous ?? emptySettings();
  const snapshot = {
    asOf: result.asOf,
    units: result.units
      .filter((u) => !u.isTotal)
      .map((u) => ({ name: u.name, rank: u.rank, score: u.score })),
  };
  const settings: DubanSettings = {
    ...base,
    sheet: input.sheet.name,
    mapping: mappingOf(input.target),
    planYear: result.planYear,
    asOf: result.asOf,
    preset: result.preset,
    history: withSnapshot(base.history, snapshot),
    owned: {
      sheets: [...sheets.map((s) => s.name), SETTINGS_SHEET_NAME],
      columns: blocks.map(columnMark),
      rules: ruleMarks(conditionalFormats),
    },
    // What clear gives back: the saved choices from before the first run (kept across re-runs).
    prior: priorFor(input.previous),
  };
  return {
    replaceOwned: true,
    sheets,
    columns: blocks,
    updates: [],
    conditionalFormats,
    settings,
  };
}
