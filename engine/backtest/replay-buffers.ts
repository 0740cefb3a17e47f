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
 * Views of the first m days of `b`, with the ledgers a run adds to zeroed (the per-order ones
 * only when `perOrder`).
 *
 * @throws ConfigError naming `buffers` when they are too short.
 */
export function sliceBuffers(b: ReplayBuffers, m: number, R: number, perOrder: boolean): ReplayBuffers {
  if (b.nav.length < m || b.weights.length < m * R) throw new ConfigError('bad-config', `replay buffers hold ${b.nav.length} days, the run needs ${m}`, { field: 'buffers' });
  const out: ReplayBuffers = {
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
  if (perOrder) {
    out.traded.fill(0);
    out.tradeCost.fill(0);
  }
  out.filled.fill(0);
  out.turnover.fill(0);
  out.commission.fill(0);
  out.slippage.fill(0);
  out.fixedCosts.fill(0);
  out.financingCost.fill(0);
  return out;
}
