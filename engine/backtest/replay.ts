import { isoDay } from '../../datasets/day.ts';
import { bookValue, fillOrder, flatRates, markBook, type FillState } from './fill-order.ts';
import { hotFlag } from './hot-flag.ts';
import type { Market } from './market.ts';
import { resolveReplayOptions, type ReplayOptions } from './options.ts';
import { validatePlan, type Plan } from './plan.ts';
import { createReplayBuffers, sliceBuffers, type DayArrays, type ReplayBuffers } from './replay-buffers.ts';
import { ReplayResult, type ReplayBook } from './replay-result.ts';
import { LOOK_AHEAD_WARNING, type BacktestResult } from './result.ts';

const NEXT_CLOSE = 0;
const NEXT_OPEN = 1;
const SAME_CLOSE = 2;

/**
 * Replays a plan over a market, one trading day at a time, in fixed phases:
 *
 * 1. mark to market: each holding h_k ← h_k·(1 + r_k(t)), r the role's dividend-adjusted
 *    close-to-close return (under next-open with an order pending: the overnight return, the
 *    fill at the open, then the open-to-close return (1 + r)/(1 + o) − 1);
 * 2. accrue: the financing account F ← F·(1 + T-bill accrual of day t, actual/360); when F < 0
 *    also the spread `financingBps`·Δdays/360 on |F|, and the same spread on each short;
 * 3. fill the order decided at the previous close (next-close: at today's close);
 * 4. decide at today's close from `plan.index[t]` (data ≤ t): trade when it is the first target,
 *    when `plan.trigger[t]`, when `onChange` and the target row changed, or when a weight is
 *    beyond `driftBand` of its target; same-close fills right here, otherwise the order waits;
 * 5. book NAV, weights, cash.
 *
 * A fill moves every role to `leverage × target` of the post-trade equity V' given by the
 * exact self-financing convention (see postTradeEquity); the financing account holds
 * (1 − leverage)·V'. Costs: commission and slippage rates per role, impact × the rebalance's
 * one-way turnover, and a fixed cost per order (a role whose target differs from its current
 * weight); the pro-rata trims that pay the costs are not separate orders.
 *
 * The portfolio starts at the close of `start` wholly in the `cash` role (NAV = 1), so it is
 * fully invested (in T-bills) until the first fill. No allocation inside the loop. A book whose
 * equity reaches zero or below, or cannot pay a trade's costs, is closed out: NAV 0 from that
 * day on, and a warning says when. With `record: 'nav'` (sweeps) the daily weights, cash and financing shares
 * and the per-order amounts and costs are not booked and come back empty; NAV, turnover and
 * daily costs are.
 *
 * Timing: everything booked on day t reads returns and overnight returns of days ≤ t and plan
 * entries of days ≤ t (≤ t − 1 for what fills at t under next-close and next-open).
 *
 * @example
 * const result = replay(market, planFromTable(tableRows(ARTICLE_PLAYBOOK, market.roles), labels, parseRebalanceRule('regime'), market.calendar), { start, costs: { bps: 5 } });
 * result.nav[result.nav.length - 1]; // growth of 1 over the window
 *
 * @throws ConfigError for invalid options or plan (see resolveReplayOptions, validatePlan).
 */
export function replay(market: Market, plan: Plan, options: ReplayOptions = {}, buffers?: ReplayBuffers): BacktestResult {
  const { resolved, costs } = resolveReplayOptions(options, market);
  validatePlan(plan, market, resolved.allowShorts);
  const R = market.roles.length;
  const { start, end } = resolved;
  const m = end - start + 1;
  const recordWeights = options.record !== 'nav';
  const L = resolved.leverage;
  const spread = resolved.financingBps / 1e4 / 360;
  const shorts = hotFlag(resolved.allowShorts);
  // Without leverage or shorts the financing account stays exactly 0: the cash share is then
  // the cash role's weight and the financing share 0, made on first read instead of booked.
  const financed = L !== 1 || shorts;
  const source = buffers ?? createReplayBuffers(m, R);
  const b = sliceBuffers(source, m, R, { shares: recordWeights, cashShares: recordWeights && financed, financingCost: spread > 0 && financed });
  const canWipeOut = shorts || L > 1;
  const exec = resolved.execution === 'next-open' ? NEXT_OPEN : resolved.execution === 'same-close' ? SAME_CLOSE : NEXT_CLOSE;
  const cashCol = market.roles.indexOf('cash');

  const h = source.scratch.subarray(0, R);
  h.fill(0);
  h[cashCol] = 1;
  // The fill's state lives in one object (not in closure variables) so the loop stays monomorphic.
  const st: FillState = {
    R,
    L,
    h,
    F: 0,
    rows: plan.rows,
    rate: source.scratch.subarray(R, 2 * R),
    comm: costs.commission,
    slip: costs.slippage,
    impact: costs.impact,
    fixedPerOrder: costs.fixed,
    perOrder: recordWeights,
    turnovers: 0,
    costs: 0,
    fillRows: source.fillRows,
    ledger: source.ledger,
    orders: source.orders,
    fillCount: 0,
    width: cashCol + 1,
  };
  flatRates(st);
  const run: ReplayRun = {
    b,
    st,
    source,
    m,
    start,
    R,
    cal: market.calendar,
    ret: market.returns,
    ov: market.overnight,
    cashRet: market.cashReturns,
    rows: plan.rows,
    index: plan.index,
    trigger: plan.trigger,
    onChange: plan.onChange,
    band: plan.driftBand,
    L,
    spread,
    shorts,
    canWipeOut,
    exec,
    record: recordWeights,
    financed,
    cashCol,
    held: -1,
    pending: -1,
    openFallbacks: 0,
    firstFallback: -1,
  };
  const wipedOut = runDays(run, plan.driftBand === 0 && !canWipeOut);

  const cal = market.calendar;
  const warnings: string[] = [];
  if (exec === SAME_CLOSE) warnings.push(LOOK_AHEAD_WARNING);
  if (run.openFallbacks > 0) {
    warnings.push(
      `next-open: ${run.openFallbacks} fill(s) had no open price for an instrument involved and filled at that day's close instead (first on ${isoDay(cal[run.firstFallback])})`,
    );
  }
  if (L !== 1)
    warnings.push(
      `leverage ${L}: weights sum to ${L}, the financing account holds ${1 - L} of equity${L > 1 ? ` (borrowed at T-bill + ${resolved.financingBps} bps)` : ''}`,
    );
  if (wipedOut >= 0)
    warnings.push(
      `the equity fell to zero or below (or could not pay the costs of a trade) on ${isoDay(cal[wipedOut])}: the book was closed out and NAV stays 0`,
    );
  else if (run.pending >= 0) warnings.push(`an order decided on the last day (${isoDay(cal[end])}) was not filled`);

  source.used = m;
  source.fillRows = st.fillRows;
  source.ledger = st.ledger;
  source.orders = st.orders;
  source.fillCount = st.fillCount;
  const { fillRows, ledger, orders, fillCount } = st;
  const book: ReplayBook = {
    market,
    start,
    end,
    nav: b.nav,
    weights: b.weights,
    cash: b.cash,
    financing: b.financing,
    financingCost: b.financingCost,
    fillRows,
    ledger,
    orders,
    fillCount,
    recorded: recordWeights,
    financed,
  };
  return new ReplayResult(book, resolved.name, resolved, plan.rule, exec === SAME_CLOSE, st.turnovers, st.costs, warnings);
}

/**
 * What a replay's days read, made once per replay: the market's and the plan's arrays, the
 * options, the book (in `st`) and the orders' state (`held`, `pending`, open fallbacks).
 */
interface ReplayRun {
  readonly b: DayArrays;
  readonly st: FillState;
  readonly source: ReplayBuffers;
  readonly m: number;
  readonly start: number;
  readonly R: number;
  readonly cal: Int32Array;
  readonly ret: Float64Array;
  readonly ov: Float64Array;
  readonly cashRet: Float64Array;
  readonly rows: Float64Array;
  readonly index: Int32Array;
  readonly trigger: Uint8Array;
  readonly onChange: boolean;
  readonly band: number;
  readonly L: number;
  readonly spread: number;
  readonly shorts: boolean;
  readonly canWipeOut: boolean;
  readonly exec: number;
  readonly record: boolean;
  readonly financed: boolean;
  readonly cashCol: number;
  /** The row last traded (−1: none yet). */
  held: number;
  /** The row ordered, not yet filled (−1: none). */
  pending: number;
  /** Next-open fills that fell back to the close for want of an open, and the first one's calendar day. */
  openFallbacks: number;
  firstFallback: number;
}

/**
 * Runs the window's days and returns the calendar day the book was wiped out on (−1: never).
 * Quiet days (no order to fill, no trade decided, no drift band, no borrowing or shorts to
 * charge or wipe out: `quietOk`) only mark and book: they run in a tight loop of their own.
 * Outside `replay`, as {@link tradingDay} is, so that it does not wait for the compilation of
 * `replay`, which builds every options and result object.
 */
function runDays(run: ReplayRun, quietOk: boolean): number {
  const m = run.m;
  for (let i = 0; i < m; i++) {
    if (i > 0 && quietOk && run.pending < 0) {
      i = quietDays(run, i);
      if (i >= m) break;
    }
    if (!tradingDay(run, i)) return closeOut(run.b, i, run.R, hotFlag(run.record), run.start + i);
  }
  return -1;
}

/**
 * Window row i in the five phases (see {@link replay}), for a day the quiet loops do not take.
 * Returns false, booking nothing, when the book is wiped out on it. A function of its own, so
 * that the compiler optimizes it after a few replays instead of with the whole replay: until
 * then every fill day ran unoptimized, a third slower over the first hundred or so replays.
 */
function tradingDay(run: ReplayRun, i: number): boolean {
  const { b, st, source, start, R, cal, ret, ov, cashRet, rows, index, trigger, band, L, spread, exec, cashCol } = run;
  const shorts = hotFlag(run.shorts);
  const canWipeOut = hotFlag(run.canWipeOut);
  const record = hotFlag(run.record);
  const financed = hotFlag(run.financed);
  const onChange = hotFlag(run.onChange);
  const { h } = st;
  const t = start + i;
  // V: the book's value (bookValue's order), valid while `fresh` (nothing moved since it was summed).
  let V = 0;
  let fresh = false;
  if (i > 0) {
    const base = t * R;
    const pending = run.pending;
    // Phase 1: mark to market (and, under next-open, fill at the open).
    let atOpen = pending >= 0 && exec === NEXT_OPEN;
    if (atOpen) {
      const off = pending * R;
      for (let k = 0; k < R; k++) {
        if (Number.isNaN(ov[base + k]) && (h[k] !== 0 || rows[off + k] !== 0)) {
          atOpen = false;
          if (run.openFallbacks++ === 0) run.firstFallback = t;
          break;
        }
      }
    }
    // Phase 2's accrual reads nothing of the marks, so it comes first and seeds the sum.
    let F = st.F * (1 + cashRet[t]);
    if (atOpen) {
      // Roles without an open are not involved (zero before and after): skip them.
      for (let k = 0; k < R; k++) if (h[k] !== 0) h[k] *= 1 + ov[base + k];
      const Vo = bookValue(h, st.F, R);
      // A book already wiped out at the open is not traded; the close settles it below.
      if (Vo > 0) {
        if (!fillOrder(st, pending, i, Vo)) return false;
        run.held = pending;
        run.pending = -1;
        F = st.F * (1 + cashRet[t]);
      }
      for (let k = 0; k < R; k++) if (h[k] !== 0) h[k] *= (1 + ret[base + k]) / (1 + ov[base + k]);
    } else {
      V = markBook(h, F, ret, base, R, st.width);
      fresh = true;
    }
    // Phase 2: the spread on borrowing and shorts.
    if (spread > 0 && (F < 0 || shorts)) {
      let owed = F < 0 ? -F : 0;
      for (let k = 0; k < R; k++) if (h[k] < 0) owed -= h[k];
      if (owed > 0) {
        const fee = owed * spread * (cal[t] - cal[t - 1]);
        F -= fee;
        b.financingCost[i] = fee / b.nav[i - 1];
        source.financed = true;
        fresh = false;
      }
    }
    st.F = F;
    // A leveraged or short book can lose everything: then it is closed out at zero for good.
    // (Long-only without borrowing holds only positive amounts: it cannot.)
    if (canWipeOut) {
      if (!fresh) {
        V = bookValue(h, F, R);
        fresh = true;
      }
      if (!(V > 0)) return false;
    }
    // Phase 3: the order decided at the previous close fills at this close.
    if (run.pending >= 0) {
      if (!fillOrder(st, run.pending, i, fresh ? V : bookValue(h, st.F, R))) return false;
      run.held = run.pending;
      run.pending = -1;
      fresh = false;
    }
  }
  // Phase 4: decide at this close.
  const row = index[t];
  if (row >= 0) {
    let go = planTrades(row, t, run.held, trigger, onChange);
    if (!go && band > 0) {
      if (!fresh) {
        V = bookValue(h, st.F, R);
        fresh = true;
      }
      const off = row * R;
      for (let k = 0; k < R; k++) {
        if (Math.abs(h[k] / V - L * rows[off + k]) > band) {
          go = true;
          break;
        }
      }
    }
    if (go) {
      if (exec === SAME_CLOSE) {
        if (!fillOrder(st, row, i, fresh ? V : bookValue(h, st.F, R))) return false;
        run.held = row;
        fresh = false;
      } else run.pending = row;
    }
  }
  // Phase 5: book.
  const F = st.F;
  if (!fresh) V = bookValue(h, F, R);
  b.nav[i] = V;
  if (record) bookShares(b, i, h, F, V, R, financed, cashCol);
  return true;
}

/**
 * Books window row i's shares of its NAV V: each role's h_k / V and, with a financing account,
 * the cash share (cash role + financing account) and the financing share.
 */
function bookShares(b: DayArrays, i: number, h: Float64Array, F: number, V: number, R: number, financed: boolean, cashCol: number): void {
  const inv = 1 / V;
  const base = i * R;
  for (let k = 0; k < R; k++) b.weights[base + k] = h[k] * inv;
  if (financed) {
    b.cash[i] = (h[cashCol] + F) * inv;
    b.financing[i] = F * inv;
  }
}

/**
 * Closes a wiped-out book from window row i on: NAV and shares 0 for good. Returns the calendar
 * day `t` for the warning.
 */
function closeOut(b: DayArrays, i: number, R: number, recordWeights: boolean, t: number): number {
  b.nav.fill(0, i);
  if (recordWeights) {
    b.weights.fill(0, i * R);
    b.cash.fill(0, i);
    b.financing.fill(0, i);
  }
  return t;
}

/**
 * Whether the plan alone trades at the close of day t, whose target row is `row` (−1: none):
 * the first target, a trigger, or (`onChange`) a row other than the one `held`.
 */
function planTrades(row: number, t: number, held: number, trigger: Uint8Array, onChange: boolean): boolean {
  return row >= 0 && (held < 0 || trigger[t] === 1 || (onChange && row !== held));
}

/**
 * Runs quiet days from window row i on: the T-bill accrual of the financing account, the mark
 * fused with the book's value, then NAV (and, recording, the day's shares of NAV) booked; the
 * same arithmetic, in the same order, as the general day. Stops at the first day whose close
 * decides a trade (first target, trigger, target change), before marking it, and returns its
 * row (m when none is left).
 */
function quietDays(run: ReplayRun, i: number): number {
  const { b, st, m, start, R, ret, cashRet, index, trigger, cashCol } = run;
  const record = hotFlag(run.record);
  const financed = hotFlag(run.financed);
  const onChange = hotFlag(run.onChange);
  if (R >= 8 && st.width <= 8 && !financed) return quietDaysInLocals(run, i);
  const held = run.held;
  const { h } = st;
  const { nav } = b;
  let F = st.F;
  const width = st.width;
  for (; i < m; i++) {
    const t = start + i;
    if (planTrades(index[t], t, held, trigger, onChange)) break;
    F *= 1 + cashRet[t];
    const V = markBook(h, F, ret, t * R, R, width);
    nav[i] = V;
    if (record) bookShares(b, i, h, F, V, R, financed, cashCol);
  }
  st.F = F;
  return i;
}

/**
 * {@link quietDays} for a book that holds none of its roles past the eighth (width ≤ 8, R ≥ 8,
 * no financing account to book: the common case of a playbook over up to eight assets). The
 * eight holdings ride in locals for the whole run of quiet days instead of being loaded and
 * stored every day, which takes about a third off a quiet day and most of the cost of
 * recording its shares. The same arithmetic in markBook's summation order: a = F + h0 + h4,
 * b = h1 + h5, c = h2 + h6, d = h3 + h7 (a role past `width` holds exactly 0 and adds nothing).
 */
function quietDaysInLocals(run: ReplayRun, i: number): number {
  const { b, st, m, start, R, ret, index, trigger } = run;
  const held = run.held;
  const record = hotFlag(run.record);
  const onChange = hotFlag(run.onChange);
  const { h } = st;
  const { nav, weights } = b;
  // No financing account: F is exactly 0 and accrues nothing, so the T-bill column is not read.
  const F = st.F;
  let h0 = h[0];
  let h1 = h[1];
  let h2 = h[2];
  let h3 = h[3];
  let h4 = h[4];
  let h5 = h[5];
  let h6 = h[6];
  let h7 = h[7];
  for (; i < m; i++) {
    const t = start + i;
    if (planTrades(index[t], t, held, trigger, onChange)) break;
    const base = t * R;
    h0 *= 1 + ret[base];
    h1 *= 1 + ret[base + 1];
    h2 *= 1 + ret[base + 2];
    h3 *= 1 + ret[base + 3];
    h4 *= 1 + ret[base + 4];
    h5 *= 1 + ret[base + 5];
    h6 *= 1 + ret[base + 6];
    h7 *= 1 + ret[base + 7];
    const V = F + h0 + h4 + (h1 + h5) + (h2 + h6 + (h3 + h7));
    nav[i] = V;
    if (record) {
      const inv = 1 / V;
      const w = i * R;
      weights[w] = h0 * inv;
      weights[w + 1] = h1 * inv;
      weights[w + 2] = h2 * inv;
      weights[w + 3] = h3 * inv;
      weights[w + 4] = h4 * inv;
      weights[w + 5] = h5 * inv;
      weights[w + 6] = h6 * inv;
      weights[w + 7] = h7 * inv;
      for (let k = 8; k < R; k++) weights[w + k] = 0;
    }
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
  h[3] = h3;
  h[4] = h4;
  h[5] = h5;
  h[6] = h6;
  h[7] = h7;
  return i;
}
