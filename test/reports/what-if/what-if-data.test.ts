/**
 * The what-if panel's data and replay in Node, against the path `quadrant run` takes
 * (runStrategy: compileStrategy, delayPlan, replay; resultMetrics): the panel's own route
 * (a window of the market, the original plan's index with edited rows merged where equal,
 * triggers recomputed on the window) must give the very same NAV and metrics bits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES as CATALOG_ROLES, type Role } from '../../../datasets/catalog.ts';
import { resultMetrics } from '../../../engine/backtest/result-metrics.ts';
import { articleStrategy } from '../../../strategies/article.ts';
import { riskParity } from '../../../strategies/benchmarks.ts';
import type { QuadrantTable } from '../../../strategies/quadrant-table.ts';
import { runStrategy } from '../../../strategies/run-strategy.ts';
import { whatIfData, type WhatIfSource } from '../../../reports/what-if/what-if-data.ts';
import { decodeWhatIf, encodeArray, mergeEqualRows, replayWhatIf, type WhatIfData } from '../../../reports/what-if/what-if-replay.ts';
import { makeMarket } from '../../engine/backtest/builders.ts';
import { SNAPSHOT } from '../../builders.ts';
import { openDataset } from '../../../datasets/open-dataset.ts';
import { buildRoles, tbillReturns } from '../../../datasets/roles.ts';
import { computeRegimes, resolveRegimeConfig } from '../../../engine/regimes/index.ts';
import { runPlaybook } from '../../../reports/sections/playbook-run.ts';
import { headlineFrom } from '../../../reports/sections/performance-section.ts';
import { whatIfBlocks } from '../../../reports/sections/what-if-section.ts';

const ROLES: Role[] = ['us_large', 'treasuries', 'gold', 'cash'];
const QS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
const RULES = ['regime+monthly', 'monthly', 'regime', 'weekly', 'month-end', 'quarterly+drift:0.05', 'never', 'change'];
const EXECUTIONS = ['next-close', 'next-open', 'lag-2', 'same-close'] as const;

const row = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: ROLES.length, maxLength: ROLES.length })
  .filter((xs) => xs.some((x) => x > 0))
  .map((xs) => {
    const s = xs.reduce((a, b) => a + b, 0);
    return xs.map((x) => x / s);
  });
const table = fc.tuple(row, row, row, row);
const asTable = (rows: number[][]): QuadrantTable =>
  Object.fromEntries(QS.map((q, i) => [q, Object.fromEntries(ROLES.map((r, k) => [r, rows[i][k]]).filter(([, w]) => w !== 0))])) as QuadrantTable;

const scenario = fc
  .record({
    n: fc.integer({ min: 40, max: 160 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    warmUp: fc.integer({ min: 0, max: 15 }),
    original: table,
    edited: table,
    // Make two edited rows equal: the panel must then trade as a table with one row for both.
    tie: fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))),
    rule: fc.constantFrom(...RULES),
    editedRule: fc.constantFrom(...RULES),
    execution: fc.constantFrom(...EXECUTIONS),
    bps: fc.integer({ min: 0, max: 40 }),
    editedBps: fc.integer({ min: 0, max: 40 }),
    from: fc.integer({ min: 0, max: 20 }),
    cut: fc.integer({ min: 0, max: 10 }),
  })
  .map((s) => {
    let x = s.seed;
    const rnd = () => ((x = (x * 16807) % 2147483647) - 1) / 2147483646;
    const returns = Array.from({ length: s.n }, () => ROLES.map((r) => (r === 'cash' ? 0.0001 : (rnd() - 0.5) * 0.04)));
    const overnight = returns.map((r) => r.map((v) => v * rnd()));
    const labels = new Uint8Array(s.n);
    let q = 1 + Math.floor(rnd() * 4);
    for (let t = s.warmUp; t < s.n; t++) {
      if (rnd() < 0.08) q = 1 + Math.floor(rnd() * 4);
      labels[t] = q;
    }
    return { ...s, returns, overnight, labels };
  });

describe('what-if data and replay', () => {
  it('carries typed arrays bit for bit through base64 (NaN, −0, subnormals, extremes)', () => {
    // Returns and T-bill accruals must be finite (a market refuses others); the overnight
    // returns carry the NaN (a day without an open).
    const xs = Float64Array.of(0.1, -0, -Number.MAX_VALUE, 5e-324, Number.MAX_VALUE, -1 / 3);
    const cash = Float64Array.of(-1 / 7, -0, 5e-324);
    const overnight = Float64Array.of(Number.NaN, -0, 1e-300, -Number.MIN_VALUE, Number.NaN, 2 / 3);
    const data = { days: encodeArray(Int32Array.of(-5, 0, 20000)), labels: encodeArray(Uint8Array.of(0, 4, 2)), returns: encodeArray(xs) };
    const decoded = decodeWhatIf({
      ...data,
      roles: ['cash', 'gold'],
      cashReturns: encodeArray(cash),
      overnight: encodeArray(overnight),
      index: encodeArray(Int32Array.of(-1, 0, 1)),
    } as unknown as WhatIfData);
    const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(decoded.market.returns).equals(bytes(xs))).toBe(true);
    expect(bytes(decoded.market.cashReturns).equals(bytes(cash))).toBe(true);
    expect(bytes(decoded.market.overnight).equals(bytes(overnight))).toBe(true);
    expect([...decoded.market.calendar]).toEqual([-5, 0, 20000]);
    expect([...decoded.labels]).toEqual([0, 4, 2]);
    expect([...decoded.index]).toEqual([-1, 0, 1]);
  });

  it('merges rows an edit made equal and maps the index onto the first of them (worked by hand)', () => {
    const merged = mergeEqualRows(
      [
        [0.5, 0.5],
        [1, 0],
        [0.5, 0.5],
      ],
      Int32Array.of(-1, 0, 1, 2, 2, 1),
    );
    expect([...merged.rows]).toEqual([0.5, 0.5, 1, 0]);
    expect([...merged.index]).toEqual([-1, 0, 1, 0, 0, 1]);
  });

  it('replays the original and any edit exactly as runStrategy does (window, delay, triggers, merged rows)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const market = makeMarket(s.returns, ROLES, s.overnight);
        const start = Math.min(s.from, s.n - 3);
        const end = s.n - 1 - Math.min(s.cut, s.n - start - 3);
        const env = { market, labels: s.labels };
        const options = { start, end, execution: s.execution, costs: { bps: s.bps } };
        const original = runStrategy(articleStrategy(asTable(s.original), s.rule), env, options);
        const source: WhatIfSource = {
          strategy: articleStrategy(asTable(s.original), s.rule),
          market,
          labels: s.labels,
          execution: s.execution,
          result: original,
        };
        const made = whatIfData(source);
        expect('data' in made).toBe(true);
        if (!('data' in made)) return;
        const data = made.data;
        // Only quadrants the run held are columns; the rest of the edited table cannot matter to the panel.
        fc.pre(data.rowNames.every((nm) => /^Q[1-4]$/.test(nm)));
        const inputs = decodeWhatIf(data);
        const again = replayWhatIf(inputs, data.original);
        expect(again.result.nav).toEqual(original.nav);
        expect(again.metrics.sharpe).toBe(resultMetrics(original, market).overall.sharpe);

        const edited = s.edited.map((r) => r.slice());
        if (s.tie) edited[s.tie[0]] = edited[s.tie[1]].slice();
        const held = new Set(data.rowNames);
        const full = edited.map((r, i) => (held.has(QS[i]) ? r : s.original[i]));
        const settings = { rows: data.rowNames.map((nm) => full[QS.indexOf(nm as (typeof QS)[number])]), costBps: s.editedBps, rule: s.editedRule };
        const cli = runStrategy(articleStrategy(asTable(full), s.editedRule), env, { ...options, costs: { bps: s.editedBps } });
        const panel = replayWhatIf(inputs, settings);
        expect(panel.result.nav).toEqual(cli.nav);
        expect(panel.result.totalTurnover).toBe(cli.totalTurnover);
        const m = resultMetrics(cli, market).overall;
        expect([panel.metrics.sharpe, panel.metrics.cagr, panel.metrics.maxDrawdown, panel.metrics.turnover]).toEqual([
          m.sharpe,
          m.cagr,
          m.maxDrawdown,
          m.turnover,
        ]);
      }),
      { numRuns: 150 },
    );
  });

  it("offers no panel when its replay does not give the run's NAV, or when the weights move with the data", () => {
    const returns = Array.from({ length: 120 }, (_, t) => ROLES.map((r, k) => (r === 'cash' ? 0.0001 : Math.sin(t * (k + 1)) * 0.01)));
    const market = makeMarket(returns, ROLES);
    const labels = new Uint8Array(120).fill(1);
    const strategy = articleStrategy(asTable([ROLES.map(() => 0.25), ROLES.map(() => 0.25), ROLES.map(() => 0.25), ROLES.map(() => 0.25)]));
    const result = runStrategy(strategy, { market, labels }, { costs: { bps: 5 } });
    expect('data' in whatIfData({ strategy, market, labels, execution: 'next-close', result })).toBe(true);
    const nav = result.nav.slice();
    nav[60] *= 1 + 1e-9; // a run whose NAV is not this replay's (e.g. the data changed since)
    const changed = whatIfData({ strategy, market, labels, execution: 'next-close', result: { ...result, nav } });
    expect(changed).toEqual({ omitted: expect.stringContaining("does not give the run's NAV") });
    // Risk parity's weights move with volatility: a new target row nearly every month.
    const all = [...CATALOG_ROLES];
    const wide = makeMarket(
      Array.from({ length: 400 }, (_, t) => all.map((r, k) => (r === 'cash' ? 0.0001 : Math.sin(t * (k + 1)) * 0.01 * (1 + (t % 7))))),
      all,
    );
    const rp = riskParity();
    const moving = whatIfData({
      strategy: rp,
      market: wide,
      labels: new Uint8Array(400),
      execution: 'next-close',
      result: runStrategy(rp, { market: wide }, { costs: { bps: 5 } }),
    });
    expect(moving).toEqual({ omitted: expect.stringContaining('different targets') });
  });

  it("gives validate's report the panel of its playbook run, whose original replay is the report's headline Sharpe (real snapshot)", async () => {
    const { panel } = await openDataset(SNAPSHOT);
    const roles = buildRoles(panel);
    const { labels } = computeRegimes(panel, resolveRegimeConfig('article'));
    const run = runPlaybook(panel, roles, labels);
    const block = whatIfBlocks(run.whatIf).find((b) => b.kind === 'what-if');
    expect(block?.kind).toBe('what-if');
    if (block?.kind !== 'what-if') return;
    expect(block.data.rowNames).toEqual(['Q1', 'Q2, risk appetite falling', 'Q2, risk appetite steady', 'Q3', 'Q4']);
    const headline = headlineFrom({ calendar: panel.calendar, portfolios: run.portfolios, riskFree: tbillReturns(panel), from: run.start, to: run.end });
    const sharpe = headline.portfolios[0].values[headline.metrics.findIndex((m) => m.key === 'sharpe')] as number;
    const replayed = replayWhatIf(decodeWhatIf(JSON.parse(JSON.stringify(block.data)) as WhatIfData), block.data.original).metrics.sharpe;
    expect(Math.abs(replayed - sharpe)).toBeLessThanOrEqual(1e-9);
    expect(sharpe).toBeGreaterThan(0.3); // the README's 0.37 on this snapshot
  });
});
