/**
 * Reading the ledger sheet (任务台账) back into sub-tasks and progress entries. Every expected value is
 * worked out by hand from the cells written in the test.
 */
import { describe, expect, it } from 'vitest';
import { readLedger, type Ledger } from '../../../src/core/ledger/read-ledger.ts';
import { findLedgerHeader } from '../../../src/core/ledger/ledger-header.ts';
import { ledgerTarget } from '../../../src/core/ledger/ledger-values.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import type { Finding } from '../../../src/core/findings.ts';
import type { Grid } from '../../../src/core/grid.ts';
import { at, ledgerGrid, row, HEADER, SHEET } from './fixtures.ts';

function read(grid: Grid, asOf = '2024-06-30'): { ledger: Ledger; findings: Finding[] } {
  const { ledger, findings } = readLedger(grid, { asOf });
  if (!ledger) throw new Error('not read as a ledger');
  return { ledger, findings };
}

function codesAt(findings: readonly Finding[]): [string, string][] {
  return findings.map((f) => [f.code, f.at ? `${String.fromCharCode(65 + f.at.col)}${f.at.row + 1}` : '']);
}

const SCI = row({
  A: '3.04',
  B: '区科技局',
  C: '陈  莹',
  D: '力争国家高新技术企业、科技型中小企业分别突破190家、240家',
  E: '国家高新技术企业≥190家；科技型中小企业≥240家',
  F: '≥',
  G: '190、240',
  H: '家',
  J: '152、180',
  K: '推进中',
  L: '168、205',
  M: '序时推进',
  R: '有效期内国家高新技术企业168家，科技型中小企业入库205家。',
});

describe('recognising a ledger', () => {
  it('finds the header below the title and reads the plan year from the title', () => {
    const header = findLedgerHeader(ledgerGrid([SCI]));
    expect(header?.headerRow).toBe(1);
    expect(header?.planYear).toBe(2024);
    expect(header?.columns.get('id')).toBe(0);
    expect(header?.columns.get('q2Actual')).toBe(11); // L
    expect(header?.columns.get('explanation')).toBe(21); // V
    expect(header?.at).toEqual(at('A2'));
  });

  it('tolerates spaces and line breaks inside the headers', () => {
    const spaced = HEADER.map((h) => (h === '编号' ? '编 号' : h === '子任务' ? '子\n任务' : h));
    const grid: Grid = { sheet: SHEET, origin: { row: 0, col: 0 }, cells: [spaced, SCI] };
    const { ledger } = readLedger(grid, { planYear: 2024 });
    expect(ledger?.subTasks.map((s) => s.id)).toEqual(['3.04']);
  });

  it('does not take an ordinary responsibility table for a ledger', () => {
    const grid: Grid = {
      sheet: '分解表',
      origin: { row: 0, col: 0 },
      cells: [
        ['序号', '责任单位', '目标任务', '责任人', '完成值'],
        [1, '区发改局', '地区生产总值增长5.5%以上', '陈学刚', 5.6],
      ],
    };
    expect(findLedgerHeader(grid)).toBeNull();
    expect(readLedger(grid)).toEqual({ ledger: null, findings: [] });
  });
});

describe('sub-tasks rebuilt from their rows', () => {
  it('reads id, units, owners, text and the indicators of the text', () => {
    const { ledger, findings } = read(ledgerGrid([SCI]));
    expect(findings).toEqual([]);
    expect(ledger.planYear).toBe(2024);
    const sub = ledger.subTasks[0];
    expect(sub?.id).toBe('3.04');
    expect(sub?.seq).toBe(4);
    expect(sub?.taskRow).toBe(2);
    expect(sub?.units).toEqual(['区科技局']);
    expect(sub?.owners.map((p) => [p.display, p.key])).toEqual([['陈  莹', '陈莹']]);
    expect(sub?.at).toEqual(at('D3'));
    expect(sub?.deadline).toBeNull();
    expect(sub?.indicators.map((i) => [i.value, i.unit, i.comparator])).toEqual([
      [190, '家', '>='],
      [240, '家', '>='],
    ]);
  });

  it('lets 目标值 (in 计量单位) replace the values of the text, converting the unit', () => {
    // The office raised 完成投资 from 200亿元 to 210亿元: 210 × 10^8 元.
    const grid = ledgerGrid([
      row({
        A: '1.15',
        B: '区发改局',
        D: '实施重点建设项目120个以上，完成投资200亿元以上',
        F: '≥',
        G: '120、210',
        H: '个、亿元',
      }),
    ]);
    const { ledger, findings } = read(grid);
    expect(findings).toEqual([]);
    expect(ledger.subTasks[0]?.indicators.map((i) => [i.value, i.unit])).toEqual([
      [120, '个'],
      [21_000_000_000, '元'],
    ]);
    // Shown as the office wrote it (210亿元), not in 元 because the text's 200亿元 no longer matches.
    expect(ledger.subTasks[0]?.indicators.map((i) => i.writtenUnit)).toEqual(['个', '亿元']);
    expect(ledger.subTasks[0]?.indicators.map((i) => ledgerTarget(i)?.text)).toEqual(['120', '210']);
  });

  it('reads a target written in another unit of the same kind (万元 for 亿元)', () => {
    // 200亿元 target, the office wrote 2100000 万元 = 210亿元 = 2.1e10 元.
    const grid = ledgerGrid([
      row({ A: '1.01', B: '区发改局', D: '完成投资200亿元', G: 2_100_000, H: '万元' }),
    ]);
    expect(read(grid).ledger.subTasks[0]?.indicators[0]?.value).toBe(21_000_000_000);
    expect(read(grid).ledger.subTasks[0]?.indicators[0]?.writtenUnit).toBe('万元');
  });

  it('lets 比较 change a comparator (≤ for ≥) and reads a range 目标值', () => {
    const grid = ledgerGrid([
      row({ A: '1.01', B: '区发改局', D: '地区生产总值增长5.5%以上', F: '≤', G: 5.5, H: '%' }),
      row({ A: '1.02', B: '区发改局', D: '地区生产总值增长5.5%以上', F: '区间', G: '4.5～5', H: '%' }),
    ]);
    const [a, b] = read(grid).ledger.subTasks;
    expect(a?.indicators[0]?.comparator).toBe('<=');
    expect(b?.indicators[0]).toMatchObject({ comparator: 'range', value: 4.5, valueMax: 5, unit: '%' });
  });

  it('builds one indicator from the office columns when the text has no figure (a wide table group)', () => {
    const grid = ledgerGrid([
      row({ A: '1.01', B: '泰山区', D: '城镇新增就业', G: 4000, H: '人' }),
      row({ A: '1.02', B: '泰山区', D: '招商引资到位资金', F: '≥', G: 500, H: '万元' }),
    ]);
    const [jobs, money] = read(grid).ledger.subTasks;
    expect(jobs?.indicators).toHaveLength(1);
    expect(jobs?.indicators[0]).toMatchObject({
      kind: 'cumulative',
      comparator: '=',
      value: 4000,
      valueMax: null,
      unit: '人',
    });
    expect(money?.indicators[0]).toMatchObject({ comparator: '>=', value: 5_000_000, unit: '元' });
  });

  it('takes 完成时限 over the text; blank means the text decides; 长期 means no deadline', () => {
    const grid = ledgerGrid([
      row({ A: '9.01', B: '区人社局', D: '年内新增城镇就业7200人以上', I: '2024-12-31' }),
      row({ A: '9.02', B: '区人社局', D: '年内新增城镇就业7200人以上', I: '2024-09-30' }),
      row({ A: '9.03', B: '区人社局', D: '6月底前完成招聘' }),
      row({ A: '9.04', B: '区人社局', D: '6月底前完成招聘', I: '长期' }),
    ]);
    const subs = read(grid).ledger.subTasks;
    expect(subs.map((s) => [s.deadline, s.deadlineText])).toEqual([
      ['2024-12-31', '年内'], // the cell's date is the text's own: its wording is kept
      ['2024-09-30', '2024-09-30'],
      ['2024-06-30', '6月底前'],
      [null, null],
    ]);
    // A figureless text with a deadline is a milestone, as breakdown makes it.
    expect(subs[2]?.indicators[0]?.kind).toBe('milestone');
    expect(subs[3]?.indicators[0]?.kind).toBe('qualitative');
  });

  it('keeps deputies and several units', () => {
    const grid = ledgerGrid([
      row({ A: '26.01', B: '区财政局、区税务局', C: '宋杰（宋海峰/亓子超）', D: '深化财税领域改革' }),
    ]);
    const sub = read(grid).ledger.subTasks[0];
    expect(sub?.units).toEqual(['区财政局', '区税务局']);
    expect(sub?.owners[0]?.display).toBe('宋杰');
    expect(sub?.owners[0]?.deputies.map((d) => d.display)).toEqual(['宋海峰', '亓子超']);
  });

  it('skips blank rows and a repeated header row', () => {
    const grid = ledgerGrid([
      SCI,
      row({}),
      [...HEADER],
      row({ A: '52.02', B: '区政府督查室', D: '七个联动督查工作机制' }),
    ]);
    expect(read(grid).ledger.subTasks.map((s) => [s.id, s.taskRow])).toEqual([
      ['3.04', 2],
      ['52.02', 5],
    ]);
  });
});

describe('progress from the latest quarter begun by the as-of date', () => {
  it('splits 、 lists over the quantified indicators, each piece read in 计量单位, at the real cell', () => {
    const entry = read(ledgerGrid([SCI])).ledger.progress.get('3.04');
    expect(entry?.indicatorActuals).toEqual([
      { actual: { value: '168家', at: at('L3'), raw: '168、205' }, format: null },
      { actual: { value: '205家', at: at('L3'), raw: '168、205' }, format: null },
    ]);
    expect(entry?.actual).toBeUndefined();
    expect(entry?.status).toEqual({ value: '序时推进', at: at('M3'), raw: '序时推进' });
    expect(entry?.text?.at).toEqual(at('R3'));
  });

  it('uses the first quarter as of 3-31 and reports the second quarter as not begun', () => {
    const { ledger, findings } = read(ledgerGrid([SCI]), '2024-03-31');
    const entry = ledger.progress.get('3.04');
    expect(entry?.indicatorActuals?.map((a) => a?.actual.value)).toEqual(['152家', '180家']);
    expect(entry?.status?.at).toEqual(at('K3'));
    expect(ledger.quarters.get('3.04')).toBe(1);
    expect(findings).toEqual([
      {
        code: 'ledger_quarter_not_started',
        severity: 'info',
        at: at('L3'),
        params: { quarter: '二季度', asOf: '2024-03-31' },
      },
    ]);
  });

  it('counts a quarter from its first day: as of 4-01 the second quarter is read', () => {
    const { ledger, findings } = read(ledgerGrid([SCI]), '2024-04-01');
    expect(ledger.quarters.get('3.04')).toBe(2);
    expect(findings).toEqual([]);
  });

  it('falls back to an earlier quarter when the latest is blank', () => {
    const grid = ledgerGrid([
      row({ A: '12.01', B: '区交运局', D: '新改建“四好农村路”40公里', G: 40, H: '公里', J: 8 }),
    ]);
    const { ledger } = read(grid);
    expect(ledger.quarters.get('12.01')).toBe(1);
    expect(ledger.progress.get('12.01')?.actual).toEqual({ value: '8公里', at: at('J3'), raw: 8 });
  });

  it('reads one figure for a single indicator, keeping a percent-formatted number as a number', () => {
    const formats: (string | null)[][] = [
      [],
      [],
      [],
      Array.from({ length: 22 }, (_, c) => (c === 11 ? '0.0%' : null)),
    ];
    const grid = ledgerGrid(
      [
        row({ A: '9.01', B: '区人社局', D: '年内新增城镇就业7200人以上', G: 7200, H: '人', L: 4496 }),
        row({ A: '1.16', B: '区发改局', D: '省市重点项目开工率达到100%', G: 100, H: '%', L: 0.92 }),
      ],
      { formats },
    );
    const { ledger } = read(grid);
    expect(ledger.progress.get('9.01')).toEqual({
      actual: { value: '4496人', at: at('L3'), raw: 4496 },
      actualFormat: null,
    });
    expect(ledger.progress.get('1.16')).toEqual({
      actual: { value: 0.92, at: at('L4'), raw: 0.92 },
      actualFormat: '0.0%',
    });
  });

  it('leaves words and figures with their own unit as typed', () => {
    const grid = ledgerGrid([
      row({ A: '1.15', B: '区发改局', D: '完成投资200亿元以上', G: 200, H: '亿元', L: '300500万元' }),
      row({ A: '5.07', B: '区工信局', D: '办好“企业家节”', L: '已完成' }),
    ]);
    const { ledger } = read(grid);
    expect(ledger.progress.get('1.15')?.actual?.value).toBe('300500万元');
    expect(ledger.progress.get('5.07')?.actual?.value).toBe('已完成');
  });

  it('has no entry for a row nothing was reported on', () => {
    const grid = ledgerGrid([row({ A: '1.10', B: '区发改局', D: '严控“两高”项目' })]);
    expect(read(grid).ledger.progress.size).toBe(0);
  });
});

describe('malformed rows become findings at their cells', () => {
  it('reports rows without id or text, repeated ids and missing units', () => {
    const grid = ledgerGrid([
      SCI, // row 3
      row({ B: '区教体局', D: '推进教育评价改革' }), // row 4: no id
      row({ A: '3.04', B: '区科技局', D: '重复的编号' }), // row 5: repeats row 3
      row({ A: '7.01', B: '区司法局' }), // row 6: no text
      row({ A: '8.02', D: '深化财税领域改革' }), // row 7: no unit
    ]);
    const { ledger, findings } = read(grid);
    expect(ledger.subTasks.map((s) => s.id)).toEqual(['3.04', '8.02']);
    expect(codesAt(findings)).toEqual([
      ['ledger_id_missing', 'A4'],
      ['ledger_id_duplicate', 'A5'],
      ['ledger_text_missing', 'D6'],
      ['ledger_unit_missing', 'B7'],
    ]);
    expect(findings[0]?.params).toEqual({ row: 4 });
    expect(findings[1]?.params).toEqual({ id: '3.04', first: 3 });
  });

  it('reports office columns it cannot use, and keeps the text targets then', () => {
    const grid = ledgerGrid([
      row({ A: '1', B: '甲', D: '新增城镇就业7200人', G: '待定' }), // row 3
      row({ A: '2', B: '甲', D: '新增城镇就业7200人', G: '7200、800' }), // row 4
      row({ A: '3', B: '甲', D: '新增城镇就业7200人', G: 7200, H: '元' }), // row 5: 人 vs 元
      row({ A: '4', B: '甲', D: '新增城镇就业7200人', F: '大约', G: 7000 }), // row 6
      row({ A: '5', B: '甲', D: '新增城镇就业7200人', I: '尽快' }), // row 7
    ]);
    const { ledger, findings } = read(grid);
    expect(codesAt(findings)).toEqual([
      ['ledger_target_unreadable', 'G3'],
      ['ledger_target_count_mismatch', 'G4'],
      ['ledger_measure_unit_mismatch', 'H5'],
      ['ledger_comparator_unknown', 'F6'],
      ['ledger_deadline_unreadable', 'I7'],
    ]);
    expect(findings[1]?.params).toEqual({ id: '2', count: 2, expected: 1 });
    // Rows 3–5 keep 7200 from the text; row 6's 目标值 7000 still applies (only the comparator was unusable).
    expect(ledger.subTasks.map((s) => s.indicators[0]?.value)).toEqual([7200, 7200, 7200, 7000, 7200]);
    expect(ledger.subTasks[4]?.deadline).toBeNull();
  });

  it('reports actual lists that do not match the targets, matching what it can in order', () => {
    const grid = ledgerGrid([
      row({
        A: '3.04',
        B: '区科技局',
        D: '国家高新技术企业、科技型中小企业分别突破190家、240家',
        H: '家',
        L: 168,
      }),
      row({ A: '9.01', B: '区人社局', D: '新增城镇就业7200人', H: '人', L: '4496、12' }),
    ]);
    const { ledger, findings } = read(grid);
    expect(codesAt(findings)).toEqual([
      ['ledger_actual_count_mismatch', 'L3'],
      ['ledger_actual_count_mismatch', 'L4'],
    ]);
    expect(findings.map((f) => f.params)).toEqual([
      { id: '3.04', count: 1, expected: 2 },
      { id: '9.01', count: 2, expected: 1 },
    ]);
    expect(ledger.progress.get('3.04')?.indicatorActuals?.map((a) => a?.actual.value ?? null)).toEqual([
      '168家',
      null,
    ]);
    expect(ledger.progress.get('9.01')?.actual?.value).toBe('4496人');
  });

  it('reports a ledger without a plan year, and one without rows', () => {
    const noYear = readLedger(ledgerGrid([row({ A: '1', B: '甲', D: '推进改革' })], { title: null }));
    expect(noYear.ledger?.planYear).toBeNull();
    expect(codesAt(noYear.findings)).toEqual([['ledger_plan_year_missing', 'A1']]);
    const empty = readLedger(ledgerGrid([]));
    expect(empty.ledger?.subTasks).toEqual([]);
    expect(codesAt(empty.findings)).toEqual([['ledger_empty', 'A2']]);
  });

  it('takes the plan year from the 完成时限 dates when the title has none', () => {
    const grid = ledgerGrid([row({ A: '1', B: '甲', D: '推进改革', I: '2023-06-30' })], {
      title: '重点工作任务台账',
    });
    expect(read(grid).ledger.planYear).toBe(2023);
  });

  it('does not take an implausible year from a stray number in 完成时限 (serial 109940 is a day in 2201)', () => {
    const { ledger, findings } = readLedger(
      ledgerGrid([row({ A: '1', B: '甲', D: '推进改革', I: 109940 })], { title: null }),
    );
    expect(ledger?.planYear).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['ledger_plan_year_missing']);
  });

  it('reports a repeated header column and reads the first', () => {
    const header = [...HEADER, '进展情况'];
    const grid: Grid = { sheet: SHEET, origin: { row: 0, col: 0 }, cells: [['2024年台账'], header, SCI] };
    const { ledger, findings } = readLedger(grid, { asOf: '2024-06-30' });
    expect(codesAt(findings)).toEqual([['ledger_column_duplicate', 'W2']]);
    expect(ledger?.progress.get('3.04')?.text?.at).toEqual(at('R3'));
  });

  it('renders every ledger finding with its cell and parameters filled, in both languages', () => {
    const grid = ledgerGrid([
      SCI,
      row({ B: '区教体局', D: '推进教育评价改革' }),
      row({ A: '3.04', B: '区科技局', D: '重复' }),
      row({ A: '7.01', B: '区司法局' }),
      row({ A: '8.02', D: '深化财税领域改革', G: '待定' }),
      row({ A: '1', B: '甲', D: '新增城镇就业7200人', G: '7200、800' }),
      row({ A: '2', B: '甲', D: '新增城镇就业7200人', G: 7200, H: '元' }),
      row({ A: '3', B: '甲', D: '新增城镇就业7200人', F: '大约', G: 7000, I: '尽快', J: '1、2' }),
    ]);
    const { findings } = readLedger(grid, { asOf: '2024-03-31' });
    // Every ledger code but the sheet-level ones (plan year, empty, duplicate column) tested above.
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set([
        'ledger_quarter_not_started',
        'ledger_id_missing',
        'ledger_id_duplicate',
        'ledger_text_missing',
        'ledger_unit_missing',
        'ledger_target_unreadable',
        'ledger_target_count_mismatch',
        'ledger_measure_unit_mismatch',
        'ledger_comparator_unknown',
        'ledger_deadline_unreadable',
        'ledger_actual_count_mismatch',
      ]),
    );
    for (const f of findings) {
      const zh = renderFinding(f, 'zh');
      const en = renderFinding(f, 'en');
      // An unfilled placeholder: '{id}' ✓, '{count}' ✓; '｛id｝' ✗
      expect(`${zh.message}${zh.fix}${en.message}${en.fix}`, f.code).not.toMatch(/\{\w+\}/);
      expect(zh.message, f.code).toContain(zh.cell ?? '');
    }
  });
});
