import { describe, it, expect } from 'vitest';
import { ROLES } from '../../../datasets/catalog.ts';
import { ConfigError } from '../../../datasets/errors.ts';
import { computeMetrics } from '../../../engine/metrics/index.ts';
import { parseRebalanceRule, planFromTable, replay } from '../../../engine/backtest/index.ts';
import { availableParallelism } from 'node:os';
import { IN_PROCESS_BELOW, runSweep, sweepWorkers, type SweepConfig } from '../../../engine/backtest/sweep.ts';
import { SWEEP_FIELDS } from '../../../engine/backtest/sweep-core.ts';
import { ARTICLE_PLAYBOOK, tableRows } from '../../../strategies/index.ts';
import { makeMarket } from './builders.ts';
import { makeRng } from '../../../engine/random.ts';

// A 300-day synthetic market over all ten roles, returns from a seeded generator.
const rng = makeRng(11);
const n = 300;
const market = makeMarket(
  Array.from({ length: n }, () => ROLES.map((r) => (r === 'cash' ? 0.0001 : (rng() - 0.5) * 0.04))),
  [...ROLES],
);
const labels = Uint8Array.from({ length: n }, (_, t) => (t < 20 ? 0 : 1 + (Math.floor(t / 37) % 4)));
const base = tableRows(ARTICLE_PLAYBOOK, market.roles);
const configs: SweepConfig[] = [];
for (const rule of ['regime', 'monthly', 'regime+drift:0.05'])
  for (const costBps of [0, 10]) for (const execution of ['next-close', 'same-close'] as const) configs.push({ table: base, rule, costBps, execution });

describe('runSweep', () => {
  it('two workers give the figures of a direct replay + computeMetrics for every configuration', async () => {
    const out = await runSweep(market, labels, configs, { workers: 2 });
    expect(out.workers).toBe(2);
    expect(out.perWorker.reduce((a, w) => a + w.configs, 0)).toBe(configs.length);
    configs.forEach((c, i) => {
      // The direct route, written out: plan, replay with everything recorded, metrics on it.
      const r = replay(market, planFromTable(c.table, labels, parseRebalanceRule(c.rule), market.calendar), {
        execution: c.execution,
        costs: { bps: c.costBps },
      });
      let turnover = 0;
      let costs = 0;
      for (let d = 0; d < n; d++) {
        turnover += r.turnover[d];
        costs += r.commission[d] + r.slippage[d] + r.fixedCosts[d];
      }
      const m = computeMetrics({ nav: r.nav, days: r.days, riskFree: market.cashReturns, turnover, costs });
      const row = out.results.subarray(i * SWEEP_FIELDS.length, (i + 1) * SWEEP_FIELDS.length);
      // The sweep scores with headlineMetrics (one pass, no allocation): computeMetrics's figures to rounding.
      const want = [m.cagr, m.volatility, m.sharpe, m.maxDrawdown, m.turnover, m.costDrag, r.nav[n - 1]];
      want.forEach((w, k) => expect(Math.abs(row[k] - w)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w))));
    });
    // The same sweep in this thread gives the same bytes.
    const local = await runSweep(market, labels, configs, { workers: 0 });
    expect(Array.from(local.results)).toEqual(Array.from(out.results));
  });

  it('rejects a table row that does not sum to 1, naming the configuration', async () => {
    const bad = base.slice();
    bad[2 * ROLES.length] += 0.1;
    await expect(runSweep(market, labels, [configs[0], { ...configs[0], table: bad }], { workers: 0 })).rejects.toThrow(ConfigError);
    await expect(runSweep(market, labels, [{ ...configs[0], rule: 'hourly' }], { workers: 0 })).rejects.toThrow(/configs\[0\]|hourly/);
  });

  it('auto stays in this thread for small sweeps and uses min(2, cores) workers past the threshold', async () => {
    // 12 configurations × 300 days × 10 roles = 36,000 role-days: far below the threshold.
    expect((await runSweep(market, labels, configs)).workers).toBe(0);
    const perConfig = n * market.roles.length;
    expect(sweepWorkers('auto', Math.floor((IN_PROCESS_BELOW - 1) / perConfig), market, {})).toBe(0);
    expect(sweepWorkers('auto', Math.ceil(IN_PROCESS_BELOW / perConfig), market, {})).toBe(Math.min(2, availableParallelism()));
    expect(sweepWorkers(3, 10, market, {})).toBe(3);
    expect(() => sweepWorkers(-1, 10, market, {})).toThrow(ConfigError);
  });
});
