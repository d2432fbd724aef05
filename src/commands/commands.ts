/**
 * Entry of `commands.html`, which has two roles:
 * - the ribbon's function file: registers 评分 (scoreNow) and 清除标注 (clearHighlights), each running
 *   `runCommand` over the open workbook and reporting the outcome in a dialog, then `event.completed()`;
 * - the result dialog: opened with `?result=…` by the reporter, it shows that outcome and a Close button.
 */
import { createExcelSession } from '../excel/excel-session.ts';
import { pickLang } from '../excel/host-text.ts';
import { ct } from './command-strings.ts';
import { dialogReporter, readResult, RESULT_PARAM } from './result-dialog.ts';
import { COMMAND_IDS, runCommand, type CommandId, type CommandReport } from './run-command.ts';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`commands.html has no #${id} element`);
  return found;
}

/** Dialog role: show the report; Close tells the parent, which closes the dialog and completes the command. */
function showResult(report: CommandReport | null): void {
  const lang = pickLang(Office.context.displayLanguage);
  element('result-title').textContent = report?.title ?? ct(lang, 'resultUnreadableTitle');
  element('result-message').textContent = report?.message ?? ct(lang, 'resultUnreadable');
  const close = element('result-close');
  close.textContent = ct(lang, 'close');
  close.addEventListener('click', () => {
    Office.context.ui.messageParent('close');
  });
  element('result').hidden = false;
  close.focus();
}

/** Function-file role: register the ribbon commands. */
function registerCommands(): void {
  const lang = pickLang(Office.context.displayLanguage);
  const session = createExcelSession(Excel, Office.context.requirements, lang);
  const reporter = dialogReporter(window.location.href, Office.context.ui, {
    messageReceived: Office.EventType.DialogMessageReceived,
    eventReceived: Office.EventType.DialogEventReceived,
    failed: Office.AsyncResultStatus.Failed,
  });
  const handlerFor =
    (id: CommandId) =>
    (event: Office.AddinCommands.Event): void => {
      // runCommand reports every failure of the work itself. If even the report cannot be shown, the promise
      // rejects and the browser raises `unhandledrejection` (visible in the add-in's dev tools): nothing is
      // swallowed. event.completed() runs in every case so Excel never waits for a dead command.
      void (async () => {
        try {
          await runCommand(id, { session, reporter, lang });
        } finally {
          event.completed();
        }
      })();
    };
  for (const id of COMMAND_IDS) {
    const handler = handlerFor(id);
    Office.actions.associate(id, handler);
    // Older Excel builds look a FunctionName up on the global object instead.
    (globalThis as unknown as Record<string, unknown>)[id] = handler;
  }
}

void Office.onReady(() => {
  if (new URLSearchParams(window.location.search).has(RESULT_PARAM)) {
    showResult(readResult(window.location.search));
  } else {
    registerCommands();
  }
});
