import { dayParts, isoDay } from '../../datasets/day.ts';
import { computeMetrics, drawdownSeries, metricsByYear, rollingSharpe, type Metrics } from '../../engine/metrics/index.ts';
import { drawdownChart } from '../charts/drawdown.ts';
import { smallMultiplesChart } from '../charts/small-multiples.ts';
import { timeSeriesChart } from '../charts/time-series.ts';
import { roleColour, SERIES_COLOURS } from '../charts/palette.ts';
import { isRole } from '../../datasets/catalog.ts';
import type { HeadlineTable, ReportSection, TableBlock } from '../model.ts';

/** A daily return series to show: the strategy, a benchmark, or an asset role. */
export interface PortfolioReturns {
  key: string;
  label: string;
  /** Day i's simple return (close i−1 → close i) on the calendar; index `from` is ignored. */
  returns: Float64Array;
  /** Bold in tables (the strategy). */
  emphasis?: boolean;
}

export interface PerformanceInput {
  calendar: Int32Array;
  portfolios: readonly PortfolioReturns[];
  /** Daily T-bill return on the calendar, for Sharpe ratios. */
  riskFree: Float64Array;
  /** First and last calendar index of the period shown (inclusive; default all). */
  from?: number;
  to?: number;
  title?: string;
  /** Paragraphs before the charts. */
  intro?: string[];
  /** Keys drawn in the drawdown chart (default all; the first is shaded). */
  drawdownKeys?: readonly string[];
  /** Keys drawn in the rolling Sharpe chart (default all). */
  rollingKeys?: readonly string[];
  /** Trading days of the rolling Sharpe window (default 252, one year). */
  rollingWindow?: number;
  /** Prefix of chart ids, so two performance sections can share a report (default "perf"). */
  idPrefix?: string;
}

/** Each portfolio's NAV over [from, to], starting at 1 on `from`. */
export function navOver(returns: Float64Array, from: number, to: number): Float64Array {
  const nav = new Float64Array(to - from + 1);
  nav[0] = 1;
  for (let i = from + 1; i <= to; i++) nav[i - from] = nav[i - from - 1] * (1 + returns[i]);
  return nav;
}

/**
 * The performance section: growth of $1 on a log scale, drawdowns, a table of the headline
 * metrics (engine/metrics computeMetrics over the period: CAGR, volatility, Sharpe over T-bills,
 * maximum drawdown), yearly returns (metricsByYear: calendar-year CAGR = the year's return), and
 * the rolling one-year Sharpe ratio on excess returns. Works for a strategy with its benchmarks
 * as well as for plain asset roles.
 */
export function performanceSection(input: PerformanceInput): ReportSection {
  const n = input.calendar.length;
  const from = input.from ?? 0;
  const to = input.to ?? n - 1;
  const prefix = input.idPrefix ?? 'perf';
  const days = input.calendar.subarray(from, to + 1);
  const navs = input.portfolios.map((p) => navOver(p.returns, from, to));
  const rf = input.riskFree.subarray(from, to + 1);
  const metrics = navs.map((nav) => computeMetrics({ nav, days, riskFree: rf }));
  const window = { days, maxPoints: 2000 };
  const pick = (keys: readonly string[] | undefined) => input.portfolios.map((p, k) => ({ p, k })).filter(({ p }) => !keys || keys.includes(p.key));
  // One colour per portfolio in every chart: an asset role's own colour, else its position's in the full list.
  const colour = (k: number) => (isRole(input.portfolios[k].key) ? roleColour(input.portfolios[k].key) : SERIES_COLOURS[k % SERIES_COLOURS.length]);

  const growth = timeSeriesChart({
    ...window,
    series: input.portfolios.map((p, k) => ({ label: p.label, values: navs[k], colour: colour(k) })),
    yTitle: 'Growth of $1 (log scale)',
    log: true,
    yAxisFormat: '$.2~f',
    format: { style: 'number', digits: 2 },
    height: 300,
  });
  const dd = pick(input.drawdownKeys);
  const drawdowns = drawdownChart({
    ...window,
    series: dd.map(({ p, k }) => {
      const d = drawdownSeries(navs[k]);
      for (let i = 0; i < d.length; i++) d[i] = -d[i];
      return { label: p.label, values: d, colour: colour(k) };
    }),
  });
  const rollingWindow = input.rollingWindow ?? 252;
  const rollingPicks = pick(input.rollingKeys);
  const rolling = rollingPicks.map(({ p, k }) => {
    const excess = new Float64Array(to - from + 1).fill(NaN);
    for (let i = from + 1; i <= to; i++) excess[i - from] = p.returns[i] - input.riskFree[i];
    return { label: p.label, values: rollingSharpe(excess, rollingWindow), colour: colour(k) };
  });
  const period = `${isoDay(days[0])} to ${isoDay(days[days.length - 1])}`;
  const emphasised = rollingPicks.find(({ p }) => p.emphasis);
  return {
    title: input.title ?? 'Performance',
    blocks: [
      ...(input.intro?.length ? [{ kind: 'text' as const, paragraphs: input.intro }] : []),
      metricsTable(`${prefix}-metrics`, input.portfolios, metrics, `Metrics, ${period}`),
      {
        kind: 'chart',
        id: `${prefix}-growth`,
        title: 'Growth of $1 (log scale)',
        alt: `Growth of one dollar from ${period} for ${input.portfolios.map((p) => p.label).join(', ')}, log scale.`,
        caption: `Daily total returns compounded from ${isoDay(days[0])}; weekly points. A straight line on a log scale is a constant growth rate.`,
        spec: growth,
      },
      {
        kind: 'chart',
        id: `${prefix}-drawdown`,
        title: 'Drawdown from the running peak',
        alt: `Drawdowns of ${dd.map(({ p }) => p.label).join(', ')}, ${period}.`,
        caption: 'Fall below the highest value reached so far; each week shows its deepest point.',
        spec: drawdowns,
      },
      yearlyTable(`${prefix}-years`, input, navs, days, rf),
      {
        kind: 'chart',
        id: `${prefix}-rolling-sharpe`,
        title: `Rolling ${rollingWindow === 252 ? 'one-year' : `${rollingWindow}-day`} Sharpe ratio`,
        alt: `Rolling Sharpe ratio over ${rollingWindow} trading days for ${rolling.map((r) => r.label).join(', ')}.`,
        caption: `Mean over standard deviation of daily returns in excess of T-bills over the trailing ${rollingWindow} trading days, annualised (× √252). One panel per series on one y scale${emphasised ? `; the pale line behind each is ${emphasised.p.label}, in bold in its own panel` : ''}; dashed: zero.`,
        spec: smallMultiplesChart({ ...window, series: rolling, format: { style: 'number', digits: 2 }, rule: 0, ...emphasisOf(rollingPicks) }),
      },
    ],
  };
}

/** The metrics table of a performance section (also the shape of the headline table). */
function metricsTable(id: string, portfolios: readonly PortfolioReturns[], metrics: Metrics[], caption: string): TableBlock {
  return {
    kind: 'table',
    id,
    caption,
    columns: [
      { key: 'portfolio', label: 'Portfolio', align: 'left' },
      { key: 'cagr', label: 'CAGR', format: { style: 'percent', digits: 1 } },
      { key: 'volatility', label: 'Volatility', format: { style: 'percent', digits: 1 } },
      { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
      { key: 'sortino', label: 'Sortino', format: { style: 'number', digits: 2 } },
      { key: 'maxDrawdown', label: 'Max drawdown', format: { style: 'percent', digits: 1 } },
      { key: 'hitRate', label: 'Up days', format: { style: 'percent', digits: 1 } },
    ],
    rows: portfolios.map((p, k) => ({
      key: p.key,
      ...(p.emphasis ? { emphasis: true } : {}),
      cells: [p.label, metrics[k].cagr, metrics[k].volatility, metrics[k].sharpe, metrics[k].sortino, 0 - metrics[k].maxDrawdown, metrics[k].hitRate],
    })),
    note: 'CAGR and volatility annualised with 252 trading days; Sharpe and Sortino on returns in excess of T-bills; maximum drawdown: the largest fall from a peak, as a fraction of the peak.',
  };
}

/** Headline metrics (the summary's table) from the same definitions. */
export function headlineFrom(input: PerformanceInput): HeadlineTable {
  const n = input.calendar.length;
  const from = input.from ?? 0;
  const to = input.to ?? n - 1;
  const days = input.calendar.subarray(from, to + 1);
  const rf = input.riskFree.subarray(from, to + 1);
  const keys = ['cagr', 'volatility', 'sharpe', 'maxDrawdown'] as const;
  return {
    from: isoDay(days[0]),
    to: isoDay(days[days.length - 1]),
    metrics: [
      { key: 'cagr', label: 'CAGR', format: { style: 'percent', digits: 1 } },
      { key: 'volatility', label: 'Volatility', format: { style: 'percent', digits: 1 } },
      { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
      { key: 'maxDrawdown', label: 'Max drawdown', format: { style: 'percent', digits: 1 } },
    ],
    portfolios: input.portfolios.map((p) => {
      const m = computeMetrics({ nav: navOver(p.returns, from, to), days, riskFree: rf });
      return {
        key: p.key,
        label: p.label,
        ...(p.emphasis ? { emphasis: true } : {}),
        values: keys.map((k) => (Number.isFinite(m[k]) ? (k === 'maxDrawdown' ? 0 - m[k] : m[k]) : null)),
      };
    }),
  };
}

function yearlyTable(id: string, input: PerformanceInput, navs: Float64Array[], days: Int32Array, rf: Float64Array): TableBlock {
  const perYear = navs.map((nav) => metricsByYear({ nav, days, riskFree: rf }));
  const years = new Set<number>();
  for (const m of perYear) for (const y of m.keys()) years.add(y);
  const sorted = [...years].sort((a, b) => a - b);
  const firstYear = dayParts(days[0]).year;
  const lastYear = dayParts(days[days.length - 1]).year;
  const partial = (y: number) => (y === firstYear && dayParts(days[0]).month > 1) || (y === lastYear && dayParts(days[days.length - 1]).month < 12);
  return {
    kind: 'table',
    id,
    caption: 'Calendar-year returns',
    columns: [
      { key: 'year', label: 'Year', align: 'left' },
      ...input.portfolios.map((p) => ({ key: p.key, label: p.label, format: { style: 'percent' as const, digits: 1 } })),
    ],
    rows: sorted.map((y) => {
      const values = perYear.map((m) => {
        const x = m.get(y);
        if (!x) return null;
        // The year's total return: CAGR over a whole year is the year's growth; over a partial year, un-annualise.
        return Number.isFinite(x.cagr) ? (1 + x.cagr) ** x.years - 1 : null;
      });
      return {
        key: String(y),
        cells: [partial(y) ? `${y} (part)` : String(y), ...values],
        tones: [null, ...values.map((v) => (v !== null && v < -0.0005 ? ('bad' as const) : null))],
      };
    }),
    note: 'Total return within each calendar year; "part" marks a year the period covers only partly.',
  };
}

/** The emphasised portfolio's position among the drawn ones (the strategy among benchmarks), if any. */
function emphasisOf(picks: readonly { p: PortfolioReturns }[]): { emphasis?: number } {
  const i = picks.findIndex(({ p }) => p.emphasis);
  return i >= 0 ? { emphasis: i } : {};
}
