import { badArgument } from './bad-argument.ts';
import { normalInverseCdf } from './normal-inverse-cdf.ts';

/** Options of {@link minimumDetectableEffect}. */
export interface MinimumDetectableEffectOptions {
  /** Two-sided size of the test, in (0, 1); default 0.05. */
  alpha?: number;
  /** Power wanted against the effect, in (0, 1); default 0.8. */
  power?: number;
}

/**
 * The smallest true effect a two-sided z-test of size α detects with the given power, from the
 * standard error of the estimate (Bloom 1995, "Minimum detectable effects", Evaluation Review
 * 19(5)): `MDE = (z_{1−α/2} + z_{power}) · se`; at α = 5 % and 80 % power the multiplier is
 * 1.959964 + 0.841621 = 2.801585. Units of the estimate. The standard error shrinks as the
 * sample grows (as 1/√n for a mean of weakly dependent data), and the MDE with it.
 *
 * @throws QuadrantError `bad-argument` for a negative standard error or options out of range.
 * @example
 * minimumDetectableEffect(0.01); // 0.0280
 */
export function minimumDetectableEffect(standardError: number, options: MinimumDetectableEffectOptions = {}): number {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  if (!(alpha > 0 && alpha < 1)) throw badArgument(`minimumDetectableEffect needs alpha in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw badArgument(`minimumDetectableEffect needs power in (0, 1), got ${power}`);
  if (standardError < 0) throw badArgument(`minimumDetectableEffect needs a standard error ≥ 0, got ${standardError}`);
  return (normalInverseCdf(1 - alpha / 2) + normalInverseCdf(power)) * standardError;
}
