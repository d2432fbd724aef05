/**
 * Faults while the session works, over the strict fake: cell-edit mode (retry, then a message), protected
 * sheet or workbook (nothing written), a request over the size limit (split), a host without ExcelApi 1.9
 * (print setup skipped and reported), the user editing the sheet while we work, a cancel, a write failing
 * midway (what was written is removed again), and a sheet with more merged areas than Excel lists at once.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { ExcelSession } from '../../src/excel/excel-session.ts';
import { describeHostError } from '../../src/excel/host-text.ts';
import type { ExcelHost } from '../../src/excel/office-workbook.ts';
import { syncStep } from '../../src/excel/office-sync.ts';
import { completeReads, prefetch, readOverview, type RunContext } from '../../src/excel/prefetch.ts';
import { flushOps, op } from '../../src/excel/write-ops.ts';
import { createFakeExcel, type FakeExcel, type FakeRequestContext } from '../fake-excel/fake-excel.ts';
import { decorate, SEEDS, sessionOver, TABLE, xlsxData } from './session-fixtures.ts';

async function seedLedger(): Promise<WorkbookData> {
  return xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx'));
}

async function rejection(promise: Promise<unknown>): Promise<DubanError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DubanError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function runIn(context: FakeRequestContext, extra: Partial<RunContext> = {}): RunContext {
  return {
    context: context as unknown as Excel.RequestContext,
    policy: { retryDelaysMs: [0, 0, 0] },
    counter: { syncs: 0 },
    blockRows: 5000,
    budget: 4_000_000,
    requirements: { isSetSupported: () => true },
    ...extra,
  };
}

describe('cell-edit mode', () => {
  it('retries after each pause, then succeeds', async () => {
    const fake = createFakeExcel(await seedLedger());
    fake.failNextSync('InvalidOperationInCellEditMode', undefined, 3);
    const out = await sessionOver(fake).score({}, true);
    expect(out.ok).toBe(true);
    expect(fake.stats.requests.filter((r) => r.failed === 'InvalidOperationInCellEditMode')).toHaveLength(3);
  });

  it('waits the configured pauses between attempts', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: [['a']] }] });
    fake.failNextSync('InvalidOperationInCellEditMode', undefined, 2);
    const waited: number[] = [];
    const value = await fake.Excel.run(async (ctx) =>
      syncStep(
        ctx as unknown as Excel.RequestContext,
        () => {
          const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
          r.load('values');
          return r;
        },
        {
          retryDelaysMs: [10, 20, 40],
          sleep: (ms) => {
            waited.push(ms);
            return Promise.resolve();
          },
        },
        { syncs: 0 },
      ),
    );
    expect(value.values).toEqual([['a']]);
    expect(waited).toEqual([10, 20]);
  });

  it('gives up after the retries with a message saying to finish editing, and writes nothing', async () => {
    const fake = createFakeExcel(await seedLedger());
    const before = fake.snapshot();
    fake.failNextSync('InvalidOperationInCellEditMode', undefined, 4);
    const error = await rejection(sessionOver(fake).score({}, true));
    expect(error.code).toBe('host_failure');
    expect(error.fields['code']).toBe('InvalidOperationInCellEditMode');
    expect(describeHostError(error, 'zh').body).toBe(
      'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再重试。',
    );
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('protection', () => {
  async function protectedFake(what: 'sheet' | 'workbook'): Promise<FakeExcel> {
    const fake = createFakeExcel(await seedLedger());
    await fake.Excel.run(async (ctx) => {
      if (what === 'sheet') ctx.workbook.worksheets.getItem('任务台账').protection.protect();
      else ctx.workbook.protection.protect();
      await ctx.sync();
    });
    fake.resetStats();
    return fake;
  }

  it('names a protected sheet and writes nothing', async () => {
    const fake = await protectedFake('sheet');
    const before = fake.snapshot();
    const error = await rejection(sessionOver(fake).score({}, true));
    expect(error.fields).toMatchObject({ code: 'SheetProtected', sheet: '任务台账' });
    expect(describeHostError(error, 'zh', 'write').body).toContain('工作表“任务台账”受保护');
    expect(fake.snapshot()).toEqual(before);
    // The refusal came before any write: overview, prefetch, and taking the change handlers off again.
    expect(fake.stats.requests.length).toBe(3);
  });

  it('refuses to add sheets to a protected workbook and writes nothing', async () => {
    const fake = await protectedFake('workbook');
    const before = fake.snapshot();
    const error = await rejection(sessionOver(fake).score({}, true));
    expect(error.fields['code']).toBe('WorkbookProtected');
    expect(describeHostError(error, 'en', 'write').body).toContain('workbook structure is protected');
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('request size', () => {
  it('keeps every request under a small budget by sending more of them', async () => {
    const fake = createFakeExcel(await seedLedger());
    const out = await sessionOver(fake, { requestBudgetBytes: 20_000 }).score({}, true);
    expect(out.ok).toBe(true);
    const writes = fake.stats.requests.slice(2);
    // About 100 kB of writes (measured: one request of 95 kB under the normal budget).
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const r of writes) expect(r.requestBytes).toBeLessThanOrEqual(20_000);
  });

  it('splits a request Excel refuses as too large and sends both halves', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: [['a']] }] });
    await fake.Excel.run(async (ctx) => {
      const ops = ['A1', 'B1', 'C1', 'D1'].map((cell, i) =>
        op(2, 1, null, (scope) => {
          scope.sheet('S').getRange(cell).values = [[i + 1]];
        }),
      );
      fake.failNextSync('RequestPayloadSizeLimitExceeded');
      await flushOps(runIn(ctx), ops);
    });
    expect(fake.stats.requests.map((r) => r.failed ?? 'ok')).toEqual([
      'RequestPayloadSizeLimitExceeded',
      'ok',
      'ok',
    ]);
    expect(fake.snapshot().sheets[0]?.values).toEqual({ A1: 1, B1: 2, C1: 3, D1: 4 });
  });
});

describe('a host without ExcelApi 1.9 (Office 2019)', () => {
  it('writes everything but the print setup and says so', async () => {
    const fake = createFakeExcel(await seedLedger(), { maxExcelApi: '1.8' });
    const before = fake.snapshot();
    const session = sessionOver(fake);
    const out = await session.score({}, true);
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.warnings).toEqual([
      '此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9：Excel 2021、Microsoft 365 或 Excel 网页版），工作表“评分排名”“通报”“校验”未设置 A4 打印格式，其余内容已写入。',
    ]);
    const ranking = fake.snapshot().sheets.find((s) => s.name === '评分排名');
    expect(ranking?.conditionalFormats).toHaveLength(1);
    await session.clear();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('the user edits the sheet while we work', () => {
  it('stops before writing and says which sheet changed', async () => {
    const fake = createFakeExcel(await seedLedger());
    const twin = createFakeExcel(await seedLedger());
    await twin.userEdit('任务台账', 'L3', 6.1);
    const error = await rejection(
      sessionOver(fake).score({}, true, {
        onProgress: (p) => {
          if (p.step === 'plan') void fake.userEdit('任务台账', 'L3', 6.1);
        },
      }),
    );
    expect(error.fields).toMatchObject({ code: 'SheetChanged', sheet: '任务台账', address: 'L3' });
    expect(describeHostError(error, 'zh', 'write').body).toBe(
      '督办助手工作期间，工作表“任务台账”被修改了（L3），为避免覆盖，未做任何修改。请重试。',
    );
    // Only the user's edit is in the workbook.
    expect(fake.snapshot()).toEqual(twin.snapshot());
  });
});

describe('cancel', () => {
  it('stops between round trips and writes nothing', async () => {
    const fake = createFakeExcel(await seedLedger());
    const before = fake.snapshot();
    const controller = new AbortController();
    const error = await rejection(
      sessionOver(fake).score({}, true, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.step === 'plan') controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(describeHostError(error, 'en').body).toBe('Cancelled; nothing was changed.');
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('cancel between write requests', () => {
  it('removes what the first requests wrote and reports the cancel', async () => {
    const fake = createFakeExcel(await seedLedger());
    const before = fake.snapshot();
    const controller = new AbortController();
    // Abort once the fourth round trip (overview, prefetch, two write requests) is through.
    const host: ExcelHost = {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
        fake.Excel.run((ctx) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = async (): Promise<void> => {
            await sync();
            if (fake.stats.syncs === 4) controller.abort();
          };
          return batch(ctx as unknown as Excel.RequestContext);
        }),
    };
    const session = new ExcelSession(host, fake.requirements, 'zh', {
      requestBudgetBytes: 20_000,
      retryDelaysMs: [0],
      today: () => '2024-06-30',
    });
    const error = await rejection(session.score({}, true, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('a write failing midway', () => {
  it('removes what was written and rethrows as a host failure', async () => {
    const fake = createFakeExcel(await seedLedger());
    const before = fake.snapshot();
    fake.failAtWrite(40);
    const error = await rejection(sessionOver(fake).score({}, true));
    expect(error.code).toBe('host_failure');
    expect(error.fields['code']).toBe('GeneralException');
    expect(describeHostError(error, 'zh', 'write').body).toContain('已写入的内容已撤销');
    expect(fake.snapshot()).toEqual(before);
  });

  it('puts back the widths of a table’s own columns and keeps the user’s formatting', async () => {
    const fake = createFakeExcel(TABLE);
    await decorate(fake);
    const before = fake.snapshot();
    fake.failAtWrite(60);
    const error = await rejection(sessionOver(fake).score({}, true));
    expect(error.fields['code']).toBe('GeneralException');
    expect(fake.snapshot()).toEqual(before);
  });

  it('on a re-run, puts the previous settings sheet back', async () => {
    const fake = createFakeExcel(await seedLedger());
    const session = sessionOver(fake);
    await session.score({}, true);
    const settingsBefore = fake.snapshot().sheets.find((s) => s.name === '督办助手设置')?.values;
    fake.failAtWrite(40);
    await rejection(session.score({}, true));
    const after = fake.snapshot();
    expect(after.sheets.find((s) => s.name === '督办助手设置')?.values).toEqual(settingsBefore);
    expect(after.sheets.find((s) => s.name === '任务台账')?.conditionalFormats).toEqual([]);
  });
});

describe('more merged areas than Excel lists at once', () => {
  it('reads them in slices', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({
      top: 2 + 2 * i,
      left: 0,
      bottom: 3 + 2 * i,
      right: 0,
    }));
    const cells = Array.from({ length: 1202 }, (_, r) => [r % 2 === 0 ? `单位${r}` : null, `任务${r}`]);
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells, merges }] });
    const grid = await fake.Excel.run(async (ctx) => {
      const run = runIn(ctx);
      const pre = await prefetch(run, await readOverview(run), {
        grids: ['S'],
        widthColumns: 2,
        watch: false,
      });
      await completeReads(run, pre, { cfDetailSheets: [] }, []);
      return pre.grids.get('S');
    });
    expect(grid?.merges).toHaveLength(600);
    expect(grid?.merges?.[599]).toEqual({ top: 1200, left: 0, bottom: 1201, right: 0 });
  });
});
