import { ConfigError } from '../../datasets/errors.ts';

/** A run's per-day output arrays (row i = window day i). */
export interface DayArrays {
  nav: Float64Array;
  /** m × R. */
  weights: Float64Array;
  cash: Float64Array;
  financing: Float64Array;
  financingCost: Float64Array;
}

/**
 * Output arrays of a replay, allocated once (sweeps reuse them run after run). What only a
 * fill writes (its orders, turnover and costs) is kept per fill, in arrays that grow as fills
 * come, and spread over days only when a result's `filled`, `turnover`, … or `traded` is read:
 * a run makes tens of fills over thousands of days.
 */
export interface ReplayBuffers extends DayArrays {
  /** The window rows the last run filled, in order (fillRows[0 … fillCount − 1]). */
  fillRows: Int32Array;
  /** Per fill j: its turnover, commission, slippage and fixed costs, from ledger[4j] (see {@link LEDGER}). */
  ledger: Float64Array;
  /** Per fill j of a recording run: R amounts traded, then R order costs, from orders[2R·j]. */
  orders: Float64Array;
  fillCount: number;
  /** 2R working values of the loop (holdings, cost rates), kept to spare allocations per run. */
  scratch: Float64Array;
  /** What the last run wrote that the next must clear: its length in days and whether it booked any financing cost. */
  used?: number;
  financed?: boolean;
}

/** Fills the per-fill arrays hold before they first grow: one per 16 days (monthly rules never grow them), at least 64. */
const firstFills = (m: number) => Math.max(64, Math.ceil(m / 16));

/** The per-fill ledger's columns: ledger[4j + LEDGER.turnover], … */
export const LEDGER = { turnover: 0, commission: 1, slippage: 2, fixedCosts: 3 } as const;

/** What a run books per day beyond NAV (see sliceBuffers). */
export interface DayNeeds {
  /** The roles' shares of NAV (record: 'all'). */
  shares: boolean;
  /** The cash and financing shares (recording with a financing account that can move). */
  cashShares: boolean;
  /** The daily financing cost (borrowing or shorts, with a spread). */
  financingCost: boolean;
}

const EMPTY = new Float64Array(0);

/**
 * Buffers for runs of up to m days (over R roles: the shares' width comes with the first run
 * that books them). The arrays only some runs need (shares of NAV, financing costs) are made
 * by the first run that needs them: a sweep recording NAV never holds them.
 */
export function createReplayBuffers(m: number, _R?: number): ReplayBuffers {
  return {
    nav: new Float64Array(m),
    weights: EMPTY,
    cash: EMPTY,
    financing: EMPTY,
    financingCost: EMPTY,
    fillRows: new Int32Array(firstFills(m)),
    ledger: new Float64Array(4 * firstFills(m)),
    orders: EMPTY,
    fillCount: 0,
    scratch: EMPTY,
  };
}

/**
 * The first m days of what this run books in `b` (arrays it does not need come back empty),
 * made the first time a run needs them, with the financing costs cleared when the previous
 * run booked any (every other day array is written whole by a run; per-fill arrays start over
 * at fill 0). A run over the buffers' whole length gets the arrays themselves (no views).
 *
 * @throws ConfigError naming `buffers` when they hold fewer than m days.
 */
export function sliceBuffers(b: ReplayBuffers, m: number, R: number, need: DayNeeds): DayArrays {
  const n = b.nav.length;
  if (n < m) throw new ConfigError('bad-config', `replay buffers hold ${n} days, the run needs ${m}`, { field: 'buffers' });
  if (need.shares && b.weights.length < n * R) b.weights = new Float64Array(n * R);
  if (need.cashShares && b.cash.length < n) {
    b.cash = new Float64Array(n);
    b.financing = new Float64Array(n);
  }
  if (need.financingCost && b.financingCost.length < n) b.financingCost = new Float64Array(n);
  if (b.scratch.length < 2 * R) b.scratch = new Float64Array(2 * R);
  b.fillCount = 0;
  if (b.financed) b.financingCost.fill(0, 0, b.used);
  b.used = 0;
  b.financed = false;
  const view = (a: Float64Array, width: number) => (a.length === m * width ? a : a.subarray(0, m * width));
  return {
    nav: view(b.nav, 1),
    weights: need.shares ? view(b.weights, R) : EMPTY,
    cash: need.cashShares ? view(b.cash, 1) : EMPTY,
    financing: need.cashShares ? view(b.financing, 1) : EMPTY,
    financingCost: need.financingCost ? view(b.financingCost, 1) : EMPTY,
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

/** One column of the per-fill ledger spread over m days, zero on days without a fill. */
export function ledgerByDay(ledger: Float64Array, fillRows: Int32Array, fillCount: number, m: number, column: number): Float64Array {
  const out = new Float64Array(m);
  for (let j = 0; j < fillCount; j++) out[fillRows[j]] = ledger[4 * j + column];
  return out;
}

/** 1 on the days a fill happened. */
export function filledByDay(fillRows: Int32Array, fillCount: number, m: number): Uint8Array {
  const out = new Uint8Array(m);
  for (let j = 0; j < fillCount; j++) out[fillRows[j]] = 1;
  return out;
}
