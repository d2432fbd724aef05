/**
 * Reading the rows below the header: what is a task, what is skipped (blank rows, page marks, repeated
 * headers, notes, signatures, dates), merged cells, totals and section headings.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/core/table/read-table.ts';
import type { ReadTable } from '../../../src/core/table-model.ts';
import type { CellRange, RawCell } from '../../../src/core/grid.ts';
import { at, makeGrid, merge } from './fixtures/grid-builder.ts';

function table(cells: RawCell[][], merges: CellRange[] = []): ReadTable {
  const result = readTable(makeGrid(cells, merges));
  if (!result.table) throw new Error(`no table: ${JSON.stringify(result.findings)}`);
  return result.table;
}

const HEADER: RawCell[] = ['序号', '责任单位', '目标任务', '责任人'];

describe('rows that are not tasks', () => {
  const t = table([
    ['附件'],
    ['2024年重点工作任务分解表'],
    HEADER,
    [1, '区发改局', '固定资产投资增长8%左右。', '陈学刚'],
    [],
    [null, null, '—2—'],
    ['序号', '责任单位', '目   标   任   务', '责任人'],
    [2, '区教体局', '完成4所幼儿园建设。', '周　栋'],
    [null, '  ', null, null],
    ['注：本表由区政府督查室负责解释。'],
    [null, null, '泰安市泰山区人民政府办公室'],
    [null, null, '2024年2月8日'],
    [null, null, '- 3 -'],
    [null, null, null, '填报人：张三'],
  ]);

  it('reads only the two tasks', () => {
    expect(t.rows.map((r) => [r.row, r.serial?.value, r.units[0]])).toEqual([
      [3, '1', '区发改局'],
      [7, '2', '区教体局'],
    ]);
    expect(t.totals).toEqual([]);
  });

  it('says what it skipped, in row order', () => {
    expect(t.findings).toEqual([
      { code: 'repeated_header_skipped', severity: 'info', at: at('A7'), params: { row: 7 } },
      {
        code: 'footer_skipped',
        severity: 'info',
        at: at('A10'),
        params: { text: '注：本表由区政府督查室负责解释。' },
      },
      {
        code: 'footer_skipped',
        severity: 'info',
        at: at('C11'),
        params: { text: '泰安市泰山区人民政府办公室' },
      },
      { code: 'footer_skipped', severity: 'info', at: at('C12'), params: { text: '2024年2月8日' } },
      { code: 'footer_skipped', severity: 'info', at: at('D14'), params: { text: '填报人：张三' } },
    ]);
  });

  it('skips a repeated header far below the searched rows', () => {
    const cells: RawCell[][] = [HEADER];
    for (let i = 1; i <= 40; i++) cells.push([i, `单位${i}局`, `任务${i}`, '张三']);
    cells.push(['序 号', '责任单位', '目标任务', '责任人']);
    cells.push([41, '单位41局', '任务41', '李四']);
    const long = table(cells);
    expect(long.rows).toHaveLength(41);
    expect(long.findings).toEqual([
      { code: 'repeated_header_skipped', severity: 'info', at: at('A42'), params: { row: 42 } },
    ]);
  });

  it('keeps a row with a serial and a unit but no target (validation reports the empty target)', () => {
    const t2 = table([HEADER, [1, '区残联', null, '郭连武'], [null, null, null, '只有一个名字']]);
    expect(t2.rows).toHaveLength(1);
    expect(t2.rows[0]?.target).toBeNull();
    expect(t2.rows[0]?.fields.target?.at).toEqual(at('C2'));
  });

  it('warns when the header has no task rows below it', () => {
    const result = readTable(makeGrid([['标题'], HEADER, [], ['注：无']]));
    expect(result.table?.rows).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual(['footer_skipped', 'table_empty']);
    expect(result.findings[1]?.params).toEqual({ sheet: '表1', row: 2 });
  });
});

describe('merged cells', () => {
  const t = table(
    [
      HEADER,
      [1, '区住建局', '新建绿色建筑占比达到95%以上。', '吴广庆'],
      [2, null, '完成5个社区村回迁安置。', null],
      [3, null, '紧盯建筑施工领域安全生产。', null],
      [4, '区财政局', '深化财税领域改革。', '武永明'],
      [5, '区税务局', null, '王立军'],
      [6, '区交运局', '新改建“四好农村路”40公里。', '孙大伟'],
      [7, null, '紧盯交通运输领域安全生产。', null],
    ],
    [merge('B2', 'B4'), merge('D2', 'D4'), merge('C5', 'C6')],
  );

  it('gives a merged unit and owner to every row they span, at the top-left cell', () => {
    const merged = t.rows.slice(0, 3);
    expect(merged.map((r) => r.row)).toEqual([1, 2, 3]);
    for (const r of merged) {
      expect(r.units).toEqual(['区住建局']);
      expect(r.unitCell?.at).toEqual(at('B2'));
      expect(r.unitCell?.value).toBe('区住建局');
      expect(r.owners.map((p) => p.key)).toEqual(['吴广庆']);
      expect(r.ownerCell?.at).toEqual(at('D2'));
    }
    expect(merged.map((r) => r.target?.at)).toEqual([at('C2'), at('C3'), at('C4')]);
  });

  it('gives a merged target to both units it spans', () => {
    const [fin, tax] = [t.rows[3], t.rows[4]];
    expect(fin?.units).toEqual(['区财政局']);
    expect(tax?.units).toEqual(['区税务局']);
    expect(tax?.target?.value).toBe('深化财税领域改革。');
    expect(tax?.target?.at).toEqual(at('C5'));
  });

  it('does not guess a blank unit from the row above when there is no merge', () => {
    const last = t.rows[6];
    expect(last?.row).toBe(7);
    expect(last?.units).toEqual([]);
    expect(last?.unitCell).toBeNull();
    expect(last?.owners).toEqual([]);
    expect(last?.fields.unit).toEqual({ value: null, at: at('B8'), raw: null });
  });

  it('gives a merged serial and category to every row', () => {
    const t2 = table(
      [
        ['类别', '序号', '责任单位', '目标任务'],
        ['经济发展', 1, '区科技局', '打造市级以上科技平台10家。'],
        [null, null, '区工信局', '建设“晨星工厂”5家以上。'],
      ],
      [merge('A2', 'A3'), merge('B2', 'B3')],
    );
    expect(t2.rows.map((r) => [r.serial?.value, r.serial?.at, r.category])).toEqual([
      ['1', at('B2'), '经济发展'],
      ['1', at('B2'), '经济发展'],
    ]);
  });
});

describe('totals and sections', () => {
  it('keeps total rows apart from units', () => {
    const t = table([
      ['序号', '责任单位', '指标', '目标值', '完成值'],
      [1, '区人社局', '城镇新增就业', 7200, 4496],
      [2, '区就业服务中心', '新增技能人才', 2700, 1500],
      ['合  计', null, null, 9900, 5996],
    ]);
    expect(t.rows.map((r) => r.units[0])).toEqual(['区人社局', '区就业服务中心']);
    expect(t.totals).toHaveLength(1);
    expect(t.totals[0]?.row).toBe(3);
    expect(t.totals[0]?.fields.planValue?.value).toBe(9900);
  });

  it('reads section headings as the category of the rows below them', () => {
    const t = table(
      [
        HEADER,
        ['一、稳增长'],
        [1, '区发改局', '地区生产总值增长5.5%以上。', '陈学刚'],
        ['（二）惠民生'],
        [2, '区民政局', '实施基层社会救助能力提升工程。', '李惠清'],
        ['社会治理'],
        [3, '区信访局', '推进信访工作法治化。', '刘传勇'],
      ],
      [merge('A2', 'D2'), merge('A6', 'D6')],
    );
    expect(t.rows.map((r) => [r.units[0], r.category])).toEqual([
      ['区发改局', '一、稳增长'],
      ['区民政局', '（二）惠民生'],
      ['区信访局', '社会治理'],
    ]);
    expect(t.findings).toEqual([]);
  });

  it('treats a lone numbered line under a merged unit as that unit’s task, not a heading', () => {
    const t = table(
      [HEADER, [1, '区发改局', '稳增长。', '陈学刚'], [null, null, '一、扩大有效投资。', null]],
      [merge('B2', 'B3'), merge('A2', 'A3'), merge('D2', 'D3')],
    );
    expect(t.rows).toHaveLength(2);
    expect(t.rows[1]?.target?.value).toBe('一、扩大有效投资。');
    expect(t.rows[1]?.category).toBeNull();
  });
});

describe('two-level long header', () => {
  it('reads the sub-columns of a known parent as ordinary columns', () => {
    const t = table(
      [
        ['序号', '责任单位', '目标任务', '完成情况', null, '备注'],
        [null, null, null, '完成值', '完成率', null],
        [1, '区交运局', '新改建“四好农村路”40公里。', 34.1, '85.3%', null],
      ],
      [merge('A1', 'A2'), merge('B1', 'B2'), merge('C1', 'C2'), merge('D1', 'E1'), merge('F1', 'F2')],
    );
    expect(t.layout).toBe('long');
    expect(t.headerRowCount).toBe(2);
    expect(t.columns.map((c) => [c.role, c.col, c.header])).toEqual([
      ['serial', 0, at('A1')],
      ['unit', 1, at('B1')],
      ['target', 2, at('C1')],
      ['actual', 3, at('D2')],
      ['completionRate', 4, at('E2')],
      ['remark', 5, at('F1')],
    ]);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.fields.actual?.value).toBe(34.1);
  });
});
