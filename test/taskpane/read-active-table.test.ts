import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import { MemoryWorkbook } from '../../src/core/port/memory-workbook.ts';
import type { RawCell } from '../../src/core/grid.ts';
import { OfficeWorkbook, type ExcelHost } from '../../src/excel/office-workbook.ts';
import { readActiveTable } from '../../src/taskpane/read-active-table.ts';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { SEED_LIKE_WORKBOOK } from './seed-like.ts';

interface SeedJson {
  attachmentLine: string;
  title: string;
  header: string[];
  rows: { serial: string; unit: string; target: string; owner: string }[];
}

function seedCells(): RawCell[][] {
  const seed = JSON.parse(
    readFileSync(new URL('../../seeds/taishan-2024.json', import.meta.url), 'utf8'),
  ) as SeedJson;
  return [
    [seed.attachmentLine],
    [seed.title],
    seed.header,
    ...seed.rows.map((r) => [r.serial, r.unit, r.target, r.owner]),
  ];
}

describe('readActiveTable', () => {
  it('reads the active sheet of the seed-like workbook: header on row 3 (0-based 2), 3 task rows', async () => {
    const summary = await readActiveTable(new MemoryWorkbook(SEED_LIKE_WORKBOOK));
    expect(summary).toEqual({
      sheet: '分解表',
      headerRow: 2,
      headerTexts: ['序号', '责任单位', '目   标   任   务', '责任人'],
      rowCount: 3,
      findings: [],
    });
  });

  it('reads the 52 tasks of the 2024 泰山区 seed table', async () => {
    const summary = await readActiveTable(
      new MemoryWorkbook({ sheets: [{ name: '分解表', cells: seedCells() }] }),
    );
    expect(summary.headerRow).toBe(2);
    expect(summary.rowCount).toBe(52);
  });

  it('gives the same summary through Office.js (fake Excel, ExcelApi 1.8)', async () => {
    const fake = createFakeExcel(SEED_LIKE_WORKBOOK, { maxExcelApi: '1.8' });
    const port = new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements);
    const summary = await readActiveTable(port);
    expect(summary.sheet).toBe('分解表');
    expect(summary.headerRow).toBe(2);
    expect(summary.headerTexts).toEqual(['序号', '责任单位', '目   标   任   务', '责任人']);
    expect(summary.rowCount).toBe(3);
    expect(fake.stats.syncs).toBe(2); // active sheet name + one read
  });

  it('returns headerRow null and the finding when the sheet holds no table', async () => {
    const summary = await readActiveTable(
      new MemoryWorkbook({ sheets: [{ name: '杂项', cells: [['随便写点'], [1, 2]] }] }),
    );
    expect(summary.headerRow).toBeNull();
    expect(summary.rowCount).toBe(0);
    expect(summary.findings.map((f) => f.code)).toContain('table_not_found');
  });

  it('lets host failures through as DubanError', async () => {
    const fake = createFakeExcel(SEED_LIKE_WORKBOOK);
    fake.failNextSync('InvalidOperationInCellEditMode');
    const port = new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements);
    const error = await readActiveTable(port).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DubanError);
    expect((error as DubanError).fields['code']).toBe('InvalidOperationInCellEditMode');
  });
});
