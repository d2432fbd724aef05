import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, percentFixed, percentTrimmed, roundTo, trimmed } from '../../../src/core/score/numbers.ts';

describe('roundTo — half away from zero, immune to binary noise', () => {
  it('rounds like Excel ROUND', () => {
    expect(roundTo(68.15, 1)).toBe(68.2); // 68.15 × 10 is 681.4999… in binary
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(68.14, 1)).toBe(68.1);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('fixed and trimmed', () => {
  it('fixed decimals', () => {
    expect(fixed(68.125, 1)).toBe('68.1');
    expect(fixed(68.15, 1)).toBe('68.2');
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-1.25, 1)).toBe('-1.3');
    expect(fixed(112, 0)).toBe('112');
    expect(fixed(0.05, 1)).toBe('0.1');
    expect(fixed(3.14159, 3)).toBe('3.142');
    expect(fixed(30.0004, 2)).toBe('30.00');
    expect(fixed(108.71142, 2)).toBe('108.71');
    expect(fixed(1e300, 1)).toBe((1e300).toFixed(1));
  });

  it('agrees with toFixed of the rounded value for ordinary numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        const r = roundTo(v, d);
        expect(fixed(v, d)).toBe((r === 0 ? 0 : r).toFixed(d));
      }),
    );
  });

  it('trimmed drops trailing zeros', () => {
    expect(trimmed(75, 1)).toBe('75');
    expect(trimmed(41.666, 1)).toBe('41.7');
    expect(trimmed(30.05, 4)).toBe('30.05');
    expect(trimmed(100, 1)).toBe('100');
    expect(trimmed(0.5, 0)).toBe('1');
  });

  it('percentages from ratios', () => {
    expect(percentFixed(0.68121, 1)).toBe('68.1%');
    expect(percentTrimmed(0.75, 1)).toBe('75%');
    expect(percentTrimmed(5 / 12, 1)).toBe('41.7%');
  });
});
