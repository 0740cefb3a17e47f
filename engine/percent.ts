/**
 * Signed percentage text of a fraction, for claim notes and terminal tables: 0.1234 → "+12.3%".
 * A value that rounds to zero has no sign ("0.0%", as the reports write it, never "+0.0%" beside
 * "-0.0%"). A value that is not finite (NaN, ±Infinity) gives `missing`: blank by default (a
 * table cell), "n/a" where a sentence needs a word.
 *
 * @example
 * pct(0.1234); // "+12.3%"
 * pct(-0.05, 2); // "-5.00%"
 * pct(-0.0004); // "0.0%"
 * pct(NaN, 1, 'n/a'); // "n/a"
 */
export function pct(x: number, digits = 1, missing = ''): string {
  if (!Number.isFinite(x)) return missing;
  const text = Math.abs(x * 100).toFixed(digits);
  return `${/[1-9]/.test(text) ? (x > 0 ? '+' : '-') : ''}${text}%`;
}

/**
 * Unsigned percentage text of a level that is never negative (volatility, a share of days):
 * 0.157 → "15.7%". Changes and returns take {@link pct}, with their sign.
 *
 * @example
 * pctLevel(0.157); // "15.7%"
 */
export function pctLevel(x: number, digits = 1, missing = ''): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : missing;
}
