/**
 * The engine, loaded after the pane's first render: the session over Office.js (and, in the playground,
 * over the strict fake, which provides the same `Excel` and `requirements`). index.tsx imports this module
 * dynamically, so it and everything it pulls in (the core's reading, breakdown and scoring) are a separate
 * chunk.
 */
import type { Lang } from '../core/findings.ts';
import { createExcelSession } from '../excel/excel-session.ts';
import type { DubanSession } from '../excel/session-api.ts';

/** The session over the given host. */
export function loadExcelSession(
  excel: typeof Excel,
  requirements: Office.RequirementSetSupport,
  lang: Lang,
): DubanSession {
  return createExcelSession(excel, requirements, lang);
}
