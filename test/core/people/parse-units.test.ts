/** Unit cells: lists, wrapped names, two names on two lines, role notes. */
import { describe, expect, it } from 'vitest';
import { isCompleteUnitName, parseUnits } from '../../../src/core/people/parse-units.ts';

describe('parseUnits', () => {
  it('splits at list separators', () => {
    expect(parseUnits('区财政局、区税务局')).toEqual(['区财政局', '区税务局']);
    expect(parseUnits('区财政局，区税务局')).toEqual(['区财政局', '区税务局']);
    expect(parseUnits('区财政局;区税务局')).toEqual(['区财政局', '区税务局']);
    expect(parseUnits('区财政局／区税务局')).toEqual(['区财政局', '区税务局']);
  });

  it('joins a name wrapped over two lines', () => {
    expect(parseUnits('市生态环境局\n泰山分局')).toEqual(['市生态环境局泰山分局']);
    expect(parseUnits('市公安局\r\n泰山分局')).toEqual(['市公安局泰山分局']);
    expect(parseUnits('泰山先锋慧治\n服务中心')).toEqual(['泰山先锋慧治服务中心']);
    expect(parseUnits('火车站广场管理\n办公室')).toEqual(['火车站广场管理办公室']);
    expect(parseUnits('区委\n宣传部')).toEqual(['区委宣传部']);
    expect(parseUnits('泰安农高区\n管委会')).toEqual(['泰安农高区管委会']);
    expect(parseUnits('区 发改局')).toEqual(['区发改局']);
  });

  it('splits two complete names on two lines or across a space', () => {
    expect(parseUnits('区发改局\n区商务局')).toEqual(['区发改局', '区商务局']);
    expect(parseUnits('区工业推进委\n各产业链专班')).toEqual(['区工业推进委', '各产业链专班']);
    expect(parseUnits('岱庙街道 上高街道')).toEqual(['岱庙街道', '上高街道']);
    expect(parseUnits('区应急管理局\n区消防救援大队')).toEqual(['区应急管理局', '区消防救援大队']);
  });

  it('splits at 和/及 only between two unit names', () => {
    expect(parseUnits('区发改局和区商务局')).toEqual(['区发改局', '区商务局']);
    expect(parseUnits('区住房和城乡建设局')).toEqual(['区住房和城乡建设局']);
    expect(parseUnits('区文化和旅游局')).toEqual(['区文化和旅游局']);
  });

  it('drops role notes, empty markers and repeats; keeps other brackets', () => {
    expect(parseUnits('区发改局（牵头）、区财政局')).toEqual(['区发改局', '区财政局']);
    expect(parseUnits('区金融发展服务中心（区金融办）')).toEqual(['区金融发展服务中心(区金融办)']);
    expect(parseUnits('区财政局、区财政局')).toEqual(['区财政局']);
    for (const text of ['', ' ', '/', '无', '——']) expect(parseUnits(text)).toEqual([]);
  });
});

describe('isCompleteUnitName', () => {
  it('needs a unit ending after some name', () => {
    expect(
      ['区发改局', '岱庙街道', '卫星互联网产业专班', '泰山经济开发区', '区残联'].map(isCompleteUnitName),
    ).toEqual(Array(5).fill(true));
    expect(['局', '泰山先锋慧治', '火车站广场管理'].map(isCompleteUnitName)).toEqual([false, false, false]);
  });
});
