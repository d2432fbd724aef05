/**
 * Reading a ledger and reading progress from a table never throw, whatever the cells (issue 3 §5 applies to
 * every core reader): generated rows under a real ledger header, and generated tables with figure columns.
 * Every finding raised renders in both languages (its code is in the catalog).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyzeGrid } from '../../../src/core/analyze.ts';
import { catalogEntry, renderFinding } from '../../../src/core/findings/catalog.ts';
import type { Finding } from '../../../src/core/findings.ts';
import type { Grid, RawCell } from '../../../src/core/grid.ts';
import { readLedger } from '../../../src/core/ledger/read-ledger.ts';
import { readTableProgress } from '../../../src/core/progress/progress-from-table.ts';
import { HEADER } from './fixtures.ts';

// Fragments that reach the interesting paths: lists, ranges, units, status words, dates.
const WORDS = [
  '、',
  '；',
  '～',
  '-',
  '≥',
  '≤',
  '≈',
  '区间',
  '亿元',
  '万元',
  '家',
  '%',
  '人',
  '已完成',
  '序时推进',
  '2024-06-30',
  '6月底前',
  '长期',
  '1.01',
  '190',
  '4.5',
  '0',
  '-3',
  '新增城镇就业7200人',
  '完成投资200亿元以上',
];

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((a) => a.join('')),
);

// A placeholder in a catalog template: '{id}' ✓, '{cell}' ✓; '｛中文｝' ✗, '{}' ✗.
const PLACEHOLDER = /\{(\w+)\}/g;

// Render every finding in both languages; ours (ledger_*, table_progress_*) must supply every parameter
// their templates name. Checked on the template, not the rendered text: a user's cell may itself contain
// text such as '{0}', which is not a missing parameter.
function rendered(findings: readonly Finding[]): void {
  for (const f of findings) {
    renderFinding(f, 'zh');
    renderFinding(f, 'en');
    if (!f.code.startsWith('ledger_') && !f.code.startsWith('table_progress_')) continue;
    const entry = catalogEntry(f.code);
    for (const template of [entry.zh, entry.en, entry.fixZh, entry.fixEn]) {
      for (const m of template.matchAll(PLACEHOLDER)) {
        const name = m[1] ?? '';
        if (name !== 'cell' && !(name in f.params)) {
          throw new Error(`${f.code} has no parameter {${name}} for: ${template}`);
        }
      }
    }
  }
}

describe('never throws', () => {
  it('readLedger, for any rows under the ledger header and any as-of date in range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 24 }), { maxLength: 12 }),
        fc.option(fc.string({ maxLength: 30 })),
        fc.constantFrom('2024-01-01', '2024-03-31', '2024-06-30', '2025-02-28', '2023-12-31'),
        (rows, title, asOf) => {
          const grid: Grid = {
            sheet: '任务台账',
            origin: { row: 0, col: 0 },
            cells: [...(title === null ? [] : [[title]]), [...HEADER], ...rows],
          };
          rendered(readLedger(grid, { asOf }).findings);
          rendered(readLedger(grid).findings);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('readTableProgress, for any long table with figure columns', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const grid: Grid = {
          sheet: '表1',
          origin: { row: 0, col: 0 },
          cells: [
            ['序号', '责任单位', '目标任务', '目标值', '完成值', '完成率', '进展情况', '权重'],
            ...rows,
          ],
        };
        const analysis = analyzeGrid(grid, { planYear: 2024 }).analysis;
        if (analysis) rendered(readTableProgress(analysis.table, analysis.breakdown, { grid }).findings);
      }),
      { numRuns: 200 },
    );
  });
});
