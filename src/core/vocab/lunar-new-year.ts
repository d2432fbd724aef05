/**
 * Spring Festival (春节, 正月初一) dates in the Gregorian calendar, 2015–2040, for deadlines written in lunar
 * terms (`春节前`, `正月十五前`, `元宵节前`). Outside this range such deadlines are reported as needing a date.
 *
 * How each entry was checked (two independent ways):
 * 1. A new moon falls on that day in Beijing time (UTC+8): computed with Meeus, *Astronomical Algorithms*
 *    ch. 49 (mean new moon plus the main periodic terms, ΔT ≈ 70 s); the time is given in each comment.
 *    The lunar month starts on the day of the new moon in Beijing time, and 正月初一 is always between
 *    01-21 and 02-20.
 * 2. 2015–2030 agree with the published Chinese New Year list on factmonster.com ("Chinese New Year Dates");
 *    2031–2040 agree with the entry 19 years earlier to within one day (the Metonic cycle: 19 solar years ≈
 *    235 lunations), as the comments note.
 * The two close calls are 2027 (new moon 23:56, four minutes before midnight) and 2030 (00:07): both agree
 * with the published list. 2034 is the year of the "2033 problem" (a leap 11th month in 2033 makes the new
 * year fall on the third new moon after the winter solstice): 02-19, not 01-20.
 */

/** Gregorian date of 正月初一, by Gregorian year: `[month, day]`. */
export const SPRING_FESTIVAL: Readonly<Record<number, readonly [number, number]>> = {
  2015: [2, 19], // new moon 02-19 07:48; published list Feb 19
  2016: [2, 8], // new moon 02-08 22:39; published list Feb 8
  2017: [1, 28], // new moon 01-28 08:07; published list Jan 28
  2018: [2, 16], // new moon 02-16 05:05; published list Feb 16
  2019: [2, 5], // new moon 02-05 05:03; published list Feb 5
  2020: [1, 25], // new moon 01-25 05:42; published list Jan 25
  2021: [2, 12], // new moon 02-12 03:05; published list Feb 12
  2022: [2, 1], // new moon 02-01 13:47; published list Feb 1 (正月十五 = 02-15)
  2023: [1, 22], // new moon 01-22 04:54; published list Jan 22
  2024: [2, 10], // new moon 02-10 06:59; published list Feb 10 (正月十五 = 02-24)
  2025: [1, 29], // new moon 01-29 20:36; published list Jan 29
  2026: [2, 17], // new moon 02-17 20:01; published list Feb 17
  2027: [2, 6], // new moon 02-06 23:56 (close to midnight); published list Feb 6
  2028: [1, 26], // new moon 01-26 23:13; published list Jan 26
  2029: [2, 13], // new moon 02-13 18:31; published list Feb 13
  2030: [2, 3], // new moon 02-03 00:07 (close to midnight); published list Feb 3
  2031: [1, 23], // new moon 01-23 12:31; 2012 was Jan 23
  2032: [2, 11], // new moon 02-11 14:24; 2013 was Feb 10
  2033: [1, 31], // new moon 01-31 06:00; 2014 was Jan 31
  2034: [2, 19], // new moon 02-19 07:11 ("2033 problem": not the 01-20 new moon); 2015 was Feb 19
  2035: [2, 8], // new moon 02-08 16:22; 2016 was Feb 8
  2036: [1, 28], // new moon 01-28 18:17; 2017 was Jan 28
  2037: [2, 15], // new moon 02-15 12:54; 2018 was Feb 16
  2038: [2, 4], // new moon 02-04 13:52; 2019 was Feb 5
  2039: [1, 24], // new moon 01-24 21:36; 2020 was Jan 25
  2040: [2, 12], // new moon 02-12 22:24; 2021 was Feb 12
};
