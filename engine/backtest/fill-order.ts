import { postTradeEquity } from './costs.ts';

/** What a fill reads and writes: the book, the cost model and the ledgers. */
export interface FillState {
  readonly R: number;
  readonly L: number;
  readonly h: Float64Array;
  /** The financing account (uninvested or borrowed cash), NAV units. */
  F: number;
  readonly rows: Float64Array;
  readonly rate: Float64Array;
  readonly comm: Float64Array;
  readonly slip: Float64Array;
  readonly impact: number;
  readonly fixedPerOrder: number;
  /** Book each order (traded, tradeCost); off under `record: 'nav'`. */
  readonly perOrder: boolean;
  readonly traded: Float64Array;
  readonly tradeCost: Float64Array;
  readonly turnover: Float64Array;
  readonly commission: Float64Array;
  readonly slippage: Float64Array;
  readonly fixedCosts: Float64Array;
  readonly filled: Uint8Array;
  /** Running totals of the turnover and cost ledgers (what sweeps score), summed fill by fill. */
  turnovers: number;
  costs: number;
  /** The rows filled so far (fills[0 … fillCount − 1]): what reused buffers clear next time. */
  readonly fills: Int32Array;
  fillCount: number;
  /** R scratch values for the replay loop (never read by a fill). */
  readonly spare: Float64Array;
}

/**
 * Moves the book to `leverage × rows[row]` of the post-trade equity at the current marks and
 * books the fill on window row i. Returns false (changing nothing) when the costs would exceed
 * the equity.
 */
export function fillOrder(s: FillState, row: number, i: number): boolean {
  const { R, L, h, rows, rate, comm, slip, impact } = s;
  const F = s.F;
  let V = F;
  for (let k = 0; k < R; k++) V += h[k];
  const off = row * R;
  const inv = 1 / V;
  let tau = Math.abs(1 - L - F * inv);
  let orders = 0;
  for (let k = 0; k < R; k++) {
    const d = L * rows[off + k] - h[k] * inv;
    tau += Math.abs(d);
    if (Math.abs(d) > 1e-12) orders++;
  }
  tau *= 0.5;
  for (let k = 0; k < R; k++) rate[k] = comm[k] + slip[k] + impact * tau;
  const fixed = orders * s.fixedPerOrder;
  const Vp = postTradeEquity(V, h, rows, off, L, rate, fixed);
  if (!(Vp > 0)) return false;
  let moved = 0;
  let c1 = 0;
  let c2 = 0;
  const base = i * R;
  for (let k = 0; k < R; k++) {
    const target = L * rows[off + k] * Vp;
    const tr = target - h[k];
    const a = Math.abs(tr);
    moved += a;
    c1 += comm[k] * a;
    c2 += (slip[k] + impact * tau) * a;
    if (s.perOrder) {
      s.traded[base + k] = tr;
      s.tradeCost[base + k] = rate[k] * a + (Math.abs(L * rows[off + k] - h[k] * inv) > 1e-12 ? s.fixedPerOrder : 0);
    }
    h[k] = target;
  }
  const Fp = (1 - L) * Vp;
  moved += Math.abs(Fp - F);
  s.F = Fp;
  s.turnover[i] = 0.5 * moved * inv;
  s.commission[i] = c1 * inv;
  s.slippage[i] = c2 * inv;
  s.fixedCosts[i] = fixed * inv;
  s.costs += s.commission[i] + s.slippage[i] + s.fixedCosts[i];
  s.turnovers += s.turnover[i];
  if (s.filled[i] === 0) s.fills[s.fillCount++] = i;
  s.filled[i] = 1;
  return true;
}
