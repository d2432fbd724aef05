/**
 * 评分: score without writing (a preview; 标注 writes), then the ranking — rank, unit, owners, score, a
 * status chip with its word, and the movement against the last run — where a unit opens to its sub-tasks
 * with completion, expected progress and the explanation; then the praise and escalation lists.
 */
import { Fragment, useState } from 'react';
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import type { Lang } from '../../core/findings.ts';
import { explainTask } from '../../core/score/explain.ts';
import type { Movement, ScoreResult, UnitScore } from '../../core/score/score-model.ts';
import { t } from '../i18n.ts';
import { detectedPlanYear } from '../pane-actions.ts';
import { toScoreChoice } from '../pane-choice.ts';
import { usePane } from '../pane-context.tsx';
import { percent, StatusChip, statusText, useTabStyles } from './tab-ui.tsx';

/**
 * A short movement mark for the narrow table, with the full words beside it for screen readers.
 * @example up 2 → '↑2'; down 1 → '↓1'; same → '–'; new → the word 新 / new
 */
export function movementMark(movement: Movement, lang: Lang): string {
  switch (movement.direction) {
    case 'up':
      return `↑${movement.places}`;
    case 'down':
      return `↓${movement.places}`;
    case 'same':
      return '–';
    case 'new':
      return t(lang, 'movementNew');
  }
}

function UnitTasks({ result, unit }: { readonly result: ScoreResult; readonly unit: UnitScore }) {
  const { lang } = usePane();
  const styles = useTabStyles();
  const tasks = result.tasks.filter((s) => s.subTask.units.includes(unit.name));
  return (
    <ol className={styles.list} aria-label={t(lang, 'unitSubTasksHeading', { unit: unit.name })}>
      {tasks.map((s) => (
        <li key={s.subTask.id}>
          <Text block>{t(lang, 'subTaskLine', { id: s.subTask.id, text: s.subTask.text })}</Text>
          <div className={styles.row}>
            <StatusChip status={s.status} lang={lang} />
            <Text className={styles.secondary}>
              {t(lang, 'completionLine', {
                completion: percent(s.completion),
                expected: percent(s.context.expected),
              })}
            </Text>
          </div>
          <Text block className={styles.secondary}>
            {explainTask(s, lang)}
          </Text>
        </li>
      ))}
    </ol>
  );
}

function Ranking({ result }: { readonly result: ScoreResult }) {
  const { lang } = usePane();
  const styles = useTabStyles();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table className={styles.table}>
      <caption className={styles.secondary}>{t(lang, 'rankingCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.narrowCol}>
            {t(lang, 'colRank')}
          </th>
          <th scope="col">{t(lang, 'colUnit')}</th>
          <th scope="col" className={styles.numberCol}>
            {t(lang, 'colScore')}
          </th>
          <th scope="col" className={styles.statusCol}>
            {t(lang, 'colStatus')}
          </th>
        </tr>
      </thead>
      <tbody>
        {result.units.map((u) => {
          const rowId = `duban-unit-${result.units.indexOf(u)}`;
          const expanded = open === u.name;
          const movement = u.movement;
          return (
            <Fragment key={u.name}>
              <tr>
                <td className={styles.number}>{u.rank ?? '—'}</td>
                <th scope="row">
                  <Button
                    appearance="transparent"
                    className={styles.linkButton}
                    aria-expanded={expanded}
                    aria-controls={rowId}
                    onClick={() => {
                      setOpen(expanded ? null : u.name);
                    }}
                  >
                    {u.name}
                  </Button>
                  <Text block className={styles.secondary}>
                    {u.owners.length > 0 ? u.owners.join(t(lang, 'listSeparator')) : t(lang, 'noOwner')}
                    {movement ? (
                      <>
                        {' · '}
                        <span aria-hidden="true">{movementMark(movement, lang)}</span>
                        <span className={styles.srOnly}>{lang === 'zh' ? movement.zh : movement.en}</span>
                      </>
                    ) : null}
                  </Text>
                </th>
                <td className={styles.number}>{u.score === null ? '—' : u.score}</td>
                <td>
                  <StatusChip status={u.status} lang={lang} />
                </td>
              </tr>
              {expanded ? (
                <tr id={rowId}>
                  <td colSpan={4}>
                    <UnitTasks result={result} unit={u} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function Lists({ result }: { readonly result: ScoreResult }) {
  const { lang } = usePane();
  const styles = useTabStyles();
  return (
    <>
      <section aria-labelledby="duban-praise" className={styles.panel}>
        <Subtitle2 as="h3" id="duban-praise" className={styles.heading}>
          {t(lang, 'praiseHeading')}
        </Subtitle2>
        {result.praise.length === 0 ? (
          <Text>{t(lang, 'praiseNone')}</Text>
        ) : (
          <ul className={styles.list}>
            {result.praise.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="duban-escalate" className={styles.panel}>
        <Subtitle2 as="h3" id="duban-escalate" className={styles.heading}>
          {t(lang, 'escalateHeading')}
        </Subtitle2>
        {result.escalate.length === 0 ? (
          <Text>{t(lang, 'escalateNone')}</Text>
        ) : (
          <ul className={styles.list}>
            {result.escalate.map((entry) => (
              <li key={entry.unit}>
                <Text weight="semibold">{entry.unit}</Text>
                <ul className={styles.list}>
                  {entry.tasks.map(({ task }) => (
                    <li key={task.subTask.id}>
                      <StatusChip status={task.status} lang={lang} /> <Text>{explainTask(task, lang)}</Text>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The 评分 tab. */
export function ScoreTab() {
  const api = usePane();
  const { lang, results, busy, session, choice } = api;
  const styles = useTabStyles();
  const scored = results.score;

  const run = async (): Promise<void> => {
    const out = await api.run('score', (s, control) =>
      s.score(toScoreChoice(choice, detectedPlanYear(api)), false, control),
    );
    if (out?.ok) api.setResults({ score: { outcome: out, written: false } });
  };

  const result = scored?.outcome.result ?? null;
  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, 'tabScore')}
      </Subtitle2>
      <Text>{t(lang, 'scoreHint')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || session === null} onClick={() => void run()}>
          {t(lang, 'runScore')}
        </Button>
      </div>
      {result ? (
        <>
          <Text role="status">
            {t(lang, 'scoreSummary', {
              asOf: result.asOf,
              period: lang === 'zh' ? result.period.labelZh : result.period.labelEn,
              timeProgress: percent(result.timeProgress),
              preset: result.preset,
              units: result.counts.units,
              subTasks: result.counts.subTasks,
            })}
          </Text>
          <Text>
            {t(lang, 'statusCounts', {
              done: result.counts.done,
              onTrack: result.counts.onTrack,
              lagging: result.counts.lagging,
              severe: result.counts.severe,
              unscored: result.counts.unscored,
              doneWord: statusText('done', lang),
              onTrackWord: statusText('on_track', lang),
              laggingWord: statusText('lagging', lang),
              severeWord: statusText('severe', lang),
              unscoredWord: statusText('unscored', lang),
            })}
          </Text>
          <Ranking result={result} />
          <Lists result={result} />
        </>
      ) : null}
    </div>
  );
}
