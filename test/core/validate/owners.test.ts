import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import {
  SEED_LAYOUT,
  buildBreakdown,
  buildGrid,
  buildTable,
  only,
  person,
  ref,
  role,
  summary,
  type RowSpec,
} from './fixtures.ts';

const OWNER_CODES = [
  'owner_missing',
  'owner_is_unit_name',
  'owner_name_has_digits',
  'owner_name_has_latin',
  'owner_name_has_symbols',
  'owner_name_too_long',
  'owner_name_too_short',
  'owner_conflict',
  'owner_multiple_units',
  'owner_spaces_normalised',
];

/** Rows 2, 3, … of the sheet (the user's rows 3, 4, …) from [serial, unit, target, owner] cells. */
function run(data: RawCell[][], specs: Omit<RowSpec, 'row'>[], layout = SEED_LAYOUT) {
  const grid = buildGrid(layout, data);
  const table = buildTable(
    grid,
    layout,
    specs.map((s, i) => ({ row: i + 2, ...s })),
  );
  return only(validateTable({ grid, table, breakdown: buildBreakdown(table) }), ...OWNER_CODES);
}

describe('owner_missing', () => {
  it('reports a blank owner cell as an error at that cell', () => {
    const f = run([[1, '区教体局', '完成4所幼儿园建设', null]], [{ owners: [] }]);
    expect(summary(f)).toEqual(['owner_missing@D3']);
    expect(f[0]?.severity).toBe('error');
  });

  it('reports an owner cell holding only a dash', () => {
    const f = run([[1, '区教体局', '完成4所幼儿园建设', '—']], [{ owners: [] }]);
    expect(summary(f)).toEqual(['owner_missing@D3']);
  });

  it('does not report a filled owner or a role', () => {
    const f = run(
      [
        [1, '区教体局', '完成4所幼儿园建设', '周栋'],
        [2, '区工业推进委', '开展“飞地”园区攻坚提质行动', '各产业链\n组长'],
      ],
      [{ owners: [person('周栋')] }, { owners: [role('各产业链\n组长', '各产业链组长')] }],
    );
    expect(f).toEqual([]);
  });

  it('does not report rows of a table without an owner column', () => {
    const layout = { serial: 0, unit: 1, target: 2 };
    const f = run([[1, '区教体局', '完成4所幼儿园建设']], [{ owners: [] }], layout);
    expect(f).toEqual([]);
  });

  it('leaves an error value in the owner cell to the number checks', () => {
    const grid = buildGrid(SEED_LAYOUT, [[1, '区教体局', '推进教育评价改革', { error: '#N/A' }]]);
    const table = buildTable(grid, SEED_LAYOUT, [{ row: 2, owners: [] }]);
    const f = validateTable({ grid, table, breakdown: buildBreakdown(table) });
    expect(summary(only(f, ...OWNER_CODES, 'cell_error_value'))).toEqual(['cell_error_value@D3']);
  });
});

describe('owner names that are not a person', () => {
  it('flags a unit name in the owner column', () => {
    const f = run([[1, '区财政局', '深化财税领域改革', '区财政局']], [{ owners: [person('区财政局')] }]);
    expect(summary(f)).toEqual(['owner_is_unit_name@D3']);
    expect(f[0]?.params).toEqual({ name: '区财政局' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('flags another row’s unit written as an owner, and a 3-character 财政局', () => {
    const f = run(
      [
        [1, '康平纳专班', '加快康平纳重整盘活', '王国然'],
        [2, '区金融发展服务中心', '促上市', '康平纳专班'],
        [3, '区财政局', '深化财税领域改革', '财政局'],
      ],
      [{ owners: [person('王国然')] }, { owners: [person('康平纳专班')] }, { owners: [person('财政局')] }],
    );
    expect(summary(f)).toEqual(['owner_is_unit_name@D4', 'owner_is_unit_name@D5']);
  });

  it('does not take a two-character colloquial 张局 for a unit', () => {
    const f = run([[1, '区财政局', '深化财税领域改革', '张局']], [{ owners: [person('张局')] }]);
    expect(f).toEqual([]);
  });

  it('flags digits, but not Chinese numerals in a name', () => {
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革', '张三13805381234'],
        [2, '区民政局', '提升“一老一小”服务水平', '张三'],
      ],
      [{ owners: [person('张三13805381234')] }, { owners: [person('张三')] }],
    );
    expect(summary(f)).toEqual(['owner_name_has_digits@D3']);
    expect(f[0]?.params).toEqual({ name: '张三13805381234' });
  });

  it('flags full-width digits too', () => {
    const f = run([[1, '区教体局', '推进教育评价改革', '王五１']], [{ owners: [person('王五１', '王五1')] }]);
    expect(summary(f)).toEqual(['owner_name_has_digits@D3']);
  });

  it('flags Latin letters, not a Chinese name', () => {
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革', 'Li Ming'],
        [2, '区民政局', '发展社区基金', '李明'],
      ],
      [{ owners: [person('Li Ming', 'LiMing')] }, { owners: [person('李明')] }],
    );
    expect(summary(f)).toEqual(['owner_name_has_latin@D3']);
    expect(f[0]?.params).toEqual({ name: 'Li Ming' });
  });

  it('flags symbols, but allows the middle dot of a transliterated name', () => {
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革', '张三;李四'],
        [2, '区民政局', '发展社区基金', '买买提·艾力'],
      ],
      [{ owners: [person('张三;李四')] }, { owners: [person('买买提·艾力')] }],
    );
    expect(summary(f)).toEqual(['owner_name_has_symbols@D3']);
  });

  it('flags a text longer than 4 characters that is not a role, with its length', () => {
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革', '张三李四王五'],
        [2, '区民政局', '发展社区基金', '欧阳娜娜'],
        [3, '区应急管理局', '抓好防灾救灾减灾工作', '分管副区长'],
      ],
      [
        { owners: [person('张三李四王五')] },
        { owners: [person('欧阳娜娜')] },
        { owners: [person('分管副区长')] },
      ],
    );
    expect(summary(f)).toEqual(['owner_name_too_long@D3']);
    expect(f[0]?.params).toEqual({ name: '张三李四王五', length: 6 });
  });

  it('flags a single character (a surname alone)', () => {
    const f = run(
      [
        [1, '区教体局', '推进教育评价改革', '张'],
        [2, '区民政局', '发展社区基金', '张力'],
      ],
      [{ owners: [person('张')] }, { owners: [person('张力')] }],
    );
    expect(summary(f)).toEqual(['owner_name_too_short@D3']);
  });

  it('judges owner text the reader could not split into people', () => {
    const f = run([[1, '区教体局', '推进教育评价改革', '王五？']], [{ owners: [] }]);
    expect(summary(f)).toEqual(['owner_name_has_symbols@D3']);
  });

  it('checks deputies too, and accepts 宋杰（宋海峰/亓子超）', () => {
    const ok = run(
      [[1, '市公安局泰山分局', '深化“融治理”机制', '宋杰（宋海峰/亓子超）']],
      [{ owners: [person('宋杰', '宋杰', { deputies: [person('宋海峰'), person('亓子超')] })] }],
    );
    expect(ok).toEqual([]);
    const bad = run(
      [[1, '市公安局泰山分局', '深化“融治理”机制', '宋杰（宋海峰/Tom）']],
      [{ owners: [person('宋杰', '宋杰', { deputies: [person('宋海峰'), person('Tom')] })] }],
    );
    expect(summary(bad)).toEqual(['owner_name_has_latin@D3']);
  });

  it('treats a post the reader did not flag as a role (各… / …负责人)', () => {
    const f = run(
      [
        [1, '区工业推进委', '开展“飞地”园区攻坚提质行动', '各产业链组长'],
        [2, '各街道', '抓好安全生产', '各街道主要负责人'],
      ],
      [{ owners: [person('各产业链组长')] }, { owners: [person('各街道主要负责人')] }],
    );
    expect(f).toEqual([]);
  });
});

describe('owner_conflict', () => {
  it('warns when one unit has different owners in different rows, naming the first row', () => {
    const f = run(
      [
        [1, '区财政局', '一般公共预算收入增长5.6%左右', '武永明'],
        [2, '区教体局', '推进教育评价改革', '周栋'],
        [3, '区财政局', '深化财税领域改革', '王立军'],
      ],
      [{ owners: [person('武永明')] }, { owners: [person('周栋')] }, { owners: [person('王立军')] }],
    );
    expect(summary(f)).toEqual(['owner_conflict@D5']);
    expect(f[0]?.params).toEqual({
      unit: '区财政局',
      owner: '王立军',
      otherOwner: '武永明',
      otherCell: '分解表!D3',
    });
  });

  it('does not warn when the owners overlap or are the same person written with spaces', () => {
    const f = run(
      [
        [1, '区财政局', '一般公共预算收入增长5.6%左右', '武永明'],
        [2, '区财政局', '深化财税领域改革', '武永明、王立军'],
        [3, '区教体局', '完成4所幼儿园建设', '周　栋'],
        [4, '区教体局', '推进教育评价改革', '周栋'],
      ],
      [
        { owners: [person('武永明')] },
        { owners: [person('武永明'), person('王立军')] },
        { owners: [person('周　栋', '周栋')] },
        { owners: [person('周栋')] },
      ],
    );
    expect(summary(only(f, 'owner_conflict'))).toEqual([]);
  });

  it('does not warn when the unit cell is merged over the rows (each task its own owner by design)', () => {
    const f = run(
      [
        [1, '区财政局', '一般公共预算收入增长5.6%左右', '武永明'],
        [2, null, '深化财税领域改革', '王立军'],
      ],
      [
        { owners: [person('武永明')] },
        { owners: [person('王立军')], units: ['区财政局'], from: { unit: ref(2, 1) } },
      ],
    );
    expect(summary(only(f, 'owner_conflict'))).toEqual([]);
  });
});

describe('owner_multiple_units', () => {
  it('notes one person owning several units, at the first owner cell', () => {
    const f = run(
      [
        [12, '区交运局', '新改建“四好农村路”40公里', '孙大伟'],
        [13, '区水利局', '深度节水控水', '张永'],
        [14, '济枣高铁指挥部', '全力做好济枣高铁项目征迁', '孙大伟'],
      ],
      [{ owners: [person('孙大伟')] }, { owners: [person('张永')] }, { owners: [person('孙大伟')] }],
    );
    expect(summary(f)).toEqual(['owner_multiple_units@D3']);
    expect(f[0]?.severity).toBe('info');
    expect(f[0]?.params).toEqual({ owner: '孙大伟', units: '区交运局、济枣高铁指挥部', count: 2 });
  });

  it('does not note a person owning several rows of one unit, nor a role over several units', () => {
    const f = run(
      [
        [1, '区交运局', '新改建“四好农村路”40公里', '孙大伟'],
        [2, '区交运局', '紧盯交通运输领域安全生产', '孙大伟'],
        [3, '甲专班', '加快甲项目', '各产业链组长'],
        [4, '乙专班', '加快乙项目', '各产业链组长'],
      ],
      [
        { owners: [person('孙大伟')] },
        { owners: [person('孙大伟')] },
        { owners: [role('各产业链组长', '各产业链组长')] },
        { owners: [role('各产业链组长', '各产业链组长')] },
      ],
    );
    expect(f).toEqual([]);
  });
});

describe('owner_spaces_normalised', () => {
  it('notes spaces inside a name and what it was read as', () => {
    const f = run(
      [
        [2, '区教体局', '推进教育评价改革', '周　栋'],
        [3, '区科技局', '扎实推进“双十工程”', '陈  莹'],
      ],
      [{ owners: [person('周　栋', '周栋')] }, { owners: [person('陈  莹', '陈莹')] }],
    );
    expect(summary(f)).toEqual(['owner_spaces_normalised@D3', 'owner_spaces_normalised@D4']);
    expect(f[0]?.params).toEqual({ name: '周　栋', normalised: '周栋' });
    expect(f[0]?.severity).toBe('info');
  });

  it('does not note a name without spaces, nor a role broken over two lines', () => {
    const f = run(
      [
        [2, '区教体局', '推进教育评价改革', '周栋'],
        [4, '区工业推进委', '开展“飞地”园区攻坚提质行动', '各产业链\n组长'],
      ],
      [{ owners: [person('周栋')] }, { owners: [role('各产业链\n组长', '各产业链组长')] }],
    );
    expect(f).toEqual([]);
  });
});

describe('rendering owner findings', () => {
  it('names the sheet and cell in both languages', () => {
    const f = run(
      [
        [1, '区财政局', '一般公共预算收入增长5.6%左右', '武永明'],
        [2, '区财政局', '深化财税领域改革', '王立军'],
        [3, '区教体局', '推进教育评价改革', null],
      ],
      [{ owners: [person('武永明')] }, { owners: [person('王立军')] }, { owners: [] }],
    );
    const conflict = f.find((x) => x.code === 'owner_conflict');
    const missing = f.find((x) => x.code === 'owner_missing');
    if (!conflict || !missing) throw new Error('expected both findings');
    const zh = renderFinding(conflict, 'zh');
    const en = renderFinding(conflict, 'en');
    expect(zh.cell).toBe('分解表!D4');
    expect(zh.message).toBe(
      '分解表!D4：“区财政局”的责任人是“王立军”，而 分解表!D3 同一单位的责任人是“武永明”。',
    );
    expect(en.message).toBe('分解表!D4: the owner of "区财政局" is "王立军" here but "武永明" in 分解表!D3.');
    expect(zh.fix).toContain('分解表!D4');
    expect(en.fix).toContain('分解表!D3');
    expect(renderFinding(missing, 'zh').message).toBe('分解表!D5：这一行没有填写责任人。');
    expect(renderFinding(missing, 'en').message).toBe(
      '分解表!D5: no owner (责任人) is filled in for this row.',
    );
    expect(renderFinding(missing, 'en').fix).toContain('分解表!D5');
  });
});
