/**
 * One sweep of the workload's tables in a process of its own, so that its time includes
 * starting the workers and its peak RSS is its own: `node --import tsx bench/perf/sweep-child.ts
 * FILE COUNT WORKERS` prints one JSON line {ms, workers, rss_mb, finals}.
 */
import { parseRebalanceRule } from '../../engine/backtest/index.ts';
import { runSweep, type SweepConfig } from '../../engine/backtest/sweep.ts';
import { COST_BPS, loadTables, loadWorkload, toWorkloadEquity } from './workload.ts';

const [file, count, workers] = process.argv.slice(2);
const w = loadWorkload();
parseRebalanceRule('month-end');
const configs: SweepConfig[] = loadTables(file, Number(count)).map((table) => ({ table, rule: 'month-end', costBps: COST_BPS, execution: 'same-close' }));
const out = await runSweep(w.market, w.labels, configs, { workers: workers === 'auto' ? 'auto' : Number(workers) });
const width = out.fields.length;
const finals = Array.from({ length: configs.length }, (_, i) => toWorkloadEquity(out.results[i * width + width - 1]));
process.stdout.write(JSON.stringify({ ms: out.ms, workers: out.workers, rss_mb: process.resourceUsage().maxRSS / 1024, finals }) + '\n');
