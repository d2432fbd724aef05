/**
 * Target (目标任务) checks: empty targets, vague targets (nothing quantified and no deadline), the same
 * target or sentence given to two units (a shared task), and a unit's target repeated in two rows.
 *
 * Ambiguous comparators and unreadable values inside a target are the breakdown's findings, not repeated
 * here. The checks run on long tables only: in a wide table the "target" of a record is its indicator
 * group's name, the same for every unit by design.
 */
import type { SubTask } from '../breakdown-model.ts';
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { isCellError, numberFormatAt, toA1, type CellRef } from '../grid.ts';
import type { ColumnMapping, TaskRow } from '../table-model.ts';
import { compactKey, isBlank, oneToOneKey } from '../text/normalize.ts';
import {
  chars,
  columnFor,
  pushAll,
  rowCell,
  subTasksOf,
  unitLabel,
  type ValidateContext,
} from './context.ts';
import { numericValue, readNumberCell } from './number-cell.ts';

/**
 * Punctuation that ends a sentence or clause, ignored at the end when comparing texts (compact keys have no
 * whitespace; NFKC has already turned full-width ．；，！？： into ASCII).
 * e.g. '不断提升财税保障能力。' → '不断提升财税保障能力'; '推进改革；' → '推进改革'; '推进改革' unchanged
 */
const TRAILING_PUNCTUATION: ReadonlySet<number> = new Set(
  ['。', '.', ';', ',', '、', '!', '?', ':', '；', '，', '！', '？', '：', '．'].map((c) => c.charCodeAt(0)),
);

/** Shared sentences shorter than this (in characters) are too generic to call a shared task (`促上市`). */
const MIN_SHARED_LENGTH = 4;

/** Shared-sentence text in messages is cut to this many characters. */
const MAX_QUOTED_LENGTH = 40;

/** Comparison key of a target or sentence: compact form without trailing punctuation. */
export function textKey(text: string, key: (text: string) => string = compactKey): string {
  return withoutTrailing(key(text));
}

/** A compact key without its trailing punctuation. */
function withoutTrailing(k: string): string {
  // Scan back over the trailing punctuation only: a regex anchored at the end would try every position
  // of a 600-character target.
  let end = k.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(k.charCodeAt(end - 1))) end--;
  return end === k.length ? k : k.slice(0, end);
}

function quote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_QUOTED_LENGTH) return trimmed; // UTF-16 length bounds the character count
  const all = chars(trimmed);
  return all.length > MAX_QUOTED_LENGTH ? `${all.slice(0, MAX_QUOTED_LENGTH).join('')}…` : all.join('');
}

interface TargetRow {
  readonly row: TaskRow;
  readonly at: CellRef;
  /** `at` in A1 form with the sheet, for messages naming this row from another; see {@link a1Of}. */
  a1: string | null;
  /** The representative id of this row in sharedSentences (-1 until worked out there). */
  repId: number;
  readonly key: string;
  /** Small integer standing for `key` (equal keys, equal ids): compared instead of long texts. */
  readonly keyId: number;
  /** The target as written. */
  readonly text: string;
  /** Its compact key when every character maps to one (see oneToOneKey), else null. */
  readonly sliceable: string | null;
  readonly units: string;
  /** Compact keys of the row's units, distinct. */
  readonly unitKeys: readonly string[];
  /** The same keys sorted and joined: the identity of the unit set. */
  readonly unitSet: string;
  /** Small integer standing for the unit set (equal sets, equal ids). */
  readonly setId: number;
  readonly subTasks: readonly SubTask[];
}

function a1Of(t: TargetRow): string {
  t.a1 ??= toA1(t.at);
  return t.a1;
}

function overlap(a: TargetRow, b: TargetRow): boolean {
  for (const k of a.unitKeys) if (b.unitKeys.includes(k)) return true;
  return false;
}

/** Another unit's row: different unit set, no unit in common (rows without units never share). */
function otherUnit(a: TargetRow, b: TargetRow): boolean {
  return a.unitSet !== b.unitSet && !overlap(a, b) && a.unitKeys.length > 0 && b.unitKeys.length > 0;
}

/**
 * {@link otherUnit} remembered per pair of unit sets: it depends on nothing else, and a 10,000-row table
 * asks it millions of times about a few dozen sets.
 */
class OtherUnitMemo {
  private readonly known = new Map<number, boolean>();

  test(a: TargetRow, b: TargetRow): boolean {
    // Set ids are below 2^20 in any real workbook (Excel has 2^20 rows); beyond that, no memo.
    if (a.setId >= 0x100000 || b.setId >= 0x100000) return otherUnit(a, b);
    const key = a.setId * 0x100000 + b.setId;
    let v = this.known.get(key);
    if (v === undefined) {
      v = otherUnit(a, b);
      this.known.set(key, v);
    }
    return v;
  }
}

/** Small integers for strings: the same string always gets the same id. */
class Interner {
  private readonly ids = new Map<string, number>();

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }
}

function anyHasNul(keys: readonly string[]): boolean {
  for (const k of keys) if (k.includes('\u0000')) return true;
  return false;
}

/** What a target row records of its units: the same for every row naming the same units. */
interface RowUnits {
  readonly units: string;
  readonly unitKeys: readonly string[];
  readonly unitSet: string;
  readonly setId: number;
}

/**
 * A row's units as the target checks record them. Rows naming the same units in the same spelling share
 * one parsed units array (the table reader parses each distinct unit cell once), so it is worked out once
 * per array: the label, the keys and the set's id do not depend on anything else when the row names any
 * unit. Ids are handed out in the order sets are first seen, as they would be row by row.
 */
function unitsOfRow(
  ctx: ValidateContext,
  row: TaskRow,
  byUnits: Map<readonly string[], RowUnits>,
  setIds: Interner,
): RowUnits {
  const named = row.units.length > 0;
  const known = named ? byUnits.get(row.units) : undefined;
  if (known !== undefined) return known;
  const unitKeys = ctx.unitKeys(row);
  const unitSet = ctx.unitSetKey(row);
  // The joined keys name the set exactly unless a key itself holds the separator (a NUL in a unit name).
  const exact = !anyHasNul(unitKeys);
  const info: RowUnits = {
    units: unitLabel(row),
    unitKeys,
    unitSet,
    setId: setIds.id(exact ? `=${unitSet}` : `[${JSON.stringify([...unitKeys].sort())}`),
  };
  if (named) byUnits.set(row.units, info);
  return info;
}

/** Run the target checks. */
export function checkTargets(ctx: ValidateContext): Finding[] {
  if (ctx.table.layout !== 'long') return [];
  const out: Finding[] = [];
  const targetColumn = columnFor(ctx.table, 'target');
  const byRow = ctx.subTasksByRow();
  const targets: TargetRow[] = [];
  const keyIds = new Interner();
  const setIds = new Interner();
  const byUnits = new Map<readonly string[], RowUnits>();
  // The columns the vague-target test reads, looked up once instead of for every row.
  const vagueColumns: VagueColumns = {
    deadline: columnFor(ctx.table, 'deadline'),
    planValue: columnFor(ctx.table, 'planValue'),
  };

  for (const row of ctx.table.rows) {
    const target = row.target;
    if (!target) {
      const cell = targetColumn ? rowCell(ctx, row, 'target') : null;
      if (cell && !isCellError(cell.raw) && isBlank(cell.raw)) out.push(makeFinding('target_empty', cell.at));
      continue;
    }
    if (isCellError(target.raw)) continue; // reported by the number checks
    // Each target text is keyed once here (no memo: texts are keyed, not cached by their spelling).
    const sliceable = oneToOneKey(target.value);
    const key = withoutTrailing(sliceable ?? compactKey(target.value));
    if (key === '') {
      out.push(makeFinding('target_empty', target.at));
      continue;
    }
    const subTasks = subTasksOf(byRow, row);
    const u = unitsOfRow(ctx, row, byUnits, setIds);
    targets.push({
      row,
      at: target.at,
      a1: null,
      repId: -1,
      key,
      keyId: keyIds.id(key),
      text: target.value,
      sliceable,
      units: u.units,
      unitKeys: u.unitKeys,
      unitSet: u.unitSet,
      setId: u.setId,
      subTasks,
    });
    if (isVague(ctx, row, subTasks, vagueColumns)) {
      out.push(makeFinding('target_vague', target.at, { unit: u.units }));
    }
  }

  const memo = new OtherUnitMemo();
  pushAll(out, sharedTargets(targets, memo));
  pushAll(out, sharedSentences(targets, memo));
  return out;
}

/** The 完成时限 and 目标值 columns of the table (null when not mapped), for {@link isVague}. */
interface VagueColumns {
  readonly deadline: ColumnMapping | null;
  readonly planValue: ColumnMapping | null;
}

/**
 * Vague: the breakdown found sub-tasks, every indicator of every one is qualitative, none has a deadline,
 * and the row has no 完成时限 and no numeric 目标值. A target the breakdown did not split is not judged.
 */
function isVague(
  ctx: ValidateContext,
  row: TaskRow,
  subTasks: readonly SubTask[],
  columns: VagueColumns,
): boolean {
  if (subTasks.length === 0) return false;
  for (const s of subTasks) {
    if (s.deadline !== null || s.deadlineText !== null) return false;
    for (const i of s.indicators) if (i.kind !== 'qualitative') return false;
  }
  const deadline = rowCell(ctx, row, 'deadline', columns.deadline);
  if (deadline && !isBlank(deadline.raw)) return false;
  const plan = rowCell(ctx, row, 'planValue', columns.planValue);
  if (
    plan &&
    numericValue(readNumberCell(plan.raw, numberFormatAt(ctx.grid, plan.at.row, plan.at.col))) !== null
  ) {
    return false;
  }
  return true;
}

/**
 * Whole targets with the same text: different units → a shared task (info at each row, naming the first
 * other unit's row); overlapping units → a duplicated row (warning at the later rows, naming the first).
 */
function sharedTargets(targets: readonly TargetRow[], memo: OtherUnitMemo): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<number, TargetRow[]>();
  for (const t of targets) {
    const list = groups.get(t.keyId);
    if (list) list.push(t);
    else groups.set(t.keyId, [t]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // The first row of each distinct unit set stands for all rows with that set, so a table repeating one
    // text thousands of times is not compared pair by pair.
    const firstBySet = new Map<string, TargetRow>();
    const firstByUnit = new Map<string, TargetRow>();
    for (const t of group) if (!firstBySet.has(t.unitSet)) firstBySet.set(t.unitSet, t);
    for (const t of group) {
      let sharer: TargetRow | undefined;
      for (const rep of firstBySet.values()) {
        if (memo.test(rep, t)) {
          sharer = rep;
          break;
        }
      }
      if (sharer) {
        out.push(
          makeFinding('target_shared', t.at, {
            unit: t.units,
            otherUnit: sharer.units,
            otherCell: a1Of(sharer),
          }),
        );
      }
      let earlier: TargetRow | undefined;
      for (const k of t.unitKeys) {
        const first = firstByUnit.get(k);
        if (first && first.row.row !== t.row.row && (!earlier || first.row.row < earlier.row.row))
          earlier = first;
      }
      if (earlier)
        out.push(makeFinding('target_duplicate', t.at, { unit: t.units, otherCell: a1Of(earlier) }));
      for (const k of t.unitKeys) if (!firstByUnit.has(k)) firstByUnit.set(k, t);
    }
  }
  return out;
}

/** Rows with more sentences than this keep the ones counted in a set rather than a list. */
const SENTENCE_SET_FROM = 16;

/**
 * Sentences (sub-tasks) shared by rows of different units whose whole targets differ (those are already a
 * shared target): the seed's 区财政局 and 区税务局 share `深化财税领域改革，…`.
 */
function sharedSentences(targets: readonly TargetRow[], memo: OtherUnitMemo): Finding[] {
  const out: Finding[] = [];
  // The rows holding each sentence, in order, as chains through flat lists: use u is the sentence
  // `useSub[u]` in row `useTarget[u]`, the next use of the same sentence is `nextUse[u]` (-1: none), and
  // `groups` gives each sentence's first use, in order of first appearance. No object or list per use.
  const groups = new Map<string, number>();
  let most = 0; // at most one use per sub-task
  for (const target of targets) most += target.subTasks.length;
  const useTarget: TargetRow[] = [];
  const useSub: SubTask[] = [];
  const nextUse = new Int32Array(most);
  const lastUse = new Int32Array(most); // for a first use: the last use of its sentence so far
  // Keys already counted for the current row (a sentence counts once per row). Most rows have a handful
  // of sentences: a scan of this list, reused from row to row, instead of a new set for each row.
  const counted: string[] = [];
  for (const target of targets) {
    const seen = target.subTasks.length > SENTENCE_SET_FROM ? new Set<string>() : null;
    counted.length = 0;
    let from = 0; // where the next sentence is looked for in the target
    for (const sub of target.subTasks) {
      // A sentence is a slice of its target: when the target's key can be sliced, its key is that slice.
      let at = target.sliceable === null ? -1 : target.text.indexOf(sub.text, from);
      if (at < 0 && target.sliceable !== null) at = target.text.indexOf(sub.text);
      if (at >= 0) from = at + sub.text.length;
      const k =
        at >= 0 && target.sliceable !== null
          ? withoutTrailing(target.sliceable.slice(at, at + sub.text.length))
          : textKey(sub.text);
      // UTF-16 length ≥ character count, so only short keys need counting.
      const short =
        k.length < MIN_SHARED_LENGTH ||
        (k.length < 2 * MIN_SHARED_LENGTH && chars(k).length < MIN_SHARED_LENGTH);
      if (short || (seen ? seen.has(k) : counted.includes(k))) continue;
      if (seen) seen.add(k);
      else counted.push(k);
      const use = useTarget.length;
      useTarget.push(target);
      useSub.push(sub);
      nextUse[use] = -1;
      const head = groups.get(k);
      if (head === undefined) {
        groups.set(k, use);
        lastUse[use] = use;
      } else {
        nextUse[lastUse[head] ?? use] = use;
        lastUse[head] = use;
      }
    }
  }
  // A representative stands for its (whole target, unit set), named by the key and the set joined with
  // U+0001. Without that character in either, the pair of their ids names it just as well (and needs no
  // long text built and hashed).
  const repIds = new Map<string | number, number>();
  const unitSetIds = new Interner();
  // Kept on the row itself (repId, -1 until worked out): no map keyed by rows.
  const repId = (t: TargetRow): number => {
    let id: number | undefined = t.repId;
    if (id < 0) {
      const name =
        t.key.includes('\u0001') || t.unitSet.includes('\u0001')
          ? `${t.key}\u0001${t.unitSet}`
          : t.keyId * 0x4000000 + unitSetIds.id(t.unitSet);
      id = repIds.get(name);
      if (id === undefined) {
        id = repIds.size;
        repIds.set(name, id);
      }
      t.repId = id;
    }
    return id;
  };
  for (const head of groups.values()) {
    if ((nextUse[head] ?? -1) < 0) continue; // held by one row only
    // A sentence found only in copies of one whole target is that target's business (shared or duplicate).
    const firstKeyId = useTarget[head]?.keyId;
    let oneTarget = true;
    for (let u = head; u >= 0 && oneTarget; u = nextUse[u] ?? -1)
      oneTarget = useTarget[u]?.keyId === firstKeyId;
    if (oneTarget) continue;
    // One representative per (whole target, unit set), in order of appearance: the rest of its kind would
    // give the same answer. They are kept by unit set; within one set their whole targets all differ.
    const seenReps = new Set<number>();
    const bySet = new Map<number, { order: number; rep: TargetRow }[]>();
    for (let u = head; u >= 0; u = nextUse[u] ?? -1) {
      const target = useTarget[u];
      if (!target) continue;
      const id = repId(target);
      if (seenReps.has(id)) continue;
      const list = bySet.get(target.setId);
      const rep = { order: seenReps.size, rep: target };
      seenReps.add(id);
      if (list) list.push(rep);
      else bySet.set(target.setId, [rep]);
    }
    for (let u = head; u >= 0; u = nextUse[u] ?? -1) {
      const target = useTarget[u];
      const sub = useSub[u];
      if (!target || !sub) continue;
      // The first representative (in order) of another unit whose whole target differs: per unit set, its
      // first representative, or its second when the first has this very target.
      let other: { order: number; rep: TargetRow } | undefined;
      for (const reps of bySet.values()) {
        const head = reps[0];
        if (!head || !memo.test(head.rep, target)) continue;
        const candidate = head.rep.keyId !== target.keyId ? head : reps[1];
        if (candidate && (!other || candidate.order < other.order)) other = candidate;
      }
      if (!other) continue;
      out.push(
        makeFinding('subtask_shared', sub.at, {
          text: quote(sub.text),
          unit: target.units,
          otherUnit: other.rep.units,
          otherCell: a1Of(other.rep),
        }),
      );
    }
  }
  return out;
}
