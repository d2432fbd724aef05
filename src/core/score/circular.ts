/**
 * The quarterly circular (通报): counts, the praise list (通报表扬), the escalation list (督查七联动) and a
 * draft paragraph in the style of such notices:
 * `截至2024年6月30日，全区52个责任单位承担的N项重点任务中，已完成X项，序时推进Y项，进展滞后Z项……`
 */
import { fixed } from './numbers.ts';
import { RowUnits } from './row-units.ts';
import type {
  EscalatedTask,
  EscalationCause,
  EscalationEntry,
  ScoreCounts,
  SubTaskScore,
  UnitScore,
} from './score-model.ts';
import type { ScoringSettings } from './settings-model.ts';
import { formatChineseDate, formatEnglishDate, parseAsOf } from './time-progress.ts';

/** Sub-task counts being tallied (the `units` count is set at the end). */
export interface CountTally {
  subTasks: number;
  done: number;
  onTrack: number;
  lagging: number;
  severe: number;
  unscored: number;
}

/** Start a count. */
export function newCountTally(): CountTally {
  return { subTasks: 0, done: 0, onTrack: 0, lagging: 0, severe: 0, unscored: 0 };
}

/** Count one scored sub-task (totals are not counted). */
export function tallyCount(c: CountTally, t: SubTaskScore): void {
  if (t.isTotal) return;
  c.subTasks += 1;
  if (t.status === 'done') c.done += 1;
  else if (t.status === 'on_track') c.onTrack += 1;
  else if (t.status === 'lagging') c.lagging += 1;
  else if (t.status === 'severe') c.severe += 1;
  else c.unscored += 1;
}

/** The circular's counts from a finished tally and the units (totals excluded). */
export function finishCounts(c: CountTally, units: readonly UnitScore[]): ScoreCounts {
  let unitCount = 0;
  for (const u of units) if (!u.isTotal) unitCount += 1;
  return {
    units: unitCount,
    subTasks: c.subTasks,
    done: c.done,
    onTrack: c.onTrack,
    lagging: c.lagging,
    severe: c.severe,
    unscored: c.unscored,
  };
}

/**
 * Counts for the circular. Totals are excluded; each sub-task counts once even when two units lead it, and
 * `done + onTrack + lagging + severe + unscored === subTasks`.
 */
export function countResults(tasks: readonly SubTaskScore[], units: readonly UnitScore[]): ScoreCounts {
  const c = newCountTally();
  // Indexed loop: a for-of loop in a function that runs once per scoring call allocates an iterator result
  // per element until it is optimised.
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (t !== undefined) tallyCount(c, t);
  }
  return finishCounts(c, units);
}

/** Why a sub-task is escalated under the settings, or null when it is not. */
export function escalationCause(task: SubTaskScore, s: ScoringSettings): EscalationCause | null {
  if (task.isTotal || task.status === 'done' || task.status === 'unscored') return null;
  if (task.overdue && s.escalation.overdue) return 'overdue';
  if (task.yearEndUnfinished && s.escalation.yearEndUnfinished) return 'year_end_unfinished';
  if (task.status === 'severe' && s.escalation.severe) return 'severe';
  if (task.status === 'lagging' && s.escalation.lagging) return 'lagging';
  return null;
}

/**
 * The escalation list: for each unit with escalated sub-tasks, which ones and how far behind. Units are
 * listed lowest score first (the order a notice names them), unranked ones last.
 */
export function buildEscalation(
  tasks: readonly SubTaskScore[],
  units: readonly UnitScore[],
  s: ScoringSettings,
): EscalationEntry[] {
  return escalation(tasks, units, s).entries;
}

/** Escalated sub-tasks being collected, by unit. */
export interface EscalationTally {
  readonly settings: ScoringSettings;
  readonly byUnit: Map<string, EscalatedTask[]>;
  /** Distinct escalated sub-tasks (a task of two units is listed under both, counted once). */
  taskCount: number;
  /** The lists of a task row's units, from `byUnit`. */
  readonly rows: RowUnits<EscalatedTask[]>;
}

/** Start collecting escalated sub-tasks. */
export function newEscalationTally(s: ScoringSettings): EscalationTally {
  const byUnit = new Map<string, EscalatedTask[]>();
  return { settings: s, byUnit, taskCount: 0, rows: new RowUnits(byUnit, () => []) };
}

/** Collect one scored sub-task when it is escalated. */
export function tallyEscalation(tally: EscalationTally, task: SubTaskScore): void {
  const cause = escalationCause(task, tally.settings);
  if (cause === null) return;
  tally.taskCount += 1;
  const item: EscalatedTask = { task, cause };
  const lists = tally.rows.of(task.subTask.units);
  for (let k = 0; k < tally.rows.count; k++) lists[k]?.push(item);
}

/**
 * The escalation list from the collected sub-tasks: units lowest score first (the order a notice names
 * them), unranked ones last.
 */
export function finishEscalation(
  tally: EscalationTally,
  units: readonly UnitScore[],
): { entries: EscalationEntry[]; taskCount: number } {
  const byUnit = tally.byUnit;
  const ordered = [...units]
    .filter((u) => !u.isTotal && byUnit.has(u.name))
    .map((u, i) => ({ u, i }))
    .sort((a, b) => {
      const sa = a.u.score ?? Number.POSITIVE_INFINITY;
      const sb = b.u.score ?? Number.POSITIVE_INFINITY;
      return sa - sb || a.i - b.i;
    });
  return {
    entries: ordered.map(({ u }) => ({ unit: u.name, tasks: byUnit.get(u.name) ?? [] })),
    taskCount: tally.taskCount,
  };
}

/** The escalation list and the number of distinct sub-tasks on it. */
export function escalation(
  tasks: readonly SubTaskScore[],
  units: readonly UnitScore[],
  s: ScoringSettings,
): { entries: EscalationEntry[]; taskCount: number } {
  const tally = newEscalationTally(s);
  // Indexed loop: a for-of loop here allocates an iterator result per sub-task until it is optimised.
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    if (task !== undefined) tallyEscalation(tally, task);
  }
  return finishEscalation(tally, units);
}

function howFarZh(t: EscalatedTask, d: number): string {
  const { gapPoints } = t.task;
  const id = t.task.subTask.id;
  const gap = gapPoints !== null && gapPoints > 0 ? `，差${fixed(gapPoints, d)}个百分点` : '';
  switch (t.cause) {
    case 'overdue':
      return `${id}逾期未完成${gap}`;
    case 'year_end_unfinished':
      return `${id}年底未完成${gap}`;
    case 'severe':
      return gap === '' ? `${id}严重滞后` : `${id}严重滞后${gap}`;
    case 'lagging':
      return gap === '' ? `${id}进展滞后` : `${id}进展滞后${gap}`;
  }
}

function howFarEn(t: EscalatedTask, d: number): string {
  const { gapPoints } = t.task;
  const id = t.task.subTask.id;
  const gap = gapPoints !== null && gapPoints > 0 ? `, ${fixed(gapPoints, d)} points behind` : '';
  switch (t.cause) {
    case 'overdue':
      return `${id} overdue${gap}`;
    case 'year_end_unfinished':
      return `${id} unfinished at year end${gap}`;
    case 'severe':
      return `${id} severely behind${gap}`;
    case 'lagging':
      return `${id} lagging${gap}`;
  }
}

/** Everything the paragraph mentions. */
export interface CircularInput {
  readonly asOf: string;
  readonly settings: ScoringSettings;
  readonly counts: ScoreCounts;
  /** Units in rank order (as `scoreUnits` returns them). */
  readonly units: readonly UnitScore[];
  readonly praise: readonly string[];
  readonly escalate: readonly EscalationEntry[];
  /** Distinct escalated sub-tasks (a task of two units is listed under both, counted once). */
  readonly escalatedTasks: number;
}

/** How many top-ranked units the paragraph names (ties at the last place are all named). */
const TOP_PLACES = 3;

/**
 * Longest lists the paragraph spells out; the rest is summed up as 等N个单位 / 等N项. A draft notice for a
 * district names every unit (about 50), while a synthetic ledger of thousands would drown the paragraph;
 * the full lists are always in `praise` and `escalate`.
 */
export const PARAGRAPH_MAX_UNITS = 60;
export const PARAGRAPH_MAX_TASKS_PER_UNIT = 10;

// The first `max` items joined, then 等N个/等N项 when some were left out. Only the items shown are
// formatted: a unit of a huge ledger may have thousands.
function listed<T>(
  items: readonly T[],
  max: number,
  format: (item: T) => string,
  sep: string,
  rest: (n: number) => string,
): string {
  const shown = items.length <= max ? items : items.slice(0, max);
  const text = shown.map(format).join(sep);
  return items.length <= max ? text : `${text}${rest(items.length)}`;
}

const ORDINALS_EN = ['first', 'second', 'third'];

/** `first`, `second`, `third` for the top places. */
function ordinalEn(rank: number): string {
  return ORDINALS_EN[rank - 1] ?? `${rank}th`;
}

/**
 * The sentence on the top-ranked units (places 1–3, 并列 sharing a place), and the names it lists.
 *
 * - Up to `limit` units in the top places: they are listed —
 *   `综合得分位列前3位的单位是A、B、C、D（含并列）。`
 * - More: each place is described on its own, a place shared by more than `limit` units by its count, so
 *   29 units tied at 100 read `综合得分并列第1位的有29个单位。` (the praise sentence names them), and
 *   A first with 6 units tied behind it `综合得分第1位是A，并列第2位的有6个单位。`
 */
function topSentence(
  units: readonly UnitScore[],
  limit: number,
): { zh: string; en: string; named: readonly string[] } {
  const top = units.filter((u) => u.rank !== null && u.rank <= TOP_PLACES);
  if (top.length === 0) return { zh: '', en: '', named: [] };
  if (top.length <= limit) {
    const names = top.map((u) => u.name);
    const tied = top.length > TOP_PLACES;
    return {
      zh: `综合得分位列前${TOP_PLACES}位的单位是${names.join('、')}${tied ? '（含并列）' : ''}。`,
      en: ` The top-scoring units are ${names.join(', ')}${tied ? ' (with ties)' : ''}.`,
      named: names,
    };
  }
  // Units sharing each place, in rank order (units come sorted by rank).
  const places: { rank: number; names: string[] }[] = [];
  for (const u of top) {
    const last = places[places.length - 1];
    if (last !== undefined && last.rank === u.rank) last.names.push(u.name);
    else places.push({ rank: u.rank ?? 0, names: [u.name] });
  }
  const named: string[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  for (const { rank, names } of places) {
    if (names.length === 1) {
      zh.push(`第${rank}位是${names.join('')}`);
      en.push(`${names.join('')} is ${ordinalEn(rank)}`);
      named.push(...names);
    } else if (names.length <= limit) {
      zh.push(`并列第${rank}位的是${names.join('、')}`);
      const last = names[names.length - 1] ?? '';
      en.push(`${names.slice(0, -1).join(', ')} and ${last} share ${ordinalEn(rank)} place`);
      named.push(...names);
    } else {
      zh.push(`并列第${rank}位的有${names.length}个单位`);
      en.push(`${names.length} units share ${ordinalEn(rank)} place`);
    }
  }
  return { zh: `综合得分${zh.join('，')}。`, en: ` In the overall score, ${en.join('; ')}.`, named };
}

// True when two lists name the same units (in any order).
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  const set = new Set(b);
  return a.every((name) => set.has(name));
}

/**
 * The draft paragraph in Chinese and English. Clauses with nothing to say (no severe, no praise, no
 * escalation) are left out.
 * @example '截至2024年6月30日，全区3个责任单位承担的5项重点任务中，已完成1项，序时推进2项，进展滞后2项（其中严重滞后1项）。…'
 */
export function circularParagraph(input: CircularInput): { zh: string; en: string } {
  const { counts: c, settings: s } = input;
  const d = s.percentDecimals;
  const date = parseAsOf(input.asOf);
  const behind = c.lagging + c.severe;
  let zh =
    `截至${formatChineseDate(date)}，${s.scopeName}${c.units}个责任单位承担的${c.subTasks}项重点任务中，` +
    `已完成${c.done}项，序时推进${c.onTrack}项，进展滞后${behind}项`;
  if (c.severe > 0) zh += `（其中严重滞后${c.severe}项）`;
  if (c.unscored > 0) zh += `，${c.unscored}项未报送进展或无法评价`;
  zh += '。';
  let en =
    `As of ${formatEnglishDate(date)}, of the ${c.subTasks} key tasks of the ${c.units} responsible units, ` +
    `${c.done} are done, ${c.onTrack} on track and ${behind} lagging`;
  if (c.severe > 0) en += ` (${c.severe} of them severely)`;
  if (c.unscored > 0) en += `; ${c.unscored} have no progress reported or could not be assessed`;
  en += '.';

  const top = topSentence(input.units, s.paragraph.topNamesLimit);
  zh += top.zh;
  en += top.en;
  if (input.praise.length > 0) {
    if (sameNames(input.praise, top.named)) {
      // The units were just named as the top ones: refer to them instead of naming them again.
      zh += `对工作进展快、落实好的上述${input.praise.length}个单位予以通报表扬。`;
      en += ` Praised for fast progress: the ${input.praise.length} units above.`;
    } else {
      const same = (name: string): string => name;
      const namesZh = listed(input.praise, PARAGRAPH_MAX_UNITS, same, '、', () => '等');
      const namesEn = listed(
        input.praise,
        PARAGRAPH_MAX_UNITS,
        same,
        ', ',
        (n) => ` and ${n - PARAGRAPH_MAX_UNITS} more`,
      );
      zh += `对工作进展快、落实好的${namesZh}${input.praise.length}个单位予以通报表扬。`;
      en += ` Praised for fast progress: ${namesEn}.`;
    }
  }
  if (input.escalate.length > 0) {
    // A task led by two units is listed under both but counted once.
    const taskCount = input.escalatedTasks;
    const kindZh = s.escalation.lagging ? '进展滞后、逾期或年底未完成' : '严重滞后、逾期或年底未完成';
    const kindEn = s.escalation.lagging
      ? 'lagging, overdue or unfinished'
      : 'severely lagging, overdue or unfinished';
    const shown = input.escalate.slice(0, PARAGRAPH_MAX_UNITS);
    const tasksZh = (e: EscalationEntry) =>
      listed(
        e.tasks,
        PARAGRAPH_MAX_TASKS_PER_UNIT,
        (t) => howFarZh(t, d),
        '；',
        (n) => `等${n}项`,
      );
    const tasksEn = (e: EscalationEntry) =>
      listed(
        e.tasks,
        PARAGRAPH_MAX_TASKS_PER_UNIT,
        (t) => howFarEn(t, d),
        '; ',
        (n) => `; ${n} tasks in all`,
      );
    const restZh = input.escalate.length > shown.length ? `等${input.escalate.length}个单位` : '';
    const restEn = input.escalate.length > shown.length ? `; ${input.escalate.length} units in all` : '';
    const listZh = shown.map((e) => `${e.unit}（${tasksZh(e)}）`);
    const listEn = shown.map((e) => `${e.unit} (${tasksEn(e)})`);
    zh += `对${input.escalate.length}个单位的${taskCount}项${kindZh}任务，按程序启动督查七联动工作机制，予以联动督查督办：${listZh.join('；')}${restZh}。`;
    en +=
      ` ${taskCount} ${kindEn} tasks of ${input.escalate.length} units are escalated ` +
      `(督查七联动): ${listEn.join('; ')}${restEn}.`;
  }
  return { zh, en };
}
