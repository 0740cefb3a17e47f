import { pbo } from '../../engine/stats/pbo.ts';

/** The probability of backtest overfitting of a sweep. */
export interface PboSummary {
  /** PBO: the share of CSCV splits whose in-sample best ranks at or below the median out of sample. */
  probability: number;
  /** Splits C(S, S/2). */
  splits: number;
  /** S, the time blocks. */
  partitions: number;
  /** Configurations compared. */
  configs: number;
  /** Median logit λ over the splits (> 0: the in-sample best tends to stay above the median). */
  medianLogit: number;
}

/** C(S, S/2) × configurations the automatic S stays within (about a second of CSCV). */
export const PBO_BUDGET = 2e7;

/** C(n, k), exact for the small n used here. */
function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/**
 * The automatic number of CSCV blocks: the largest even S ≤ 16 with C(S, S/2) × configs ≤
 * {@link PBO_BUDGET} (16 up to 1,554 configurations, 12 for 10,000, 10 beyond 21,645; never
 * below 8).
 */
export function autoPartitions(configs: number): number {
  let S = 16;
  while (S > 8 && binomial(S, S / 2) * configs > PBO_BUDGET) S -= 2;
  return S;
}

/**
 * PBO by combinatorially symmetric cross-validation (engine/stats pbo, metric Sharpe) over the
 * configurations' daily excess returns (rows × T, row-major). S is `partitions` (default
 * {@link autoPartitions}), lowered to the largest even number that leaves every half at least
 * 2 rows.
 *
 * @returns null with fewer than 2 configurations or fewer than 4 days.
 */
export function pboOf(excess: Float64Array, rows: number, T: number, partitions = autoPartitions(rows)): PboSummary | null {
  if (rows < 2 || T < 4) return null;
  let S = partitions;
  while (S > 2 && (S / 2) * Math.floor(T / S) < 2) S -= 2;
  const series = Array.from({ length: rows }, (_, j) => excess.subarray(j * T, (j + 1) * T));
  const res = pbo(series, { partitions: S, metric: 'sharpe' });
  const sorted = Float64Array.from(res.logits).sort();
  const h = sorted.length >> 1;
  const medianLogit = sorted.length % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
  return { probability: res.pbo, splits: res.combinations, partitions: res.partitions, configs: rows, medianLogit };
}
