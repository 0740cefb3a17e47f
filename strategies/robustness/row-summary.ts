/**
 * What the whole-grid statistics need of one configuration's daily excess returns, made as its
 * replay finishes so that a sweep never holds every configuration's T returns (10,000 × 8,463
 * doubles would be 680 MB): the per-period Sharpe (deflated Sharpe ratio), the mean and the
 * CSCV blocks' sums (PBO), the calendar years' sums (walk-forward choice). Each sum runs over
 * the row in day order, as the statistics did over full rows, so the figures are the same to
 * the last bit. The few full rows still needed (the best configuration's skew and kurtosis, the
 * walk-forward's chosen years) are replayed.
 */

/** Where a summary's parts sit: the window's T return days, the CSCV blocks and the years. */
export interface RowSummaryLayout {
  /** Return days of the window. */
  T: number;
  /** S + 1 CSCV block boundaries over [0, T) (pboBlockStarts); S = 0 (just [0]) when no PBO is run. */
  blockStart: Int32Array;
  /** Y + 1 boundaries: the first return column of each calendar year in the window, then T. */
  yearStart: Int32Array;
  /** Doubles per summary: 2 + 2S + 2Y. */
  width: number;
}

/** Offsets in a summary: the per-period Sharpe, the mean, then the blocks' and the years' sums. */
export const SUMMARY_SHARPE = 0;
export const SUMMARY_MEAN = 1;
const BLOCKS = 2;

export function summaryLayout(T: number, blockStart: Int32Array, yearStart: Int32Array): RowSummaryLayout {
  const S = blockStart.length - 1;
  const Y = yearStart.length - 1;
  return { T, blockStart, yearStart, width: BLOCKS + 2 * S + 2 * Y };
}

/** Offsets of block b's Σ(x − mean) and Σ(x − mean)², and of year y's Σx and Σx², in a summary. */
export function blockSumAt(b: number): number {
  return BLOCKS + b;
}
export function blockSqAt(layout: RowSummaryLayout, b: number): number {
  return BLOCKS + layout.blockStart.length - 1 + b;
}
export function yearSumAt(layout: RowSummaryLayout, y: number): number {
  return BLOCKS + 2 * (layout.blockStart.length - 1) + y;
}
export function yearSqAt(layout: RowSummaryLayout, y: number): number {
  return BLOCKS + 2 * (layout.blockStart.length - 1) + layout.yearStart.length - 1 + y;
}

/**
 * Writes the summary of one row x (T daily excess returns) at out[off … off + width):
 * - the per-period Sharpe mean / sample sd (two passes; NaN for a zero sd);
 * - the mean, and per CSCV block Σ(x − mean) and Σ(x − mean)² (PBO's shifted sums);
 * - per calendar year Σx and Σx² (the walk-forward's expanding-window Sharpe).
 * A row holding a value that is not finite gets a mean that is not finite (PBO refuses it).
 */
export function summariseRow(x: Float64Array, layout: RowSummaryLayout, out: Float64Array, off: number): void {
  const { T, blockStart, yearStart } = layout;
  const S = blockStart.length - 1;
  const Y = yearStart.length - 1;
  let s = 0;
  for (let t = 0; t < T; t++) s += x[t];
  const mean = s / T;
  let q = 0;
  for (let t = 0; t < T; t++) {
    const d = x[t] - mean;
    q += d * d;
  }
  const sd = Math.sqrt(q / (T - 1));
  out[off + SUMMARY_SHARPE] = sd > 0 ? mean / sd : NaN;
  out[off + SUMMARY_MEAN] = mean;
  for (let b = 0; b < S; b++) {
    let bs = 0;
    let bq = 0;
    for (let t = blockStart[b]; t < blockStart[b + 1]; t++) {
      const d = x[t] - mean;
      bs += d;
      bq += d * d;
    }
    out[off + BLOCKS + b] = bs;
    out[off + BLOCKS + S + b] = bq;
  }
  const years = off + BLOCKS + 2 * S;
  for (let y = 0; y < Y; y++) {
    let a = 0;
    let b = 0;
    for (let t = yearStart[y]; t < yearStart[y + 1]; t++) {
      const v = x[t];
      a += v;
      b += v * v;
    }
    out[years + y] = a;
    out[years + Y + y] = b;
  }
}

/** Summaries of `rows` rows of a rows × T matrix, row-major (rows × width). */
export function summariseRows(excess: Float64Array, rows: number, layout: RowSummaryLayout): Float64Array {
  const out = new Float64Array(rows * layout.width);
  for (let j = 0; j < rows; j++) summariseRow(excess.subarray(j * layout.T, (j + 1) * layout.T), layout, out, j * layout.width);
  return out;
}

/** The per-period Sharpe of each of `rows` summaries. */
export function summarySharpes(summaries: Float64Array, rows: number, layout: RowSummaryLayout): Float64Array {
  return Float64Array.from({ length: rows }, (_, j) => summaries[j * layout.width + SUMMARY_SHARPE]);
}
