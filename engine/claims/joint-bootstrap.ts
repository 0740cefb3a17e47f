import { MIN_BOOTSTRAP_DAYS } from '../analysis/defaults.ts';
import { bootstrapBlockLength } from '../analysis/block-length.ts';
import { stationaryBootstrap } from '../stats/stationary-bootstrap.ts';
import type { ClaimContext } from './types.ts';

/** Estimate and interval of a statistic of several aligned series. */
export interface JointInterval {
  estimate: number;
  lower: number;
  upper: number;
  blockLength: number;
}

/**
 * Stationary bootstrap of a statistic of SEVERAL series observed on the same days (e.g. the
 * smallest of five roles' mean returns, or a difference between groups of days): the days'
 * calendar indices are resampled as one series, in blocks, so every replicate keeps the
 * cross-section of each day and the serial dependence within blocks (engine/stats
 * stationaryBootstrap on the index series). The expected block length is bootstrapBlockLength
 * (Politis–White 2004 floored at n^{1/3}) of `blockSeries`, the claim's headline daily series on
 * the same days (an index series itself has no meaningful autocorrelation to size blocks by).
 *
 * `statistic(idx)` gets calendar indices (as float values) and must not keep the array.
 * Below {@link MIN_BOOTSTRAP_DAYS} days the interval is NaN and only the estimate is computed.
 */
export function jointBootstrap(
  ctx: Pick<ClaimContext, 'reps' | 'seed' | 'level'>,
  indices: Float64Array,
  blockSeries: Float64Array,
  statistic: (idx: Float64Array) => number,
): JointInterval {
  if (indices.length < MIN_BOOTSTRAP_DAYS) {
    return { estimate: indices.length > 0 ? statistic(indices) : NaN, lower: NaN, upper: NaN, blockLength: NaN };
  }
  const blockLength = bootstrapBlockLength(blockSeries);
  const r = stationaryBootstrap(indices, statistic, { reps: ctx.reps, seed: ctx.seed, level: ctx.level, blockLength });
  return { estimate: r.estimate, lower: r.lower, upper: r.upper, blockLength };
}
