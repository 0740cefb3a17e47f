import type { Panel } from '../../datasets/panel.ts';
import type { Market } from '../../engine/backtest/market.ts';
import type { BacktestResult } from '../../engine/backtest/result.ts';
import { ARTICLE_Q2_STEADY } from '../../strategies/article.ts';
import { compileStrategy, strategyLabels } from '../../strategies/compile.ts';
import type { StrategyExecution } from '../../strategies/cost-assumption.ts';
import type { Strategy } from '../../strategies/step.ts';
import { decodeWhatIf, encodeArray, replayWhatIf, type WhatIfData } from './what-if-replay.ts';

/** More target rows than this (a strategy whose weights move daily, such as risk parity) make no editable table. */
export const WHAT_IF_MAX_ROWS = 8;

/** The run a what-if panel starts from: the strategy, what it ran on, and its result (the original). */
export interface WhatIfSource {
  strategy: Strategy;
  market: Market;
  labels: Uint8Array;
  panel?: Panel;
  /** The rule the run used when it replaced the strategy's own (`--rebalance`). */
  rebalance?: string;
  /** The strategy execution (lag-2 included) the run used. */
  execution: StrategyExecution;
  /** The run's result: its window, resolved options and NAV (compared with the panel's replay). */
  result: Pick<BacktestResult, 'start' | 'end' | 'options' | 'nav'>;
}

/**
 * The data of a what-if panel for a run, or why there is none. The strategy is compiled again
 * on the run's market and labels (compileStrategy); its distinct target rows become the panel's
 * editable columns. Before the panel is offered, its own replay of the original settings
 * (replayWhatIf, the code the browser runs) must give the run's NAV to 1e-12, so the panel's
 * original curve is the report's.
 */
export function whatIfData(source: WhatIfSource): { data: WhatIfData } | { omitted: string } {
  const { strategy, market, result } = source;
  const R = market.roles.length;
  const n = market.calendar.length;
  const env = { market, labels: source.labels, panel: source.panel };
  const plan = compileStrategy(strategy, env, { rebalance: source.rebalance });
  const k = plan.rows.length / R;
  if (k === 0) return { omitted: `${strategy.name} never set a target` };
  if (k > WHAT_IF_MAX_ROWS)
    return { omitted: `${strategy.name} sets ${k} different targets (its weights move with the data), more than an editable table of ${WHAT_IF_MAX_ROWS}` };
  const o = result.options;
  if (typeof (o.costs.bps ?? 0) !== 'number') return { omitted: 'the run charges a different cost per role, and the panel edits one cost' };
  const labels = strategyLabels(strategy, env) ?? new Uint8Array(n);
  const a = Math.max(0, result.start - 2);
  const b = Math.min(n - 1, result.end + 1);
  const compiled = Array.from({ length: k }, (_, i) => Array.from(plan.rows.subarray(i * R, (i + 1) * R)));
  const named = rowNames(strategy, market, plan.index, labels, compiled, result.start, result.end);
  // Columns in quadrant order (compileStrategy numbers rows as they first occur); the index follows.
  const order = named.names.map((_, i) => i).sort((x, y) => (named.names[x] < named.names[y] ? -1 : 1));
  const position = new Int32Array(k);
  order.forEach((i, j) => (position[i] = j));
  const index = plan.index.map((i) => (i < 0 ? i : position[i]));
  const rows = order.map((i) => compiled[i]);
  const names = { names: order.map((i) => named.names[i]), shares: order.map((i) => named.shares[i]) };
  const data: WhatIfData = {
    schema: 'quadrant.what-if/1',
    strategy: strategy.name,
    roles: [...market.roles],
    days: encodeArray(market.calendar.slice(a, b + 1)),
    labels: encodeArray(labels.slice(a, b + 1)),
    returns: encodeArray(market.returns.slice(a * R, (b + 1) * R)),
    ...(source.execution === 'next-open' ? { overnight: encodeArray(market.overnight.slice(a * R, (b + 1) * R)) } : {}),
    cashReturns: encodeArray(market.cashReturns.slice(a, b + 1)),
    index: encodeArray(index.slice(a, b + 1)),
    rowNames: names.names,
    rowShares: names.shares,
    start: result.start - a,
    end: result.end - a,
    original: { rows, costBps: (o.costs.bps as number | undefined) ?? 0, rule: plan.rule },
    fixed: {
      execution: source.execution,
      slippageBps: o.costs.slippageBps ?? 0,
      impactBps: o.costs.impactBps,
      fixedPerTrade: o.costs.fixedPerTrade,
      initialCapital: o.costs.initialCapital,
      leverage: o.leverage,
      allowShorts: o.allowShorts,
      financingBps: o.financingBps,
    },
  };
  const check = replayWhatIf(decodeWhatIf(data), data.original).result.nav;
  const nav = result.nav;
  let worst = check.length === nav.length ? 0 : Infinity;
  for (let i = 0; i < nav.length && worst < Infinity; i++) worst = Math.max(worst, Math.abs(check[i] - nav[i]) / Math.max(1, Math.abs(nav[i])));
  if (!(worst <= 1e-12))
    return { omitted: `replaying ${strategy.name} on the data now read does not give the run's NAV (the data or the strategy changed since the run)` };
  return { data };
}

/**
 * Each target row's name: the quadrants it is held in over the run ("Q1", "Q1, Q3", "every
 * day" without labels), the article's two Q2 rows by risk appetite, other repeats lettered.
 */
function rowNames(
  strategy: Strategy,
  market: Market,
  index: Int32Array,
  labels: Uint8Array,
  rows: number[][],
  start: number,
  end: number,
): { names: string[]; shares: number[] } {
  const k = rows.length;
  const seen = rows.map(() => new Set<number>());
  const days = new Array<number>(k).fill(0);
  for (let t = start; t <= end; t++) {
    const i = index[t];
    if (i < 0) continue;
    days[i]++;
    if (labels[t] > 0) seen[i].add(labels[t]);
  }
  const steady = market.roles.map((role) => ARTICLE_Q2_STEADY[role] ?? 0);
  const names = seen.map((qs, i) => {
    const base =
      qs.size === 0 || qs.size === 4
        ? k === 1
          ? 'every day'
          : `row ${i + 1}`
        : [...qs]
            .sort()
            .map((q) => `Q${q}`)
            .join(', ');
    if (strategy.name === 'article' && base === 'Q2')
      return rows[i].every((w, c) => w === steady[c]) ? 'Q2, risk appetite steady' : 'Q2, risk appetite falling';
    return base;
  });
  const count = new Map<string, number>();
  for (const nm of names) count.set(nm, (count.get(nm) ?? 0) + 1);
  const letter = new Map<string, number>();
  const lettered = names.map((nm) => {
    if (count.get(nm)! < 2) return nm;
    const j = letter.get(nm) ?? 0;
    letter.set(nm, j + 1);
    return `${nm} (${String.fromCharCode(97 + j)})`;
  });
  const total = end - start + 1;
  return { names: lettered, shares: days.map((d) => d / total) };
}
