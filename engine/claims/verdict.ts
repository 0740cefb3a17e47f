import type { Verdict } from './types.ts';

/** Below this many days a verdict rests on thin data. */
export const THIN_DAYS = 60;

/** Below this many separate episodes a verdict rests on thin data. */
export const THIN_EPISODES = 3;

/**
 * The interval rule: `supported` when the whole interval lies on the side the claim predicts
 * (above 0 for `positive`, below 0 for `negative`), `contradicted` when it lies wholly on the
 * other side, `inconclusive` when it contains 0 or is NaN.
 *
 * @example
 * intervalVerdict(0.01, 0.05, 'positive'); // 'supported'
 */
export function intervalVerdict(lower: number, upper: number, predicted: 'positive' | 'negative'): Verdict {
  if (Number.isNaN(lower) || Number.isNaN(upper)) return 'inconclusive';
  const above = lower > 0;
  const below = upper < 0;
  if (predicted === 'positive') return above ? 'supported' : below ? 'contradicted' : 'inconclusive';
  return below ? 'supported' : above ? 'contradicted' : 'inconclusive';
}

/**
 * The p-value rule of the history claims: significant at size α (p < α) and on the predicted
 * side → supported; significant on the other side → contradicted; otherwise (or NaN p)
 * inconclusive. `sign` is the side the evidence points to (+1 above 0, −1 below).
 *
 * @example
 * pValueVerdict(0.01, -1, 'negative', 0.05); // 'supported'
 */
export function pValueVerdict(p: number, sign: number, predicted: 'positive' | 'negative', alpha: number): Verdict {
  if (!(p < alpha)) return 'inconclusive';
  const wanted = predicted === 'positive' ? 1 : -1;
  return sign === wanted ? 'supported' : 'contradicted';
}

/** Thin: fewer than {@link THIN_DAYS} days or fewer than {@link THIN_EPISODES} episodes. */
export function isThin(days: number, episodes: number): boolean {
  return days < THIN_DAYS || episodes < THIN_EPISODES;
}

/** Combines the verdicts of parts that must all hold: any contradicted → contradicted; all supported → supported; any pending → pending. */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('contradicted')) return 'contradicted';
  if (verdicts.length > 0 && verdicts.every((v) => v === 'supported')) return 'supported';
  return verdicts.includes('pending') ? 'pending' : 'inconclusive';
}
