/**
 * Quadrant's side of the single-backtest and one-thread figures of perf.bench.ts, in a process
 * of its own and compiled (see compiled.ts), as the floor's side runs: `MODE` is
 * - `single`: one backtest with every output recorded, buffers reused (and NAV only);
 * - `scratch`: plan + replay with new buffers each time;
 * - `sweep200`: the workload's first 200 tables through runSweep in this thread.
 * Prints one JSON line {ms, finals, nav_only_ms?}: median milliseconds over the same repeats
 * as the floor's, and the final equities in the workload's convention.
 */
import { createReplayBuffers, parseRebalanceRule, planFromTable, replay } from '../../engine/backtest/index.ts';
import { runSweep } from '../../engine/backtest/sweep.ts';
import { medianMs, medianMsSync } from '../harness.ts';
import { COST_BPS, loadWorkload, R, toWorkloadEquity, workloadConfigs } from './workload.ts';

const mode = process.argv[2];
const { market, labels, table } = loadWorkload();
const OPTIONS = { execution: 'same-close' as const, costs: { bps: COST_BPS } };
const rule = parseRebalanceRule('month-end');
let result: { ms: number; finals: number[]; nav_only_ms?: number };

if (mode === 'single') {
  const plan = planFromTable(table, labels, rule, market.calendar);
  const buffers = createReplayBuffers(market.calendar.length, R);
  let final = 0;
  const ms = medianMsSync(
    () => {
      const r = replay(market, plan, OPTIONS, buffers);
      // The replay books the shares of NAV itself; reading their length checks they were recorded.
      final = r.weights.length > 0 ? r.nav[r.nav.length - 1] : Number.NaN;
    },
    200,
    50,
  );
  const navOnly = medianMsSync(() => replay(market, plan, { ...OPTIONS, record: 'nav' }, buffers), 200, 50);
  result = { ms, finals: [toWorkloadEquity(final)], nav_only_ms: navOnly };
} else if (mode === 'scratch') {
  let final = 0;
  const ms = medianMsSync(
    () => {
      const plan = planFromTable(table, labels, rule, market.calendar);
      const r = replay(market, plan, OPTIONS);
      final = r.weights.length > 0 ? r.nav[r.nav.length - 1] : Number.NaN;
    },
    200,
    50,
  );
  result = { ms, finals: [toWorkloadEquity(final)] };
} else if (mode === 'sweep200') {
  const configs = workloadConfigs('tables.csv', 200);
  let out = await runSweep(market, labels, configs, { workers: 0 });
  const ms = await medianMs(async () => (out = await runSweep(market, labels, configs, { workers: 0 })), 5, 3);
  const width = out.fields.length;
  result = { ms, finals: Array.from({ length: 200 }, (_, i) => toWorkloadEquity(out.results[i * width + width - 1])) };
} else throw new Error(`quadrant-child: unknown mode ${mode} (single, scratch or sweep200)`);
process.stdout.write(`${JSON.stringify(result)}\n`);
