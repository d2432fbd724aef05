import { describe, expect, it } from 'vitest';
import { DubanError } from '../../../src/core/errors.ts';
import {
  completedMonths,
  expectationFor,
  parseIsoDate,
  reportingPeriod,
  timeProgress,
} from '../../../src/core/score/time-progress.ts';

const QUARTERS = ['03-31', '06-30', '09-30', '12-31'];

describe('timeProgress (序时进度)', () => {
  it('is 25/50/75/100 % at the quarter ends', () => {
    expect(timeProgress('2024-03-31', 2024)).toBe(0.25);
    expect(timeProgress('2024-06-30', 2024)).toBe(0.5);
    expect(timeProgress('2024-09-30', 2024)).toBe(0.75);
    expect(timeProgress('2024-12-31', 2024)).toBe(1);
  });

  it('counts completed months only in mid-month', () => {
    // 2024-06-15: January–May are complete → 5/12.
    expect(timeProgress('2024-06-15', 2024)).toBe(5 / 12);
    // 2024-07-31 is the last day of July → 7/12 (眉山 1–7月).
    expect(timeProgress('2024-07-31', 2024)).toBe(7 / 12);
    expect(timeProgress('2024-01-01', 2024)).toBe(0);
    expect(timeProgress('2024-12-30', 2024)).toBe(11 / 12);
  });

  it('knows leap years: February ends on the 29th in 2024, the 28th in 2023', () => {
    expect(timeProgress('2024-02-28', 2024)).toBe(1 / 12);
    expect(timeProgress('2024-02-29', 2024)).toBe(2 / 12);
    expect(timeProgress('2023-02-28', 2023)).toBe(2 / 12);
  });

  it('is 0 before and 1 after the plan year', () => {
    expect(timeProgress('2023-12-31', 2024)).toBe(0);
    expect(timeProgress('2025-01-15', 2024)).toBe(1);
  });

  it('throws on a bad as-of date or plan year', () => {
    for (const bad of ['2024-6-30', '2024-02-30', '2023-02-29', '30/06/2024', '']) {
      expect(() => timeProgress(bad, 2024)).toThrow(DubanError);
    }
    expect(() => timeProgress('2024-06-30', 24)).toThrow(/plan year/);
    expect(() => timeProgress('2024-06-30', 2024.5)).toThrow(/计划年度/);
  });
});

describe('parseIsoDate and completedMonths', () => {
  it('parses strict ISO dates, ignoring a time part', () => {
    expect(parseIsoDate('2024-06-30')).toEqual({ year: 2024, month: 6, day: 30 });
    expect(parseIsoDate('2024-06-30 12:00')).toEqual({ year: 2024, month: 6, day: 30 });
    expect(parseIsoDate('2024-13-01')).toBeNull();
  });

  it('counts across years', () => {
    expect(completedMonths({ year: 2025, month: 3, day: 31 }, 2024)).toBe(15);
    expect(completedMonths({ year: 2023, month: 12, day: 31 }, 2024)).toBe(0);
    expect(completedMonths({ year: 2023, month: 11, day: 1 }, 2024)).toBe(-2);
  });
});

describe('expectationFor (deadlines override 序时)', () => {
  it('without a deadline: 序时进度, due at year end', () => {
    expect(expectationFor('2024-06-30', 2024, null)).toEqual({
      expected: 0.5,
      dueDate: '2024-12-31',
      due: false,
      basis: 'year',
    });
    expect(expectationFor('2024-12-31', 2024, null).due).toBe(true);
  });

  it('a 6月底前 task is half-way expected at 03-31 and fully due on 06-30', () => {
    expect(expectationFor('2024-03-31', 2024, '2024-06-30')).toEqual({
      expected: 0.5,
      dueDate: '2024-06-30',
      due: false,
      basis: 'deadline',
    });
    expect(expectationFor('2024-06-30', 2024, '2024-06-30')).toEqual({
      expected: 1,
      dueDate: '2024-06-30',
      due: true,
      basis: 'deadline',
    });
    expect(expectationFor('2024-09-30', 2024, '2024-06-30').due).toBe(true);
  });

  it('a deadline inside the first month expects nothing before it', () => {
    expect(expectationFor('2024-01-10', 2024, '2024-01-20').expected).toBe(0);
    expect(expectationFor('2024-01-20', 2024, '2024-01-20').expected).toBe(1);
  });

  it('a deadline in a later year spreads the expectation over the longer span', () => {
    // 2025-12-31 is 24 months from the start of 2024; at 2024-12-31, 12 are done → 50 %.
    expect(expectationFor('2024-12-31', 2024, '2025-12-31')).toMatchObject({ expected: 0.5, due: false });
  });

  it('ignores an unreadable deadline', () => {
    expect(expectationFor('2024-06-30', 2024, '6月底前')).toMatchObject({ expected: 0.5, basis: 'year' });
  });
});

describe('reportingPeriod', () => {
  it('names the standard rounds', () => {
    expect(reportingPeriod('2024-03-31', 2024, QUARTERS)).toMatchObject({
      date: '2024-03-31',
      index: 1,
      onReportingDate: true,
      labelZh: '一季度',
      labelEn: 'first quarter',
    });
    expect(reportingPeriod('2024-07-10', 2024, QUARTERS)).toMatchObject({
      date: '2024-06-30',
      index: 2,
      onReportingDate: false,
      labelZh: '上半年',
    });
    expect(reportingPeriod('2024-09-30', 2024, QUARTERS).labelZh).toBe('前三季度');
    expect(reportingPeriod('2024-12-31', 2024, QUARTERS).labelZh).toBe('全年');
  });

  it('before the first round and after the plan year', () => {
    expect(reportingPeriod('2024-02-01', 2024, QUARTERS)).toMatchObject({
      date: null,
      index: 0,
      labelZh: '年初',
    });
    expect(reportingPeriod('2025-02-01', 2024, QUARTERS)).toMatchObject({ date: '2024-12-31', index: 4 });
  });

  it('labels other dates by day', () => {
    expect(reportingPeriod('2024-05-31', 2024, ['05-31', '11-30'])).toMatchObject({
      labelZh: '截至5月31日',
      labelEn: 'to 31 May 2024',
    });
  });
});
