/**
 * The formula-injection guard and the settings document: cells we plan for text that starts like a formula,
 * the settings sheet's cells and reading them back, and which earlier ranking movement is measured against.
 */
import { describe, expect, it } from 'vitest';
import { sheetDataToGrid } from '../../../src/core/port/memory-workbook.ts';
import {
  SETTINGS_CHUNK,
  baselineSnapshot,
  emptySettings,
  parseSettingsGrid,
  settingsCells,
  withSnapshot,
  type DubanSettings,
} from '../../../src/core/write-plan/owned-settings.ts';
import { planValue, startsLikeFormula } from '../../../src/core/write-plan/plan-value.ts';

describe('formula injection', () => {
  it('flags text beginning with = + - @ and nothing else', () => {
    expect(['=SUM(A1)', '+86 538', '-完成一半', '@cmd'].map(startsLikeFormula)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['完成200亿元', ' =1', '', '１=1'].map(startsLikeFormula)).toEqual([false, false, false, false]);
  });

  it('plans such text as literal text; numbers and plain text are left alone', () => {
    expect(planValue(4, 2, '=HYPERLINK("http://x")')).toEqual({
      row: 4,
      col: 2,
      value: '=HYPERLINK("http://x")',
      asText: true,
    });
    expect(planValue(0, 0, -3)).toEqual({ row: 0, col: 0, value: -3 });
    expect(planValue(0, 0, '区发改局', { style: 'body' })).toEqual({
      row: 0,
      col: 0,
      value: '区发改局',
      style: 'body',
    });
    // Error values are written as their text, which begins with # (not a formula).
    expect(planValue(1, 1, { error: '#N/A' })).toEqual({ row: 1, col: 1, value: '#N/A' });
  });
});

function gridOf(rows: string[][]) {
  return sheetDataToGrid({ name: '督办助手设置', cells: rows });
}

describe('the settings document', () => {
  const settings: DubanSettings = {
    ...emptySettings(),
    sheet: '任务台账',
    planYear: 2024,
    asOf: '2024-06-30',
    preset: '序时',
    mapping: { id: 0, unit: 1 },
    history: [{ asOf: '2024-03-31', units: [{ name: '区发改局', rank: 2, score: 88.5 }] }],
    owned: {
      sheets: ['评分排名', '督办助手设置'],
      columns: [
        {
          sheet: '分解表',
          firstCol: 8,
          lastCol: 11,
          headerRow: 1,
          ownsHeader: true,
          firstRow: 2,
          lastRow: 5,
          previousWidths: [null, 12, null, null],
        },
      ],
      rules: [
        {
          id: 'duban.highlight.lagging',
          sheet: '分解表',
          ref: 'A3:L6',
          kind: 'expression',
          formula: '=$K3="进展滞后"',
        },
      ],
    },
  };

  it('is the marker in A1 and the JSON below it, read back unchanged', () => {
    const cells = settingsCells(settings);
    expect(cells[0]).toEqual(['duban-settings']);
    expect(cells).toHaveLength(2);
    expect(parseSettingsGrid(gridOf(cells as string[][]))).toEqual(settings);
  });

  it('cuts long JSON into cells of at most 30,000 characters and joins them again', () => {
    const units = Array.from({ length: 2000 }, (_, i) => ({
      name: `第${i}个单位名称比较长`,
      rank: i + 1,
      score: 50,
    }));
    const big = { ...settings, history: [{ asOf: '2024-06-30', units }] };
    const cells = settingsCells(big);
    expect(cells.length).toBeGreaterThan(2);
    for (const row of cells.slice(1)) expect((row[0] as string).length).toBeLessThanOrEqual(SETTINGS_CHUNK);
    expect(parseSettingsGrid(gridOf(cells as string[][]))?.history[0]?.units).toHaveLength(2000);
  });

  it('is not ours without the marker, or with broken JSON', () => {
    expect(parseSettingsGrid(gridOf([['设置'], ['{}']]))).toBeNull();
    expect(parseSettingsGrid(gridOf([['duban-settings'], ['{"app":"duban",']]))).toBeNull();
    expect(parseSettingsGrid(gridOf([['duban-settings'], ['{"app":"other"}']]))).toBeNull();
  });

  it('measures movement against the newest ranking strictly before the as-of date', () => {
    const q1 = { asOf: '2024-03-31', units: [] };
    const q2 = { asOf: '2024-06-30', units: [] };
    expect(baselineSnapshot([q1, q2], '2024-06-30')).toBe(q1); // a re-run on 06-30 compares with Q1
    expect(baselineSnapshot([q1, q2], '2024-09-30')).toBe(q2);
    expect(baselineSnapshot([q1], '2024-03-31')).toBeNull();
  });

  it('keeps one ranking per date, sorted, at most eight', () => {
    const dates = ['2024-03-31', '2023-12-31', '2024-03-31'];
    let h = withSnapshot([], { asOf: dates[0] ?? '', units: [{ name: 'a', rank: 1, score: 1 }] });
    h = withSnapshot(h, { asOf: dates[1] ?? '', units: [] });
    h = withSnapshot(h, { asOf: dates[2] ?? '', units: [{ name: 'b', rank: 1, score: 1 }] });
    expect(h.map((s) => s.asOf)).toEqual(['2023-12-31', '2024-03-31']);
    expect(h[1]?.units[0]?.name).toBe('b');
    for (let m = 1; m <= 9; m++) h = withSnapshot(h, { asOf: `2025-0${m}-01`, units: [] });
    expect(h).toHaveLength(8);
    expect(h[0]?.asOf).toBe('2025-02-01');
  });
});
