/**
 * Reading a unit cell (责任单位 / 配合单位) into unit names.
 *
 * Rules, in order:
 * 1. The text is NFKC-normalised (`，` → `,`, full-width brackets → `()`), then split at `、 , ; / | \`
 *    outside brackets: `区财政局、区税务局` → two units.
 * 2. Inside each piece, line breaks and spaces are either a wrap inside one name or a gap between two names.
 *    A fragment starts a new unit only when all of these hold:
 *    - the text so far is a complete unit name (ends with a suffix of `vocab/unit-suffixes.ts`: 局, 委, 办,
 *      中心, 街道, 专班 …) and so is the fragment;
 *    - the fragment is not a generic office name completing the one before (`办公室`, `服务中心`, `管委会`);
 *    - the fragment begins with a jurisdiction mark (`区`, `市`, `各` …), or it is not a branch
 *      (`泰山分局`, `泰山大队`) and both names have at least 4 characters (so `区委⏎宣传部` stays one).
 *    So `市生态环境局⏎泰山分局` → `市生态环境局泰山分局`, `泰山先锋慧治⏎服务中心` → one name,
 *    `区发改局⏎区商务局` → two, `区工业推进委⏎各产业链专班` → two, `岱庙街道 上高街道` → two.
 * 3. `和 / 及 / 与` split a name only between two complete unit names of 3+ characters each:
 *    `区发改局和区商务局` → two, but `区住房和城乡建设局` stays one (`区住房` is not a unit name).
 * 4. A bracketed role note (`（牵头）`, `（配合）`, `vocab/unit-annotations.ts`) is removed.
 * 5. Each name is compacted (no whitespace) for display and comparison; empty markers (`/`, `无`) and
 *    repeats are dropped.
 */
import { compactKey, charCount, nfkc } from '../text/normalize.ts';
import { splitTopLevel } from '../text/split-top-level.ts';
import { EMPTY_VALUE_WORDS } from '../vocab/empty-value-words.ts';
import { UNIT_ANNOTATIONS } from '../vocab/unit-annotations.ts';
import {
  BRANCH_SUFFIXES,
  GENERIC_OFFICE_NAMES,
  JURISDICTION_PREFIXES,
  UNIT_SUFFIXES,
} from '../vocab/unit-suffixes.ts';

const EMPTY_WORDS = new Set(EMPTY_VALUE_WORDS.map((w) => compactKey(w).toLowerCase()));
const ANNOTATIONS = new Set(UNIT_ANNOTATIONS);
const GENERIC_OFFICES = new Set(GENERIC_OFFICE_NAMES);

/**
 * True when `name` (compact) is a complete unit name: it ends with a unit suffix and has something before it.
 * @example isCompleteUnitName('区发改局') === true; isCompleteUnitName('泰山先锋慧治') === false
 * @example isCompleteUnitName('局') === false
 */
export function isCompleteUnitName(name: string): boolean {
  return UNIT_SUFFIXES.some((s) => name.length > s.length && name.endsWith(s));
}

function isBranch(name: string): boolean {
  return BRANCH_SUFFIXES.some((s) => name.endsWith(s));
}

function startsWithJurisdiction(name: string): boolean {
  return JURISDICTION_PREFIXES.some((p) => name.length > p.length && name.startsWith(p));
}

// Whether `next` (a fragment after a line break or space) starts a new unit after `current` (rule 2).
function startsNewUnit(current: string, next: string): boolean {
  if (next.startsWith('(')) return false;
  if (!isCompleteUnitName(current) || !isCompleteUnitName(next)) return false;
  if (GENERIC_OFFICES.has(next)) return false;
  if (startsWithJurisdiction(next)) return true;
  return !isBranch(next) && charCount(current) >= 4 && charCount(next) >= 4;
}

// Rule 3: split at 和/及/与 between two complete unit names of at least 3 characters.
function splitConjunctions(name: string): string[] {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch !== '和' && ch !== '及' && ch !== '与') continue;
    const left = name.slice(0, i);
    const right = name.slice(i + 1);
    if (
      charCount(left) >= 3 &&
      charCount(right) >= 3 &&
      isCompleteUnitName(left) &&
      isCompleteUnitName(right)
    ) {
      return [left, ...splitConjunctions(right)];
    }
  }
  return [name];
}

// Rule 4: drop a trailing bracketed role note.
function dropAnnotation(name: string): string {
  // A trailing bracket group: '区发改局(牵头)' → note '牵头'; '县(市、区)' → note '市、区' (kept: not a
  // role word); '区财政局' → no match.
  const m = /^(.+)\(([^()]*)\)$/.exec(name);
  if (m && m[1] !== undefined && m[2] !== undefined && ANNOTATIONS.has(m[2])) return m[1];
  return name;
}

/**
 * Read a unit cell into unit names, compacted for display and comparison. Never throws.
 * @example parseUnits('区财政局、区税务局') → ['区财政局', '区税务局']
 * @example parseUnits('市生态环境局\n泰山分局') → ['市生态环境局泰山分局']
 * @example parseUnits('区工业推进委\n各产业链专班') → ['区工业推进委', '各产业链专班']
 */
export function parseUnits(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const piece of splitTopLevel(nfkc(text), '、,;/|\\')) {
    // Whitespace runs, line breaks included: '区发改局\n区商务局' → 2 fragments; ' 区 发改局 ' → 2.
    const fragments = piece.split(/\s+/).filter((f) => f !== '');
    const names: string[] = [];
    for (const fragment of fragments) {
      const last = names[names.length - 1];
      if (last === undefined || startsNewUnit(last, fragment)) names.push(fragment);
      else names[names.length - 1] = last + fragment;
    }
    for (const name of names) {
      for (const part of splitConjunctions(name)) {
        const unit = compactKey(dropAnnotation(part));
        if (unit === '' || EMPTY_WORDS.has(unit.toLowerCase()) || seen.has(unit)) continue;
        seen.add(unit);
        out.push(unit);
      }
    }
  }
  return out;
}
