/**
 * Matching one header cell's text against the header vocabulary (`vocab/header-synonyms.ts`).
 */
import { charCount, headerKey, joinLineBreaks, nfkc, tidySpaces } from '../text/normalize.ts';
import {
  HEADER_SYNONYMS,
  SUB_COLUMN_SYNONYMS,
  type HeaderKind,
  type SubColumnKind,
} from '../vocab/header-synonyms.ts';
import { HEADER_MEASURE_UNITS } from '../vocab/header-measure-units.ts';

const MEASURE_UNITS = new Set(HEADER_MEASURE_UNITS.map((u) => headerKey(u)));
const EXACT = new Map<string, HeaderKind>();
for (const s of HEADER_SYNONYMS) if (!EXACT.has(s.word)) EXACT.set(s.word, s.kind);
// Contains-matching uses only words of two or more characters that are not flagged exact-only.
const CONTAINED = HEADER_SYNONYMS.filter((s) => s.exact !== true && charCount(s.word) >= 2);
const SUB_WORDS = new Map<string, SubColumnKind>(SUB_COLUMN_SYNONYMS.map((s) => [s.word, s.kind]));

/** Headers longer than this (compact, unit removed) are titles or data, never contains-matched. */
const MAX_CONTAINS_LENGTH = 16;
/** Headers longer than this are never matched at all. */
const MAX_HEADER_LENGTH = 40;

/** A header's text split into its words and a unit of measure written with it. */
export interface HeaderText {
  /** Display form: NFKC, line breaks joined, spaces tidied, the unit bracket removed. */
  readonly name: string;
  /** Compact key of `name`. */
  readonly key: string;
  /** Compact key of the whole text, unit included. */
  readonly fullKey: string;
  readonly measureUnit: string | null;
}

/**
 * Split a unit of measure off a header: `城镇新增就业（人）` → 城镇新增就业 + 人; `完成目标(%)` → 完成目标 + %;
 * `投资（单位：万元）` → 投资 + 万元; `金额/万元` → 金额 + 万元. Brackets that hold no unit of measure stay:
 * `县（市、区）`.
 */
export function splitHeaderText(text: string): HeaderText {
  const display = tidySpaces(joinLineBreaks(nfkc(text)));
  const fullKey = headerKey(display);
  // Long text is a title or task, never a header: spare the regular expressions below the work.
  if (display.length > MAX_HEADER_LENGTH * 2)
    return { name: display, key: fullKey, fullKey, measureUnit: null };
  // A trailing bracket group, optionally '单位:' inside:
  // '城镇新增就业(人)' → '城镇新增就业' + '人'; '投资(单位:万元)' → '投资' + '万元'; '县(市、区)' → inner '市、区'
  const bracket = /^([\s\S]*?)\s*\((?:\s*(?:计量)?单位\s*:)?\s*([^()]*?)\s*\)$/.exec(display);
  if (bracket && bracket[1] !== undefined && bracket[2] !== undefined) {
    const unit = headerKey(bracket[2]);
    if (MEASURE_UNITS.has(unit))
      return { name: bracket[1], key: headerKey(bracket[1]), fullKey, measureUnit: unit };
  }
  // A unit after a slash or a comma-separated '单位:':
  // '金额/万元' → '金额' + '万元'; '投资,单位:亿元' → '投资' + '亿元'; '1/2' ✗ (not a unit)
  const tail = /^([\s\S]*?)\s*(?:\/|[,，]\s*(?:计量)?单位\s*:)\s*([^/,，]+)$/.exec(display);
  if (tail && tail[1] !== undefined && tail[2] !== undefined && tail[1] !== '') {
    const unit = headerKey(tail[2]);
    if (MEASURE_UNITS.has(unit))
      return { name: tail[1], key: headerKey(tail[1]), fullKey, measureUnit: unit };
  }
  return { name: display, key: fullKey, fullKey, measureUnit: null };
}

/** What a header cell was recognised as. */
export interface HeaderMatch {
  readonly kind: HeaderKind;
  /** The vocabulary word that matched. */
  readonly word: string;
  /** True when the whole header is the word (with or without its unit), false for a contained word. */
  readonly exact: boolean;
  readonly measureUnit: string | null;
}

function bestContained(key: string): { kind: HeaderKind; word: string } | null {
  let best: { kind: HeaderKind; word: string; len: number; end: number } | null = null;
  for (const s of CONTAINED) {
    const at = key.lastIndexOf(s.word);
    if (at < 0) continue;
    const len = charCount(s.word);
    const end = at + s.word.length;
    // Longest word wins; on equal length the word ending later (the head noun) wins.
    if (best === null || len > best.len || (len === best.len && end > best.end)) {
      best = { kind: s.kind, word: s.word, len, end };
    }
  }
  return best === null ? null : { kind: best.kind, word: best.word };
}

/**
 * Recognise a header cell: exact match of the whole compact text (unit included, then without the unit),
 * else the longest vocabulary word contained in a short header. Null for no match.
 * @example matchHeader('目   标   任   务') → { kind: 'target', word: '目标任务', exact: true, measureUnit: null }
 * @example matchHeader('完成目标（％）') → { kind: 'completionRate', word: '完成目标(%)', exact: true, measureUnit: '%' }
 * @example matchHeader('目标任务完成情况') → { kind: 'progress', word: '完成情况', exact: false, … }
 */
export function matchHeader(text: string): HeaderMatch | null {
  const h = splitHeaderText(text);
  if (h.fullKey === '' || charCount(h.fullKey) > MAX_HEADER_LENGTH) return null;
  const full = EXACT.get(h.fullKey);
  if (full !== undefined) return { kind: full, word: h.fullKey, exact: true, measureUnit: h.measureUnit };
  const bare = EXACT.get(h.key);
  if (bare !== undefined) return { kind: bare, word: h.key, exact: true, measureUnit: h.measureUnit };
  if (charCount(h.key) > MAX_CONTAINS_LENGTH) return null;
  const contained = bestContained(h.fullKey) ?? bestContained(h.key);
  if (contained === null) return null;
  return { kind: contained.kind, word: contained.word, exact: false, measureUnit: h.measureUnit };
}

/**
 * Recognise a sub-column header under an indicator group (`目标任务`, `进度`, `完成比例`), exact words only.
 * @example matchSubColumn('目标任务') === 'plan'; matchSubColumn('完成\n比例') === 'ratio'; matchSubColumn('备注') === null
 */
export function matchSubColumn(text: string): SubColumnKind | null {
  const h = splitHeaderText(text);
  return SUB_WORDS.get(h.key) ?? null;
}
