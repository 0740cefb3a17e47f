import { isoDay, type Day } from './day.ts';
import type { Issue } from './issues.ts';
import type { Series } from './series.ts';

/** Longest tolerated distance, in calendar days, between two observations of each frequency. */
const GAP_DAYS: Record<string, number> = { daily: 10, weekly: 15, monthly: 45 };
/** How far a series may end before the newest data and still count as current. */
const STALE_DAYS: Record<string, number> = { daily: 10, weekly: 14, monthly: 75 };

/** The longest distance in calendar days between two valid observations, and where it starts. */
export function longestGap(series: Series): { days: number; from: Day } {
  let prev = NaN;
  let days = 0;
  let from = NaN;
  for (let i = 0; i < series.days.length; i++) {
    if (Number.isNaN(series.values[i])) continue;
    if (!Number.isNaN(prev) && series.days[i] - prev > days) {
      days = series.days[i] - prev;
      from = prev;
    }
    prev = series.days[i];
  }
  return { days, from };
}

/** The longest gap, as a warning when it exceeds the frequency's tolerance. */
export function checkGaps(series: Series): Issue | undefined {
  const limit = GAP_DAYS[series.meta.frequency];
  if (!limit) return undefined;
  const gap = longestGap(series);
  if (gap.days <= limit) return undefined;
  return {
    severity: 'warning',
    code: 'gap',
    series: series.id,
    file: series.meta.file,
    message: `longest gap ${gap.days} days, ${isoDay(gap.from)} to ${isoDay(gap.from + gap.days)}`,
    hint: 'values are carried forward across it',
  };
}

/** A warning when a series ends long before `latest` (the newest day across the dataset). */
export function checkStale(series: Series, lastDay: Day, latest: Day): Issue | undefined {
  const limit = STALE_DAYS[series.meta.frequency] ?? 10;
  if (latest - lastDay <= limit) return undefined;
  return {
    severity: 'warning',
    code: 'stale',
    series: series.id,
    file: series.meta.file,
    message: `stale: last value ${isoDay(lastDay)}, ${latest - lastDay} days before the newest data (${isoDay(latest)})`,
    hint: 'refresh it, or expect its role to fall back or end early',
  };
}

/**
 * The largest one-day move, as a ratio either way, an adjusted close may make before it is
 * flagged. ETFs (broad equity, bond, gold and commodity funds): ×1.3 (a 30% rise or a 23% fall);
 * on the snapshot the largest real moves of the catalog's ETFs are ×1.228 (EEM, 2008-10-13) and
 * ×1.212 (FXI, 2022-03-16), SPY's ×1.145 (2008-10-13). Indices and futures: ×1.6, since single
 * markets have moved ×1.5 in a day (the Hang Seng on 1987-10-26).
 */
export const JUMP_LIMIT = { etf: 1.3, index: 1.6 } as const;

/**
 * Day-over-day moves in an adjusted close beyond JUMP_LIMIT (×1.3 for an ETF, ×1.6 for an index)
 * look like an unadjusted split or a bad print: one warning per move, naming the day and line.
 */
export function checkSplitLikeJumps(series: Series, lines?: Int32Array, kind: keyof typeof JUMP_LIMIT = 'index'): Issue[] {
  const limit = JUMP_LIMIT[kind];
  const issues: Issue[] = [];
  let prev = NaN;
  for (let i = 0; i < series.values.length; i++) {
    const v = series.values[i];
    if (Number.isNaN(v)) continue;
    const ratio = v / prev;
    if (ratio > limit || ratio < 1 / limit) {
      issues.push({
        severity: 'warning',
        code: 'split-like-jump',
        series: series.id,
        file: series.meta.file,
        line: lines?.[i],
        message: `adjusted close moves ×${ratio.toFixed(3)} on ${isoDay(series.days[i])}, beyond the ×${limit} ${kind === 'etf' ? 'an ETF' : 'an index'} is checked against: an unadjusted split or a bad print?`,
        hint: 'check the source adjusts for splits',
      });
    }
    prev = v;
  }
  return issues;
}
