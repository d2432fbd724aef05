/**
 * Hand-written fixture data for the task-pane tests and a stub `DubanSession` that records every call. The
 * numbers are chosen by hand so the tests can state what the pane must show:
 * - table on 分解表, header on row 3 (0-based 2) with columns A–E, 3 task rows, title year 2024;
 * - sub-tasks: 区发改局 1 (1 indicator), 区财政局 1 (1), 区住建局 2 (1 + 0);
 * - findings: owner_missing at D6 and D7 (errors), owner_is_unit_name at D5 (warning), duplicate_sentence at
 *   C6 (info);
 * - ranking: 区发改局 1st 100 done ↑2, 区财政局 2nd 80 lagging same, 区住建局 3rd 40 severe ↓1.
 */
import type { Analysis } from '../../src/core/analyze.ts';
import type { Indicator, SubTask } from '../../src/core/breakdown-model.ts';
import type { Finding } from '../../src/core/findings.ts';
import type {
  ExplanationContext,
  IndicatorScore,
  ScoreResult,
  SubTaskScore,
  UnitScore,
  Verdict,
} from '../../src/core/score/score-model.ts';
import type { ColumnMapping, ReadTable, TaskRow } from '../../src/core/table-model.ts';
import type {
  BreakdownOutcome,
  ClearOutcome,
  DubanSession,
  InspectOutcome,
  RunControl,
  ScoreChoice,
  ScoreOutcome,
  TableChoice,
  WorkbookOverview,
} from '../../src/excel/session-api.ts';
import { makeIndicator } from '../../src/core/measure/written-unit.ts';

const SHEET = '分解表';
const at = (row: number, col: number) => ({ sheet: SHEET, row, col });

function column(role: ColumnMapping['role'], col: number, headerText: string): ColumnMapping {
  return { role, col, header: at(2, col), headerText, measureUnit: null };
}

function taskRow(row: number): TaskRow {
  return {
    row,
    serial: null,
    units: [],
    unitCell: null,
    coUnits: [],
    owners: [],
    ownerCell: null,
    target: null,
    fields: {},
    category: null,
    group: null,
  };
}

/** The header row as the session reports it: A–E, where E (进展情况) was not recognised. */
export const HEADERS = [
  { col: 0, text: '序号' },
  { col: 1, text: '责任单位' },
  { col: 2, text: '目标任务' },
  { col: 3, text: '责任人' },
  { col: 4, text: '进展情况' },
];

/** Columns A–D recognised; E (进展情况) exists but was not recognised. */
export const TABLE: ReadTable = {
  sheet: SHEET,
  layout: 'long',
  headerRow: 2,
  headerRowCount: 1,
  columns: [
    column('serial', 0, '序号'),
    column('unit', 1, '责任单位'),
    column('target', 2, '目标任务'),
    column('owner', 3, '责任人'),
  ],
  groups: [],
  rows: [taskRow(3), taskRow(4), taskRow(5)],
  totals: [],
  title: '2024年《政府工作报告》重点工作任务分解表',
  planYear: 2024,
  findings: [],
};

function indicator(metric: string, value: number, unit: string | null): Indicator {
  return makeIndicator({
    metric,
    kind: 'cumulative',
    comparator: '>=',
    value,
    valueMax: null,
    unit,
    text: `${metric}${value}${unit ?? ''}`,
  });
}

function person(name: string) {
  return { display: name, key: name, deputies: [], isRole: false };
}

function subTask(
  id: string,
  row: number,
  unit: string,
  owner: string,
  text: string,
  indicators: readonly Indicator[],
  deadline: string | null = null,
  deadlineText: string | null = null,
): SubTask {
  return {
    id,
    taskRow: row,
    seq: Number(id.split('.')[1]),
    units: [unit],
    owners: [person(owner)],
    text,
    at: at(row, 2),
    deadline,
    deadlineText,
    indicators,
  };
}

export const SUB_TASKS: readonly SubTask[] = [
  subTask('1.01', 3, '区发改局', '张三', '地区生产总值增长5.5%以上', [
    indicator('地区生产总值增长', 5.5, '%'),
  ]),
  subTask('2.01', 4, '区财政局', '周　栋', '一般公共预算收入增长5%', [
    indicator('一般公共预算收入增长', 5, '%'),
  ]),
  subTask(
    '3.01',
    5,
    '区住建局',
    '李四',
    '6月底前完成老旧小区改造10个',
    [indicator('完成老旧小区改造', 10, '个')],
    '2024-06-30',
    '6月底前',
  ),
  subTask('3.02', 5, '区住建局', '李四', '加快推进城市更新', []),
];

export const FINDINGS: readonly Finding[] = [
  { code: 'owner_is_unit_name', severity: 'warning', at: at(4, 3), params: { name: '区财政局' } },
  { code: 'owner_missing', severity: 'error', at: at(5, 3), params: {} },
  {
    code: 'duplicate_sentence',
    severity: 'info',
    at: at(5, 2),
    params: { serial: '3', sentence: '加快推进城市更新' },
  },
  { code: 'owner_missing', severity: 'error', at: at(6, 3), params: {} },
];

export const ANALYSIS: Analysis = {
  table: TABLE,
  breakdown: { table: TABLE, planYear: 2024, subTasks: SUB_TASKS, findings: [] },
  findings: FINDINGS,
};

// The context every indicator of the fixture was judged against: 序时进度 50 % on 2024-06-30.
const CONTEXT: ExplanationContext = {
  expected: 0.5,
  deadline: null,
  dueDate: '2024-12-31',
  due: false,
  percentDecimals: 1,
  gapMode: 'points',
  allowance: 0,
};

// A sub-task with a deadline is judged against it: due on 2024-06-30 for 6月底前 (still at 50 %).
function contextOf(s: SubTask): ExplanationContext {
  if (s.deadline === null) return CONTEXT;
  return { ...CONTEXT, deadline: s.deadlineText ?? s.deadline, dueDate: s.deadline, due: true };
}

// A self-reported completion (完成率40.0%（自报）) judged against 序时进度 50 %, or nothing reported.
function selfReported(
  s: SubTask,
  status: SubTaskScore['status'],
  completion: number | null,
  verdict: Verdict,
): IndicatorScore {
  const gap = completion === null ? null : Math.round((0.5 - completion) * 1000) / 10;
  return {
    indicator: makeIndicator({
      metric: s.text,
      kind: 'qualitative',
      comparator: null,
      value: null,
      valueMax: null,
      unit: null,
      text: s.text,
    }),
    target: null,
    actual: null,
    basis: completion === null ? 'none' : 'self_reported',
    statusWord: null,
    completion,
    gapPoints: gap,
    status,
    reason: status === 'unscored' ? 'no_progress' : null,
    credit: completion === null ? null : Math.min(1, completion / 0.5),
    displayUnit: null,
    counted: null,
    benchmark: null,
    verdict,
    detail: null,
    context: contextOf(s),
    at: status === 'unscored' ? null : at(s.taskRow, 4),
  };
}

function taskScore(
  s: SubTask,
  status: SubTaskScore['status'],
  completion: number | null,
  verdict: Verdict,
): SubTaskScore {
  return {
    subTask: s,
    indicators: [selfReported(s, status, completion, verdict)],
    completion,
    context: contextOf(s),
    status,
    reason: status === 'unscored' ? 'no_progress' : null,
    gapPoints: completion === null ? null : Math.round((0.5 - completion) * 1000) / 10,
    credit: completion,
    weight: 1,
    overdue: verdict === 'due_short' && s.deadline !== null,
    yearEndUnfinished: false,
    isTotal: false,
    category: null,
    at: at(s.taskRow, 4),
  };
}

function unit(
  name: string,
  owner: string,
  rank: number,
  score: number,
  status: UnitScore['status'],
  movement: UnitScore['movement'],
  counts: Pick<UnitScore, 'tasks' | 'done' | 'onTrack' | 'lagging' | 'severe' | 'unscored'>,
): UnitScore {
  return {
    name,
    owners: [owner],
    category: null,
    score,
    rank,
    groupRank: null,
    status,
    ...counts,
    movement,
    praised: rank === 1,
    isTotal: false,
  };
}

const [s1, s2, s3, s4] = SUB_TASKS as [SubTask, SubTask, SubTask, SubTask];
// 6月底前, due on the as-of date; the escalation list refers to this score.
const T3 = taskScore(s3, 'severe', 0.2, 'due_short');

export const CIRCULAR_ZH =
  '截至2024年6月30日，3个单位共4项子任务中，已完成1项，进展滞后1项，严重滞后1项，未评分1项。区发改局进展较好，予以表扬；区住建局进展严重滞后，提请督办。';

export const SCORE_RESULT: ScoreResult = {
  asOf: '2024-06-30',
  planYear: 2024,
  preset: '序时',
  timeProgress: 0.5,
  period: { date: '2024-06-30', index: 2, onReportingDate: true, labelZh: '上半年', labelEn: 'first half' },
  tasks: [
    taskScore(s1, 'done', 1.02, 'met'),
    taskScore(s2, 'lagging', 0.4, 'below'),
    T3,
    taskScore(s4, 'unscored', null, 'none'),
  ],
  units: [
    unit(
      '区发改局',
      '张三',
      1,
      100,
      'done',
      { direction: 'up', places: 2, zh: '位次前移2位', en: 'up 2 places' },
      {
        tasks: 1,
        done: 1,
        onTrack: 0,
        lagging: 0,
        severe: 0,
        unscored: 0,
      },
    ),
    unit(
      '区财政局',
      '周　栋',
      2,
      80,
      'lagging',
      { direction: 'same', places: 0, zh: '位次不变', en: 'no change' },
      {
        tasks: 1,
        done: 0,
        onTrack: 0,
        lagging: 1,
        severe: 0,
        unscored: 0,
      },
    ),
    unit(
      '区住建局',
      '李四',
      3,
      40,
      'severe',
      { direction: 'down', places: 1, zh: '位次后移1位', en: 'down 1 place' },
      {
        tasks: 2,
        done: 0,
        onTrack: 0,
        lagging: 0,
        severe: 1,
        unscored: 1,
      },
    ),
  ],
  praise: ['区发改局'],
  escalate: [
    {
      unit: '区住建局',
      tasks: [{ task: T3, cause: 'severe' }],
    },
  ],
  counts: { units: 3, subTasks: 4, done: 1, onTrack: 0, lagging: 1, severe: 1, unscored: 1 },
  circularZh: CIRCULAR_ZH,
  circularEn:
    'As of 30 June 2024, of 4 sub-tasks of 3 units, 1 is done, 1 lagging, 1 severely behind and 1 not scored.',
  findings: [],
};

export const OVERVIEW: WorkbookOverview = {
  sheets: [
    { name: '说明', visible: true },
    { name: SHEET, visible: true },
    { name: '隐藏', visible: false },
  ],
  activeSheet: SHEET,
  stored: null,
  hasOwnedMarks: false,
};

/** A recorded call. */
export interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** What the stub answers; each may be replaced per test. */
export interface StubBehaviour {
  overview: (control?: RunControl) => Promise<WorkbookOverview>;
  inspect: (choice: TableChoice, control?: RunControl) => Promise<InspectOutcome>;
  breakdown: (choice: TableChoice, control?: RunControl) => Promise<BreakdownOutcome>;
  score: (choice: ScoreChoice, write: boolean, control?: RunControl) => Promise<ScoreOutcome>;
  clear: (control?: RunControl) => Promise<ClearOutcome>;
  select: (cell: string) => Promise<void>;
  saveChoice: (choice: ScoreChoice, control?: RunControl) => Promise<void>;
}

/** The default answers: everything succeeds with the fixture. */
export function defaultBehaviour(): StubBehaviour {
  return {
    overview: () => Promise.resolve(OVERVIEW),
    inspect: () =>
      Promise.resolve({ ok: true, sheet: SHEET, analysis: ANALYSIS, headers: HEADERS, findings: FINDINGS }),
    breakdown: () =>
      Promise.resolve({
        ok: true,
        ledgerSheet: '分解台账',
        subTasks: SUB_TASKS,
        findings: FINDINGS,
        syncs: 3,
      }),
    score: (_choice, write) =>
      Promise.resolve({
        ok: true,
        sheet: SHEET,
        kind: 'table',
        asOf: '2024-06-30',
        subTasks: SUB_TASKS,
        result: SCORE_RESULT,
        findings: [],
        sheetsWritten: write ? ['评分排名', '通报', '校验'] : [],
        syncs: 4,
      }),
    clear: () =>
      Promise.resolve({
        ok: true,
        sheets: ['评分排名', '通报', '校验'],
        columns: 4,
        rules: 3,
        hadMarks: true,
        syncs: 2,
      }),
    select: () => Promise.resolve(),
    saveChoice: () => Promise.resolve(),
  };
}

/** A stub session recording its calls. */
export interface StubSession {
  readonly session: DubanSession;
  readonly calls: Call[];
  readonly behaviour: StubBehaviour;
  /** The calls of one method, in order. */
  callsOf(method: string): Call[];
}

/** A stub session in `lang` with the default behaviour, changed by `patch`. */
export function stubSession(patch: Partial<StubBehaviour> = {}, lang: 'zh' | 'en' = 'zh'): StubSession {
  const behaviour: StubBehaviour = { ...defaultBehaviour(), ...patch };
  const calls: Call[] = [];
  const record = (method: string, args: unknown[]): void => {
    calls.push({ method, args });
  };
  // Each method records its call, then answers with the behaviour of the moment (tests may swap it).
  const session: DubanSession = {
    lang,
    overview: (control) => {
      record('overview', [control]);
      return behaviour.overview(control);
    },
    inspect: (choice, control) => {
      record('inspect', [choice, control]);
      return behaviour.inspect(choice, control);
    },
    breakdown: (choice, control) => {
      record('breakdown', [choice, control]);
      return behaviour.breakdown(choice, control);
    },
    score: (choice, write, control) => {
      record('score', [choice, write, control]);
      return behaviour.score(choice, write, control);
    },
    clear: (control) => {
      record('clear', [control]);
      return behaviour.clear(control);
    },
    saveChoice: (choice, control) => {
      record('saveChoice', [choice, control]);
      return behaviour.saveChoice(choice, control);
    },
    select: (cell) => {
      record('select', [cell]);
      return behaviour.select(cell);
    },
  };
  return { session, calls, behaviour, callsOf: (method) => calls.filter((c) => c.method === method) };
}
