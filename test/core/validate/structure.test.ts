import { describe, expect, it } from 'vitest';
import type { CellRange, RawCell } from '../../../src/core/grid.ts';
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
  summary,
  type RowSpec,
} from './fixtures.ts';

const CODES = ['serial_duplicate', 'serial_gap', 'serial_out_of_order', 'merge_across_tasks'];

function run(
  serials: RawCell[],
  extra: { specs?: Partial<RowSpec>[]; merges?: CellRange[]; sheet?: string; footerRows?: number } = {},
) {
  const data: RawCell[][] = serials.map((s, i) => [
    s,
    `单位${String(i + 1)}`,
    `任务${String(i + 1)}`,
    `张${String(i + 1)}`,
  ]);
  for (let i = 0; i < (extra.footerRows ?? 0); i++) data.push(['注：以上任务按季度调度。']);
  const grid = buildGrid(SEED_LAYOUT, data, {
    ...(extra.merges ? { merges: extra.merges } : {}),
    ...(extra.sheet ? { sheet: extra.sheet } : {}),
  });
  const table = buildTable(
    grid,
    SEED_LAYOUT,
    serials.map((_, i) => ({
      row: i + 2,
      owners: [person(`张${String(i + 1)}`)],
      ...(extra.specs?.[i] ?? {}),
    })),
  );
  return only(validateTable({ grid, table, breakdown: buildBreakdown(table) }), ...CODES);
}

describe('serial numbers', () => {
  it('reports duplicates as errors at both cells, each naming the other', () => {
    const f = run([1, 2, 2, 3]);
    expect(summary(f)).toEqual(['serial_duplicate@A4', 'serial_duplicate@A5']);
    expect(f[0]?.params).toEqual({ serial: '2', otherCell: '分解表!A5' });
    expect(f[1]?.params).toEqual({ serial: '2', otherCell: '分解表!A4' });
    expect(f[0]?.severity).toBe('error');
  });

  it('compares serials written differently as the same (2 and ２)', () => {
    expect(summary(run([1, 2, '２', 3]))).toEqual(['serial_duplicate@A4', 'serial_duplicate@A5']);
  });

  it('reports non-integer duplicates such as 1.1', () => {
    expect(summary(run(['1.1', '1.2', '1.1']))).toEqual(['serial_duplicate@A3', 'serial_duplicate@A5']);
  });

  it('warns about a gap: 1, 2, 4 is missing 3', () => {
    const f = run([1, 2, 4]);
    expect(summary(f)).toEqual(['serial_gap@A5']);
    expect(f[0]?.params).toEqual({ previous: 2, current: 4, missing: '3' });
    expect(f[0]?.severity).toBe('warning');
  });

  it('names a range of missing numbers', () => {
    expect(run([1, 5])[0]?.params).toEqual({ previous: 1, current: 5, missing: '2–4' });
  });

  it('warns about a number going backwards', () => {
    const f = run([5, 6, 4]);
    expect(summary(f)).toEqual(['serial_out_of_order@A5']);
    expect(f[0]?.params).toEqual({ previous: 6, current: 4 });
  });

  it('skips serials that are not whole numbers when looking for gaps', () => {
    expect(run([1, 2, 2.5, 3])).toEqual([]);
  });

  it('accepts serials such as 3、 and 4.', () => {
    expect(run([1, '2、', '3.', 4])).toEqual([]);
  });

  it('accepts numbering that restarts at 1 (per category), and a category change', () => {
    expect(run([1, 2, 3, 1, 2])).toEqual([]);
    // Without categories 2 repeats; a new category starts a new section where it may.
    expect(summary(run([1, 2, 2, 3]))).toEqual(['serial_duplicate@A4', 'serial_duplicate@A5']);
    const f = run([1, 2, 2, 3], {
      specs: [
        { category: '经济发展' },
        { category: '经济发展' },
        { category: '民生保障' },
        { category: '民生保障' },
      ],
    });
    expect(f).toEqual([]);
  });

  it('does not count one serial merged over two rows twice', () => {
    const f = run([1, null, 2], { specs: [{}, { from: { serial: ref(2, 0) } }, {}] });
    expect(f).toEqual([]);
  });

  it('ignores blank and non-numeric serials for gaps', () => {
    expect(run([1, null, '（一）', 2])).toEqual([]);
  });
});

describe('merged cells across task rows', () => {
  it('warns about a target cell merged over two task rows, naming the range', () => {
    const f = run([1, 2, 3], { merges: [{ top: 2, left: 2, bottom: 3, right: 2 }] });
    expect(summary(f)).toEqual(['merge_across_tasks@C3']);
    expect(f[0]?.params).toEqual({ range: 'C3:C4', column: '目标任务', rows: 2 });
    expect(f[0]?.severity).toBe('warning');
  });

  it('does not warn about merged unit, owner or serial cells', () => {
    const merges: CellRange[] = [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 3, bottom: 4, right: 3 },
    ];
    expect(run([1, 2, 3], { merges })).toEqual([]);
  });

  it('does not warn about header merges, one-row merges, unmapped columns or a merge into the footer', () => {
    const merges: CellRange[] = [
      { top: 0, left: 0, bottom: 1, right: 3 }, // title over the header
      { top: 2, left: 2, bottom: 2, right: 3 }, // across columns in one row
      { top: 2, left: 5, bottom: 4, right: 5 }, // column F is not mapped
      { top: 4, left: 2, bottom: 5, right: 2 }, // last task row and the footer note below it
    ];
    expect(run([1, 2, 3], { merges, footerRows: 1 })).toEqual([]);
  });

  it('renders with a quoted sheet name in both languages', () => {
    const f = run([1, 2], { merges: [{ top: 2, left: 2, bottom: 3, right: 2 }], sheet: '任务 台账' });
    const first = f[0];
    if (!first) throw new Error('expected a finding');
    expect(renderFinding(first, 'zh').message).toBe(
      "'任务 台账'!C3：“目标任务”列的 C3:C4 合并后跨了 2 项任务，可能遮住了其中某项任务的内容。",
    );
    expect(renderFinding(first, 'en').message).toBe(
      '\'任务 台账\'!C3: the merged cells C3:C4 in the "目标任务" column span 2 tasks and may hide the content of one of them.',
    );
    expect(renderFinding(first, 'en').fix).toBe('Unmerge C3:C4 and fill in each row separately.');
  });
});
