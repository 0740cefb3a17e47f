import { describe, it, expect } from 'vitest';
import { bootstrapClaimResult } from '../../../engine/claims/bootstrap-result.ts';
import { claimWindows } from '../../../engine/claims/index.ts';
import { makeContext } from './make-context.ts';

describe('bootstrapClaimResult', () => {
  const ctx = makeContext({});
  const w = claimWindows(ctx).inSample!;
  const fields = { n: 3, episodes: 1, verdict: 'inconclusive' as const, thin: true, notes: ['a note'] };

  it('takes the estimate and interval from the bootstrap and the span from the first and last used day', () => {
    const r = bootstrapClaimResult(ctx, w, { estimate: 0.1, lower: -0.2, upper: 0.3 }, Float64Array.of(5, 6, 9), fields);
    expect(r).toEqual({ window: 'in-sample', statistic: 0.1, lower: -0.2, upper: 0.3, ...fields, from: ctx.calendar[5], to: ctx.calendar[9] });
  });

  it('has no span without used days', () => {
    const r = bootstrapClaimResult(ctx, w, { estimate: NaN, lower: NaN, upper: NaN }, new Float64Array(0), { ...fields, n: 0 });
    expect(r.from).toBeNaN();
    expect(r.to).toBeNaN();
  });
});
