import { isoDay } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';
import type { Panel } from '../../datasets/panel.ts';
import { compareEpisodes, EPISODES, resolveEpisode, type EpisodeSummary } from '../../engine/analysis/index.ts';
import type { Market } from '../../engine/backtest/market.ts';
import { planFromTable, type Plan } from '../../engine/backtest/plan.ts';
import { parseRebalanceRule } from '../../engine/backtest/rebalance-rule.ts';
import { createReplayBuffers } from '../../engine/backtest/replay-buffers.ts';
import { replay } from '../../engine/backtest/replay.ts';
import { TRADING_DAYS_PER_YEAR } from '../../engine/metrics/annualisation.ts';
import { computeMetrics } from '../../engine/metrics/compute-metrics.ts';
import { deflatedSharpe } from '../../engine/stats/deflated-sharpe.ts';
import { kurtosis } from '../../engine/stats/kurtosis.ts';
import { sharpeDifference } from '../../engine/stats/sharpe-difference.ts';
import { skewness } from '../../engine/stats/skewness.ts';
import { spaTest } from '../../engine/stats/spa-test.ts';
import { ARTICLE_PLAYBOOK, ARTICLE_RULE, articleStrategy } from '../article.ts';
import { equalWeight, RANDOM_REGIME_SEED, riskParity, sixtyForty, usLargeBuyAndHold } from '../benchmarks.ts';
import { compileStrategy } from '../compile.ts';
import { DEFAULT_ASSUMPTION, delayPlan, replayExecution, type CostAssumption, type StrategyExecution } from '../cost-assumption.ts';
import { tableRows, type QuadrantTable } from '../quadrant-table.ts';
import type { Strategy } from '../step.ts';
import { DEFAULT_SHUFFLES, randomRegimeDistribution, type RandomRegimeDistribution } from './random-regime-distribution.ts';

const SQRT_YEAR = Math.sqrt(TRADING_DAYS_PER_YEAR);

/** Costs (bps) and executions of the playbook's sensitivity grid. */
export const SENSITIVITY_COSTS: readonly number[] = [0, 5, 10, 20, 50];
export const SENSITIVITY_EXECUTIONS: readonly StrategyExecution[] = ['next-close', 'next-open', 'lag-2'];

/** Annualised figures of one replay (computeMetrics: Sharpe over T-bills; max drawdown a positive fraction). */
export interface Figures {
  sharpe: number;
  cagr: number;
  volatility: number;
  maxDrawdown: number;
}

/** The playbook's Sharpe minus a benchmark's, with its test. */
export interface SharpeDifferenceTest {
  /** Annualised Sharpe difference, playbook − benchmark (moment estimator, sd over n). */
  difference: number;
  /** Its standard error, annualised. */
  se: number;
  z: number;
  /** Two-sided p-value of H₀: equal Sharpe ratios. */
  pValue: number;
  lags: number;
}

export interface BenchmarkRow extends Figures {
  name: string;
  description: string;
  test: SharpeDifferenceTest;
}

export interface SpaSummary {
  /** Hansen's consistent p-value, with the lower and upper bounds. */
  pValue: number;
  pLower: number;
  pUpper: number;
  statistic: number;
  /** The benchmark with the largest studentised mean advantage. */
  best: string;
  reps: number;
  seed: number;
  blockLength: number;
  hypothesis: string;
}

/** The deflated Sharpe ratio of the playbook's advantage over the best simple benchmark. */
export interface DeflatedDifference {
  against: string;
  /** Annualised Sharpe ratio of the daily return difference (an information ratio). */
  sharpe: number;
  /** Expected best annualised Sharpe of `trials` skill-less differences. */
  expectedMax: number;
  probability: number;
  psr: number;
  trials: number;
  n: number;
}

export interface SensitivityCell extends Figures {
  costBps: number;
  execution: StrategyExecution;
}

export interface EpisodeRow {
  name: string;
  total: number;
  maxDrawdown: number;
}

export interface EpisodeTable {
  id: string;
  title: string;
  from: string;
  to: string;
  days: number;
  /** Share of the episode's days in force of Q1..Q4 (index 0: unlabelled). */
  shares: number[];
  /** The quadrant runs in order, e.g. "Q4 234d → Q3 17d". */
  path: string;
  rows: EpisodeRow[];
}

/** Everything the playbook-against-benchmarks analysis found: plain, JSON-serialisable data. */
export interface BenchmarkAnalysis {
  assumptions: CostAssumption;
  window: { from: string; to: string; days: number };
  playbook: Figures & { name: string };
  benchmarks: BenchmarkRow[];
  randomRegime: RandomRegimeDistribution | null;
  /** Hansen's SPA on daily excess returns, and on benchmarks scaled to the playbook's volatility. */
  spa: SpaSummary;
  spaVolatilityMatched: SpaSummary;
  deflatedDifference: DeflatedDifference;
  sensitivity: SensitivityCell[];
  episodes: EpisodeTable[];
  notes: string[];
}

export interface BenchmarkAnalysisOptions {
  /** First calendar index (the NAV's first close), e.g. the first labelled day. */
  start: number;
  /** Last calendar index, default the last day. */
  end?: number;
  assumption?: CostAssumption;
  /** The playbook table and rule (default the article's). */
  table?: QuadrantTable;
  rule?: string;
  /** Label shuffles for the random-regime distribution (default 200; 0 leaves it out). */
  shuffles?: number;
  /** Seed of the shuffles (shuffle i: seed + i) and of the SPA bootstrap. Default 20260119. */
  seed?: number;
  /** Stationary-bootstrap resamples of the SPA test (default 1,000). */
  reps?: number;
  /** Configurations and definitions tried before settling on the playbook (the DSR's N; default 1). */
  trials?: number;
  /** The panel, for benchmarks whose steps read it (none of the built-in ones do). */
  panel?: Panel;
}

/** The simple benchmarks the playbook is tested against (the random-regime control is a distribution, apart). */
export function simpleBenchmarks(): Strategy[] {
  return [usLargeBuyAndHold(), sixtyForty(), equalWeight(), riskParity()];
}

/**
 * The article playbook against its benchmarks, all under one cost assumption over one window:
 *
 * - each simple benchmark (US large caps, 60/40, equal weight, risk parity): Sharpe, CAGR,
 *   volatility, max drawdown, and the Ledoit–Wolf (2008) HAC test of the Sharpe difference;
 * - the random-regime control as a distribution: the playbook on `shuffles` block-shuffled
 *   label sets, median and 5–95% band of its Sharpe, CAGR and drawdown;
 * - Hansen's SPA test with the playbook as the base and the simple benchmarks as alternatives
 *   (daily excess returns; H₀: no benchmark beats the playbook on average);
 * - the deflated Sharpe ratio of the playbook's daily return difference over the best simple
 *   benchmark (by Sharpe), with `trials` trials and the skill-less variance 1/(T − 1);
 * - the playbook's Sharpe, CAGR and max drawdown over costs 0–50 bps × next close, next open
 *   and a two-day lag (one plan, 15 replays);
 * - every named episode of the catalog inside the window: the quadrant path and each series'
 *   return and max drawdown.
 *
 * Timing: every replay decides at a close with data of that close; the shuffled labels use the
 * whole sample by design (a control, not a strategy).
 *
 * @throws ConfigError for a bad window, shuffles, reps or trials.
 * @example
 * const a = againstBenchmarks(market, regimes.labels, { start: regimes.firstLabelled });
 * a.benchmarks.map((b) => [b.name, b.test.pValue]);
 */
export function againstBenchmarks(market: Market, labels: Uint8Array, options: BenchmarkAnalysisOptions): BenchmarkAnalysis {
  const cal = market.calendar;
  const n = cal.length;
  const { start } = options;
  const end = options.end ?? n - 1;
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(end) || end >= n || end - start < 20) {
    throw new ConfigError('bad-config', `the benchmark window ${start}..${end} needs at least 20 return days inside the calendar (0..${n - 1})`, {
      field: 'start',
    });
  }
  const assumption = options.assumption ?? DEFAULT_ASSUMPTION;
  const shuffles = options.shuffles ?? DEFAULT_SHUFFLES;
  const seed = options.seed ?? RANDOM_REGIME_SEED;
  const trials = options.trials ?? 1;
  if (!Number.isInteger(shuffles) || shuffles < 0 || shuffles > 100_000)
    throw new ConfigError('bad-config', `shuffles must be a whole number from 0 to 100000, got ${shuffles}`, { field: 'shuffles' });
  if (!Number.isSafeInteger(trials) || trials < 1) throw new ConfigError('bad-config', `trials must be a whole number ≥ 1, got ${trials}`, { field: 'trials' });
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + shuffles))
    throw new ConfigError('bad-config', `seed must be a whole number, got ${seed}`, { field: 'seed' });

  const m = end - start + 1;
  const days = cal.subarray(start, end + 1);
  const riskFree = market.cashReturns.slice(start, end + 1);
  const buffers = createReplayBuffers(m, market.roles.length);
  const rule = parseRebalanceRule(options.rule ?? ARTICLE_RULE);
  const table = tableRows(options.table ?? ARTICLE_PLAYBOOK, market.roles);

  /** One replay's figures and, when asked, its daily excess returns (copied: the buffers are reused). */
  const run = (plan: Plan, a: CostAssumption, keepExcess: boolean): { figures: Figures; excess?: Float64Array; returns?: Float64Array } => {
    const { execution, delay } = replayExecution(a.execution);
    const r = replay(market, delayPlan(plan, delay), { start, end, execution, costs: { bps: a.costBps }, record: 'nav' }, buffers);
    const nav = r.nav;
    const met = computeMetrics({ nav, days, riskFree });
    const figures = { sharpe: met.sharpe, cagr: met.cagr, volatility: met.volatility, maxDrawdown: met.maxDrawdown };
    if (!keepExcess) return { figures };
    const excess = new Float64Array(m - 1);
    const returns = new Float64Array(m - 1);
    for (let i = 1; i < m; i++) {
      returns[i - 1] = nav[i] / nav[i - 1] - 1;
      excess[i - 1] = returns[i - 1] - riskFree[i];
    }
    return { figures, excess, returns };
  };

  // The playbook and the simple benchmarks.
  // The playbook as `quadrant run` trades it: the article strategy (its Q2 small-cap tilt only
  // while risk appetite falls, which reads the panel) unless a plain table is given.
  const playbookPlan =
    options.table === undefined
      ? compileStrategy(articleStrategy(undefined, options.rule ?? ARTICLE_RULE), { market, labels, panel: options.panel })
      : planFromTable(table, labels, rule, cal);
  const playbook = run(playbookPlan, assumption, true);
  const benches = simpleBenchmarks().map((s) => ({ strategy: s, ...run(compileStrategy(s, { market, labels, panel: options.panel }), assumption, true) }));
  const benchmarks: BenchmarkRow[] = benches.map((b) => {
    const t = sharpeDifference(playbook.excess!, b.excess!);
    return {
      name: b.strategy.name,
      description: b.strategy.description ?? '',
      ...b.figures,
      test: { difference: t.difference * SQRT_YEAR, se: t.se * SQRT_YEAR, z: t.z, pValue: t.pValue, lags: t.lags },
    };
  });

  // The random-regime control, as a distribution over shuffles.
  const randomRegime =
    shuffles > 0
      ? randomRegimeDistribution(market, labels, {
          start,
          end,
          assumption,
          table: options.table,
          rule: options.rule,
          shuffles,
          seed,
          reference: playbook.figures.sharpe,
          panel: options.panel,
        })
      : null;

  // Hansen's SPA: benchmark minus playbook, daily excess returns; then with each benchmark
  // scaled to the playbook's volatility (M² returns), so that a riskier benchmark does not win on
  // risk alone.
  const spaSeed = seed;
  const sdOf = (x: Float64Array) => {
    let mu = 0;
    for (let i = 0; i < x.length; i++) mu += x[i];
    mu /= x.length;
    let q = 0;
    for (let i = 0; i < x.length; i++) q += (x[i] - mu) ** 2;
    return Math.sqrt(q / (x.length - 1));
  };
  const sdPlaybook = sdOf(playbook.excess!);
  const spaOf = (scaled: boolean): SpaSummary => {
    const diffs = benches.map((b) => {
      const k = scaled ? sdPlaybook / sdOf(b.excess!) : 1;
      return b.excess!.map((x, i) => k * x - playbook.excess![i]);
    });
    const r = spaTest(diffs, { seed: spaSeed, reps: options.reps ?? 1000 });
    return {
      pValue: r.pValue,
      pLower: r.pLower,
      pUpper: r.pUpper,
      statistic: r.statistic,
      best: benches[r.best].strategy.name,
      reps: r.reps,
      seed: spaSeed,
      blockLength: r.blockLength,
      hypothesis: scaled
        ? "H0: no simple benchmark, scaled to the playbook's volatility, earns a higher mean daily excess return than the playbook"
        : 'H0: no simple benchmark earns a higher mean daily excess return than the playbook',
    };
  };
  const spa = spaOf(false);
  const spaVolatilityMatched = spaOf(true);

  // The DSR of the playbook's advantage over the best simple benchmark.
  let bestBench = 0;
  for (let k = 1; k < benchmarks.length; k++) if (benchmarks[k].sharpe > benchmarks[bestBench].sharpe) bestBench = k;
  const diff = playbook.excess!.map((x, i) => x - benches[bestBench].excess![i]);
  const T = diff.length;
  let mean = 0;
  for (let i = 0; i < T; i++) mean += diff[i];
  mean /= T;
  let ss = 0;
  for (let i = 0; i < T; i++) ss += (diff[i] - mean) ** 2;
  const srDiff = mean / Math.sqrt(ss / (T - 1));
  const dsr = deflatedSharpe({ sharpe: srDiff, trials, n: T, skew: skewness(diff), kurtosis: kurtosis(diff) });
  const deflatedDifference: DeflatedDifference = {
    against: benchmarks[bestBench].name,
    sharpe: srDiff * SQRT_YEAR,
    expectedMax: dsr.expectedMaxSharpe * SQRT_YEAR,
    probability: dsr.dsr,
    psr: dsr.psr,
    trials,
    n: T,
  };

  // Costs × execution.
  const sensitivity: SensitivityCell[] = [];
  for (const execution of SENSITIVITY_EXECUTIONS) {
    for (const costBps of SENSITIVITY_COSTS) sensitivity.push({ costBps, execution, ...run(playbookPlan, { costBps, execution }, false).figures });
  }

  // Named episodes inside the window.
  const calendarReturns = (r: Float64Array) => {
    const out = new Float64Array(n).fill(NaN);
    out[start] = 0;
    out.set(r, start + 1);
    return out;
  };
  const series = [
    { name: 'article', returns: calendarReturns(playbook.returns!) },
    ...benches.map((b) => ({ name: b.strategy.name, returns: calendarReturns(b.returns!) })),
  ];
  const spans = EPISODES.map((e) => resolveEpisode(e.id)).filter((s) => s.from > cal[start] && s.from <= cal[end]);
  const episodes = spans.length ? compareEpisodes({ calendar: cal, labels, returns: series, signals: [] }, spans).episodes.map(episodeTable) : [];

  const from = isoDay(cal[start]);
  const to = isoDay(cal[end]);
  const notes = [
    `Every figure: ${from} … ${to} (${m - 1} return days), under the one cost assumption stated at the top.`,
    'Sharpe differences: Ledoit & Wolf (2008) HAC test (delta method, Bartlett kernel, Newey–West lag), two-sided; the Sharpe ratios in the test use the moment estimator (sd over n), so they differ from the table in the fourth digit.',
    `SPA: Hansen (2005), playbook as the base, the ${benches.length} simple benchmarks as alternatives, daily excess returns, ${spa.reps} stationary-bootstrap resamples (expected block ${spa.blockLength.toFixed(1)} days, seed ${spaSeed}); consistent p-value, lower and upper bounds beside it. A small p says some benchmark beats the playbook. Run twice: on the returns as they are, and with each benchmark scaled to the playbook's volatility over the window (ex post, like M²), which compares risk-adjusted returns.`,
    `Deflated Sharpe of the difference: the playbook's daily return minus ${deflatedDifference.against}'s (the simple benchmark with the highest Sharpe), ${trials} trial${trials === 1 ? '' : 's'}, variance of trial Sharpes the skill-less 1/(T − 1).`,
  ];
  if (randomRegime)
    notes.push(
      `Random regime: the playbook on ${shuffles} block shuffles of the labels (same episodes, random order), shuffle i with seed ${seed} + i; p = (1 + #shuffles with a Sharpe at least the playbook's) / (N + 1).`,
    );
  return {
    assumptions: assumption,
    window: { from, to, days: m - 1 },
    playbook: { name: 'article', ...playbook.figures },
    benchmarks,
    randomRegime,
    spa,
    spaVolatilityMatched,
    deflatedDifference,
    sensitivity,
    episodes,
    notes,
  };
}

function episodeTable(e: EpisodeSummary): EpisodeTable {
  const total = e.quadrantDays.reduce((a, b) => a + b, 0);
  return {
    id: e.id,
    title: e.title,
    from: isoDay(e.from),
    to: isoDay(e.to),
    days: e.days,
    shares: e.quadrantDays.map((d) => (total > 0 ? d / total : NaN)),
    path: e.segments.map((s) => `${s.quadrant ? `Q${s.quadrant}` : 'unlabelled'} ${s.days}d`).join(' → '),
    rows: e.returns.map((r) => ({ name: r.name, total: r.total, maxDrawdown: r.maxDrawdown })),
  };
}
