import { describe, expect, it } from 'vitest';
import { dayOf, isoDay, parseIsoDay, weekday } from '../../datasets/day.ts';
import { fedHolidays, isFedHoliday } from '../../datasets/fed-holidays.ts';
import { availableFrom } from '../../datasets/publication.ts';

/**
 * The Federal Reserve's holiday schedule as published (federalreserve.gov "Holidays Observed by
 * the Federal Reserve System" and frbservices.org holiday schedules), 2019–2026: the days the
 * Board is closed. A fixed-date holiday on Sunday is observed Monday; on Saturday the Board
 * closes the Friday before (2020-07-03, 2021-12-24, 2021-12-31, 2023-11-10, 2026-07-03).
 * Juneteenth is observed from 2022. Written out by hand from the schedule, not from the code.
 */
const SCHEDULE: Record<number, string[]> = {
  2019: ['2019-01-01', '2019-01-21', '2019-02-18', '2019-05-27', '2019-07-04', '2019-09-02', '2019-10-14', '2019-11-11', '2019-11-28', '2019-12-25'],
  2020: ['2020-01-01', '2020-01-20', '2020-02-17', '2020-05-25', '2020-07-03', '2020-09-07', '2020-10-12', '2020-11-11', '2020-11-26', '2020-12-25'],
  2021: [
    '2021-01-01',
    '2021-01-18',
    '2021-02-15',
    '2021-05-31',
    '2021-07-05',
    '2021-09-06',
    '2021-10-11',
    '2021-11-11',
    '2021-11-25',
    '2021-12-24',
    '2021-12-31',
  ],
  2022: ['2022-01-17', '2022-02-21', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-10-10', '2022-11-11', '2022-11-24', '2022-12-26'],
  2023: [
    '2023-01-02',
    '2023-01-16',
    '2023-02-20',
    '2023-05-29',
    '2023-06-19',
    '2023-07-04',
    '2023-09-04',
    '2023-10-09',
    '2023-11-10',
    '2023-11-23',
    '2023-12-25',
  ],
  2024: [
    '2024-01-01',
    '2024-01-15',
    '2024-02-19',
    '2024-05-27',
    '2024-06-19',
    '2024-07-04',
    '2024-09-02',
    '2024-10-14',
    '2024-11-11',
    '2024-11-28',
    '2024-12-25',
  ],
  2025: [
    '2025-01-01',
    '2025-01-20',
    '2025-02-17',
    '2025-05-26',
    '2025-06-19',
    '2025-07-04',
    '2025-09-01',
    '2025-10-13',
    '2025-11-11',
    '2025-11-27',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
};
const ALL = new Set(Object.values(SCHEDULE).flat());

describe('Fed holidays', () => {
  for (const [year, days] of Object.entries(SCHEDULE)) {
    it(`${year}: the rules give the published schedule`, () => {
      expect(fedHolidays(Number(year)).map(isoDay)).toEqual(days);
    });
  }

  it('isFedHoliday is true on exactly the scheduled days of 2019–2026', () => {
    for (let d = dayOf(2019, 1, 1); d <= dayOf(2026, 12, 31); d++)
      expect({ day: isoDay(d), holiday: isFedHoliday(d) }).toEqual({ day: isoDay(d), holiday: ALL.has(isoDay(d)) });
  });
});

describe('H.4.1 and H.10 follow the holiday calendar', () => {
  const at = (iso: string, kind: 'h41-weekly' | 'h10-weekly') => isoDay(availableFrom(parseIsoDay(iso), { kind }));

  it('every Wednesday of 2019–2026: released Thursday, or Friday when Thursday is a holiday; usable the day after', () => {
    let moved = 0;
    for (let d = dayOf(2019, 1, 2); d <= dayOf(2026, 12, 30); d += 7) {
      expect(weekday(d)).toBe(3);
      const thursdayHoliday = ALL.has(isoDay(d + 1));
      if (thursdayHoliday) moved++;
      expect(at(isoDay(d), 'h41-weekly')).toBe(isoDay(d + (thursdayHoliday ? 3 : 2)));
    }
    // Thanksgiving each year, plus July 4 2019 and 2024, Veterans Day 2021, Juneteenth 2025,
    // Christmas 2025 and New Year's Day 2026.
    expect(moved).toBe(8 + 6);
  });

  it("Thanksgiving 2024: the 27 November balance sheet is released Friday the 29th, usable Saturday (Monday's close)", () => {
    expect(at('2024-11-27', 'h41-weekly')).toBe('2024-11-30');
  });

  it('every week of 2019–2026: H.10 released Monday, or Tuesday when Monday is a holiday; usable the day after', () => {
    let moved = 0;
    for (let monday = dayOf(2019, 1, 7); monday <= dayOf(2026, 12, 28); monday += 7) {
      const mondayHoliday = ALL.has(isoDay(monday));
      if (mondayHoliday) moved++;
      // Each day of the week before (Monday to Friday) is released that Monday.
      for (let k = 1; k <= 7; k++) {
        const obs = monday - k;
        if (weekday(obs) === 0 || weekday(obs) === 6) continue;
        expect(at(isoDay(obs), 'h10-weekly')).toBe(isoDay(monday + (mondayHoliday ? 2 : 1)));
      }
    }
    expect(moved).toBeGreaterThan(30);
  });

  it('next-business-day rules skip Fed holidays: the Friday before Columbus Day is usable Tuesday', () => {
    expect(isoDay(availableFrom(parseIsoDay('2026-10-09'), { kind: 'next-business-day' }))).toBe('2026-10-13');
  });
});
