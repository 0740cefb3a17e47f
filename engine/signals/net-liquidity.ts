import { DataError } from '../../datasets/errors.ts';

/**
 * Net liquidity in millions of USD: `WALCL − TGA − RRPONTSYD × 1000` (Fed total assets less
 * the Treasury General Account less overnight reverse repos, the last converted from billions).
 * The TGA is panelTga's: the daily DTS balance where it exists, WDTGAL before.
 *
 * Timing: row by row, so each value is public when its three inputs are (the panel holds each
 * as of its own publication). NaN where any input is NaN.
 *
 * @example
 * netLiquidity(Float64Array.of(7_000_000), Float64Array.of(800_000), Float64Array.of(150)); // [6_050_000]
 */
export function netLiquidity(
  walcl: Float64Array,
  tga: Float64Array,
  rrpBillions: Float64Array,
  out: Float64Array = new Float64Array(walcl.length),
): Float64Array {
  for (let t = 0; t < walcl.length; t++) out[t] = walcl[t] - tga[t] - rrpBillions[t] * 1000;
  return out;
}

/**
 * The Treasury General Account per row, millions of USD: the daily balance from the Daily
 * Treasury Statement (`DTS_TGA`) where its newest published observation is at least as recent as
 * the weekly H.4.1 one (`WDTGAL`), else WDTGAL. So the daily series takes over where it exists
 * and the weekly one covers the years before it (and any stretch where the daily file ends early).
 *
 * Timing: row by row over as-of columns, so row t reads only what both had published by t.
 * Without daily data (the offline snapshot has none) it is WDTGAL unchanged.
 */
export function freshestTga(
  daily: Float64Array | undefined,
  dailyAsOf: Int32Array | undefined,
  weekly: Float64Array,
  weeklyAsOf: Int32Array,
  out: Float64Array = new Float64Array(weekly.length),
  outAsOf: Int32Array = new Int32Array(weekly.length),
): { values: Float64Array; asOf: Int32Array } {
  for (let t = 0; t < weekly.length; t++) {
    const useDaily = daily !== undefined && dailyAsOf !== undefined && dailyIsFreshest(daily[t], dailyAsOf[t], weekly[t], weeklyAsOf[t]);
    out[t] = useDaily ? daily[t] : weekly[t];
    outAsOf[t] = useDaily ? dailyAsOf[t] : weeklyAsOf[t];
  }
  return { values: out, asOf: outAsOf };
}

/** freshestTga's rule for one row: the daily value, when it has one at least as new as the weekly one. */
export function dailyIsFreshest(daily: number, dailyAsOf: number, weekly: number, weeklyAsOf: number): boolean {
  return !Number.isNaN(daily) && (Number.isNaN(weekly) || dailyAsOf >= weeklyAsOf);
}

/** The panel's TGA (see freshestTga): DTS_TGA where it is current, WDTGAL otherwise. */
export function panelTga(panel: { columns: Readonly<Record<string, Float64Array>>; asOf: Readonly<Record<string, Int32Array>> }): {
  values: Float64Array;
  asOf: Int32Array;
} {
  const weekly = panel.columns.WDTGAL;
  const daily = panel.columns.DTS_TGA;
  const unknown = (n: number) => new Int32Array(n).fill(-1);
  if (weekly && !daily) return { values: weekly, asOf: panel.asOf.WDTGAL ?? unknown(weekly.length) };
  if (daily && !weekly) return { values: daily, asOf: panel.asOf.DTS_TGA ?? unknown(daily.length) };
  if (!weekly || !daily) {
    throw new DataError('series-missing', 'the TGA is not in the data: neither WDTGAL nor DTS_TGA', { series: 'WDTGAL', hint: 'expected fred/WDTGAL.csv' });
  }
  const weeklyAsOf = panel.asOf.WDTGAL;
  const dailyAsOf = panel.asOf.DTS_TGA;
  if (!weeklyAsOf || !dailyAsOf) {
    throw new DataError('series-missing', 'choosing between WDTGAL and DTS_TGA needs the observation day of each', { series: 'DTS_TGA' });
  }
  return freshestTga(daily, dailyAsOf, weekly, weeklyAsOf);
}
