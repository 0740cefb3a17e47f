/**
 * Statistics and metrics timings on realistic sizes: 6,000 trading days is about 24 years of a
 * daily backtest. Inputs come from the seeded generator, so every run times the same work.
 */
import type { Benchmark } from './harness.ts';
import { medianMs } from './harness.ts';
import { makeRng } from '../engine/random.ts';
import { computeMetrics } from '../engine/metrics/index.ts';
import { mean, pbo, stationaryBootstrap } from '../engine/stats/index.ts';

const DAYS = 6000;

/** Gaussian daily returns with mean mu and sd sigma, AR(1) coefficient phi. */
function returns(seed: number, n: number, mu: number, sigma: number, phi = 0): Float64Array {
  const rng = makeRng(seed);
  const out = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    prev = phi * prev + z * Math.sqrt(1 - phi * phi);
    out[i] = mu + sigma * prev;
  }
  return out;
}

function metricsInput() {
  const r = returns(1, DAYS, 0.0004, 0.01);
  const b = returns(2, DAYS, 0.0003, 0.012);
  const nav = new Float64Array(DAYS);
  const days = new Int32Array(DAYS);
  const riskFree = new Float64Array(DAYS).fill(0.00008);
  nav[0] = 100;
  days[0] = 10_000;
  for (let i = 1; i < DAYS; i++) {
    nav[i] = nav[i - 1] * (1 + r[i]);
    days[i] = days[i - 1] + (i % 5 === 0 ? 3 : 1);
  }
  return { nav, days, riskFree, benchmark: b, turnover: 40, costs: 0.02 };
}

const benchmarks: Benchmark[] = [
  {
    name: 'stats: computeMetrics, 6,000 days',
    unit: 'ms',
    target: 1,
    run: async () => {
      const input = metricsInput();
      const batch = 200;
      let sink = 0;
      const ms = await medianMs(
        () => {
          for (let k = 0; k < batch; k++) sink += computeMetrics(input).sharpe;
        },
        7,
        2,
      );
      // Baseline: one bare pass computing the daily returns' sum.
      const bare = await medianMs(
        () => {
          for (let k = 0; k < batch; k++) {
            let s = 0;
            for (let i = 1; i < DAYS; i++) s += input.nav[i] / input.nav[i - 1] - 1;
            sink += s;
          }
        },
        7,
        2,
      );
      return { value: ms / batch, context: { bareReturnPassMs: bare / batch, sink: Number.isFinite(sink) ? 'ok' : 'nan' } };
    },
  },
  {
    name: 'stats: stationary bootstrap, 1,000 reps of a 6,000-day mean',
    unit: 'ms',
    target: 200,
    run: async () => {
      const x = returns(3, DAYS, 0.0003, 0.01, 0.3);
      let blockLength = 0;
      const ms = await medianMs(
        () => {
          blockLength = stationaryBootstrap(x, mean, { reps: 1000, seed: 11 }).blockLength;
        },
        5,
        1,
      );
      return { value: ms, context: { blockLength } };
    },
  },
  {
    name: 'stats: pbo, 50 configurations x 6,000 days, S = 16',
    unit: 'ms',
    target: 500,
    run: async () => {
      const configs = Array.from({ length: 50 }, (_, j) => returns(100 + j, DAYS, 0.0002, 0.01));
      let value = 0;
      const ms = await medianMs(
        () => {
          value = pbo(configs).pbo;
        },
        3,
        1,
      );
      return { value: ms, context: { pbo: value, combinations: 12870 } };
    },
  },
];

export default benchmarks;
