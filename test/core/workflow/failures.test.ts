/**
 * Every workflow failure: its code, the sheet and cell it names, and its message in both languages. The
 * messages are written out here by hand from the workbooks below.
 */
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../../src/core/errors.ts';
import { MemoryWorkbook } from '../../../src/core/port/memory-workbook.ts';
import type { SheetData, WorkbookData } from '../../../src/core/port/workbook-port.ts';
import {
  breakdownWorkbook,
  failureMessage,
  locateLedger,
  locateTable,
  presetList,
  scoreWorkbook,
  settingsForPreset,
  type WorkflowFailure,
} from '../../../src/core/workflow/index.ts';
import { guardMisuse } from '../../../src/core/workflow/guard-misuse.ts';
import { HEADER } from '../ledger/fixtures.ts';
import { LEDGER_SHEET, TABLE_SHEET, ledgerSheet, plainSheet, tableSheet, workbook } from './fixtures.ts';

const port = (data: WorkbookData): MemoryWorkbook => new MemoryWorkbook(data);

async function scoreFailure(
  data: WorkbookData,
  options: Record<string, unknown> = {},
): Promise<WorkflowFailure> {
  const r = await scoreWorkbook(port(data), { asOf: '2024-06-30', today: '2024-07-01', ...options });
  if (r.ok) throw new Error('expected a failure');
  return r.failure;
}

/** The seed table's four columns only: nothing to score from. */
const NO_PROGRESS: SheetData = {
  name: '分解表',
  cells: [
    ['2024年泰山区重点工作任务分解表'],
    ['序号', '责任单位', '目标任务', '责任人'],
    [1, '区人社局', '新增城镇就业7200人以上', '张辉'],
  ],
};

describe('sheet_not_found', () => {
  it('names the sheet asked for and the sheets there are', async () => {
    const f = await scoreFailure(workbook([TABLE_SHEET, LEDGER_SHEET]), { sheet: '台账' });
    expect(f).toEqual({
      code: 'sheet_not_found',
      sheet: '台账',
      cell: null,
      params: { sheets: ['完成情况', '任务台账'] },
    });
    expect(failureMessage(f, 'zh')).toBe('工作簿中没有名为“台账”的工作表。现有工作表：完成情况、任务台账');
    expect(failureMessage(f, 'en')).toBe(
      'The workbook has no sheet named "台账". Sheets: 完成情况, 任务台账',
    );
    const located = await locateTable(port(workbook([TABLE_SHEET])), { sheet: '台账' });
    expect(!located.ok && located.failure.code).toBe('sheet_not_found');
  });
});

describe('no_table', () => {
  it('names the sheets looked in: the active one, then the other visible ones, never the roster', async () => {
    const roster = { name: '责任单位名单', cells: [['区人社局']] };
    const hidden = { ...plainSheet('草稿'), visibility: 'hidden' as const };
    const data = workbook([plainSheet('封面'), roster, hidden, plainSheet('备注')], '备注');
    const r = await locateTable(port(data));
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure).toEqual({
      code: 'no_table',
      sheet: '备注',
      cell: null,
      params: { sheets: ['备注', '封面'] },
    });
    expect(failureMessage(r.failure, 'zh')).toBe(
      '未找到任务分解表。已查找工作表：备注、封面（每张表的第1–30行）。请确认表头含“责任单位”“目标任务”等列名，或选择表格所在的工作表。',
    );
    expect(failureMessage(r.failure, 'en')).toBe(
      'No key-task table found. Looked in sheets: 备注, 封面 (rows 1–30 of each). Check that the header has columns such as 责任单位 and 目标任务, or choose the sheet that holds the table.',
    );
  });

  it('is what scoring says when there is neither a ledger nor a table', async () => {
    const f = await scoreFailure(workbook([plainSheet('封面')]));
    expect(f.code).toBe('no_table');
    expect(f.sheet).toBe('封面');
  });
});

describe('no_ledger', () => {
  it('names the sheets looked in', async () => {
    const r = await locateLedger(port(workbook([TABLE_SHEET, plainSheet('备注')])), { sheet: null });
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure).toEqual({
      code: 'no_ledger',
      sheet: null,
      cell: null,
      params: { sheets: ['完成情况', '备注'] },
    });
    expect(failureMessage(r.failure, 'zh')).toBe(
      '未找到任务台账（表头需含“编号”“责任单位”“子任务”“一季度完成值”）。已查找工作表：完成情况、备注。请先生成任务台账。',
    );
  });

  it('finds the ledger with its plan year, and looks only at a named sheet that exists', async () => {
    const found = await locateLedger(port(workbook([TABLE_SHEET, LEDGER_SHEET])), { sheet: null });
    expect(found.ok && [found.sheet, found.planYear, found.header.headerRow]).toEqual(['任务台账', 2024, 1]);
    const missing = await locateLedger(port(workbook([LEDGER_SHEET])), { sheet: '台账' });
    expect(!missing.ok && missing.failure).toEqual({
      code: 'no_ledger',
      sheet: '台账',
      cell: null,
      params: { sheets: [] },
    });
  });
});

describe('no_progress_columns', () => {
  it('names the table header', async () => {
    const f = await scoreFailure(workbook([NO_PROGRESS]));
    expect(f).toEqual({ code: 'no_progress_columns', sheet: '分解表', cell: '分解表!A2', params: {} });
    expect(failureMessage(f, 'zh')).toBe(
      '工作表“分解表”的分解表（表头 分解表!A2）中没有完成值、完成率或进展情况列，无法评分。请先生成任务台账并由各单位填报，或在表中增加“完成值”“进展情况”列。',
    );
    expect(failureMessage(f, 'en')).toBe(
      'The table on sheet "分解表" (header 分解表!A2) has no actual, completion or progress column, so it cannot be scored. Create the ledger and have the units fill it in, or add 完成值 / 进展情况 columns to the table.',
    );
  });
});

describe('no_sub_tasks', () => {
  // A table whose only row has a unit but no target: nothing breaks down.
  const EMPTY_TARGETS: SheetData = {
    name: '表',
    cells: [
      ['2024年重点工作'],
      ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值'],
      [1, '区人社局', null, '张辉', null, null],
    ],
  };

  it('stops scoring and breakdown at the table header', async () => {
    const f = await scoreFailure(workbook([EMPTY_TARGETS]));
    expect(f).toEqual({ code: 'no_sub_tasks', sheet: '表', cell: '表!A2', params: {} });
    expect(failureMessage(f, 'zh')).toBe('工作表“表”的分解表（表头 表!A2）中没有可评分的任务。');
    expect(failureMessage(f, 'en')).toBe('The table on sheet "表" (header 表!A2) has no tasks to score.');
    const b = await breakdownWorkbook(port(workbook([EMPTY_TARGETS])));
    expect(!b.ok && b.failure).toEqual(f);
  });
});

describe('no_plan_year', () => {
  it('names the table header when the title gives no year', async () => {
    const f = await scoreFailure(workbook([tableSheet('完成情况', '重点工作任务完成情况')]));
    expect(f).toEqual({ code: 'no_plan_year', sheet: '完成情况', cell: '完成情况!A2', params: {} });
    expect(failureMessage(f, 'zh')).toBe(
      '无法确定工作表“完成情况”的计划年度（完成情况!A2）：标题中没有“2024年”这样的年份。请填写计划年度。',
    );
    expect(failureMessage(f, 'en')).toBe(
      'Cannot tell the plan year of sheet "完成情况" (完成情况!A2): the title names no year such as 2024年. Enter the plan year.',
    );
  });

  it('names the ledger header when neither title nor deadlines give a year, and goes once the user gives it', async () => {
    const data = workbook([{ name: '任务台账', cells: [[...HEADER], ...ledgerSheet().cells.slice(2)] }]);
    const f = await scoreFailure(data);
    expect(f).toEqual({ code: 'no_plan_year', sheet: '任务台账', cell: '任务台账!A1', params: {} });
    const r = await scoreWorkbook(port(data), { asOf: '2024-06-30', planYear: 2024, today: '2024-07-01' });
    expect(r.ok && r.planYear).toBe(2024);
  });
});

describe('ledger_empty', () => {
  it('names the ledger header', async () => {
    const f = await scoreFailure(workbook([ledgerSheet('任务台账', [])]));
    expect(f).toEqual({ code: 'ledger_empty', sheet: '任务台账', cell: '任务台账!A2', params: {} });
    expect(failureMessage(f, 'zh')).toBe(
      '工作表“任务台账”的任务台账表头（任务台账!A2）下没有任务行，无法评分。',
    );
    expect(failureMessage(f, 'en')).toBe(
      'The ledger on sheet "任务台账" has no task rows below its header (任务台账!A2); nothing to score.',
    );
  });
});

describe("the user's choices", () => {
  it('bad_preset lists the presets with their aliases', async () => {
    const f = await scoreFailure(workbook([LEDGER_SHEET]), { preset: '北京' });
    expect(f).toEqual({ code: 'bad_preset', sheet: null, cell: null, params: { name: '北京' } });
    expect(failureMessage(f, 'zh')).toBe(
      '未知的评分规则预设“北京”。可选：序时（default、xushi）、银川（yinchuan）、三亚（sanya）',
    );
    expect(failureMessage(f, 'en')).toBe(
      'Unknown scoring preset "北京". Presets: 序时 (default, xushi), 银川 (yinchuan), 三亚 (sanya)',
    );
    expect(presetList('en')).toBe('序时 (default, xushi), 银川 (yinchuan), 三亚 (sanya)');
    const early = settingsForPreset('北京');
    expect(!early.ok && early.failure.code).toBe('bad_preset');
  });

  it('bad_as_of quotes the date', async () => {
    const f = await scoreFailure(workbook([LEDGER_SHEET]), { asOf: '2024-02-30' });
    expect(f).toEqual({ code: 'bad_as_of', sheet: null, cell: null, params: { value: '2024-02-30' } });
    expect(failureMessage(f, 'zh')).toBe('截至日期应为 YYYY-MM-DD（如 2024-06-30），收到“2024-02-30”。');
  });

  it('bad_today when the as-of date defaults to a today that is no date', async () => {
    const f = await scoreFailure(workbook([LEDGER_SHEET]), { asOf: null, today: '2024/07/01' });
    expect(f).toEqual({ code: 'bad_today', sheet: null, cell: null, params: { value: '2024/07/01' } });
    expect(failureMessage(f, 'en')).toBe('Today\'s date must be YYYY-MM-DD, got "2024/07/01".');
  });

  it('bad_argument carries the reason the core gives for a plan year out of range', async () => {
    const f = await scoreFailure(workbook([LEDGER_SHEET]), { planYear: 1800 });
    expect(f.code).toBe('bad_argument');
    expect(f.params['detail']).toContain('1800');
    expect(failureMessage(f, 'zh')).toMatch(/^设置有误：.*1800/);
  });

  it('bad_settings from the core becomes a failure; other errors pass through', async () => {
    const settings = await guardMisuse(() =>
      Promise.reject(new DubanError('invalid_settings', 'yellow 越界')),
    );
    expect(settings).toEqual({
      ok: false,
      failure: { code: 'bad_settings', sheet: null, cell: null, params: { detail: 'yellow 越界' } },
    });
    if (!('failure' in settings)) return;
    expect(failureMessage(settings.failure, 'zh')).toBe('评分设置有误：yellow 越界');
    await expect(guardMisuse(() => Promise.reject(new DubanError('host_failure', 'busy')))).rejects.toThrow(
      'busy',
    );
  });
});

describe('is_ledger', () => {
  it('refuses to break a ledger down again, naming its sheet and header cell', async () => {
    // The ledger fixture: a title in row 1, the ledger header (编号 …) in row 2, so its first cell is A2.
    const r = await breakdownWorkbook(port(workbook([LEDGER_SHEET])));
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure).toEqual({ code: 'is_ledger', sheet: '任务台账', cell: '任务台账!A2', params: {} });
    expect(failureMessage(r.failure, 'zh')).toBe(
      '工作表“任务台账”已经是任务台账（表头 任务台账!A2），无需再分解。请选择责任分解表（序号 / 责任单位 / 目标任务 / 责任人）所在的工作表；各单位的进展直接填在台账中即可评分。',
    );
    expect(failureMessage(r.failure, 'en')).toContain(
      'Sheet "任务台账" is already a ledger (header 任务台账!A2)',
    );
  });

  it('also when the user names the ledger sheet', async () => {
    const r = await breakdownWorkbook(port(workbook([TABLE_SHEET, LEDGER_SHEET])), { sheet: '任务台账' });
    expect(!r.ok && r.failure.code).toBe('is_ledger');
  });

  it('passes over an active ledger to the table beside it', async () => {
    const r = await breakdownWorkbook(port(workbook([TABLE_SHEET, LEDGER_SHEET], '任务台账')));
    if (!r.ok) throw new Error(`expected the table, got ${r.failure.code}`);
    expect(r.sheet).toBe('完成情况');
  });

  it('never takes one of our own sheets for the table', async () => {
    // A 校验 sheet of ours lists findings under a header that could pass for a table; with nothing else in the
    // workbook, breakdown finds no table at all rather than breaking our sheet down.
    const findings: SheetData = {
      name: '校验',
      cells: [
        ['校验结果'],
        ['序号', '责任单位', '目标任务', '责任人'],
        [1, '区人社局', '新增城镇就业7200人以上', '张辉'],
      ],
    };
    const book = workbook([findings, plainSheet('说明')], '说明');
    // The fixture does read as a table to a plain search: only breakdown's exclusion keeps it out.
    const plain = await locateTable(port(book));
    expect(plain.ok && plain.sheet).toBe('校验');
    const r = await breakdownWorkbook(port(book));
    if (r.ok) throw new Error('expected a failure');
    expect(r.failure.code).toBe('no_table');
    expect(r.failure.params).toEqual({ sheets: ['说明'] });
  });
});
