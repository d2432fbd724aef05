/**
 * Reporting a ribbon command's outcome. Excel has no notification API for add-ins (Outlook's
 * `notificationMessages` does not exist there), so a command opens a small Office dialog
 * (`Office.context.ui.displayDialogAsync`, DialogApi 1.1 — every Excel that runs our manifest has it). The
 * dialog page is `commands.html` itself with `?result=<json>`: no third bundle, same CSP.
 *
 * The reporter resolves only when the dialog has closed, so the command calls `event.completed()` after the
 * user has read the outcome — on some hosts the function-file runtime (and with it the dialog) ends at
 * `completed()`.
 *
 * Issue 6 may add: a progress dialog for long runs, `messageChild` updates (DialogApi 1.2) instead of a new
 * dialog per message, and a link that opens the pane at the findings.
 */
import type { CommandReport, ReportKind, Reporter } from './run-command.ts';
import { COMMAND_IDS } from './run-command.ts';

/** The query parameter that carries the report to the dialog page. */
export const RESULT_PARAM = 'result';

/** The dialog page's address for a report: `pageUrl` with `?result=<json>` (any other query dropped). */
export function resultUrl(pageUrl: string, report: CommandReport): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(RESULT_PARAM, JSON.stringify(report));
  return url.toString();
}

const KINDS: readonly ReportKind[] = ['success', 'warning', 'error'];

/** The report in a page's query string, or null when there is none (the page is the function file). */
export function readResult(search: string): CommandReport | null {
  const raw = new URLSearchParams(search).get(RESULT_PARAM);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // A hand-edited or truncated address: show nothing rather than half a message; the caller shows a notice.
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const r = parsed as Record<string, unknown>;
  const command = COMMAND_IDS.find((c) => c === r['command']);
  const kind = KINDS.find((k) => k === r['kind']);
  const title = r['title'];
  const message = r['message'];
  if (!command || !kind || typeof title !== 'string' || typeof message !== 'string') return null;
  return { command, kind, title, message };
}

/** The slice of `Office.context.ui` the reporter uses. */
export interface DialogUi {
  displayDialogAsync(
    startAddress: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
}

/**
 * Office's enum values the reporter compares with: `Office.EventType.DialogMessageReceived`,
 * `Office.EventType.DialogEventReceived` and `Office.AsyncResultStatus.Failed`. They are ambient enums (only
 * the runtime `Office` object holds their values), so they are passed in.
 */
export interface DialogConstants {
  readonly messageReceived: Office.EventType;
  readonly eventReceived: Office.EventType;
  readonly failed: Office.AsyncResultStatus;
}

/** A failure to show a report (e.g. Office error 12007: a dialog is already open). */
export class DialogError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'DialogError';
    this.code = code;
  }
}

/**
 * A {@link Reporter} that shows each report in an Office dialog on `pageUrl` and resolves once the dialog
 * is closed (by the user, or by the page's Close button, which messages the parent). Rejects with a
 * {@link DialogError} when the dialog cannot open.
 */
export function dialogReporter(pageUrl: string, ui: DialogUi, constants: DialogConstants): Reporter {
  return {
    report(report: CommandReport): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        ui.displayDialogAsync(
          resultUrl(pageUrl, report),
          { height: 30, width: 30, displayInIframe: true },
          (result) => {
            if (result.status === constants.failed) {
              reject(
                new DialogError(result.error.code, `Cannot open the result dialog: ${result.error.message}`),
              );
              return;
            }
            const dialog = result.value;
            dialog.addEventHandler(constants.messageReceived, () => {
              dialog.close();
              resolve();
            });
            // Closed with the dialog's own X (Office error 12006) or navigated away: done either way.
            dialog.addEventHandler(constants.eventReceived, () => {
              resolve();
            });
          },
        );
      });
    },
  };
}
