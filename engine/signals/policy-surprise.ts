/** Days a 3-month bill runs (13 weeks), for the money-market conversion of its yield. */
const BILL_DAYS = 91;

/**
 * The policy rate delivered against the path the bill market priced, in percentage points:
 * `out[t] = mean(policy[t − tenor + 1 .. t]) − bill₃₆₀[t − tenor]`, where `bill₃₆₀` is the 3-month
 * bill yield restated on the policy rate's actual/360 money-market basis.
 *
 * A 3-month bill bought `tenor` rows ago pays about the average overnight rate expected over
 * the next three months (its term premium is a few basis points, against the 2-year's tens), so
 * the difference is the policy surprise of the last three months: positive when the Fed
 * delivered a higher rate than priced (cut less or hiked more than expected: the note's
 * "easing less than the market expects"), negative when it eased more than priced.
 *
 * `basis`: `bond-equivalent` (DGS3MO, actual/365: × 360/365) or `discount` (DTB3: d / (1 − d·91/360)).
 *
 * Timing: rows t − tenor .. t of as-of columns only. NaN for t < tenor or where any input in
 * the window is NaN. O(n) with a running sum.
 *
 * @example
 * // The bill priced 4.0 % (bond-equivalent); the Fed then held at 4.33 for the whole quarter:
 * // 4.33 − 4.0·360/365 = 4.33 − 3.945 = 0.385 pp tighter than priced.
 * policySurprise(Float64Array.of(4.33, 4.33, 4.33), Float64Array.of(4.0, 4.0, 4.0), 2, 'bond-equivalent')[2]; // ≈ 0.385
 */
export function policySurprise(policy: Float64Array, bill: Float64Array, tenor: number, basis: 'bond-equivalent' | 'discount'): Float64Array {
  const n = policy.length;
  const out = new Float64Array(n).fill(NaN);
  let sum = 0;
  let missing = 0;
  for (let t = 0; t < n; t++) {
    const add = policy[t];
    if (add === add) sum += add;
    else missing++;
    if (t >= tenor) {
      const drop = policy[t - tenor];
      if (drop === drop) sum -= drop;
      else missing--;
      const b = bill[t - tenor];
      const b360 = basis === 'discount' ? b / (1 - (b / 100) * (BILL_DAYS / 360)) : (b * 360) / 365;
      out[t] = missing > 0 ? NaN : sum / tenor - b360;
    }
  }
  return out;
}
