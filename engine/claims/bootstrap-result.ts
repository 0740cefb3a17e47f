import { bootstrapPValue } from '../stats/bootstrap-p-value.ts';
import { minimumDetectableEffect } from '../stats/minimum-detectable-effect.ts';
import type { JointInterval } from './joint-bootstrap.ts';
import { standInNote } from './stand-ins.ts';
import type { ClaimContext, ClaimResult, ClaimWindow, SecondaryFigure, StandIn } from './types.ts';
import { pValueVerdict } from './verdict.ts';

/** What a history claim knows about its sample besides the bootstrap. */
export interface HistoryFields {
  /** Days in the claim's condition. */
  n: number;
  /** Runs of the condition of ≥ 21 days, and of any length. */
  episodes: number;
  fragments: number;
  thin: boolean;
  notes: string[];
  /** The days compared, in words. */
  sample: string;
  secondary?: SecondaryFigure;
  standIns: StandIn[];
  /** True when the condition holds on no day of the window: verdict `untestable`. */
  untestable?: boolean;
  /** A p-value and sign other than the bootstrap's (e.g. a combined test), with the test in words. */
  override?: { pValue: number; sign: number; test: string };
}

/**
 * A history claim's result: the estimate, interval and standard error from the bootstrap `jb`,
 * the raw two-sided p-value from its replicates (bootstrapPValue, unless `override`; NaN when the
 * sorted replicates are all equal, which carries no information), the
 * minimum detectable effect at 80 % power and the interval's size (1 − level, two-sided), the
 * verdict by the p-value rule at that size (runScorecard later replaces it by the verdict on
 * the Holm-adjusted p-value), and the data span from the first and last of `indices` (calendar
 * indices of the used days; NaN when there are none).
 */
export function historyClaimResult(
  ctx: ClaimContext,
  window: ClaimWindow,
  predicted: 'positive' | 'negative',
  jb: Pick<JointInterval, 'estimate' | 'lower' | 'upper' | 'standardError' | 'replicates' | 'test'>,
  indices: Float64Array,
  fields: HistoryFields,
): ClaimResult {
  const m = indices.length;
  const alpha = 1 - ctx.level;
  // Replicates that never vary (every resample gave the estimate) carry no information: no p-value.
  const informative = jb.replicates.length > 0 && jb.replicates[0] !== jb.replicates[jb.replicates.length - 1];
  const pValue = fields.override ? fields.override.pValue : informative ? bootstrapPValue(jb.replicates) : NaN;
  const sign = fields.override ? fields.override.sign : jb.estimate < 0 ? -1 : 1;
  const verdict = fields.untestable ? 'untestable' : pValueVerdict(pValue, sign, predicted, alpha);
  return {
    window: window.kind,
    statistic: jb.estimate,
    lower: jb.lower,
    upper: jb.upper,
    n: fields.n,
    episodes: fields.episodes,
    fragments: fields.fragments,
    verdict,
    unadjustedVerdict: verdict,
    test: fields.override ? fields.override.test : jb.test,
    sample: fields.sample,
    pValue: fields.untestable ? NaN : pValue,
    pHolm: NaN,
    pBH: NaN,
    sign,
    standardError: jb.standardError,
    mde: Number.isFinite(jb.standardError) ? minimumDetectableEffect(jb.standardError, { alpha, power: 0.8 }) : NaN,
    secondary: fields.secondary,
    standIns: fields.standIns,
    thin: fields.thin,
    notes: [...fields.notes, ...fields.standIns.map(standInNote)],
    from: m ? ctx.calendar[indices[0]] : NaN,
    to: m ? ctx.calendar[indices[m - 1]] : NaN,
  };
}
