/** The vocabulary indexes answer exactly as a scan of the whole list would. */
import { describe, expect, it } from 'vitest';
import { codeSet, WordIndex, wordIndex } from '../../../src/core/breakdown/word-index.ts';

// The scans the indexes replace, written plainly.
function firstByScan(words: readonly string[], text: string, i: number): string | null {
  return words.find((w) => w.length > 0 && text.startsWith(w, i)) ?? null;
}
function longestByScan(words: readonly string[], text: string, i: number): string | null {
  let best: string | null = null;
  for (const w of words)
    if (w.length > 0 && text.startsWith(w, i) && (best === null || w.length > best.length)) best = w;
  return best;
}
function longestEndingByScan(words: readonly string[], text: string, i: number): string | null {
  let best: string | null = null;
  for (const w of words) {
    if (
      w.length > 0 &&
      w.length <= i &&
      text.startsWith(w, i - w.length) &&
      (best === null || w.length > best.length)
    )
      best = w;
  }
  return best;
}

describe('codeSet', () => {
  it('holds single characters only and rejects codes outside', () => {
    const set = codeSet(['。', ';', 'ab', '']);
    expect(set.has('。'.charCodeAt(0))).toBe(true);
    expect(set.has(';'.charCodeAt(0))).toBe(true);
    expect(set.has('a'.charCodeAt(0))).toBe(false); // 'ab' is not a single character
    expect(set.has(Number.NaN)).toBe(false); // charCodeAt past the end
    expect(set.has(-1)).toBe(false);
    expect(set.has(0x10000)).toBe(false);
  });
});

describe('WordIndex', () => {
  const words = ['以上', '以', '及以上', '左右', '上下', '上', '', '以上'];
  const index = wordIndex(words);
  const text = '增长5%以上，及以上左右上下游以';

  it('finds the longest word at and before a position, and the first in list order', () => {
    for (let i = -1; i <= text.length + 1; i++) {
      expect(index.longestAt(text, i)).toBe(i < 0 ? null : longestByScan(words, text, i));
      expect(index.firstAt(text, i)).toBe(i < 0 ? null : firstByScan(words, text, i));
      expect(index.longestEndingAt(text, i)).toBe(longestEndingByScan(words, text, i));
    }
    expect(index.longestAt(text, 4)).toBe('以上');
    expect(index.firstAt('上下游', 0)).toBe('上下'); // listed before 上
    expect(index.longestEndingAt(text, 6)).toBe('以上');
  });

  it('returns the earliest entry when a word is listed twice', () => {
    const entries = [
      { word: '万', n: 1 },
      { word: '万亿', n: 2 },
      { word: '万', n: 3 },
    ];
    const byWord = new WordIndex(entries, (e) => e.word);
    expect(byWord.longestAt('5万元', 1)?.n).toBe(1);
    expect(byWord.longestAt('2万亿元', 1)?.n).toBe(2);
    expect(byWord.candidatesAt('万亿', 0).map((c) => c.entry.n)).toEqual([1, 2, 3]);
    expect(byWord.mayStartWith('万'.charCodeAt(0))).toBe(true);
    expect(byWord.mayStartWith('亿'.charCodeAt(0))).toBe(false);
  });
});
