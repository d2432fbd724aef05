/**
 * The plan year written in a title: `2024年《政府工作报告》重点工作任务分解表` → 2024,
 * `二〇二四年重点工作` → 2024.
 */
import { nfkc } from '../text/normalize.ts';
import { CHINESE_YEAR_DIGITS } from '../vocab/chinese-year-digits.ts';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function inRange(year: number): number | null {
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/**
 * The first year written as `YYYY年` (Arabic or full-width digits) or in Chinese digits (`二〇二四年`),
 * between 1990 and 2100; null when there is none. Whichever comes first in the text wins.
 * @example findPlanYear('2024年《政府工作报告》重点工作任务分解表') === 2024
 * @example findPlanYear('二〇二四年重点工作任务') === 2024; findPlanYear('２０２３年') === 2023
 * @example findPlanYear('泰政办发〔2024〕3号') === null (a document number, not a year of plan)
 */
export function findPlanYear(text: string): number | null {
  const found: { index: number; year: number }[] = [];
  // Four digits not preceded by another digit, then 年 (spaces allowed):
  // '2024年' ✓; '于2024 年' ✓; '12024年' ✗; '2024〕' ✗
  for (const m of nfkc(text).matchAll(/(?<!\d)(\d{4})\s*年/g))
    found.push({ index: m.index, year: Number(m[1]) });
  // Four Chinese year digits then 年, on the text before NFKC (which turns full-width Ｏ into O):
  // '二〇二四年' ✓; '二零二三年' ✓; '二○二五年' ✓; '十二年' ✗ (十 is not a year digit)
  for (const m of text.matchAll(/([〇○Ｏ零一二三四五六七八九]{4})\s*年/gu)) {
    let year = 0;
    for (const ch of m[1] ?? '') year = year * 10 + (CHINESE_YEAR_DIGITS[ch] ?? 0);
    found.push({ index: m.index, year });
  }
  let best: { index: number; year: number } | null = null;
  for (const f of found) {
    if (inRange(f.year) !== null && (best === null || f.index < best.index)) best = f;
  }
  return best?.year ?? null;
}
