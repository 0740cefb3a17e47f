import { MIN_BOOTSTRAP_DAYS } from '../analysis/defaults.ts';
import { gather } from '../analysis/index.ts';
import { bootstrapBlockLength } from '../analysis/block-length.ts';
import { clusterBootstrap } from '../stats/cluster-bootstrap.ts';
import { stationaryBootstrap, stationaryBootstrapSums } from '../stats/stationary-bootstrap.ts';
import type { ClaimContext } from './types.ts';

/** Fewest runs each group needs for the episode bootstrap to draw an interval. */
export const MIN_EPISODES_PER_GROUP = 3;

/** Estimate and interval of a statistic of several aligned series. */
export interface JointInterval {
  estimate: number;
  lower: number;
  upper: number;
  /** Expected block length in days (stationary bootstrap; NaN for the episode bootstrap). */
  blockLength: number;
  /** Standard deviation of the replicates. */
  standardError: number;
  /** The replicates, sorted (empty when no interval could be drawn). */
  replicates: Float64Array;
  /** The resampling scheme, in words. */
  test: string;
}

/**
 * Bootstrap of a statistic of SEVERAL series observed on the same days (e.g. the smallest of
 * five roles' mean returns, or a difference between groups of days): the days' calendar
 * indices are resampled, so every replicate keeps the cross-section of each day.
 *
 * - `ctx.bootstrap = 'stationary'` (default): stationary bootstrap of the index series, in
 *   blocks (engine/stats stationaryBootstrap). The expected block length is
 *   bootstrapBlockLength (Politis–White 2004 floored at n^{1/3}) of `blockSeries`, the claim's
 *   headline daily series on the same days (an index series itself has no meaningful
 *   autocorrelation to size blocks by).
 * - `ctx.bootstrap = 'episode'`: cluster bootstrap (engine/stats clusterBootstrap) of whole
 *   episodes: a cluster is a run of consecutive calendar days with the same `groups` code (the
 *   condition's spells and the spells between them), drawn whole with replacement within its
 *   group (stratified), so only episodes count as independent and every replicate keeps every
 *   group. Below {@link MIN_EPISODES_PER_GROUP} runs in some group there is no interval: a
 *   group of one or two runs cannot vary between replicates.
 *
 * `statistic(idx)` gets calendar indices (as float values) and must not keep the array.
 * Below {@link MIN_BOOTSTRAP_DAYS} days (or 2 episodes) the interval is NaN and only the
 * estimate is computed.
 */
export function jointBootstrap(
  ctx: Pick<ClaimContext, 'reps' | 'seed' | 'level'> & { bootstrap?: ClaimContext['bootstrap'] },
  indices: Float64Array,
  blockSeries: Float64Array,
  statistic: (idx: Float64Array) => number,
  groups?: Uint8Array,
): JointInterval {
  const none = (test: string): JointInterval => ({
    estimate: indices.length > 0 ? statistic(indices) : NaN,
    lower: NaN,
    upper: NaN,
    blockLength: NaN,
    standardError: NaN,
    replicates: new Float64Array(0),
    test,
  });
  if (indices.length < MIN_BOOTSTRAP_DAYS) return none(`no bootstrap: fewer than ${MIN_BOOTSTRAP_DAYS} days`);
  if (ctx.bootstrap === 'episode') {
    const starts = episodeStarts(indices, groups);
    const strata = Int32Array.from(starts, (k) => (groups ? groups[indices[k]] : 0));
    const perGroup = new Map<number, number>();
    for (const s of strata) perGroup.set(s, (perGroup.get(s) ?? 0) + 1);
    const fewest = Math.min(...perGroup.values());
    if (fewest < MIN_EPISODES_PER_GROUP) return none(`no episode bootstrap: a group has ${fewest} run(s), fewer than ${MIN_EPISODES_PER_GROUP}`);
    const r = clusterBootstrap(indices, starts, statistic, { reps: ctx.reps, seed: ctx.seed, level: ctx.level, strata });
    return {
      ...r,
      blockLength: NaN,
      test: `episode bootstrap: ${starts.length} whole runs of the condition and its complement drawn with replacement within each group, ${ctx.reps} resamples, seed ${ctx.seed}; percentile interval and p-value`,
    };
  }
  const blockLength = bootstrapBlockLength(blockSeries);
  const r = stationaryBootstrap(indices, statistic, { reps: ctx.reps, seed: ctx.seed, level: ctx.level, blockLength });
  return dayBootstrapInterval(r, blockLength, ctx);
}

/** Positions in `indices` where a new episode starts: a gap in the calendar or a change of group. */
function episodeStarts(indices: Float64Array, groups?: Uint8Array): Int32Array {
  const out: number[] = [0];
  for (let k = 1; k < indices.length; k++) {
    const gap = indices[k] !== indices[k - 1] + 1;
    if (gap || (groups && groups[indices[k]] !== groups[indices[k - 1]])) out.push(k);
  }
  return Int32Array.from(out);
}

/** The result of a claim that ran no bootstrap: NaN estimate and interval, no replicates; `test` says why. */
export function noInterval(test: string): JointInterval {
  return { estimate: NaN, lower: NaN, upper: NaN, blockLength: NaN, standardError: NaN, replicates: new Float64Array(0), test };
}

/** Per-group totals of a resample: `sum[g·S + s]`, `sq[g·S + s]` (when asked for) and `count[g]`, g = 1..G, S series. */
export interface GroupTotals {
  sum: Float64Array;
  sq: Float64Array;
  count: Float64Array;
}

/**
 * {@link jointBootstrap} of a statistic of per-group sums (sums of `series` on each group's days,
 * optionally sums of squares, and day counts): the same resampling, but the stationary
 * bootstrap runs on prefix sums (engine/stats stationaryBootstrapSums), O(blocks) per resample
 * instead of O(days), with the same draws as the generic version. `groups[i]` (calendar index i)
 * is 1..G for the days in `indices`. `reduce` gets the totals of a resample and must not keep them.
 */
export function jointGroupSums(
  ctx: Pick<ClaimContext, 'reps' | 'seed' | 'level'> & { bootstrap?: ClaimContext['bootstrap'] },
  indices: Float64Array,
  blockSeries: Float64Array,
  series: readonly Float64Array[],
  groups: Uint8Array,
  G: number,
  squares: boolean,
  reduce: (t: GroupTotals) => number,
): JointInterval {
  const m = indices.length;
  const S = series.length;
  const t: GroupTotals = { sum: new Float64Array((G + 1) * S), sq: new Float64Array((G + 1) * S), count: new Float64Array(G + 1) };
  const fromIndices = (idx: Float64Array): number => {
    t.sum.fill(0);
    t.sq.fill(0);
    t.count.fill(0);
    for (let q = 0; q < idx.length; q++) {
      const i = idx[q];
      const g = groups[i];
      t.count[g]++;
      for (let s = 0; s < S; s++) {
        const v = series[s][i];
        t.sum[g * S + s] += v;
        if (squares) t.sq[g * S + s] += v * v;
      }
    }
    return reduce(t);
  };
  const positions = Float64Array.from({ length: m }, (_, q) => q);
  if (ctx.bootstrap === 'episode' || m < MIN_BOOTSTRAP_DAYS) {
    // The episode bootstrap resamples runs of positions; the generic path handles it and the small-sample case.
    return jointBootstrap(ctx, indices, blockSeries, fromIndices, groups);
  }
  // Columns in position space: per group g and series s the value on g's days (0 elsewhere), squares, and g's indicator.
  const columns: Float64Array[] = [];
  const layout: { kind: 'sum' | 'sq' | 'count'; at: number }[] = [];
  for (let g = 1; g <= G; g++) {
    for (let s = 0; s < S; s++) {
      columns.push(Float64Array.from(positions, (q) => (groups[indices[q]] === g ? series[s][indices[q]] : 0)));
      layout.push({ kind: 'sum', at: g * S + s });
      if (squares) {
        columns.push(Float64Array.from(positions, (q) => (groups[indices[q]] === g ? series[s][indices[q]] ** 2 : 0)));
        layout.push({ kind: 'sq', at: g * S + s });
      }
    }
    columns.push(Float64Array.from(positions, (q) => (groups[indices[q]] === g ? 1 : 0)));
    layout.push({ kind: 'count', at: g });
  }
  const unpack = (totals: Float64Array): number => {
    for (let c = 0; c < layout.length; c++) {
      const { kind, at } = layout[c];
      // Counts are sums of 0/1 and exact; rounding the prefix-sum difference keeps them integers.
      if (kind === 'count') t.count[at] = Math.round(totals[c]);
      else (kind === 'sum' ? t.sum : t.sq)[at] = totals[c];
    }
    return reduce(t);
  };
  const blockLength = bootstrapBlockLength(blockSeries);
  const r = stationaryBootstrapSums(columns, unpack, { reps: ctx.reps, seed: ctx.seed, level: ctx.level, blockLength });
  return dayBootstrapInterval(r, blockLength, ctx);
}

/** A day-level stationary bootstrap's result as a JointInterval, its test named once for both bootstraps above. */
function dayBootstrapInterval(
  r: Pick<JointInterval, 'estimate' | 'lower' | 'upper' | 'standardError' | 'replicates'>,
  blockLength: number,
  ctx: Pick<ClaimContext, 'reps' | 'seed'>,
): JointInterval {
  return {
    estimate: r.estimate,
    lower: r.lower,
    upper: r.upper,
    blockLength,
    standardError: r.standardError,
    replicates: r.replicates,
    test: `stationary bootstrap of days: ${ctx.reps} resamples, expected block ${blockLength.toFixed(1)} days, seed ${ctx.seed}; percentile interval and p-value`,
  };
}

/**
 * jointGroupSums of one basket's daily returns over grouped days (C5, C6, C7): the basket is the
 * only series, and its block length is read from the basket on the days that are in a group.
 */
export function basketGroupSums(
  ctx: Parameters<typeof jointGroupSums>[0],
  g: { indices: Float64Array; group: Uint8Array },
  basket: Float64Array,
  G: number,
  squares: boolean,
  reduce: (t: GroupTotals) => number,
): JointInterval {
  return jointGroupSums(
    ctx,
    g.indices,
    gather(
      basket,
      g.group.map((c) => (c ? 1 : 0)),
    ),
    [basket],
    g.group,
    G,
    squares,
    reduce,
  );
}
