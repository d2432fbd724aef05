/**
 * Language choice and message lookup for the task pane and the ribbon commands. zh-CN is the default;
 * en-US is used when Office's display language is English.
 */
import { isDubanError } from '../core/errors.ts';
import type { Lang } from '../core/findings.ts';
import { fillTemplate } from '../core/text/fill-template.ts';
import { STRINGS, type StringKey } from './strings.ts';

/**
 * The language for an Office display language (`Office.context.displayLanguage`, e.g. `zh-CN`, `en-US`).
 * @example pickLang('en-GB') === 'en'; pickLang('zh-TW') === 'zh'; pickLang(undefined) === 'zh'
 */
export function pickLang(displayLanguage: string | null | undefined): Lang {
  return displayLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** A string from the table, with `{name}` placeholders filled. */
export function t(
  lang: Lang,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(STRINGS[key][lang], params);
}

/** A failure explained for people: a title and what happened / what to do. */
export interface ErrorText {
  readonly title: string;
  readonly body: string;
}

function field(fields: Readonly<Record<string, unknown>>, name: string): string {
  const v = fields[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/**
 * Explain an error thrown while reading: the project's `DubanError` codes (and the Office code inside a
 * host failure) get specific advice; anything else is shown with its own message, never hidden.
 */
export function describeError(error: unknown, lang: Lang): ErrorText {
  const title = t(lang, 'errorTitle');
  if (isDubanError(error)) {
    if (error.code === 'sheet_not_found') {
      return { title, body: t(lang, 'errorSheetNotFound', { sheet: field(error.fields, 'sheet') }) };
    }
    if (error.code === 'host_failure') {
      const code = field(error.fields, 'code');
      if (code === 'NoHost') return { title, body: t(lang, 'errorNoHost') };
      if (code === 'InvalidOperationInCellEditMode') return { title, body: t(lang, 'errorCellEdit') };
      return { title, body: t(lang, 'errorHost', { code: code || '?', detail: error.message }) };
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { title, body: t(lang, 'errorUnexpected', { detail }) };
}
