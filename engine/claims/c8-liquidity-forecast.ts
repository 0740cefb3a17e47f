import { dayOf } from '../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { RESERVES_RED_LINE } from '../analysis/liquidity-signals.ts';
import { bn, day, forecastResult, partsVerdict, type PartOutcome } from './forecast-helpers.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';

/** Average days per month, to turn observation spans into months. */
const DAYS_PER_MONTH = 365.25 / 12;

/** The forecast's horizons. */
export const C8_BALANCE_SHEET_END = dayOf(2026, 4, 30);
export const C8_TGA_END = dayOf(2026, 4, 10);
export const C8_RESERVES_QUARTER_END = dayOf(2026, 3, 31);

/** Pass band of the balance-sheet pace, billions of USD a month ("about $40bn": within a factor of two). */
export const C8_PACE_BAND: readonly [number, number] = [20, 80];
/** TGA release that passes ("close to $400bn": at least half), billions of USD. */
export const C8_TGA_PASS = 200;

/**
 * C8, three parts scored on what was published after 2026-01-19, each from the as-of values
 * known at the last close on or before that day (the baseline) to a later close:
 * 1. Fed balance sheet: WALCL change from the baseline to the as-of value at 2026-04-30,
 *    per month of observation time. Pass in [$20bn, $80bn]/month, fail ≤ 0, partial otherwise.
 * 2. TGA: baseline WDTGAL minus the as-of value at 2026-04-10 ("early April"). Pass ≥ $200bn,
 *    fail ≤ 0, partial otherwise.
 * 3. Reserves: the WRESBAL observations dated 2026-01-20 … 2026-03-31. Pass when those dated in
 *    March average above $3T (Q1 ends back in the comfort zone); fail when none is above;
 *    partial when some are but March is not.
 * A part whose end date is past the data is "no data". Statistic: parts passed (0–3).
 * Verdict: supported when all pass, contradicted when any fails, else inconclusive.
 */
export const C8: Claim = {
  id: 'C8',
  title: 'Forecast: RMP, TGA, reserves',
  text: 'Forecast: from January to April 2026 the Fed expands its balance sheet (about $40bn a month), the TGA releases about $400bn, and reserves are back above $3 trillion in Q1 2026.',
  kind: 'forecast',
  statistic: 'parts of the forecast that held (balance-sheet pace, TGA release, reserves back above $3T), scored on H.4.1 data published after 2026-01-19',
  unit: 'parts passed of 3',
  rule: `each part: balance sheet pass at $${C8_PACE_BAND[0]}–${C8_PACE_BAND[1]}bn/month (fail ≤ 0); TGA release pass ≥ $${C8_TGA_PASS}bn by 2026-04-10 (fail ≤ 0); reserves pass when March 2026 observations average above $3T (fail when no Q1 observation after the forecast is above); supported when all pass, contradicted when any fails`,
  evaluate: evaluateC8,
};

function evaluateC8(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const { calendar, macro, asOf } = ctx;
  const b = ctx.articleIndex;
  const last = window.to;
  const lastDay = calendar[last];
  const notes: string[] = [];
  const parts: PartOutcome[] = [];

  // 1. Balance sheet pace.
  if (lastDay < C8_BALANCE_SHEET_END) {
    parts.push('no data');
    notes.push(`balance sheet: data ends ${day(lastDay)}, before ${day(C8_BALANCE_SHEET_END)}`);
  } else {
    const e = calendarIndexAtOrBefore(calendar, C8_BALANCE_SHEET_END);
    const months = (asOf.WALCL[e] - asOf.WALCL[b]) / DAYS_PER_MONTH;
    const pace = (macro.WALCL[e] - macro.WALCL[b]) / months / 1000;
    const out: PartOutcome = pace >= C8_PACE_BAND[0] && pace <= C8_PACE_BAND[1] ? 'pass' : pace <= 0 ? 'fail' : 'partial';
    parts.push(out);
    notes.push(`balance sheet ${out}: WALCL ${bn(macro.WALCL[b])}→${bn(macro.WALCL[e])} (obs ${day(asOf.WALCL[b])}→${day(asOf.WALCL[e])}), $${pace.toFixed(1)}bn/month`);
  }

  // 2. TGA release by early April.
  if (lastDay < C8_TGA_END) {
    parts.push('no data');
    notes.push(`TGA: data ends ${day(lastDay)}, before ${day(C8_TGA_END)}`);
  } else {
    const e = calendarIndexAtOrBefore(calendar, C8_TGA_END);
    const release = (macro.WDTGAL[b] - macro.WDTGAL[e]) / 1000;
    const out: PartOutcome = release >= C8_TGA_PASS ? 'pass' : release <= 0 ? 'fail' : 'partial';
    parts.push(out);
    notes.push(`TGA ${out}: ${bn(macro.WDTGAL[b])}→${bn(macro.WDTGAL[e])} (obs ${day(asOf.WDTGAL[b])}→${day(asOf.WDTGAL[e])}), released $${release.toFixed(0)}bn`);
  }

  // 3. Reserves in Q1: distinct observations dated after the forecast and within Q1.
  let above = 0;
  let seen = 0;
  let marchSum = 0;
  let marchCount = 0;
  let lastObs = -1;
  for (let t = b + 1; t <= last; t++) {
    const obs = asOf.WRESBAL[t];
    if (obs === lastObs) continue;
    lastObs = obs;
    if (obs <= ctx.articleDay || obs > C8_RESERVES_QUARTER_END) continue;
    seen++;
    const v = macro.WRESBAL[t];
    if (v > RESERVES_RED_LINE) above++;
    if (obs >= dayOf(2026, 3, 1)) {
      marchSum += v;
      marchCount++;
    }
  }
  const quarterPublished = lastDay > C8_RESERVES_QUARTER_END + 7;
  if (!quarterPublished) {
    parts.push('no data');
    notes.push(`reserves: Q1 observations not all published by ${day(lastDay)}`);
  } else {
    const march = marchSum / marchCount;
    const out: PartOutcome = march > RESERVES_RED_LINE ? 'pass' : above === 0 ? 'fail' : 'partial';
    parts.push(out);
    notes.push(`reserves ${out}: ${above} of ${seen} Q1 observations above $3T; March average ${bn(march)}`);
  }

  const e = calendarIndexAtOrBefore(calendar, C8_BALANCE_SHEET_END);
  const used = Math.min(e, last) - b;
  return forecastResult(ctx, window, {
    statistic: parts.filter((p) => p === 'pass').length,
    n: used,
    verdict: partsVerdict(parts),
    thin: parts.includes('no data'),
    notes,
    fromIndex: b + 1,
    toIndex: Math.min(e, last),
  });
}
