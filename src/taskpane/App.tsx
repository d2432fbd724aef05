/**
 * The task pane: the workflow in six tabs (表格 · 分解 · 校验 · 评分 · 标注/清除 · 通报) over a
 * {@link DubanSession}, with a progress bar and 取消 for long calls and a message bar for every problem. It
 * never calls Excel itself: the session comes in through `loadSession`, loaded after the first render
 * together with the engine, and the tabs are loaded on first use — the first render stays small.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../core/findings.ts';
import type { DubanSession } from '../excel/session-api.ts';
import { TabErrorBoundary } from './error-boundary.tsx';
import { t } from './i18n.ts';
import { readWorkbook } from './pane-actions.ts';
import { messageForError, PaneProvider, usePane, type PaneMessage, type TaskKind } from './pane-context.tsx';
import type { StringKey } from './strings.ts';
import type { ThemeKind } from './theme-choice.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** Display language. */
  readonly lang: Lang;
  /** Loads the session over the host (Office.js in Excel, the fake in the playground, a stub in tests). */
  readonly loadSession: () => Promise<DubanSession>;
  /** Light or dark, following Office's theme. */
  readonly theme?: ThemeKind;
  /** A note shown under the title, e.g. when the page is open outside Excel. */
  readonly notice?: string | null;
  /** Why the pane cannot work on this host (Office too old): shown instead of loading the session. */
  readonly blocked?: PaneMessage | null;
}

/** The tabs, in order. */
export type TabId = 'table' | 'breakdown' | 'validate' | 'score' | 'mark' | 'circular';

const TAB_IDS: readonly TabId[] = ['table', 'breakdown', 'validate', 'score', 'mark', 'circular'];

const TAB_LABEL: Readonly<Record<TabId, StringKey>> = {
  table: 'tabTable',
  breakdown: 'tabBreakdown',
  validate: 'tabValidate',
  score: 'tabScore',
  mark: 'tabMark',
  circular: 'tabCircular',
};

// Each tab is its own chunk, loaded when first shown; the engine's rendering helpers come with them.
const PANELS: Readonly<Record<TabId, ComponentType>> = {
  table: lazy(() => import('./tabs/table-tab.tsx').then((m) => ({ default: m.TableTab }))),
  breakdown: lazy(() => import('./tabs/breakdown-tab.tsx').then((m) => ({ default: m.BreakdownTab }))),
  validate: lazy(() => import('./tabs/validate-tab.tsx').then((m) => ({ default: m.ValidateTab }))),
  score: lazy(() => import('./tabs/score-tab.tsx').then((m) => ({ default: m.ScoreTab }))),
  mark: lazy(() => import('./tabs/mark-tab.tsx').then((m) => ({ default: m.MarkTab }))),
  circular: lazy(() => import('./tabs/circular-tab.tsx').then((m) => ({ default: m.CircularTab }))),
};

const BUSY_LABEL: Readonly<Record<TaskKind, StringKey>> = {
  load: 'busyLoad',
  overview: 'busyRead',
  inspect: 'busyRead',
  save: 'busySave',
  breakdown: 'busyBreakdown',
  score: 'busyScore',
  mark: 'busyMark',
  clear: 'busyClear',
  circular: 'busyCircular',
};

const STEP_LABEL: Readonly<Record<string, StringKey>> = {
  read: 'stepRead',
  analyse: 'stepAnalyse',
  score: 'stepScore',
  plan: 'stepPlan',
  write: 'stepWrite',
  clear: 'stepClear',
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    // The pane is 320 px wide at its narrowest: long words (sheet names, cell addresses) wrap, never scroll.
    overflowWrap: 'anywhere',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column' },
  tabs: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  progress: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS },
  progressField: { flexGrow: 1, minWidth: 0 },
  panel: { minWidth: 0 },
  // A message may hold several lines (what was written, then what could not be).
  messageBody: { whiteSpace: 'pre-line' },
});

function MessagePanel() {
  const styles = useStyles();
  const { lang, message, showMessage, session } = usePane();
  if (message === null) return null;
  const cell = message.cell;
  const select = async (target: string): Promise<void> => {
    try {
      await session?.select(target);
    } catch (error) {
      showMessage(messageForError(error, 'inspect', lang));
    }
  };
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody className={styles.messageBody}>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.body}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            onClick={() => {
              showMessage(null);
            }}
          >
            {t(lang, 'dismiss')}
          </Button>
        }
      >
        {cell !== null && session !== null ? (
          <Button size="small" onClick={() => void select(cell)}>
            {t(lang, 'goToCell', { cell })}
          </Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}

function ProgressPanel() {
  const styles = useStyles();
  const { lang, busy, cancel } = usePane();
  if (busy === null) return null;
  const progress = busy.progress;
  const stepKey = progress ? STEP_LABEL[progress.step] : undefined;
  const label = progress
    ? t(lang, 'busyWithStep', {
        task: t(lang, BUSY_LABEL[busy.task]),
        step: stepKey ? t(lang, stepKey) : progress.step,
        percent: Math.round(progress.fraction * 100),
      })
    : t(lang, BUSY_LABEL[busy.task]);
  return (
    <div className={styles.progress}>
      <Field className={styles.progressField} label={label}>
        <ProgressBar value={progress ? progress.fraction : undefined} max={1} thickness="large" />
      </Field>
      <Button onClick={cancel}>{t(lang, 'cancel')}</Button>
    </div>
  );
}

function Shell({ notice }: { readonly notice: string | null }) {
  const styles = useStyles();
  const api = usePane();
  const { lang, session } = api;
  const [tab, setTab] = useState<TabId>('table');

  // Once the session is there, read the workbook so the 表格 tab shows the detected table at once.
  useEffect(() => {
    if (session !== null) void readWorkbook(api);
    // Only when the session arrives (not on every state update, which gives `api` a new identity).
  }, [session]);

  const Panel = PANELS[tab];
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{t(lang, 'appTitle')}</Title3>
        <Caption1>{t(lang, 'appSubtitle')}</Caption1>
      </header>
      {notice ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <MessagePanel />
      <ProgressPanel />
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => {
          setTab(data.value as TabId);
        }}
        aria-label={t(lang, 'tabsLabel')}
      >
        {TAB_IDS.map((id) => (
          <Tab key={id} id={`duban-tab-${id}`} value={id} aria-controls="duban-panel">
            {t(lang, TAB_LABEL[id])}
          </Tab>
        ))}
      </TabList>
      <div id="duban-panel" role="tabpanel" aria-labelledby={`duban-tab-${tab}`} className={styles.panel}>
        <TabErrorBoundary key={tab} lang={lang}>
          <Suspense fallback={<Spinner size="small" label={t(lang, 'loadingTab')} />}>
            <Panel />
          </Suspense>
        </TabErrorBoundary>
      </div>
    </main>
  );
}

/** The task pane. */
export function App({ lang, loadSession, theme = 'light', notice = null, blocked = null }: AppProps) {
  return (
    <FluentProvider
      theme={theme === 'dark' ? webDarkTheme : webLightTheme}
      lang={lang === 'zh' ? 'zh-CN' : 'en-US'}
    >
      <PaneProvider lang={lang} loadSession={loadSession} blocked={blocked}>
        <Shell notice={notice} />
      </PaneProvider>
    </FluentProvider>
  );
}
