/**
 * Progress text (进展情况) checks: longer than the limit (the seed notice: 一般不超过200字), and blank once a
 * reporting deadline of the plan year has passed (3-31, 6-30, 9-30, 12-31 by default).
 */
import type { Finding } from '../findings.ts';
import { makeFinding } from '../findings/catalog.ts';
import { isCellError } from '../grid.ts';
import { cellText, isBlank } from '../text/normalize.ts';
import { columnFor, refKey, rowCell, type ValidateContext } from './context.ts';
import { isoYear, latestPassedDeadline } from './dates.ts';

/**
 * Whitespace, not counted as characters of a report (line breaks and indents are layout).
 * @example '一、已完成\n二、推进中' counts 9; '\u3000\u3000开展督查' (two ideographic spaces first) counts 4
 */
const WHITESPACE = /[\s\u3000]/gu;

/** Characters of a progress text as a reader counts them: code points, whitespace left out. */
export function progressLength(text: string): number {
  let n = 0;
  for (const ch of text.replace(WHITESPACE, '')) if (ch) n++;
  return n;
}

/** Run the progress checks. */
export function checkProgress(ctx: ValidateContext): Finding[] {
  if (!columnFor(ctx.table, 'progress') && ctx.table.rows.every((r) => !r.fields.progress)) return [];
  const out: Finding[] = [];
  const { asOf, progressLimit, reportingDeadlines } = ctx.options;
  const planYear = ctx.options.planYear ?? (asOf ? isoYear(asOf) : null);
  const deadline =
    asOf && planYear !== null ? latestPassedDeadline(asOf, planYear, reportingDeadlines) : null;
  const seen = new Set<number>();
  for (const row of ctx.table.rows) {
    const cell = rowCell(ctx, row, 'progress');
    if (!cell || isCellError(cell.raw)) continue;
    // A progress cell merged over several tasks is one text: judge it once.
    const key = refKey(cell.at);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isBlank(cell.raw)) {
      if (deadline) out.push(makeFinding('progress_missing', cell.at, { deadline }));
      continue;
    }
    const length = progressLength(cellText(cell.raw));
    if (length > progressLimit)
      out.push(makeFinding('progress_too_long', cell.at, { length, limit: progressLimit }));
  }
  return out;
}
