import type { Day } from './day.ts';
import type { PublicationRule } from './publication.ts';

export interface SeriesMeta {
  title: string;
  units: string;
  frequency: string;
  source: string;
  publication: PublicationRule;
  /** The file it was read from, for messages. */
  file?: string;
}

/**
 * A time series: sorted unique observation days, values (NaN = missing), and for each
 * observation the day it became public. `available[i] >= days[i]` always.
 */
export interface Series {
  readonly id: string;
  readonly days: Int32Array;
  readonly values: Float64Array;
  readonly available: Int32Array;
  readonly meta: SeriesMeta;
}

/** First and last observation with a value, as days (NaN when the series has none). */
export function coverage(series: Series): { first: Day; last: Day; count: number } {
  let first = NaN;
  let last = NaN;
  let count = 0;
  for (let i = 0; i < series.days.length; i++) {
    if (Number.isNaN(series.values[i])) continue;
    if (count === 0) first = series.days[i];
    last = series.days[i];
    count++;
  }
  return { first, last, count };
}
