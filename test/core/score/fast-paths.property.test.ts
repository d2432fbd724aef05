/**
 * The score stage keeps fast versions of two shared helpers; they must give exactly the shared results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactKeyFast } from '../../../src/core/text/fast-key.ts';
import { textLength } from '../../../src/core/score/score-subtask.ts';
import { compactKey } from '../../../src/core/text/normalize.ts';
import { progressLength } from '../../../src/core/validate/validate-progress.ts';

// Characters that matter: ASCII, CJK, full-width forms, every kind of space, compatibility ideographs,
// surrogate pairs (emoji, CJK extension B).
const tricky = fc.constantFrom(
  'a',
  '1',
  ' ',
  '\t',
  '\n',
  '\u3000',
  '\u00a0',
  '\u2003',
  '\u200b',
  '\ufeff',
  '完',
  '成',
  '％',
  '１',
  '（',
  '\uf900',
  '𠀀',
  '😀',
  '—',
  '。',
);
const text = fc.oneof(
  fc.array(tricky, { maxLength: 30 }).map((a) => a.join('')),
  fc.string({ maxLength: 30 }),
);

describe('fast paths agree with the shared helpers', () => {
  it('compactKeyFast === compactKey', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(compactKeyFast(t)).toBe(compactKey(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('textLength === progressLength', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(textLength(t)).toBe(progressLength(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a 200-character report with line breaks and indents as the notice does', () => {
    expect(textLength(`\u3000\u3000${'推'.repeat(100)}\r\n${'进'.repeat(100)}`)).toBe(200);
  });
});
