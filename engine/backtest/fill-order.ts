import { postTradeEquity } from './costs.ts';
import { hotFlag } from './hot-flag.ts';
import { LEDGER } from './replay-buffers.ts';

/** What a fill reads and writes: the book, the cost model and the ledgers. */
export interface FillState {
  readonly R: number;
  readonly L: number;
  readonly h: Float64Array;
  /** The financing account (uninvested or borrowed cash), NAV units. */
  F: number;
  readonly rows: Float64Array;
  /** The proportional cost rate per role: commission + slippage (+ impact × τ, set per fill when there is impact). */
  readonly rate: Float64Array;
  readonly comm: Float64Array;
  readonly slip: Float64Array;
  readonly impact: number;
  readonly fixedPerOrder: number;
  /** Book each order (amount traded, cost) in `orders`; off under `record: 'nav'`. */
  readonly perOrder: boolean;
  /** Running totals of the turnover and cost ledgers (what sweeps score), summed fill by fill. */
  turnovers: number;
  costs: number;
  /** The window rows filled so far (fillRows[0 … fillCount − 1]): what reused buffers clear next time. */
  fillRows: Int32Array;
  /** Per fill j: turnover, commission, slippage, fixed costs (fractions of pre-trade equity), from ledger[4j]. */
  ledger: Float64Array;
  /** Per fill j, recording: R amounts traded then R order costs, from orders[2R·j]. */
  orders: Float64Array;
  fillCount: number;
  /**
   * 1 + the last role with a non-zero target in the last fill (before any fill, 1 + the cash
   * role's column): roles past it hold exactly 0, so the daily mark skips them (a playbook often
   * holds nothing in its last roles, cash).
   */
  width: number;
}

/**
 * The book's equity F + Σ h_k, summed as four interleaved partial sums (roles k ≡ 0, 1, 2, 3
 * mod 4) so that consecutive additions do not wait on each other. Every place that values the
 * book sums in this order (the replay's fused mark too), so NAV does not depend on which path a
 * day took.
 */
export function bookValue(h: Float64Array, F: number, R: number): number {
  let a = F;
  let b = 0;
  let c = 0;
  let d = 0;
  let k = 0;
  for (; k + 3 < R; k += 4) {
    a += h[k];
    b += h[k + 1];
    c += h[k + 2];
    d += h[k + 3];
  }
  for (; k < R; k++) a += h[k];
  return a + b + (c + d);
}

/**
 * The daily mark fused with the book's value: h_k ← h_k·(1 + r_k) for the roles held (k <
 * `width`; the rest are 0), and F + Σ h_k summed in {@link bookValue}'s order (four interleaved
 * partial sums), in one pass: the zeros skipped would add nothing to their partial sums.
 */
export function markBook(h: Float64Array, F: number, ret: Float64Array, base: number, R: number, width: number): number {
  let a = F;
  let b = 0;
  let c = 0;
  let d = 0;
  let k = 0;
  const unrolled = unrolledEnd(R, width);
  for (; k < unrolled; k += 4) {
    const x0 = h[k] * (1 + ret[base + k]);
    const x1 = h[k + 1] * (1 + ret[base + k + 1]);
    const x2 = h[k + 2] * (1 + ret[base + k + 2]);
    const x3 = h[k + 3] * (1 + ret[base + k + 3]);
    h[k] = x0;
    h[k + 1] = x1;
    h[k + 2] = x2;
    h[k + 3] = x3;
    a += x0;
    b += x1;
    c += x2;
    d += x3;
  }
  for (; k < width; k++) {
    const x = h[k] * (1 + ret[base + k]);
    h[k] = x;
    a += x;
  }
  return a + b + (c + d);
}

/**
 * Where the four-wide part of a mark over the first `width` of R roles ends: bookValue sums
 * roles below 4⌊R/4⌋ four-wide (role k into partial sum k mod 4) and the rest into the first,
 * so a narrower mark keeps each role in its partial sum by rounding up to a multiple of 4
 * (the roles it adds hold 0) but never past 4⌊R/4⌋.
 */
function unrolledEnd(R: number, width: number): number {
  return Math.min(R & ~3, (width + 3) & ~3);
}

/** The cost rates of a fill without market impact: the same every fill, so set once per replay. */
export function flatRates(s: FillState): void {
  for (let k = 0; k < s.R; k++) s.rate[k] = s.comm[k] + s.slip[k];
}

/**
 * Moves the book to `leverage × rows[row]` of the post-trade equity at the current marks and
 * books the fill on window row i. `V` is the book's value, bookValue(h, F) (the replay has
 * usually just summed it). Returns false (changing nothing) when the costs would exceed the
 * equity. Without impact the rates are the ones {@link flatRates} set.
 */
export function fillOrder(s: FillState, row: number, i: number, V: number): boolean {
  const { R, L, h, rows, rate, comm, slip, impact } = s;
  const fixedPerOrder = s.fixedPerOrder;
  const F = s.F;
  const off = row * R;
  const inv = 1 / V;
  // τ (the one-way turnover) and the number of orders only price impact and fixed costs.
  let tau = 0;
  let orderCount = 0;
  if (impact > 0 || fixedPerOrder > 0) {
    tau = Math.abs(1 - L - F * inv);
    for (let k = 0; k < R; k++) {
      const d = L * rows[off + k] - h[k] * inv;
      tau += Math.abs(d);
      if (Math.abs(d) > 1e-12) orderCount++;
    }
    tau *= 0.5;
    if (impact > 0) for (let k = 0; k < R; k++) rate[k] = comm[k] + slip[k] + impact * tau;
  }
  const fixed = orderCount * fixedPerOrder;
  const Vp = postTradeEquity(V, h, rows, off, L, rate, fixed);
  if (!(Vp > 0)) return false;
  // This fill's slot in the per-fill arrays (a second fill on one day would replace the first).
  let j = s.fillCount;
  if (j > 0 && s.fillRows[j - 1] === i) j--;
  else {
    if (j === s.fillRows.length || (s.perOrder && (j + 1) * 2 * R > s.orders.length)) growFills(s);
    s.fillRows[j] = i;
    s.fillCount = j + 1;
  }
  let moved = 0;
  let c1 = 0;
  let c2 = 0;
  const perOrder = hotFlag(s.perOrder);
  const orders = s.orders;
  const base = 2 * R * j;
  const impactRate = impact * tau;
  let width = 0;
  for (let k = 0; k < R; k++) {
    if (rows[off + k] !== 0) width = k + 1;
    const target = L * rows[off + k] * Vp;
    const tr = target - h[k];
    const a = Math.abs(tr);
    moved += a;
    c1 += comm[k] * a;
    c2 += (slip[k] + impactRate) * a;
    if (perOrder) {
      orders[base + k] = tr;
      orders[base + R + k] = rate[k] * a + (fixedPerOrder > 0 && Math.abs(L * rows[off + k] - h[k] * inv) > 1e-12 ? fixedPerOrder : 0);
    }
    h[k] = target;
  }
  s.width = width;
  const Fp = (1 - L) * Vp;
  moved += Math.abs(Fp - F);
  s.F = Fp;
  const turnover = 0.5 * moved * inv;
  const commission = c1 * inv;
  const slippage = c2 * inv;
  const fixedCost = fixed * inv;
  const ledger = s.ledger;
  ledger[4 * j + LEDGER.turnover] = turnover;
  ledger[4 * j + LEDGER.commission] = commission;
  ledger[4 * j + LEDGER.slippage] = slippage;
  ledger[4 * j + LEDGER.fixedCosts] = fixedCost;
  s.costs += commission + slippage + fixedCost;
  s.turnovers += turnover;
  return true;
}

/** Room for one more fill: the rows and the ledger double when full; recording, the orders keep pace with them. */
function growFills(s: FillState): void {
  const count = s.fillCount;
  if (s.fillRows.length === count) {
    const rows = new Int32Array(Math.max(64, 2 * count));
    rows.set(s.fillRows.subarray(0, count));
    s.fillRows = rows;
    const ledger = new Float64Array(4 * rows.length);
    ledger.set(s.ledger.subarray(0, 4 * count));
    s.ledger = ledger;
  }
  const width = 2 * s.R;
  if (s.perOrder && s.orders.length < s.fillRows.length * width) {
    const orders = new Float64Array(s.fillRows.length * width);
    orders.set(s.orders.subarray(0, count * width));
    s.orders = orders;
  }
}
