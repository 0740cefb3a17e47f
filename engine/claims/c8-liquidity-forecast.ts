import { dayOf } from '../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';
import { RESERVES_RED_LINE } from '../analysis/liquidity-signals.ts';
import { bandText, FORECASTS_NOTE, forecastPart, inPassBand } from './forecast-registry.ts';
import { bn, day, forecastResult, partsVerdict, type PartOutcome } from './forecast-helpers.ts';
import type { Claim, ClaimContext, ClaimResult, ClaimWindow } from './types.ts';

/** Average days per month, to turn observation spans into months. */
const DAYS_PER_MONTH = 365.25 / 12;

/** The three parts as registered in forecasts.json (their thresholds live there only). */
const PACE = forecastPart('C8', 'balance_sheet');
const TGA = forecastPart('C8', 'tga_release');
const RESERVES = forecastPart('C8', 'reserves_q1');

/** The forecast's horizons. */
export const C8_BALANCE_SHEET_END = PACE.windowEnd;
export const C8_TGA_END = TGA.windowEnd;
export const C8_RESERVES_QUARTER_END = dayOf(2026, 3, 31);

/**
 * C8, three parts scored on what was published after 2026-01-19, each from the as-of values
 * known at the last close on or before that day (the baseline) to a later close, each with the
 * pass band registered in engine/claims/forecasts.json (every other outcome fails):
 * 1. Fed balance sheet: WALCL change from the baseline to the as-of value at 2026-04-30, per
 *    month of observation time (billions a month).
 * 2. TGA: baseline WDTGAL minus the as-of value at 2026-04-10 ("early April"), billions.
 * 3. Reserves: mean of the WRESBAL observations dated in March 2026 (billions), once Q1's
 *    observations are all published.
 * A part whose window is not yet in the data is open. Statistic: parts passed (0–3).
 * Verdict: supported when all pass, contradicted when any fails, pending while any is open.
 */
export const C8: Claim = {
  id: 'C8',
  title: 'Forecast: RMP, TGA, reserves',
  text: 'Forecast: from January to April 2026 the Fed expands its balance sheet (about $40bn a month), the TGA releases about $400bn, and reserves are back above $3 trillion in Q1 2026.',
  kind: 'forecast',
  statistic: 'parts of the forecast that held (balance-sheet pace, TGA release, reserves back above $3T), scored on H.4.1 data published after 2026-01-19',
  unit: 'parts passed of 3',
  rule: `registered bands (engine/claims/forecasts.json; written after the outcomes were known, so not blind), every outcome outside a pass band fails: balance-sheet pace ${bandText(PACE.pass)} ${PACE.unit} by ${day(PACE.windowEnd)}; TGA release ${bandText(TGA.pass)} ${TGA.unit} by ${day(TGA.windowEnd)}; March 2026 reserves ${bandText(RESERVES.pass)} ${RESERVES.unit}; supported when all pass, contradicted when any fails, pending while a window is open`,
  evaluate: evaluateC8,
};

function evaluateC8(ctx: ClaimContext, window: ClaimWindow): ClaimResult {
  const { calendar, macro, asOf } = ctx;
  const b = ctx.articleIndex;
  const last = window.to;
  const lastDay = calendar[last];
  const notes: string[] = [];
  const parts: PartOutcome[] = [];
  const judge = (value: number, band: typeof PACE.pass): PartOutcome => (inPassBand(value, band) ? 'pass' : 'fail');

  // 1. Balance sheet pace.
  if (lastDay < C8_BALANCE_SHEET_END) {
    parts.push('open');
    notes.push(`balance sheet open: data ends ${day(lastDay)}, before ${day(C8_BALANCE_SHEET_END)}`);
  } else {
    const e = calendarIndexAtOrBefore(calendar, C8_BALANCE_SHEET_END);
    const months = (asOf.WALCL[e] - asOf.WALCL[b]) / DAYS_PER_MONTH;
    const pace = (macro.WALCL[e] - macro.WALCL[b]) / months / 1000;
    const out = judge(pace, PACE.pass);
    parts.push(out);
    notes.push(
      `balance sheet ${out} (pass ${bandText(PACE.pass)}): WALCL ${bn(macro.WALCL[b])}→${bn(macro.WALCL[e])} (obs ${day(asOf.WALCL[b])}→${day(asOf.WALCL[e])}), $${pace.toFixed(1)}bn/month`,
    );
  }

  // 2. TGA release by early April.
  if (lastDay < C8_TGA_END) {
    parts.push('open');
    notes.push(`TGA open: data ends ${day(lastDay)}, before ${day(C8_TGA_END)}`);
  } else {
    const e = calendarIndexAtOrBefore(calendar, C8_TGA_END);
    const release = (macro.WDTGAL[b] - macro.WDTGAL[e]) / 1000;
    const out = judge(release, TGA.pass);
    parts.push(out);
    notes.push(
      `TGA ${out} (pass ${bandText(TGA.pass)}): ${bn(macro.WDTGAL[b])}→${bn(macro.WDTGAL[e])} (obs ${day(asOf.WDTGAL[b])}→${day(asOf.WDTGAL[e])}), released $${release.toFixed(0)}bn`,
    );
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
  if (lastDay < RESERVES.windowEnd) {
    parts.push('open');
    notes.push(`reserves open: Q1 observations not all published by ${day(lastDay)}`);
  } else {
    const march = marchCount ? marchSum / marchCount / 1000 : NaN;
    const out = judge(march, RESERVES.pass);
    parts.push(out);
    notes.push(
      `reserves ${out} (pass ${bandText(RESERVES.pass)}): March average $${Number.isNaN(march) ? 'n/a' : march.toFixed(0)}bn; ${above} of ${seen} Q1 observations after the forecast above $3T`,
    );
  }
  notes.push(FORECASTS_NOTE);

  const e = calendarIndexAtOrBefore(calendar, C8_BALANCE_SHEET_END);
  const used = Math.min(e, last) - b;
  return forecastResult(ctx, window, {
    statistic: parts.filter((p) => p === 'pass').length,
    n: used,
    verdict: partsVerdict(parts),
    thin: false,
    notes,
    fromIndex: b + 1,
    toIndex: Math.min(e, last),
    test: 'three registered parts, each pass or fail once its window has closed (no sampling test)',
    sample: `H.4.1 data from the last close on or before ${day(ctx.articleDay)} to ${day(C8_BALANCE_SHEET_END)}`,
  });
}
