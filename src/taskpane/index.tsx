/**
 * Task pane entry: waits for Office.js, then renders <App/> into #root in Office's language and theme. The
 * session (and with it the engine) is loaded by a dynamic import after the first render. Outside Excel
 * (Office.js missing, or the page opened in a plain browser: host null) the pane still renders, with a
 * notice, and every action explains that it needs Excel; on an Excel without ExcelApi 1.8 it says which
 * Office version is needed.
 */
import { createRoot } from 'react-dom/client';
import { DubanError } from '../core/errors.ts';
import type { Lang } from '../core/findings.ts';
import { App, type AppProps } from './App.tsx';
import { pickLang, t } from './i18n.ts';
import type { DubanSession } from '../excel/session-api.ts';
import { pickThemeKind } from './theme-choice.ts';

/** The API set the manifest declares; below it the pane cannot work. */
const MINIMUM_EXCEL_API = '1.8';

function mount(props: AppProps): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('taskpane.html has no #root element');
  createRoot(element).render(<App {...props} />);
}

function notInExcel(): Promise<DubanSession> {
  return Promise.reject(
    new DubanError('host_failure', 'Duban is not running inside Excel.', { code: 'NoHost' }),
  );
}

function mountOutsideExcel(): void {
  const lang = pickLang(navigator.language);
  mount({ lang, loadSession: notInExcel, notice: t(lang, 'notInOffice') });
}

function tooOld(lang: Lang): AppProps['blocked'] {
  return {
    intent: 'error',
    title: t(lang, 'apiTooOldTitle'),
    body: t(lang, 'apiTooOldBody', { version: MINIMUM_EXCEL_API }),
    cell: null,
  };
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
    // officeTheme is missing on some hosts (older Excel for Mac): the light theme then.
    const theme = pickThemeKind((Office.context as Partial<Office.Context>).officeTheme);
    const requirements = Office.context.requirements;
    if (!requirements.isSetSupported('ExcelApi', MINIMUM_EXCEL_API)) {
      mount({ lang, theme, loadSession: notInExcel, blocked: tooOld(lang) });
      return;
    }
    mount({
      lang,
      theme,
      loadSession: () =>
        import('./load-session.ts').then((m) => m.loadExcelSession(Excel, requirements, lang)),
    });
  });
}
