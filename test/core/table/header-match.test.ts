/** The header vocabulary: exact and contained matches, units in headers, sub-column words. */
import { describe, expect, it } from 'vitest';
import { matchHeader, matchSubColumn, splitHeaderText } from '../../../src/core/table/header-match.ts';

function kind(text: string): string | null {
  return matchHeader(text)?.kind ?? null;
}

describe('matchHeader', () => {
  it('matches every listed synonym family exactly', () => {
    expect(['序号', '编号'].map(kind)).toEqual(['serial', 'serial']);
    expect(['责任单位', '主办单位', '承办单位', '责任部门'].map(kind)).toEqual([
      'unit',
      'leadUnit',
      'unit',
      'unit',
    ]);
    expect(['牵头单位', '牵头部门'].map(kind)).toEqual(['leadUnit', 'leadUnit']);
    expect(['配合单位', '协办单位'].map(kind)).toEqual(['coUnit', 'coUnit']);
    expect(
      ['目标任务', '工作任务', '重点任务', '任务内容', '工作目标', '项目内容', '工作内容', '主要任务'].map(
        kind,
      ),
    ).toEqual(Array(8).fill('target'));
    expect(['责任人', '负责人'].map(kind)).toEqual(['owner', 'owner']);
    expect(['责任领导', '分管领导'].map(kind)).toEqual(['leader', 'leader']);
    expect(['联系人', '联络员'].map(kind)).toEqual(['contact', 'contact']);
    expect(['完成时限', '时间节点', '时限', '完成时间'].map(kind)).toEqual(Array(4).fill('deadline'));
    expect(['目标值', '年度目标', '计划'].map(kind)).toEqual(Array(3).fill('planValue'));
    expect(['完成值', '进度', '实际完成', '累计完成'].map(kind)).toEqual(Array(4).fill('actual'));
    expect(['完成率', '完成比例', '完成目标(%)'].map(kind)).toEqual(Array(3).fill('completionRate'));
    expect(['进展情况', '完成情况', '工作进展'].map(kind)).toEqual(Array(3).fill('progress'));
    expect(['备注', '类别', '分类', '权重', '分值'].map(kind)).toEqual([
      'remark',
      'category',
      'category',
      'weight',
      'weight',
    ]);
    expect(['单位', '地区', '区县', '县（市、区）', '镇街'].map(kind)).toEqual(Array(5).fill('unit'));
  });

  it('ignores spaces, line breaks and full-width forms', () => {
    expect(matchHeader('目   标   任   务')).toEqual({
      kind: 'target',
      word: '目标任务',
      exact: true,
      measureUnit: null,
    });
    expect(kind('责任\r\n单位')).toBe('unit');
    expect(kind('序　号')).toBe('serial');
    expect(kind('ＮＯ．')).toBe('serial');
    expect(matchHeader('完成目标（％）')).toEqual({
      kind: 'completionRate',
      word: '完成目标(%)',
      exact: true,
      measureUnit: '%',
    });
  });

  it('takes the longest contained word, and on a tie the one ending last', () => {
    expect(matchHeader('2024年完成目标(%)')?.kind).toBe('completionRate');
    expect(matchHeader('一季度工作进展')).toEqual({
      kind: 'progress',
      word: '工作进展',
      exact: false,
      measureUnit: null,
    });
    // 完成情况 contains no 完成值: it stays progress text.
    expect(kind('任务完成情况')).toBe('progress');
    // 目标任务 and 完成情况 have the same length; the later one is the head noun.
    expect(matchHeader('目标任务完成情况')?.word).toBe('完成情况');
    expect(kind('序时进度')).toBe('ignore');
    expect(kind('计量单位')).toBe('ignore');
    expect(kind('完成进度')).toBe('completionRate');
    expect(kind('工作进度')).toBe('progress');
    expect(kind('牵头责任单位')).toBe('leadUnit');
  });

  it('does not contains-match short generic words or long text', () => {
    expect(kind('岱庙街道')).toBeNull();
    expect(kind('完成年度任务')).toBeNull();
    expect(kind('2024年《政府工作报告》重点工作任务分解表')).toBeNull();
    expect(kind('')).toBeNull();
  });

  it('keeps the unit of measure written in a header', () => {
    expect(matchHeader('目标值（万元）')).toEqual({
      kind: 'planValue',
      word: '目标值',
      exact: true,
      measureUnit: '万元',
    });
    expect(matchHeader('完成值(单位：亿元)')?.measureUnit).toBe('亿元');
    expect(matchHeader('计划/万元')?.measureUnit).toBe('万元');
  });
});

describe('splitHeaderText', () => {
  it('splits a unit of measure off and leaves other brackets', () => {
    expect(splitHeaderText('城镇新增就业(人)')).toEqual({
      name: '城镇新增就业',
      key: '城镇新增就业',
      fullKey: '城镇新增就业(人)',
      measureUnit: '人',
    });
    expect(splitHeaderText('新建绿色建筑\n（万平方米）').measureUnit).toBe('万平方米');
    expect(splitHeaderText('县（市、区）')).toEqual({
      name: '县(市、区)',
      key: '县(市、区)',
      fullKey: '县(市、区)',
      measureUnit: null,
    });
    expect(splitHeaderText('比值 1/2').measureUnit).toBeNull();
  });
});

describe('matchSubColumn', () => {
  it('recognises the sub-columns of an indicator group', () => {
    expect(['目标', '目标任务', '年度目标', '计划'].map(matchSubColumn)).toEqual(Array(4).fill('plan'));
    expect(['进度', '完成', '完成值', '累计完成'].map(matchSubColumn)).toEqual(Array(4).fill('actual'));
    expect(['完成比例', '完成率', '完成进度'].map(matchSubColumn)).toEqual(Array(3).fill('ratio'));
    expect(matchSubColumn('完成\n比例（%）')).toBe('ratio');
    expect(matchSubColumn('备注')).toBeNull();
  });
});
