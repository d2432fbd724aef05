/** A small responsibility table laid out like the seed workbook: 附件 line, title, header on row 3, 3 tasks. */
import type { SheetData, WorkbookData } from '../../src/core/port/workbook-port.ts';

export const SEED_LIKE_SHEET: SheetData = {
  name: '分解表',
  cells: [
    ['附件'],
    ['2024年《政府工作报告》重点工作任务分解表'],
    ['序号', '责任单位', '目   标   任   务', '责任人'],
    ['1', '区发改局', '地区生产总值增长5.5%以上', '张三'],
    ['2', '区财政局', '一般公共预算收入增长5%', '周　栋'],
    ['3', '区住建局', '完成老旧小区改造10个', '李四'],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 1, left: 0, bottom: 1, right: 3 },
  ],
};

/** The seed-like sheet, active, after an unrelated first sheet. */
export const SEED_LIKE_WORKBOOK: WorkbookData = {
  sheets: [{ name: '说明', cells: [['填报说明']] }, SEED_LIKE_SHEET],
  active: '分解表',
};
