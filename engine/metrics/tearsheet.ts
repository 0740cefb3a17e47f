import type { Day } from '../../datasets/day.ts';
import { isoDay } from '../../datasets/day.ts';
import { bestAndWorst, periodReturns, type PeriodReturn } from './period-returns.ts';
import { relativePerformance, type RelativePerformance } from './relative-performance.ts';
import { simpleReturns } from './returns.ts';
import { rollingRisk } from './rolling-risk.ts';
import { trailingReturns, type TrailingReturn } from './trailing-returns.ts';
import { historicalVar, type ValueAtRisk } from './value-at-risk.ts';
import { worstDrawdowns, type DrawdownEpisode } from './worst-drawdowns.ts';

/** A reference series a tearsheet compares against (US large caps, 60/40 …). */
export interface TearsheetReference {
  name: string;
  /** Daily simple returns aligned with the NAV (index 0 ignored). */
  returns: Float64Array;
}

/** The analytics quantstats and Portfolio Visualizer users expect, for one NAV path. */
export interface Tearsheet {
  monthly: PeriodReturn[];
  yearly: PeriodReturn[];
  bestMonth?: PeriodReturn;
  worstMonth?: PeriodReturn;
  bestYear?: PeriodReturn;
  worstYear?: PeriodReturn;
  /** The five deepest drawdown episodes, deepest first. */
  drawdowns: DrawdownEpisode[];
  /** Historical 95% VaR and CVaR of daily returns (empyrical's convention). */
  valueAtRisk: ValueAtRisk;
  trailing: TrailingReturn[];
  /** Against each reference, over the whole path. */
  relative: ({ against: string } & RelativePerformance)[];
  /** Rolling one-year volatility, and beta against the first reference, per day (NaN before a year). */
  rolling: { volatility: Float64Array; beta: Float64Array; betaAgainst?: string };
  /** Daily returns (index 0 is NaN), for histograms. */
  returns: Float64Array;
}

/**
 * Every tearsheet figure of a NAV path, computed once from typed arrays: monthly and yearly
 * returns with the best and worst of each, the five worst drawdowns, historical VaR/CVaR,
 * trailing 1/3/5/10-year returns, rolling one-year volatility and beta, and alpha, beta,
 * tracking error, information ratio and up/down capture against each reference.
 */
export function tearsheet(nav: Float64Array, days: Int32Array, riskFree: Float64Array | undefined, references: readonly TearsheetReference[]): Tearsheet {
  const returns = simpleReturns(nav);
  const monthly = periodReturns(nav, days, 'month');
  const yearly = periodReturns(nav, days, 'year');
  const months = bestAndWorst(monthly);
  const years = bestAndWorst(yearly);
  const first = references[0];
  const rolling = rollingRisk(returns, first?.returns);
  return {
    monthly,
    yearly,
    bestMonth: months?.best,
    worstMonth: months?.worst,
    bestYear: years?.best,
    worstYear: years?.worst,
    drawdowns: worstDrawdowns(nav, days, 5),
    valueAtRisk: historicalVar(returns.subarray(1), 0.95),
    trailing: trailingReturns(nav, days),
    relative: references.map((ref) => ({ against: ref.name, ...relativePerformance(returns.subarray(1), ref.returns.subarray(1), riskFree?.subarray(1)) })),
    rolling: { ...rolling, betaAgainst: first?.name },
    returns,
  };
}

/** A calendar month's or year's return as metrics.json writes it (`month` only for months). */
export interface PeriodReturnRecord {
  year: number;
  month?: number;
  return: number | null;
}

/** Relative figures against one reference, as metrics.json writes them (fractions, annualised). */
export interface RelativeRecord {
  alpha: number | null;
  beta: number | null;
  trackingError: number | null;
  informationRatio: number | null;
  upCapture: number | null;
  downCapture: number | null;
  days: number;
}

/** A tearsheet in metrics.json (`runs.NAME.tearsheet`): fractions, ISO dates, null for NaN. */
export interface TearsheetRecord {
  monthlyReturns: PeriodReturnRecord[];
  yearlyReturns: PeriodReturnRecord[];
  bestMonth: PeriodReturnRecord | null;
  worstMonth: PeriodReturnRecord | null;
  bestYear: PeriodReturnRecord | null;
  worstYear: PeriodReturnRecord | null;
  /** Depth is a positive fraction (the fall from the peak), as `maxDrawdown`. */
  worstDrawdowns: { depth: number | null; start: string | null; trough: string | null; recovery: string | null; lengthDays: number }[];
  /** Daily historical 95% VaR and CVaR, losses as negative returns. */
  valueAtRisk95: number | null;
  conditionalValueAtRisk95: number | null;
  /** "1y", "3y", "5y", "10y" → annualised return, null when the run is shorter. */
  trailingReturns: Record<string, number | null>;
  /** Reference run name → relative figures. */
  against: Record<string, RelativeRecord>;
}

/** The JSON form written to metrics.json: days as ISO dates, NaN as null, daily series left out. */
export function tearsheetJson(sheet: Tearsheet): TearsheetRecord {
  const day = (d: Day) => (Number.isFinite(d) ? isoDay(d) : null);
  const num = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
  const record = (p: PeriodReturn): PeriodReturnRecord => ({ year: p.year, ...(p.month ? { month: p.month } : {}), return: num(p.ret) });
  const period = (p?: PeriodReturn) => (p ? record(p) : null);
  return {
    monthlyReturns: sheet.monthly.map(record),
    yearlyReturns: sheet.yearly.map(record),
    bestMonth: period(sheet.bestMonth),
    worstMonth: period(sheet.worstMonth),
    bestYear: period(sheet.bestYear),
    worstYear: period(sheet.worstYear),
    worstDrawdowns: sheet.drawdowns.map((d) => ({
      depth: num(d.depth),
      start: day(d.start),
      trough: day(d.trough),
      recovery: day(d.recovery),
      lengthDays: d.lengthDays,
    })),
    valueAtRisk95: num(sheet.valueAtRisk.var),
    conditionalValueAtRisk95: num(sheet.valueAtRisk.cvar),
    trailingReturns: Object.fromEntries(sheet.trailing.map((t) => [`${t.years}y`, num(t.annualised)])),
    against: Object.fromEntries(
      sheet.relative.map((r) => [
        r.against,
        {
          alpha: num(r.alpha),
          beta: num(r.beta),
          trackingError: num(r.trackingError),
          informationRatio: num(r.informationRatio),
          upCapture: num(r.upCapture),
          downCapture: num(r.downCapture),
          days: r.days,
        },
      ]),
    ),
  };
}
