import { QuadrantError } from '../../datasets/errors.ts';

/**
 * The error every statistic throws for unusable input (too few points, NaN, mismatched lengths,
 * an option out of range). The message names the function and the cause, e.g.
 * "variance needs at least 2 observations, got 1"; exit code 2 (an input error).
 *
 * @example
 * throw badArgument('variance needs at least 2 observations, got 1');
 */
export function badArgument(message: string): QuadrantError {
  return new QuadrantError('bad-argument', message, {}, 2);
}
