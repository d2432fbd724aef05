/**
 * Reading an owner cell (责任人 / 责任领导 / 联系人) into people and roles.
 *
 * Rules, in order:
 * 1. Empty markers (`/`, `无`, `待定` — `vocab/empty-value-words.ts`) give no one.
 * 2. The cell is split at `、 ， , ； ; / ／ | ｜` outside brackets: `杜新国、丁玲` → two owners.
 * 3. `name（a/b）` gives the owner `name` with deputies a and b: `宋杰（宋海峰/亓子超）`. A bracket holding
 *    only roles or titles (`张三（副区长）`) is a note: the owner is `张三` with no deputies.
 * 4. A piece that reads as a role as a whole (starts with 各/相关/主要…, ends with 组长/局长/负责同志…,
 *    `vocab/role-words.ts`) is one role, its line breaks joined: `各产业链⏎组长` → role `各产业链组长`.
 * 5. Whitespace inside a piece is a gap between names only when every part is itself a plausible full
 *    name (at least 2 characters) and the whole is longer than 4 characters — Chinese names have 2–4
 *    characters, so `周\u3000栋` and `陈  莹` (and the 4-character `欧阳 娜娜`) are one person each, while
 *    `王小明 李四` and `杜新国⏎丁玲` are two. Line breaks are tried first, then spaces.
 * 6. `和` / `及` separate two names of 2–4 characters (`杜新国和丁玲`); a name merely containing 和
 *    (`和平`, `张和平`) is kept.
 * The display keeps the writing (inner spaces, full-width characters) with line breaks joined; the key is
 * the compact form (`周\u3000栋` → `周栋`).
 */
import type { Person } from '../table-model.ts';
import { charCount, compactKey, joinLineBreaks } from '../text/normalize.ts';
import { splitTopLevel } from '../text/split-top-level.ts';
import { EMPTY_VALUE_WORDS } from '../vocab/empty-value-words.ts';
import { ROLE_PARTS, ROLE_PREFIXES, ROLE_SUFFIXES } from '../vocab/role-words.ts';

const EMPTY_WORDS = new Set(EMPTY_VALUE_WORDS.map((w) => compactKey(w).toLowerCase()));

/**
 * True when a name cell names a role or post rather than a person (compared without spaces).
 * @example isRoleName('各产业链\n组长') === true; isRoleName('主要负责同志') === true
 * @example isRoleName('周\u3000栋') === false
 */
export function isRoleName(text: string): boolean {
  const key = compactKey(text);
  if (key === '') return false;
  if (ROLE_PREFIXES.some((p) => key.length > p.length && key.startsWith(p))) return true;
  if (ROLE_SUFFIXES.some((s) => key.endsWith(s))) return true;
  return ROLE_PARTS.some((p) => key.includes(p));
}

/**
 * Build a person from a name as written: display trimmed with line breaks joined, key compacted.
 * @example makePerson(' 周\u3000栋 ') → { display: '周\u3000栋', key: '周栋', deputies: [], isRole: false }
 */
export function makePerson(written: string, deputies: readonly Person[] = []): Person {
  const display = joinLineBreaks(written).trim();
  return { display, key: compactKey(display), deputies, isRole: isRoleName(display) };
}

function isEmptyMarker(text: string): boolean {
  const key = compactKey(text).toLowerCase();
  return key === '' || EMPTY_WORDS.has(key);
}

// Rule 5 for one line: split at spaces only when every part is a plausible full name and the whole is long.
function splitAtSpaces(line: string): string[] {
  const trimmed = line.trim();
  // Runs of any whitespace incl. U+3000: '王小明 李四' → 2 parts; '周\u3000栋' → 2 parts (then kept joined).
  const parts = trimmed.split(/[\s\u3000]+/).filter((p) => p !== '');
  if (parts.length > 1 && !isRoleName(trimmed) && splitsIntoNames(parts)) return parts;
  return [trimmed];
}

function splitsIntoNames(parts: readonly string[]): boolean {
  const total = parts.reduce((n, p) => n + charCount(compactKey(p)), 0);
  return total > 4 && parts.every((p) => charCount(compactKey(p)) >= 2);
}

// Rule 6: 和/及 between two names of 2–4 characters.
function splitConjunction(name: string): string[] {
  const key = compactKey(name);
  if (charCount(key) < 5 || isRoleName(key)) return [name];
  // One conjunction between two 2–4 character runs without spaces or punctuation:
  // '杜新国和丁玲' → ['杜新国', '丁玲']; '张和平' ✗ (one side too short); '王小明及李四' → 2
  const m = /^([^\s和及]{2,4})[和及]([^\s和及]{2,4})$/u.exec(key);
  if (m && m[1] !== undefined && m[2] !== undefined) return [m[1], m[2]];
  return [name];
}

// Rules 4–6 for a piece without a deputy bracket.
function splitNames(piece: string): string[] {
  if (isRoleName(piece)) return [joinLineBreaks(piece).trim()];
  // Lines of a cell: '杜新国\n丁玲' → 2; 'a\r\nb' → 2; a single line → 1.
  const lines = piece
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const candidates = lines.length > 1 && splitsIntoNames(lines) ? lines : [joinLineBreaks(piece)];
  return candidates.flatMap(splitAtSpaces).flatMap(splitConjunction);
}

function parsePiece(piece: string): Person[] {
  const trimmed = piece.trim();
  if (isEmptyMarker(trimmed)) return [];
  // A name followed by one bracket group at the end (full- or half-width), the group holding no brackets:
  // '宋杰（宋海峰/亓子超）' → '宋杰' + '宋海峰/亓子超'; '张三(副区长)' → '张三' + '副区长'; '宋杰（' → no match
  const m = /^([\s\S]*?)[（(]([^（）()]*)[）)]$/u.exec(trimmed);
  if (m && m[1] !== undefined && m[2] !== undefined && m[1].trim() !== '') {
    const inner = parseOwners(m[2]);
    const deputies = inner.every((p) => p.isRole) ? [] : inner;
    const names = splitNames(m[1]);
    return names.map((n, i) => makePerson(n, i === names.length - 1 ? deputies : []));
  }
  return splitNames(trimmed).map((n) => makePerson(n));
}

/**
 * Read an owner cell into people and roles (rules in the module comment). Never throws.
 * @example parseOwners('宋杰（宋海峰/亓子超）') → [宋杰 with deputies 宋海峰, 亓子超]
 * @example parseOwners('杜新国、丁玲') → [杜新国, 丁玲]; parseOwners('陈  莹') → [陈  莹 (key 陈莹)]
 * @example parseOwners('各产业链\n组长') → [各产业链组长 (a role)]
 */
export function parseOwners(text: string): Person[] {
  if (isEmptyMarker(text)) return [];
  return splitTopLevel(text, '、，,；;/／|｜').flatMap(parsePiece);
}
