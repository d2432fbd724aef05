/**
 * Language choice and message lookup for the task pane. zh-CN is the default; en-US is used when Office's
 * display language is English. Host errors are explained by `src/excel/host-text.ts`, shared with the
 * ribbon commands.
 */
import type { Lang } from '../core/findings.ts';
import { fillTemplate } from '../core/text/fill-template.ts';
import { STRINGS, type StringKey } from './strings.ts';

export { describeHostError as describeError, pickLang } from '../excel/host-text.ts';
export type { ErrorText } from '../excel/host-text.ts';

/** A string from the pane's table, with `{name}` placeholders filled. */
export function t(
  lang: Lang,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(STRINGS[key][lang], params);
}
