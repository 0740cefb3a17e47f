import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runScorecard, CLAIMS } from '../../../engine/claims/index.ts';
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
      for (const r of [row.inSample, row.outOfSample]) if (r) expect(['supported', 'contradicted', 'inconclusive']).toContain(r.verdict);
    }
    expect(CLAIMS.every((c) => c.rule.length > 20 && c.statistic.length > 10)).toBe(true);
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
        const ctx = makeContext({ label: cycle, reps: 40, riskAversion: (_d, t) => 15 + Math.sin(t / 7), netLiquidity: (_d, t) => 5e6 + 1e5 * Math.sin(t / 13) });
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
