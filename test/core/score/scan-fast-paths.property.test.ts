/**
 * Scoring reads every reported cell with hand-written scans instead of regular expressions and general
 * helpers. Each scan must give exactly what the plain formulation gives; the plain formulations are
 * written out here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmedOrNull } from '../../../src/core/text/fast-key.ts';
import { figureValue } from '../../../src/core/measure/written-unit.ts';
import { findStatusWord, interpretActual, readFigure } from '../../../src/core/score/interpret-actual.ts';
import { compactKey } from '../../../src/core/text/normalize.ts';
import { APPROXIMATE_WORDS, DECLINE_WORDS } from '../../../src/core/vocab/actual-value-words.ts';
import { STATUS_WORDS, STATUS_WORD_PUNCTUATION } from '../../../src/core/vocab/status-words.ts';

/**
 * The figure of a key as the regular-expression formulation reads it: the first match of an optional sign
 * and digits with optional decimals; a second match makes the key ambiguous.
 * @example '4496人' → 4496, suffix 人; '1-5月完成30亿元' → three matches (many); '同比下降1.2%' → −1.2, suffix %
 */
const FIGURE = /[-+]?\d+(?:\.\d+)?/g;
// '1,200' → '1200'; '1,20' unchanged; '4,496人' → '4496人'
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
// '人(含灵活就业)' → '人'; '亿元[预计]' → '亿元'; '【注】吨' → '吨'
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】/g;

function reference(compact: string): unknown {
  const key = compact.replace(/\u2212/g, '-').replace(THOUSANDS, '$1'); // '−1' → '-1'
  const matches = [...key.matchAll(FIGURE)];
  const m = matches[0];
  if (!m) return 'none';
  if (matches.length > 1) return 'many';
  const text = m[0];
  let value = Number(text);
  const before = key.slice(0, m.index);
  const declines = [...DECLINE_WORDS].sort((a, b) => b.length - a.length);
  if (value > 0 && m.index > 0 && declines.some((w) => before.endsWith(w))) value = -value;
  let suffix = Array.from(key.slice(m.index + text.length).replace(BRACKETED, ''))
    .filter((ch) => !STATUS_WORD_PUNCTUATION.includes(ch))
    .join('');
  const approx = [...APPROXIMATE_WORDS].sort((a, b) => b.length - a.length);
  for (const w of approx) if (suffix.startsWith(w)) suffix = suffix.slice(w.length);
  for (const w of approx) if (suffix.endsWith(w)) suffix = suffix.slice(0, suffix.length - w.length);
  const percent = suffix === '%';
  const dot = text.indexOf('.');
  return {
    value,
    suffix,
    percent,
    hundredth: percent ? Number(`${text}e-2`) * (value === Number(text) ? 1 : -1) : value / 100,
    decimals: dot < 0 ? 0 : text.length - dot - 1,
  };
}

const PIECES = [
  '4496',
  '30.05',
  '-',
  '+',
  '−',
  '.',
  ',',
  '1,200',
  '1,20',
  '%',
  '亿元',
  '人',
  '左右',
  '以上',
  '余',
  '下降',
  '同比下降',
  '(含)',
  '[预计]',
  '【注】',
  '。',
  '“',
  '、',
  '完成',
  'a',
  '0',
  '7',
];
const keyText = fc.array(fc.constantFrom(...PIECES), { maxLength: 7 }).map((a) => a.join(''));

describe('hand-written scans agree with their plain formulations', () => {
  it('readFigure reads what the regular expressions read', () => {
    fc.assert(
      fc.property(fc.oneof(keyText, fc.string({ maxLength: 12 })), (key) => {
        expect(readFigure(key)).toEqual(reference(key));
      }),
      { numRuns: 3000 },
    );
  });

  it('trimmedOrNull is trim(), with blank as null', () => {
    const spaces = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u3000',
      '\u00a0',
      '\u2003',
      '\ufeff',
      '\u2028',
      '\u0085',
    );
    const text = fc.array(fc.oneof(spaces, fc.constantFrom('部', '门', 'a', '1', '—')), { maxLength: 6 });
    fc.assert(
      fc.property(
        fc.oneof(
          text.map((a) => a.join('')),
          fc.string({ maxLength: 8 }),
        ),
        (value) => {
          const t = value.trim();
          expect(trimmedOrNull(value)).toBe(t === '' ? null : t);
        },
      ),
      { numRuns: 3000 },
    );
    expect(trimmedOrNull(null)).toBeNull();
    expect(trimmedOrNull(undefined)).toBeNull();
  });

  it('a progress text is a status word only when it is one as a whole, however long', () => {
    // Reference: compact the text, drop the punctuation, and look the rest up — but only when the compact
    // text is no longer than the longest word (8) plus 4 marks of punctuation.
    const words = Object.keys(STATUS_WORDS);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom('。', '“', '”', ' ', '\u3000', '推', '进', '，', '完成投资5亿元'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const compact = compactKey(text);
        const bare = Array.from(compact)
          .filter((ch) => !STATUS_WORD_PUNCTUATION.includes(ch))
          .join('');
        const cls =
          compact.length <= 12 && Object.hasOwn(STATUS_WORDS, bare) ? STATUS_WORDS[bare] : undefined;
        expect(findStatusWord(text, true)).toEqual(
          bare !== '' && cls !== undefined ? { kind: 'word', cls, word: bare } : { kind: 'none' },
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a status cell holding exactly a vocabulary word', () => {
  // The shortcut for a cell that is exactly a word must read it as the full path does. A leading space
  // forces the full path (the compact key drops it), so the two readings of each word are compared.
  const at = { sheet: '台账', row: 3, col: 13 };
  const ctx = { unit: null, plainUnit: null, expectsFigure: false };
  it.each(Object.keys(STATUS_WORDS))('%s', (word) => {
    const direct = interpretActual({ value: word, raw: word, at }, null, ctx);
    const spaced = interpretActual({ value: ` ${word}`, raw: ` ${word}`, at }, null, ctx);
    expect({ ...direct, raw: null }).toEqual({ ...spaced, raw: null });
  });
});

describe('figureValue', () => {
  // The figure of a target text as Number reads its slice, the formulation it replaces.
  const digits = fc.stringMatching(/^[0-9]{1,18}$/);
  const figure = fc.oneof(
    digits,
    fc.tuple(digits, digits).map(([whole, part]) => `${whole}.${part}`),
  );

  it('reads every figure exactly as Number reads its slice, long ones and leading zeros included', () => {
    fc.assert(
      fc.property(figure, fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), (f, before, after) => {
        const key = before + f + after;
        const start = before.length;
        const end = start + f.length;
        expect(Object.is(figureValue(key, start, end), Number(key.slice(start, end)))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('known cases: whole numbers, decimals that are not exact in binary, and the 15-digit edge', () => {
    for (const f of ['0', '7200', '5.5', '0.1', '30.05', '68.15', '123456789012345', '1234567890.12345']) {
      expect(figureValue(`x${f}元`, 1, 1 + f.length)).toBe(Number(f));
    }
  });
});
