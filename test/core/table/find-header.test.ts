/**
 * Header detection: where the header is, which column plays which role, and the table-wide rules
 * (co-units, leader vs owner, numeric targets, ambiguity, user override and header row).
 */
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../../src/core/errors.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { readTable } from '../../../src/core/table/read-table.ts';
import type { ColumnRole, ReadTable } from '../../../src/core/table-model.ts';
import type { RawCell } from '../../../src/core/grid.ts';
import { at, makeGrid } from './fixtures/grid-builder.ts';

function table(cells: RawCell[][], options: Parameters<typeof readTable>[1] = {}): ReadTable {
  const result = readTable(makeGrid(cells), options);
  if (!result.table) throw new Error(`no table: ${JSON.stringify(result.findings)}`);
  return result.table;
}

function roles(t: ReadTable): [ColumnRole, number][] {
  return t.columns.map((c) => [c.role, c.col]);
}

describe('where the header is', () => {
  it('finds a header at row 13 below a document number, a notice and a two-line title', () => {
    const t = table([
      ['泰政办发〔2024〕3号'],
      [],
      ['泰安市泰山区人民政府办公室'],
      ['关于印发泰山区重点工作任务责任分解方案的通知'],
      [],
      ['各街道办事处，区政府各部门：'],
      [
        '现将《泰山区重点工作任务责任分解方案》印发给你们，请结合实际认真抓好贯彻落实，并于每季度末将进展情况报送区政府督查室。',
      ],
      [],
      ['附件2'],
      [],
      ['泰山区二〇二四年重点工作'],
      ['任务责任分解表', null, null, null, '单位：万元'],
      ['序  号', '责任单位', '工作任务', '完成时限', '责任人'],
      [1, '区发改局', '完成投资200亿元以上。', '12月底前', '陈学刚'],
    ]);
    expect(t.headerRow).toBe(12);
    expect(t.title).toBe('泰山区二〇二四年重点工作任务责任分解表');
    expect(t.planYear).toBe(2024);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['deadline', 3],
      ['owner', 4],
    ]);
    expect(t.rows).toHaveLength(1);
  });

  it('takes the plan year from a notice line when the title has none, never from a document number', () => {
    const withNotice = table([
      ['关于分解落实2023年《政府工作报告》重点工作任务的通知'],
      ['附件'],
      ['重点工作任务分解表'],
      ['序号', '责任单位', '目标任务', '责任人'],
      [1, '区教体局', '完成4所幼儿园建设。', '周　栋'],
    ]);
    expect(withNotice.title).toBe('重点工作任务分解表');
    expect(withNotice.planYear).toBe(2023);
    const docNumberOnly = table([
      ['泰政办发〔2024〕3号'],
      ['重点工作任务分解表'],
      ['序号', '责任单位', '目标任务', '责任人'],
      [1, '区教体局', '完成4所幼儿园建设。', '周　栋'],
    ]);
    expect(docNumberOnly.title).toBe('重点工作任务分解表');
    expect(docNumberOnly.planYear).toBeNull();
  });

  it('tolerates spaces, line breaks and full-width characters in header text', () => {
    const t = table([
      ['２０２４年民生实事任务表'],
      [
        'ＮＯ．',
        '责任\n单位',
        '目　标　任　务',
        '目标值（万元）',
        '完成值(万元)',
        '完成目标（％）',
        '进 展 情 况',
      ],
      [1, '区住建局', '改造老旧小区82个', 15000, 9000, 60, '已开工60个'],
    ]);
    expect(t.planYear).toBe(2024);
    expect(t.columns.map((c) => [c.role, c.col, c.measureUnit])).toEqual([
      ['serial', 0, null],
      ['unit', 1, null],
      ['target', 2, null],
      ['planValue', 3, '万元'],
      ['actual', 4, '万元'],
      ['completionRate', 5, '%'],
      ['progress', 6, null],
    ]);
    expect(t.columns[1]?.headerText).toBe('责任\n单位');
    expect(t.rows[0]?.fields.planValue?.value).toBe(15000);
  });

  it('reads 完成情况 as progress text, never as the number 完成值, and ignores 序时进度 and 计量单位', () => {
    const t = table([
      ['序号', '责任单位', '目标任务', '计量单位', '目标任务完成情况', '序时进度', '备注'],
      [1, '区交运局', '新改建“四好农村路”40公里', '公里', '已完成12公里', '25%', null],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['progress', 4],
      ['remark', 6],
    ]);
  });

  it('reports where it looked when no header is found', () => {
    const prose: RawCell[][] = Array.from({ length: 40 }, (_, i) => [`第${i + 1}段说明文字`]);
    const result = readTable(makeGrid(prose, [], 'Sheet1'));
    expect(result.table).toBeNull();
    expect(result.findings).toHaveLength(1);
    const f = result.findings[0];
    expect(f?.code).toBe('table_not_found');
    expect(f?.severity).toBe('error');
    expect(f?.params).toEqual({ sheet: 'Sheet1', firstRow: 1, lastRow: 30 });
    if (!f) return;
    expect(renderFinding(f, 'zh').message.startsWith('在工作表“Sheet1”的第1–30行中未找到表头')).toBe(true);
    expect(
      renderFinding(f, 'en').message.startsWith('No header row found in rows 1–30 of sheet "Sheet1"'),
    ).toBe(true);
  });

  it('names the rows it searched on a short sheet, and needs a unit-ish and a target-ish column', () => {
    const result = readTable(
      makeGrid([['序号', '目标任务', '完成时限'], [1, '推进职工医保改革', '6月底前'], [], [], []]),
    );
    expect(result.table).toBeNull();
    expect(result.findings[0]?.params).toEqual({ sheet: '表1', firstRow: 1, lastRow: 5 });
  });

  it('does not take a data row for the header', () => {
    // Row 3 holds a unit and a short target that contains header words; the real header is row 1.
    const t = table([
      ['单位', '任务'],
      ['岱庙街道', '完成年度目标任务'],
      ['上高街道', '帅迪复工复产。'],
    ]);
    expect(t.headerRow).toBe(0);
    expect(t.rows.map((r) => r.units[0])).toEqual(['岱庙街道', '上高街道']);
  });
});

describe('table-wide column rules', () => {
  it('reads 责任单位 as co-units when a 牵头单位 column exists', () => {
    const t = table([
      ['序号', '牵头单位', '责任单位', '目标任务', '责任人'],
      [1, '区发改局', '区财政局、区税务局', '实施重点建设项目120个以上。', '陈学刚'],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['coUnit', 2],
      ['target', 3],
      ['owner', 4],
    ]);
    expect(t.rows[0]?.units).toEqual(['区发改局']);
    expect(t.rows[0]?.coUnits).toEqual(['区财政局', '区税务局']);
    expect(t.findings).toEqual([]);
  });

  it('reads 配合单位 as co-units next to 责任单位', () => {
    const t = table([
      ['序号', '责任单位', '配合单位', '目标任务'],
      [1, '区住建局', '区自然资源局', '完成泮河大街东延征地拆迁任务。'],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['coUnit', 2],
      ['target', 3],
    ]);
  });

  it('keeps leader and contact apart from the owner when a 责任人 column exists', () => {
    const t = table([
      ['序号', '责任单位', '目标任务', '责任领导', '责任人', '联络员'],
      [1, '区商务局', '社会消费品零售总额增长6%左右。', '张副区长', '孙  超', '李四'],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['leader', 3],
      ['owner', 4],
      ['contact', 5],
    ]);
    expect(t.rows[0]?.owners.map((p) => p.key)).toEqual(['孙超']);
    expect(t.rows[0]?.fields.leader?.value).toBe('张副区长');
  });

  it('reads 分管领导 as the owner when there is no 责任人 column, and 联系人 stays the contact', () => {
    const t = table([
      ['序号', '责任单位', '目标任务', '分管领导', '联系人'],
      [1, '区卫健局', '争创全国基层中医药工作示范区。', '方  明', '王五'],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['owner', 3],
      ['contact', 4],
    ]);
    expect(t.rows[0]?.owners.map((p) => p.display)).toEqual(['方  明']);
  });

  it('reads 联系人 as the owner when it is the only person column', () => {
    const t = table([
      ['责任单位', '目标任务', '联系人'],
      ['区医保局', '推进职工医保改革。', '马  琳'],
    ]);
    expect(roles(t)).toEqual([
      ['unit', 0],
      ['target', 1],
      ['owner', 2],
    ]);
  });

  it('reads a numeric 目标任务 column as the plan value beside a named indicator', () => {
    const t = table([
      ['序号', '责任单位', '指标名称', '目标任务', '完成值', '完成率'],
      [1, '区人社局', '城镇新增就业', 7200, 4496, '62.4%'],
      [2, '区人社局', '开发城镇公益性岗位', '240', '120', '50%'],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['planValue', 3],
      ['actual', 4],
      ['completionRate', 5],
    ]);
    expect(t.rows[0]?.target?.value).toBe('城镇新增就业');
    expect(t.rows[1]?.fields.planValue?.value).toBe('240');
  });

  it('reads a 进度 column written in words as progress text', () => {
    const t = table([
      ['序号', '责任单位', '目标任务', '进度'],
      [1, '区交运局', '新改建“四好农村路”40公里。', '已完成路基工程，正在铺设路面'],
    ]);
    expect(roles(t)).toContainEqual(['progress', 3]);
  });

  it('reports two columns claiming one role and keeps the first', () => {
    const t = table([
      ['序号', '责任单位', '目标任务', '责任部门', '责任人'],
      [1, '区发改局', '完成投资200亿元以上。', '区发改局', '陈学刚'],
    ]);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['owner', 4],
    ]);
    expect(t.findings).toEqual([
      {
        code: 'header_ambiguous',
        severity: 'warning',
        at: at('D1'),
        params: { roleZh: '责任单位', roleEn: 'responsible unit', kept: '表1!B1', dropped: '表1!D1' },
      },
    ]);
  });

  it('prefers an exactly named column over one that only contains the word', () => {
    const t = table([
      ['序号', '年度工作任务', '责任单位', '工作任务', '责任人'],
      [1, '稳增长', '区发改局', '完成投资200亿元以上。', '陈学刚'],
    ]);
    expect(t.columns.find((c) => c.role === 'target')?.col).toBe(3);
    expect(t.findings.map((f) => f.params['dropped'])).toEqual(['表1!B1']);
  });
});

describe('user choices', () => {
  const cells: RawCell[][] = [
    ['序号', '责任单位', '目标任务', '备注'],
    [1, '区发改局', '完成投资200亿元以上。', '陈学刚'],
  ];

  it('pins a role to a column, taking it from the role it had', () => {
    const t = table(cells, { override: { owner: 3 } });
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['owner', 3],
    ]);
    const owner = t.columns.find((c) => c.role === 'owner');
    expect(owner?.header).toEqual(at('D1'));
    expect(owner?.headerText).toBe('备注');
    expect(t.rows[0]?.owners.map((p) => p.key)).toEqual(['陈学刚']);
  });

  it('drops a role set to null', () => {
    const t = table(cells, { override: { serial: null } });
    expect(roles(t)).toEqual([
      ['unit', 1],
      ['target', 2],
      ['remark', 3],
    ]);
    expect(t.rows[0]?.serial).toBeNull();
  });

  it('reads an unrecognisable header when the user names the row and the columns', () => {
    const odd: RawCell[][] = [
      ['2024年工作清单'],
      ['No', '部门名称', '事项', '经办'],
      [1, '区医保局', '推进职工医保改革。', '马  琳'],
    ];
    expect(readTable(makeGrid(odd)).table).toBeNull();
    const t = table(odd, { headerRow: 1, override: { unit: 1, target: 2, owner: 3 } });
    expect(t.headerRow).toBe(1);
    expect(roles(t)).toEqual([
      ['serial', 0],
      ['unit', 1],
      ['target', 2],
      ['owner', 3],
    ]);
    expect(t.rows[0]?.units).toEqual(['区医保局']);
    expect(t.rows[0]?.owners[0]?.key).toBe('马琳');
  });

  it('reports a chosen header row with nothing recognisable', () => {
    const result = readTable(
      makeGrid([
        ['甲', '乙'],
        ['丙', '丁'],
      ]),
      { headerRow: 1 },
    );
    expect(result.table).toBeNull();
    expect(result.findings).toEqual([
      { code: 'header_row_unrecognised', severity: 'error', at: at('A2'), params: { sheet: '表1', row: 2 } },
    ]);
  });

  it('throws only for malformed options', () => {
    expect(() => readTable(makeGrid(cells), { headerRow: -1 })).toThrow(DubanError);
    expect(() => readTable(makeGrid(cells), { headerRow: 1.5 })).toThrow(DubanError);
    expect(() => readTable(makeGrid(cells), { override: { owner: -2 } })).toThrow(DubanError);
    expect(() => readTable(makeGrid(cells), { override: { boss: 1 } as never })).toThrow(DubanError);
    expect(readTable(makeGrid(cells), { headerRow: 99 }).findings[0]?.code).toBe('header_row_unrecognised');
  });
});
