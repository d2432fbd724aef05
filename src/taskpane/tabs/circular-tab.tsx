/**
 * 通报: write the circular sheet (scoring with write, as 标注 does) and show the circular's Chinese
 * paragraph with a button that copies it to the clipboard.
 */
import { useState } from 'react';
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { copyText } from '../clipboard.ts';
import { t } from '../i18n.ts';
import { detectedPlanYear } from '../pane-actions.ts';
import { toScoreChoice } from '../pane-choice.ts';
import { usePane } from '../pane-context.tsx';
import { useTabStyles } from './tab-ui.tsx';

/** The 通报 tab. */
export function CircularTab() {
  const api = usePane();
  const { lang, results, busy, session, choice } = api;
  const styles = useTabStyles();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const scored = results.score;

  const write = async (): Promise<void> => {
    const out = await api.run('circular', (s, control) =>
      s.score(toScoreChoice(choice, detectedPlanYear(api)), true, control),
    );
    if (!out?.ok) return;
    api.setResults({ score: { outcome: out, written: true }, clear: null });
    setCopied(null);
    const partial = out.warnings ?? [];
    if (partial.length > 0) {
      api.showMessage({
        intent: 'warning',
        title: t(lang, 'partlyWritten'),
        body: partial.join('\n'),
        cell: null,
      });
    }
  };

  const paragraph = scored?.outcome.result.circularZh ?? null;
  const copy = async (text: string): Promise<void> => {
    // `navigator.clipboard` is undefined outside secure contexts; the fallback handles that.
    const clipboard = (navigator as Partial<Navigator>).clipboard;
    setCopied(await copyText(text, { clipboard, document }));
  };

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, 'tabCircular')}
      </Subtitle2>
      <Text>{t(lang, 'circularHint')}</Text>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy !== null || session === null}
          onClick={() => void write()}
        >
          {t(lang, 'runCircular')}
        </Button>
      </div>
      {scored?.written ? (
        <Text role="status">
          {t(lang, 'circularWritten', {
            sheets: scored.outcome.sheetsWritten.join(t(lang, 'listSeparator')),
          })}
        </Text>
      ) : null}
      {paragraph !== null ? (
        <section aria-labelledby="duban-paragraph" className={styles.panel}>
          <Subtitle2 as="h3" id="duban-paragraph" className={styles.heading}>
            {t(lang, 'paragraphHeading')}
          </Subtitle2>
          <p className={styles.paragraph} lang="zh-CN">
            {paragraph}
          </p>
          <div className={styles.row}>
            <Button onClick={() => void copy(paragraph)}>{t(lang, 'copyParagraph')}</Button>
          </div>
          <Text role="status">
            {copied === 'copied' ? t(lang, 'copied') : copied === 'failed' ? t(lang, 'copyFailed') : ''}
          </Text>
        </section>
      ) : (
        <Text>{t(lang, 'circularNotRun')}</Text>
      )}
    </div>
  );
}
