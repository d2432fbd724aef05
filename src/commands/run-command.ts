/**
 * What the ribbon's 评分 (scoreNow) and 清除标注 (clearHighlights) buttons do, without opening the pane.
 * Host-independent: the workbook port and the way of reporting are passed in, so it is unit-testable.
 *
 * Walking skeleton: both commands read the active sheet's table and report what they found. Issue 6 turns
 * scoreNow into read → score → write owned columns + conditional formats, and clearHighlights into removing
 * exactly what the add-in owns; the reporting path (success, warning, failure) stays as it is.
 */
import type { Lang } from '../core/findings.ts';
import type { WorkbookPort } from '../core/port/workbook-port.ts';
import { readTable } from '../core/table/read-table.ts';
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
  readonly port: WorkbookPort;
  readonly reporter: Reporter;
  readonly lang: Lang;
}

function titleOf(command: CommandId, lang: Lang): string {
  return ct(lang, command === 'scoreNow' ? 'scoreTitle' : 'clearTitle');
}

/** Read the active sheet's table and say what was found (the pane shows the same through its own glue). */
async function readOutcome(command: CommandId, port: WorkbookPort, lang: Lang): Promise<CommandReport> {
  const title = titleOf(command, lang);
  const sheet = await port.activeSheetName();
  const { table } = readTable(await port.readSheet(sheet));
  if (!table) return { command, kind: 'warning', title, message: ct(lang, 'noTable', { sheet }) };
  const read = ct(lang, 'read', { sheet, row: table.headerRow + 1, count: table.rows.length });
  const next = ct(lang, command === 'scoreNow' ? 'scoreLater' : 'nothingToClear');
  const separator = lang === 'zh' ? '' : ' ';
  return { command, kind: 'success', title, message: `${read}${separator}${next}` };
}

/**
 * Run a command and report its outcome — failures included (a host failure is reported as an `error` report,
 * with what to do). Returns what was reported. If the reporter itself fails, that error propagates: there is
 * no other channel left to tell the user, so the caller must not hide it.
 */
export async function runCommand(command: CommandId, deps: CommandDeps): Promise<CommandReport> {
  let report: CommandReport;
  try {
    report = await readOutcome(command, deps.port, deps.lang);
  } catch (error) {
    const text = describeHostError(error, deps.lang);
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
