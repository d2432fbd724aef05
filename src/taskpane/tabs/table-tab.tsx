/**
 * 表格: the detected table and the choices every later step uses — the sheet, the column mapping (one
 * drop-down per role), the plan year, the as-of date or quarter and the rule preset. A change is saved into
 * the workbook (`session.saveChoice`) and the table is read again with it.
 */
import { useState } from 'react';
import { Button, Field, Input, Select, Subtitle2, Text } from '@fluentui/react-components';
import { columnLetters } from '../../core/grid.ts';
import type { Lang } from '../../core/findings.ts';
import { COLUMN_ROLES, type ColumnOverride, type ColumnRole } from '../../core/table-model.ts';
import { COLUMN_ROLE_LABELS } from '../../core/vocab/column-role-labels.ts';
import { RULE_PRESETS } from '../../core/vocab/rule-presets.ts';
import type { InspectOutcome } from '../../excel/session-api.ts';
import type { AsOfMode } from '../as-of.ts';
import { t } from '../i18n.ts';
import { detectedPlanYear, inspectWith, readWorkbook } from '../pane-actions.ts';
import { toScoreChoice, type PaneChoice } from '../pane-choice.ts';
import { usePane, type PaneApi } from '../pane-context.tsx';
import { useTabStyles } from './tab-ui.tsx';

const AS_OF_MODES: readonly AsOfMode[] = ['today', 'q1', 'q2', 'q3', 'q4', 'date'];

const AS_OF_LABEL = {
  today: 'asOfToday',
  q1: 'asOfQ1',
  q2: 'asOfQ2',
  q3: 'asOfQ3',
  q4: 'asOfQ4',
  date: 'asOfDate',
} as const;

/** A column the mapping drop-downs offer. */
interface ColumnOption {
  readonly col: number;
  readonly text: string;
}

type OkInspect = Extract<InspectOutcome, { readonly ok: true }>;

/**
 * The columns to offer: every cell of the detected header row, plus any column the mapping names that is not
 * among them (a stored choice pointing past the header's last text), so the drop-down can show it.
 */
function columnOptions(inspect: OkInspect, mapping: ColumnOverride): ColumnOption[] {
  const out: ColumnOption[] = inspect.headers.map((h) => ({ col: h.col, text: h.text }));
  for (const col of Object.values(mapping)) {
    if (typeof col === 'number' && !out.some((o) => o.col === col)) out.push({ col, text: '' });
  }
  return out.sort((a, b) => a.col - b.col);
}

function columnLabel(lang: Lang, option: ColumnOption): string {
  const letter = columnLetters(option.col);
  return option.text.trim() === ''
    ? t(lang, 'columnLetter', { letter })
    : t(lang, 'columnWithText', { letter, text: option.text.trim() });
}

/** Save the choice (when the session can) and read the table again with it. */
async function applyChoice(api: PaneApi, next: PaneChoice, setSaved: (text: string) => void): Promise<void> {
  api.setChoice(next);
  const done = await api.run('save', (session, control) =>
    session.saveChoice(toScoreChoice(next, detectedPlanYear(api)), control),
  );
  // Not saved (failed or cancelled): the message bar says why; the table is not read with unsaved choices.
  if (done === null) return;
  setSaved(t(api.lang, 'savedToWorkbook'));
  await inspectWith(api, next);
}

function Mapping({
  inspect,
  onChange,
}: {
  readonly inspect: OkInspect;
  readonly onChange: (m: ColumnOverride) => void;
}) {
  const api = usePane();
  const { lang, choice, busy } = api;
  const styles = useTabStyles();
  const options = columnOptions(inspect, choice.mapping);
  const detected = new Map<ColumnRole, number>();
  for (const c of inspect.analysis.table.columns) detected.set(c.role, c.col);
  return (
    <section className={styles.panel} aria-labelledby="duban-mapping-heading">
      <Subtitle2 as="h3" id="duban-mapping-heading" className={styles.heading}>
        {t(lang, 'mappingHeading')}
      </Subtitle2>
      <Text className={styles.secondary}>{t(lang, 'mappingHint')}</Text>
      {COLUMN_ROLES.map((role) => {
        const override = choice.mapping[role];
        const value = override === undefined ? 'auto' : override === null ? 'none' : String(override);
        const found = detected.get(role);
        const autoText =
          found === undefined
            ? t(lang, 'mappingAutoNone')
            : t(lang, 'mappingAuto', {
                column: columnLabel(lang, options.find((o) => o.col === found) ?? { col: found, text: '' }),
              });
        const roleName = COLUMN_ROLE_LABELS[role][lang];
        return (
          <Field key={role} label={roleName}>
            <Select
              className={styles.fill}
              value={value}
              disabled={busy !== null}
              onChange={(_, data) => {
                // 'auto' drops the role from the override (detection decides); the rest set it.
                const rest = Object.entries(choice.mapping).filter(([r]) => r !== role);
                if (data.value !== 'auto')
                  rest.push([role, data.value === 'none' ? null : Number(data.value)]);
                onChange(Object.fromEntries(rest));
              }}
            >
              <option value="auto">{autoText}</option>
              <option value="none">{t(lang, 'mappingNone')}</option>
              {options.map((o) => (
                <option key={o.col} value={String(o.col)}>
                  {columnLabel(lang, o)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </section>
  );
}

/** The 表格 tab. */
export function TableTab() {
  const api = usePane();
  const { lang, choice, results, busy, session } = api;
  const styles = useTabStyles();
  const [saved, setSaved] = useState('');
  const [yearText, setYearText] = useState<string | null>(null);
  const overview = results.overview;
  const inspect = results.inspect;
  const detectedYear = detectedPlanYear(api);
  const apply = (patch: Partial<PaneChoice>): void => {
    void applyChoice(api, { ...choice, ...patch }, setSaved);
  };

  const yearShown = yearText ?? (choice.planYear === null ? '' : String(choice.planYear));
  const yearValid = yearShown.trim() === '' || /^\d{4}$/.test(yearShown.trim());
  const commitYear = (): void => {
    const text = yearShown.trim();
    setYearText(null);
    // A four-digit year; blank means "the year in the title". Anything else stays shown as invalid.
    if (text === '' && choice.planYear !== null) apply({ planYear: null });
    else if (/^\d{4}$/.test(text) && Number(text) !== choice.planYear) apply({ planYear: Number(text) });
    else if (!yearValid) setYearText(text);
  };

  const sheets = overview?.sheets.filter((s) => s.visible) ?? [];
  const sheetValue = choice.sheet ?? inspect?.sheet ?? overview?.activeSheet ?? '';
  const preset = RULE_PRESETS.find((p) => p.name === choice.preset) ?? RULE_PRESETS[0];
  const disabled = busy !== null || session === null;

  return (
    <div className={styles.panel}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(lang, 'tabTable')}
      </Subtitle2>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => void readWorkbook(api)}>
          {inspect ? t(lang, 'rereadTable') : t(lang, 'readTable')}
        </Button>
      </div>
      {overview ? (
        <Field label={t(lang, 'sheetLabel')}>
          <Select
            className={styles.fill}
            value={sheetValue}
            disabled={disabled}
            onChange={(_, data) => {
              apply({ sheet: data.value });
            }}
          >
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {inspect ? (
        <dl className={styles.facts} aria-label={t(lang, 'tableFacts')}>
          <dt className={styles.term}>{t(lang, 'sheetLabel')}</dt>
          <dd className={styles.detail}>{inspect.sheet}</dd>
          <dt className={styles.term}>{t(lang, 'headerRowLabel')}</dt>
          <dd className={styles.detail}>
            {t(lang, 'rowNumber', { row: inspect.analysis.table.headerRow + 1 })}
          </dd>
          <dt className={styles.term}>{t(lang, 'rowCountLabel')}</dt>
          <dd className={styles.detail}>
            {t(lang, 'rowCount', { count: inspect.analysis.table.rows.length })}
          </dd>
          <dt className={styles.term}>{t(lang, 'detectedYearLabel')}</dt>
          <dd className={styles.detail}>
            {detectedYear === null ? t(lang, 'yearUnknown') : t(lang, 'yearValue', { year: detectedYear })}
          </dd>
        </dl>
      ) : overview ? (
        <Text>{t(lang, 'noTableYet')}</Text>
      ) : null}
      <Field
        label={t(lang, 'planYearLabel')}
        hint={t(lang, 'planYearHint')}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : t(lang, 'planYearInvalid')}
      >
        <Input
          inputMode="numeric"
          value={yearShown}
          placeholder={detectedYear === null ? '' : String(detectedYear)}
          disabled={disabled}
          onChange={(_, data) => {
            setYearText(data.value);
          }}
          onBlur={commitYear}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitYear();
          }}
        />
      </Field>
      <Field label={t(lang, 'asOfLabel')}>
        <Select
          className={styles.fill}
          value={choice.asOfMode}
          disabled={disabled}
          onChange={(_, data) => {
            apply({ asOfMode: data.value as AsOfMode });
          }}
        >
          {AS_OF_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(lang, AS_OF_LABEL[mode])}
            </option>
          ))}
        </Select>
      </Field>
      {choice.asOfMode === 'date' ? (
        <Field label={t(lang, 'asOfDateLabel')}>
          <Input
            type="date"
            value={choice.asOfDate}
            disabled={disabled}
            onChange={(_, data) => {
              apply({ asOfDate: data.value });
            }}
          />
        </Field>
      ) : null}
      <Field
        label={t(lang, 'presetLabel')}
        hint={preset ? (lang === 'zh' ? preset.descriptionZh : preset.descriptionEn) : undefined}
      >
        <Select
          className={styles.fill}
          value={choice.preset ?? RULE_PRESETS[0]?.name ?? ''}
          disabled={disabled}
          onChange={(_, data) => {
            apply({ preset: data.value });
          }}
        >
          {RULE_PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Text role="status" className={styles.secondary}>
        {saved}
      </Text>
      {inspect ? (
        <Mapping
          inspect={inspect}
          onChange={(mapping) => {
            apply({ mapping });
          }}
        />
      ) : null}
    </div>
  );
}
