/**
 * Reading the workbook for the 表格 tab, shared by the pane's start-up and the tab itself: the overview
 * (sheets, stored settings), then the table with the chosen settings.
 */
import type { PaneApi } from './pane-context.tsx';
import { choiceFromOverview, toScoreChoice, type PaneChoice } from './pane-choice.ts';

/** The plan year the table's title names, when the table has been read. */
export function detectedPlanYear(api: Pick<PaneApi, 'results'>): number | null {
  const analysis = api.results.inspect?.analysis;
  return analysis ? (analysis.breakdown.planYear ?? analysis.table.planYear) : null;
}

/** Read the table with `choice`; keeps the outcome for the tabs (cleared when nothing could be read). */
export async function inspectWith(api: PaneApi, choice: PaneChoice): Promise<void> {
  const outcome = await api.run('inspect', (session, control) =>
    session.inspect(toScoreChoice(choice, detectedPlanYear(api)), control),
  );
  if (outcome === null) return;
  api.setResults({ inspect: outcome.ok ? outcome : null });
}

/** Read the overview, take over the stored settings, then read the table with them. */
export async function readWorkbook(api: PaneApi): Promise<void> {
  const overview = await api.run('overview', (session, control) => session.overview(control));
  if (overview === null) return;
  const choice = choiceFromOverview(overview);
  api.setChoice(choice);
  api.setResults({ overview });
  await inspectWith(api, choice);
}
