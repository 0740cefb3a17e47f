import { ConfigError } from '../../datasets/errors.ts';
import { CLAIMS } from './catalog.ts';
import { claimWindows } from './context.ts';
import type { Claim, ClaimContext, ClaimResult } from './types.ts';

/** One claim, scored in and out of sample. */
export interface ScorecardRow {
  claim: Claim;
  /** undefined for forecasts ("n/a (forecast)") or when the window is empty. */
  inSample?: ClaimResult;
  outOfSample?: ClaimResult;
}

/** Options of {@link runScorecard}. */
export interface ScorecardOptions {
  /** Claim ids to score (default all ten). */
  only?: readonly string[];
  /** Called after each claim, e.g. to tick a progress bar. */
  onClaim?: (id: string) => void;
}

/**
 * Scores each claim on the in-sample window (up to the article's date) and the out-of-sample
 * window (after it). History claims (C1–C7) are scored on both; forecasts (C8–C10) only out of
 * sample, their in-sample cell is left undefined ("n/a (forecast)").
 *
 * No look-ahead across the split: an in-sample result reads data at calendar indices ≤ the
 * article's index only, so changing anything later leaves every in-sample cell unchanged.
 *
 * @throws ConfigError (field `claims`) for an unknown claim id in `only`.
 */
export function runScorecard(ctx: ClaimContext, options: ScorecardOptions = {}, claims: readonly Claim[] = CLAIMS): ScorecardRow[] {
  const wanted = options.only?.map((id) => id.toUpperCase());
  for (const id of wanted ?? []) {
    if (!claims.some((c) => c.id === id)) throw new ConfigError('bad-config', `unknown claim "${id}"`, { field: 'claims', hint: `claims are ${claims.map((c) => c.id).join(', ')}` });
  }
  const { inSample, outOfSample } = claimWindows(ctx);
  const rows: ScorecardRow[] = [];
  for (const claim of claims) {
    if (wanted && !wanted.includes(claim.id)) continue;
    rows.push({
      claim,
      inSample: claim.kind === 'history' && inSample ? claim.evaluate(ctx, inSample) : undefined,
      outOfSample: outOfSample ? claim.evaluate(ctx, outOfSample) : undefined,
    });
    options.onClaim?.(claim.id);
  }
  return rows;
}
