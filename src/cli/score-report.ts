/**
 * What `duban score` prints: the `--json` document (issue 4 §5) and the readable report (ranking table,
 * circular counts and the draft paragraph, findings). Shapes reuse `inspect-report.ts`.
 */
import type { Finding, Lang } from '../core/findings.ts';
import { renderFinding } from '../core/findings/catalog.ts';
import { toA1 } from '../core/grid.ts';
import { percentFixed } from '../core/score/numbers.ts';
import { explainTask } from '../core/score/explain.ts';
import type { ScoreResult, TaskStatus } from '../core/score/score-model.ts';
import { say, type CliMessageKey } from './cli-messages.ts';
import {
  findingsJson,
  taskJson,
  type FindingJson,
  type IndicatorJson,
  type TableJson,
} from './inspect-report.ts';

/**
 * The `table` part: inspect's, with `ledger` as a third layout. `headerRow` is 1-based; `columns` maps each
 * column found to its header cell — by role for a table (`target`), by ledger column key for a ledger
 * (`q2Actual`, see `vocab/ledger-columns.ts`).
 */
export interface ScoreTableJson extends Omit<TableJson, 'layout'> {
  readonly layout: TableJson['layout'] | 'ledger';
}

/** One scored sub-task. Ratios are ratios (0.681); `cell` is where to look (the actual, else status, else target). */
export interface ScoreTaskJson {
  readonly id: string;
  /** Lead units joined with `、`. */
  readonly unit: string;
  readonly owner: string;
  readonly text: string;
  readonly indicators: readonly IndicatorJson[];
  /** Completion of the indicator that decided the status; null when scored by a status word or unscored. */
  readonly completion: number | null;
  /** The progress expected of it (序时进度, or its deadline's). */
  readonly expected: number;
  readonly status: TaskStatus;
  readonly explanation: string;
  readonly cell: string;
}

/** One unit. Totals (全市, 合计) are listed with `rank: null`. */
export interface ScoreUnitJson {
  readonly name: string;
  readonly owners: readonly string[];
  /** 0–100, null when nothing could be scored. */
  readonly score: number | null;
  /** RANK.EQ rank (ties share); null for totals and unscored units. */
  readonly rank: number | null;
  /** Its worst sub-task's status. */
  readonly status: TaskStatus;
  /** Sub-tasks it leads. */
  readonly tasks: number;
  /** Sub-tasks behind schedule: lagging (yellow) and severe (red) together. */
  readonly lagging: number;
}

/** The whole `duban score --json` document. */
export interface ScoreJson {
  readonly asOf: string;
  /** 序时进度 at `asOf`, a ratio. */
  readonly timeProgress: number;
  readonly table: ScoreTableJson;
  readonly tasks: readonly ScoreTaskJson[];
  readonly units: readonly ScoreUnitJson[];
  /** Praised unit names in rank order. */
  readonly praise: readonly string[];
  /** Escalated unit names, lowest score first. */
  readonly escalate: readonly string[];
  readonly findings: readonly FindingJson[];
}

/** Everything one scoring run produced, for both outputs. */
export interface ScoreRun {
  readonly table: ScoreTableJson;
  readonly result: ScoreResult;
  /** Every finding of every stage, sorted and without repeats. */
  readonly findings: readonly Finding[];
  /** True when `--as-of` was not given and the date was chosen for the user. */
  readonly asOfDefaulted: boolean;
}

/** The JSON document of a run. */
export function scoreJson(run: ScoreRun, lang: Lang): ScoreJson {
  const { result } = run;
  return {
    asOf: result.asOf,
    timeProgress: result.timeProgress,
    table: run.table,
    tasks: result.tasks.map((t) => {
      const sub = t.subTask;
      return {
        id: sub.id,
        unit: sub.units.join('、'),
        owner: sub.owners.map((p) => p.display).join('、'),
        text: sub.text,
        indicators: taskJson(sub).indicators,
        completion: t.completion,
        expected: t.context.expected,
        status: t.status,
        explanation: explainTask(t, lang),
        cell: toA1(t.at),
      };
    }),
    units: result.units.map((u) => ({
      name: u.name,
      owners: u.owners,
      score: u.score,
      rank: u.rank,
      status: u.status,
      tasks: u.tasks,
      lagging: u.lagging + u.severe,
    })),
    praise: result.praise,
    escalate: result.escalate.map((e) => e.unit),
    findings: findingsJson(run.findings, lang),
  };
}

const STATUS_KEY: Readonly<Record<TaskStatus, CliMessageKey>> = {
  done: 'statusDone',
  on_track: 'statusOnTrack',
  lagging: 'statusLagging',
  severe: 'statusSevere',
  unscored: 'statusUnscored',
};

const SEVERITY_KEY: Readonly<Record<Finding['severity'], CliMessageKey>> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};

/** A status in words. */
export function statusWord(status: TaskStatus, lang: Lang): string {
  return say(lang, STATUS_KEY[status]);
}

/**
 * Columns a character takes in a terminal: CJK ideographs, full-width forms and U+3000 take two. Everything
 * from U+1100 (Hangul Jamo) up that is not a combining mark counts as wide — close enough for unit names.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1;
  return w;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** The ranking table: rank, unit, score, status in words, sub-tasks behind. */
export function rankingTable(result: ScoreResult, lang: Lang): string[] {
  const names = result.units.map((u) => (u.isTotal ? `${u.name}${say(lang, 'rankTotal')}` : u.name));
  const unitWidth = Math.max(displayWidth(say(lang, 'rankHeadUnit')), ...names.map(displayWidth)) + 2;
  const statusWidth =
    Math.max(
      ...(['done', 'on_track', 'lagging', 'severe', 'unscored'] as const).map((s) =>
        displayWidth(statusWord(s, lang)),
      ),
    ) + 2;
  const lines = [
    padStart(say(lang, 'rankHeadRank'), 6) +
      '  ' +
      padEnd(say(lang, 'rankHeadUnit'), unitWidth) +
      padStart(say(lang, 'rankHeadScore'), 8) +
      '  ' +
      padEnd(say(lang, 'rankHeadStatus'), statusWidth) +
      padStart(say(lang, 'rankHeadLagging'), 8),
  ];
  result.units.forEach((u, i) => {
    lines.push(
      padStart(u.rank === null ? '—' : String(u.rank), 6) +
        '  ' +
        padEnd(names[i] ?? u.name, unitWidth) +
        padStart(u.score === null ? '—' : u.score.toFixed(2), 8) +
        '  ' +
        padEnd(statusWord(u.status, lang), statusWidth) +
        padStart(String(u.lagging + u.severe), 8),
    );
  });
  return lines;
}

/** How many findings of each severity. */
function severityCounts(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The readable report: source, as-of line, ranking, counts, praise and escalation, the circular, findings. */
export function scoreText(run: ScoreRun, lang: Lang, source: string): string {
  const { result } = run;
  const lines: string[] = [source];
  lines.push(
    say(lang, 'scoreAsOf', {
      asOf: result.asOf,
      progress: percentFixed(result.timeProgress, 1),
      preset: result.preset,
    }),
  );
  if (run.asOfDefaulted) lines.push(say(lang, 'scoreAsOfDefault', { asOf: result.asOf }));
  lines.push('', ...rankingTable(result, lang), '');
  lines.push(
    say(lang, 'scoreCounts', { ...result.counts, behind: result.counts.lagging + result.counts.severe }),
  );
  const list = (names: readonly string[]): string =>
    names.length > 0 ? names.join('、') : say(lang, 'none');
  lines.push(say(lang, 'scorePraise', { names: list(result.praise) }));
  lines.push(say(lang, 'scoreEscalate', { names: list(result.escalate.map((e) => e.unit)) }));
  lines.push('', say(lang, 'circularHeading'), result.circularZh);
  if (lang === 'en') lines.push('', result.circularEn);
  lines.push('', say(lang, 'summaryFindings', severityCounts(run.findings)));
  let notes = 0;
  for (const f of run.findings) {
    if (f.severity === 'info') {
      notes += 1;
      continue;
    }
    const r = renderFinding(f, lang);
    // Most messages name their cell already; prefix it for the few that do not.
    const where = r.cell !== null && !r.message.includes(r.cell) ? `${r.cell} ` : '';
    lines.push(`  [${say(lang, SEVERITY_KEY[r.severity])}] ${where}${r.message}`);
  }
  if (notes > 0) lines.push(say(lang, 'moreNotes', { count: notes }));
  return lines.join('\n') + '\n';
}
