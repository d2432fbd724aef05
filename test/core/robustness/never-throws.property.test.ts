/**
 * The core never throws on any grid or string (issue 3 §5): property tests over well over 100,000 generated
 * inputs — random Unicode, huge numbers, 10,000-character cells, malformed (ragged, sparse, error-filled)
 * grids. Each `numRuns` below is counted in the total asserted at the end.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeGrid } from '../../../src/core/analyze.ts';
import { breakDownTarget } from '../../../src/core/breakdown/break-down-target.ts';
import { extractIndicators } from '../../../src/core/breakdown/extract-indicators.ts';
import { parseDeadline } from '../../../src/core/breakdown/deadlines.ts';
import { splitSubtasks } from '../../../src/core/breakdown/split-subtasks.ts';
import type { Finding } from '../../../src/core/findings.ts';
import type { Grid, RawCell } from '../../../src/core/grid.ts';
import { parseOwners } from '../../../src/core/people/parse-owners.ts';
import { parseUnits } from '../../../src/core/people/parse-units.ts';

let generated = 0;

// Validation turns a crashed check into a `validate_check_failed` finding so the other checks still run;
// for these properties that counts as a throw.
function noInternalFailure(findings: readonly Finding[]): void {
  const failed = findings.find((f) => f.code === 'validate_check_failed');
  if (failed) throw new Error(`a validation check crashed: ${JSON.stringify(failed.params)}`);
}
function runs(n: number): { numRuns: number; seed?: number } {
  generated += n;
  return { numRuns: n };
}

// Vocabulary fragments make random text hit the interesting code paths, not only garbage.
const WORDS = [
  '序号',
  '责任单位',
  '目标任务',
  '目   标   任   务',
  '责任人',
  '牵头单位',
  '完成率',
  '进度',
  '合计',
  '全市',
  '增长',
  '5.5%',
  '以上',
  '以下',
  '左右',
  '万元',
  '亿元',
  '分别',
  '、',
  '；',
  '。',
  '（',
  '）',
  '6月底前',
  '正月十五前',
  '一季度',
  '十大工程',
  '“',
  '”',
  '两个',
  '突破',
  '190家',
  '—1—',
  '\n',
  '\u3000',
  '%',
  '％',
  '７２００',
];
const word = fc.constantFrom(...WORDS);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(word, { maxLength: 12 }).map((w) => w.join('')),
  fc.array(fc.oneof(word, fc.string({ maxLength: 3 })), { maxLength: 20 }).map((w) => w.join('')),
);
const hugeText = fc
  .nat({ max: 10_000 })
  .chain((n) => fc.constantFrom('目', '5', '%', '；', ' ').map((c) => c.repeat(n)));
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, -0),
);
const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: number },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!').map((error) => ({ error })),
  },
);
const grid: fc.Arbitrary<Grid> = fc
  .record({
    cells: fc.array(fc.array(rawCell, { maxLength: 8 }), { maxLength: 14 }),
    originRow: fc.nat({ max: 50 }),
    originCol: fc.nat({ max: 5 }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: -2, max: 20 }),
        left: fc.integer({ min: -2, max: 10 }),
        h: fc.nat(4),
        w: fc.nat(3),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ cells, originRow, originCol, merges }) => ({
    sheet: '表1',
    origin: { row: originRow, col: originCol },
    cells,
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));

// A header the reader will accept, so random bodies go through breakdown and validation too.
const tableGrid: fc.Arbitrary<Grid> = fc
  .array(fc.tuple(rawCell, rawCell, fc.oneof(text, hugeText), rawCell, rawCell), { maxLength: 12 })
  .map((rows) => ({
    sheet: 'S',
    origin: { row: 0, col: 0 },
    cells: [['2024年重点工作任务分解表'], ['序号', '责任单位', '目标任务', '责任人', '完成率'], ...rows],
  }));

describe('the core never throws', () => {
  it('analyzeGrid on arbitrary grids', () => {
    fc.assert(
      fc.property(grid, (g) => {
        noInternalFailure(analyzeGrid(g).findings);
      }),
      runs(15_000),
    );
  });

  it('analyzeGrid on grids with a real header and random bodies', () => {
    fc.assert(
      fc.property(tableGrid, (g) => {
        noInternalFailure(analyzeGrid(g, { asOf: '2024-06-30' }).findings);
      }),
      runs(10_000),
    );
  }, 120_000);

  it('text parsers on arbitrary text', () => {
    fc.assert(
      // A plan year is a real year or unknown; anything else is misuse and throws a typed error by design.
      fc.property(text, fc.option(fc.integer({ min: 1900, max: 2100 })), (t, year) => {
        splitSubtasks(t);
        extractIndicators(t);
        parseDeadline(t, year);
        parseOwners(t);
        parseUnits(t);
      }),
      runs(60_000),
    );
  }, 120_000);

  it('breakDownTarget on arbitrary and 10,000-character text', () => {
    fc.assert(
      fc.property(fc.oneof(text, hugeText), (t) => {
        breakDownTarget(t, {
          planYear: 2024,
          serial: '1',
          at: { sheet: 'S', row: 3, col: 2 },
          units: ['区发改局'],
          owners: [],
          taskRow: 3,
        });
      }),
      runs(16_000),
    );
  }, 120_000);

  afterAll(() => {
    expect(generated).toBeGreaterThanOrEqual(100_000);
  });
});
