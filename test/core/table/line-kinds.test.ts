/** Lines around and inside tables that are not tasks. */
import { describe, expect, it } from 'vitest';
import {
  attachmentRest,
  isDateLine,
  isDocumentNumber,
  isFooterLine,
  isMeasureNote,
  isPageMark,
  isSectionHeading,
} from '../../../src/core/table/line-kinds.ts';
import { findPlanYear } from '../../../src/core/table/plan-year.ts';

describe('line kinds', () => {
  it('page marks', () => {
    expect(
      ['—1—', '— 12 —', '- 2 -', '－3－', '第1页', '第 2 页，共 5 页', '共5页第2页'].map(isPageMark),
    ).toEqual(Array(7).fill(true));
    expect(['1', '—1', '区发改局', '第一页'].map(isPageMark)).toEqual([false, false, false, false]);
  });

  it('dates', () => {
    expect(
      ['2024年2月8日', '二〇二四年二月八日', '2024-02-08', '2024.2.8', '2024/2/8'].map(isDateLine),
    ).toEqual(Array(5).fill(true));
    expect(['2024年底前完成', '2024年', '6月底前'].map(isDateLine)).toEqual([false, false, false]);
  });

  it('footers', () => {
    expect(
      ['注：本表由各单位填报', '注:', '说明：', '填报人：张三', '联系电话：0538-1234567', '（盖章）'].map(
        isFooterLine,
      ),
    ).toEqual(Array(6).fill(true));
    expect(['注重培养人才', '区发改局', '说明书编制'].map(isFooterLine)).toEqual([false, false, false]);
  });

  it('document numbers', () => {
    expect(isDocumentNumber('泰政办发〔2024〕3号')).toBe(true);
    expect(isDocumentNumber('鲁政发（2024）1号')).toBe(true);
    expect(isDocumentNumber('2024年工作要点')).toBe(false);
  });

  it('attachment markers', () => {
    expect(attachmentRest('附件')).toBe('');
    expect(attachmentRest('附件2')).toBe('');
    expect(attachmentRest('附件 3：')).toBe('');
    expect(attachmentRest('附件：2024年《政府工作报告》重点工作任务分解表')).toBe(
      '2024年《政府工作报告》重点工作任务分解表',
    );
    expect(attachmentRest('附表')).toBeNull();
    expect(attachmentRest('附件名称')).toBeNull();
  });

  it('measure notes and section headings', () => {
    expect(isMeasureNote('单位：万元')).toBe(true);
    expect(isMeasureNote('单位名称')).toBe(false);
    expect(['一、稳增长', '（二）惠民生', '第三部分 改革开放'].map(isSectionHeading)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['十大工程', '区发改局', '1、完成投资'].map(isSectionHeading)).toEqual([false, false, false]);
  });
});

describe('findPlanYear', () => {
  it('reads Arabic, full-width and Chinese-numeral years', () => {
    expect(findPlanYear('2024年《政府工作报告》重点工作任务分解表')).toBe(2024);
    expect(findPlanYear('２０２３年重点任务')).toBe(2023);
    expect(findPlanYear('二〇二四年重点工作')).toBe(2024);
    expect(findPlanYear('二零二五年')).toBe(2025);
    expect(findPlanYear('二○二二 年')).toBe(2022);
  });

  it('takes the first year and ignores document numbers and out-of-range numbers', () => {
    expect(findPlanYear('关于2024年…（2023年12月印发）')).toBe(2024);
    expect(findPlanYear('二〇二三年度总结与2024年计划')).toBe(2023);
    expect(findPlanYear('泰政办发〔2024〕3号')).toBeNull();
    expect(findPlanYear('储备土地1017年')).toBeNull();
    expect(findPlanYear('12024年')).toBeNull();
    expect(findPlanYear('')).toBeNull();
  });
});
