import { badArgument } from '../stats/bad-argument.ts';

/**
 * Forward h-day compound return decided at close t: `f[t] = Π_{k=t+1}^{t+h} (1 + r[k]) − 1`, the
 * return from close t to close t+h of a position taken at t's close. NaN when t + h is past the
 * end or a return in the window is NaN. Units: fraction over h trading days.
 *
 * Timing: f[t] reads the FUTURE returns t+1..t+h by design; callers pair it with a conditioning
 * value known at t and must keep t + h inside their sample window.
 *
 * @throws QuadrantError `bad-argument` when h is not an integer ≥ 1.
 * @example
 * forwardReturns(Float64Array.of(0, 0.1, -0.5, 0.2), 2); // [1.1·0.5 − 1 = −0.45, 0.5·1.2 − 1 = −0.4, NaN, NaN]
 */
export function forwardReturns(returns: Float64Array, h: number): Float64Array {
  checkHorizon(h, 'forwardReturns');
  const n = returns.length;
  const out = new Float64Array(n).fill(NaN);
  for (let t = 0; t + h < n; t++) {
    let g = 1;
    for (let k = t + 1; k <= t + h; k++) g *= 1 + returns[k];
    out[t] = g - 1;
  }
  return out;
}

/**
 * Forward h-day maximum drawdown decided at close t: the largest fall from a running high of
 * the path that starts at 1 at close t and compounds r[t+1..t+h], `max_k (1 − level_k / max_{j≤k}
 * level_j)` with level_t = 1. A positive fraction in [0, 1); 0 when the path never falls. NaN
 * when t + h is past the end or a return in the window is NaN.
 *
 * @throws QuadrantError `bad-argument` when h is not an integer ≥ 1.
 * @example
 * forwardDrawdowns(Float64Array.of(0, 0.1, -0.5, 0.2), 2); // [1 − 0.55/1.1 = 0.5, 0.5, NaN, NaN]
 */
export function forwardDrawdowns(returns: Float64Array, h: number): Float64Array {
  checkHorizon(h, 'forwardDrawdowns');
  const n = returns.length;
  const out = new Float64Array(n).fill(NaN);
  for (let t = 0; t + h < n; t++) {
    let level = 1;
    let peak = 1;
    let worst = 0;
    for (let k = t + 1; k <= t + h; k++) {
      level *= 1 + returns[k];
      if (level > peak) peak = level;
      const dd = 1 - level / peak;
      if (dd > worst || Number.isNaN(dd)) worst = dd;
    }
    out[t] = worst;
  }
  return out;
}

function checkHorizon(h: number, fn: string): void {
  if (!Number.isInteger(h) || h < 1) throw badArgument(`${fn} needs an integer horizon ≥ 1, got ${h}`);
}
