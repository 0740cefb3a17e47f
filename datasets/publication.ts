import { type Day, dayParts, dayOf, weekday } from './day.ts';
import { nextFedBusinessDay, onOrAfterFedBusinessDay } from './fed-holidays.ts';

/**
 * When an observation becomes knowable: the first day on whose close Quadrant may use it.
 * Every rule is conservative: when the release time is uncertain, the value waits a day longer.
 */
export type PublicationRule =
  /** Market closes (prices, VIX, Yahoo's DXY): known at the close of the day they describe. */
  | { kind: 'same-day' }
  /** Published the next Fed business day (RRPONTSYD, DFF, H.15 yields, spreads): weekends and Fed holidays skipped. */
  | { kind: 'next-business-day' }
  /**
   * H.4.1: Wednesday values released Thursday 16:30 ET, after the close, so usable from Friday;
   * when Thursday is a Fed holiday the release moves to the next Fed business day (Thanksgiving:
   * Friday, usable the Monday after).
   */
  | { kind: 'h41-weekly' }
  /**
   * H.10 (DTWEXBGS): the week's daily values released the following Monday 16:15 ET, usable from
   * Tuesday; when Monday is a Fed holiday the release moves to Tuesday, usable Wednesday.
   */
  | { kind: 'h10-weekly' }
  /** Monthly data dated the 1st, released on about day `releaseDay` of the following month. */
  | { kind: 'monthly'; releaseDay: number }
  /**
   * Daily Treasury Statement: day T's statement is out by 4 pm ET the next business day, on the
   * close itself, so it is used from the close of the business day after that (T+2).
   */
  | { kind: 'dts-daily' };

/** The Day from which an observation dated `obs` may be used under `rule`. */
export function availableFrom(obs: Day, rule: PublicationRule): Day {
  switch (rule.kind) {
    case 'same-day':
      return obs;
    case 'next-business-day':
      return nextFedBusinessDay(obs);
    case 'h41-weekly': {
      // The week's Wednesday (H.4.1 dates are Wednesdays; a holiday-shifted date keeps its week),
      // released the Thursday after, or the next Fed business day; usable the day after release.
      const wed = obs + ((3 - weekday(obs) + 7) % 7);
      return onOrAfterFedBusinessDay(wed + 1) + 1;
    }
    case 'h10-weekly': {
      // Monday after the observation's week (or the next Fed business day), plus one day for
      // the after-close release.
      const monday = obs + ((8 - weekday(obs)) % 7 || 7);
      return onOrAfterFedBusinessDay(monday) + 1;
    }
    case 'monthly': {
      const { year, month } = dayParts(obs);
      return dayOf(year, month + 1, rule.releaseDay);
    }
    case 'dts-daily':
      // Out by 4 pm ET the next business day, which may be after the close: usable the business day after.
      return nextFedBusinessDay(nextFedBusinessDay(obs));
  }
}

/** Words for the rule, for `data list` and the report's appendix. */
export function describeRule(rule: PublicationRule): string {
  switch (rule.kind) {
    case 'same-day':
      return 'same day (market close)';
    case 'next-business-day':
      return 'next Fed business day';
    case 'h41-weekly':
      return 'H.4.1: Wednesday value, usable Friday (a day later after a Thursday holiday)';
    case 'h10-weekly':
      return 'H.10: week released Monday, usable Tuesday (a day later after a Monday holiday)';
    case 'monthly':
      return `monthly: usable from day ${rule.releaseDay} of the next month`;
    case 'dts-daily':
      return 'DTS: out by 4 pm ET the next business day, usable the business day after';
  }
}

/**
 * The oldest the newest public value of a series can normally be, in calendar days, on a
 * trading day: its longest normal publication interval (the gap between observations plus the
 * delay to the next release, holidays included). Older means the source has stopped or fallen
 * behind: the value is stale.
 *
 * - daily series (`same-day`, `next-business-day`): 7 (a value every business day; the longest
 *   normal wait, Friday's value after a Monday holiday or over Christmas, is 4–5 days);
 * - H.4.1 (`h41-weekly`): 10 (Wednesday's value is usable from Friday and replaced the next
 *   Friday, age 9; a day more after a Thursday holiday);
 * - H.10 (`h10-weekly`): 12 (Friday's value is usable from Tuesday and replaced the next
 *   Tuesday, age 11; a day more after a Monday holiday);
 * - `monthly`: 31 + releaseDay + 7.
 */
export function maxAgeDays(rule: PublicationRule): number {
  switch (rule.kind) {
    case 'same-day':
    case 'next-business-day':
      return 7;
    case 'h41-weekly':
      return 10;
    case 'h10-weekly':
      return 12;
    case 'dts-daily':
      return 7;
    case 'monthly':
      return 31 + rule.releaseDay + 7;
  }
}
