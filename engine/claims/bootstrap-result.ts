import type { JointInterval } from './joint-bootstrap.ts';
import type { ClaimContext, ClaimResult, ClaimWindow, Verdict } from './types.ts';

/**
 * A history claim's result from its joint bootstrap: the estimate and interval from `jb`, the
 * data span from the first and last of `indices` (the window's used days, calendar indices; NaN
 * when there are none), the rest as given.
 */
export function bootstrapClaimResult(
  ctx: ClaimContext,
  window: ClaimWindow,
  jb: Pick<JointInterval, 'estimate' | 'lower' | 'upper'>,
  indices: Float64Array,
  fields: { n: number; episodes: number; verdict: Verdict; thin: boolean; notes: string[] },
): ClaimResult {
  const m = indices.length;
  return {
    window: window.kind,
    statistic: jb.estimate,
    lower: jb.lower,
    upper: jb.upper,
    n: fields.n,
    episodes: fields.episodes,
    verdict: fields.verdict,
    thin: fields.thin,
    notes: fields.notes,
    from: m ? ctx.calendar[indices[0]] : NaN,
    to: m ? ctx.calendar[indices[m - 1]] : NaN,
  };
}
