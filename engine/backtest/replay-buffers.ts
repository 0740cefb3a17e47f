import { ConfigError } from '../../datasets/errors.ts';

/** A run's per-day output arrays (row i = window day i). */
export interface DayArrays {
  nav: Float64Array;
  /** m × R. */
  weights: Float64Array;
  cash: Float64Array;
  financing: Float64Array;
  filled: Uint8Array;
  turnover: Float64Array;
  commission: Float64Array;
  slippage: Float64Array;
  fixedCosts: Float64Array;
  financingCost: Float64Array;
}

/**
 * Output arrays of a replay, allocated once (sweeps reuse them run after run). A run's orders
 * are few (one row of R per fill, not per day), so they are kept per fill, in arrays that grow
 * as fills come, and spread over days only when a result's `traded` or `tradeCost` is read.
 */
export interface ReplayBuffers extends DayArrays {
  /** The window rows the last run filled, in order (fillRows[0 … fillCount − 1]). */
  fillRows: Int32Array;
  /** Per fill j of a recording run: R amounts traded, then R order costs, from orders[2R·j]. */
  orders: Float64Array;
  fillCount: number;
  /**
   * What the last run wrote beyond its fill rows, so the next one clears only that instead of
   * every array: its length in days and whether it booked any financing cost.
   */
  used?: number;
  financed?: boolean;
}

/** Fills the per-fill arrays hold before they first grow. */
const FIRST_FILLS = 64;

/** Buffers for runs of up to m days over R roles. */
export function createReplayBuffers(m: number, R: number): ReplayBuffers {
  return {
    nav: new Float64Array(m),
    weights: new Float64Array(m * R),
    cash: new Float64Array(m),
    financing: new Float64Array(m),
    filled: new Uint8Array(m),
    turnover: new Float64Array(m),
    commission: new Float64Array(m),
    slippage: new Float64Array(m),
    fixedCosts: new Float64Array(m),
    financingCost: new Float64Array(m),
    fillRows: new Int32Array(FIRST_FILLS),
    orders: new Float64Array(0),
    fillCount: 0,
  };
}

/**
 * The first m days of `b`, with the ledgers a run adds to cleared: only the rows the previous
 * run filled (a fill is the one place they are written; the run lists them), and the financing
 * costs when it booked any, not megabytes of zeros per call. Fresh buffers need nothing, and a
 * run over the buffers' whole length gets them as they are (no views to make).
 *
 * @throws ConfigError naming `buffers` when they are too short.
 */
export function sliceBuffers(b: ReplayBuffers, m: number, R: number): DayArrays {
  if (b.nav.length < m || b.weights.length < m * R)
    throw new ConfigError('bad-config', `replay buffers hold ${b.nav.length} days, the run needs ${m}`, { field: 'buffers' });
  const rows = b.fillRows;
  for (let j = 0; j < b.fillCount; j++) {
    const i = rows[j];
    b.filled[i] = 0;
    b.turnover[i] = 0;
    b.commission[i] = 0;
    b.slippage[i] = 0;
    b.fixedCosts[i] = 0;
  }
  b.fillCount = 0;
  if (b.financed) b.financingCost.fill(0, 0, b.used);
  b.used = 0;
  b.financed = false;
  if (b.nav.length === m && b.weights.length === m * R) return b;
  return {
    nav: b.nav.subarray(0, m),
    weights: b.weights.subarray(0, m * R),
    cash: b.cash.subarray(0, m),
    financing: b.financing.subarray(0, m),
    filled: b.filled.subarray(0, m),
    turnover: b.turnover.subarray(0, m),
    commission: b.commission.subarray(0, m),
    slippage: b.slippage.subarray(0, m),
    fixedCosts: b.fixedCosts.subarray(0, m),
    financingCost: b.financingCost.subarray(0, m),
  };
}

/**
 * The per-fill amounts (part 0: traded, part 1: order costs) spread over an m × R day-major
 * array, zero on days without a fill.
 */
export function ordersByDay(orders: Float64Array, fillRows: Int32Array, fillCount: number, m: number, R: number, part: 0 | 1): Float64Array {
  const out = new Float64Array(m * R);
  for (let j = 0; j < fillCount; j++) {
    const from = (2 * j + part) * R;
    const to = fillRows[j] * R;
    for (let k = 0; k < R; k++) out[to + k] = orders[from + k];
  }
  return out;
}
