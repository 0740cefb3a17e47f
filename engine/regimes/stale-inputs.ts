import { macroEntry } from '../../datasets/catalog.ts';
import type { Panel } from '../../datasets/panel.ts';
import { maxAgeDays } from '../../datasets/publication.ts';

/** Prices and market closes: a value every trading day. */
const MARKET_MAX_AGE = 7;

/** The longest normal age of a column's newest value (maxAgeDays of its catalog rule), or undefined when it cannot be stale. */
export function maxInputAge(id: string): number | undefined {
  const entry = macroEntry(id);
  // A series whose absence means zero (RRP before 2014) is never stale.
  if (entry?.zeroAfterDays !== undefined) return undefined;
  return entry ? maxAgeDays(entry.publication) : MARKET_MAX_AGE;
}

/**
 * Days on which an input is carried forward past its longest normal publication interval: 1
 * where `calendar[t] − asOf[id][t]` exceeds maxInputAge(id) for any of `inputs` that already
 * had a value, else 0. A label on such a day would freeze an old reading, so computeRegimes
 * reports it as stale instead. Reads row t only: point in time.
 */
export function staleDays(panel: Panel, inputs: readonly string[]): Uint8Array {
  const n = panel.calendar.length;
  const out = new Uint8Array(n);
  for (const id of inputs) {
    const asOf = panel.asOf[id];
    const max = maxInputAge(id);
    if (!asOf || max === undefined) continue;
    for (let t = 0; t < n; t++) if (asOf[t] >= 0 && panel.calendar[t] - asOf[t] > max) out[t] = 1;
  }
  return out;
}

/** The inputs stale on day t (for outputs that name them). */
export function staleInputsAt(panel: Panel, inputs: readonly string[], t: number): string[] {
  return inputs.filter((id) => {
    const asOf = panel.asOf[id];
    const max = maxInputAge(id);
    return asOf !== undefined && max !== undefined && asOf[t] >= 0 && panel.calendar[t] - asOf[t] > max;
  });
}
