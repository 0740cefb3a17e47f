import { type Day, dayOf, dayParts, weekday } from './day.ts';

/**
 * The Federal Reserve Board's holidays, by the rules of its published schedule (the federal
 * holidays of 5 U.S.C. 6103): New Year's Day, Martin Luther King Jr. Day (3rd Monday of January),
 * Washington's Birthday (3rd Monday of February), Memorial Day (last Monday of May), Juneteenth
 * (June 19, from 2022), Independence Day, Labor Day (1st Monday of September), Columbus Day
 * (2nd Monday of October), Veterans Day (November 11), Thanksgiving (4th Thursday of November),
 * Christmas. A fixed-date holiday on a Sunday is observed the Monday after; on a Saturday the
 * Board (which publishes H.4.1 and H.10) closes the Friday before.
 *
 * Days closed by executive order (such as national days of mourning) are not in the schedule
 * and not here.
 */
export function fedHolidays(year: number): Day[] {
  const nth = (month: number, wd: number, n: number) => {
    const first = dayOf(year, month, 1);
    return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
  };
  const last = (month: number, wd: number) => {
    const end = dayOf(year, month + 1, 0);
    return end - ((weekday(end) - wd + 7) % 7);
  };
  const fixed = (month: number, date: number) => {
    const d = dayOf(year, month, date);
    const w = weekday(d);
    return w === 0 ? d + 1 : w === 6 ? d - 1 : d;
  };
  const days = [fixed(1, 1), nth(1, 1, 3), nth(2, 1, 3), last(5, 1), fixed(7, 4), nth(9, 1, 1), nth(10, 1, 2), fixed(11, 11), nth(11, 4, 4), fixed(12, 25)];
  if (year >= 2022) days.push(fixed(6, 19));
  // New Year's Day of the next year on a Saturday is observed on this year's December 31; this
  // year's on a Saturday fell in the year before.
  const nextNewYear = dayOf(year + 1, 1, 1);
  if (weekday(nextNewYear) === 6) days.push(nextNewYear - 1);
  return days.filter((d) => dayParts(d).year === year).sort((a, b) => a - b);
}

const byYear = new Map<number, Set<Day>>();

/** True on a day the Federal Reserve Board is closed for a holiday (see fedHolidays). */
export function isFedHoliday(day: Day): boolean {
  const { year } = dayParts(day);
  let set = byYear.get(year);
  if (!set) {
    set = new Set(fedHolidays(year));
    byYear.set(year, set);
  }
  return set.has(day);
}

/** The first day on or after `day` that is a weekday and not a Fed holiday. */
export function onOrAfterFedBusinessDay(day: Day): Day {
  let d = day;
  while (weekday(d) === 0 || weekday(d) === 6 || isFedHoliday(d)) d++;
  return d;
}

/** The next Fed business day after `day`. */
export function nextFedBusinessDay(day: Day): Day {
  return onOrAfterFedBusinessDay(day + 1);
}
