/**
 * Days are integers: days since 1970-01-01 (UTC). ISO strings appear only at the edges
 * (files, CLI, reports); everything inside Quadrant compares and indexes plain integers.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/**
 * Parses `YYYY-MM-DD` into a Day, or returns NaN when the text is not a real calendar date.
 * Hand-rolled (no RegExp or Date) because loading parses every row of every file.
 */
export function parseIsoDay(text: string): Day {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

function digits(text: string, start: number, count: number): number {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Formats a Day as `YYYY-MM-DD`. */
export function isoDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** The next Monday–Friday day strictly after `day` (holidays are not known here; alignment handles them). */
export function nextWeekday(day: Day): Day {
  let d = day + 1;
  while (isWeekend(d)) d++;
  return d;
}

/** Calendar parts of a Day, UTC. */
export function dayParts(day: Day): { year: number; month: number; date: number } {
  const key = monthKey(day);
  const year = Math.floor(key / 12);
  const month = key - year * 12 + 1;
  return { year, month, date: day - daysFromCivil(year, month, 1) + 1 };
}

/**
 * year × 12 + (month − 1) of a Day, in integer arithmetic (H. Hinnant's civil_from_days, no
 * Date, no object): two days are in the same month when their keys are equal, which is what
 * rebalance calendars ask once per trading day.
 */
export function monthKey(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  // Everything below is a non-negative integer: `| 0` truncates, which is floor here.
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/**
 * monthKey of every day of a sorted calendar: the key is recomputed only when a day reaches the
 * next month's first day, so a calendar costs one comparison per day and one monthKey per month.
 */
export function monthKeys(calendar: Int32Array): Int32Array {
  const out = new Int32Array(calendar.length);
  let key = 0;
  let from = 0;
  let until = -Infinity; // the current key holds for days in [from, until)
  for (let t = 0; t < calendar.length; t++) {
    const d = calendar[t];
    if (d >= until || d < from) {
      key = monthKey(d);
      const y = Math.floor(key / 12);
      const m = key - y * 12 + 1;
      from = daysFromCivil(y, m, 1);
      until = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
    }
    out[t] = key;
  }
  return out;
}

/** The first Day of the month after `day`'s, in integer arithmetic (see monthKey). */
export function nextMonthStart(day: Day): Day {
  const key = monthKey(day) + 1;
  const y = Math.floor(key / 12);
  return daysFromCivil(y, key - y * 12 + 1, 1);
}

/** The calendar year of a Day, UTC (see monthKey). */
export function yearOf(day: Day): number {
  return Math.floor(monthKey(day) / 12);
}

/** The Day of a calendar date; month is 1-based and may overflow into the next year. */
export function dayOf(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/**
 * Parses a user-facing date bound: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 * `end` picks the last day of the month or year instead of the first.
 */
export function parseDateBound(text: string, end = false): Day {
  if (/^\d{4}$/.test(text)) return end ? dayOf(Number(text), 12, 31) : dayOf(Number(text), 1, 1);
  const ym = /^(\d{4})-(\d{2})$/.exec(text);
  if (ym) {
    const y = Number(ym[1]);
    const m = Number(ym[2]);
    if (m < 1 || m > 12) return NaN;
    return end ? dayOf(y, m + 1, 0) : dayOf(y, m, 1);
  }
  return parseIsoDay(text);
}
