import type { Panel } from '../../datasets/panel.ts';
import { badArgument } from '../stats/bad-argument.ts';
import { netLiquidity, panelTga } from '../signals/net-liquidity.ts';
import { quantileSorted } from '../stats/quantile.ts';

/** The note's reserves "red line": $3 trillion, in the millions of USD that WRESBAL uses. */
export const RESERVES_RED_LINE = 3_000_000;

/**
 * Net liquidity of a panel, millions of USD: `WALCL − TGA − 1000 · RRPONTSYD` (TGA: the daily
 * DTS balance where it exists, WDTGAL before; see panelTga) computed by
 * engine/signals netLiquidity on the panel's as-of columns, so each value is point in time
 * (public by t's close). NaN where any term is missing.
 *
 * @throws QuadrantError `bad-argument` when the panel lacks one of the three columns.
 */
export function panelNetLiquidity(panel: Panel): Float64Array {
  const walcl = panel.columns.WALCL;
  const rrp = panel.columns.RRPONTSYD;
  if (!walcl || !panel.columns.WDTGAL || !rrp) throw badArgument('panelNetLiquidity needs the WALCL, WDTGAL and RRPONTSYD columns');
  return netLiquidity(walcl, panelTga(panel).values, rrp);
}

/**
 * Tercile of each value against its own trailing history, point in time: at day t the cut
 * points are the 1/3 and 2/3 type-7 quantiles (engine/stats quantileSorted) of the last
 * `window` finite values up to and including x[t] (all of them when `window` is Infinity: an
 * expanding window), and `tercile[t] = 1` when x[t] ≤ the lower cut, `3` when x[t] > the upper
 * cut, else 2. 0 (unknown) while fewer than `minHistory` finite values exist, or when x[t] is
 * NaN. Terciles of the whole sample would use the future to sort the past; these do not.
 *
 * Cost: O(n · w) element moves for a window of w values (a sorted array kept by binary-search
 * insertion and deletion), about 10 ms for n = 8,000 and w = 756.
 *
 * @throws QuadrantError `bad-argument` when minHistory is not an integer ≥ 3 or window < minHistory.
 * @example
 * trailingTerciles(Float64Array.of(1, 2, 3, 0, 9), 3); // [0, 0, 3, 1, 3]
 * trailingTerciles(Float64Array.of(1, 2, 3, 0, 9), 3, 3); // [0, 0, 3, 1, 3] (t=4 sorts 3, 0, 9)
 */
export function trailingTerciles(x: Float64Array, minHistory: number, window = Infinity): Uint8Array {
  if (!Number.isInteger(minHistory) || minHistory < 3) throw badArgument(`trailingTerciles needs an integer minHistory ≥ 3, got ${minHistory}`);
  if (!(window >= minHistory)) throw badArgument(`trailingTerciles needs a window ≥ minHistory (${minHistory}), got ${window}`);
  const n = x.length;
  const out = new Uint8Array(n);
  const sorted = new Float64Array(n);
  const kept: number[] = []; // indices of the finite values in the window, oldest first
  let m = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (Number.isNaN(v)) continue;
    if (kept.length === window) {
      // Drop the oldest value: find one copy of it and shift the tail left.
      const old = x[kept.shift()!];
      const at = lowerBound(sorted, m, old);
      sorted.copyWithin(at, at + 1, m);
      m--;
    }
    const lo = upperBound(sorted, m, v);
    sorted.copyWithin(lo + 1, lo, m);
    sorted[lo] = v;
    m++;
    kept.push(t);
    if (m < minHistory) continue;
    const view = sorted.subarray(0, m);
    const c1 = quantileSorted(view, 1 / 3);
    const c2 = quantileSorted(view, 2 / 3);
    out[t] = v <= c1 ? 1 : v > c2 ? 3 : 2;
  }
  return out;
}

/** First position in sorted[0..m) whose value is ≥ v. */
function lowerBound(sorted: Float64Array, m: number, v: number): number {
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in sorted[0..m) whose value is > v. */
function upperBound(sorted: Float64Array, m: number, v: number): number {
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Above/below a threshold, point in time: 1 = below (x[t] < threshold), 2 = at or above, 0 =
 * unknown (NaN). For reserves against the $3T red line.
 */
export function thresholdCodes(x: Float64Array, threshold: number): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    if (!Number.isNaN(v)) out[t] = v < threshold ? 1 : 2;
  }
  return out;
}
