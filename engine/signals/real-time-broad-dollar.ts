/**
 * The broad dollar index as it was known at the time: the goods-only broad index (DTWEXB) until
 * the goods-and-services index (DTWEXBGS) was introduced, then DTWEXBGS, ratio-linked at the
 * switch so that returns carry across it. DTWEXBGS values before its introduction are a
 * back-cast published in January 2019, which no one could read before then.
 *
 * `out[t] = goods[t]` while the newest public DTWEXBGS observation is dated before `switchDay`
 * (by `servicesAsOf`), and `services[t] · goods[s] / services[s]` afterwards, with `s` the last
 * row before the switch. Momentum, trend and acceleration windows that straddle the switch mix
 * the two indexes' returns (they move together: both are trade-weighted broad indexes).
 *
 * Timing: row t reads rows ≤ t only (the ratio is fixed at row s < t).
 *
 * @example
 * // Goods index 120 → 121, then the new index from row 2 (100 at row 1): 121 · 102/100 = 123.42.
 * realTimeBroadDollar(Float64Array.of(120, 121, 122), Float64Array.of(99, 100, 102), Int32Array.of(0, 1, 10), 5)[2]; // 123.42
 */
export function realTimeBroadDollar(goods: Float64Array, services: Float64Array, servicesAsOf: Int32Array, switchDay: number): Float64Array {
  const n = goods.length;
  const out = new Float64Array(n);
  let ratio = NaN;
  let switched = false;
  for (let t = 0; t < n; t++) {
    if (!switched && servicesAsOf[t] >= switchDay) {
      switched = true;
      // Linked on the last row before the switch; without one, on this row's own values.
      ratio = t > 0 ? goods[t - 1] / services[t - 1] : NaN;
    }
    out[t] = switched ? services[t] * ratio : goods[t];
  }
  return out;
}
