import { pboBlockStarts, pboFromBlockSums } from '../../engine/stats/pbo.ts';
import { blockSqAt, blockSumAt, SUMMARY_MEAN, type RowSummaryLayout } from './row-summary.ts';

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
 * The CSCV blocks a sweep of `rows` configurations over T return days uses: S is `partitions`
 * (default {@link autoPartitions}), lowered to the largest even number that leaves every half
 * at least 2 rows; S + 1 boundaries (pboBlockStarts), or just [0] when there is no PBO (fewer
 * than 2 configurations or 4 days).
 */
export function pboBlocks(rows: number, T: number, partitions = autoPartitions(rows)): Int32Array {
  if (rows < 2 || T < 4) return Int32Array.of(0);
  let S = partitions;
  while (S > 2 && (S / 2) * Math.floor(T / S) < 2) S -= 2;
  return pboBlockStarts(T, S);
}

/**
 * PBO by combinatorially symmetric cross-validation (engine/stats pbo, metric Sharpe) over the
 * configurations' daily excess returns, from their row summaries (rows × width; the layout's
 * blocks are {@link pboBlocks}'s): the same figures as pbo on the full rows.
 *
 * @returns null when the layout has no blocks (fewer than 2 configurations or 4 days).
 */
export function pboOf(summaries: Float64Array, rows: number, layout: RowSummaryLayout): PboSummary | null {
  const S = layout.blockStart.length - 1;
  if (rows < 2 || S === 0) return null;
  const w = layout.width;
  const shift = new Float64Array(rows);
  const blockSum = new Float64Array(S * rows);
  const blockSq = new Float64Array(S * rows);
  for (let j = 0; j < rows; j++) {
    shift[j] = summaries[j * w + SUMMARY_MEAN];
    for (let b = 0; b < S; b++) {
      blockSum[b * rows + j] = summaries[j * w + blockSumAt(b)];
      blockSq[b * rows + j] = summaries[j * w + blockSqAt(layout, b)];
    }
  }
  const res = pboFromBlockSums({ blockStart: layout.blockStart, shift, blockSum, blockSq }, 'sharpe');
  const sorted = Float64Array.from(res.logits).sort();
  const h = sorted.length >> 1;
  const medianLogit = sorted.length % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
  return { probability: res.pbo, splits: res.combinations, partitions: res.partitions, configs: rows, medianLogit };
}
