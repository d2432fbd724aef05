/**
 * The add-in's use cases on the open workbook, as the task pane and the ribbon commands call them. Types
 * only: `excel-session.ts` implements {@link DubanSession} over Office.js (and, in tests and the playground,
 * over the strict fake Excel). The pane never calls `Excel.run` itself.
 *
 * Every call reads what it needs afresh (the user may have edited the workbook since the last call), and
 * either returns an outcome — `ok: false` with a {@link SessionProblem} when the workbook cannot be processed
 * (no table found, nothing to score…), which is the user's to fix — or throws a `DubanError` for host
 * failures (`host_failure`, with the Office error code in `fields.code`: cell-edit mode after retries, a
 * protected sheet, the sheet changed while we worked) and `cancelled` when the signal aborted.
 */
import type { Analysis } from '../core/analyze.ts';
import type { SubTask } from '../core/breakdown-model.ts';
import type { Finding, Lang } from '../core/findings.ts';
import type { ScoreResult } from '../core/score/score-model.ts';
import type { ColumnOverride } from '../core/table-model.ts';
import type { GreenHighlight } from '../core/write-plan/plan-score.ts';

/** What a long call reports while it works (the pane's progress bar). */
export interface SessionProgress {
  readonly step: 'read' | 'analyse' | 'score' | 'plan' | 'write' | 'clear';
  /** 0…1 over the whole call. */
  readonly fraction: number;
}

/** Cancellation and progress of one call. */
export interface RunControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SessionProgress) => void;
}

/** The user's choices on the 表格 tab; every field optional (stored settings, then detection, fill in). */
export interface TableChoice {
  /** Sheet holding the responsibility table; default: stored setting, else the active sheet. */
  readonly sheet?: string;
  readonly planYear?: number;
  /** Column overrides by role: 0-based column index, or null to say "this table has no such column". */
  readonly mapping?: ColumnOverride;
}

/** Choices for scoring. */
export interface ScoreChoice extends TableChoice {
  /** `YYYY-MM-DD`; default: today, capped at the plan year's end. */
  readonly asOf?: string;
  /** Rule preset name or alias (序时, 银川, 三亚…); default 序时. */
  readonly preset?: string;
  readonly green?: GreenHighlight;
}

/** Why a workbook cannot be processed — the user's to fix, with the place to look. */
export interface SessionProblem {
  readonly code: string;
  /** `Sheet!A1` of the place the message names, when there is one. */
  readonly cell: string | null;
  /** The message in the caller's language, naming sheet and cell. */
  readonly message: string;
}

/** A failed outcome. */
export interface NotProcessed {
  readonly ok: false;
  readonly problem: SessionProblem;
}

/** The stored settings and the workbook's sheets, for the 表格 tab. */
export interface WorkbookOverview {
  readonly sheets: readonly { readonly name: string; readonly visible: boolean }[];
  readonly activeSheet: string;
  /** Settings stored by an earlier run (sheet, mapping, plan year, as-of, preset), null when none. */
  readonly stored: {
    readonly sheet: string | null;
    readonly planYear: number | null;
    readonly asOf: string | null;
    readonly preset: string | null;
    /** The stored column mapping (role → 0-based column), when one was stored. */
    readonly mapping?: ColumnOverride | null;
  } | null;
  /** True when the workbook carries marks of ours (something for 清除 to remove). */
  readonly hasOwnedMarks: boolean;
}

/** Outcome of reading and analysing the table (no writes). */
export type InspectOutcome =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly analysis: Analysis;
      /** Every header cell of the detected header, left to right (also columns no role was recognised from). */
      readonly headers: readonly { readonly col: number; readonly text: string }[];
      /** Reading, breakdown and validation findings. */
      readonly findings: readonly Finding[];
    }
  | NotProcessed;

/** Outcome of breakdown: the ledger sheet written. */
export type BreakdownOutcome =
  | {
      readonly ok: true;
      readonly ledgerSheet: string;
      readonly subTasks: readonly SubTask[];
      readonly findings: readonly Finding[];
      /** Round trips the call took (shown in the test reports and benchmarks). */
      readonly syncs: number;
      /** What was written only in part, in the caller's language (e.g. no print setup before ExcelApi 1.9). */
      readonly warnings?: readonly string[];
    }
  | NotProcessed;

/** Outcome of scoring. */
export type ScoreOutcome =
  | {
      readonly ok: true;
      /** The sheet scored (a ledger, or the responsibility table itself). */
      readonly sheet: string;
      readonly kind: 'ledger' | 'table';
      readonly asOf: string;
      readonly subTasks: readonly SubTask[];
      readonly result: ScoreResult;
      readonly findings: readonly Finding[];
      /** Owned sheets written (评分排名, 通报, 校验); empty when `write` was false. */
      readonly sheetsWritten: readonly string[];
      readonly syncs: number;
      /** What was written only in part, in the caller's language (e.g. no print setup before ExcelApi 1.9). */
      readonly warnings?: readonly string[];
    }
  | NotProcessed;

/** Outcome of clear. */
export interface ClearOutcome {
  readonly ok: true;
  readonly sheets: readonly string[];
  readonly columns: number;
  readonly rules: number;
  /** False when the workbook had nothing of ours. */
  readonly hadMarks: boolean;
  readonly syncs: number;
}

/** The add-in's use cases. */
export interface DubanSession {
  readonly lang: Lang;
  overview(control?: RunControl): Promise<WorkbookOverview>;
  inspect(choice: TableChoice, control?: RunControl): Promise<InspectOutcome>;
  breakdown(choice: TableChoice, control?: RunControl): Promise<BreakdownOutcome>;
  /** Score; with `write` also write the owned columns, highlights, sheets and settings (a re-run replaces). */
  score(choice: ScoreChoice, write: boolean, control?: RunControl): Promise<ScoreOutcome>;
  clear(control?: RunControl): Promise<ClearOutcome>;
  /** Store the 表格 tab's choices (sheet, mapping, plan year, as-of, preset) in the workbook without scoring. */
  saveChoice(choice: ScoreChoice, control?: RunControl): Promise<void>;
  /** Select a cell in Excel (`Sheet!A1`), e.g. when the user clicks a finding. */
  select(cell: string): Promise<void>;
}
