import { describe, expect, it } from 'vitest';
import { benchmarkAnswer, type AnswerPortfolio } from '../../../reports/sections/benchmark-answer.ts';

// A fixed pseudo-random daily series (Park-Miller LCG mapped to ±1%), so the test needs no seed handling.
function noise(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    out[i] = (s / 2147483647 - 0.5) * 0.02;
  }
  return out;
}
const n = 2000;
const market = noise(n, 7);
const shifted = (by: number, seed: number) => market.map((x, i) => x + by + noise(n, seed)[i] * 0.1);
const p = (label: string, excess: Float64Array, sharpe: number): AnswerPortfolio => ({ label, excess, sharpe, cagr: 0.05 });

describe('benchmarkAnswer', () => {
  it('says Yes only when every difference is positive and significant', () => {
    // 10 bp a day more than the market with little extra noise: a Sharpe ratio far above it (z in the tens).
    const a = benchmarkAnswer(p('mine', shifted(0.001, 3), 2), [p('us-large', market, 0.1), p('60-40', shifted(0, 5), 0.1)], '2020 to 2027')!;
    expect(a.text).toMatch(
      /^Yes: mine's Sharpe ratio, 2\.00, is significantly above every simple benchmark's: us-large 0\.10 \(p < 0\.001\), 60-40 0\.10 \(p < 0\.001\)\./,
    );
    expect(a.text).toContain('Ledoit-Wolf HAC test of the Sharpe difference');
    expect(a.tests.every((t) => t.difference > 0)).toBe(true);
  });

  it('says No when one benchmark is significantly better, naming it', () => {
    const a = benchmarkAnswer(p('mine', market, 0.1), [p('us-large', shifted(0.001, 3), 2), p('60-40', shifted(0, 5), 0.1)], 'x')!;
    expect(a.text).toMatch(/^No: mine's Sharpe ratio, 0\.10, is significantly below us-large's: /);
    expect(a.tests[0].difference).toBeLessThan(0);
  });

  it('says Not demonstrably when no difference is significant, and leaves out benchmarks with too few shared days', () => {
    const short = new Float64Array(n).fill(NaN);
    short.set([0.01, -0.01, 0.02], 0);
    const a = benchmarkAnswer(p('mine', shifted(0, 3), 0.1), [p('us-large', shifted(0, 5), 0.1), p('tiny', short, 0.3)], 'x')!;
    expect(a.tests.map((t) => t.label)).toEqual(['us-large']);
    expect(a.tests[0].pValue).toBeGreaterThan(0.05);
    expect(a.text).toMatch(/^Not demonstrably: .*no difference is significant at 5%\./);
  });
});

describe('analysisAnswer', () => {
  it("answers from validate's benchmark analysis, naming both tests and the cost assumption", async () => {
    const { analysisAnswer } = await import('../../../reports/sections/analysis-answer.ts');
    const figures = { volatility: 0.1, maxDrawdown: 0.2 };
    const test = (difference: number, pValue: number) => ({ difference, se: 0.1, z: difference / 0.1, pValue, lags: 9 });
    const analysis = {
      assumptions: { costBps: 5, execution: 'next-close' },
      window: { from: '2007-04-26', to: '2026-09-14', days: 4877 },
      playbook: { name: 'article', sharpe: 0.36, cagr: 0.062, ...figures },
      benchmarks: [
        { name: 'us-large', description: '', sharpe: 0.54, cagr: 0.108, ...figures, test: test(-0.18, 0.17) },
        { name: '60-40', description: '', sharpe: 0.62, cagr: 0.081, ...figures, test: test(-0.26, 0.03) },
      ],
      spa: { pValue: 0.91, pLower: 0.8, pUpper: 0.95, statistic: 0, best: 'us-large', reps: 1000, seed: 1, blockLength: 10, hypothesis: '' },
    } as unknown as Parameters<typeof analysisAnswer>[0];
    expect(analysisAnswer(analysis)).toBe(
      "No: article's Sharpe ratio, 0.36, is significantly below 60-40's: us-large 0.54 (p = 0.17), 60-40 0.62 (p = 0.03). It earned 6.2% a year against 10.8% for us-large, 8.1% for 60-40. (Ledoit-Wolf HAC test of each Sharpe difference, two-sided; Hansen's SPA test of the null that no benchmark beats it, p = 0.910; 2007-04-26 to 2026-09-14, 5 bps, next-close.)",
    );
    // With the random-regime control: its count and p, (1 + 77) / (200 + 1) = 0.388, and what they say.
    const control = { shuffles: 200, seed: 1, atLeast: 77, pValue: 78 / 201 };
    expect(analysisAnswer({ ...analysis, randomRegime: control } as typeof analysis)).toMatch(
      / On its own labels shuffled in blocks, 77 of 200 shuffles reach its Sharpe ratio \(p = 0\.388\): its regime timing is not shown to beat chance\.$/,
    );
    expect(analysisAnswer({ ...analysis, randomRegime: { ...control, atLeast: 4, pValue: 5 / 201 } } as typeof analysis)).toMatch(
      /4 of 200 shuffles reach its Sharpe ratio \(p = 0\.0249\): its regime timing beats chance at 5%\.$/,
    );
    // 9 of 200: p = 10 / 201 = 0.04975, below 5%, and written so (two digits would say 0.05).
    expect(analysisAnswer({ ...analysis, randomRegime: { ...control, atLeast: 9, pValue: 10 / 201 } } as typeof analysis)).toMatch(
      /\(p = 0\.0498\): its regime timing beats chance at 5%\.$/,
    );
  });
});
