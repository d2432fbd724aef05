/**
 * Recognising the lines around and inside a table that are not tasks: page marks, footers, dates,
 * document numbers, 附件 markers and section headings.
 */
import { compactKey, headerKey, nfkc, tidySpaces } from '../text/normalize.ts';
import { FOOTER_PREFIXES } from '../vocab/footer-words.ts';

// The characters a page mark key can start with: the dashes of the first pattern in isPageMark, 第 and 共.
const PAGE_MARK_FIRST: ReadonlySet<number> = new Set(Array.from('—–-―─~～第共', (c) => c.charCodeAt(0)));

/**
 * A printed page mark.
 * @example isPageMark('—1—') === true; isPageMark('- 2 -') === true; isPageMark('第 3 页 共 5 页') === true
 * @example isPageMark('1') === false
 */
export function isPageMark(text: string): boolean {
  const key = compactKey(text);
  // Both patterns below are anchored and start with a dash, 第 or 共: a key starting otherwise (the serial
  // `1` of every task row) is no page mark, and neither pattern needs to run.
  if (!PAGE_MARK_FIRST.has(key.charCodeAt(0))) return false;
  // A page number between dashes (em/en dash, hyphen, full-width hyphen after NFKC, box line, tilde):
  // '—1—' ✓; '-12-' ✓; '－3－' → '-3-' ✓; '—1' ✗ (one side only)
  if (/^[—–\-―─~～]+\d{1,4}[—–\-―─~～]+$/.test(key)) return true;
  // Chinese page words: '第1页' ✓; '第1页共5页' ✓; '第1页,共5页' ✓; '共5页第1页' ✓
  return /^(?:第\d{1,4}页(?:,?共\d{1,4}页)?|共\d{1,4}页,?第\d{1,4}页)$/.test(key);
}

/**
 * A line that is only a date, as written under a signature.
 * @example isDateLine('2024年2月8日') === true; isDateLine('二〇二四年二月八日') === true
 * @example isDateLine('2024-02-08') === true; isDateLine('2024年底前完成') === false
 */
export function isDateLine(text: string): boolean {
  const key = compactKey(text);
  // Arabic dates: '2024年2月8日' ✓; '2024.2.8' ✓; '2024/02/08' ✓; '2024-02-08' ✓; '2024年' ✗
  if (/^\d{4}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})$/.test(key)) return true;
  // Chinese-numeral dates: '二〇二四年二月八日' ✓; '二○二四年十二月三十一日' ✓; '二〇二四年' ✗
  return /^[〇○O零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(
    key,
  );
}

const FOOTER_FIRST_CHARS = new Set(FOOTER_PREFIXES.map((p) => Array.from(p)[0] ?? ''));

/**
 * A footer line: a note, who filled the table in, contact lines, a stamp (`vocab/footer-words.ts`).
 * @example isFooterLine('注：本表由各单位填报') === true; isFooterLine('填报人：张三') === true
 * @example isFooterLine('注重培养人才') === false
 */
export function isFooterLine(text: string): boolean {
  // Cheap guard first (this runs on every row): the first visible character must begin some footer word.
  // The first character after the leading whitespace (trimStart removes exactly what \s matches):
  // '  注：…' → '注'; '填报人' → '填'; '   ' → none. Read as a code point, without a match array per row.
  const rest = text.trimStart();
  const cp = rest.codePointAt(0);
  if (cp === undefined || !FOOTER_FIRST_CHARS.has(nfkc(String.fromCodePoint(cp)))) return false;
  const key = headerKey(text);
  return FOOTER_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * A document number line such as `泰政办发〔2024〕3号`.
 * @example isDocumentNumber('泰政办发〔2024〕3号') === true; isDocumentNumber('泰政字[2023]12号') === true
 * @example isDocumentNumber('2024年工作要点') === false
 */
export function isDocumentNumber(text: string): boolean {
  // Issuer abbreviation, year in any bracket, number, 号:
  // '泰政办发〔2024〕3号' ✓; '鲁政发(2024)1号' ✓ (after NFKC); '泰政办发〔2024〕' ✗ (no number)
  return /^[\p{Script=Han}]{1,12}[〔[(【]\d{4}[〕\])】]第?\d{1,5}号$/u.test(compactKey(text));
}

/**
 * The text of a line after an attachment marker (`附件`, `附件2：`, `附件：xxx`): '' for a bare marker,
 * null when the line is not an attachment line.
 * @example attachmentRest('附件') === ''; attachmentRest('附件2：') === ''
 * @example attachmentRest('附件：2024年任务分解表') === '2024年任务分解表'; attachmentRest('附表') === null
 */
export function attachmentRest(text: string): string | null {
  // '附件' ✓ rest ''; '附件1' ✓; '附件 3：' ✓; '附件：表' ✓ rest '表'; '附件名称' ✗ (no number/colon)
  const m = /^附件\s*(?:\d{1,3}|[一二三四五六七八九十]{1,2})?\s*(?:[:：]\s*([\s\S]*)|$)/u.exec(
    nfkc(text).trim(),
  );
  if (!m) return null;
  return tidySpaces(m[1] ?? '');
}

/**
 * A line stating the unit of measure of the whole table (`单位：万元`), not a title.
 * @example isMeasureNote('单位：万元') === true; isMeasureNote('单位: 万元、%') === true; isMeasureNote('单位名称') === false
 */
export function isMeasureNote(text: string): boolean {
  // '单位:万元' ✓ (NFKC colon); '计量单位:人' ✓; '单位名称' ✗
  return /^(?:计量)?单位:/.test(compactKey(text));
}

/**
 * A section heading inside a table (`一、经济发展`, `（二）民生保障`, `第三部分`), which names the category
 * of the rows below it.
 * @example isSectionHeading('一、稳增长') === true; isSectionHeading('（二）惠民生') === true
 * @example isSectionHeading('第三部分 改革开放') === true; isSectionHeading('区发改局') === false
 */
export function isSectionHeading(text: string): boolean {
  const key = compactKey(text);
  if (key.length > 40) return false;
  // A Chinese ordinal with 、 or a dot, a bracketed ordinal, or 第… 部分/类/篇/章:
  // '一、稳增长' ✓; '(二)惠民生' ✓ (NFKC brackets); '第三部分改革' ✓; '第二类' ✓; '十大工程' ✗
  return /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]{1,3}(?:部分|类|篇|章))/.test(
    key,
  );
}
