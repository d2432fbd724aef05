/** Helpers added to src/core/text for the table stage. */
import { describe, expect, it } from 'vitest';
import { charCount, headerKey, joinLineBreaks } from '../../../src/core/text/normalize.ts';
import { splitTopLevel } from '../../../src/core/text/split-top-level.ts';

describe('splitTopLevel', () => {
  it('splits outside brackets only', () => {
    expect(splitTopLevel('甲、乙（丙、丁）', '、')).toEqual(['甲', '乙（丙、丁）']);
    expect(splitTopLevel('a/b(c/d)/e', '/')).toEqual(['a', 'b(c/d)', 'e']);
    expect(splitTopLevel('“a、b”、c', '、')).toEqual(['“a、b”', 'c']);
    expect(splitTopLevel('', '、')).toEqual(['']);
    expect(splitTopLevel('a((b/c', '/')).toEqual(['a((b/c']);
    expect(splitTopLevel('a)/b', '/')).toEqual(['a)', 'b']);
  });
});

describe('normalize additions', () => {
  it('joinLineBreaks removes breaks with their surrounding spaces only', () => {
    expect(joinLineBreaks('市生态环境局\n泰山分局')).toBe('市生态环境局泰山分局');
    expect(joinLineBreaks('各产业链 \r\n 组长')).toBe('各产业链组长');
    expect(joinLineBreaks('周　栋')).toBe('周　栋');
  });

  it('headerKey compacts and lower-cases ASCII', () => {
    expect(headerKey(' 序  号 ')).toBe('序号');
    expect(headerKey('No.')).toBe('no.');
    expect(headerKey('完成目标（％）')).toBe('完成目标(%)');
  });

  it('charCount counts code points', () => {
    expect(charCount('𠀀a')).toBe(2);
    expect(charCount('区发改局')).toBe(4);
  });
});
