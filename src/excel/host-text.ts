/**
 * What a user is told about the Excel host, shared by the task pane and the ribbon commands (both may
 * import `src/excel`; neither may import the other): the display language, and host errors explained —
 * what happened and what to do — in zh-CN (default) and en-US.
 */
import { isDubanError } from '../core/errors.ts';
import type { Lang } from '../core/findings.ts';
import { fillTemplate } from '../core/text/fill-template.ts';

/**
 * The language for an Office display language (`Office.context.displayLanguage`, e.g. `zh-CN`, `en-US`):
 * English only when Office shows English, Chinese otherwise.
 * @example pickLang('en-GB') === 'en'; pickLang('zh-TW') === 'zh'; pickLang(undefined) === 'zh'
 */
export function pickLang(displayLanguage: string | null | undefined): Lang {
  return displayLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Host error texts; placeholders `{name}`. */
export const HOST_ERROR_TEXT = {
  title: { zh: '读取失败', en: 'Could not read the table' },
  sheetNotFound: {
    zh: '找不到工作表“{sheet}”。它可能刚被重命名或删除，请重新选择工作表后重试。',
    en: 'Sheet “{sheet}” was not found. It may have been renamed or deleted; select the sheet again and retry.',
  },
  cellEdit: {
    zh: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再重试。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  host: {
    zh: 'Excel 未能完成读取（错误代码 {code}）：{detail}',
    en: 'Excel could not finish reading (error code {code}): {detail}',
  },
  apiTooOld: {
    zh: '此版本的 Excel 不支持督办助手所需的功能（需要 ExcelApi 1.8：Excel 2019、Excel 2021、Microsoft 365 或 Excel 网页版）。请升级 Office 后重试。（错误代码 {code}）',
    en: 'This version of Excel lacks features Duban needs (ExcelApi 1.8: Excel 2019, Excel 2021, Microsoft 365 or Excel on the web). Please update Office and try again. (error code {code})',
  },
  noHost: {
    zh: '督办助手没有在 Excel 中运行，无法读取表格。请在 Excel 的“开始”选项卡中点击“打开督办助手”。',
    en: 'Duban is not running inside Excel, so there is no table to read. Open it from Excel’s Home tab (打开督办助手 / Open Duban).',
  },
  unexpected: { zh: '发生了意外错误：{detail}', en: 'An unexpected error occurred: {detail}' },
} as const satisfies Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** A failure explained for people: a title and what happened / what to do. */
export interface ErrorText {
  readonly title: string;
  readonly body: string;
}

function text(lang: Lang, key: keyof typeof HOST_ERROR_TEXT, params: Record<string, string> = {}): string {
  return fillTemplate(HOST_ERROR_TEXT[key][lang], params);
}

function field(fields: Readonly<Record<string, unknown>>, name: string): string {
  const v = fields[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/**
 * Explain an error thrown while reading: the project's `DubanError` codes (and the Office code inside a
 * host failure: `NoHost` outside Excel, `InvalidOperationInCellEditMode`, any other) get specific advice;
 * anything else is shown with its own message, never hidden.
 */
export function describeHostError(error: unknown, lang: Lang): ErrorText {
  const title = text(lang, 'title');
  if (isDubanError(error)) {
    if (error.code === 'sheet_not_found') {
      return { title, body: text(lang, 'sheetNotFound', { sheet: field(error.fields, 'sheet') }) };
    }
    if (error.code === 'host_failure') {
      const code = field(error.fields, 'code');
      if (code === 'NoHost') return { title, body: text(lang, 'noHost') };
      if (code === 'InvalidOperationInCellEditMode') return { title, body: text(lang, 'cellEdit') };
      // Office reports a call outside the host's API sets as ApiNotFound: name the Office versions that work.
      if (code === 'ApiNotFound') return { title, body: text(lang, 'apiTooOld', { code }) };
      return { title, body: text(lang, 'host', { code: code || '?', detail: error.message }) };
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { title, body: text(lang, 'unexpected', { detail }) };
}
