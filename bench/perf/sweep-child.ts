/**
 * A sweep in a process of its own, so that its time includes starting the workers and its
 * peak RSS is its own: `node --import tsx bench/perf/sweep-child.ts FILE COUNT WORKERS [WARMUP]`
 * runs the first COUNT tables of the workload's FILE (or, with FILE `real`, of the real
 * snapshot: see real-snapshot.ts) and prints one JSON line {ms, cold_ms, workers, rss_mb, days,
 * roles, finals} (finals: workload equities, or the NAVs on the real snapshot). Loading the data
 * is not timed. With WARMUP 1 the same sweep runs once untimed first, as floor-workers.mjs does
 * with its `--warmup 1`: the timed sweep still starts its workers, but this process has made
 * their code bundle (from the sources, once per process) and warmed its own code, as the
 * floor's process has. `cold_ms` is the first sweep's time either way.
 */
import { parseRebalanceRule } from '../../engine/backtest/index.ts';
import { runSweep, type SweepConfig } from '../../engine/backtest/sweep.ts';
import { loadRealSweep } from './real-snapshot.ts';
import { loadWorkload, toWorkloadEquity, workloadConfigs } from './workload.ts';

const [file, count, workers, warmup = '0'] = process.argv.slice(2);
const real = file === 'real';
let sweep: { market: ReturnType<typeof loadWorkload>['market']; labels: Uint8Array; configs: SweepConfig[] };
if (real) sweep = loadRealSweep(Number(count));
else {
  const w = loadWorkload();
  const configs = workloadConfigs(file, Number(count));
  sweep = { market: w.market, labels: w.labels, configs };
}
parseRebalanceRule('month-end');
const options = { workers: workers === 'auto' ? ('auto' as const) : Number(workers) };
let out = await runSweep(sweep.market, sweep.labels, sweep.configs, options);
const coldMs = out.ms;
if (warmup === '1') out = await runSweep(sweep.market, sweep.labels, sweep.configs, options);
const width = out.fields.length;
const finals = Array.from({ length: sweep.configs.length }, (_, i) => {
  const nav = out.results[i * width + width - 1];
  return real ? nav : toWorkloadEquity(nav);
});
const { market } = sweep;
process.stdout.write(
  JSON.stringify({
    ms: out.ms,
    cold_ms: coldMs,
    workers: out.workers,
    rss_mb: process.resourceUsage().maxRSS / 1024,
    days: market.calendar.length,
    roles: market.roles.length,
    finals,
  }) + '\n',
);
