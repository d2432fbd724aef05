/**
 * 分解: run the breakdown (the session writes the ledger sheet), then the sub-task and indicator counts per
 * responsible unit; a unit opens to its sub-tasks.
 */
import { useState } from 'react';
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import type { SubTask } from '../../core/breakdown-model.ts';
import { t } from '../i18n.ts';
import { detectedPlanYear } from '../pane-actions.ts';
import { toScoreChoice } from '../pane-choice.ts';
import { usePane } from '../pane-context.tsx';
import { useTabStyles } from './tab-ui.tsx';

/** Sub-tasks and indicators of one unit. */
export interface UnitBreakdown {
  /** The unit's name; '' for sub-tasks whose row names no unit. */
  readonly unit: string;
  readonly subTasks: readonly SubTask[];
  readonly indicators: number;
}

/**
 * Group sub-tasks by lead unit in order of first appearance; a sub-task led by two units counts for both
 * (as scoring counts it), one with no unit goes under ''.
 */
export function groupByUnit(subTasks: readonly SubTask[]): UnitBreakdown[] {
  const groups = new Map<string, SubTask[]>();
  for (const s of subTasks) {
    for (const unit of s.units.length > 0 ? s.units : ['']) {
      const list = groups.get(unit);
      if (list) list.push(s);
      else groups.set(unit, [s]);
    }
  }
  return [...groups].map(([unit, list]) => ({
    unit,
    subTasks: list,
    indicators: list.reduce((n, s) => n + s.indicators.length, 0),
  }));
}

/** The 分解 tab. */
export function BreakdownTab() {
  const api = usePane();
  const { lang, results, busy, session, choice } = api;
  const styles = useTabStyles();
  const [open, setOpen] = useState<string | null>(null);
  const outcome = results.breakdown;

  const run = async (): Promise<void> => {
    const out = await api.run('breakdown', (s, control) =>
      s.breakdown(toScoreChoice(choice, detectedPlanYear(api)), control),
    );
    if (out?.ok) {
      api.setResults({ breakdown: out });
      setOpen(null);
      const partial = out.warnings ?? [];
      if (partial.length > 0) {
        api.showMessage({
          intent: 'warning',
          title: t(lang, 'partlyWritten'),
          body: partial.join('\n'),
          cell: null,
        });
      }
    }
  };

  const units = outcome ? groupByUnit(outcome.subTasks) : [];
  const indicatorTotal = outcome ? outcome.subTasks.reduce((n, s) => n + s.indicators.length, 0) : 0;
  const opened = units.find((u) => u.unit === open) ?? null;
  const unitName = (unit: string): string => (unit === '' ? t(lang, 'noUnit') : unit);

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, 'tabBreakdown')}
      </Subtitle2>
      <Text>{t(lang, 'breakdownHint')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || session === null} onClick={() => void run()}>
          {t(lang, 'runBreakdown')}
        </Button>
      </div>
      {outcome ? (
        <>
          <Text role="status">
            {t(lang, 'breakdownDone', {
              sheet: outcome.ledgerSheet,
              subTasks: outcome.subTasks.length,
              indicators: indicatorTotal,
              findings: outcome.findings.length,
            })}
          </Text>
          <table className={styles.table}>
            <caption className={styles.secondary}>{t(lang, 'breakdownCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'colUnit')}</th>
                <th scope="col" className={styles.numberCol}>
                  {t(lang, 'colSubTasks')}
                </th>
                <th scope="col" className={styles.numberCol}>
                  {t(lang, 'colIndicators')}
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.unit}>
                  <th scope="row">
                    <Button
                      appearance="transparent"
                      className={styles.linkButton}
                      aria-expanded={open === u.unit}
                      aria-controls="duban-unit-subtasks"
                      onClick={() => {
                        setOpen(open === u.unit ? null : u.unit);
                      }}
                    >
                      {unitName(u.unit)}
                    </Button>
                  </th>
                  <td className={styles.number}>{u.subTasks.length}</td>
                  <td className={styles.number}>{u.indicators}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <section id="duban-unit-subtasks" aria-live="polite">
            {opened ? (
              <>
                <Subtitle2 as="h3" className={styles.heading}>
                  {t(lang, 'unitSubTasksHeading', { unit: unitName(opened.unit) })}
                </Subtitle2>
                <ol className={styles.list}>
                  {opened.subTasks.map((s) => (
                    <li key={s.id}>
                      <Text>{t(lang, 'subTaskLine', { id: s.id, text: s.text })}</Text>
                      <br />
                      <Text className={styles.secondary}>
                        {t(lang, 'subTaskMeta', {
                          indicators: s.indicators.length,
                          deadline: s.deadlineText ?? s.deadline ?? t(lang, 'noDeadline'),
                        })}
                      </Text>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
