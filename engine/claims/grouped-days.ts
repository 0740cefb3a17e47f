import { countRuns } from '../analysis/day-masks.ts';
import type { ClaimWindow } from './types.ts';

/**
 * Return days of a window sorted into groups by the state known at the previous close:
 * `group[i] = codes[i − 1]` for i in the window (0 = not used), with `startIndex` as an extra
 * lower bound. `indices` lists the used days in order (as floats, for the index bootstrap).
 */
export interface GroupedDays {
  group: Uint8Array;
  indices: Float64Array;
  /** Days per group code (index = code). */
  counts: number[];
  /** Separate runs of days per group code. */
  runs: number[];
}

/** Sorts a window's return days into groups 1..k by decision-day codes (see {@link GroupedDays}). */
export function groupDays(codes: Uint8Array, window: ClaimWindow, k: number, startIndex = 0): GroupedDays {
  const n = codes.length;
  const group = new Uint8Array(n);
  const counts = new Array<number>(k + 1).fill(0);
  const list: number[] = [];
  for (let i = Math.max(window.from, startIndex, 1); i <= window.to; i++) {
    const c = codes[i - 1];
    if (c >= 1 && c <= k) {
      group[i] = c;
      counts[c]++;
      list.push(i);
    }
  }
  const runs = new Array<number>(k + 1).fill(0);
  const mask = new Uint8Array(n);
  for (let c = 1; c <= k; c++) {
    for (let i = 0; i < n; i++) mask[i] = group[i] === c ? 1 : 0;
    runs[c] = countRuns(mask);
  }
  return { group, indices: Float64Array.from(list), counts, runs };
}

/**
 * Per-group mean and sample variance of `x` over the days in `idx` (calendar indices), into
 * `mean` / `variance` (index = group code). A group with too few days in this sample (0 for the
 * mean, < 2 for the variance) takes the value in `fallback` (the full-sample figure), so a
 * bootstrap replicate that happens to miss a small group stays defined; such groups are flagged
 * thin by the claims anyway.
 */
export function groupMoments(
  x: Float64Array,
  group: Uint8Array,
  idx: Float64Array,
  k: number,
  mean: Float64Array,
  variance: Float64Array,
  fallback?: { mean: Float64Array; variance: Float64Array },
): void {
  const s = new Float64Array(k + 1);
  const ss = new Float64Array(k + 1);
  const c = new Float64Array(k + 1);
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j];
    const g = group[i];
    const v = x[i];
    s[g] += v;
    ss[g] += v * v;
    c[g]++;
  }
  for (let g = 1; g <= k; g++) {
    mean[g] = c[g] > 0 ? s[g] / c[g] : fallback ? fallback.mean[g] : NaN;
    variance[g] = c[g] > 1 ? Math.max(0, (ss[g] - (s[g] * s[g]) / c[g]) / (c[g] - 1)) : fallback ? fallback.variance[g] : NaN;
  }
}
