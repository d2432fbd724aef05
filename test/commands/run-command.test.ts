import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
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
import { SEEDS, sessionOver, xlsxData } from '../excel/session-fixtures.ts';
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

async function seedLedger(): Promise<WorkbookData> {
  return xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx'));
}

describe('runCommand', () => {
  it('has a zh and an en text for every command string', () => {
    for (const [key, value] of Object.entries(COMMAND_STRINGS)) {
      expect(value.zh.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
    }
  });

  it('scoreNow scores the ledger, writes the results and says what it did (zh)', async () => {
    const fake = createFakeExcel(await seedLedger());
    const reporter = recorder();
    const report = await runCommand('scoreNow', { session: sessionOver(fake), reporter, lang: 'zh' });
    expect(report.kind).toBe('success');
    expect(report.title).toBe('评分');
    // The counts are the scorer's; the sentence around them is fixed. Matches e.g. '…已完成 40 项，序时推进 90 项，…'
    // but not a message with another sheet, date or count of sub-tasks.
    expect(report.message).toMatch(
      /^已对工作表“任务台账”评分（截至2024-06-30）：161 项子任务，已完成 \d+ 项，序时推进 \d+ 项，进展滞后 \d+ 项，严重滞后 \d+ 项。滞后行已在表中标注，并生成了“评分排名”、“通报”、“校验”。/,
    );
    expect(reporter.reports).toEqual([report]);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual([
      '任务台账',
      '说明',
      '评分排名',
      '通报',
      '校验',
      '督办助手设置',
    ]);
  });

  it('clearHighlights removes what scoreNow wrote and says so (en); a second time there is nothing', async () => {
    const fake = createFakeExcel(await seedLedger());
    const before = fake.snapshot();
    const session = sessionOver(fake);
    await runCommand('scoreNow', { session, reporter: recorder(), lang: 'en' });
    const report = await runCommand('clearHighlights', { session, reporter: recorder(), lang: 'en' });
    expect(report).toEqual({
      command: 'clearHighlights',
      kind: 'success',
      title: 'Clear highlights',
      message:
        'Removed what Duban added: 4 sheet(s), 1 block(s) of result columns, 3 conditional format(s). Your own content is unchanged.',
    });
    expect(fake.snapshot()).toEqual(before);
    const again = await runCommand('clearHighlights', { session, reporter: recorder(), lang: 'en' });
    expect(again.message).toBe('The workbook has no Duban highlights to clear.');
  });

  it('reports a warning when the workbook cannot be scored as it is', async () => {
    const reporter = recorder();
    const fake = createFakeExcel({ sheets: [{ name: '杂项', cells: [['随便写点']] }] });
    const report = await runCommand('scoreNow', { session: sessionOver(fake), reporter, lang: 'zh' });
    expect(report.kind).toBe('warning');
    expect(report.title).toBe('评分：无法评分');
    expect(report.message).toContain('杂项');
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(['杂项']);
  });

  it('reports a warning when print setup could not be written (ExcelApi 1.8)', async () => {
    const fake = createFakeExcel(await seedLedger(), { maxExcelApi: '1.8' });
    const report = await runCommand('scoreNow', {
      session: sessionOver(fake),
      reporter: recorder(),
      lang: 'zh',
    });
    expect(report.kind).toBe('warning');
    expect(report.message).toContain('未设置 A4 打印格式');
  });

  it('reports host failures as errors: cell-edit mode after the retries', async () => {
    const fake = createFakeExcel(await seedLedger());
    fake.failNextSync('InvalidOperationInCellEditMode', undefined, 4);
    const reporter = recorder();
    const report = await runCommand('scoreNow', { session: sessionOver(fake), reporter, lang: 'zh' });
    expect(report).toEqual({
      command: 'scoreNow',
      kind: 'error',
      title: '评分：写入失败',
      message: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再重试。',
    });
    expect(reporter.reports).toHaveLength(1);
  });

  it('reports a protected sheet as an error naming it', async () => {
    const fake = createFakeExcel(await seedLedger());
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('任务台账').protection.protect();
      await ctx.sync();
    });
    const report = await runCommand('clearHighlights', {
      session: sessionOver(fake),
      reporter: recorder(),
      lang: 'zh',
    });
    // Nothing of ours to clear: clear never touches a sheet it has no marks on.
    expect(report.kind).toBe('success');
    const scored = await runCommand('scoreNow', {
      session: sessionOver(fake),
      reporter: recorder(),
      lang: 'zh',
    });
    expect(scored.kind).toBe('error');
    expect(scored.message).toContain('工作表“任务台账”受保护');
  });

  it('lets a failing reporter reject: the failure is not swallowed', async () => {
    const broken: Reporter = {
      report: () => Promise.reject(new DialogError(12007, 'a dialog is already open')),
    };
    const fake = createFakeExcel(SEED_LIKE_WORKBOOK);
    await expect(
      runCommand('clearHighlights', { session: sessionOver(fake), reporter: broken, lang: 'zh' }),
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
