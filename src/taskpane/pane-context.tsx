/**
 * The pane's shared state and its one way of calling the session: `run` starts a call with an
 * AbortController and a progress callback, shows the progress bar and the 取消 button while it works, and
 * turns every outcome into what the user sees — a `NotProcessed` problem or a thrown error becomes the
 * message bar (what happened, what to do), a cancellation a short note. The tabs hold no session logic of
 * their own beyond choosing what to call.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { isDubanError } from '../core/errors.ts';
import type { Lang } from '../core/findings.ts';
import type {
  BreakdownOutcome,
  ClearOutcome,
  InspectOutcome,
  NotProcessed,
  RunControl,
  ScoreOutcome,
  SessionProgress,
  WorkbookOverview,
} from '../excel/session-api.ts';
import { describeError, t } from './i18n.ts';
import { EMPTY_CHOICE, type PaneChoice } from './pane-choice.ts';
import type { DubanSession } from '../excel/session-api.ts';
import type { StringKey } from './strings.ts';

/** The calls the pane makes, for the progress label and the failure title. */
export type TaskKind =
  'load' | 'overview' | 'inspect' | 'save' | 'breakdown' | 'score' | 'mark' | 'clear' | 'circular';

/** What the message bar shows. */
export interface PaneMessage {
  readonly intent: 'error' | 'warning' | 'info' | 'success';
  readonly title: string;
  readonly body: string;
  /** `Sheet!A1` the message is about: the bar offers to select it. */
  readonly cell: string | null;
}

/** The call in progress. */
export interface Busy {
  readonly task: TaskKind;
  readonly progress: SessionProgress | null;
}

type Ok<T> = Extract<T, { readonly ok: true }>;

/** The latest successful outcomes, shared by the tabs. */
export interface PaneResults {
  readonly overview: WorkbookOverview | null;
  readonly inspect: Ok<InspectOutcome> | null;
  readonly breakdown: Ok<BreakdownOutcome> | null;
  /** The latest score, and whether it was written to the workbook (标注 / 通报) or only previewed. */
  readonly score: { readonly outcome: Ok<ScoreOutcome>; readonly written: boolean } | null;
  readonly clear: ClearOutcome | null;
}

const NO_RESULTS: PaneResults = { overview: null, inspect: null, breakdown: null, score: null, clear: null };

/** Everything a tab needs. */
export interface PaneApi {
  readonly lang: Lang;
  /** Null until the session has loaded (or when it cannot: see the message bar). */
  readonly session: DubanSession | null;
  readonly choice: PaneChoice;
  readonly setChoice: (patch: Partial<PaneChoice>) => void;
  readonly results: PaneResults;
  readonly setResults: (patch: Partial<PaneResults>) => void;
  readonly busy: Busy | null;
  readonly message: PaneMessage | null;
  readonly showMessage: (message: PaneMessage | null) => void;
  /**
   * Call the session. Resolves to the call's value, or null when there is no session, another call is
   * running, or the call threw (the message bar then says why). A `NotProcessed` value is returned as is,
   * after the message bar has shown its problem.
   */
  readonly run: <T>(
    task: TaskKind,
    call: (session: DubanSession, control: RunControl) => Promise<T>,
  ) => Promise<T | null>;
  /** Abort the running call. */
  readonly cancel: () => void;
}

const PaneContext = createContext<PaneApi | null>(null);

/** The pane state of the nearest {@link PaneProvider}. */
export function usePane(): PaneApi {
  const api = useContext(PaneContext);
  if (api === null) throw new Error('usePane() outside <PaneProvider>');
  return api;
}

function isNotProcessed(value: unknown): value is NotProcessed {
  return (
    typeof value === 'object' && value !== null && 'ok' in value && value.ok === false && 'problem' in value
  );
}

function isCancellation(error: unknown, signal: AbortSignal): boolean {
  if (isDubanError(error) && error.code === 'cancelled') return true;
  if (error instanceof Error && error.name === 'AbortError') return true;
  return signal.aborted;
}

const FAILED_TITLE: Readonly<Record<TaskKind, StringKey>> = {
  load: 'loadFailed',
  overview: 'readFailed',
  inspect: 'readFailed',
  save: 'saveFailed',
  breakdown: 'breakdownFailed',
  score: 'scoreFailed',
  mark: 'markFailed',
  clear: 'clearFailed',
  circular: 'circularFailed',
};

/** Explain a thrown error with the host texts, titled by the call that failed. */
export function messageForError(error: unknown, task: TaskKind, lang: Lang): PaneMessage {
  const text = describeError(error, lang);
  return { intent: 'error', title: t(lang, FAILED_TITLE[task]), body: text.body, cell: null };
}

/** Props of {@link PaneProvider}. */
export interface PaneProviderProps {
  readonly lang: Lang;
  /** Loads the session (and with it the engine) after the first render. */
  readonly loadSession: () => Promise<DubanSession>;
  /**
   * Why the pane cannot work on this host (an Office too old for ExcelApi 1.8): shown instead of loading the
   * session.
   */
  readonly blocked?: PaneMessage | null;
  readonly children: ReactNode;
}

/** Holds the pane's state for the tabs below it, and loads the session once the pane has rendered. */
export function PaneProvider({ lang, loadSession, blocked = null, children }: PaneProviderProps) {
  const [session, setSession] = useState<DubanSession | null>(null);
  const [choice, setChoiceState] = useState<PaneChoice>(EMPTY_CHOICE);
  const [results, setResultsState] = useState<PaneResults>(NO_RESULTS);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(blocked);
  // Refs, not state: `run` must see a call in flight at once, before React re-renders.
  const abortRef = useRef<AbortController | null>(null);

  const setChoice = useCallback((patch: Partial<PaneChoice>) => {
    setChoiceState((c) => ({ ...c, ...patch }));
  }, []);
  const setResults = useCallback((patch: Partial<PaneResults>) => {
    setResultsState((r) => ({ ...r, ...patch }));
  }, []);

  const run = useCallback(
    async <T,>(
      task: TaskKind,
      call: (session: DubanSession, control: RunControl) => Promise<T>,
    ): Promise<T | null> => {
      if (session === null || abortRef.current !== null) return null;
      const abort = new AbortController();
      abortRef.current = abort;
      setBusy({ task, progress: null });
      setMessage(null);
      let lastPercent = -1;
      const onProgress = (progress: SessionProgress): void => {
        // Re-render only when the shown percentage changes: a call may report thousands of times.
        const percent = Math.floor(progress.fraction * 100);
        if (percent === lastPercent) return;
        lastPercent = percent;
        setBusy((b) => (b === null ? b : { task: b.task, progress }));
      };
      try {
        const value = await call(session, { signal: abort.signal, onProgress });
        if (isNotProcessed(value)) {
          setMessage({
            intent: 'warning',
            title: t(lang, 'notProcessedTitle'),
            body: value.problem.message,
            cell: value.problem.cell,
          });
        }
        return value;
      } catch (error) {
        if (isCancellation(error, abort.signal)) {
          setMessage({
            intent: 'info',
            title: t(lang, 'cancelledTitle'),
            body: t(lang, 'cancelledBody'),
            cell: null,
          });
        } else {
          setMessage(messageForError(error, task, lang));
        }
        return null;
      } finally {
        abortRef.current = null;
        setBusy(null);
      }
    },
    [session, lang],
  );

  useEffect(() => {
    if (blocked !== null) return;
    let live = true;
    loadSession().then(
      (loaded) => {
        if (live) setSession(loaded);
      },
      (error: unknown) => {
        if (live) setMessage(messageForError(error, 'load', lang));
      },
    );
    return () => {
      live = false;
    };
    // Loaded once per pane (empty deps): a new `loadSession` identity must not reload the engine.
  }, []);

  const cancel = useCallback(() => {
    abortRef.current?.abort();
  }, []);

  const api = useMemo<PaneApi>(
    () => ({
      lang,
      session,
      choice,
      setChoice,
      results,
      setResults,
      busy,
      message,
      showMessage: setMessage,
      run,
      cancel,
    }),
    [lang, session, choice, setChoice, results, setResults, busy, message, run, cancel],
  );
  return <PaneContext.Provider value={api}>{children}</PaneContext.Provider>;
}
