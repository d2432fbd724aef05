import { describe, expect, it } from 'vitest';
import { daysInMonth, parseDeadline, parseRowDeadline } from '../../../src/core/breakdown/deadlines.ts';
import { isDubanError } from '../../../src/core/errors.ts';
import { SPRING_FESTIVAL } from '../../../src/core/vocab/lunar-new-year.ts';

const iso = (text: string, year: number | null = 2024): string | null => parseDeadline(text, year).iso;

describe('parseDeadline: month forms', () => {
  it.each([
    ['3月底前完成', '2024-03-31'],
    ['6月底前完成', '2024-06-30'],
    ['9月底', '2024-09-30'],
    ['11月底前', '2024-11-30'],
    ['12月末', '2024-12-31'],
    ['6月份完成', '2024-06-30'],
    ['6月完成招标', '2024-06-30'],
    ['六月底前', '2024-06-30'],
    ['十二月底前', '2024-12-31'],
    ['10月上旬', '2024-10-10'],
    ['10月中旬', '2024-10-20'],
    ['10月下旬', '2024-10-31'],
    ['9月15日前', '2024-09-15'],
    ['9月15号前', '2024-09-15'],
    ['４月底前', '2024-04-30'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('2月底 follows leap years', () => {
    expect(iso('2月底前', 2024)).toBe('2024-02-29');
    expect(iso('2月底前', 2023)).toBe('2023-02-28');
    expect(iso('2月底前', 2000)).toBe('2000-02-29');
    expect(iso('2月底前', 1900)).toBe('1900-02-28');
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('keeps the wording as written', () => {
    expect(parseDeadline('力争6月底前完成', 2024)).toEqual({
      iso: '2024-06-30',
      text: '6月底前',
      needsDate: false,
    });
    expect(parseDeadline('６月 底前', 2024).text).toBe('６月 底前');
  });

  it('reports an impossible day as needing a date', () => {
    expect(parseDeadline('2月30日前', 2024)).toEqual({ iso: null, text: '2月30日前', needsDate: true });
  });
});

describe('parseDeadline: periods', () => {
  it.each([
    ['上半年完成', '2024-06-30'],
    ['下半年建成', '2024-12-31'],
    ['一季度', '2024-03-31'],
    ['第一季度', '2024-03-31'],
    ['1季度', '2024-03-31'],
    ['二季度末', '2024-06-30'],
    ['三季度', '2024-09-30'],
    ['四季度', '2024-12-31'],
    ['前三季度', '2024-09-30'],
    ['年内', '2024-12-31'],
    ['年底前建成', '2024-12-31'],
    ['年底', '2024-12-31'],
    ['年末各项贷款余额', '2024-12-31'],
    ['全年不良贷款率', '2024-12-31'],
    ['今年年底前', '2024-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('does not read durations or rhythm words as deadlines', () => {
    for (const text of [
      '三年内完成',
      '3个月内完成',
      '每季度调度',
      '每月底调度',
      '一周一调度、一月一盘点',
      '区域内',
    ]) {
      expect(parseDeadline(text, 2024)).toEqual({ iso: null, text: null, needsDate: false });
    }
  });

  it('does not read wording inside quotes', () => {
    expect(parseDeadline('围绕“一年破零，年内翻番”任务', 2024).iso).toBeNull();
  });
});

describe('parseDeadline: holidays', () => {
  it.each([
    ['国庆节前', '2024-10-01'],
    ['国庆前', '2024-10-01'],
    ['七一前', '2024-07-01'],
    ['“五一”前', '2024-05-01'],
    ['劳动节前', '2024-05-01'],
    ['元旦前', '2025-01-01'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('needs 前 after a holiday', () => {
    expect(iso('国庆节期间')).toBeNull();
    expect(iso('七一建党')).toBeNull();
  });

  it('computes lunar deadlines from the Spring Festival table', () => {
    expect(iso('春节前', 2024)).toBe('2024-02-10');
    expect(iso('正月十五前', 2024)).toBe('2024-02-24');
    expect(iso('元宵节前', 2024)).toBe('2024-02-24');
    expect(iso('正月十五前', 2022)).toBe('2022-02-15');
    expect(iso('春节前', 2022)).toBe('2022-02-01');
    expect(iso('正月初八前', 2023)).toBe('2023-01-29');
    expect(iso('正月二十前', 2025)).toBe('2025-02-17');
    expect(iso('2024年正月十五前', 2022)).toBe('2024-02-24');
  });

  it('needs a date for a lunar deadline outside the table, or one it does not compute', () => {
    expect(parseDeadline('正月十五前', 2050)).toEqual({ iso: null, text: '正月十五前', needsDate: true });
    expect(parseDeadline('端午节前', 2024)).toEqual({ iso: null, text: '端午节前', needsDate: true });
    expect(parseDeadline('中秋前完成', 2024)).toEqual({ iso: null, text: '中秋前', needsDate: true });
    expect(parseDeadline('正月底前', 2024)).toEqual({ iso: null, text: '正月底前', needsDate: true });
  });
});

describe('parseDeadline: explicit years and the plan year', () => {
  it('an explicit year wins over the plan year', () => {
    expect(iso('2025年底前', 2024)).toBe('2025-12-31');
    expect(iso('2024年6月底', null)).toBe('2024-06-30');
    expect(iso('2024年上半年', null)).toBe('2024-06-30');
    expect(iso('2024-06-30', null)).toBe('2024-06-30');
    expect(iso('2024/6/30前', null)).toBe('2024-06-30');
    expect(iso('2024年9月15日前', null)).toBe('2024-09-15');
    expect(iso('2024年内', null)).toBe('2024-12-31');
  });

  it('without a plan year, a month or period deadline needs a date (never dropped)', () => {
    expect(parseDeadline('年内新增城镇就业7200人', null)).toEqual({
      iso: null,
      text: '年内',
      needsDate: true,
    });
    expect(parseDeadline('6月底前完成', null)).toEqual({ iso: null, text: '6月底前', needsDate: true });
  });

  it('takes the latest of several deadlines', () => {
    expect(parseDeadline('3月底前完成招标，6月底前开工', 2024)).toEqual({
      iso: '2024-06-30',
      text: '6月底前',
      needsDate: false,
    });
  });

  it('returns nothing when there is no deadline', () => {
    expect(parseDeadline('推进教育评价改革', 2024)).toEqual({ iso: null, text: null, needsDate: false });
    expect(parseDeadline('', 2024)).toEqual({ iso: null, text: null, needsDate: false });
  });

  it('throws for a plan year that is not a year (misuse)', () => {
    for (const bad of [2024.5, Number.NaN, 99, 30000]) {
      let caught: unknown = null;
      try {
        parseDeadline('6月底', bad);
      } catch (e) {
        caught = e;
      }
      expect(isDubanError(caught) && caught.code === 'invalid_argument').toBe(true);
    }
  });
});

describe('parseRowDeadline (完成时限 cells)', () => {
  it('reads Excel date serials', () => {
    // 45473: 2024-06-30 (45292 is 2024-01-01; +181 days).
    expect(parseRowDeadline(45473, 2024)).toEqual({
      iso: '2024-06-30',
      text: '2024-06-30',
      needsDate: false,
      unreadable: false,
    });
    expect(parseRowDeadline(45351, 2024).iso).toBe('2024-02-29');
    expect(parseRowDeadline(45473.75, 2024).iso).toBe('2024-06-30');
  });

  it('reads a year number as its last day', () => {
    expect(parseRowDeadline(2024, null).iso).toBe('2024-12-31');
  });

  it('reads date strings', () => {
    expect(parseRowDeadline('2024年6月底', null).iso).toBe('2024-06-30');
    expect(parseRowDeadline('2024-06-30', null).iso).toBe('2024-06-30');
    expect(parseRowDeadline('6月底前', 2024).iso).toBe('2024-06-30');
    expect(parseRowDeadline('2024年', null).iso).toBe('2024-12-31');
    expect(parseRowDeadline('2024', null).iso).toBe('2024-12-31');
    expect(parseRowDeadline(' 年底前 ', 2024)).toEqual({
      iso: '2024-12-31',
      text: '年底前',
      needsDate: false,
      unreadable: false,
    });
  });

  it('treats ongoing words and blanks as no deadline', () => {
    const none = { iso: null, text: null, needsDate: false, unreadable: false };
    expect(parseRowDeadline('长期坚持', 2024)).toEqual(none);
    expect(parseRowDeadline('持续推进', 2024)).toEqual(none);
    expect(parseRowDeadline(null, 2024)).toEqual(none);
    expect(parseRowDeadline('  ', 2024)).toEqual(none);
  });

  it('marks anything else unreadable', () => {
    expect(parseRowDeadline('尽快', 2024)).toEqual({
      iso: null,
      text: '尽快',
      needsDate: false,
      unreadable: true,
    });
    expect(parseRowDeadline({ error: '#N/A' }, 2024).unreadable).toBe(true);
    expect(parseRowDeadline(true, 2024).unreadable).toBe(true);
    expect(parseRowDeadline(-5, 2024).unreadable).toBe(true);
  });

  it('needs a date for a period when the plan year is unknown', () => {
    expect(parseRowDeadline('上半年', null)).toEqual({
      iso: null,
      text: '上半年',
      needsDate: true,
      unreadable: false,
    });
  });
});

// Independent check of the Spring Festival table: each date must be the day (Beijing time) of a new moon,
// computed here from Meeus, Astronomical Algorithms ch. 49 (mean phase plus the main periodic terms).
function newMoonJde(k: number): number {
  const rad = Math.PI / 180;
  const t = k / 1236.85;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t * t) * rad;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t) * rad;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t) * rad;
  const om = (124.7746 - 1.56375588 * k + 0.0020672 * t * t) * rad;
  return (
    2451550.09766 +
    29.530588861 * k +
    0.00015437 * t * t -
    0.4072 * Math.sin(mp) +
    0.17241 * e * Math.sin(m) +
    0.01608 * Math.sin(2 * mp) +
    0.01039 * Math.sin(2 * f) +
    0.00739 * e * Math.sin(mp - m) -
    0.00514 * e * Math.sin(mp + m) +
    0.00208 * e * e * Math.sin(2 * m) -
    0.00111 * Math.sin(mp - 2 * f) -
    0.00057 * Math.sin(mp + 2 * f) +
    0.00056 * e * Math.sin(2 * mp + m) -
    0.00042 * Math.sin(3 * mp) +
    0.00042 * e * Math.sin(m + 2 * f) +
    0.00038 * e * Math.sin(m - 2 * f) -
    0.00024 * e * Math.sin(2 * mp - m) -
    0.00017 * Math.sin(om)
  );
}

function beijingDate(jde: number): string {
  // JDE (TT) → Unix ms, minus ΔT ≈ 70 s, plus 8 h for Beijing.
  const ms = (jde - 2440587.5) * 86_400_000 - 70_000 + 8 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 10);
}

describe('Spring Festival table', () => {
  const years = Object.keys(SPRING_FESTIVAL).map(Number);

  it('covers 2015–2040', () => {
    expect(years).toEqual(Array.from({ length: 26 }, (_, k) => 2015 + k));
  });

  it.each(years)('%i: a new-moon day between 01-21 and 02-20', (year) => {
    const [month, day] = SPRING_FESTIVAL[year] ?? [0, 0];
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    expect(date >= `${year}-01-21` && date <= `${year}-02-20`).toBe(true);
    const k0 = Math.floor((year - 2000) * 12.3685) - 2;
    const newMoons = Array.from({ length: 6 }, (_, i) => beijingDate(newMoonJde(k0 + i)));
    expect(newMoons).toContain(date);
  });

  it('has lunar years of 12 or 13 months between consecutive entries', () => {
    const day = (y: number): number => {
      const [m, d] = SPRING_FESTIVAL[y] ?? [0, 0];
      return Date.UTC(y, m - 1, d) / 86_400_000;
    };
    for (const y of years.slice(1)) {
      const gap = day(y) - day(y - 1);
      expect([353, 354, 355, 383, 384, 385]).toContain(gap);
    }
  });
});
