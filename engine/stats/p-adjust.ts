import { badArgument } from './bad-argument.ts';

/**
 * Adjusted p-values for a family of tests, as R's `p.adjust`. NaN entries (tests that could not
 * be run) stay NaN and do not count in the family size m. Every adjusted value is ≥ its raw
 * value and ≤ 1, and the adjusted values keep the order of the raw ones.
 *
 * - `holm` (Holm 1979, "A simple sequentially rejective multiple test procedure", Scand. J.
 *   Statist. 6(2)): with the raw values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎,
 *   `p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1) p₍ⱼ₎)`; controls the family-wise error rate.
 * - `bh` (Benjamini & Hochberg 1995, "Controlling the false discovery rate", JRSS B 57(1)):
 *   `p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m p₍ⱼ₎ / j)`; controls the false discovery rate.
 *
 * @throws QuadrantError `bad-argument` for a value outside [0, 1] (other than NaN).
 * @example
 * pAdjust([0.01, 0.02, 0.03], 'holm'); // [0.03, 0.04, 0.04]
 * pAdjust([0.01, 0.02, 0.03], 'bh');   // [0.03, 0.03, 0.03]
 */
export function pAdjust(p: ArrayLike<number>, method: 'holm' | 'bh'): Float64Array {
  const out = new Float64Array(p.length).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) throw badArgument(`pAdjust needs p-values in [0, 1]; value at index ${i} is ${v}`);
    order.push(i);
  }
  // Ties keep their input order (a stable sort), as R's order() does.
  order.sort((a, b) => p[a] - p[b]);
  const m = order.length;
  if (method === 'holm') {
    let running = 0;
    for (let k = 0; k < m; k++) {
      running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
      out[order[k]] = running;
    }
  } else {
    let running = 1;
    for (let k = m - 1; k >= 0; k--) {
      running = Math.min(running, Math.min(1, (m * p[order[k]]) / (k + 1)));
      // m·p/m can round one ulp below p; the adjusted value is never below the raw one.
      out[order[k]] = Math.max(running, p[order[k]]);
    }
  }
  return out;
}
