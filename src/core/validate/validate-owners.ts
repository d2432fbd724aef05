/**
 * Owner (责任人) checks: missing owners, owners that are not a person's name nor a role, a unit with
 * different owners in different rows, a person owning several units, and spaces inside names.
 */
import type { Finding } from '../findings.ts';
import { makeFinding, type FindingCode } from '../findings/catalog.ts';
import { isCellError, toA1, type CellRef, type RawCell } from '../grid.ts';
import type { Person, TaskRow } from '../table-model.ts';
import { cellText, compactKey, tidySpaces } from '../text/normalize.ts';
import { ROLE_PREFIXES, ROLE_SUFFIXES } from '../vocab/validate-role-words.ts';
import { UNIT_SUFFIXES } from '../vocab/validate-unit-suffixes.ts';
import { chars, columnFor, pushAll, rowCell, sameRef, type ValidateContext } from './context.ts';

/**
 * Middle dots that join the parts of a transliterated name (`买买提·艾力`): allowed inside a name.
 * @example '买买提·艾力' → '买买提艾力'; '阿依古丽・吐尔逊' → '阿依古丽吐尔逊'; '周栋' unchanged
 */
const NAME_DOTS = /[·・•‧]/g;

/**
 * Anything that is a letter of some script; owner text without one (`/`, `—`, `、`) names nobody.
 * @example '周栋' ✓  'Li' ✓  '—' ✗  '、' ✗
 */
const ANY_LETTER = /\p{L}/u;

/**
 * Decimal digits in any script (after NFKC full-width digits are ASCII).
 * @example '张三1' ✓  '张三１' (NFKC → '张三1') ✓  '张三' ✗ (Chinese numerals such as 三 are name characters)
 */
const DIGITS = /\p{Nd}/u;

/**
 * Latin letters, including accented ones.
 * @example 'Li Ming' ✓  'Zhang王' ✓  'é' ✓  '周栋' ✗
 */
const LATIN = /\p{Script=Latin}/u;

/**
 * Punctuation and symbols (name dots are removed before this test).
 * @example '张三;李四' ✓  '张三(李四' ✓  '★王' ✓  '周栋' ✗
 */
const SYMBOLS = /[\p{P}\p{S}]/u;

/**
 * Whitespace of any kind inside a name as written.
 * @example '周\u3000栋' ✓ (an ideographic space)  '陈  莹' ✓  '周栋' ✗
 */
const INNER_SPACE = /[\s\u3000]/;

/** True when the compact text reads as a role or post rather than a person. */
export function isRoleText(key: string): boolean {
  return (
    ROLE_PREFIXES.some((p) => key.startsWith(p) && key.length > p.length) ||
    ROLE_SUFFIXES.some((s) => key.endsWith(s))
  );
}

/** True when the compact text looks like an organisation's name. */
export function isUnitNameText(key: string, tableUnitKeys: ReadonlySet<string>): boolean {
  if (tableUnitKeys.has(key)) return true;
  return UNIT_SUFFIXES.some((u) => key.length >= u.minLength && key.endsWith(u.suffix));
}

/**
 * Why a compact owner text is not a person's name, as a finding code, or null when it reads as a name.
 * Callers skip roles first.
 */
export function nameIssue(key: string, tableUnitKeys: ReadonlySet<string>): FindingCode | null {
  if (isUnitNameText(key, tableUnitKeys)) return 'owner_is_unit_name';
  if (DIGITS.test(key)) return 'owner_name_has_digits';
  if (LATIN.test(key)) return 'owner_name_has_latin';
  const hasDots = key.replace(NAME_DOTS, '') !== key;
  const bare = key.replace(NAME_DOTS, '');
  if (SYMBOLS.test(bare)) return 'owner_name_has_symbols';
  const length = chars(bare).length;
  // Han names are 2–4 characters; dotted transliterations (买买提·艾力) run longer.
  if (length > (hasDots ? 16 : 4)) return 'owner_name_too_long';
  if (length === 1) return 'owner_name_too_short';
  return null;
}

interface OwnerUse {
  readonly row: TaskRow;
  readonly at: CellRef;
  /** Compact keys of the owners that are people, distinct. */
  readonly keys: readonly string[];
}

/** The owners of a use as named in messages: their keys joined with `、`. */
function ownerLabel(use: OwnerUse): string {
  return use.row.owners.map((p) => p.key).join('、');
}

function ownerCellOf(ctx: ValidateContext, row: TaskRow): { at: CellRef; raw: RawCell } | null {
  if (row.ownerCell) return row.ownerCell; // a Located is such a cell; no copy (this runs for every row)
  return rowCell(ctx, row, 'owner');
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  for (const k of a) if (b.includes(k)) return false;
  return true;
}

/** Run the owner checks. */
export function checkOwners(ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  const hasOwnerColumn = columnFor(ctx.table, 'owner') !== null;
  const unitKeys = new Set<string>();
  for (const row of ctx.table.rows) for (const k of ctx.unitKeys(row)) unitKeys.add(k);

  // Names repeat across rows: judge each distinct name once.
  const roles = new Map<string, boolean>();
  const isRolePerson = (p: Person): boolean => {
    if (p.isRole) return true;
    let role = roles.get(p.key);
    if (role === undefined) {
      role = isRoleText(p.key);
      roles.set(p.key, role);
    }
    return role;
  };
  const issues = new Map<string, FindingCode | null>();
  const issueOf = (key: string): FindingCode | null => {
    let issue = issues.get(key);
    if (issue === undefined) {
      issue = nameIssue(key, unitKeys);
      issues.set(key, issue);
    }
    return issue;
  };
  const checkPerson = (p: Person, at: CellRef): void => {
    if (p.key === '' || isRolePerson(p)) return;
    const issue = issueOf(p.key);
    if (issue === 'owner_name_too_long') {
      out.push(
        makeFinding(issue, at, {
          name: tidySpaces(p.display),
          length: chars(p.key.replace(NAME_DOTS, '')).length,
        }),
      );
    } else if (issue) {
      out.push(makeFinding(issue, at, { name: tidySpaces(p.display) }));
    } else if (INNER_SPACE.test(p.display)) {
      out.push(makeFinding('owner_spaces_normalised', at, { name: p.display, normalised: p.key }));
    }
  };

  const uses: OwnerUse[] = [];
  for (const row of ctx.table.rows) {
    if (!hasOwnerColumn && !row.ownerCell) continue;
    const cell = ownerCellOf(ctx, row);
    if (!cell || isCellError(cell.raw)) continue; // error values are reported by the number checks
    if (row.owners.length === 0) {
      const text = row.ownerCell?.value ?? cellText(cell.raw);
      if (!ANY_LETTER.test(text)) {
        out.push(makeFinding('owner_missing', cell.at));
        continue;
      }
      // The reader found text but no person in it: judge the text as written.
      checkPerson({ display: text.trim(), key: compactKey(text), deputies: [], isRole: false }, cell.at);
      continue;
    }
    for (const p of row.owners) {
      checkPerson(p, cell.at);
      for (const d of p.deputies) checkPerson(d, cell.at);
    }
    const keys: string[] = [];
    for (const p of row.owners) if (p.key !== '' && !keys.includes(p.key)) keys.push(p.key);
    if (keys.length > 0) uses.push({ row, at: cell.at, keys });
  }

  pushAll(out, unitOwnerConflicts(uses, ctx));
  pushAll(out, peopleWithSeveralUnits(uses, ctx, isRolePerson));
  return out;
}

/**
 * One unit, different owners: each row whose owners share nobody with the unit's first row. Rows under one
 * merged unit cell are exempt — a table that merges the unit over its tasks gives each task its own owner
 * on purpose.
 */
function unitOwnerConflicts(uses: readonly OwnerUse[], ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  const firstByUnit = new Map<string, { use: OwnerUse; unit: string }>();
  for (const use of uses) {
    for (const unit of use.row.units) {
      const key = ctx.key(unit);
      if (key === '') continue;
      const first = firstByUnit.get(key);
      if (!first) {
        firstByUnit.set(key, { use, unit });
        continue;
      }
      if (first.use.row.row === use.row.row) continue;
      const a = first.use.row.unitCell?.at;
      const b = use.row.unitCell?.at;
      if (a && b && sameRef(a, b)) continue;
      if (!disjoint(first.use.keys, use.keys)) continue;
      out.push(
        makeFinding('owner_conflict', use.at, {
          unit: tidySpaces(unit),
          owner: ownerLabel(use),
          otherOwner: ownerLabel(first.use),
          otherCell: toA1(first.use.at),
        }),
      );
    }
  }
  return out;
}

/** One person owning tasks of several units (roles excluded): an info at the person's first owner cell. */
function peopleWithSeveralUnits(
  uses: readonly OwnerUse[],
  ctx: ValidateContext,
  isRolePerson: (p: Person) => boolean,
): Finding[] {
  const out: Finding[] = [];
  interface Tally {
    readonly at: CellRef;
    readonly units: Map<string, string>;
    readonly unitSets: Set<string>;
  }
  const byPerson = new Map<string, Tally>();
  for (const use of uses) {
    const unitKeys = ctx.unitKeys(use.row);
    if (unitKeys.length === 0) continue;
    const setKey = ctx.unitSetKey(use.row);
    for (const person of use.row.owners) {
      if (person.key === '' || isRolePerson(person)) continue;
      let tally = byPerson.get(person.key);
      if (!tally) {
        tally = { at: use.at, units: new Map(), unitSets: new Set() };
        byPerson.set(person.key, tally);
      }
      // A merged owner cell over several rows of one unit adds the same set again: a set ignores it.
      tally.unitSets.add(setKey);
      for (const u of use.row.units) {
        const k = ctx.key(u);
        if (k !== '' && !tally.units.has(k)) tally.units.set(k, tidySpaces(u));
      }
    }
  }
  for (const [key, tally] of byPerson) {
    if (tally.unitSets.size < 2) continue;
    const units = [...tally.units.values()];
    out.push(
      makeFinding('owner_multiple_units', tally.at, {
        owner: key,
        units: units.join('、'),
        count: units.length,
      }),
    );
  }
  return out;
}
