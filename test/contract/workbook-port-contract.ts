/**
 * THE contract suite of the workbook port: every adapter (in-memory, Office.js over the fake Excel, xlsx)
 * calls {@link runWorkbookPortContract} from its own `*.contract.test.ts` and must pass all of it.
 *
 * Usage:
 *   runWorkbookPortContract('xlsx', async (data) => XlsxWorkbook.fromBuffer(await writeXlsx(data)));
 *
 * `makePort` gets a plain {@link WorkbookData} (the fixtures in `./fixtures.ts`, whose conventions a host
 * must honour when it stores them) and returns a port over that workbook as the host holds it.
 */
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import type { Grid } from '../../src/core/grid.ts';
import { sheetDataToGrid } from '../../src/core/port/memory-workbook.ts';
import type { WorkbookData, WorkbookPort } from '../../src/core/port/workbook-port.ts';
import { CONTRACT_WORKBOOK, EXPECTED_GRIDS, FIRST_VISIBLE_WORKBOOK } from './fixtures.ts';

/** What an adapter can deliver on its host. */
export interface ContractOptions {
  /**
   * `read` (default): merged areas are delivered. `none`: the host cannot report them (Office.js below
   * ExcelApi 1.13) and the documented fallback applies — the same grid with `merges: []`.
   */
  readonly merges?: 'read' | 'none';
}

function withoutMerges(grid: Grid): Grid {
  return { ...grid, merges: [] };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

/** Register the contract's tests for one adapter. */
export function runWorkbookPortContract(
  name: string,
  makePort: (data: WorkbookData) => Promise<WorkbookPort>,
  options: ContractOptions = {},
): void {
  const merges = options.merges ?? 'read';
  const expected = (sheet: string): Grid => {
    const g = EXPECTED_GRIDS[sheet];
    if (!g) throw new Error(`no expected grid for ${sheet}`);
    return merges === 'read' ? g : withoutMerges(g);
  };

  describe(`WorkbookPort contract: ${name}${merges === 'none' ? ' (no merged areas on this host)' : ''}`, () => {
    it('lists every sheet in tab order with its visibility', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      expect(await port.listSheets()).toEqual([
        { name: 'Plain', visibility: 'visible' },
        { name: '错误值', visibility: 'visible' },
        { name: '日期', visibility: 'visible' },
        { name: '合并', visibility: 'visible' },
        { name: '公式', visibility: 'visible' },
        { name: '富文本与链接', visibility: 'visible' },
        { name: '隐藏行', visibility: 'visible' },
        { name: '空表', visibility: 'visible' },
        { name: '隐藏表', visibility: 'hidden' },
        { name: '深藏表', visibility: 'veryHidden' },
        { name: '任务 分解表', visibility: 'visible' },
        { name: "Unit's 表", visibility: 'visible' },
      ]);
    });

    it('names the active sheet (a Chinese name with a space)', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      expect(await port.activeSheetName()).toBe('任务 分解表');
    });

    it('takes the first visible sheet as active when none is set', async () => {
      const port = await makePort(FIRST_VISIBLE_WORKBOOK);
      expect(await port.activeSheetName()).toBe('第二张');
    });

    it('reads plain values: text with line breaks and full-width spaces, numbers, booleans, gaps', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const grid = await port.readSheet('Plain');
      expect(grid).toEqual(expected('Plain'));
      expect(grid.cells[2]?.[1]).toBe('周　栋');
      expect(grid.cells[1]?.[4]).toBe(true);
    });

    it('reads error values as { error } and keeps text that only looks like an error as text', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const grid = await port.readSheet('错误值');
      expect(grid).toEqual(expected('错误值'));
      expect(grid.cells[1]?.[1]).toEqual({ error: '#N/A' });
      expect(grid.cells[6]?.[1]).toBe('#N/A');
    });

    it('reads date cells as ISO text and keeps percentages and plain numbers as numbers', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const grid = await port.readSheet('日期');
      expect(grid).toEqual(expected('日期'));
      expect(grid.cells[1]).toEqual(['2024-06-30', '2024-06-30 12:00', 0.681, 45473]);
      expect(grid.numberFormats?.[1]?.[2]).toBe('0.0%');
    });

    if (merges === 'read') {
      it('reads merged areas, values only in their top-left cells', async () => {
        const port = await makePort(CONTRACT_WORKBOOK);
        const grid = await port.readSheet('合并');
        expect(grid).toEqual(expected('合并'));
        expect(grid.merges).toEqual([
          { top: 0, left: 0, bottom: 0, right: 3 },
          { top: 2, left: 1, bottom: 3, right: 1 },
          { top: 2, left: 3, bottom: 3, right: 3 },
        ]);
      });
    } else {
      it('falls back to no merged areas, with the values unchanged', async () => {
        const port = await makePort(CONTRACT_WORKBOOK);
        const grid = await port.readSheet('合并');
        expect(grid.merges).toEqual([]);
        expect(grid.cells).toEqual(EXPECTED_GRIDS['合并']?.cells);
        expect(grid).toEqual(expected('合并'));
      });
    }

    it('reads the cached results of formulas', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const grid = await port.readSheet('公式');
      expect(grid).toEqual(expected('公式'));
      expect(grid.cells[3]?.[2]).toBe(26);
    });

    it('reads rich text and hyperlinks as their plain text', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      expect(await port.readSheet('富文本与链接')).toEqual(expected('富文本与链接'));
    });

    it('reports hidden rows (and still reads them)', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const grid = await port.readSheet('隐藏行');
      expect(grid).toEqual(expected('隐藏行'));
      expect(grid.hiddenRows).toEqual([2, 4]);
      expect(grid.cells[2]).toEqual([2, '单位2']);
    });

    it('reads an empty sheet as a grid with no cells', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      expect(await port.readSheet('空表')).toEqual(expected('空表'));
    });

    it('reads hidden and very hidden sheets', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      expect(await port.readSheet('隐藏表')).toEqual(expected('隐藏表'));
      expect(await port.readSheet('深藏表')).toEqual(expected('深藏表'));
    });

    it('delivers grids from A1 even when the used range starts at B3', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const grid = await port.readSheet('任务 分解表');
      expect(grid).toEqual(expected('任务 分解表'));
      expect(grid.origin).toEqual({ row: 0, col: 0 });
      expect(grid.cells[2]?.[1]).toBe('序号');
    });

    it("reads a sheet whose name needs quoting in addresses (Unit's 表)", async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      expect(await port.readSheet("Unit's 表")).toEqual(expected("Unit's 表"));
    });

    it('delivers exactly what the reference sheetDataToGrid defines for every contract sheet', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      for (const sheet of CONTRACT_WORKBOOK.sheets) {
        const reference = sheetDataToGrid(sheet);
        expect(await port.readSheet(sheet.name)).toEqual(
          merges === 'read' ? reference : withoutMerges(reference),
        );
      }
    });

    it('throws DubanError sheet_not_found for an unknown sheet, and for a name differing in case', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      for (const missing of ['不存在', 'plain']) {
        const error = await rejection(port.readSheet(missing));
        expect(error).toBeInstanceOf(DubanError);
        expect((error as DubanError).code).toBe('sheet_not_found');
        expect((error as DubanError).fields).toMatchObject({ sheet: missing });
      }
    });

    it('gives the same grid when a sheet is read twice', async () => {
      const port = await makePort(CONTRACT_WORKBOOK);
      const a = await port.readSheet('日期');
      const b = await port.readSheet('日期');
      expect(b).toEqual(a);
    });
  });
}
