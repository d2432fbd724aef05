/**
 * 校验: the findings of reading, breaking down and validating the table, grouped by severity and then by
 * kind (finding code) with counts, filterable by both. Each shows its message and suggested fix; its cell
 * is a button that selects the cell in Excel.
 */
import { useState } from 'react';
import { Button, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import type { Finding, Lang, Severity } from '../../core/findings.ts';
import { catalogEntry, renderFinding, type RenderedFinding } from '../../core/findings/catalog.ts';
import { t } from '../i18n.ts';
import { inspectWith } from '../pane-actions.ts';
import { messageForError, usePane } from '../pane-context.tsx';
import { useTabStyles } from './tab-ui.tsx';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_LABEL = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

/** Findings shown per kind before "show all": a large table may have thousands of one kind. */
const FIRST_PAGE = 20;

/** One kind of finding within a severity. */
export interface FindingKind {
  readonly code: string;
  readonly findings: readonly Finding[];
}

/** Findings of one severity, by kind (most frequent first, then by code). */
export interface SeverityGroup {
  readonly severity: Severity;
  readonly count: number;
  readonly kinds: readonly FindingKind[];
}

/** Group findings by severity (error, warning, info; empty ones left out) and kind. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const byCode = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const list = byCode.get(f.code);
      if (list) list.push(f);
      else byCode.set(f.code, [f]);
    }
    if (byCode.size === 0) continue;
    const kinds = [...byCode]
      .map(([code, list]) => ({ code, findings: list }))
      .sort(
        (a, b) => b.findings.length - a.findings.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      );
    out.push({ severity, count: kinds.reduce((n, k) => n + k.findings.length, 0), kinds });
  }
  return out;
}

/**
 * A kind's title: its message template without the leading cell and with the particulars elided — the
 * catalog's own words, so every code has a readable name in both languages.
 * @example '{cell}：这一行没有填写责任人。' → '这一行没有填写责任人。'
 * @example '{cell}: the owner "{name}" contains digits…' → 'the owner "…" contains digits…'
 */
export function kindTitle(code: string, lang: Lang): string {
  const entry = catalogEntry(code);
  const template = lang === 'zh' ? entry.zh : entry.en;
  // A leading cell placeholder with its colon and spaces:
  // '{cell}：这一行…' → '这一行…'; '{cell}: no owner' → 'no owner'; '表头缺少{role}列' → unchanged
  const withoutCell = template.replace(/^\{cell\}\s*[：:]\s*/, '');
  // Any remaining placeholder: '“{name}”' → '“…”'; '{count} 行' → '… 行'; '{cell}' → '…'
  return withoutCell.replace(/\{\w+\}/g, '…');
}

function FindingItem({ rendered }: { readonly rendered: RenderedFinding }) {
  const api = usePane();
  const { lang, session } = api;
  const styles = useTabStyles();
  const cell = rendered.cell;
  const select = async (target: string): Promise<void> => {
    try {
      await session?.select(target);
    } catch (error) {
      api.showMessage(messageForError(error, 'inspect', lang));
    }
  };
  return (
    <li>
      {cell !== null ? (
        <Button
          size="small"
          appearance="secondary"
          disabled={session === null}
          aria-label={t(lang, 'selectCell', { cell })}
          onClick={() => void select(cell)}
        >
          {cell}
        </Button>
      ) : null}
      <Text block>{rendered.message}</Text>
      <Text block className={styles.secondary}>
        {t(lang, 'suggestedFix', { fix: rendered.fix })}
      </Text>
    </li>
  );
}

function KindSection({ kind, lang }: { readonly kind: FindingKind; readonly lang: Lang }) {
  const styles = useTabStyles();
  const [all, setAll] = useState(false);
  const shown = all ? kind.findings : kind.findings.slice(0, FIRST_PAGE);
  return (
    <details open>
      <summary>
        {t(lang, 'kindSummary', { title: kindTitle(kind.code, lang), count: kind.findings.length })}
      </summary>
      <ul className={styles.plainList}>
        {shown.map((f, i) => (
          <FindingItem key={i} rendered={renderFinding(f, lang)} />
        ))}
      </ul>
      {shown.length < kind.findings.length ? (
        <Button
          appearance="subtle"
          onClick={() => {
            setAll(true);
          }}
        >
          {t(lang, 'showAll', { count: kind.findings.length })}
        </Button>
      ) : null}
    </details>
  );
}

/** The 校验 tab. */
export function ValidateTab() {
  const api = usePane();
  const { lang, results, busy, session, choice } = api;
  const styles = useTabStyles();
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [code, setCode] = useState<string>('all');
  const findings = results.inspect?.findings ?? null;

  const groups = findings ? groupFindings(findings) : [];
  // A code may appear under two severities (a finding raised with a non-default one): one option each code.
  const codes = new Map<string, number>();
  for (const k of groups.flatMap((g) => g.kinds))
    codes.set(k.code, (codes.get(k.code) ?? 0) + k.findings.length);
  const shown = groups
    .filter((g) => severity === 'all' || g.severity === severity)
    .map((g) => ({ ...g, kinds: g.kinds.filter((k) => code === 'all' || k.code === code) }))
    .filter((g) => g.kinds.length > 0);

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, 'tabValidate')}
      </Subtitle2>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy !== null || session === null}
          onClick={() => void inspectWith(api, choice)}
        >
          {t(lang, 'runValidate')}
        </Button>
      </div>
      {findings === null ? <Text>{t(lang, 'validateNotRun')}</Text> : null}
      {findings !== null ? (
        <>
          <Text role="status">
            {findings.length === 0
              ? t(lang, 'noFindings')
              : t(lang, 'findingCounts', {
                  total: findings.length,
                  errors: groups.find((g) => g.severity === 'error')?.count ?? 0,
                  warnings: groups.find((g) => g.severity === 'warning')?.count ?? 0,
                  infos: groups.find((g) => g.severity === 'info')?.count ?? 0,
                })}
          </Text>
          {findings.length > 0 ? (
            <div className={styles.panel}>
              <Field label={t(lang, 'filterSeverity')}>
                <Select
                  className={styles.fill}
                  value={severity}
                  onChange={(_, data) => {
                    setSeverity(data.value as Severity | 'all');
                  }}
                >
                  <option value="all">{t(lang, 'filterAll')}</option>
                  {groups.map((g) => (
                    <option key={g.severity} value={g.severity}>
                      {t(lang, 'countedOption', {
                        label: t(lang, SEVERITY_LABEL[g.severity]),
                        count: g.count,
                      })}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t(lang, 'filterKind')}>
                <Select
                  className={styles.fill}
                  value={code}
                  onChange={(_, data) => {
                    setCode(data.value);
                  }}
                >
                  <option value="all">{t(lang, 'filterAll')}</option>
                  {[...codes].map(([c, count]) => (
                    <option key={c} value={c}>
                      {t(lang, 'countedOption', { label: kindTitle(c, lang), count })}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          ) : null}
          {shown.map((g) => (
            <section
              key={g.severity}
              aria-labelledby={`duban-severity-${g.severity}`}
              className={styles.panel}
            >
              <Subtitle2 as="h3" id={`duban-severity-${g.severity}`} className={styles.heading}>
                {t(lang, 'countedOption', { label: t(lang, SEVERITY_LABEL[g.severity]), count: g.count })}
              </Subtitle2>
              {g.kinds.map((k) => (
                <KindSection key={k.code} kind={k} lang={lang} />
              ))}
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
