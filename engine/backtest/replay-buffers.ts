import { ConfigError } from '../../datasets/errors.ts';

/** Output arrays of a replay, allocated once (sweeps reuse them run after run). */
export interface ReplayBuffers {
  nav: Float64Array;
  weights: Float64Array;
  cash: Float64Array;
  financing: Float64Array;
  traded: Float64Array;
  tradeCost: Float64Array;
  filled: Uint8Array;
  turnover: Float64Array;
  commission: Float64Array;
  slippage: Float64Array;
  fixedCosts: Float64Array;
  financingCost: Float64Array;
  /**
   * What the last run wrote, so the next one clears only that instead of every array: its
   * length in days (its ledgers are non-zero only on its `filled` rows) and whether it booked
   * any financing cost.
   */
  used?: number;
  usedRoles?: number;
  financed?: boolean;
  /** The rows the last run filled, in order (filledRows[0 … filledCount − 1]). */
  filledRows?: Int32Array;
  filledCount?: number;
  /** Whether the last run booked per-order amounts (traded, tradeCost) on those rows. */
  perOrder?: boolean;
}

/** Buffers for runs of up to m days over R roles. */
export function createReplayBuffers(m: number, R: number): ReplayBuffers {
  return {
    nav: new Float64Array(m),
    weights: new Float64Array(m * R),
    cash: new Float64Array(m),
    financing: new Float64Array(m),
    traded: new Float64Array(m * R),
    tradeCost: new Float64Array(m * R),
    filled: new Uint8Array(m),
    turnover: new Float64Array(m),
    commission: new Float64Array(m),
    slippage: new Float64Array(m),
    fixedCosts: new Float64Array(m),
    financingCost: new Float64Array(m),
  };
}

/**
 * Views of the first m days of `b`, with the ledgers a run adds to cleared: only the rows the
 * previous run filled (a fill is the one place they are written; the run lists them), and the
 * financing costs when it booked any, not megabytes of zeros per call. Fresh buffers need nothing.
 *
 * @throws ConfigError naming `buffers` when they are too short.
 */
export function sliceBuffers(b: ReplayBuffers, m: number, R: number): ReplayBuffers {
  if (b.nav.length < m || b.weights.length < m * R)
    throw new ConfigError('bad-config', `replay buffers hold ${b.nav.length} days, the run needs ${m}`, { field: 'buffers' });
  const used = b.used ?? 0;
  const width = b.usedRoles ?? R;
  const rows = b.filledRows;
  for (let j = 0; j < (b.filledCount ?? 0); j++) {
    const i = rows![j];
    b.filled[i] = 0;
    b.turnover[i] = 0;
    b.commission[i] = 0;
    b.slippage[i] = 0;
    b.fixedCosts[i] = 0;
    if (b.perOrder) {
      for (let k = i * width; k < (i + 1) * width; k++) {
        b.traded[k] = 0;
        b.tradeCost[k] = 0;
      }
    }
  }
  b.filledCount = 0;
  if (b.financed) b.financingCost.fill(0, 0, used);
  b.used = 0;
  b.financed = false;
  return {
    nav: b.nav.subarray(0, m),
    weights: b.weights.subarray(0, m * R),
    cash: b.cash.subarray(0, m),
    financing: b.financing.subarray(0, m),
    traded: b.traded.subarray(0, m * R),
    tradeCost: b.tradeCost.subarray(0, m * R),
    filled: b.filled.subarray(0, m),
    turnover: b.turnover.subarray(0, m),
    commission: b.commission.subarray(0, m),
    slippage: b.slippage.subarray(0, m),
    fixedCosts: b.fixedCosts.subarray(0, m),
    financingCost: b.financingCost.subarray(0, m),
  };
}
