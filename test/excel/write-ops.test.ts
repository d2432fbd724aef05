/** The pieces of the Office.js writer that need no host: rectangles, slices, chunks, widths, text guard. */
import { describe, expect, it } from 'vitest';
import { excelWouldRetype, formatFor } from '../../src/excel/cell-ops.ts';
import {
  charsToPoints,
  DEFAULT_COLUMN_POINTS,
  pointsToChars,
  previousWidthOf,
  restoredPoints,
} from '../../src/excel/column-width.ts';
import { a1, chunk, rectangles, rowSlices, type WriteOp } from '../../src/excel/write-ops.ts';

describe('column widths', () => {
  it('converts characters to points for Calibri 11 at 96 dpi and back', () => {
    // (8 × 7 + 5) × 0.75 = 45.75; (40 × 7 + 5) × 0.75 = 213.75; (8.43 × 7 + 5) × 0.75 = 48.0075 → 48.01
    expect(charsToPoints(8)).toBe(45.75);
    expect(charsToPoints(40)).toBe(213.75);
    expect(charsToPoints(8.43)).toBe(48.01);
    expect(pointsToChars(45.75)).toBe(8);
    expect(pointsToChars(213.75)).toBe(40);
  });

  it('reads the standard width as "no width" and puts it back as 48 points', () => {
    expect(DEFAULT_COLUMN_POINTS).toBe(48);
    expect(previousWidthOf(48)).toBeNull();
    expect(previousWidthOf(82.5)).toBe(15);
    expect(restoredPoints(null)).toBe(48);
    expect(restoredPoints(15)).toBe(82.5);
  });
});

describe('rectangles', () => {
  it('joins a column block into one rectangle', () => {
    const cells = [];
    for (let row = 2; row <= 5; row++) for (let col = 8; col <= 11; col++) cells.push({ row, col });
    expect(rectangles(cells)).toEqual([{ top: 2, bottom: 5, left: 8, right: 11 }]);
  });

  it('keeps a header row apart when the columns below differ in length', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 2, col: 1 },
      { row: 3, col: 1 },
    ];
    expect(rectangles(cells)).toEqual([
      { top: 0, bottom: 1, left: 0, right: 0 },
      { top: 1, bottom: 3, left: 1, right: 1 },
    ]);
  });

  it('splits a column with a gap', () => {
    expect(
      rectangles([
        { row: 0, col: 2 },
        { row: 2, col: 2 },
      ]),
    ).toEqual([
      { top: 0, bottom: 0, left: 2, right: 2 },
      { top: 2, bottom: 2, left: 2, right: 2 },
    ]);
  });

  it('writes addresses as Excel does', () => {
    expect(a1({ top: 2, left: 0, bottom: 162, right: 21 })).toBe('A3:V163');
    expect(a1({ top: 0, left: 27, bottom: 0, right: 27 })).toBe('AB1');
  });
});

describe('row slices and chunks', () => {
  it('cuts a rectangle where the bytes of its rows pass the limit', () => {
    const slices = rowSlices({ top: 0, bottom: 9, left: 0, right: 0 }, () => 30, 100);
    // 3 rows of 30 bytes fit in 100, the fourth would not.
    expect(slices.map((s) => [s.top, s.bottom])).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
      [9, 9],
    ]);
  });

  it('groups operations into requests under the budget, an oversized one alone', () => {
    const ops = [40, 40, 40, 150, 10].map((bytes): WriteOp => ({ bytes, apply: () => undefined }));
    expect(chunk(ops, 100).map((c) => c.map((o) => o.bytes))).toEqual([[40, 40], [40], [150], [10]]);
  });
});

describe('text Excel would retype', () => {
  it('spots numbers, percentages, dates, times and logical words', () => {
    for (const t of [
      '12.5',
      '68.1%',
      '1,200',
      '3e5',
      '2024-06-30',
      '6/30',
      '2024年6月30日',
      '9:30',
      'TRUE',
    ]) {
      expect(excelWouldRetype(t), t).toBe(true);
    }
    for (const t of ['完成200亿元', '6月底前', '区发改局', '1.01项', ''])
      expect(excelWouldRetype(t), t).toBe(false);
  });

  it('marks such text and text that looks like a formula as text in our cells', () => {
    expect(formatFor({ row: 0, col: 0, value: '=1+1', asText: true }, 'value')).toBe('@');
    expect(formatFor({ row: 0, col: 0, value: '50.0%' }, 'full')).toBe('@');
    expect(formatFor({ row: 0, col: 0, value: 0.5, numberFormat: '0.0%' }, 'full')).toBe('0.0%');
    expect(formatFor({ row: 0, col: 0, value: '区发改局' }, 'full')).toBeUndefined();
    // A user's cell keeps its format unless we must protect the text.
    expect(formatFor({ row: 0, col: 0, value: 0.5, numberFormat: '0.0%' }, 'value')).toBeUndefined();
  });
});
