import { ruleTriggers } from '../../engine/backtest/calendar-triggers.ts';
import { marketFromArrays, type MarketArrays } from '../../engine/backtest/market.ts';
import { planFromTable, type Plan } from '../../engine/backtest/plan.ts';
import { parseRebalanceRule, type RebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { createReplayBuffers } from '../../engine/backtest/replay-buffers.ts';
import { replay } from '../../engine/backtest/replay.ts';
import type { PoolTask } from '../../engine/backtest/worker-pool.ts';
import { computeMetrics } from '../../engine/metrics/compute-metrics.ts';
import { delayPlan, replayExecution, type StrategyExecution } from '../cost-assumption.ts';
import { summariseRow, summaryLayout } from './row-summary.ts';

/** The figures kept per job, in this order (annualised as computeMetrics defines them). */
export const JOB_FIELDS = ['sharpe', 'cagr', 'volatility', 'maxDrawdown', 'calmar', 'sortino', 'turnover', 'costDrag', 'finalNav'] as const;
export type JobField = (typeof JOB_FIELDS)[number];
export const JOB_WIDTH = JOB_FIELDS.length;

/**
 * A batch of replays over one market: job j replays playbook `jobTable[j]` on label set
 * `jobLabels[j]` under rule `jobRule[j]` at `jobCost[j]` bps, from `start` to `end`, filled as
 * `execution` says (every job alike). Everything is typed arrays (SharedArrayBuffers when workers share it).
 */
export interface JobsShared extends MarketArrays {
  /** Label sets, each n long, one after another (L × n). */
  labels: Uint8Array;
  /** Playbooks as 5 × R rows each (row 0 unused), one after another. */
  tables: Float64Array;
  rules: readonly string[];
  jobLabels: Int32Array;
  jobTable: Int32Array;
  jobRule: Int32Array;
  jobCost: Float64Array;
  start: number;
  end: number;
  /** When every job's orders fill: next-close, next-open, or lag-2 (decided a day later, filled at the next close). */
  execution: StrategyExecution;
  /** Jobs × JOB_WIDTH figures, written by index. */
  metrics: Float64Array;
  /** Jobs [0, summarise) write the summary of their daily excess returns into `summaries`. */
  summarise: number;
  /** The summaries' CSCV block and year boundaries (see RowSummaryLayout). */
  blockStart: Int32Array;
  yearStart: Int32Array;
  /** summarise × width row summaries (row-summary.ts), written by index. */
  summaries: Float64Array;
}

/**
 * A runner for one thread (see makeRowRunner) that also summarises jobs [0, summarise) as their
 * replays finish. Each job's figures and summary land at its own index, so they do not depend
 * on which thread ran it.
 */
export function makeJobRunner(shared: JobsShared): (j: number) => void {
  const replayRow = makeRowRunner(shared);
  const layout = summaryLayout(shared.end - shared.start, shared.blockStart, shared.yearStart);
  return (j) => {
    const row = replayRow(j);
    if (j < shared.summarise) summariseRow(row, layout, shared.summaries, j * layout.width);
  };
}

/**
 * The replays of one thread: one market view, one set of replay buffers, each rule's calendar
 * triggers made once, and the plan of the current label set reused while consecutive jobs share
 * it (grids put the jobs of one label set next to each other). Job j's replay writes its figures into `metrics` and returns
 * its daily excess returns over T-bills (m − 1 of them, m = end − start + 1: column i − 1 is
 * the return from close start+i−1 to close start+i minus that day's T-bill accrual) in a buffer
 * the next call overwrites.
 */
export function makeRowRunner(shared: JobsShared): (j: number) => Float64Array {
  const R = shared.roles.length;
  const n = shared.calendar.length;
  const market = marketFromArrays({
    calendar: shared.calendar,
    roles: shared.roles,
    returns: shared.returns,
    overnight: shared.overnight,
    cashReturns: shared.cashReturns,
  });
  const { start, end } = shared;
  const m = end - start + 1;
  const buffers = createReplayBuffers(m, R);
  const row = new Float64Array(m - 1);
  const riskFree = shared.cashReturns.slice(start, end + 1);
  const days = shared.calendar.subarray(start, end + 1);
  const parsed: RebalanceRule[] = shared.rules.map((r) => parseRebalanceRule(r));
  const { execution, delay } = replayExecution(shared.execution);
  // A rule's triggers are its calendar part OR its regime part (see ruleTriggers): the calendar
  // part, the costly one, is made once per rule; the regime part once per label set.
  const calendarPart = parsed.map((rule) => ruleTriggers({ ...rule, regime: false }, shared.calendar));
  const regimeOnly = parsed.map((rule) => ({ ...rule, calendar: [], daily: false }));
  let current = -1;
  let plans: (Plan | undefined)[] = [];
  const planFor = (labelSet: number, ri: number, table: Float64Array): Plan => {
    if (labelSet !== current) {
      current = labelSet;
      plans = [];
    }
    let plan = plans[ri];
    if (!plan) {
      const labels = shared.labels.subarray(labelSet * n, (labelSet + 1) * n);
      const trigger = parsed[ri].daily ? calendarPart[ri] : ruleTriggers(regimeOnly[ri], shared.calendar, labels);
      if (!parsed[ri].daily) for (let t = 0; t < n; t++) trigger[t] |= calendarPart[ri][t];
      plan = delayPlan(planFromTable(table, labels, parsed[ri], shared.calendar, trigger), delay);
      plans[ri] = plan;
    }
    return plan.rows === table ? plan : { ...plan, rows: table };
  };
  return (j) => {
    const ri = shared.jobRule[j];
    const ti = shared.jobTable[j];
    const table = shared.tables.subarray(ti * 5 * R, (ti + 1) * 5 * R);
    const plan = planFor(shared.jobLabels[j], ri, table);
    const result = replay(market, plan, { start, end, execution, costs: { bps: shared.jobCost[j] }, record: 'nav' }, buffers);
    const nav = result.nav;
    // The replay sums its fills' turnover and costs as they happen (the day ledgers summed).
    const turnover = result.totalTurnover;
    const costs = result.totalCosts;
    const out = j * JOB_WIDTH;
    const f = shared.metrics;
    if (nav[m - 1] > 0) {
      const met = computeMetrics({ nav, days, riskFree, turnover, costs });
      f[out] = met.sharpe;
      f[out + 1] = met.cagr;
      f[out + 2] = met.volatility;
      f[out + 3] = met.maxDrawdown;
      f[out + 4] = met.calmar;
      f[out + 5] = met.sortino;
      f[out + 6] = met.turnover;
      f[out + 7] = met.costDrag;
    } else {
      // A book closed out (NAV 0): no figure but the final NAV means anything.
      f.fill(NaN, out, out + JOB_WIDTH - 1);
    }
    f[out + 8] = nav[m - 1];
    writeExcess(row, nav, riskFree);
    return row;
  };
}

/** Row of daily excess returns from a NAV path: out[i − 1] = nav[i]/nav[i−1] − 1 − rf[i]. */
function writeExcess(out: Float64Array, nav: Float64Array, rf: Float64Array): void {
  const m = nav.length;
  for (let i = 1; i < m; i++) out[i - 1] = (nav[i - 1] > 0 ? nav[i] / nav[i - 1] - 1 : 0) - rf[i];
}

/** The batch as a pool task: job j is the replay described at index j (see makeJobRunner). */
export const JOBS_TASK: PoolTask<JobsShared> = { label: 'robustness', module: import.meta.url, name: 'JOBS_TASK', createRunner: makeJobRunner };
