import { badArgument } from './bad-argument.ts';
import { sum } from './sum.ts';

/**
 * Arithmetic mean, `x̄ = (1/n) Σ xᵢ`, with the compensated sum of {@link sum}. Units: those of
 * `x`. NaN in `x` propagates to the result.
 *
 * @throws QuadrantError `bad-argument` when `x` is empty.
 * @example
 * mean([1, 2, 3, 4]); // 2.5
 */
export function mean(x: ArrayLike<number>): number {
  if (x.length === 0) throw badArgument('mean needs at least 1 observation, got 0');
  return sum(x) / x.length;
}
