/**
 * Unit scores, statuses, ranks and praise.
 *
 * Formula (docs/scoring.md §5):
 *
 *     score(unit) = 100 × Σ wᵢ·creditᵢ ÷ Σ wᵢ
 *
 * over the unit's scored sub-tasks (unscored ones are left out of both sums), where creditᵢ is the
 * sub-task's credit (0 … `formula.creditCap`, 1 by default: 超额不加分) and wᵢ its weight (权重/分值; 1 for every
 * sub-task when the table has no weight column). A sub-task led by two units (区财政局、区税务局) counts fully
 * for each. The score is rounded to `formula.scoreDecimals` (2) and ranks compare the rounded scores.
 *
 * A unit's status is the worst status among its scored sub-tasks (severe > lagging > on track > done), or
 * `unscored` when none could be scored. It is praised when it has sub-tasks, every one is done or on track,
 * and its score is at least `praise.minScore`.
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { compactKey } from '../text/normalize.ts';
import { roundTo } from './numbers.ts';
import { previousIndex, rankEq } from './rank.ts';
import { RowUnits } from './row-units.ts';
import type { Person } from '../table-model.ts';
import type { PreviousRank, SubTaskScore, TaskStatus, UnitScore } from './score-model.ts';
import { worseStatus } from './score-subtask.ts';
import type { ScoringSettings } from './settings-model.ts';

/** What unit scoring needs besides the sub-task scores. */
export interface UnitScoringOptions {
  readonly settings: ScoringSettings;
  /** Category per unit name (overrides the sub-tasks' categories). */
  readonly categories?: ReadonlyMap<string, string>;
  /** Names of total rows (全区, 合计): never ranked. */
  readonly totalUnits?: readonly string[];
  readonly previous?: readonly PreviousRank[];
}

/** What is known of one unit while its sub-tasks are tallied. */
export interface Accumulator {
  readonly name: string;
  readonly owners: string[];
  /** Compact keys of `owners`, so a name with an ideographic space and without are one owner. */
  readonly ownerKeys: Set<string>;
  /** Display forms already seen: skips computing the key again for the same text. */
  readonly ownerDisplays: Set<string>;
  /** The owners of the last sub-task added (the sub-tasks of a task row share its array). */
  lastOwners: readonly Person[] | null;
  category: string | null;
  weightSum: number;
  creditSum: number;
  status: TaskStatus;
  tasks: number;
  done: number;
  onTrack: number;
  lagging: number;
  severe: number;
  unscored: number;
  isTotal: boolean;
}

function newAccumulator(name: string, isTotal: boolean): Accumulator {
  return {
    name,
    owners: [],
    ownerKeys: new Set(),
    ownerDisplays: new Set(),
    lastOwners: null,
    category: null,
    weightSum: 0,
    creditSum: 0,
    status: 'unscored',
    tasks: 0,
    done: 0,
    onTrack: 0,
    lagging: 0,
    severe: 0,
    unscored: 0,
    isTotal,
  };
}

function add(acc: Accumulator, task: SubTaskScore, findings: Finding[]): void {
  acc.tasks += 1;
  switch (task.status) {
    case 'done':
      acc.done += 1;
      break;
    case 'on_track':
      acc.onTrack += 1;
      break;
    case 'lagging':
      acc.lagging += 1;
      break;
    case 'severe':
      acc.severe += 1;
      break;
    case 'unscored':
      acc.unscored += 1;
      break;
  }
  if (task.status !== 'unscored') {
    acc.status = acc.status === 'unscored' ? task.status : worseStatus(acc.status, task.status);
  }
  if (task.credit !== null && task.weight !== null && task.weight > 0) {
    acc.weightSum += task.weight;
    acc.creditSum += task.weight * task.credit;
  }
  // The sub-tasks of one task row share its owners array, and a unit's rows mostly name the same people:
  // the same names as last time add nothing new.
  const owners = task.subTask.owners;
  if (owners !== acc.lastOwners && !sameNames(owners, acc.lastOwners)) {
    acc.lastOwners = owners;
    for (let i = 0; i < owners.length; i++) {
      const owner = owners[i]?.display;
      if (owner === undefined || acc.ownerDisplays.has(owner)) continue;
      acc.ownerDisplays.add(owner);
      const key = compactKey(owner);
      if (!acc.ownerKeys.has(key)) {
        acc.ownerKeys.add(key);
        acc.owners.push(owner);
      }
    }
  }
  if (task.category !== null) {
    if (acc.category === null) acc.category = task.category;
    else if (acc.category !== task.category) {
      findings.push(
        makeFinding('score_category_conflict', task.at, {
          unit: acc.name,
          first: acc.category,
          second: task.category,
        }),
      );
    }
  }
}

// The same names, as displayed, in the same order.
function sameNames(a: readonly Person[], b: readonly Person[] | null): boolean {
  if (b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]?.display !== b[i]?.display) return false;
  return true;
}

/**
 * Units being tallied from sub-task scores, one at a time: the scorer adds each sub-task as it is scored,
 * while its result is still in the processor's cache, instead of walking 100 000 results again afterwards.
 */
export interface UnitTally {
  readonly options: UnitScoringOptions;
  readonly totalKeys: ReadonlySet<string>;
  readonly byName: Map<string, Accumulator>;
  /** Sub-tasks of total rows, added after all others (see {@link finishUnits}). */
  readonly totals: SubTaskScore[];
  /** The accumulators of a task row's units, from `byName`. */
  readonly rows: RowUnits<Accumulator>;
}

/** Start a tally. */
export function newUnitTally(options: UnitScoringOptions): UnitTally {
  const totalKeys = new Set((options.totalUnits ?? []).map((n) => compactKey(n)));
  const byName = new Map<string, Accumulator>();
  return {
    options,
    totalKeys,
    byName,
    totals: [],
    rows: new RowUnits(byName, (name) =>
      newAccumulator(name, totalKeys.size > 0 && totalKeys.has(compactKey(name))),
    ),
  };
}

/** Add a scored sub-task to the tally; a total row's is kept for {@link finishUnits}. */
export function tallyTask(tally: UnitTally, task: SubTaskScore, findings: Finding[]): void {
  if (task.isTotal) {
    tally.totals.push(task);
    return;
  }
  const accs = tally.rows.of(task.subTask.units);
  for (let a = 0; a < tally.rows.count; a++) {
    const acc = accs[a];
    if (acc !== undefined) add(acc, task, findings);
  }
}

/**
 * Score, rank and order the units of the scored sub-tasks. Returned order: ranked units by rank (ties in
 * first-appearance order), then unranked units, then totals. Category conflicts are appended to `findings`.
 */
export function scoreUnits(
  tasks: readonly SubTaskScore[],
  options: UnitScoringOptions,
  findings: Finding[],
): UnitScore[] {
  const tally = newUnitTally(options);
  // Indexed loop: a for-of loop here allocates an iterator result per sub-task until it is optimised.
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t];
    if (task !== undefined) tallyTask(tally, task, findings);
  }
  return finishUnits(tally, findings);
}

/**
 * Score, rank and order the tallied units (see {@link scoreUnits}). Units of real task rows were added
 * first, so a name that also appears on a total row stays a real unit; total rows are added now.
 */
export function finishUnits(tally: UnitTally, findings: Finding[]): UnitScore[] {
  const { options, byName } = tally;
  const s = options.settings;
  for (const task of tally.totals) {
    for (const name of task.subTask.units) {
      let acc = byName.get(name);
      if (!acc) {
        acc = newAccumulator(name, true);
        byName.set(name, acc);
      }
      if (acc.isTotal) add(acc, task, findings);
    }
  }

  const accs = [...byName.values()];
  const categoryOf = (acc: Accumulator): string | null => options.categories?.get(acc.name) ?? acc.category;
  const scores = accs.map((acc) =>
    acc.weightSum > 0 ? roundTo((100 * acc.creditSum) / acc.weightSum, s.formula.scoreDecimals) : null,
  );
  const rankable = accs.map((acc, i) => (acc.isTotal ? null : (scores[i] ?? null)));
  const ranks = rankEq(rankable, s.formula.scoreDecimals);

  // Ranks within each category.
  const groupRanks: (number | null)[] = accs.map(() => null);
  const groups = new Map<string, number[]>();
  accs.forEach((acc, i) => {
    const category = categoryOf(acc);
    if (category === null || ranks[i] === null) return;
    const members = groups.get(category) ?? [];
    members.push(i);
    groups.set(category, members);
  });
  for (const members of groups.values()) {
    const r = rankEq(
      members.map((i) => rankable[i] ?? null),
      s.formula.scoreDecimals,
    );
    members.forEach((i, k) => (groupRanks[i] = r[k] ?? null));
  }

  const move = previousIndex(options.previous ?? []);
  const units: UnitScore[] = accs.map((acc, i) => {
    const score = scores[i] ?? null;
    const rank = ranks[i] ?? null;
    const allGood = acc.tasks > 0 && acc.done + acc.onTrack === acc.tasks;
    return {
      name: acc.name,
      owners: acc.owners,
      category: categoryOf(acc),
      score,
      rank,
      groupRank: groupRanks[i] ?? null,
      status: acc.status,
      tasks: acc.tasks,
      done: acc.done,
      onTrack: acc.onTrack,
      lagging: acc.lagging,
      severe: acc.severe,
      unscored: acc.unscored,
      movement: options.previous ? move(acc.name, rank) : null,
      praised: !acc.isTotal && allGood && score !== null && score >= s.praise.minScore,
      isTotal: acc.isTotal,
    };
  });
  const order = (u: UnitScore): number => (u.isTotal ? 2 : u.rank === null ? 1 : 0);
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => order(a.u) - order(b.u) || (a.u.rank ?? 0) - (b.u.rank ?? 0) || a.i - b.i)
    .map((x) => x.u);
}
