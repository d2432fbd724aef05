/**
 * Findings: values describing a problem in the user's workbook, each with a stable code, a severity, the
 * cell it is about and the parameters its message needs. Messages and suggested fixes live in the catalog
 * (`findings/catalog.ts`) in zh-CN and en-US and are rendered only at the boundary.
 */
import type { CellRef } from './grid.ts';

/** How serious a finding is. `error` blocks a trustworthy result, `info` is a note. */
export type Severity = 'error' | 'warning' | 'info';

/** Parameters substituted into a message template (`{unit}`, `{value}` …). */
export type FindingParams = Readonly<Record<string, string | number>>;

/** One finding about the user's workbook. */
export interface Finding {
  /** Stable machine code, e.g. `owner_missing`; a key of the catalog. */
  readonly code: string;
  readonly severity: Severity;
  /** The cell the finding is about, when there is one. */
  readonly at?: CellRef;
  readonly params: FindingParams;
}

/** The display languages. */
export type Lang = 'zh' | 'en';
