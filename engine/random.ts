/**
 * Seeded pseudo-random numbers. Everything random in Quadrant (bootstraps, simulations) takes an
 * explicit generator made here, so the same seed gives byte-identical output on every run and
 * platform: the arithmetic is 32-bit integer only (`Math.imul`, shifts), no `Math.random`.
 */
import { QuadrantError } from '../datasets/errors.ts';

/** A generator of uniform numbers in [0, 1), 32 bits of resolution. */
export type Rng = () => number;

const TWO_POW_32 = 4294967296;

/**
 * Makes a xoshiro128** generator (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4)), period 2^128 − 1. The 128-bit state is filled from the seed by
 * four steps of the mulberry32 mixer, so nearby seeds give unrelated streams.
 *
 * Output: `u / 2^32` for a 32-bit word `u`, hence uniform on the grid {0, 2^-32, …, 1 − 2^-32}.
 *
 * @param seed any safe integer (negative allowed); its low and high 32-bit halves both count.
 * @throws QuadrantError `bad-argument` when `seed` is not a safe integer.
 * @example
 * const rng = makeRng(42);
 * rng(); // a number in [0, 1), the same on every run for seed 42
 */
export function makeRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new QuadrantError('bad-argument', `makeRng needs a safe integer seed, got ${seed}`, {}, 2);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  // mulberry32 as a seed mixer: a Weyl sequence through an avalanche function.
  let m = (lo ^ Math.imul(hi, 0x85ebca6b)) | 0;
  const mix = (): number => {
    m = (m + 0x6d2b79f5) | 0;
    let t = Math.imul(m ^ (m >>> 15), 1 | m);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) | 0;
  };
  let s0 = mix();
  let s1 = mix();
  let s2 = mix();
  let s3 = mix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return () => {
    // result = rotl(s1 * 5, 7) * 9
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (result >>> 0) / TWO_POW_32;
  };
}

/**
 * A uniform integer in {0, …, n − 1}: `floor(rng() * n)`. The bias from the 2^32 grid is at most
 * n / 2^32 per value, negligible for the sample sizes here (n ≤ a few million).
 *
 * @throws QuadrantError `bad-argument` when `n` is not an integer in [1, 2^32].
 * @example
 * randomInt(makeRng(1), 6); // one of 0…5, the same on every run
 */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
    throw new QuadrantError('bad-argument', `randomInt needs an integer n in [1, 2^32], got ${n}`, {}, 2);
  }
  return Math.floor(rng() * n);
}
