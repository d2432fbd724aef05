/**
 * The quarterly circular (通报): counts, the praise list (通报表扬), the escalation list (督查七联动) and a
 * draft paragraph in the style of such notices:
 * `截至2024年6月30日，全区52个责任单位承担的N项重点任务中，已完成X项，序时推进Y项，进展滞后Z项……`
 */
import { fixed } from './numbers.ts';
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

/**
 * Counts for the circular. Totals are excluded; each sub-task counts once even when two units lead it, and
 * `done + onTrack + lagging + severe + unscored === subTasks`.
 */
export function countResults(tasks: readonly SubTaskScore[], units: readonly UnitScore[]): ScoreCounts {
  let subTasks = 0;
  let done = 0;
  let onTrack = 0;
  let lagging = 0;
  let severe = 0;
  let unscored = 0;
  for (const t of tasks) {
    if (t.isTotal) continue;
    subTasks += 1;
    if (t.status === 'done') done += 1;
    else if (t.status === 'on_track') onTrack += 1;
    else if (t.status === 'lagging') lagging += 1;
    else if (t.status === 'severe') severe += 1;
    else unscored += 1;
  }
  const unitCount = units.filter((u) => !u.isTotal).length;
  return { units: unitCount, subTasks, done, onTrack, lagging, severe, unscored };
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

/** The escalation list and the number of distinct sub-tasks on it. */
export function escalation(
  tasks: readonly SubTaskScore[],
  units: readonly UnitScore[],
  s: ScoringSettings,
): { entries: EscalationEntry[]; taskCount: number } {
  let taskCount = 0;
  const byUnit = new Map<string, EscalatedTask[]>();
  for (const task of tasks) {
    const cause = escalationCause(task, s);
    if (cause === null) continue;
    taskCount += 1;
    const item: EscalatedTask = {
      id: task.id,
      text: task.text,
      status: task.status,
      cause,
      gapPoints: task.gapPoints,
      explanationZh: task.explanationZh,
      explanationEn: task.explanationEn,
      at: task.at,
    };
    for (const unit of task.units) {
      const list = byUnit.get(unit) ?? [];
      list.push(item);
      byUnit.set(unit, list);
    }
  }
  const ordered = [...units]
    .filter((u) => !u.isTotal && byUnit.has(u.name))
    .map((u, i) => ({ u, i }))
    .sort((a, b) => {
      const sa = a.u.score ?? Number.POSITIVE_INFINITY;
      const sb = b.u.score ?? Number.POSITIVE_INFINITY;
      return sa - sb || a.i - b.i;
    });
  return { entries: ordered.map(({ u }) => ({ unit: u.name, tasks: byUnit.get(u.name) ?? [] })), taskCount };
}

function howFarZh(t: EscalatedTask, d: number): string {
  const gap = t.gapPoints !== null && t.gapPoints > 0 ? `，差${fixed(t.gapPoints, d)}个百分点` : '';
  switch (t.cause) {
    case 'overdue':
      return `${t.id}逾期未完成${gap}`;
    case 'year_end_unfinished':
      return `${t.id}年底未完成${gap}`;
    case 'severe':
      return gap === '' ? `${t.id}严重滞后` : `${t.id}严重滞后${gap}`;
    case 'lagging':
      return gap === '' ? `${t.id}进展滞后` : `${t.id}进展滞后${gap}`;
  }
}

function howFarEn(t: EscalatedTask, d: number): string {
  const gap = t.gapPoints !== null && t.gapPoints > 0 ? `, ${fixed(t.gapPoints, d)} points behind` : '';
  switch (t.cause) {
    case 'overdue':
      return `${t.id} overdue${gap}`;
    case 'year_end_unfinished':
      return `${t.id} unfinished at year end${gap}`;
    case 'severe':
      return `${t.id} severely behind${gap}`;
    case 'lagging':
      return `${t.id} lagging${gap}`;
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

  const top = input.units.filter((u) => u.rank !== null && u.rank <= TOP_PLACES);
  if (top.length > 0) {
    const names = top.map((u) => u.name);
    const tied = top.length > TOP_PLACES;
    zh += `综合得分位列前${TOP_PLACES}位的单位是${names.join('、')}${tied ? '（含并列）' : ''}。`;
    en += ` The top-scoring units are ${names.join(', ')}${tied ? ' (with ties)' : ''}.`;
  }
  if (input.praise.length > 0) {
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
