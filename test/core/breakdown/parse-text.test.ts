/** The parsing view: characters, source offsets and flags, for short texts and for very long ones. */
import { describe, expect, it } from 'vitest';
import { KIND, parseText, PROTECTED, QUOTED } from '../../../src/core/breakdown/parse-text.ts';

describe('parseText', () => {
  it('folds full-width characters, drops spaces and maps back to the source', () => {
    const p = parseText('增长８％\u3000以上');
    expect(p.chars).toBe('增长8%以上');
    expect(p.fromOf(2)).toBe(2); // ８
    expect(p.fromOf(4)).toBe(5); // 以, after the ideographic space
    expect(p.hasSpaceBefore(4)).toBe(true);
    expect(p.hasSpaceBefore(3)).toBe(false);
    expect(p.sourceSlice(2, 6)).toBe('８％\u3000以上');
  });

  it('marks quotes and brackets, and a view keeps the marks of the whole text', () => {
    const p = parseText('推进“四好农村路”（含5条）建设');
    expect(p.isQuoted(3)).toBe(true); // 四
    expect(p.isQuoted(2)).toBe(false); // the quote mark itself
    expect(p.isProtected(p.chars.indexOf('5'))).toBe(true);
    expect(p.inParenZone(p.chars.indexOf('('))).toBe(true);
    const view = p.subView(2, 9);
    expect(view.chars).toBe('“四好农村路”');
    expect(view.isQuoted(1)).toBe(true);
    expect(view.sourceSlice(0, view.chars.length)).toBe('“四好农村路”');
    expect((view.storedFlagsAt(1) & (QUOTED | PROTECTED)) !== 0).toBe(true);
  });

  it('gives a view no space before its first character', () => {
    const p = parseText('完成 建设');
    expect(p.hasSpaceBefore(2)).toBe(true);
    expect(p.subView(2, 4).hasSpaceBefore(0)).toBe(false);
  });

  it('records character kinds from the vocabulary', () => {
    const p = parseText('一是完成，二是推进；');
    expect(p.hasKind(4, KIND.clauseSeparator)).toBe(true); // ，→ ,
    expect(p.hasKind(9, KIND.boundary)).toBe(true); // ；→ ;
  });

  it('maps every character of a long text that NFKC expands (past any preset capacity)', () => {
    // U+FDFA expands to 18 characters: 4,000 of them push the parse far past the text's length.
    let text = '';
    for (let k = 0; k < 4000; k++) text += k % 2 === 0 ? '中，' : '\uFDFA';
    const p = parseText(text);
    expect(p.chars).toBe(
      Array.from(text, (c) =>
        c === '\uFDFA' ? c.normalize('NFKC').replace(/\s/g, '') : c.normalize('NFKC'),
      ).join(''),
    );
    for (let i = 0; i < p.chars.length; i++) {
      const from = p.fromOf(i);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(text.slice(from, p.toOf(i)).normalize('NFKC').replace(/\s/g, '')).toContain(p.chars[i]);
    }
    expect(p.fromOf(p.chars.length - 1)).toBe(text.length - 1);
  });

  it('keeps each parse intact while later ones are made', () => {
    const texts = Array.from({ length: 3000 }, (_, k) => `第${k}项（含${k}个）“${k}” 完成，`);
    const parses = texts.map((t) => parseText(t));
    parses.forEach((p, k) => {
      const again = parseText(texts[k] ?? '');
      expect(p.chars).toBe(again.chars);
      for (let i = 0; i < p.chars.length; i++) {
        expect(p.flagsAt(i)).toBe(again.flagsAt(i));
        expect(p.fromOf(i)).toBe(again.fromOf(i));
      }
    });
  });
});
