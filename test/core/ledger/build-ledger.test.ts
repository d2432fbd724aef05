/**
 * Building the ledger sheet from a breakdown: hand-built sub-tasks in, rows of values out, every expected
 * cell written out by hand. Plus a round trip over the seed table: build → read back → the same sub-tasks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeGrid } from '../../../src/core/analyze.ts';
import type { Breakdown, Indicator, SubTask } from '../../../src/core/breakdown-model.ts';
import { buildLedger, ledgerCells } from '../../../src/core/ledger/build-ledger.ts';
import { readLedger } from '../../../src/core/ledger/read-ledger.ts';
import type { Person, ReadTable } from '../../../src/core/table-model.ts';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook.ts';
import { HEADER } from './fixtures.ts';
import { makeIndicator } from '../../../src/core/measure/written-unit.ts';

function person(display: string, deputies: Person[] = []): Person {
  return { display, key: display.replace(/\s/g, ''), deputies, isRole: false };
}

function ind(
  metric: string,
  kind: Indicator['kind'],
  comparator: Indicator['comparator'],
  value: number | null,
  unit: string | null,
  text: string,
  valueMax: number | null = null,
): Indicator {
  return makeIndicator({ metric, kind, comparator, value, valueMax, unit, text });
}

function sub(
  id: string,
  units: string[],
  owners: Person[],
  text: string,
  indicators: Indicator[],
  deadline: string | null = null,
): SubTask {
  return {
    id,
    taskRow: 3,
    seq: 1,
    units,
    owners,
    text,
    at: { sheet: '分解表', row: 3, col: 2 },
    deadline,
    deadlineText: deadline === null ? null : '年内',
    indicators,
  };
}

function breakdownOf(subTasks: SubTask[], planYear: number | null = 2024): Breakdown {
  return { table: {} as ReadTable, planYear, subTasks, findings: [] };
}

const SCI_TEXT = '力争国家高新技术企业、科技型中小企业分别突破190家、240家';
const SCI = sub('3.04', ['区科技局'], [person('陈  莹')], SCI_TEXT, [
  ind('国家高新技术企业', 'cumulative', '>=', 190, '家', SCI_TEXT),
  ind('科技型中小企业', 'cumulative', '>=', 240, '家', SCI_TEXT),
]);

describe('buildLedger', () => {
  it('writes the title with the plan year and the header in order', () => {
    const ledger = buildLedger(breakdownOf([SCI]));
    expect(ledger.sheet).toBe('任务台账');
    expect(ledger.title).toBe('2024年重点工作任务台账');
    expect(ledger.header).toEqual(HEADER);
    expect(buildLedger(breakdownOf([SCI], null)).title).toBe('重点工作任务台账');
  });

  it('keeps a sub-task with several indicators on one row, listing them in order', () => {
    const [cells] = buildLedger(breakdownOf([SCI])).rows;
    expect(cells).toEqual([
      '3.04',
      '区科技局',
      '陈  莹',
      SCI_TEXT,
      '国家高新技术企业≥190家；科技型中小企业≥240家',
      '≥',
      '190、240',
      '家',
      ...Array<null>(14).fill(null),
    ]);
    expect(buildLedger(breakdownOf([SCI])).shapes).toEqual(['list']);
  });

  it('writes targets in the unit the text used, lists differing comparators and units in full', () => {
    const text = '实施重点建设项目120个以上，完成投资200亿元左右';
    const row = buildLedger(
      breakdownOf([
        sub('1.15', ['区发改局'], [person('陈学刚')], text, [
          ind('实施重点建设项目', 'cumulative', '>=', 120, '个', '实施重点建设项目120个以上'),
          ind('完成投资', 'approximate', '~', 20_000_000_000, '元', '完成投资200亿元左右'),
        ]),
      ]),
    ).rows[0];
    expect(row?.slice(4, 8)).toEqual([
      '实施重点建设项目≥120个；完成投资≈200亿元',
      '≥、≈',
      '120、200',
      '个、亿元',
    ]);
  });

  it('writes one plain target as a number, a range as text, and the deadline as an ISO date', () => {
    const ledger = buildLedger(
      breakdownOf([
        sub(
          '9.01',
          ['区人社局'],
          [person('张  辉')],
          '年内新增城镇就业7200人以上',
          [ind('新增城镇就业', 'cumulative', '>=', 7200, '人', '年内新增城镇就业7200人以上')],
          '2024-12-31',
        ),
        sub('1.01', ['区发改局'], [person('陈学刚')], '地区生产总值增长4.5%至5%', [
          ind('地区生产总值增长', 'rate', 'range', 4.5, '%', '地区生产总值增长4.5%至5%', 5),
        ]),
      ]),
    );
    expect(ledger.rows[0]?.slice(4, 9)).toEqual(['新增城镇就业≥7200人', '≥', 7200, '人', '2024-12-31']);
    expect(ledger.rows[1]?.slice(4, 9)).toEqual(['地区生产总值增长4.5～5%', '区间', '4.5～5', '%', null]);
    expect(ledger.shapes).toEqual(['single', 'single']);
  });

  it('leaves the quantitative columns empty for a qualitative sub-task and writes deputies in brackets', () => {
    const text = '深化“融治理”机制，开展“零发案”创建';
    const row = buildLedger(
      breakdownOf([
        sub(
          '26.01',
          ['市公安局泰山分局', '区司法局'],
          [person('宋杰', [person('宋海峰'), person('亓子超')])],
          text,
          [ind(text, 'qualitative', null, null, null, text)],
        ),
      ]),
    ).rows[0];
    expect(row?.slice(0, 9)).toEqual([
      '26.01',
      '市公安局泰山分局、区司法局',
      '宋杰（宋海峰/亓子超）',
      text,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('lays the sheet out as title, header, rows', () => {
    const cells = ledgerCells(buildLedger(breakdownOf([SCI])));
    expect(cells[0]).toEqual(['2024年重点工作任务台账']);
    expect(cells[1]?.[0]).toBe('编号');
    expect(cells[2]?.[0]).toBe('3.04');
    expect(cells).toHaveLength(3);
  });
});

describe('seed round trip', () => {
  it('reads back every sub-task of the seed table as it was broken down', async () => {
    const seed = new URL('../../../seeds/taishan-2024.xlsx', import.meta.url);
    const wb = await XlsxWorkbook.fromBuffer(readFileSync(seed));
    const analysis = analyzeGrid(await wb.readSheet('分解表')).analysis;
    if (!analysis) throw new Error('seed table not read');
    const ledger = buildLedger(analysis.breakdown);
    const grid = { sheet: '任务台账', origin: { row: 0, col: 0 }, cells: ledgerCells(ledger) };
    const back = readLedger(grid, { asOf: '2024-06-30' });
    expect(back.findings).toEqual([]);
    expect(back.ledger?.planYear).toBe(2024);
    const strip = (s: SubTask) => ({
      id: s.id,
      units: s.units,
      owners: s.owners,
      text: s.text,
      deadline: s.deadline,
      deadlineText: s.deadlineText,
      indicators: s.indicators,
    });
    expect(back.ledger?.subTasks.map(strip)).toEqual(analysis.breakdown.subTasks.map(strip));
    // One row per sub-task, in breakdown order.
    expect(ledger.rows.map((r) => r[0])).toEqual(analysis.breakdown.subTasks.map((s) => s.id));
  });
});
