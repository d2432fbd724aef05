import { describe, expect, it } from 'vitest';
import { startsChineseNumeral } from '../../../src/core/breakdown/numbers.ts';
import { NUMERAL_WORDS, RHETORICAL_COUNT_NOUNS } from '../../../src/core/vocab/chinese-numerals.ts';
import { POST_COMPARATOR_WORDS, PRE_COMPARATOR_WORDS } from '../../../src/core/vocab/comparator-words.ts';
import { DEADLINE_SUFFIXES, YEAR_END_WORDS } from '../../../src/core/vocab/deadline-words.ts';
import { KEEP_LEVEL_PHRASES, METRIC_LEADING_FILLER } from '../../../src/core/vocab/indicator-kind-words.ts';
import { MEASURE_UNITS, RATE_UNITS, SCALE_WORDS } from '../../../src/core/vocab/measure-units.ts';
import { breakdownFindings } from '../../../src/core/findings/catalog-breakdown.ts';

const unique = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;

describe('breakdown vocabulary tables', () => {
  it('have no duplicate entries', () => {
    expect(unique(MEASURE_UNITS.map((u) => u.word))).toBe(true);
    expect(unique(PRE_COMPARATOR_WORDS.map((w) => w.word))).toBe(true);
    expect(unique(POST_COMPARATOR_WORDS.map((w) => w.word))).toBe(true);
    expect(unique(NUMERAL_WORDS)).toBe(true);
    expect(unique(RHETORICAL_COUNT_NOUNS)).toBe(true);
    expect(unique(YEAR_END_WORDS)).toBe(true);
    expect(unique(KEEP_LEVEL_PHRASES)).toBe(true);
    expect(unique(METRIC_LEADING_FILLER)).toBe(true);
  });

  it('never start a unit with 万 or 亿, so scale words are always read as scale', () => {
    const scaleFirst = new Set(
      SCALE_WORDS.filter((s) => s.word !== '千' && s.word !== '百').map((s) => s.word[0]),
    );
    expect(MEASURE_UNITS.filter((u) => scaleFirst.has(u.word[0]))).toEqual([]);
  });

  it('map every unit to a canonical unit that is itself in the table, and rate units are units', () => {
    const words = new Set(MEASURE_UNITS.map((u) => u.word));
    for (const u of MEASURE_UNITS) expect(words.has(u.canonical)).toBe(true);
    for (const r of RATE_UNITS) expect(words.has(r)).toBe(true);
  });

  it('list numeral words that really contain a numeral', () => {
    for (const w of NUMERAL_WORDS) expect(Array.from(w).some((c) => startsChineseNumeral(c))).toBe(true);
  });

  it('list deadline suffixes longest first', () => {
    expect([...DEADLINE_SUFFIXES].sort((a, b) => b.length - a.length)).toEqual(DEADLINE_SUFFIXES);
  });

  it('give every breakdown finding a message and a fix in both languages', () => {
    for (const entry of Object.values(breakdownFindings)) {
      expect(entry.zh.length * entry.en.length * entry.fixZh.length * entry.fixEn.length).toBeGreaterThan(0);
    }
    expect(Object.keys(breakdownFindings).sort()).toEqual([
      'comparator_ambiguous',
      'deadline_needs_date',
      'deadline_unreadable',
      'duplicate_sentence',
      'value_unreadable',
    ]);
  });
});
