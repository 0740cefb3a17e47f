import { simpleReturns, tearsheet, type TearsheetReference } from '../metrics/index.ts';
import type { Market } from './market.ts';
import { metricsInput, type ResultMetrics } from './result-metrics.ts';
import type { BacktestResult } from './result.ts';

/** The runs every tearsheet is compared against, when they are among the results. */
export const TEARSHEET_REFERENCES = ['us-large', '60-40'] as const;

/**
 * Adds each result's tearsheet (engine/metrics tearsheet) to its metrics, compared against
 * US large caps and 60/40 when those runs are among `results` (they share the window, so their
 * returns align day by day). Each path stops before a wipe-out, as its metrics do; a path with
 * fewer than two days gets no tearsheet, and a reference sharing fewer than two daily returns
 * with a path (a reference wiped out on its first day) is left out of that path's comparisons.
 */
export function attachTearsheets(results: readonly BacktestResult[], metrics: ResultMetrics[], market: Market): void {
  const inputs = results.map((r) => metricsInput(r, market));
  const references: TearsheetReference[] = [];
  for (const name of TEARSHEET_REFERENCES) {
    const k = results.findIndex((r) => r.name === name);
    if (k >= 0) references.push({ name, returns: simpleReturns(inputs[k].nav) });
  }
  inputs.forEach((input, i) => {
    const m = input.nav.length;
    if (m < 2) return;
    // A reference wiped out earlier than this path has no return after that (NaN, skipped pairwise).
    const refs = references
      .map((ref) => {
        const returns = new Float64Array(m).fill(NaN);
        returns.set(ref.returns.subarray(0, m));
        return { name: ref.name, returns };
      })
      .filter((ref) => pairedDays(ref.returns) >= 2);
    metrics[i].tearsheet = tearsheet(input.nav, input.days, input.riskFree, refs);
  });
}

/** Days with a finite return (index 0 is never one). */
function pairedDays(returns: Float64Array): number {
  let n = 0;
  for (let i = 1; i < returns.length; i++) if (Number.isFinite(returns[i])) n++;
  return n;
}
