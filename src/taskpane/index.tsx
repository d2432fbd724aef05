/**
 * Task pane entry: waits for Office.js, then renders <App/> into #root with a reader wired to the open
 * workbook. Outside Excel (Office.js missing, or the page opened in a plain browser: host null) it still
 * renders, with a notice, and reading explains that it needs Excel.
 */
import { createRoot } from 'react-dom/client';
import { DubanError } from '../core/errors.ts';
import type { Lang } from '../core/findings.ts';
import { OfficeWorkbook } from '../excel/office-workbook.ts';
import { App } from './App.tsx';
import { pickLang, t } from './i18n.ts';
import { readActiveTable, type TableSummary } from './read-active-table.ts';

function mount(lang: Lang, read: () => Promise<TableSummary>, notice: string | null): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('taskpane.html has no #root element');
  createRoot(element).render(<App lang={lang} readActiveTable={read} notice={notice} />);
}

function notInExcel(): Promise<TableSummary> {
  return Promise.reject(
    new DubanError('host_failure', 'Duban is not running inside Excel.', { code: 'NoHost' }),
  );
}

function mountOutsideExcel(): void {
  const lang = pickLang(navigator.language);
  mount(lang, notInExcel, t(lang, 'notInOffice'));
}

// `Office` is undefined when office.js could not load (offline, blocked by a proxy).
if (typeof Office === 'undefined') {
  mountOutsideExcel();
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      mountOutsideExcel();
      return;
    }
    const lang = pickLang(Office.context.displayLanguage);
    const port = new OfficeWorkbook(Excel, Office.context.requirements);
    mount(lang, () => readActiveTable(port), null);
  });
}
