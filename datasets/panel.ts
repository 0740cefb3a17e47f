import { alignAsOf } from './align.ts';
import { MACRO_SERIES } from './catalog.ts';
import type { Day } from './day.ts';
import { DataError } from './errors.ts';
import type { Dataset } from './load-dataset.ts';

/**
 * Everything on one trading calendar: column-major Float64Arrays of the calendar's length.
 * Macro columns hold, on each day, the newest value public by that day's close; `asOf` says
 * which observation that was. Price columns hold dividend-adjusted closes (NaN outside the
 * instrument's life) and `open` the adjusted opens.
 */
export interface Panel {
  readonly calendar: Int32Array;
  readonly columns: Readonly<Record<string, Float64Array>>;
  readonly asOf: Readonly<Record<string, Int32Array>>;
  readonly open: Readonly<Record<string, Float64Array>>;
}

/**
 * How long a price is carried over days it did not trade (holidays, closures: 9/11 closed NYSE
 * for six calendar days) before the instrument counts as not priced and its role falls back.
 */
export const PRICE_CARRY_DAYS = 10;

/** The instrument whose trading days make the calendar (NYSE sessions). */
export const CALENDAR_TICKER = 'SPY';

export interface PanelOptions {
  calendarTicker?: string;
  from?: Day;
  to?: Day;
}

/** Aligns every series of a dataset onto the calendar instrument's trading days. */
export function buildPanel(ds: Dataset, options: PanelOptions = {}): Panel {
  const ticker = options.calendarTicker ?? CALENDAR_TICKER;
  const base = ds.prices.get(ticker);
  if (!base) {
    throw new DataError('series-missing', `the calendar instrument ${ticker} is not in the data`, {
      series: ticker,
      hint: `expected ${ds.dir}/prices/${ticker}.csv`,
    });
  }
  const calendar = tradingDays(base.days, base.values, options.from ?? -Infinity, options.to ?? Infinity);
  const columns: Record<string, Float64Array> = {};
  const asOf: Record<string, Int32Array> = {};
  const open: Record<string, Float64Array> = {};
  for (const [id, series] of ds.macro) {
    const entry = MACRO_SERIES.find((e) => e.id === id);
    const aligned = alignAsOf(series, calendar, { zeroAfterDays: entry?.zeroAfterDays });
    columns[id] = aligned.values;
    asOf[id] = aligned.asOf;
  }
  for (const [ticker, series] of ds.prices) {
    const aligned = alignAsOf(series, calendar, { maxCarryDays: PRICE_CARRY_DAYS });
    columns[ticker] = aligned.values;
    asOf[ticker] = aligned.asOf;
    // An open belongs to its own day only: never carried to another day.
    const opens = new Float64Array(calendar.length).fill(NaN);
    for (let t = 0; t < calendar.length; t++) {
      if (aligned.asOf[t] === calendar[t]) opens[t] = series.open[indexOfDay(series.days, calendar[t])];
    }
    open[ticker] = opens;
  }
  return Object.freeze({ calendar, columns: Object.freeze(columns), asOf: Object.freeze(asOf), open: Object.freeze(open) });
}

function tradingDays(days: Int32Array, values: Float64Array, from: Day, to: Day): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < days.length; i++) {
    if (days[i] >= from && days[i] <= to && !Number.isNaN(values[i])) out.push(days[i]);
  }
  if (out.length === 0) throw new DataError('no-data', 'no trading days in the requested range', { hint: 'widen --from/--to' });
  return Int32Array.from(out);
}

function indexOfDay(days: Int32Array, day: Day): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < day) lo = mid + 1;
    else if (days[mid] > day) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Index of the last calendar day ≤ `day`, or -1. */
export function calendarIndexAtOrBefore(calendar: Int32Array, day: Day): number {
  let lo = 0;
  let hi = calendar.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (calendar[mid] <= day) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
