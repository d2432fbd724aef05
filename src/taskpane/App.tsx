/**
 * The task pane (walking skeleton): a 读取表格 button that reads the active sheet's table and shows the
 * sheet, the header row found and the task-row count — or a message bar saying what went wrong and what to do.
 * It never calls Excel itself: reading comes in through the `readActiveTable` prop.
 */
import { useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../core/findings.ts';
import { describeError, t, type ErrorText } from './i18n.ts';
import type { TableSummary } from './read-active-table.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** Reads the active sheet's table (through `OfficeWorkbook` in Excel, a `MemoryWorkbook` in tests). */
  readonly readActiveTable: () => Promise<TableSummary>;
  /** Display language. */
  readonly lang: Lang;
  /** A note shown above the button, e.g. when the page is open outside Excel. */
  readonly notice?: string | null;
}

type View =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'done'; readonly summary: TableSummary }
  | { readonly kind: 'failed'; readonly error: ErrorText };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  // pre-wrap: header texts keep their spaces as written (`目   标   任   务`), as in the sheet.
  detail: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

function Summary({ summary, lang }: { readonly summary: TableSummary; readonly lang: Lang }) {
  const styles = useStyles();
  if (summary.headerRow === null) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, 'noTableTitle')}</MessageBarTitle>
          {t(lang, 'noTableBody', { sheet: summary.sheet })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <dl className={styles.summary} aria-label={t(lang, 'readTable')}>
      <dt className={styles.term}>{t(lang, 'sheetLabel')}</dt>
      <dd className={styles.detail}>{summary.sheet}</dd>
      <dt className={styles.term}>{t(lang, 'headerRowLabel')}</dt>
      <dd className={styles.detail}>{t(lang, 'rowNumber', { row: summary.headerRow + 1 })}</dd>
      <dt className={styles.term}>{t(lang, 'columnsLabel')}</dt>
      <dd className={styles.detail}>
        {summary.headerTexts.map((h) => t(lang, 'quoted', { text: h })).join(t(lang, 'columnsSeparator'))}
      </dd>
      <dt className={styles.term}>{t(lang, 'rowCountLabel')}</dt>
      <dd className={styles.detail}>{t(lang, 'rowCount', { count: summary.rowCount })}</dd>
    </dl>
  );
}

/** The task pane. */
export function App({ readActiveTable, lang, notice }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<View>({ kind: 'idle' });

  const onRead = async (): Promise<void> => {
    setView({ kind: 'reading' });
    try {
      setView({ kind: 'done', summary: await readActiveTable() });
    } catch (error) {
      // Shown to the user in full (what happened, what to do): not swallowed.
      setView({ kind: 'failed', error: describeError(error, lang) });
    }
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <main className={styles.root}>
        <header>
          <Title3 as="h1">{t(lang, 'appTitle')}</Title3>
          <br />
          <Caption1>{t(lang, 'appSubtitle')}</Caption1>
        </header>
        {notice ? (
          <MessageBar intent="info">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Button appearance="primary" disabled={view.kind === 'reading'} onClick={() => void onRead()}>
          {t(lang, 'readTable')}
        </Button>
        <div aria-live="polite">
          {view.kind === 'reading' ? <Spinner size="small" label={t(lang, 'reading')} /> : null}
          {view.kind === 'done' ? <Summary summary={view.summary} lang={lang} /> : null}
          {view.kind === 'failed' ? (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{view.error.title}</MessageBarTitle>
                <Body1>{view.error.body}</Body1>
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </main>
    </FluentProvider>
  );
}
