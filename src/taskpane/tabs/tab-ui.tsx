/**
 * Pieces the tabs share: their styles (narrow-pane friendly: everything wraps, tables have fixed layout),
 * the status chip (colour AND text, never colour alone) and number formatting.
 */
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { Lang } from '../../core/findings.ts';
import type { TaskStatus } from '../../core/score/score-model.ts';
import { t } from '../i18n.ts';
import type { StringKey } from '../strings.ts';

/** Styles of the tab panels. */
export const useTabStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    '& th': {
      textAlign: 'start',
      fontWeight: tokens.fontWeightSemibold,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    },
    '& td': {
      verticalAlign: 'top',
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
      overflowWrap: 'anywhere',
    },
  },
  narrowCol: { width: '3em' },
  numberCol: { width: '3.5em' },
  statusCol: { width: '5.5em' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  secondary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  plainList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  linkButton: { minWidth: 0, padding: 0, height: 'auto', textAlign: 'start', justifyContent: 'flex-start' },
  // Words for screen readers only (the full movement text beside its arrow).
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  // A drop-down as wide as the pane allows: a long option must not widen the pane past 320 px.
  fill: { width: '100%', maxWidth: '100%', minWidth: 0 },
  paragraph: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'pre-wrap',
    lineHeight: tokens.lineHeightBase400,
  },
});

const STATUS_LABEL: Readonly<Record<TaskStatus, StringKey>> = {
  done: 'statusDone',
  on_track: 'statusOnTrack',
  lagging: 'statusLagging',
  severe: 'statusSevere',
  unscored: 'statusUnscored',
};

// The three colours of 三色管理 (green · yellow · red) and grey for "not scored"; the chip always carries
// the status word too, so colour is never the only signal.
const STATUS_COLOUR: Readonly<Record<TaskStatus, NonNullable<BadgeProps['color']>>> = {
  done: 'success',
  on_track: 'success',
  lagging: 'warning',
  severe: 'danger',
  unscored: 'informative',
};

/** A status word in the pane's language. */
export function statusText(status: TaskStatus, lang: Lang): string {
  return t(lang, STATUS_LABEL[status]);
}

/** A status as a coloured chip with its word. */
export function StatusChip({ status, lang }: { readonly status: TaskStatus; readonly lang: Lang }) {
  return (
    <Badge appearance="tint" shape="rounded" color={STATUS_COLOUR[status]}>
      {statusText(status, lang)}
    </Badge>
  );
}

/**
 * A ratio as a percentage with one decimal, or a dash when there is none.
 * @example percent(0.681) === '68.1%'; percent(null) === '—'
 */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}
