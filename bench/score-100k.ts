/**
 * Benchmark (issue 4 §6): score 100,000 synthetic sub-tasks across 500 units in Node, as of 2024-06-30.
 * Target: < 300 ms on our 2-core machine. Run: `npx tsx bench/score-100k.ts [subTasks] [units]`.
 *
 * The sub-tasks mix every indicator kind and the progress mixes every way units report: plain numbers,
 * numbers with units (`30.05亿元`), percentages (`68.1%`, 0.681 formatted `0.0%`), status words, printed
 * completion rates, progress text, and some blanks — so interpretation, explanations and findings are all
 * exercised. A fixed linear congruential generator keeps the data the same on every run.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Indicator, SubTask } from '../src/core/breakdown-model.ts';
import type { RawCell } from '../src/core/grid.ts';
import { scoreSubTasks } from '../src/core/score/score.ts';
import type { ProgressEntry } from '../src/core/score/score-model.ts';
import { resolveSettings } from '../src/core/score/settings.ts';
import type { Located } from '../src/core/table-model.ts';
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

const KINDS: readonly (() => Indicator)[] = [
  () => ({
    metric: '新增城镇就业',
    kind: 'cumulative',
    comparator: '>=',
    value: 6600,
    valueMax: null,
    unit: '人',
    text: '新增城镇就业6600人',
  }),
  () => ({
    metric: '完成投资',
    kind: 'cumulative',
    comparator: '>=',
    value: 2e10,
    valueMax: null,
    unit: '元',
    text: '完成投资200亿元',
  }),
  () => ({
    metric: '地区生产总值增长',
    kind: 'rate',
    comparator: '>=',
    value: 5.5,
    valueMax: null,
    unit: '%',
    text: '地区生产总值增长5.5%以上',
  }),
  () => ({
    metric: '城镇登记失业率',
    kind: 'lower_is_better',
    comparator: '<=',
    value: 3,
    valueMax: null,
    unit: '%',
    text: '城镇登记失业率控制在3%以内',
  }),
  () => ({
    metric: '粮食总产',
    kind: 'keep_level',
    comparator: '>=',
    value: 230000,
    valueMax: null,
    unit: '吨',
    text: '粮食总产稳定在23万吨',
  }),
  () => ({
    metric: '固定资产投资增长',
    kind: 'approximate',
    comparator: '~',
    value: 8,
    valueMax: null,
    unit: '%',
    text: '固定资产投资增长8%左右',
  }),
  () => ({
    metric: '居民收入增长',
    kind: 'relative',
    comparator: '>=',
    value: null,
    valueMax: null,
    unit: '%',
    text: '居民收入增长不低于全市平均',
  }),
  () => ({
    metric: '项目主体施工',
    kind: 'milestone',
    comparator: null,
    value: null,
    valueMax: null,
    unit: null,
    text: '6月底前完成项目主体施工',
  }),
];

const units = Array.from({ length: UNITS }, (_, i) => (i % 5 === 0 ? `第${i}街道` : `区第${i}局`));
const subTasks: SubTask[] = [];
const progress = new Map<string, ProgressEntry>();
const at = (row: number, col: number) => ({ sheet: '台账', row, col });
const located = (value: RawCell, row: number, col: number): Located<RawCell> => ({
  value,
  raw: value,
  at: at(row, col),
});

// As breakdown produces them: a task row of ten sub-tasks per unit, sharing the row's owners; every 97th row
// has two lead units (区财政局、区税务局).
let owners = [{ display: '张三', key: '张三', deputies: [], isRole: false }];
for (let i = 0; i < SUBTASKS; i++) {
  const ind = pick(KINDS)();
  const taskRow = Math.floor(i / 10);
  const id = `${taskRow + 1}.${String((i % 10) + 1).padStart(2, '0')}`;
  const unit = units[taskRow % UNITS] ?? '区第0局';
  if (i % 10 === 0)
    owners = [
      { display: `负责人${taskRow % 997}`, key: `负责人${taskRow % 997}`, deputies: [], isRole: false },
    ];
  const milestone = ind.kind === 'milestone';
  subTasks.push({
    id,
    taskRow: taskRow + 3,
    seq: (i % 10) + 1,
    units: taskRow % 97 === 0 ? [unit, units[(taskRow + 1) % UNITS] ?? unit] : [unit],
    owners,
    text: ind.text,
    at: at(taskRow + 3, 2),
    deadline: milestone ? '2024-06-30' : null,
    deadlineText: milestone ? '6月底前' : null,
    indicators: [ind],
  });
  const row = i + 3;
  const roll = rand();
  // Built field by field, so writable here; scoring sees it as a ProgressEntry.
  const entry: { -readonly [K in keyof ProgressEntry]: ProgressEntry[K] } = {};
  if (milestone || roll < 0.08) {
    const word = pick(['已完成', '序时推进', '进展缓慢', '未启动', '推进中', '完成60%']);
    entry.status = { value: word, raw: word, at: at(row, 6) };
  } else if (roll < 0.12) {
    // Nothing reported.
  } else {
    const share = 0.2 + rand() * 0.9;
    switch (ind.kind) {
      case 'cumulative':
        entry.actual =
          ind.unit === '元'
            ? located(`${Math.floor(share * 200)}亿元`, row, 5)
            : located(Math.round(share * 6600), row, 5);
        entry.printedRate = located(`${(share * 100).toFixed(1)}%`, row, 7);
        break;
      case 'rate':
      case 'approximate':
        entry.actual = located(rand() < 0.5 ? share * 8 : share * 0.08, row, 5);
        if (rand() >= 0.5) entry.actualFormat = '0.0%';
        break;
      case 'lower_is_better':
        entry.actual = located(`${(share * 4).toFixed(1)}%`, row, 5);
        break;
      case 'keep_level':
        entry.actual = located(`${(share * 25).toFixed(1)}万吨`, row, 5);
        break;
      case 'relative':
        entry.actual = located(share * 7, row, 5);
        if (rand() < 0.8) entry.benchmark = located(5.8, row, 8);
        break;
      default:
        break;
    }
  }
  if (rand() < 0.3) {
    const text = '按计划推进，已完成阶段性任务。'.repeat(1 + Math.floor(rand() * 3));
    entry.text = { value: text, raw: text, at: at(row, 9) };
  }
  progress.set(id, entry);
}

const input = {
  asOf: '2024-06-30',
  planYear: 2024,
  settings: resolveSettings(),
  subTasks,
  progress,
  previous: units.map((name, i) => ({ name, rank: i + 1 })),
};

// Warm up the JIT, then measure.
for (let i = 0; i < 3; i++) scoreSubTasks(input);
const times: number[] = [];
// CPU time of the whole process (main thread plus GC helpers): on a shared machine the wall clock also
// counts time spent waiting for a core, so both are reported.
const cpuTimes: number[] = [];
let summary = '';
for (let i = 0; i < 9; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = scoreSubTasks(input);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
  const n = r.counts;
  summary =
    `${n.subTasks} sub-tasks, ${n.units} units: done ${n.done}, on track ${n.onTrack}, lagging ${n.lagging}, ` +
    `severe ${n.severe}, unscored ${n.unscored}; ${r.findings.length} findings`;
}
console.log(`command: npx tsx bench/score-100k.ts ${SUBTASKS} ${UNITS}`);
console.log(`score ${summary}`);
console.log(
  `median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}) over ${times.length} runs`,
);
console.log(`CPU time (all threads): median ${median(cpuTimes).toFixed(1)} ms`);
console.log(
  `machine: ${machineLine()}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
