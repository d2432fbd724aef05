/**
 * The real seed: 泰山区 2024 重点工作任务分解表 (seeds/source/002_43227f3a379fd088.txt), read from grids laid
 * out as the attachment sheet and as the whole notice pasted into one column. Expectations are read off the
 * seed text by hand.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/core/table/read-table.ts';
import type { ReadTable, TaskRow } from '../../../src/core/table-model.ts';
import { seedAttachmentGrid, seedWholeDocumentGrid } from './fixtures/seed-grid.ts';

function read(grid: ReturnType<typeof seedAttachmentGrid>): ReadTable {
  const result = readTable(grid);
  if (!result.table) throw new Error('no table');
  return result.table;
}

function bySerial(table: ReadTable, serial: string): TaskRow {
  const row = table.rows.find((r) => r.serial?.value === serial);
  if (!row) throw new Error(`no row ${serial}`);
  return row;
}

describe('seed attachment sheet (附件 line, title, header at row 3)', () => {
  const table = read(seedAttachmentGrid());

  it('finds the header, title and plan year', () => {
    expect(table.layout).toBe('long');
    expect(table.headerRow).toBe(2);
    expect(table.headerRowCount).toBe(1);
    expect(table.title).toBe('2024年《政府工作报告》重点工作任务分解表');
    expect(table.planYear).toBe(2024);
    expect(table.columns.map((c) => [c.role, c.col, c.headerText])).toEqual([
      ['serial', 0, '序号'],
      ['unit', 1, '责任单位'],
      ['target', 2, '目   标   任   务'],
      ['owner', 3, '责任人'],
    ]);
    expect(table.columns[2]?.header).toEqual({ sheet: '分解表', row: 2, col: 2 });
  });

  it('reads all 52 task rows in order and nothing else', () => {
    expect(table.rows).toHaveLength(52);
    expect(table.totals).toHaveLength(0);
    expect(table.findings).toEqual([]);
    expect(table.rows.map((r) => r.serial?.value)).toEqual(
      Array.from({ length: 52 }, (_, i) => String(i + 1)),
    );
    expect(table.rows[0]?.row).toBe(3);
    expect(table.rows[51]?.row).toBe(54);
  });

  it('keeps first and last targets with their cells', () => {
    const first = bySerial(table, '1');
    expect(first.units).toEqual(['区发改局']);
    expect(first.target?.at).toEqual({ sheet: '分解表', row: 3, col: 2 });
    expect(first.target?.value.startsWith('地区生产总值增长5.5%以上；固定资产投资增长8%左右；')).toBe(true);
    const last = bySerial(table, '52');
    expect(last.units).toEqual(['区政府督查室']);
    expect(last.target?.value).toBe('办好10件民生实事。七个联动督查工作机制。');
    expect(last.owners.map((p) => p.key)).toEqual(['刘方晓']);
  });

  it('joins wrapped unit names and splits two units on two lines', () => {
    expect(bySerial(table, '27').units).toEqual(['市生态环境局泰山分局']);
    expect(bySerial(table, '27').unitCell?.value).toBe('市生态环境局\n泰山分局');
    expect(bySerial(table, '33').units).toEqual(['泰山先锋慧治服务中心']);
    expect(bySerial(table, '43').units).toEqual(['火车站广场管理办公室']);
    expect(bySerial(table, '4').units).toEqual(['区工业推进委', '各产业链专班']);
  });

  it('reads owners: spaced names, a role, deputies', () => {
    const zhou = bySerial(table, '2').owners;
    expect(zhou).toEqual([{ display: '周　栋', key: '周栋', deputies: [], isRole: false }]);
    expect(bySerial(table, '3').owners).toEqual([
      { display: '陈  莹', key: '陈莹', deputies: [], isRole: false },
    ]);
    expect(bySerial(table, '4').owners).toEqual([
      { display: '各产业链组长', key: '各产业链组长', deputies: [], isRole: true },
    ]);
    const song = bySerial(table, '26').owners;
    expect(song).toHaveLength(1);
    expect(song[0]?.key).toBe('宋杰');
    expect(song[0]?.deputies.map((d) => d.key)).toEqual(['宋海峰', '亓子超']);
    expect(bySerial(table, '26').ownerCell?.value).toBe('宋杰（宋海峰/亓子超）');
  });

  it('trims leading full-width spaces from a target while the raw cell keeps them', () => {
    const row = bySerial(table, '25');
    expect(row.target?.value).toBe('推进信访工作法治化，严格落实领导干部接访、下访、包案等制度。');
    const raw = row.target?.raw;
    expect(typeof raw === 'string' && raw.startsWith('　')).toBe(true);
  });

  it('keeps one owner serving two units as two rows', () => {
    expect(bySerial(table, '50').owners[0]?.key).toBe('曹振华');
    expect(bySerial(table, '51').owners[0]?.key).toBe('曹振华');
    expect(bySerial(table, '12').owners[0]?.key).toBe('孙大伟');
    expect(bySerial(table, '44').owners[0]?.key).toBe('孙大伟');
  });

  it('gives every row its fields with cells', () => {
    const row = bySerial(table, '9');
    expect(row.fields.serial?.value).toBe(9);
    expect(row.fields.serial?.at).toEqual({ sheet: '分解表', row: 11, col: 0 });
    expect(row.fields.owner?.value).toBe('张  辉');
    expect(row.group).toBeNull();
    expect(row.category).toBeNull();
  });
});

describe('seed notice pasted whole (notice, —1—, 附件, title, header at row 24)', () => {
  const table = read(seedWholeDocumentGrid());

  it('finds the header below the notice and takes only the attachment title', () => {
    expect(table.headerRow).toBe(23);
    expect(table.title).toBe('2024年《政府工作报告》重点工作任务分解表');
    expect(table.planYear).toBe(2024);
    expect(table.rows).toHaveLength(52);
    expect(table.rows[0]?.row).toBe(24);
    expect(table.rows[0]?.units).toEqual(['区发改局']);
    expect(table.findings).toEqual([]);
  });
});
