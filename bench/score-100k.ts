/**
 * Benchmark (issue 4 §6): score 100,000 synthetic sub-tasks across 500 units in Node, as of 2024-06-30.
 * Target: < 300 ms on our 2-core machine. Run: `npx tsx bench/score-100k.ts [subTasks] [units]`.
 *
 * The ledger is shaped like the seed table's (seeds/taishan-2024.xlsx and its sample Q2 returns): about half
 * the sub-tasks are qualitative and judged by a status word, a quarter are cumulative quantities, the rest
 * rates, limits, levels, approximate and relative targets and milestones with deadlines from March to
 * December; one in ten has two indicators reported as `70、90`-style per-indicator actuals. Nearly every entry
 * carries a status word and a progress text, as the seed notice asks units to write one per task (2 % of the
 * sub-tasks have no ledger row, 2 % an empty one). Entries are put into one shape by `progressEntry`, as the
 * ledger and table readers do.
 *
 * Targets, deadlines, reported figures and progress texts are drawn per sub-task from a fixed linear
 * congruential generator (the same data on every run), and each progress text quotes that sub-task's own
 * figures, so a cache keyed by a cell's text or a target cannot flatter the figure. Status words come, as in
 * real returns, from the small vocabulary units use (序时推进, 推进中, 已完成 …), weighted like the sample.
 * Reported values come in every form units use: plain numbers, numbers with units (`30.05亿元`, `4,496人`),
 * percentages (`68.1%`, 0.681 formatted `0.0%`), status words with punctuation, self-reported percentages,
 * printed completion rates (a few mistyped), placeholders (`/`), error cells, unreadable text and over-long
 * progress texts. Owners are named per unit and parsed per task row, and indicators made by `makeIndicator`
 * (which records the unit each target was written in), as breakdown does.
 */
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { Indicator, SubTask } from '../src/core/breakdown-model.ts';
import type { RawCell } from '../src/core/grid.ts';
import { makeIndicator } from '../src/core/measure/written-unit.ts';
import { progressEntry } from '../src/core/score/progress-entry.ts';
import { scoreSubTasks } from '../src/core/score/score.ts';
import type { IndicatorActual, ProgressEntry } from '../src/core/score/score-model.ts';
import { resolveSettings } from '../src/core/score/settings.ts';
import type { Located, Person } from '../src/core/table-model.ts';
import { machineLine, median } from './machine.ts';

const SUBTASKS = Number(process.argv[2] ?? 100_000);
const UNITS = Number(process.argv[3] ?? 500);

// Numerical Recipes' LCG: deterministic, good enough to vary synthetic data.
let state = 20240630;
function rand(): number {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
}
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}
function between(lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}
// Weighted choice: [weight, value] pairs.
function weighted<T>(table: readonly (readonly [number, T])[]): T {
  const total = table.reduce((sum, [w]) => sum + w, 0);
  let r = rand() * total;
  for (const [w, v] of table) {
    r -= w;
    if (r < 0) return v;
  }
  const last = table[table.length - 1];
  if (!last) throw new Error('empty table');
  return last[1];
}

// ── Targets ──────────────────────────────────────────────────────────────────────────────────────────────

type Shape =
  'qualitative' | 'cumulative' | 'rate' | 'limit' | 'level' | 'approximate' | 'relative' | 'milestone';

// Roughly the seed table's mix (117 of 178 indicators qualitative, 47 cumulative, 10 rates …), with the rarer
// kinds a little more frequent so every path is exercised.
const SHAPES: readonly (readonly [number, Shape])[] = [
  [50, 'qualitative'],
  [24, 'cumulative'],
  [8, 'rate'],
  [3, 'limit'],
  [3, 'level'],
  [3, 'approximate'],
  [2, 'relative'],
  [7, 'milestone'],
];

/** A cumulative metric: how it is written, the unit written, the canonical unit and the factor between. */
interface Quantity {
  readonly metric: string;
  readonly written: string;
  readonly unit: string;
  readonly factor: number;
  readonly lo: number;
  readonly hi: number;
  /** Decimals the target is written with. */
  readonly decimals: number;
}
const QUANTITIES: readonly Quantity[] = [
  { metric: '新增城镇就业', written: '人', unit: '人', factor: 1, lo: 800, hi: 9000, decimals: 0 },
  { metric: '新增技能人才', written: '人', unit: '人', factor: 1, lo: 200, hi: 3000, decimals: 0 },
  { metric: '完成投资', written: '亿元', unit: '元', factor: 1e8, lo: 5, hi: 300, decimals: 1 },
  { metric: '实现税收收入', written: '万元', unit: '元', factor: 1e4, lo: 500, hi: 60000, decimals: 0 },
  { metric: '实施重点建设项目', written: '个', unit: '个', factor: 1, lo: 10, hi: 150, decimals: 0 },
  { metric: '新改建农村公路', written: '公里', unit: '公里', factor: 1, lo: 10, hi: 120, decimals: 1 },
  { metric: '培育规上企业', written: '家', unit: '家', factor: 1, lo: 5, hi: 60, decimals: 0 },
  { metric: '储备土地', written: '亩', unit: '亩', factor: 1, lo: 200, hi: 3000, decimals: 0 },
  { metric: '新建绿色建筑', written: '万平方米', unit: '平方米', factor: 1e4, lo: 5, hi: 80, decimals: 1 },
];
const RATES = ['地区生产总值增长', '固定资产投资增长', '社会消费品零售总额增长', '一般公共预算收入增长'];
const LIMITS: readonly (readonly [string, string, number, number])[] = [
  ['城镇登记失业率', '%', 2, 5],
  ['不良贷款率', '%', 1, 3],
  ['较大安全事故', '起', 1, 3],
  ['信访积案', '件', 5, 40],
];
// [metric, verb, unit written, canonical unit, factor]
const LEVELS: readonly (readonly [string, string, string, string, number])[] = [
  ['粮食总产', '稳定在', '万吨', '吨', 1e4],
  ['储备库项目', '动态保持', '个', '个', 1],
  ['耕地保有量', '稳定在', '万亩', '亩', 1e4],
];
const PLACES = ['泰山', '岱庙', '上高', '徐家楼', '财源', '泰前', '省庄', '邱家店', '东部新区', '老城区'];
const PROJECTS = [
  '智慧E谷',
  '冷链物流园',
  '城市更新',
  '口袋公园',
  '安置房',
  '污水管网',
  '数据中心',
  '商业综合体',
];
const VERBS = ['推进', '加快', '抓好', '完善', '实施', '开工建设', '建成运营', '谋划'];
const TAILS = ['建设', '提升改造', '招商引资', '前期手续办理', '配套设施建设', '运营管理'];

// Month deadlines of milestones (`3月底前`) as written and as the ISO date breakdown stores.
const DEADLINES: readonly (readonly [string, string])[] = [
  ['3月底前', '2024-03-31'],
  ['4月底前', '2024-04-30'],
  ['5月底前', '2024-05-31'],
  ['6月底前', '2024-06-30'],
  ['9月底前', '2024-09-30'],
  ['10月底前', '2024-10-31'],
  ['年底前', '2024-12-31'],
];

/** A figure as people write it: whole, or with up to `decimals` places and trailing zeros dropped. */
function written(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

function projectText(): string {
  return `${pick(VERBS)}${pick(PLACES)}${pick(PROJECTS)}${pick(TAILS)}`;
}

interface Planned {
  readonly shape: Shape;
  readonly ind: Indicator;
  /** For quantities: the target in the written unit, and that unit. */
  readonly q?: Quantity;
  readonly writtenTarget?: number;
}

function planIndicator(shape: Shape): Planned {
  switch (shape) {
    case 'qualitative': {
      const text = projectText();
      const ind = makeIndicator({
        metric: text,
        kind: 'qualitative',
        comparator: null,
        value: null,
        valueMax: null,
        unit: null,
        text,
      });
      return { shape, ind };
    }
    case 'milestone': {
      const text = projectText();
      const ind = makeIndicator({
        metric: text,
        kind: 'milestone',
        comparator: null,
        value: null,
        valueMax: null,
        unit: null,
        text,
      });
      return { shape, ind };
    }
    case 'cumulative':
    case 'approximate': {
      const q = pick(QUANTITIES);
      const target = Number((q.lo + rand() * (q.hi - q.lo)).toFixed(rand() < 0.5 ? 0 : q.decimals));
      const approx = shape === 'approximate';
      const word = approx ? '左右' : pick(['以上', '', '']);
      const text = `${q.metric}${written(target, q.decimals)}${q.written}${word}`;
      const ind = makeIndicator({
        metric: q.metric,
        kind: approx ? 'approximate' : 'cumulative',
        comparator: approx ? '~' : word === '以上' ? '>=' : '=',
        value: target * q.factor,
        valueMax: null,
        unit: q.unit,
        text,
      });
      return { shape, ind, q, writtenTarget: target };
    }
    case 'rate': {
      const metric = pick(RATES);
      const target = between(9, 24) / 2; // 4.5 … 12
      const approx = rand() < 0.3;
      const text = `${metric}${written(target, 1)}%${approx ? '左右' : '以上'}`;
      const ind = makeIndicator({
        metric,
        kind: 'rate',
        comparator: approx ? '~' : '>=',
        value: target,
        valueMax: null,
        unit: '%',
        text,
      });
      return { shape, ind };
    }
    case 'limit': {
      const [metric, unit, lo, hi] = pick(LIMITS);
      const target = unit === '%' ? Number((lo + rand() * (hi - lo)).toFixed(1)) : between(lo, hi);
      const text = `${metric}控制在${written(target, 1)}${unit}以内`;
      const ind = makeIndicator({
        metric,
        kind: 'lower_is_better',
        comparator: '<=',
        value: target,
        valueMax: null,
        unit,
        text,
      });
      return { shape, ind };
    }
    case 'level': {
      const [metric, verb, w, unit, factor] = pick(LEVELS);
      const target = between(20, 400);
      const ind = makeIndicator({
        metric,
        kind: 'keep_level',
        comparator: '>=',
        value: target * factor,
        valueMax: null,
        unit,
        text: `${metric}${verb}${target}${w}`,
      });
      const q: Quantity = { metric, written: w, unit, factor, lo: 20, hi: 400, decimals: 2 };
      return { shape, ind, q, writtenTarget: target };
    }
    case 'relative': {
      const metric = pick(['城乡居民收入增长', '农村居民人均可支配收入增长']);
      const text = `${metric}不低于全市平均`;
      const ind = makeIndicator({
        metric,
        kind: 'relative',
        comparator: '>=',
        value: null,
        valueMax: null,
        unit: '%',
        text,
      });
      return { shape, ind };
    }
  }
}

// ── Progress ─────────────────────────────────────────────────────────────────────────────────────────────

// How often units write each status (the sample Q2 returns: 序时推进 dominates, then 推进中, 进展缓慢, 已完成).
const STATUS_CELLS: readonly (readonly [number, string])[] = [
  [40, '序时推进'],
  [12, '推进中'],
  [10, '已完成'],
  [5, '正常推进'],
  [3, '按计划推进'],
  [10, '进展缓慢'],
  [4, '滞后'],
  [3, '基本完成'],
  [3, '未启动'],
  [2, '严重滞后'],
  [1, '暂缓'],
  [2, '已完成。'],
  [1, '“序时推进”'],
  [1, '时间过半、任务过半'],
  [2, '%'], // replaced by a self-reported percentage (完成60%)
  [0.5, '详见附件'],
  [0.5, '部分完成，部分滞后'],
];
const CLAUSES = [
  '已召开专题调度会议，研究解决项目推进中的困难问题',
  '积极对接上级部门，争取政策和资金支持',
  '建立工作台账，实行挂图作战、清单管理',
  '下一步将加大督导力度，确保按期完成年度目标',
  '受前期手续办理影响，部分子项进度略有滞后',
  '已完成方案编制和专家评审',
  '正在开展招标采购工作',
];

function progressText(i: number, figures: string): string {
  let text = `截至6月底，${figures}`;
  // Mostly one or two clauses (22 characters on average in the sample); a few run past the 200-character
  // limit, as one sample entry does.
  const clauses = weighted([
    [55, 1],
    [35, 2],
    [8, 3],
    [2, 9],
  ] as const);
  for (let k = 0; k < clauses; k++) text += `，${pick(CLAUSES)}`;
  return `${text}（第${i % 997}号台账）。`;
}

const at = (row: number, col: number) => ({ sheet: '任务台账', row, col });
const located = (value: RawCell, row: number, col: number): Located<RawCell> => ({
  value,
  raw: value,
  at: at(row, col),
});

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The value a unit writes for a figure: `share` of the target (in the written unit for quantities) in one of
 * the forms units use. Returns the cell and its number format.
 */
function reported(p: Planned, share: number): { value: RawCell; format: string | null; words: string } {
  const ind = p.ind;
  const form = rand();
  if (form < 0.008) return { value: '5月底4家，6月新增2家', format: null, words: '' };
  if (form < 0.011) return { value: { error: '#N/A' }, format: null, words: '' };
  if (form < 0.02) return { value: '/', format: null, words: '' };
  if (p.q && p.writtenTarget !== undefined) {
    const q = p.q;
    const v = Number((p.writtenTarget * share).toFixed(q.decimals));
    const words = `${ind.metric}${written(v, q.decimals)}${q.written}`;
    const f = rand();
    if (f < 0.5) return { value: v, format: null, words }; // a plain number in the written unit
    if (f < 0.8) return { value: `${written(v, q.decimals)}${q.written}`, format: null, words };
    if (f < 0.9 && v >= 1000) {
      const text = Math.round(v).toLocaleString('en-US');
      return { value: `${text}${q.written}`, format: null, words };
    }
    return { value: `${(share * 100).toFixed(1)}%`, format: null, words }; // a completion rate instead
  }
  const t = ind.value ?? 5.8;
  switch (ind.kind) {
    case 'rate':
    case 'relative': {
      const v = t * share;
      const words = `${ind.metric}${v.toFixed(1)}%`;
      const f = rand();
      if (f < 0.4) return { value: Number(v.toFixed(1)), format: null, words };
      if (f < 0.7) return { value: `${v.toFixed(1)}%`, format: null, words };
      if (f < 0.95) return { value: Number((v / 100).toFixed(3)), format: '0.0%', words };
      return { value: `同比下降${v.toFixed(1)}%`, format: null, words: `${ind.metric}下降${v.toFixed(1)}%` };
    }
    case 'lower_is_better': {
      // Limits are mostly met: 60 % … 130 % of the limit.
      const v = Number((t * (0.6 + rand() * 0.7)).toFixed(ind.unit === '%' ? 2 : 0));
      const words = `${ind.metric}${v}${ind.unit ?? ''}`;
      return rand() < 0.5
        ? { value: v, format: null, words }
        : { value: `${v}${ind.unit ?? ''}`, format: null, words };
    }
    default:
      return { value: null, format: null, words: '' };
  }
}

function statusCell(share: number | null, near: boolean): string {
  // With a figure, the word mostly agrees with it; sometimes it is copied from last quarter. Rates and
  // levels are not done before the year is out, however good.
  if (share !== null && rand() < 0.85) {
    if (near) return share >= 0.9 ? pick(['序时推进', '正常推进']) : pick(['进展缓慢', '滞后']);
    if (share >= 1) return pick(['已完成', '超额完成', '已完成。']);
    return share >= 0.5 ? pick(['序时推进', '正常推进', '推进中']) : pick(['进展缓慢', '滞后', '严重滞后']);
  }
  const word = weighted(STATUS_CELLS);
  return word === '%' ? `完成${between(10, 100)}%` : word;
}

// ── The ledger ───────────────────────────────────────────────────────────────────────────────────────────

const units = Array.from({ length: UNITS }, (_, i) => (i % 5 === 0 ? `第${i}街道` : `区第${i}局`));
const subTasks: SubTask[] = [];
const progress = new Map<string, ProgressEntry>();

let taskRow = 0;
let seq = 0;
let rowSize = 0;
let owners: readonly Person[] = [];
let rowUnits: readonly string[] = [];
let row = 2;
for (let i = 0; i < SUBTASKS; i++) {
  // A task row breaks down into 1–6 sub-tasks (the seed: 161 from 52 rows); they share its owners.
  if (seq === rowSize) {
    taskRow += 1;
    seq = 0;
    rowSize = between(1, 6);
    const unit = units[taskRow % UNITS] ?? '区第0局';
    rowUnits = taskRow % 97 === 0 ? [unit, units[(taskRow + 1) % UNITS] ?? unit] : [unit];
    // A unit's rows name its head, and on some rows a deputy as well (every row is parsed on its own, so
    // each has its own owners array).
    const head = `负责人${taskRow % UNITS}`;
    const deputy = `副职${taskRow % UNITS}`;
    owners =
      rand() < 0.2
        ? [
            { display: head, key: head, deputies: [], isRole: false },
            { display: deputy, key: deputy, deputies: [], isRole: false },
          ]
        : [{ display: head, key: head, deputies: [], isRole: false }];
  }
  seq += 1;
  row += 1;
  const id = `${taskRow}.${String(seq).padStart(2, '0')}`;
  const shape = weighted(SHAPES);
  const first = planIndicator(shape);
  const two = (shape === 'cumulative' || shape === 'rate') && rand() < 0.3;
  const second = two ? planIndicator('cumulative') : null;
  const indicators = second ? [first.ind, second.ind] : [first.ind];
  // Milestones carry their deadline; a few other targets have a 完成时限 too.
  const dl = shape === 'milestone' || rand() < 0.05 ? pick(DEADLINES) : null;
  const text =
    shape === 'milestone' && dl ? `${dl[0]}${first.ind.text}` : indicators.map((ind) => ind.text).join('，');
  subTasks.push({
    id,
    taskRow: taskRow + 2,
    seq,
    units: rowUnits,
    owners,
    text,
    at: at(taskRow + 2, 3),
    deadline: dl ? dl[1] : null,
    deadlineText: dl ? dl[0] : null,
    indicators,
  });

  const roll = rand();
  if (roll < 0.02) continue; // no ledger row for it at all: unscored, 未报送
  // Filled field by field, then put into one shape as the ledger reader does (progressEntry).
  const entry: Writable<ProgressEntry> = {};
  if (roll < 0.04) {
    progress.set(id, progressEntry(entry)); // a row left blank
    continue;
  }
  // A 类别 column (街道/镇 vs 部门) for ranking within groups; a row of two units names none.
  if (rowUnits.length === 1) entry.category = rowUnits[0]?.endsWith('街道') ? '街道' : '部门';
  // Most quantities land between 20 % and 110 % of the year's target; rates, limits and levels, which are
  // not time-scaled, near their target.
  const near = shape === 'rate' || shape === 'relative' || shape === 'limit' || shape === 'level';
  const share = near ? 0.7 + rand() * 0.6 : 0.2 + rand() * 0.9;
  let figures = '';
  const quantitative = shape !== 'qualitative' && shape !== 'milestone';
  if (quantitative && rand() < 0.9) {
    const a = reported(first, share);
    figures = a.words;
    if (second) {
      const b = reported(second, 0.2 + rand() * 0.9);
      figures += `，${b.words}`;
      const list: IndicatorActual[] = [
        { actual: located(a.value, row, 12), format: a.format },
        { actual: located(b.value, row, 12), format: b.format },
      ];
      entry.indicatorActuals = list;
    } else {
      entry.actual = located(a.value, row, 12);
      if (a.format !== null) entry.actualFormat = a.format;
    }
    if (first.q && rand() < 0.5) {
      // The printed 完成率 next to it; one in thirty mistyped.
      const rate = share * 100 + (rand() < 1 / 30 ? between(2, 9) : 0);
      entry.printedRate = located(
        rand() < 0.7 ? `${rate.toFixed(1)}%` : Number((rate / 100).toFixed(3)),
        row,
        14,
      );
      if (typeof entry.printedRate.value === 'number') entry.printedRateFormat = '0.0%';
    }
    if (shape === 'relative' && rand() < 0.8)
      entry.benchmark = located(Number((4 + rand() * 3).toFixed(1)), row, 15);
  } else if (!quantitative && rand() < 0.05) {
    // A self-reported percentage in the 完成值 column of a qualitative task: 60, 0.6 or 60%.
    const pct = between(5, 100);
    entry.actual = located(pick<RawCell>([pct, pct / 100, `${pct}%`]), row, 12);
  }
  if (rand() < 0.93) {
    const word = statusCell(figures === '' ? null : share, near);
    entry.status = { value: word, raw: word, at: at(row, 13) };
  }
  if (rand() < 0.95) {
    const t = progressText(
      i,
      figures === '' ? `${pick(PLACES)}${pick(PROJECTS)}完成${between(5, 100)}%工程量` : figures,
    );
    entry.text = { value: t, raw: t, at: at(row, 17) };
  }
  progress.set(id, progressEntry(entry));
}

const input = {
  asOf: '2024-06-30',
  planYear: 2024,
  settings: resolveSettings(),
  subTasks,
  progress,
  previous: units.map((name, i) => ({ name, rank: i + 1 })),
};

// Warm up the JIT, then measure two ways in one run:
// - collected: a full garbage collection before each timed run, so each starts from a heap holding only
//   the input, as `duban score` scores once in its own process. Collections caused by the run's own
//   allocation (the result is ≈ 44 MB) fall inside the timing.
// - back to back: runs one after another, each also paying for collecting the results of earlier runs
//   (a mark-compact of the whole heap lands in every second or third run).
const gc = collector();
for (let i = 0; i < 3; i++) scoreSubTasks(input);
interface Series {
  readonly wall: number[];
  readonly cpu: number[];
}
const collected: Series = { wall: [], cpu: [] };
const backToBack: Series = { wall: [], cpu: [] };
let summary = '';
function timed(series: Series): void {
  // CPU time of the whole process (main thread plus GC helpers): on a shared machine the wall clock also
  // counts time spent waiting for a core, so both are reported.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = scoreSubTasks(input);
  series.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  series.cpu.push((c.user + c.system) / 1000);
  const n = r.counts;
  summary =
    `${n.subTasks} sub-tasks, ${n.units} units: done ${n.done}, on track ${n.onTrack}, lagging ${n.lagging}, ` +
    `severe ${n.severe}, unscored ${n.unscored}; ${r.findings.length} findings`;
}
// Interleaved, so both series see the same machine load.
for (let i = 0; i < 9; i++) {
  gc();
  timed(collected);
  timed(backToBack);
  timed(backToBack);
}
const line = (name: string, s: Series) =>
  `${name}: median ${median(s.wall).toFixed(1)} ms (min ${Math.min(...s.wall).toFixed(1)}, max ` +
  `${Math.max(...s.wall).toFixed(1)}) over ${s.wall.length} runs; CPU time (all threads) median ` +
  `${median(s.cpu).toFixed(1)} ms`;
console.log(`command: npx tsx bench/score-100k.ts ${SUBTASKS} ${UNITS}`);
console.log(`score ${summary}`);
console.log(line('collected heap', collected));
console.log(line('back to back', backToBack));
console.log(
  `machine: ${machineLine()}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// A full collection on demand: `gc` when Node runs with --expose-gc, else exposed here (V8 reads the flag
// when a context is created, so the function is taken from a new one).
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
