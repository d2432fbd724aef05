/**
 * Scoring reads every reported cell with hand-written scans instead of regular expressions and general
 * helpers, and breakdown finds the unit each target was written in by one (`writtenUnit`). Each scan must give exactly what the plain formulation gives; the plain formulations are
 * written out here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmedOrNull } from '../../../src/core/text/fast-key.ts';
import type { Indicator } from '../../../src/core/breakdown-model.ts';
import { isRateUnit, unitShape } from '../../../src/core/measure/unit-shape.ts';
import { figureValue, writtenUnit } from '../../../src/core/measure/written-unit.ts';
import { MEASURE_UNITS } from '../../../src/core/vocab/validate-measure-units.ts';
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

describe('writtenUnit', () => {
  // The written unit as a plain formulation finds it: every figure of the compact key (a regular
  // expression), then every word of up to 6 characters after it, longest first, looked up as a unit.
  // '完成投资200亿元以上' → 200, then '亿元以上', '亿元以', '亿元' (found: 200 × 1e8 = 2e10).
  function referenceWrittenUnit(ind: Pick<Indicator, 'unit' | 'value' | 'text'>): string | null {
    const { unit, value } = ind;
    if (unit === null || value === null || isRateUnit(unit) || !Number.isFinite(value)) return unit;
    const target = unitShape(unit);
    if (!target) return unit;
    const key = compactKey(ind.text).replace(THOUSANDS, '$1');
    for (const m of key.matchAll(/\d+(?:\.\d+)?/g)) {
      const figure = Number(m[0]);
      const start = m.index + m[0].length;
      if (figure === value && key.startsWith(unit, start)) return unit;
      for (let len = Math.min(6, key.length - start); len >= 1; len--) {
        const candidate = key.slice(start, start + len);
        const s = unitShape(candidate);
        if (!s || s.base !== target.base) continue;
        if (Math.abs((figure * s.factor) / target.factor - value) <= 1e-9 * Math.max(1, Math.abs(value)))
          return candidate;
      }
    }
    return unit;
  }

  // Unit words as targets write them (listed units, prefixed and wrapped ones), and words that follow
  // figures without being units.
  const listed = Object.keys(MEASURE_UNITS);
  const words = fc.oneof(
    fc.constantFrom(...listed),
    fc.tuple(fc.constantFrom('万', '亿', '千', '万亿'), fc.constantFrom(...listed)).map(([p, u]) => p + u),
    fc
      .tuple(
        fc.constantFrom(...listed),
        fc.constantFrom(['（', '）'], ['[', ']'], ['【', '】'], ['单位：', '']),
      )
      .map(([u, [open, close]]) => `${open}${u}${close}`),
    fc.constantFrom(
      '以上',
      '左右',
      '以内',
      '年',
      '月底前',
      '，',
      '、',
      '个百分点',
      '%',
      '㎡',
      'm2',
      '单位：',
      '万',
    ),
    fc.string({ maxLength: 3 }),
  );
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 99999 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
    fc.constantFrom('1,200', '８', '2024'),
  );
  const text = fc.array(fc.oneof(figure, words), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
  // The canonical unit and value of an indicator: a listed unit's base, and a figure times a factor that
  // may be the one the text wrote (so that the search finds something as often as not).
  const indicator = fc
    .tuple(
      text,
      fc.constantFrom(...listed),
      fc.integer({ min: 0, max: 99999 }),
      fc.constantFrom(1, 1e3, 1e4, 1e8),
    )
    .map(([t, u, n, factor]) => ({ text: t, unit: MEASURE_UNITS[u]?.base ?? u, value: n * factor }));

  it('finds the unit the plain formulation finds, on generated targets', () => {
    fc.assert(
      fc.property(indicator, (ind) => {
        expect(writtenUnit(ind)).toBe(referenceWrittenUnit(ind));
      }),
      { numRuns: 20000 },
    );
  });

  it('finds it when the text writes the value in a larger unit, after words that are not units', () => {
    // The value is the written figure in the canonical unit, exactly or off by a relative 1e-12 (a match)
    // or 1e-6 (no match); figures are written with thousands separators and decimals.
    const written = fc.oneof(
      fc.integer({ min: 1, max: 9_999_999 }).map((n) => [n.toLocaleString('en-US'), n] as const),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 99 }))
        .map(([a, b]) => [`${a}.${b}`, Number(`${a}.${b}`)] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...listed),
        fc.constantFrom(['', 1] as const, ['万', 1e4] as const, ['亿', 1e8] as const, ['千', 1e3] as const),
        written,
        fc.constantFrom(1, 1 + 1e-12, 1 + 1e-6),
        fc.constantFrom('', '以上', '左右，其中2024年完成', '（含续建）'),
        fc.constantFrom(['', ''], ['（', '）'], ['[', ']'], ['【', '】'], ['单位：', ''], ['计量单位:', '']),
        (u, [prefix, factor], [figure, n], off, tail, [open, close]) => {
          const base = MEASURE_UNITS[u]?.base ?? u;
          const ind = {
            text: `完成${figure}${open}${prefix}${u}${close}${tail}`,
            unit: base,
            value: n * factor * (MEASURE_UNITS[u]?.factor ?? 1) * off,
          };
          expect(writtenUnit(ind)).toBe(referenceWrittenUnit(ind));
        },
      ),
      { numRuns: 10000 },
    );
  });
});
