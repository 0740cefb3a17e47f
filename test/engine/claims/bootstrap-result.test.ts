import { describe, it, expect } from 'vitest';
import { historyClaimResult, standInsOn } from '../../../engine/claims/index.ts';
import { claimWindows } from '../../../engine/claims/index.ts';
import { makeContext } from './make-context.ts';

describe('historyClaimResult', () => {
  const ctx = makeContext({ reps: 10, standIn: { commodities: (_d, t) => t >= 100 && t < 110 } });
  const w = claimWindows(ctx).inSample!;
  const idx = Float64Array.of(5, 6, 7, 105, 106, 200);
  const base = { n: 6, episodes: 0, fragments: 3, thin: true, notes: [], sample: 'six days', standIns: standInsOn(ctx, ['us_large', 'commodities'], idx) };

  it('takes p from the replicates, MDE from the standard error, the verdict from p and sign, the span from the first and last used day', () => {
    // 999 replicates above 0, none below: p = 2/1000 (by hand); MDE = 2.8015852 × 0.01.
    const jb = {
      estimate: 0.05,
      lower: 0.01,
      upper: 0.09,
      standardError: 0.01,
      replicates: Float64Array.from({ length: 999 }, (_, i) => 0.01 + i * 8e-5),
      test: 't',
    };
    const r = historyClaimResult(ctx, w, 'positive', jb, idx, base);
    expect(r.pValue).toBeCloseTo(2 / 1000, 12);
    expect(r.mde).toBeCloseTo(0.028015852, 8);
    expect(r.verdict).toBe('supported');
    expect(r.pHolm).toBeNaN();
    expect(r.from).toBe(ctx.calendar[5]);
    expect(r.to).toBe(ctx.calendar[200]);
    expect(historyClaimResult(ctx, w, 'negative', jb, idx, base).verdict).toBe('contradicted');
    // Replicates that never vary carry no information: no p-value, no verdict from them.
    const flat = historyClaimResult(ctx, w, 'positive', { ...jb, replicates: new Float64Array(999).fill(0.05) }, idx, base);
    expect(flat.pValue).toBeNaN();
    expect(flat.verdict).toBe('inconclusive');
  });

  it('says which roles were stand-ins, on how many of the days', () => {
    const r = historyClaimResult(
      ctx,
      w,
      'positive',
      { estimate: 0, lower: NaN, upper: NaN, standardError: NaN, replicates: new Float64Array(0), test: 'none' },
      idx,
      base,
    );
    expect(r.standIns).toEqual([{ role: 'commodities', days: 2, of: 6, from: ctx.calendar[105], to: ctx.calendar[106] }]);
    expect(r.notes.join(' ')).toMatch(/stand-in: commodities held as T-bills \(no instrument priced\) on 2 of 6 days/);
    expect(r.verdict).toBe('inconclusive');
  });

  it('is untestable, with no p-value, when the condition held on no day', () => {
    const r = historyClaimResult(
      ctx,
      w,
      'positive',
      { estimate: NaN, lower: NaN, upper: NaN, standardError: NaN, replicates: new Float64Array(0), test: 'none' },
      new Float64Array(0),
      { ...base, n: 0, untestable: true },
    );
    expect(r.verdict).toBe('untestable');
    expect(r.pValue).toBeNaN();
    expect(r.from).toBeNaN();
  });
});
