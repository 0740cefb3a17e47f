import { type Day, dayParts, dayOf, nextWeekday, weekday } from './day.ts';

/**
 * When an observation becomes knowable: the first day on whose close Quadrant may use it.
 * Every rule is conservative: when the release time is uncertain, the value waits a day longer.
 */
export type PublicationRule =
  /** Market closes (prices, VIX, Yahoo's DXY): known at the close of the day they describe. */
  | { kind: 'same-day' }
  /** Published the next business day (RRPONTSYD, DFF, H.15 yields, spreads). */
  | { kind: 'next-business-day' }
  /** H.4.1: Wednesday values released Thursday 16:30 ET, after the close, so usable from Friday. */
  | { kind: 'h41-weekly' }
  /** H.10 (DTWEXBGS): the week's daily values released the following Monday 16:15 ET, usable from Tuesday. */
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
      return nextWeekday(obs);
    case 'h41-weekly': {
      // The week's Wednesday (H.4.1 dates are Wednesdays; a holiday-shifted date keeps its week).
      const wed = obs + ((3 - weekday(obs) + 7) % 7);
      return wed + 2;
    }
    case 'h10-weekly': {
      // Monday after the observation's week, plus one day for the after-close release.
      const monday = obs + ((8 - weekday(obs)) % 7 || 7);
      return monday + 1;
    }
    case 'monthly': {
      const { year, month } = dayParts(obs);
      return dayOf(year, month + 1, rule.releaseDay);
    }
    case 'dts-daily':
      return nextWeekday(nextWeekday(obs));
  }
}

/** Words for the rule, for `data list` and the report's appendix. */
export function describeRule(rule: PublicationRule): string {
  switch (rule.kind) {
    case 'same-day':
      return 'same day (market close)';
    case 'next-business-day':
      return 'next business day';
    case 'h41-weekly':
      return 'H.4.1: Wednesday value, usable Friday';
    case 'h10-weekly':
      return 'H.10: week released Monday, usable Tuesday';
    case 'monthly':
      return `monthly: usable from day ${rule.releaseDay} of the next month`;
    case 'dts-daily':
      return 'DTS: out by 4 pm ET the next business day, usable the business day after';
  }
}
