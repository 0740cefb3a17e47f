import { badArgument } from './bad-argument.ts';

/**
 * Two-sided bootstrap p-value of H₀: θ = `nullValue`, from the replicates of a percentile
 * bootstrap: the smallest α for which the two-sided (1 − α) percentile interval excludes the
 * null, with the usual +1 correction so that it is never 0 (Davison & Hinkley 1997, "Bootstrap
 * methods and their application", §4.4; the "(1 + #) / (B + 1)" convention):
 * `p = min(1, 2 · min((1 + #{θ*ᵦ ≤ null}) / (B + 1), (1 + #{θ*ᵦ ≥ null}) / (B + 1)))`.
 * A percentile interval at level L excludes the null about when p < 1 − L, so the p-value and
 * the interval tell the same story.
 *
 * @param replicates the bootstrap replicates (any order); NaN values are rejected.
 * @throws QuadrantError `bad-argument` for no replicates or a NaN replicate.
 * @example
 * bootstrapPValue(Float64Array.of(1, 2, 3, 4, -1), 0); // 2 · (1 + 1) / 6 = 0.667
 */
export function bootstrapPValue(replicates: ArrayLike<number>, nullValue = 0): number {
  const b = replicates.length;
  if (b === 0) throw badArgument('bootstrapPValue needs at least one replicate');
  let below = 0;
  let above = 0;
  for (let r = 0; r < b; r++) {
    const v = replicates[r];
    if (Number.isNaN(v)) throw badArgument(`bootstrapPValue: replicate ${r} is NaN`);
    if (v <= nullValue) below++;
    if (v >= nullValue) above++;
  }
  return Math.min(1, (2 * (1 + Math.min(below, above))) / (b + 1));
}
