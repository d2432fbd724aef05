/**
 * What the ribbon's 评分 (scoreNow) and 清除标注 (clearHighlights) buttons do, without opening the pane:
 * scoreNow scores the workbook and writes the results and highlights (`session.score(…, true)`: owned result
 * columns, conditional formats, 评分排名 / 通报 / 校验, settings — a re-run replaces the last one);
 * clearHighlights removes exactly what the add-in owns (`session.clear()`). Host-independent: the session and
 * the way of reporting are passed in, so it is unit-testable over the fake Excel.
 *
 * Every outcome is reported: success; warning (the workbook cannot be scored as it is — no table, no
 * progress columns… — or something was written only in part); error (a host failure: cell-edit mode, a
 * protected sheet, a change while we worked, a write that failed and was undone), with what to do.
 */
import type { Lang } from '../core/findings.ts';
import type { DubanSession } from '../excel/session-api.ts';
import { describeHostError } from '../excel/host-text.ts';
import { ct } from './command-strings.ts';

/** The ribbon commands (the manifest's `FunctionName`s). */
export type CommandId = 'scoreNow' | 'clearHighlights';

/** The commands, for registration. */
export const COMMAND_IDS: readonly CommandId[] = ['scoreNow', 'clearHighlights'];

/** How an outcome reads: done, done with something to look at, or failed. */
export type ReportKind = 'success' | 'warning' | 'error';

/** An outcome, in the user's language. */
export interface CommandReport {
  readonly command: CommandId;
  readonly kind: ReportKind;
  readonly title: string;
  readonly message: string;
}

/** Shows an outcome to the user; resolves when it has been shown (and, for a dialog, closed). */
export interface Reporter {
  report(report: CommandReport): Promise<void>;
}

/** What a command needs. */
export interface CommandDeps {
  readonly session: DubanSession;
  readonly reporter: Reporter;
  readonly lang: Lang;
}

function titleOf(command: CommandId, lang: Lang): string {
  return ct(lang, command === 'scoreNow' ? 'scoreTitle' : 'clearTitle');
}

function joined(lang: Lang, parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(lang === 'zh' ? '' : ' ');
}

/** Score and write; the outcome in words. */
async function scoreOutcome(session: DubanSession, lang: Lang): Promise<CommandReport> {
  const command = 'scoreNow';
  const title = titleOf(command, lang);
  const out = await session.score({}, true);
  if (!out.ok) {
    const colon = lang === 'zh' ? '：' : ': ';
    return {
      command,
      kind: 'warning',
      title: `${title}${colon}${ct(lang, 'notScored')}`,
      message: out.problem.message,
    };
  }
  const c = out.result.counts;
  const sheets = out.sheetsWritten.map((s) => `“${s}”`).join(lang === 'zh' ? '、' : ', ');
  const checks = out.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
  const warnings = out.warnings ?? [];
  const message = joined(lang, [
    ct(lang, 'scored', {
      sheet: out.sheet,
      asOf: out.asOf,
      count: c.subTasks,
      done: c.done,
      onTrack: c.onTrack,
      lagging: c.lagging,
      severe: c.severe,
      sheets,
    }),
    checks > 0 ? ct(lang, 'findingsToCheck', { count: checks }) : '',
    ...warnings,
  ]);
  return { command, kind: warnings.length > 0 ? 'warning' : 'success', title, message };
}

/** Clear what we own; the outcome in words. */
async function clearOutcome(session: DubanSession, lang: Lang): Promise<CommandReport> {
  const command = 'clearHighlights';
  const title = titleOf(command, lang);
  const out = await session.clear();
  if (!out.hadMarks) return { command, kind: 'success', title, message: ct(lang, 'nothingToClear') };
  return {
    command,
    kind: 'success',
    title,
    message: ct(lang, 'cleared', { sheets: out.sheets.length, columns: out.columns, rules: out.rules }),
  };
}

/**
 * Run a command and report its outcome — failures included (a host failure is reported as an `error` report,
 * with what to do). Returns what was reported. If the reporter itself fails, that error propagates: there is
 * no other channel left to tell the user, so the caller must not hide it.
 */
export async function runCommand(command: CommandId, deps: CommandDeps): Promise<CommandReport> {
  let report: CommandReport;
  try {
    report =
      command === 'scoreNow'
        ? await scoreOutcome(deps.session, deps.lang)
        : await clearOutcome(deps.session, deps.lang);
  } catch (error) {
    const text = describeHostError(error, deps.lang, 'write');
    const colon = deps.lang === 'zh' ? '：' : ': ';
    report = {
      command,
      kind: 'error',
      title: `${titleOf(command, deps.lang)}${colon}${text.title}`,
      message: text.body,
    };
  }
  await deps.reporter.report(report);
  return report;
}
