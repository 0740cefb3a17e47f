/**
 * The terminal's rounding conventions, one per kind of figure: percentages with one decimal
 * (engine/percent.ts `pct`), ratios (Sharpe, t, scores) with two, p-values with two significant
 * digits. CSV and JSON keep full precision.
 */

/** "0.22", "0.062", "1.0"; "<0.001" below; "" for NaN unless told otherwise. */
export function formatP(p: number, missing = ''): string {
  if (!Number.isFinite(p)) return missing;
  return p < 0.001 ? '<0.001' : p.toPrecision(2);
}

/** A ratio with two decimals ("0.37"); "" for NaN unless told otherwise. */
export function formatRatio(x: number, missing = ''): string {
  return Number.isFinite(x) ? x.toFixed(2) : missing;
}
