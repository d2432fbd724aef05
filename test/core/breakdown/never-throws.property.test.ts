/**
 * Random junk never throws, and what comes back keeps its invariants: sub-task texts are slices of the
 * input, ids are unique, every sub-task has an indicator, values are finite or null, deadlines are ISO.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakDownTarget } from '../../../src/core/breakdown/break-down-target.ts';
import { extractIndicators } from '../../../src/core/breakdown/extract-indicators.ts';
import { parseDeadline, parseRowDeadline } from '../../../src/core/breakdown/deadlines.ts';
import { splitSubtasks } from '../../../src/core/breakdown/split-subtasks.ts';

// Pieces that exercise every path: numbers, units, scale words, comparator words, quotes, brackets, item
// markers, deadline words, list separators, Chinese numerals and awkward Unicode.
const TOKENS = [
  '增长',
  '5.5',
  '8',
  '1,017',
  '1.2.3',
  '%',
  '％',
  '个百分点',
  '万',
  '亿',
  '元',
  '亿元',
  '万吨',
  '人',
  '家',
  '个',
  '所',
  '千瓦',
  '以上',
  '以下',
  '左右',
  '约',
  '突破',
  '控制在',
  '不低于',
  '稳定在',
  '至',
  '-',
  '～',
  '分别',
  '、',
  '，',
  '。',
  '；',
  '“',
  '”',
  '（',
  '）',
  '《',
  '》',
  '1.',
  '①',
  '一是',
  '二是',
  '两',
  '十',
  '三十五',
  '一百二十',
  '三五',
  '十大',
  '一批',
  '6月底前',
  '2月底',
  '上半年',
  '一季度',
  '年内',
  '正月十五前',
  '春节前',
  '端午节前',
  '国庆节前',
  '2024年',
  '2024-06-30',
  '余',
  '多',
  '保持稳定',
  '不低于全市平均',
  '与经济增长基本同步',
  '\n',
  ' ',
  '　',
  '完成',
  '推进',
  '项目',
  '😀',
  '\u0000',
  '\uD800',
  '\u200B',
  'A',
  '5G',
  '百分之',
  '第',
  '过',
  '达到',
];

const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join('')),
);

const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('breakdown never throws', () => {
  it('on random text (splitSubtasks, extractIndicators, parseDeadline, breakDownTarget)', () => {
    fc.assert(
      fc.property(junk, fc.constantFrom(2024, 2022, 2050, null), (text, year) => {
        const pieces = splitSubtasks(text);
        for (const p of pieces) expect(text.slice(p.start, p.end)).toBe(p.text);
        for (const ind of extractIndicators(text)) {
          if (ind.value !== null) expect(Number.isFinite(ind.value)).toBe(true);
          if (ind.valueMax !== null) expect(ind.valueMax).toBeGreaterThanOrEqual(ind.value ?? -Infinity);
        }
        const d = parseDeadline(text, year);
        if (d.iso !== null) expect(d.iso).toMatch(ISO);
        const { subTasks } = breakDownTarget(text, {
          planYear: year,
          serial: '1',
          at: { sheet: 'S', row: 0, col: 0 },
          units: [],
          owners: [],
          taskRow: 0,
          rowDeadline: text,
        });
        expect(new Set(subTasks.map((s) => s.id)).size).toBe(subTasks.length);
        for (const s of subTasks) {
          expect(s.indicators.length).toBeGreaterThan(0);
          if (s.deadline !== null) expect(s.deadline).toMatch(ISO);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('on any row deadline cell value', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!') }),
    );
    fc.assert(
      fc.property(cell, (raw) => {
        const r = parseRowDeadline(raw, 2024);
        if (r.iso !== null) expect(r.iso).toMatch(ISO);
      }),
      { numRuns: 5_000 },
    );
  });

  it('on a 10,000-character cell', () => {
    const long = Array.from({ length: 500 }, (_, k) => `推进项目${k}建设，完成投资${k}亿元以上。`).join('');
    const { subTasks } = breakDownTarget(long.slice(0, 10_000), {
      planYear: 2024,
      serial: '1',
      at: { sheet: 'S', row: 0, col: 0 },
      units: [],
      owners: [],
      taskRow: 0,
    });
    expect(subTasks.length).toBeGreaterThan(300);
    expect(() => extractIndicators('一'.repeat(10_000))).not.toThrow();
    expect(() => splitSubtasks('“'.repeat(5_000) + '；'.repeat(5_000))).not.toThrow();
    expect(() => extractIndicators('9'.repeat(10_000) + '亿元')).not.toThrow();
  });
});
