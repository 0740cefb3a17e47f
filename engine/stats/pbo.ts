import { badArgument } from './bad-argument.ts';

/** Options of {@link pbo}. */
export interface PboOptions {
  /** S, the number of row blocks: even, in [2, 20]; default 16 (C(16, 8) = 12,870 splits). */
  partitions?: number;
  /**
   * Performance measure of a configuration on a set of rows: `'sharpe'` (default; per-period
   * mean / sample sd, not annualised, which leaves ranks unchanged) or `'mean'`.
   */
  metric?: 'sharpe' | 'mean';
}

/** Result of {@link pbo}. */
export interface PboResult {
  /** Probability of backtest overfitting: the share of splits with logit λ ≤ 0. */
  pbo: number;
  /** λ_c = ln(ω_c / (1 − ω_c)) for each split c, in the order the splits were enumerated. */
  logits: Float64Array;
  /** Number of splits C(S, S/2). */
  combinations: number;
  /** S actually used. */
  partitions: number;
}

/** Largest S accepted: C(20, 10) = 184,756 splits. */
const MAX_PARTITIONS = 20;

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV;
 * Bailey, Borwein, López de Prado & Zhu 2017, "The probability of backtest overfitting",
 * J. Computational Finance 20(4)).
 *
 * Input shape: `returns[j]` is configuration j's per-period return series; all N ≥ 2 series
 * have the same length T and share their row (period) index — the T × N matrix M of the paper
 * stored column by column.
 *
 * Method: split the T rows, in time order, into S contiguous blocks (sizes differ by at most
 * one: the first T mod S blocks get one extra row). For each of the C(S, S/2) ways to pick S/2
 * blocks as the in-sample set J (the other S/2 are the out-of-sample set J̄):
 * 1. compute each configuration's performance on J and on J̄;
 * 2. n* = the in-sample best (first index on ties);
 * 3. ω_c = (rank of n* out of sample) / (N + 1), rank 1 = worst … N = best, ties averaged;
 * 4. λ_c = ln(ω_c / (1 − ω_c)).
 * PBO = #{c : λ_c ≤ 0} / C(S, S/2): how often the in-sample winner is at or below the
 * out-of-sample median. A Sharpe with zero sd is +∞, −∞ or 0 by the sign of the mean.
 *
 * Cost: O(T · N) once, then O(C(S, S/2) · S · N) using per-block sums.
 *
 * @throws QuadrantError `bad-argument` when N < 2, lengths differ, a value is not finite,
 *   S is odd or outside [2, 20], or a half has fewer than 2 rows.
 * @example
 * // Two configurations, S = 2: A wins the first half and loses the second, B the reverse,
 * // so each split's in-sample winner ranks last out of sample: ω = 1/3, λ = ln ½.
 * pbo([Float64Array.of(0.02, 0.01, -0.01, -0.02), Float64Array.of(0, 0.01, 0.01, 0.02)], { partitions: 2 });
 * // { pbo: 1, logits: [−0.693…, −0.693…], combinations: 2, partitions: 2 }
 */
export function pbo(returns: Float64Array[], options: PboOptions = {}): PboResult {
  const S = options.partitions ?? 16;
  const metric = options.metric ?? 'sharpe';
  const N = returns.length;
  if (N < 2) throw badArgument(`pbo needs at least 2 configurations, got ${N}`);
  const T = returns[0].length;
  for (let j = 0; j < N; j++) {
    if (returns[j].length !== T) {
      throw badArgument(`pbo needs equal-length series, configuration 0 has ${T} rows and configuration ${j} has ${returns[j].length}`);
    }
  }
  const blockStart = pboBlockStarts(T, S);

  // Per block and configuration: sums of (x − shift) and its square, shift = the configuration's
  // overall mean, so variances from sums do not cancel catastrophically.
  const shift = new Float64Array(N);
  const blockSum = new Float64Array(S * N);
  const blockSq = new Float64Array(S * N);
  for (let j = 0; j < N; j++) {
    const x = returns[j];
    let s = 0;
    for (let t = 0; t < T; t++) {
      const v = x[t];
      if (!Number.isFinite(v)) throw badArgument(`pbo: configuration ${j} row ${t} is ${v}, not finite`);
      s += v;
    }
    const c = s / T;
    shift[j] = c;
    for (let b = 0; b < S; b++) {
      let bs = 0;
      let bq = 0;
      for (let t = blockStart[b]; t < blockStart[b + 1]; t++) {
        const d = x[t] - c;
        bs += d;
        bq += d * d;
      }
      blockSum[b * N + j] = bs;
      blockSq[b * N + j] = bq;
    }
  }
  return pboFromBlockSums({ blockStart, shift, blockSum, blockSq }, metric);
}

/**
 * The S + 1 boundaries of CSCV's S contiguous blocks over T rows: block b is rows
 * [start[b], start[b + 1]); sizes differ by at most one, the first T mod S blocks one longer.
 *
 * @throws QuadrantError `bad-argument` when S is odd or outside [2, 20], or a half has fewer than 2 rows.
 */
export function pboBlockStarts(T: number, S: number): Int32Array {
  if (!Number.isInteger(S) || S < 2 || S > MAX_PARTITIONS || S % 2 !== 0) {
    throw badArgument(`pbo needs an even number of partitions in [2, ${MAX_PARTITIONS}], got ${S}`);
  }
  if (T < S || (S / 2) * Math.floor(T / S) < 2) {
    throw badArgument(`pbo needs at least 2 rows per half with ${S} partitions, got T = ${T}`);
  }
  const base = Math.floor(T / S);
  const extra = T % S;
  const blockStart = new Int32Array(S + 1);
  for (let b = 0; b < S; b++) blockStart[b + 1] = blockStart[b] + base + (b < extra ? 1 : 0);
  return blockStart;
}

/**
 * What CSCV needs of N return series, so that it can run without them (see {@link pbo}, which
 * makes these; a sweep makes them row by row as its replays finish).
 */
export interface PboBlockSums {
  /** {@link pboBlockStarts}: S + 1 block boundaries. */
  blockStart: Int32Array;
  /** N: configuration j's mean over all rows (finite). */
  shift: Float64Array;
  /** S × N, block-major (b·N + j): Σ (x − shift[j]) over block b, in row order. */
  blockSum: Float64Array;
  /** S × N: Σ (x − shift[j])² over block b, in row order. */
  blockSq: Float64Array;
}

/**
 * CSCV (see {@link pbo}) from the configurations' per-block sums: the same result, figure for
 * figure, as pbo on the series the sums were made from.
 *
 * @throws QuadrantError `bad-argument` when N < 2, a shift is not finite (a series held a value
 *   that is not), or the blocks are not pboBlockStarts's.
 */
export function pboFromBlockSums(sums: PboBlockSums, metric: 'sharpe' | 'mean' = 'sharpe'): PboResult {
  const { blockStart, shift, blockSum, blockSq } = sums;
  const N = shift.length;
  const S = blockStart.length - 1;
  if (N < 2) throw badArgument(`pbo needs at least 2 configurations, got ${N}`);
  if (metric !== 'sharpe' && metric !== 'mean') throw badArgument(`pbo: unknown metric ${String(metric)}`);
  const T = blockStart[S];
  const expected = pboBlockStarts(T, S);
  if (expected.some((b, i) => b !== blockStart[i]))
    throw badArgument(`pbo: block boundaries ${blockStart.join(',')} are not those of ${S} blocks over ${T} rows`);
  if (blockSum.length !== S * N || blockSq.length !== S * N)
    throw badArgument(`pbo: ${S} × ${N} block sums expected, got ${blockSum.length} and ${blockSq.length}`);
  for (let j = 0; j < N; j++) if (!Number.isFinite(shift[j])) throw badArgument(`pbo: configuration ${j} holds a value that is not finite`);
  const totalSum = new Float64Array(N);
  const totalSq = new Float64Array(N);
  for (let b = 0; b < S; b++)
    for (let j = 0; j < N; j++) {
      totalSum[j] += blockSum[b * N + j];
      totalSq[j] += blockSq[b * N + j];
    }

  const half = S / 2;
  const combinations = binomial(S, half);
  const logits = new Float64Array(combinations);
  const trainPerf = new Float64Array(N);
  const testPerf = new Float64Array(N);
  const trainSum = new Float64Array(N);
  const trainSq = new Float64Array(N);
  const useSharpe = metric === 'sharpe';
  let overfit = 0;
  let c = 0;
  // Gosper's hack: every S-bit mask with exactly S/2 bits set, in increasing order.
  const last = ((1 << half) - 1) << half;
  for (let mask = (1 << half) - 1; ; ) {
    trainSum.fill(0);
    trainSq.fill(0);
    let trainRows = 0;
    for (let b = 0; b < S; b++) {
      if ((mask & (1 << b)) === 0) continue;
      trainRows += blockStart[b + 1] - blockStart[b];
      const off = b * N;
      for (let j = 0; j < N; j++) {
        trainSum[j] += blockSum[off + j];
        trainSq[j] += blockSq[off + j];
      }
    }
    const testRows = T - trainRows;
    let best = 0;
    for (let j = 0; j < N; j++) {
      trainPerf[j] = perf(shift[j], trainSum[j], trainSq[j], trainRows, useSharpe);
      testPerf[j] = perf(shift[j], totalSum[j] - trainSum[j], totalSq[j] - trainSq[j], testRows, useSharpe);
      if (trainPerf[j] > trainPerf[best]) best = j;
    }
    const target = testPerf[best];
    let below = 0;
    let ties = 0;
    for (let j = 0; j < N; j++) {
      if (testPerf[j] < target) below++;
      else if (testPerf[j] === target) ties++;
    }
    // Average rank among the tied group (which includes n* itself).
    const rank = below + (ties + 1) / 2;
    const omega = rank / (N + 1);
    const lambda = Math.log(omega / (1 - omega));
    logits[c++] = lambda;
    if (lambda <= 0) overfit++;
    if (mask === last) break;
    const low = mask & -mask;
    const ripple = mask + low;
    mask = (((ripple ^ mask) >>> 2) / low) | ripple;
  }
  return { pbo: overfit / combinations, logits, combinations, partitions: S };
}

/** Mean or Sharpe of rows summarised by count, Σ(x − shift) and Σ(x − shift)². */
function perf(shift: number, s: number, q: number, count: number, sharpe: boolean): number {
  const m = s / count;
  const mean = shift + m;
  if (!sharpe) return mean;
  const v = (q - s * m) / (count - 1);
  if (!(v > 0)) return mean > 0 ? Infinity : mean < 0 ? -Infinity : 0;
  return mean / Math.sqrt(v);
}

/** C(n, k) for small n, exact in doubles. */
function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}
