/**
 * Text normalisation shared by every stage. The original text is always kept beside the normalised form;
 * these functions only produce comparison and parsing keys.
 */
import { isCellError, type RawCell } from '../grid.ts';

// \s covers Unicode spaces incl. U+3000 after NFKC; U+200B–U+200D and U+FEFF are zero-width marks.
// e.g. 'a\u200Bb' → 'ab'; ' 区 发改局 ' → '区发改局'; 'x\r\ny' → 'xy'
const KEY_SPACES = /[\s\u200B-\u200D\uFEFF]+/g;
// The same characters, one is enough. e.g. 'a\u200Bb' ✓; '区 发改局' ✓; '区发改局' ✗
const ANY_KEY_SPACE = /[\s\u200B-\u200D\uFEFF]/;
// e.g. 'a \t b' → 'a b'; '\u3000a' → 'a'; 'a\n\nb' → 'a b'
const SPACES = /[\s\u3000]+/g;
// One such character. e.g. 'a b' ✓; '\u3000a' ✓; '落实项目' ✗
const ANY_SPACE = /[\s\u3000]/;

/**
 * NFKC folds full-width digits, letters and symbols to their ASCII forms (`７２００` → `7200`, `％` → `%`,
 * `（` → `(`) and the ideographic space U+3000 to a plain space.
 */
export function nfkc(text: string): string {
  // Most short texts in our tables (names, units, serials, headers) are plain ASCII and CJK: characters NFKC
  // leaves alone and that never combine with a neighbour, so such a text is already normalised. Checking
  // that is several times cheaper than normalising.
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!isNfkcInert(text.charCodeAt(i))) {
      return text.normalize('NFKC');
    }
  }
  return text;
}

/**
 * True for a character NFKC leaves unchanged that also starts a normalisation segment (canonical combining
 * class 0, never composed with the character before it): ASCII, the CJK unified ideographs and the common
 * CJK punctuation `、。《》「」『』【】“”‘’`. Full-width forms (`，`, `（`, `１`) are not inert: NFKC folds them.
 */
function isNfkcInert(c: number): boolean {
  return (
    c < 0x80 ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    c === 0x3001 || // 、
    c === 0x3002 || // 。
    (c >= 0x300a && c <= 0x3011) || // 《》「」『』【】
    (c >= 0x2018 && c <= 0x2019) || // ‘’
    (c >= 0x201c && c <= 0x201d) // “”
  );
}

/**
 * Key for comparing names and header words: NFKC, then every kind of whitespace (spaces, U+3000, tabs, line
 * breaks, zero-width spaces) removed.
 * @example compactKey('周\u3000栋') === '周栋'; compactKey('目   标   任   务') === '目标任务'
 * @example compactKey('市生态环境局\n泰山分局') === '市生态环境局泰山分局'
 */
export function compactKey(text: string): string {
  // An inert text (see nfkc) is its own NFKC, and its only possible spaces are ASCII ones: one scan decides.
  let inert = true;
  let spaced = false;
  for (let i = 0; i < text.length && inert; i++) {
    const c = text.charCodeAt(i);
    inert = isNfkcInert(c);
    if (isAsciiSpace(c)) spaced = true;
  }
  if (inert && !spaced) return text;
  const n = inert ? text : text.normalize('NFKC');
  // Most keys have no space at all: test before replacing (no new string then).
  return ANY_KEY_SPACE.test(n) ? n.replace(KEY_SPACES, '') : n;
}

// For a character that is not inert: its NFKC when that is one inert character other than a space
// (full-width forms: `，` → `,`, `Ａ` → `A`), else null. Worked out on first sight of each character and
// kept in a flat table indexed by the UTF-16 unit (undefined = not worked out yet): every full-width comma
// of every target is looked up here, and an array index is cheaper than a Map look-up.
const FOLDS_TO_ONE: (string | null | undefined)[] = new Array<string | null | undefined>(0x10000).fill(
  undefined,
);

function foldsToOne(c: number): string | null {
  let folded = FOLDS_TO_ONE[c];
  if (folded === undefined) {
    folded = null;
    if (c < 0xd800 || c > 0xdfff) {
      const n = String.fromCharCode(c).normalize('NFKC');
      const u = n.charCodeAt(0);
      if (n.length === 1 && isNfkcInert(u) && !isAsciiSpace(u)) folded = n;
    }
    FOLDS_TO_ONE[c] = folded;
  }
  return folded;
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * `compactKey(text)` when every character of `text` becomes exactly one character under NFKC on its own
 * — inert characters other than spaces, full-width forms — else null. Such characters never combine with
 * a neighbour, so then the key of any slice of `text` is the same slice of this key.
 * @example oneToOneKey('增长５％，完成') === '增长5%,完成'; oneToOneKey('增长 5%') === null (a space)
 */
export function oneToOneKey(text: string): string | null {
  // Every character is its own NFKC segment here (inert, or folding to one inert character), so the NFKC
  // of the text is each character's NFKC in turn: the folded characters are put in place between the runs
  // kept as written, without running Unicode normalisation over the whole text (a target of 600
  // characters with one full-width comma).
  let out = '';
  let run = 0; // start of the run of inert characters not yet copied to `out`
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // The usual characters first, tested in the order they are met: CJK ideographs, then ASCII.
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c < 0x80) {
      if (isAsciiSpace(c)) return null;
      continue;
    }
    if (isNfkcInert(c)) continue; // the CJK punctuation (no spaces among it)
    const folded = foldsToOne(c);
    if (folded === null) return null;
    out += text.slice(run, i) + folded;
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/**
 * Collapse runs of whitespace to one space and trim, keeping the characters otherwise as written.
 * @example tidySpaces('  落实  项目 ') === '落实 项目'
 */
export function tidySpaces(text: string): string {
  // Without any whitespace there is nothing to collapse or trim (trim removes the same characters).
  return ANY_SPACE.test(text) ? text.replace(SPACES, ' ').trim() : text;
}

/**
 * A cell's value as display text: strings as is, numbers in their plain JS form, booleans as TRUE/FALSE,
 * errors as their code, empty as ''.
 */
export function cellText(value: RawCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return value.error;
  return '';
}

/** True when a cell is empty or holds only whitespace. */
export function isBlank(value: RawCell | undefined): boolean {
  return cellText(value).trim() === '' && !isCellError(value ?? null);
}

/**
 * Remove line breaks together with the spaces around them, keeping other spaces as written. A line break
 * inside a cell is a wrap, not a word gap, in Chinese text.
 * @example joinLineBreaks('市生态环境局\n泰山分局') === '市生态环境局泰山分局'
 * @example joinLineBreaks('各产业链 \r\n 组长') === '各产业链组长'; joinLineBreaks('周\u3000栋') === '周\u3000栋'
 */
export function joinLineBreaks(text: string): string {
  // A break (\r\n, \n, \r, U+2028/9) with any horizontal space on either side:
  // 'a\nb' → 'ab'; 'a \n b' → 'ab'; 'a\r\n\r\nb' → 'ab'; 'a  b' unchanged (no break)
  return text.replace(/[ \t\u3000]*(?:\r\n|[\n\r\u2028\u2029])[\s\u3000]*/g, '');
}

/**
 * Key for comparing header words: {@link compactKey} with ASCII letters lower-cased (`No.` = `NO.`).
 * @example headerKey(' 序  号 ') === '序号'; headerKey('No.') === 'no.'; headerKey('完成目标（％）') === '完成目标(%)'
 */
export function headerKey(text: string): string {
  return compactKey(text).toLowerCase();
}

/** Number of Unicode code points (a CJK extension-B character counts once). */
export function charCount(text: string): number {
  // As Array.from(text).length, without building the array: a high surrogate followed by a low one is one
  // code point, every other UTF-16 unit (a lone surrogate included) is one.
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
