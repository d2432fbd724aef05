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
  writeTitle: { zh: '写入失败', en: 'Could not write to the workbook' },
  writeHost: {
    zh: 'Excel 未能完成写入（错误代码 {code}）：{detail}。已写入的内容已撤销，工作簿保持原样。',
    en: 'Excel could not finish writing (error code {code}): {detail}. What had been written was removed again; the workbook is as it was.',
  },
  undoFailed: {
    zh: 'Excel 未能完成写入（错误代码 {code}），撤销已写入的内容时也出错：{detail}。请检查工作簿，必要时点击“清除标注”。',
    en: 'Excel could not finish writing (error code {code}), and removing what had been written failed too: {detail}. Check the workbook and use Clear highlights if needed.',
  },
  sheetProtected: {
    zh: '工作表“{sheet}”受保护，督办助手无法写入，未做任何修改。请在“审阅”选项卡中撤消工作表保护后重试。',
    en: 'Sheet “{sheet}” is protected, so Duban cannot write to it; nothing was changed. Unprotect it (Review tab) and try again.',
  },
  workbookProtected: {
    zh: '工作簿结构受保护，督办助手无法添加或删除工作表，未做任何修改。请在“审阅”选项卡中撤消工作簿保护后重试。',
    en: 'The workbook structure is protected, so Duban cannot add or delete sheets; nothing was changed. Unprotect the workbook (Review tab) and try again.',
  },
  sheetChanged: {
    zh: '督办助手工作期间，工作表“{sheet}”被修改了（{address}），为避免覆盖，未做任何修改。请重试。',
    en: 'Sheet “{sheet}” was changed while Duban was working ({address}); to avoid overwriting it, nothing was changed. Please try again.',
  },
  cancelled: { zh: '已取消，未做任何修改。', en: 'Cancelled; nothing was changed.' },
  printSkipped: {
    zh: '此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9：Excel 2021、Microsoft 365 或 Excel 网页版），工作表“{sheets}”未设置 A4 打印格式，其余内容已写入。',
    en: 'This version of Excel cannot set up printing (ExcelApi 1.9: Excel 2021, Microsoft 365 or Excel on the web), so sheet(s) “{sheets}” have no A4 print setup; everything else was written.',
  },
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

/** The warning for print setup skipped on a host without ExcelApi 1.9. */
export function printSkippedText(lang: Lang, sheets: readonly string[]): string {
  return text(lang, 'printSkipped', { sheets: sheets.join(lang === 'zh' ? '”“' : '”, “') });
}

/**
 * Explain an error thrown while reading (or, with `phase` `write`, while writing): the project's `DubanError` codes (and the Office code inside a
 * host failure: `NoHost` outside Excel, `InvalidOperationInCellEditMode`, any other) get specific advice;
 * anything else is shown with its own message, never hidden.
 */
export function describeHostError(error: unknown, lang: Lang, phase: 'read' | 'write' = 'read'): ErrorText {
  const title = text(lang, phase === 'write' ? 'writeTitle' : 'title');
  if (isDubanError(error)) {
    if (error.code === 'cancelled') return { title, body: text(lang, 'cancelled') };
    if (error.code === 'sheet_not_found') {
      return { title, body: text(lang, 'sheetNotFound', { sheet: field(error.fields, 'sheet') }) };
    }
    if (error.code === 'host_failure') {
      const code = field(error.fields, 'code');
      if (code === 'NoHost') return { title, body: text(lang, 'noHost') };
      if (code === 'InvalidOperationInCellEditMode') return { title, body: text(lang, 'cellEdit') };
      // Office reports a call outside the host's API sets as ApiNotFound: name the Office versions that work.
      if (code === 'ApiNotFound') return { title, body: text(lang, 'apiTooOld', { code }) };
      const sheet = field(error.fields, 'sheet');
      if (code === 'SheetProtected') return { title, body: text(lang, 'sheetProtected', { sheet }) };
      if (code === 'WorkbookProtected') return { title, body: text(lang, 'workbookProtected') };
      if (code === 'SheetChanged') {
        return {
          title,
          body: text(lang, 'sheetChanged', { sheet, address: field(error.fields, 'address') }),
        };
      }
      const detail = { code: code || '?', detail: error.message };
      if (error.fields['undoFailed'] === true) return { title, body: text(lang, 'undoFailed', detail) };
      if (phase === 'write') return { title, body: text(lang, 'writeHost', detail) };
      return { title, body: text(lang, 'host', detail) };
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { title, body: text(lang, 'unexpected', { detail }) };
}
