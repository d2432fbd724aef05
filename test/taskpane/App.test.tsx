// @vitest-environment jsdom
/**
 * The task pane: 读取表格 reads the active sheet through the injected reader and shows the sheet, the header
 * row as the user counts it (第3行), the recognised header texts and the task-row count; errors appear as a
 * message bar that says what to do; English when Office's display language is English.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import { MemoryWorkbook } from '../../src/core/port/memory-workbook.ts';
import { OfficeWorkbook, type ExcelHost } from '../../src/excel/office-workbook.ts';
import { App } from '../../src/taskpane/App.tsx';
import { pickLang } from '../../src/taskpane/i18n.ts';
import { readActiveTable, type TableSummary } from '../../src/taskpane/read-active-table.ts';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { SEED_LIKE_WORKBOOK } from './seed-like.ts';

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow long messages. Layout is not under
// test here, so an observer that never fires is enough.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
beforeAll(() => {
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
  }
});

afterEach(() => {
  cleanup();
});

const fromMemory = (): Promise<TableSummary> => readActiveTable(new MemoryWorkbook(SEED_LIKE_WORKBOOK));

describe('App', () => {
  it('shows the sheet, 第3行, the header texts and the row count after 读取表格', async () => {
    render(<App lang="zh" readActiveTable={fromMemory} />);
    fireEvent.click(screen.getByRole('button', { name: '读取表格' }));
    expect(await screen.findByText('第3行')).toBeTruthy();
    expect(screen.getByText('分解表')).toBeTruthy();
    expect(screen.getByText('3 行')).toBeTruthy();
    const columns = screen.getByText((_, el) => el?.tagName === 'DD' && el.textContent.startsWith('“序号”'));
    expect(columns.textContent).toBe('“序号”、“责任单位”、“目   标   任   务”、“责任人”');
  });

  it('works the same over Office.js (OfficeWorkbook on the fake Excel)', async () => {
    const fake = createFakeExcel(SEED_LIKE_WORKBOOK);
    const port = new OfficeWorkbook(fake.Excel as unknown as ExcelHost, fake.requirements);
    render(<App lang="zh" readActiveTable={() => readActiveTable(port)} />);
    fireEvent.click(screen.getByRole('button', { name: '读取表格' }));
    expect(await screen.findByText('第3行')).toBeTruthy();
    expect(screen.getByText('3 行')).toBeTruthy();
  });

  it('shows an error message bar that says what happened and what to do', async () => {
    const failing = (): Promise<TableSummary> =>
      Promise.reject(new DubanError('host_failure', 'busy', { code: 'InvalidOperationInCellEditMode' }));
    render(<App lang="zh" readActiveTable={failing} />);
    fireEvent.click(screen.getByRole('button', { name: '读取表格' }));
    expect(await screen.findByText('读取失败')).toBeTruthy();
    expect(screen.getByText('Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再重试。')).toBeTruthy();
  });

  it('says so when the active sheet holds no table', async () => {
    const read = (): Promise<TableSummary> =>
      readActiveTable(new MemoryWorkbook({ sheets: [{ name: '杂项', cells: [['随便写点']] }] }));
    render(<App lang="zh" readActiveTable={read} />);
    fireEvent.click(screen.getByRole('button', { name: '读取表格' }));
    expect(await screen.findByText('没有找到表头')).toBeTruthy();
    expect(screen.getByText(/工作表“杂项”中没有找到/)).toBeTruthy();
  });

  it('speaks English when Office says en-US', async () => {
    render(<App lang={pickLang('en-US')} readActiveTable={fromMemory} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read table' }));
    expect(await screen.findByText('Row 3')).toBeTruthy();
    expect(screen.getByText('3 rows')).toBeTruthy();
    expect(screen.getByText('Header row')).toBeTruthy();
    expect(screen.queryByText('读取表格')).toBeNull();
  });

  it('shows the outside-Excel notice and explains the failure when reading is impossible', async () => {
    const noHost = (): Promise<TableSummary> =>
      Promise.reject(
        new DubanError('host_failure', 'Duban is not running inside Excel.', { code: 'NoHost' }),
      );
    render(<App lang="zh" readActiveTable={noHost} notice="当前页面不在 Excel 中打开，读取功能不可用。" />);
    expect(screen.getByText('当前页面不在 Excel 中打开，读取功能不可用。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '读取表格' }));
    expect(await screen.findByText(/督办助手没有在 Excel 中运行/)).toBeTruthy();
  });
});
