import { describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../src/core/port/memory-workbook.ts';
import { COMMAND_STRINGS } from '../../src/commands/command-strings.ts';
import {
  DialogError,
  dialogReporter,
  readResult,
  resultUrl,
  type DialogConstants,
  type DialogUi,
} from '../../src/commands/result-dialog.ts';
import { runCommand, type CommandReport, type Reporter } from '../../src/commands/run-command.ts';
import { OfficeWorkbook, type ExcelHost } from '../../src/excel/office-workbook.ts';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { SEED_LIKE_WORKBOOK } from '../taskpane/seed-like.ts';

function recorder(): Reporter & { reports: CommandReport[] } {
  const reports: CommandReport[] = [];
  return {
    reports,
    report(r: CommandReport): Promise<void> {
      reports.push(r);
      return Promise.resolve();
    },
  };
}

describe('runCommand', () => {
  it('has a zh and an en text for every command string', () => {
    for (const [key, value] of Object.entries(COMMAND_STRINGS)) {
      expect(value.zh.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
    }
  });

  it('scoreNow reads the active table and reports what it found (zh)', async () => {
    const reporter = recorder();
    const report = await runCommand('scoreNow', {
      port: new MemoryWorkbook(SEED_LIKE_WORKBOOK),
      reporter,
      lang: 'zh',
    });
    expect(report).toEqual({
      command: 'scoreNow',
      kind: 'success',
      title: '评分',
      message: '已读取工作表“分解表”：表头在第3行，共 3 行任务。评分功能将在下一版本中提供。',
    });
    expect(reporter.reports).toEqual([report]);
  });

  it('clearHighlights reports that there is nothing of ours to clear (en)', async () => {
    const reporter = recorder();
    const report = await runCommand('clearHighlights', {
      port: new MemoryWorkbook(SEED_LIKE_WORKBOOK),
      reporter,
      lang: 'en',
    });
    expect(report.kind).toBe('success');
    expect(report.title).toBe('Clear highlights');
    expect(report.message).toBe(
      'Read sheet “分解表”: header on row 3, 3 task rows. The workbook has no Duban highlights to clear.',
    );
  });

  it('reports a warning when the active sheet holds no table', async () => {
    const reporter = recorder();
    const report = await runCommand('scoreNow', {
      port: new MemoryWorkbook({ sheets: [{ name: '杂项', cells: [['随便写点']] }] }),
      reporter,
      lang: 'zh',
    });
    expect(report.kind).toBe('warning');
    expect(report.message).toContain('工作表“杂项”中没有找到');
  });

  it('reports host failures as errors (through OfficeWorkbook over the fake Excel)', async () => {
    const fake = createFakeExcel(SEED_LIKE_WORKBOOK);
    fake.failNextSync('InvalidOperationInCellEditMode');
    const reporter = recorder();
    const report = await runCommand('scoreNow', {
      port: new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements),
      reporter,
      lang: 'zh',
    });
    expect(report).toEqual({
      command: 'scoreNow',
      kind: 'error',
      title: '评分：读取失败',
      message: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再重试。',
    });
    expect(reporter.reports).toHaveLength(1);
  });

  it('lets a failing reporter reject: the failure is not swallowed', async () => {
    const broken: Reporter = {
      report: () => Promise.reject(new DialogError(12007, 'a dialog is already open')),
    };
    await expect(
      runCommand('clearHighlights', {
        port: new MemoryWorkbook(SEED_LIKE_WORKBOOK),
        reporter: broken,
        lang: 'zh',
      }),
    ).rejects.toThrow('a dialog is already open');
  });
});

describe('result page address', () => {
  const report: CommandReport = {
    command: 'scoreNow',
    kind: 'error',
    title: '评分：读取失败',
    message: '原因 & 办法',
  };

  it('carries the report in ?result= and reads it back', () => {
    const url = resultUrl('https://localhost:3000/commands.html?_host_Info=Excel#x', report);
    expect(url.startsWith('https://localhost:3000/commands.html?result=')).toBe(true);
    expect(readResult(new URL(url).search)).toEqual(report);
  });

  it('rejects missing, malformed or tampered reports', () => {
    expect(readResult('')).toBeNull();
    expect(readResult('?result=%7Bnot-json')).toBeNull();
    expect(
      readResult(`?result=${encodeURIComponent(JSON.stringify({ ...report, kind: 'nope' }))}`),
    ).toBeNull();
    expect(
      readResult(`?result=${encodeURIComponent(JSON.stringify({ ...report, command: 'format' }))}`),
    ).toBeNull();
  });
});

describe('dialogReporter', () => {
  const constants: DialogConstants = {
    messageReceived: 'dialogMessageReceived' as unknown as Office.EventType,
    eventReceived: 'dialogEventReceived' as unknown as Office.EventType,
    failed: 'failed' as unknown as Office.AsyncResultStatus,
  };
  const report: CommandReport = { command: 'scoreNow', kind: 'success', title: '评分', message: '好' };

  function fakeUi(outcome: 'open' | 'fail') {
    const handlers = new Map<unknown, (arg: unknown) => void>();
    const calls: { url: string; options: Office.DialogOptions }[] = [];
    let closed = 0;
    const ui: DialogUi = {
      displayDialogAsync(url, options, callback) {
        calls.push({ url, options });
        const dialog = {
          close: () => {
            closed++;
          },
          addEventHandler: (type: unknown, handler: (arg: unknown) => void) => {
            handlers.set(type, handler);
          },
        } as unknown as Office.Dialog;
        const result =
          outcome === 'open'
            ? { status: 'succeeded', value: dialog }
            : { status: 'failed', error: { code: 12007, message: 'A dialog box is already opened.' } };
        setTimeout(() => {
          callback(result as unknown as Office.AsyncResult<Office.Dialog>);
        }, 0);
      },
    };
    return { ui, calls, handlers, closed: () => closed };
  }

  it('opens the result page and resolves when the page asks to close, closing the dialog', async () => {
    const f = fakeUi('open');
    let done = false;
    const shown = dialogReporter('https://localhost:3000/commands.html', f.ui, constants)
      .report(report)
      .then(() => {
        done = true;
      });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false); // still open: the command must not complete yet
    expect(readResult(new URL(f.calls[0]?.url ?? 'x:').search)).toEqual(report);
    expect(f.calls[0]?.options).toMatchObject({ displayInIframe: true });
    f.handlers.get('dialogMessageReceived')?.({ message: 'close', origin: undefined });
    await shown;
    expect(done).toBe(true);
    expect(f.closed()).toBe(1);
  });

  it('resolves when the user closes the dialog with its X', async () => {
    const f = fakeUi('open');
    const shown = dialogReporter('https://localhost:3000/commands.html', f.ui, constants).report(report);
    await new Promise((r) => setTimeout(r, 5));
    f.handlers.get('dialogEventReceived')?.({ error: 12006 });
    await expect(shown).resolves.toBeUndefined();
  });

  it('rejects with the Office code when the dialog cannot open', async () => {
    const f = fakeUi('fail');
    const error = await dialogReporter('https://localhost:3000/commands.html', f.ui, constants)
      .report(report)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(DialogError);
    expect((error as DialogError).code).toBe(12007);
  });
});
