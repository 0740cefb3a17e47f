/** √(2π). */
const SQRT_2PI = 2.5066282746310002;

/**
 * Standard normal density, `φ(x) = exp(−x²/2) / √(2π)`.
 *
 * @example
 * normalPdf(0); // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}
