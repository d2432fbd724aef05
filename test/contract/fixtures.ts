/**
 * Fixtures of the workbook-port contract, exported so every adapter's test (in-memory, Office.js over the
 * fake, xlsx) can build the same workbook in its own host and read it back.
 *
 * Conventions every host must honour when it stores a fixture:
 * - `cells` start at A1; `null` is an empty cell. Fixtures never hold `''` (hosts cannot store an empty
 *   string constant; the adapters deliver empty cells as `null`).
 * - A DATE cell holds ISO text (`2024-06-30`, or `2024-06-30 12:00` with a time) AND a date number format
 *   in `numberFormats` (`yyyy-mm-dd`, `yyyy"年"m"月"d"日"` …). The host stores it as a real date (Excel: a
 *   serial number; exceljs: a Date) and every adapter reads it back as the same ISO text. ISO-looking text in
 *   a cell without a date format is plain text. Non-ISO text in a date-formatted cell (`6月底前`) stays text.
 * - `formulas` (A1 → formula) are stored as formulas whose cached result is the value in `cells`;
 *   `richText` (A1 → runs) as rich text whose runs join to the value in `cells`; `hyperlinks` (A1 → target)
 *   as links whose display text is the value in `cells`.
 * - `merges` are listed top to bottom, then left to right (the order adapters deliver), and only the
 *   top-left cell of a merged area holds a value.
 * - `hiddenRows` lie within the rows that hold values.
 *
 * The expected grids below are written out by hand from the fixtures, not produced by any adapter.
 */
import type { CellRange, Grid, RawCell } from '../../src/core/grid.ts';
import type { SheetData, WorkbookData } from '../../src/core/port/workbook-port.ts';

/** Plain values: text with a line break and a full-width space, numbers, booleans, gaps. */
export const PLAIN_SHEET: SheetData = {
  name: 'Plain',
  cells: [
    ['序号', '责任单位', '目标任务', '数量', '完成', '备注'],
    [1, '区发改局', '落实项目\n第二行', 7200, true, null],
    [2, '周　栋', '  前导空格', -3.5, false, '备注文字'],
    [3, null, '含"引号"', 0, null, null],
  ],
};

/** Excel error values, and text that only looks like one. */
export const ERRORS_SHEET: SheetData = {
  name: '错误值',
  cells: [
    ['种类', '值'],
    ['na', { error: '#N/A' }],
    ['div', { error: '#DIV/0!' }],
    ['value', { error: '#VALUE!' }],
    ['ref', { error: '#REF!' }],
    ['name', { error: '#NAME?' }],
    ['text', '#N/A'],
  ],
};

/** Dates (ISO text + a date format), a date-time, percentages, a plain number that equals a date serial. */
export const DATES_SHEET: SheetData = {
  name: '日期',
  cells: [
    ['截止日期', '时点', '完成率', '普通数'],
    ['2024-06-30', '2024-06-30 12:00', 0.681, 45473],
    ['2024-12-31', null, 1, 68.1],
    ['6月底前', null, null, null],
  ],
  numberFormats: [
    [null, null, null, null],
    ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', '0.0%', null],
    ['yyyy"年"m"月"d"日"', null, '0%', '0.0'],
    ['yyyy-mm-dd', null, null, null],
  ],
};

/** A merged title row and merged unit / owner cells over two task rows. */
export const MERGES_SHEET: SheetData = {
  name: '合并',
  cells: [
    ['2024年重点工作任务分解表', null, null, null],
    ['序号', '责任单位', '目标任务', '责任人'],
    [1, '区发改局', '任务一', '张三'],
    [2, null, '任务二', null],
    [3, '区财政局', '任务三', '李四'],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 3, bottom: 3, right: 3 },
  ],
};

/** Formulas: the grid holds their cached results. */
export const FORMULAS_SHEET: SheetData = {
  name: '公式',
  cells: [
    ['a', 'b', '积'],
    [2, 3, 6],
    [4, 5, 20],
    ['合计', null, 26],
  ],
  formulas: { C2: '=A2*B2', C3: '=A3*B3', C4: '=SUM(C2:C3)' },
};

/** Rich text and a hyperlink: the grid holds their plain text. */
export const RICH_SHEET: SheetData = {
  name: '富文本与链接',
  cells: [
    ['单位', '网站'],
    ['区发改局（牵头）', '泰山区网站'],
  ],
  richText: { A2: ['区发改局', '（牵头）'] },
  hyperlinks: { B2: 'https://example.org/taishan' },
};

/** Rows 3 and 5 (0-based 2 and 4) hidden by the user. */
export const HIDDEN_ROWS_SHEET: SheetData = {
  name: '隐藏行',
  cells: [
    ['序号', '单位'],
    [1, '单位1'],
    [2, '单位2'],
    [3, '单位3'],
    [4, '单位4'],
    [5, '单位5'],
  ],
  hiddenRows: [2, 4],
};

/** A sheet without any value. */
export const EMPTY_SHEET: SheetData = { name: '空表', cells: [] };

/** Hidden sheets are listed with their visibility and can still be read. */
export const HIDDEN_SHEET: SheetData = { name: '隐藏表', visibility: 'hidden', cells: [['只在隐藏表']] };
export const VERY_HIDDEN_SHEET: SheetData = {
  name: '深藏表',
  visibility: 'veryHidden',
  cells: [['深度隐藏']],
};

/** A Chinese name with a space; the table starts at B3, so the grid starts with empty rows and a column. */
export const SPACED_NAME_SHEET: SheetData = {
  name: '任务 分解表',
  cells: [[], [], [null, '序号', '责任单位'], [null, 1, '区发改局'], [null, '合计', null]],
  merges: [{ top: 4, left: 1, bottom: 4, right: 2 }],
};

/** An apostrophe in the name: Excel quotes it as 'Unit''s 表' in addresses. */
export const APOSTROPHE_SHEET: SheetData = {
  name: "Unit's 表",
  cells: [
    ['合并标题', null],
    ['b', 'c'],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
};

/** The contract workbook: every feature above, with the spaced-name sheet active. */
export const CONTRACT_WORKBOOK: WorkbookData = {
  sheets: [
    PLAIN_SHEET,
    ERRORS_SHEET,
    DATES_SHEET,
    MERGES_SHEET,
    FORMULAS_SHEET,
    RICH_SHEET,
    HIDDEN_ROWS_SHEET,
    EMPTY_SHEET,
    HIDDEN_SHEET,
    VERY_HIDDEN_SHEET,
    SPACED_NAME_SHEET,
    APOSTROPHE_SHEET,
  ],
  active: '任务 分解表',
};

/** No `active`: the first visible sheet is active, even when a hidden sheet comes first. */
export const FIRST_VISIBLE_WORKBOOK: WorkbookData = {
  sheets: [
    { name: '隐藏在前', visibility: 'hidden', cells: [['x']] },
    { name: '第二张', cells: [['y']] },
  ],
};

function grid(
  sheet: string,
  cells: RawCell[][],
  extra: { formats?: (string | null)[][]; merges?: CellRange[]; hiddenRows?: number[] } = {},
): Grid {
  const width = cells[0]?.length ?? 0;
  return {
    sheet,
    origin: { row: 0, col: 0 },
    cells,
    merges: extra.merges ?? [],
    numberFormats: extra.formats ?? cells.map(() => Array<string | null>(width).fill(null)),
    hiddenRows: extra.hiddenRows ?? [],
  };
}

/** The grid every adapter must deliver for each contract sheet, written out by hand. */
export const EXPECTED_GRIDS: Readonly<Record<string, Grid>> = {
  Plain: grid('Plain', [
    ['序号', '责任单位', '目标任务', '数量', '完成', '备注'],
    [1, '区发改局', '落实项目\n第二行', 7200, true, null],
    [2, '周　栋', '  前导空格', -3.5, false, '备注文字'],
    [3, null, '含"引号"', 0, null, null],
  ]),
  错误值: grid('错误值', [
    ['种类', '值'],
    ['na', { error: '#N/A' }],
    ['div', { error: '#DIV/0!' }],
    ['value', { error: '#VALUE!' }],
    ['ref', { error: '#REF!' }],
    ['name', { error: '#NAME?' }],
    ['text', '#N/A'],
  ]),
  日期: grid(
    '日期',
    [
      ['截止日期', '时点', '完成率', '普通数'],
      ['2024-06-30', '2024-06-30 12:00', 0.681, 45473],
      ['2024-12-31', null, 1, 68.1],
      ['6月底前', null, null, null],
    ],
    {
      formats: [
        [null, null, null, null],
        ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', '0.0%', null],
        ['yyyy"年"m"月"d"日"', null, '0%', '0.0'],
        ['yyyy-mm-dd', null, null, null],
      ],
    },
  ),
  合并: grid(
    '合并',
    [
      ['2024年重点工作任务分解表', null, null, null],
      ['序号', '责任单位', '目标任务', '责任人'],
      [1, '区发改局', '任务一', '张三'],
      [2, null, '任务二', null],
      [3, '区财政局', '任务三', '李四'],
    ],
    {
      merges: [
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 2, left: 1, bottom: 3, right: 1 },
        { top: 2, left: 3, bottom: 3, right: 3 },
      ],
    },
  ),
  公式: grid('公式', [
    ['a', 'b', '积'],
    [2, 3, 6],
    [4, 5, 20],
    ['合计', null, 26],
  ]),
  富文本与链接: grid('富文本与链接', [
    ['单位', '网站'],
    ['区发改局（牵头）', '泰山区网站'],
  ]),
  隐藏行: grid(
    '隐藏行',
    [
      ['序号', '单位'],
      [1, '单位1'],
      [2, '单位2'],
      [3, '单位3'],
      [4, '单位4'],
      [5, '单位5'],
    ],
    { hiddenRows: [2, 4] },
  ),
  空表: grid('空表', []),
  隐藏表: grid('隐藏表', [['只在隐藏表']]),
  深藏表: grid('深藏表', [['深度隐藏']]),
  '任务 分解表': grid(
    '任务 分解表',
    [
      [null, null, null],
      [null, null, null],
      [null, '序号', '责任单位'],
      [null, 1, '区发改局'],
      [null, '合计', null],
    ],
    { merges: [{ top: 4, left: 1, bottom: 4, right: 2 }] },
  ),
  "Unit's 表": grid(
    "Unit's 表",
    [
      ['合并标题', null],
      ['b', 'c'],
    ],
    { merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] },
  ),
};
