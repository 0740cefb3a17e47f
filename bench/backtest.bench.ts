/**
 * Backtest timings on the real snapshot, every trading day since 2003 and the ten roles:
 * one full-history replay of the article playbook (a regime table, regime+monthly, 5 bps),
 * beside a bare Float64Array loop doing the same arithmetic in the same process; and a sweep
 * of 10,000 playbook configurations on two worker threads sharing the market.
 */
import { dayOf } from '../datasets/day.ts';
import { buildPanel } from '../datasets/panel.ts';
import { loadDataset } from '../datasets/load-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import {
  createReplayBuffers,
  marketFromRoles,
  parseRebalanceRule,
  planFromTable,
  replay,
  resolveCosts,
  type Market,
  type Plan,
} from '../engine/backtest/index.ts';
import { runSweep, type SweepConfig } from '../engine/backtest/sweep.ts';
import { computeRegimes } from '../engine/regimes/index.ts';
import { ARTICLE_PLAYBOOK, tableRows } from '../strategies/index.ts';
import { medianMs, type Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

let setup: { market: Market; labels: Uint8Array; plan: Plan } | undefined;
function load() {
  if (setup) return setup;
  const panel = buildPanel(loadDataset(SNAPSHOT_DIR), { from: dayOf(2003, 1, 1) });
  const market = marketFromRoles(panel, buildRoles(panel));
  const labels = computeRegimes(panel).labels;
  const plan = planFromTable(tableRows(ARTICLE_PLAYBOOK, market.roles), labels, parseRebalanceRule('regime+monthly'), market.calendar);
  setup = { market, labels, plan };
  return setup;
}

/**
 * The bare loop: the replay's arithmetic with nothing around it (no validation, options,
 * closures, segments or result object): mark, accrue, fill with the Newton cost solve, decide
 * (first target, trigger, target change), book NAV, weights, turnover and costs.
 */
function bareLoop(market: Market, plan: Plan, bps: number, nav: Float64Array, weights: Float64Array, turnover: Float64Array, costs: Float64Array): void {
  const R = market.roles.length;
  const n = market.calendar.length;
  const ret = market.returns;
  const cashRet = market.cashReturns;
  const rows = plan.rows;
  const c = bps / 1e4;
  const h = new Float64Array(R);
  h[R - 1] = 1;
  let F = 0;
  let held = -1;
  let pending = -1;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const base = t * R;
      for (let k = 0; k < R; k++) h[k] *= 1 + ret[base + k];
      F *= 1 + cashRet[t];
      if (pending >= 0) {
        let V = F;
        for (let k = 0; k < R; k++) V += h[k];
        const off = pending * R;
        // biome-ignore lint/correctness/noUnusedVariables: computed for its cost, as the replay computes turnover
        let tau = Math.abs(F / V);
        for (let k = 0; k < R; k++) tau += Math.abs(rows[off + k] - h[k] / V);
        let x = V;
        for (let it = 0; it < 64; it++) {
          let slope = 1;
          let icpt = -V;
          for (let k = 0; k < R; k++) {
            const d = rows[off + k] * x - h[k];
            if (d > 0) {
              slope += c * rows[off + k];
              icpt -= c * h[k];
            } else if (d < 0) {
              slope -= c * rows[off + k];
              icpt += c * h[k];
            }
          }
          const next = -icpt / slope;
          if (next === x || Math.abs(next - x) <= 1e-15 * V) {
            x = next;
            break;
          }
          x = next;
        }
        let moved = Math.abs(F);
        for (let k = 0; k < R; k++) {
          const target = rows[off + k] * x;
          moved += Math.abs(target - h[k]);
          h[k] = target;
        }
        F = 0;
        turnover[t] = (0.5 * moved) / V;
        costs[t] = (V - x) / V;
        held = pending;
        pending = -1;
      }
    }
    const row = plan.index[t];
    if (row >= 0 && (held < 0 || plan.trigger[t] === 1 || row !== held)) pending = row;
    let V = F;
    for (let k = 0; k < R; k++) V += h[k];
    nav[t] = V;
    for (let k = 0; k < R; k++) weights[t * R + k] = h[k] / V;
  }
}

/** 10,000 configurations: 25 playbook variants × 10 rules × 5 cost levels × 2 executions × 4 Q2 tilts. */
function grid(market: Market): SweepConfig[] {
  const base = tableRows(ARTICLE_PLAYBOOK, market.roles);
  const R = market.roles.length;
  const large = market.roles.indexOf('us_large');
  const small = market.roles.indexOf('us_small');
  const gold = market.roles.indexOf('gold');
  const cash = market.roles.indexOf('cash');
  const rules = [
    'regime',
    'regime+monthly',
    'regime+weekly',
    'regime+quarterly',
    'monthly',
    'regime+drift:0.05',
    'regime+drift:0.1',
    'weekday:fri',
    'monthday:15',
    'regime+monthly+drift:0.05',
  ];
  const out: SweepConfig[] = [];
  for (let v = 0; v < 25; v++)
    for (const rule of rules)
      for (const costBps of [0, 2, 5, 10, 20])
        for (const execution of ['next-close', 'next-open'] as const)
          for (let tilt = 0; tilt < 4; tilt++) {
            const table = base.slice();
            // Q3: move v% from gold to cash; Q2: shift tilt × 5% from us_large to us_small.
            table[3 * R + gold] -= v / 200;
            table[3 * R + cash] += v / 200;
            table[2 * R + large] -= tilt * 0.05;
            table[2 * R + small] += tilt * 0.05;
            out.push({ table, rule, costBps, execution });
          }
  return out;
}

const benchmarks: Benchmark[] = [
  {
    name: 'backtest: full-history replay (since 2003, 10 roles)',
    unit: 'ms',
    target: 1,
    run: async () => {
      const { market, plan } = load();
      const n = market.calendar.length;
      const R = market.roles.length;
      const buffers = createReplayBuffers(n, R);
      const options = { costs: { bps: 5 } };
      resolveCosts(options.costs, market.roles);
      const value = await medianMs(() => replay(market, plan, options, buffers), 41, 40);
      const nav = new Float64Array(n);
      const w = new Float64Array(n * R);
      const to = new Float64Array(n);
      const co = new Float64Array(n);
      const bare = await medianMs(() => bareLoop(market, plan, 5, nav, w, to, co), 41, 40);
      const check = replay(market, plan, options, buffers);
      return { value, context: { bare_loop_ms: bare, ratio: value / bare, days: n, final_nav_replay: check.nav[n - 1], final_nav_bare: nav[n - 1] } };
    },
  },
  {
    name: 'backtest: replay / bare Float64Array loop',
    unit: 'x',
    target: 2,
    run: async () => {
      const { market, plan } = load();
      const n = market.calendar.length;
      const R = market.roles.length;
      const buffers = createReplayBuffers(n, R);
      const nav = new Float64Array(n);
      const w = new Float64Array(n * R);
      const to = new Float64Array(n);
      const co = new Float64Array(n);
      // Interleave the two so both see the same machine state.
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 60; i++) {
        a.push(await medianMs(() => replay(market, plan, { costs: { bps: 5 } }, buffers), 1, 0));
        b.push(await medianMs(() => bareLoop(market, plan, 5, nav, w, to, co), 1, 0));
      }
      const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      return { value: med(a) / med(b), context: { replay_ms: med(a), bare_loop_ms: med(b) } };
    },
  },
  {
    name: 'backtest: 10,000-config sweep on 2 workers',
    unit: 's',
    target: 5,
    run: async () => {
      const { market, labels } = load();
      const configs = grid(market);
      const out = await runSweep(market, labels, configs, { workers: 2 });
      let best = -Infinity;
      for (let i = 0; i < configs.length; i++) best = Math.max(best, out.results[i * out.fields.length + 2]);
      const busy = out.perWorker.map((w) => `${w.configs}/${Math.round(w.ms)}ms`).join(',');
      const perConfig = out.perWorker.reduce((a, w) => a + w.ms, 0) / configs.length;
      return {
        value: out.ms / 1000,
        context: {
          configs: configs.length,
          workers: out.workers,
          configs_per_s: configs.length / (out.ms / 1000),
          worker_configs_ms: busy,
          ms_per_config_per_core: perConfig,
          best_sharpe: best,
          peak_rss_mb: process.resourceUsage().maxRSS / 1024,
        },
      };
    },
  },
  {
    name: 'backtest: sweep peak memory (RSS, whole process)',
    unit: 'MB',
    target: 1024,
    run: () => ({ value: process.resourceUsage().maxRSS / 1024 }),
  },
];

export default benchmarks;
