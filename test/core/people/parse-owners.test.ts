/** Owner cells: people, deputies, roles, separators and names written with inner spaces. */
import { describe, expect, it } from 'vitest';
import { isRoleName, makePerson, parseOwners } from '../../../src/core/people/parse-owners.ts';
import type { Person } from '../../../src/core/table-model.ts';

function p(display: string, key = display, deputies: Person[] = [], isRole = false): Person {
  return { display, key, deputies, isRole };
}

describe('parseOwners', () => {
  it('reads one owner with deputies in brackets', () => {
    expect(parseOwners('宋杰（宋海峰/亓子超）')).toEqual([p('宋杰', '宋杰', [p('宋海峰'), p('亓子超')])]);
    expect(parseOwners('宋杰(宋海峰、亓子超)')).toEqual([p('宋杰', '宋杰', [p('宋海峰'), p('亓子超')])]);
  });

  it('reads a bracket holding only a title as a note, not a deputy', () => {
    expect(parseOwners('张三（副区长）')).toEqual([p('张三')]);
  });

  it('splits owners at list separators', () => {
    const two = [p('杜新国'), p('丁玲')];
    expect(parseOwners('杜新国、丁玲')).toEqual(two);
    expect(parseOwners('杜新国，丁玲')).toEqual(two);
    expect(parseOwners('杜新国,丁玲')).toEqual(two);
    expect(parseOwners('杜新国；丁玲')).toEqual(two);
    expect(parseOwners('杜新国/丁玲')).toEqual(two);
    expect(parseOwners('杜新国、')).toEqual([p('杜新国')]);
  });

  it('splits at 和/及 only between two names', () => {
    expect(parseOwners('杜新国和丁玲')).toEqual([p('杜新国'), p('丁玲')]);
    expect(parseOwners('王小明及李四')).toEqual([p('王小明'), p('李四')]);
    expect(parseOwners('张和平')).toEqual([p('张和平')]);
    expect(parseOwners('和平')).toEqual([p('和平')]);
  });

  it('keeps a name written with inner spaces as one person, compared without them', () => {
    expect(parseOwners('周　栋')).toEqual([p('周　栋', '周栋')]);
    expect(parseOwners('陈  莹')).toEqual([p('陈  莹', '陈莹')]);
    expect(parseOwners(' 张  辉 ')).toEqual([p('张  辉', '张辉')]);
    expect(parseOwners('欧阳 娜娜')).toEqual([p('欧阳 娜娜', '欧阳娜娜')]);
    expect(parseOwners('王\n伟')).toEqual([p('王伟')]);
  });

  it('splits at spaces or line breaks when every part is a full name and the whole is longer than 4', () => {
    expect(parseOwners('王小明 李四')).toEqual([p('王小明'), p('李四')]);
    expect(parseOwners('杜新国\n丁玲')).toEqual([p('杜新国'), p('丁玲')]);
    expect(parseOwners('张三 李四')).toEqual([p('张三 李四', '张三李四')]);
  });

  it('reads roles, joining their line breaks', () => {
    expect(parseOwners('各产业链\n组长')).toEqual([p('各产业链组长', '各产业链组长', [], true)]);
    expect(parseOwners('主要负责同志')).toEqual([p('主要负责同志', '主要负责同志', [], true)]);
    expect(parseOwners('区发改局主要负责人')[0]?.isRole).toBe(true);
  });

  it('gives no one for empty markers', () => {
    for (const text of ['', '   ', '/', '／', '—', '无', '待定']) expect(parseOwners(text)).toEqual([]);
  });

  it('never throws on odd text', () => {
    // Keys are NFKC: full-width brackets become half-width.
    expect(parseOwners('宋杰（宋海峰')).toEqual([p('宋杰（宋海峰', '宋杰(宋海峰')]);
    expect(parseOwners('（）')).toEqual([p('（）', '()')]);
    expect(parseOwners('、、、')).toEqual([]);
  });
});

describe('isRoleName and makePerson', () => {
  it('recognises roles and posts', () => {
    expect(
      ['各产业链组长', '相关负责人', '分管负责同志', '区长', '张局长', '办公室主任'].map(isRoleName),
    ).toEqual(Array(6).fill(true));
    expect(['陈学刚', '周　栋', '各', ''].map(isRoleName)).toEqual([false, false, false, false]);
  });

  it('keeps the display and compacts the key', () => {
    expect(makePerson(' 周　栋 ')).toEqual(p('周　栋', '周栋'));
    expect(makePerson('ＡＢ　Ｃ')).toEqual(p('ＡＢ　Ｃ', 'ABC'));
  });
});
