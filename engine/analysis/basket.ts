import { badArgument } from '../stats/bad-argument.ts';

/**
 * Daily return of an equal-weight basket rebalanced every close:
 * `b[i] = (1/k) Σⱼ rⱼ[i]` over the k member series. Units: fraction per day, same timing as the
 * members (day i = close i−1 → close i). NaN when any member is NaN that day.
 *
 * @throws QuadrantError `bad-argument` with no members or members of different lengths.
 * @example
 * basketReturns([Float64Array.of(0, 0.02), Float64Array.of(0, -0.01)]); // [0, 0.005]
 */
export function basketReturns(members: readonly Float64Array[]): Float64Array {
  if (members.length === 0) throw badArgument('basketReturns needs at least one member');
  const n = members[0].length;
  for (const m of members) if (m.length !== n) throw badArgument(`basketReturns needs members of one length (${n}), got ${m.length}`);
  const out = new Float64Array(n);
  const k = members.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += members[j][i];
    out[i] = s / k;
  }
  return out;
}

/**
 * Daily return difference `a[i] − b[i]`: the return of a long-`a`, short-`b` overlay rebalanced
 * daily (the "relative" series of the per-quadrant relative tables). Units: fraction per day.
 *
 * @throws QuadrantError `bad-argument` when the lengths differ.
 * @example
 * differenceReturns(Float64Array.of(0.03), Float64Array.of(0.01)); // [0.02]
 */
export function differenceReturns(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length !== b.length) throw badArgument(`differenceReturns needs series of one length, got ${a.length} and ${b.length}`);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}
