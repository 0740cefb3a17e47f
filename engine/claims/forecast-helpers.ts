import { isoDay, isWeekend, type Day } from '../../datasets/day.ts';
import type { ClaimContext, ClaimResult, ClaimWindow, SecondaryFigure, Verdict } from './types.ts';

/** Outcome of one part of a forecast: once its window has closed, every part is pass or fail. */
export type PartOutcome = 'pass' | 'fail' | 'open';

/**
 * Maps the parts of a conjunctive forecast to a verdict: any fail → contradicted; all pass →
 * supported; otherwise a part's window is still open (or its data not yet published) → pending.
 */
export function partsVerdict(parts: readonly PartOutcome[]): Verdict {
  if (parts.includes('fail')) return 'contradicted';
  return parts.every((p) => p === 'pass') ? 'supported' : 'pending';
}

/** Weekdays strictly after `from` up to and including `to` (holidays not known: an upper bound on trading days). */
export function weekdaysBetween(from: Day, to: Day): number {
  let k = 0;
  for (let d = from + 1; d <= to; d++) if (!isWeekend(d)) k++;
  return k;
}

/**
 * A forecast's result: no interval, no p-value (a forecast resolves by its pre-registered bands,
 * engine/claims/forecasts.json, not by a test), so it stays out of the multiple-testing family.
 */
export function forecastResult(
  ctx: ClaimContext,
  window: ClaimWindow,
  fields: {
    statistic: number;
    n: number;
    episodes?: number;
    verdict: Verdict;
    thin: boolean;
    notes: string[];
    fromIndex: number;
    toIndex: number;
    test: string;
    sample: string;
    secondary?: SecondaryFigure;
  },
): ClaimResult {
  const ok = fields.toIndex >= fields.fromIndex && fields.fromIndex >= 0;
  return {
    window: window.kind,
    statistic: fields.statistic,
    lower: NaN,
    upper: NaN,
    n: fields.n,
    episodes: fields.episodes ?? NaN,
    fragments: NaN,
    verdict: fields.verdict,
    unadjustedVerdict: fields.verdict,
    test: fields.test,
    sample: fields.sample,
    pValue: NaN,
    pHolm: NaN,
    pBH: NaN,
    sign: NaN,
    standardError: NaN,
    mde: NaN,
    secondary: fields.secondary,
    standIns: [],
    thin: fields.thin,
    notes: fields.notes,
    from: ok ? ctx.calendar[fields.fromIndex] : NaN,
    to: ok ? ctx.calendar[fields.toIndex] : NaN,
  };
}

/** "2026-04-30" style, for notes. */
export function day(d: Day): string {
  return Number.isNaN(d) ? 'n/a' : isoDay(d);
}

/** Millions of USD → "$123bn". */
export function bn(millions: number): string {
  return Number.isNaN(millions) ? 'n/a' : `$${Math.round(millions / 1000)}bn`;
}
