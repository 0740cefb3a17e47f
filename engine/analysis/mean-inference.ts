import { TRADING_DAYS_PER_YEAR } from '../metrics/annualisation.ts';
import { neweyWest } from '../stats/newey-west.ts';
import { stationaryBootstrapMean } from '../stats/stationary-bootstrap.ts';
import { bootstrapBlockLength } from './block-length.ts';
import { DEFAULT_LEVEL, DEFAULT_REPS, DEFAULT_SEED, MIN_BOOTSTRAP_DAYS } from './defaults.ts';

/** Options of {@link meanInference}. */
export interface InferenceOptions {
  /** Bootstrap resamples (default 1,000). */
  reps?: number;
  /** Bootstrap seed (default 20260119); reported with the result. */
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Newey–West lag; default the Newey–West (1994) rule ⌊4 (n/100)^{2/9}⌋. */
  nwLags?: number;
  /** Bootstrap block length; default {@link bootstrapBlockLength} (Politis–White, floored at n^{1/3}). */
  blockLength?: number;
}

/** What {@link meanInference} says about the mean of a daily series, annualised. */
export interface MeanInference {
  /** Observations. */
  n: number;
  /** Mean daily value × 252 (arithmetic annualisation). */
  meanAnnual: number;
  /** Newey–West t-statistic of mean = 0 (NaN below 3 observations). */
  tStat: number;
  /** Newey–West lag used. */
  nwLags: number;
  /** Stationary-bootstrap percentile interval of meanAnnual (NaN below 8 observations). */
  lower: number;
  upper: number;
  /** Expected block length the bootstrap used, in days. */
  blockLength: number;
  reps: number;
  seed: number;
  level: number;
}

/**
 * Inference on the mean of a compact daily series x (e.g. a role's returns on the days of one
 * quadrant, concatenated): the annualised mean `252 · x̄`, its Newey–West (1987) HAC t-statistic
 * (engine/stats neweyWest, Bartlett kernel, lag rule ⌊4 (n/100)^{2/9}⌋ unless given) and a
 * stationary-bootstrap (Politis & Romano 1994) percentile interval with the expected block
 * length of bootstrapBlockLength (the Politis & White 2004 rule floored at n^{1/3}) unless
 * given. Units: those of x per year (fraction per year for daily returns).
 *
 * Below 3 observations tStat is NaN; below 8, the interval is NaN (too few to resample).
 * A constant series gives tStat ±Infinity (or NaN at 0) and a zero-width interval.
 *
 * @example
 * meanInference(qReturns, { reps: 1000, seed: 7 }); // { meanAnnual: 0.12, tStat: 2.1, lower: 0.01, upper: 0.23, … }
 */
export function meanInference(x: Float64Array, options: InferenceOptions = {}): MeanInference {
  const reps = options.reps ?? DEFAULT_REPS;
  const seed = options.seed ?? DEFAULT_SEED;
  const level = options.level ?? DEFAULT_LEVEL;
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m = n > 0 ? m / n : NaN;
  const out: MeanInference = {
    n,
    meanAnnual: m * TRADING_DAYS_PER_YEAR,
    tStat: NaN,
    nwLags: NaN,
    lower: NaN,
    upper: NaN,
    blockLength: NaN,
    reps,
    seed,
    level,
  };
  if (n >= 3) {
    const nw = neweyWest(x, options.nwLags === undefined ? undefined : Math.min(options.nwLags, n - 1));
    out.tStat = nw.t;
    out.nwLags = nw.lags;
  }
  if (n >= MIN_BOOTSTRAP_DAYS) {
    const boot = stationaryBootstrapMean(
      x,
      { reps, seed, level, blockLength: options.blockLength === undefined ? bootstrapBlockLength(x) : Math.min(options.blockLength, n) },
      TRADING_DAYS_PER_YEAR,
    );
    out.lower = boot.lower;
    out.upper = boot.upper;
    out.blockLength = boot.blockLength;
  }
  return out;
}
