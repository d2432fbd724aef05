/**
 * The id set behind the duplicate-id and orphan checks: breakdown-form ids become numbers (row × 100 +
 * sequence), anything else stays text, and the set must answer exactly as a set of the id texts would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet, idNumber } from '../../../src/core/score/id-set.ts';

describe('idNumber', () => {
  it.each([
    ['1.01', 101],
    ['12.03', 1203],
    ['52.10', 5210],
    ['9999999.99', 999_999_999],
  ])('%s → %d', (id, n) => {
    expect(idNumber(id)).toBe(n);
  });

  it.each(['01.01', '0.01', '1.1', '1.100', '1.0a', 'a.01', '1,01', '12.3', '', '10000000.01', '１.01'])(
    'leaves %s as text',
    (id) => {
      expect(idNumber(id)).toBe(-1);
    },
  );
});

describe('IdSet', () => {
  it('tells new ids from repeated ones, numbers and texts alike', () => {
    const s = new IdSet();
    expect(s.add('1.01')).toBe(true);
    expect(s.add('1.02')).toBe(true);
    expect(s.add('01.01')).toBe(true); // text, not the number 101
    expect(s.add('1.01')).toBe(false);
    expect(s.add('01.01')).toBe(false);
    expect(s.add('9999999.99')).toBe(true); // beyond the bit table
    expect(s.add('9999999.99')).toBe(false);
    expect(s.has('1.02')).toBe(true);
    expect(s.has('1.03')).toBe(false);
    expect(s.has('01.02')).toBe(false);
    expect(s.has('167772.15')).toBe(false); // the last number in the bit table, never added
  });

  it('answers as a set of the id texts does', () => {
    const digits = fc.constantFrom('0', '1', '2', '9');
    const id = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 99 }))
        .map(([row, seq]) => `${row}.${String(seq).padStart(2, '0')}`),
      fc.array(fc.oneof(digits, fc.constantFrom('.', 'a', '-')), { maxLength: 6 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.array(id, { maxLength: 20 }), (added, asked) => {
        const mine = new IdSet();
        const texts = new Set<string>();
        for (const x of added) {
          expect(mine.add(x)).toBe(!texts.has(x));
          texts.add(x);
        }
        for (const x of [...added, ...asked]) expect(mine.has(x)).toBe(texts.has(x));
      }),
      { numRuns: 500 },
    );
  });
});
