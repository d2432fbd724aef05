/**
 * The fast paths of normalize.ts must give exactly what the plain definitions give: NFKC by the platform
 * normaliser, whitespace removed by the documented character class, code points counted by Array.from.
 */
import { describe, expect, it } from 'vitest';
import { charCount, compactKey, nfkc, oneToOneKey } from '../../../src/core/text/normalize.ts';

/** compactKey as documented: NFKC, then every whitespace character (incl. zero-width marks) removed. */
function plainCompactKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200B-\u200D\uFEFF]+/g, '');
}

// Characters around the one under test: an inert CJK one, a full-width one that folds alone, and combining
// marks that compose with what precedes them (so a fast path that skipped NFKC would be caught).
const CONTEXTS: readonly ((c: string) => string)[] = [
  (c) => c,
  (c) => `中${c}，`,
  (c) => `${c}\u0301`,
  (c) => `e${c}\u0308`,
  (c) => `Ａ${c} ${c}`,
  (c) => `\u3000${c}\t`,
];

describe('nfkc and compactKey fast paths', () => {
  it('agree with the normaliser for every BMP character in several contexts', () => {
    let checked = 0;
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const make of CONTEXTS) {
        const text = make(c);
        if (nfkc(text) !== text.normalize('NFKC')) throw new Error(`nfkc differs for U+${code.toString(16)}`);
        if (compactKey(text) !== plainCompactKey(text)) {
          throw new Error(`compactKey differs for U+${code.toString(16)}`);
        }
        checked++;
      }
    }
    expect(checked).toBe(0x10000 * CONTEXTS.length);
  });

  it('return inert text unchanged and fold full-width text', () => {
    expect(nfkc('区发改局2024')).toBe('区发改局2024');
    expect(nfkc('增长８％')).toBe('增长8%');
    expect(compactKey(' 区 发改局 ')).toBe('区发改局');
    expect(compactKey('周\u3000栋')).toBe('周栋');
    expect(compactKey('落实（一）')).toBe('落实(一)');
  });
});

describe('oneToOneKey', () => {
  it('is the compact key when every character maps to exactly one', () => {
    expect(oneToOneKey('增长５％，完成')).toBe('增长5%,完成');
    expect(oneToOneKey('推进改革。')).toBe('推进改革。');
  });

  it('is null for spaces, expansions and characters that may combine', () => {
    expect(oneToOneKey('增长 5%')).toBeNull(); // a space: the key is shorter than the text
    expect(oneToOneKey('㈠项目')).toBeNull(); // ㈠ → (一): three characters
    expect(oneToOneKey('e\u0301')).toBeNull(); // composes to é
    expect(oneToOneKey('ｶﾞ')).toBeNull(); // half-width kana with a voiced mark compose
  });

  it('gives, for every slice, the key of that slice', () => {
    const texts = ['深化财税领域改革，完成投资２００亿元；（一）推进“四好农村路”', 'ＡＢＣ，ｄｅｆ！１２３'];
    for (const text of texts) {
      const key = oneToOneKey(text);
      expect(key).not.toBeNull();
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b++) {
          expect(key?.slice(a, b)).toBe(plainCompactKey(text.slice(a, b)));
        }
      }
    }
  });
});

describe('charCount', () => {
  it('counts code points as Array.from does, lone surrogates included', () => {
    const samples = ['', '中文', 'a\u{1F600}b', '\uD800', '\uDC00\uD800', '\u{20000}\u{20001}', 'x\uD83D'];
    for (const s of samples) expect(charCount(s)).toBe(Array.from(s).length);
    expect(charCount('a\u{1F600}b')).toBe(3);
  });
});
