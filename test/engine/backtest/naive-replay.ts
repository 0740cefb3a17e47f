/**
 * An independent, deliberately plain reference for the replay: it keeps UNITS of each role at
 * PRICE levels (a price index per role built by compounding the returns), values the book as
 * Σ units × price + cash, and finds the post-trade equity by bisection instead of Newton.
 * Slow and allocation-happy on purpose; written apart from engine/backtest/replay.ts.
 */
import type { Scenario } from './builders.ts';

export interface NaiveOut {
  nav: number[];
  weights: number[][];
}

export function naiveReplay(s: Scenario, cashReturns: number[], calendar: Int32Array, capital = 1_000_000): NaiveOut {
  const n = s.returns.length;
  const R = s.rows[0].length;
  const cashCol = R - 1; // builders put cash last
  const price: number[][] = [Array(R).fill(1)];
  for (let t = 1; t < n; t++) price.push(price[t - 1].map((p, k) => p * (1 + s.returns[t][k])));
  const units = Array(R).fill(0);
  units[cashCol] = 1;
  let cash = 0;
  let held = -1;
  let pending = -1;
  const L = s.leverage;
  const value = (p: number[]) => units.reduce((a, u, k) => a + u * p[k], 0) + cash;

  const fill = (row: number, p: number[]) => {
    const V = value(p);
    const w = s.rows[row].map((x) => L * x);
    const cur = units.map((u, k) => (u * p[k]) / V);
    const tau = 0.5 * (w.reduce((a, x, k) => a + Math.abs(x - cur[k]), 0) + Math.abs(1 - L - cash / V));
    const rate = w.map((_, k) => (s.bps[k] + s.slippageBps + s.impactBps * tau) / 1e4);
    const orders = w.filter((x, k) => Math.abs(x - cur[k]) > 1e-12).length;
    const fixed = (orders * s.fixedPerTrade) / capital;
    const g = (y: number) => y + w.reduce((a, x, k) => a + rate[k] * Math.abs(x * y - units[k] * p[k]), 0) + fixed - V;
    let lo = 0;
    let hi = V;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (g(mid) > 0) hi = mid;
      else lo = mid;
    }
    const Vp = (lo + hi) / 2;
    for (let k = 0; k < R; k++) units[k] = (w[k] * Vp) / p[k];
    cash = (1 - L) * Vp;
    held = row;
  };

  const out: NaiveOut = { nav: [], weights: [] };
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      let filledAtOpen = false;
      if (pending >= 0 && s.execution === 'next-open') {
        const involved = [...Array(R).keys()].filter((k) => units[k] !== 0 || s.rows[pending][k] !== 0);
        if (involved.every((k) => !Number.isNaN(s.overnight[t][k]))) {
          const open = price[t - 1].map((p, k) => p * (1 + (Number.isNaN(s.overnight[t][k]) ? 0 : s.overnight[t][k])));
          fill(pending, open);
          // Units bought at the open carry to the close at the close price.
          pending = -1;
          filledAtOpen = true;
        }
      }
      void filledAtOpen;
      cash *= 1 + cashReturns[t];
      const days = calendar[t] - calendar[t - 1];
      const owed = Math.max(-cash, 0) + units.reduce((a, u, k) => a + (u < 0 ? -u * price[t][k] : 0), 0);
      cash -= ((owed * s.financingBps) / 1e4 / 360) * days;
      if (pending >= 0) {
        fill(pending, price[t]);
        pending = -1;
      }
    }
    const row = s.index[t];
    if (row >= 0) {
      const V = value(price[t]);
      const drifted = s.driftBand > 0 && units.some((u, k) => Math.abs((u * price[t][k]) / V - L * s.rows[row][k]) > s.driftBand);
      if (held < 0 || s.trigger[t] === 1 || (s.onChange && row !== held) || drifted) {
        if (s.execution === 'same-close') fill(row, price[t]);
        else pending = row;
      }
    }
    const V = value(price[t]);
    out.nav.push(V);
    out.weights.push(units.map((u, k) => (u * price[t][k]) / V));
  }
  return out;
}
