import { describe, it, expect } from 'vitest';
import { dayParts } from '../../../datasets/day.ts';
import { deflatedSharpe } from '../../../engine/stats/deflated-sharpe.ts';
import { kurtosis } from '../../../engine/stats/kurtosis.ts';
import { pbo } from '../../../engine/stats/pbo.ts';
import { skewness } from '../../../engine/stats/skewness.ts';
import { parseGrid, replayRows, runJobs, runRobustness, summariseRows, summaryLayout } from '../../../strategies/robustness/index.ts';
import { autoPartitions } from '../../../strategies/robustness/overfitting.ts';
import { configJob, jobsInput, referenceJobs, setupRobustness } from '../../../strategies/robustness/run-robustness.ts';
import { SHORT_WINDOWS, syntheticWorld } from './synthetic-inputs.ts';

// The independent reference: the statistics computed from every configuration's full row of
// daily excess returns, as Quadrant computed them before rows were summarised (two-pass
// Sharpes, engine/stats pbo on the series, the walk-forward's yearly sums taken from the rows).
// Same formulas, same summation order: the summarised run must agree to the last bit.

function fullRowSharpe(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let q = 0;
  for (let i = 0; i < x.length; i++) q += (x[i] - mean) ** 2;
  const sd = Math.sqrt(q / (x.length - 1));
  return sd > 0 ? mean / sd : NaN;
}

function fullRowDeflated(rows: Float64Array[], T: number) {
  const sr = rows.map(fullRowSharpe);
  let best = -1;
  const finite = sr.filter((s) => Number.isFinite(s));
  sr.forEach((s, j) => {
    if (Number.isFinite(s) && (best < 0 || s > sr[best])) best = j;
  });
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  let q = 0;
  for (const s of finite) q += (s - mean) ** 2;
  const sharpeVariance = Math.max(q / (finite.length - 1), 1 / (T - 1));
  const skew = skewness(rows[best]);
  const kurt = kurtosis(rows[best]);
  const d = deflatedSharpe({ sharpe: sr[best], trials: rows.length, n: T, skew, kurtosis: kurt, sharpeVariance });
  return { config: best, perPeriodSharpe: sr[best], probability: d.dsr, psr: d.psr, skew, kurtosis: kurt, sharpeVariance };
}

function fullRowPbo(rows: Float64Array[], T: number) {
  let S = autoPartitions(rows.length);
  while (S > 2 && (S / 2) * Math.floor(T / S) < 2) S -= 2;
  const res = pbo(rows, { partitions: S });
  const sorted = Float64Array.from(res.logits).sort();
  const h = sorted.length >> 1;
  return { probability: res.pbo, partitions: res.partitions, medianLogit: sorted.length % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2 };
}

/** The walk-forward's choices from full rows: running Σx and Σx² over each year's columns. */
function fullRowWalkForward(rows: Float64Array[], reference: Float64Array, days: Int32Array, rf: Float64Array, minHistoryYears: number) {
  const T = days.length - 1;
  const yearOf = (i: number) => dayParts(days[i + 1]).year;
  const starts: number[] = [];
  for (let i = 0; i < T; i++) if (i === 0 || yearOf(i) !== yearOf(i - 1)) starts.push(i);
  starts.push(T);
  const s1 = new Float64Array(rows.length);
  const s2 = new Float64Array(rows.length);
  const compound = (x: Float64Array, from: number) => x.reduce((g, v, i) => g * (1 + v + rf[from + i]), 1) - 1;
  const years: { year: number; chosen: number; inSampleSharpe: number; days: number; return: number; referenceReturn: number; sharpe: number }[] = [];
  let seen = 0;
  for (let y = 0; y + 1 < starts.length; y++) {
    const [from, to] = [starts[y], starts[y + 1]];
    if (seen >= minHistoryYears * 252 && seen >= 2) {
      let best = -1;
      let bestSr = -Infinity;
      rows.forEach((_, j) => {
        const mean = s1[j] / seen;
        const v = (s2[j] - seen * mean * mean) / (seen - 1);
        const sr = v > 0 ? mean / Math.sqrt(v) : NaN;
        if (sr > bestSr) [best, bestSr] = [j, sr];
      });
      const row = rows[best].subarray(from, to);
      years.push({
        year: yearOf(from),
        chosen: best,
        inSampleSharpe: bestSr * Math.sqrt(252),
        days: to - from,
        return: compound(row, from),
        referenceReturn: compound(reference.subarray(from, to), from),
        sharpe: fullRowSharpe(row) * Math.sqrt(252),
      });
    }
    rows.forEach((x, j) => {
      let a = 0;
      let b = 0;
      for (let i = from; i < to; i++) {
        a += x[i];
        b += x[i] * x[i];
      }
      s1[j] += a;
      s2[j] += b;
    });
    seen += to - from;
  }
  return years;
}

describe('row summaries on a small grid (synthetic world)', () => {
  const { panel, roles } = syntheticWorld(11, 1400);
  const grid = parseGrid({
    base: SHORT_WINDOWS,
    regimes: { 'stability.confirmDays': [1, 3, 5], 'windows.balanceSheetWeeks': [2, 4] },
    rebalance: ['regime+monthly', 'regime', 'monthly'],
    costBps: [5, 20],
  });
  const options = { grid, permutations: 0, workers: 0, minHistoryYears: 1 };

  it('the deflated Sharpe, PBO and walk-forward equal the full-row computation bit for bit', async () => {
    const result = await runRobustness(panel, roles, options);
    const setup = setupRobustness(panel, roles, options);
    const { K, T, start, end } = setup;
    expect(K).toBe(36);
    const rowOf = replayRows(jobsInput(setup, [...setup.configs.map(configJob), referenceJobs(setup)[0]], 0));
    const rows = Array.from({ length: K }, (_, j) => rowOf(j));

    const dsr = fullRowDeflated(rows, T);
    expect(result.deflatedSharpe).toMatchObject(dsr);

    const p = fullRowPbo(rows, T);
    expect(result.pbo).toMatchObject({ ...p, splits: 12_870, configs: K });

    const days = panel.calendar.slice(start, end + 1);
    const rf = setup.market.cashReturns.slice(start + 1, end + 1);
    const years = fullRowWalkForward(rows, rowOf(K), days, rf, 1);
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(result.walkForward!.years.map(({ referenceSharpe: _, ...y }) => y)).toEqual(years);
    // The stitched path compounds the chosen rows' years, day by day.
    const stitched = years.reduce((g, y) => {
      const from = days.findIndex((_, i) => i < T && dayParts(days[i + 1]).year === y.year);
      return rows[y.chosen].subarray(from, from + y.days).reduce((h, v, i) => Math.max(0, h * (1 + v + rf[from + i])), g);
    }, 1);
    expect(result.walkForward!.stitched.totalReturn).toBe(stitched - 1);
  });

  it("a batch's summaries are summariseRows of the rows its replays make, on worker threads too", async () => {
    const setup = setupRobustness(panel, roles, options);
    const jobs = setup.configs.map(configJob);
    const rowOf = replayRows(jobsInput(setup, jobs, 0));
    const full = new Float64Array(setup.K * setup.T);
    for (let j = 0; j < setup.K; j++) full.set(rowOf(j), j * setup.T);
    const want = summariseRows(full, setup.K, setup.layout);
    for (const workers of [0, 2]) {
      const out = await runJobs(jobsInput(setup, jobs, setup.K), { workers });
      expect(out.summaries).toEqual(want);
    }
    // 2 + 2S + 2Y doubles a configuration: 16 blocks (36 configurations) and the window's years.
    expect(setup.layout.width).toBe(2 + 2 * 16 + 2 * (setup.layout.yearStart.length - 1));
  }, 60_000);

  it('summariseRow by hand: Sharpe, mean, block and year sums of a 6-day row', () => {
    // Blocks [0, 3) and [3, 6); years [0, 2) and [2, 6).
    const layout = summaryLayout(6, Int32Array.of(0, 3, 6), Int32Array.of(0, 2, 6));
    const x = Float64Array.of(0.01, 0.03, -0.02, 0.02, 0, 0.02);
    const s = summariseRows(x, 1, layout);
    // Mean 0.01; deviations 0, .02, −.03, .01, −.01, .01; Σd² = .0016; sd = √(.0016/5) = .017889.
    expect(Array.from(s.subarray(0, 2)).map((v) => +v.toPrecision(12))).toEqual([+(0.01 / Math.sqrt(0.0016 / 5)).toPrecision(12), 0.01]);
    // Block sums of deviations: −.01, .01; squares .0013, .0003. Years: Σx .04, .02; Σx² .001, .0012.
    expect(Array.from(s.subarray(2)).map((v) => +v.toPrecision(12))).toEqual([-0.01, 0.01, 0.0013, 0.0003, 0.04, 0.02, 0.001, 0.0012]);
    expect(summariseRows(new Float64Array(6).fill(0.001), 1, layout)[0]).toBeNaN();
  });
});
