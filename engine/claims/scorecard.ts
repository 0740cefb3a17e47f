import { ConfigError } from '../../datasets/errors.ts';
import { pAdjust } from '../stats/p-adjust.ts';
import { CLAIMS } from './catalog.ts';
import { claimWindows } from './context.ts';
import { VERDICTS, type Claim, type ClaimContext, type ClaimResult, type Verdict, type WindowKind } from './types.ts';
import { pValueVerdict } from './verdict.ts';

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

/** Which adjustment decides the verdicts, and which is shown beside it. */
export const VERDICT_ADJUSTMENT =
  'verdicts use Holm-adjusted p-values (family-wise error at 1 − level) across the history claims tested in the same sample (in sample, out of sample: one family each); Benjamini–Hochberg (false discovery rate) adjusted values are shown beside them';

/**
 * Scores each claim on the in-sample window (up to the article's date) and the out-of-sample
 * window (after it). History claims (C1–C7) are scored on both; forecasts (C8–C10) only out of
 * sample, their in-sample cell is left undefined ("n/a (forecast)").
 *
 * Multiple testing: within each sample, the raw p-values of the history claims that ran a test
 * form one family; each result gets its Holm and Benjamini–Hochberg adjusted p-value, and its
 * verdict is re-decided on the Holm value (pValueVerdict at size 1 − level); the raw-p verdict
 * stays as `unadjustedVerdict`. Forecasts (no p-value), untestable claims and claims without
 * an interval are not in the family. The family is the claims scored in this call (`only`
 * makes it smaller, and the adjustment milder).
 *
 * No look-ahead across the split: an in-sample result reads data at calendar indices ≤ the
 * article's index only, so changing anything later leaves every in-sample cell unchanged.
 *
 * @throws ConfigError (field `claims`) for an unknown claim id in `only`.
 */
export function runScorecard(ctx: ClaimContext, options: ScorecardOptions = {}, claims: readonly Claim[] = CLAIMS): ScorecardRow[] {
  const wanted = options.only?.map((id) => id.toUpperCase());
  for (const id of wanted ?? []) {
    if (!claims.some((c) => c.id === id))
      throw new ConfigError('bad-config', `unknown claim "${id}"`, { field: 'claims', hint: `claims are ${claims.map((c) => c.id).join(', ')}` });
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
  adjustFamily(rows, 'inSample', 1 - ctx.level);
  adjustFamily(rows, 'outOfSample', 1 - ctx.level);
  return rows;
}

function adjustFamily(rows: ScorecardRow[], side: 'inSample' | 'outOfSample', alpha: number): void {
  const members = rows.filter((r) => r.claim.kind === 'history' && r[side] && r[side]!.verdict !== 'untestable' && Number.isFinite(r[side]!.pValue));
  const raw = members.map((r) => r[side]!.pValue);
  const holm = pAdjust(raw, 'holm');
  const bh = pAdjust(raw, 'bh');
  members.forEach((r, k) => {
    const res = r[side]!;
    res.pHolm = holm[k];
    res.pBH = bh[k];
    res.verdict = pValueVerdict(holm[k], res.sign, r.claim.predicted ?? 'positive', alpha);
  });
}

/** Verdict counts per sample: all five verdicts, always present. */
export type VerdictSummary = Record<WindowKind, Record<Verdict, number>>;

/** Counts the verdicts of the rows in and out of sample (forecasts' empty in-sample cells are not counted). */
export function summariseVerdicts(rows: readonly ScorecardRow[]): VerdictSummary {
  const empty = (): Record<Verdict, number> => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const out: VerdictSummary = { 'in-sample': empty(), 'out-of-sample': empty() };
  for (const r of rows) {
    if (r.inSample) out['in-sample'][r.inSample.verdict]++;
    if (r.outOfSample) out['out-of-sample'][r.outOfSample.verdict]++;
  }
  return out;
}
