/**
 * 标注 / 清除: highlight in place (score and write: the owned result columns, the three colours, the
 * 评分排名 / 通报 / 校验 sheets and the settings; a re-run replaces the last one), and clear everything the
 * add-in wrote, leaving the user's own cells as they were.
 */
import { Button, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import type { GreenHighlight } from '../../core/write-plan/plan-score.ts';
import { t } from '../i18n.ts';
import { detectedPlanYear } from '../pane-actions.ts';
import { toScoreChoice } from '../pane-choice.ts';
import { usePane } from '../pane-context.tsx';
import { useTabStyles } from './tab-ui.tsx';

const GREEN_OPTIONS: readonly GreenHighlight[] = ['done', 'done_and_on_track', 'none'];

const GREEN_LABEL = {
  done: 'greenDone',
  done_and_on_track: 'greenDoneAndOnTrack',
  none: 'greenNone',
} as const;

/** The 标注/清除 tab. */
export function MarkTab() {
  const api = usePane();
  const { lang, results, busy, session, choice } = api;
  const styles = useTabStyles();
  const disabled = busy !== null || session === null;

  const mark = async (): Promise<void> => {
    const out = await api.run('mark', (s, control) =>
      s.score(toScoreChoice(choice, detectedPlanYear(api)), true, control),
    );
    if (!out?.ok) return;
    api.setResults({ score: { outcome: out, written: true }, clear: null });
    // Parts the host could not write (e.g. print setup before ExcelApi 1.9) are said, not hidden.
    const partial = out.warnings ?? [];
    api.showMessage({
      intent: partial.length > 0 ? 'warning' : 'success',
      title: t(lang, 'markedTitle'),
      body: [
        t(lang, 'markedBody', { sheets: out.sheetsWritten.join(t(lang, 'listSeparator')) }),
        ...partial,
      ].join('\n'),
      cell: null,
    });
  };

  const clear = async (): Promise<void> => {
    const out = await api.run('clear', (s, control) => s.clear(control));
    if (out === null) return;
    api.setResults({ clear: out, score: results.score ? { ...results.score, written: false } : null });
    api.showMessage({
      intent: 'success',
      title: t(lang, 'clearedTitle'),
      body: out.hadMarks
        ? t(lang, 'clearedBody', {
            sheets: out.sheets.length > 0 ? out.sheets.join(t(lang, 'listSeparator')) : t(lang, 'noneWord'),
            columns: out.columns,
            rules: out.rules,
          })
        : t(lang, 'clearedNothing'),
      cell: null,
    });
  };

  const hasMarks = results.clear
    ? false
    : results.score?.written === true || (results.overview?.hasOwnedMarks ?? false);

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, 'tabMark')}
      </Subtitle2>
      <Text>{t(lang, 'markHint')}</Text>
      <Field label={t(lang, 'greenLabel')}>
        <Select
          className={styles.fill}
          value={choice.green}
          disabled={disabled}
          onChange={(_, data) => {
            api.setChoice({ green: data.value as GreenHighlight });
          }}
        >
          {GREEN_OPTIONS.map((g) => (
            <option key={g} value={g}>
              {t(lang, GREEN_LABEL[g])}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => void mark()}>
          {t(lang, 'runMark')}
        </Button>
        <Button disabled={disabled} onClick={() => void clear()}>
          {t(lang, 'runClear')}
        </Button>
      </div>
      <Text role="status" className={styles.secondary}>
        {hasMarks ? t(lang, 'hasMarks') : t(lang, 'noMarks')}
      </Text>
      <Text className={styles.secondary}>{t(lang, 'clearHint')}</Text>
    </div>
  );
}
