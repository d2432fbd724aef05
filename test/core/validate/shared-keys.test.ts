/**
 * Shared sentences are found by their comparison key (NFKC, no spaces, no trailing punctuation) however the
 * targets are written: the key of a sentence is cut from its target's key when every character of the
 * target maps to one character, and built from the sentence itself otherwise. Both must agree.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import type { SubTask } from '../../../src/core/breakdown-model.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import {
  SEED_LAYOUT,
  buildBreakdown,
  buildGrid,
  buildTable,
  indicator,
  only,
  person,
  ref,
  subTask,
  summary,
} from './fixtures.ts';

function run(data: RawCell[][], subTasks: SubTask[]) {
  const grid = buildGrid(SEED_LAYOUT, data);
  const table = buildTable(
    grid,
    SEED_LAYOUT,
    data.map((_, i) => ({ row: i + 2, owners: [person('张三')] })),
  );
  return only(validateTable({ grid, table, breakdown: buildBreakdown(table, subTasks) }), 'subtask_shared');
}

const RATE = { indicators: [indicator('rate', '收入增长', 5.6, '%')] };

describe('shared sentences written differently', () => {
  it('match a full-width target (key cut from the target) with a spaced ASCII one (key built alone)', () => {
    // Row 2 is all full-width punctuation and CJK: every character maps to one. Row 3 has a space.
    // Both sentence keys are '深化财税领域改革,推动股权财政'.
    const f = run(
      [
        [1, '区财政局', '收入增长５．６％；深化财税领域改革，推动股权财政。', '甲'],
        [2, '区税务局', '深化财税领域改革, 推动股权财政', '乙'],
      ],
      [
        subTask(2, 1, '收入增长５．６％', ref(2, 2), RATE),
        subTask(2, 2, '深化财税领域改革，推动股权财政', ref(2, 2), RATE),
        subTask(3, 1, '深化财税领域改革, 推动股权财政', ref(3, 2), RATE),
      ],
    );
    expect(summary(f)).toEqual(['subtask_shared@C3', 'subtask_shared@C4']);
    expect(f[0]?.params).toMatchObject({ unit: '区财政局', otherUnit: '区税务局', otherCell: '分解表!C4' });
  });

  it('keys a sentence that is not a slice of its target by itself', () => {
    // A hand-made breakdown whose sentence text is not in the target cell: keyed on its own.
    const f = run(
      [
        [1, '区财政局', '推进改革工作。', '甲'],
        [2, '区税务局', '完成年度任务。', '乙'],
      ],
      [
        subTask(2, 1, '落实减税降费政策', ref(2, 2), RATE),
        subTask(3, 1, '落实减税降费政策。', ref(3, 2), RATE),
      ],
    );
    expect(summary(f)).toEqual(['subtask_shared@C3', 'subtask_shared@C4']);
  });

  it('names the first row of another unit whose whole target differs', () => {
    // Rows 2 and 3: unit A, the same whole target; row 4: unit B, another target with the same sentence.
    // For row 4 the first other-unit row is row 2 (C3); rows 2 and 3 both name row 4 (C5).
    const a = '完成投资２００亿元；推进“四好农村路”建设。';
    const b = '推进“四好农村路”建设；新增就业７２００人。';
    const f = run(
      [
        [1, '区交通局', a, '甲'],
        [2, '区交通局', a, '甲'],
        [3, '区农业局', b, '乙'],
      ],
      [
        subTask(2, 1, '完成投资２００亿元', ref(2, 2), RATE),
        subTask(2, 2, '推进“四好农村路”建设', ref(2, 2), RATE),
        subTask(3, 1, '完成投资２００亿元', ref(3, 2), RATE),
        subTask(3, 2, '推进“四好农村路”建设', ref(3, 2), RATE),
        subTask(4, 1, '推进“四好农村路”建设', ref(4, 2), RATE),
        subTask(4, 2, '新增就业７２００人', ref(4, 2), RATE),
      ],
    );
    expect(summary(f)).toEqual(['subtask_shared@C3', 'subtask_shared@C4', 'subtask_shared@C5']);
    expect(f.map((x) => x.params.otherCell)).toEqual(['分解表!C5', '分解表!C5', '分解表!C3']);
  });
});
