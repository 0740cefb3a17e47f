import { dayParts } from '../../datasets/day.ts';

/** Agreement of two label series in one calendar year. */
export interface YearAgreement {
  year: number;
  /** Days both label (neither is 0, stale or warm-up). */
  days: number;
  /** Of those, the share with the same quadrant (NaN when `days` is 0). */
  same: number;
}

/**
 * Share of days on which two label series give the same quadrant, by calendar year and over
 * all years. Only days that both label (1..4) count. O(n).
 *
 * @example
 * // Four days of 2024; the third is unlabelled in b, the fourth differs: 2 of 3 agree.
 * labelAgreement(Uint8Array.of(1, 2, 3, 4), Uint8Array.of(1, 2, 0, 3), cal2024); // { total: { days: 3, same: 0.667 }, years: [{ year: 2024, days: 3, same: 0.667 }] }
 */
export function labelAgreement(a: Uint8Array, b: Uint8Array, calendar: Int32Array): { total: Omit<YearAgreement, 'year'>; years: YearAgreement[] } {
  const years: YearAgreement[] = [];
  let allDays = 0;
  let allSame = 0;
  let year = NaN;
  let days = 0;
  let same = 0;
  const flush = () => {
    if (year === year) years.push({ year, days, same: days > 0 ? same / days : NaN });
  };
  for (let t = 0; t < calendar.length; t++) {
    const y = dayParts(calendar[t]).year;
    if (y !== year) {
      flush();
      year = y;
      days = 0;
      same = 0;
    }
    const p = a[t];
    const q = b[t];
    if (p < 1 || p > 4 || q < 1 || q > 4) continue;
    days++;
    allDays++;
    if (p === q) {
      same++;
      allSame++;
    }
  }
  flush();
  return { total: { days: allDays, same: allDays > 0 ? allSame / allDays : NaN }, years: years.filter((y) => y.days > 0) };
}
