import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runScorecard, summariseVerdicts, CLAIMS, VERDICTS } from '../../../engine/claims/index.ts';
import { pAdjust } from '../../../engine/stats/p-adjust.ts';
import { ConfigError } from '../../../datasets/errors.ts';
import { makeContext } from './make-context.ts';

const cycle = (t: number) => 1 + (Math.floor(t / 30) % 4);

describe('runScorecard', () => {
  it('scores history claims on both sides and forecasts only after the article', () => {
    const ctx = makeContext({ label: cycle, reps: 50, riskAversion: (_d, t) => 15 + Math.sin(t / 7) });
    const rows = runScorecard(ctx);
    expect(rows.map((r) => r.claim.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10']);
    for (const row of rows) {
      expect(row.outOfSample?.window).toBe('out-of-sample');
      if (row.claim.kind === 'history') expect(row.inSample?.window).toBe('in-sample');
      else expect(row.inSample).toBeUndefined();
      for (const r of [row.inSample, row.outOfSample]) if (r) expect(VERDICTS).toContain(r.verdict);
    }
    expect(CLAIMS.every((c) => c.rule.length > 20 && c.statistic.length > 10)).toBe(true);
  });

  it("adjusts the history claims' p-values per sample (Holm decides, BH shown) and re-decides the verdicts on Holm", () => {
    // Strong Q1 rally and Q4 slump: several claims significant, so the adjustment matters.
    const ctx = makeContext({
      label: cycle,
      reps: 600,
      drift: (_r, _i, q) => (q === 1 ? 0.004 : q === 4 ? -0.003 : 0),
      riskAversion: (_d, t) => 15 + Math.sin(t / 7),
    });
    const rows = runScorecard(ctx);
    for (const side of ['inSample', 'outOfSample'] as const) {
      const tested = rows.filter((r) => r.claim.kind === 'history' && r[side] && Number.isFinite(r[side]!.pValue));
      const raw = tested.map((r) => r[side]!.pValue);
      // An independent recomputation of the family's adjustment (engine/stats pAdjust is itself checked against R in test/engine/stats).
      const holm = pAdjust(raw, 'holm');
      const bh = pAdjust(raw, 'bh');
      tested.forEach((r, k) => {
        const res = r[side]!;
        expect(res.pHolm).toBeCloseTo(holm[k], 12);
        expect(res.pBH).toBeCloseTo(bh[k], 12);
        expect(res.pHolm).toBeGreaterThanOrEqual(res.pValue);
        const wanted = r.claim.predicted === 'negative' ? -1 : 1;
        const expected = res.pHolm < 0.05 ? (res.sign === wanted ? 'supported' : 'contradicted') : 'inconclusive';
        expect(res.verdict).toBe(expected);
      });
      // Forecasts are not in the family.
      for (const r of rows.filter((x) => x.claim.kind === 'forecast')) expect(r.outOfSample!.pHolm).toBeNaN();
    }
    expect(rows[0].inSample!.verdict).toBe('supported');
    expect(rows[4].inSample!.verdict).toBe('supported');
    const summary = summariseVerdicts(rows);
    expect(Object.keys(summary['in-sample'])).toEqual([...VERDICTS]);
    expect(VERDICTS.reduce((s, v) => s + summary['in-sample'][v], 0)).toBe(7);
    expect(VERDICTS.reduce((s, v) => s + summary['out-of-sample'][v], 0)).toBe(10);
  });

  it('the episode bootstrap resamples whole runs: same estimate, a different (wider on persistent data) interval', () => {
    const drift = (_r: string, i: number) => 0.004 * Math.sin(i / 15); // slow swings: days within a run are dependent
    const a = makeContext({ label: cycle, reps: 300, drift });
    const b = makeContext({ label: cycle, reps: 300, drift, bootstrap: 'episode' });
    const [ra] = runScorecard(a, { only: ['C1'] });
    const [rb] = runScorecard(b, { only: ['C1'] });
    expect(rb.inSample!.statistic).toBeCloseTo(ra.inSample!.statistic, 12);
    expect(rb.inSample!.test).toMatch(/^episode bootstrap: \d+ whole runs/);
    expect(rb.inSample!.upper - rb.inSample!.lower).not.toBeCloseTo(ra.inSample!.upper - ra.inSample!.lower, 6);
    // Out of sample Q1 is one run: too few episodes to resample, so no interval and no p-value (not a false "supported").
    const one = makeContext({ label: (t) => (t > 560 && t <= 600 ? 1 : 2), reps: 200, bootstrap: 'episode' });
    const [r1] = runScorecard(one, { only: ['C1'] });
    expect(r1.outOfSample!.pValue).toBeNaN();
    expect(r1.outOfSample!.test).toMatch(/no episode bootstrap: a group has 1 run/);
    expect(r1.outOfSample!.verdict).toBe('inconclusive');
  });

  it("poisoned future: C6's sample start (first close with reserves ≥ $3T) is found in the window only", () => {
    // Reserves below $3T up to the article: in sample the line was never crossed, whatever comes later.
    const before = makeContext({ reps: 40, macro: { WRESBAL: () => 2_900_000 } });
    const after = makeContext({ reps: 40, macro: { WRESBAL: (_d, t) => (t > before.articleIndex + 5 ? 3_100_000 : 2_900_000) } });
    const a = runScorecard(before, { only: ['C6'] })[0].inSample!;
    const b = runScorecard(after, { only: ['C6'] })[0].inSample!;
    expect(b).toEqual(a);
    expect(a.verdict).toBe('untestable');
  });

  it('rejects an unknown claim id with a ConfigError naming the field', () => {
    const ctx = makeContext({ reps: 10 });
    expect(() => runScorecard(ctx, { only: ['C11'] })).toThrow(ConfigError);
    expect(runScorecard(ctx, { only: ['c9'] }).map((r) => r.claim.id)).toEqual(['C9']);
  });

  it('poisoned future: changing every datum after the article leaves each in-sample result unchanged', () => {
    const base = makeContext({ label: cycle, reps: 40, riskAversion: (_d, t) => 15 + Math.sin(t / 7), netLiquidity: (_d, t) => 5e6 + 1e5 * Math.sin(t / 13) });
    const history = CLAIMS.filter((c) => c.kind === 'history').map((c) => c.id);
    const before = runScorecard(base, { only: history }).map((r) => r.inSample);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -0.2, max: 0.2, noNaN: true }), (seed, shock) => {
        const ctx = makeContext({
          label: cycle,
          reps: 40,
          riskAversion: (_d, t) => 15 + Math.sin(t / 7),
          netLiquidity: (_d, t) => 5e6 + 1e5 * Math.sin(t / 13),
        });
        const a = ctx.articleIndex;
        const n = ctx.calendar.length;
        for (let t = a + 1; t < n; t++) {
          const k = (seed * (t + 1)) % 97;
          for (const r of Object.values(ctx.roles)) r[t] = shock * (k / 97);
          ctx.labels[t] = 1 + (k % 4);
          ctx.macro.WRESBAL[t] = k % 2 ? 1e6 : 5e6;
          ctx.netLiquidity[t] = k * 1e5;
          ctx.riskAversion!.values[t] = k;
        }
        // The label AT the article's close only decides the first out-of-sample return.
        ctx.labels[a] = 1 + ((ctx.labels[a] + seed) % 4);
        const after = runScorecard(ctx, { only: history }).map((r) => r.inSample);
        expect(after).toEqual(before);
      }),
      { numRuns: 8 },
    );
  });
});
