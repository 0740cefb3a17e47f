/**
 * Easing below expectations, in percentage points: the cuts the market prices that the Fed has
 * not delivered. `out[t] = max(0, DFF[t] − DGS2[t]) − max(0, DFF[t − lag] − DFF[t])`.
 *
 * The first term is the cuts priced: a 2-year yield under the policy rate. The second is the
 * cuts delivered over the last `lag` rows. Positive means the Fed eases less than the market
 * expects, which the note counts as tightening ("宽松不及预期": a Fed that holds while markets
 * price cuts is not easing). Hikes and hike pricing count as zero here; the policy-rate
 * component already sees them.
 *
 * Timing: rows t and t − lag of as-of columns only. NaN for t < lag or where an input is NaN.
 *
 * @example
 * // Fed holds at 4.33 while the 2-year sits at 3.90 (2025 Q2): 0.43 pp of easing not delivered.
 * easingShortfall(Float64Array.of(4.33, 4.33), Float64Array.of(3.9, 3.9), 1)[1]; // ≈ 0.43
 */
export function easingShortfall(dff: Float64Array, dgs2: Float64Array, lag: number): Float64Array {
  const n = dff.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    if (t < lag) {
      out[t] = NaN;
      continue;
    }
    const priced = Math.max(0, dff[t] - dgs2[t]);
    const delivered = Math.max(0, dff[t - lag] - dff[t]);
    // Math.max(0, NaN) is NaN, so a missing input stays missing.
    out[t] = priced - delivered;
  }
  return out;
}
