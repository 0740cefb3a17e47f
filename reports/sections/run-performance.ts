import { dayParts, isoDay } from '../../datasets/day.ts';
import { drawdownSeries, rollingSharpe } from '../../engine/metrics/index.ts';
import { drawdownChart } from '../charts/drawdown.ts';
import { SERIES_COLOURS } from '../charts/palette.ts';
import type { LineSeries } from '../charts/time-rows.ts';
import { smallMultiplesChart } from '../charts/small-multiples.ts';
import { timeSeriesChart } from '../charts/time-series.ts';
import { SECTION_TITLES, type HeadlineTable, type ReportSection, type TableBlock, type TableRow, type ValueFormat } from '../model.ts';
import type { MetricsRecord, RunBundle } from '../../engine/run-bundle/index.ts';

const PCT1: ValueFormat = { style: 'percent', digits: 1 };
const NUM2: ValueFormat = { style: 'number', digits: 2 };

/** Headline metrics taken from metrics.json `overall` (key, label, format), in table order. */
export const RUN_HEADLINE_METRICS: readonly { key: string; label: string; format: ValueFormat; negate?: boolean }[] = [
  { key: 'cagr', label: 'CAGR', format: PCT1 },
  { key: 'volatility', label: 'Volatility', format: PCT1 },
  { key: 'sharpe', label: 'Sharpe', format: NUM2 },
  // metrics.json holds the depth (a positive fraction); reports show the fall, negative, as the drawdown chart.
  { key: 'maxDrawdown', label: 'Max drawdown', format: PCT1, negate: true },
  // One-way turnover as a share of equity a year (3.17 → 317%).
  { key: 'turnover', label: 'Turnover / yr', format: { style: 'percent', digits: 0 } },
  { key: 'costDrag', label: 'Costs / yr', format: { style: 'percent', digits: 2 } },
];

/** How a run is named in tables and legends: the strategy is marked as such. */
export function runLabel(bundle: RunBundle, k: number): string {
  return k === 0 ? `${bundle.navs[0].name} (strategy)` : bundle.navs[k].name;
}

/** A metrics.json number, or null (NaN was written as null; dates and absent keys are not numbers). */
function metricValue(record: MetricsRecord | undefined, key: string): number | null {
  const v = record?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The headline table straight from metrics.json: each run's overall CAGR, volatility, Sharpe
 * (over T-bills), maximum drawdown, one-way turnover a year and trading costs a year, exactly as
 * the run computed them (engine/backtest resultMetrics). The strategy first, then the benchmarks.
 */
export function runHeadline(bundle: RunBundle): HeadlineTable {
  return {
    from: bundle.metrics.from,
    to: bundle.metrics.to,
    metrics: RUN_HEADLINE_METRICS.map((m) => ({ ...m })),
    portfolios: bundle.navs.map(({ name }, k) => ({
      key: name,
      label: runLabel(bundle, k),
      ...(k === 0 ? { emphasis: true } : {}),
      values: RUN_HEADLINE_METRICS.map((m) => negated(metricValue(bundle.metrics.runs[name].overall, m.key), m.negate)),
    })),
  };
}

function negated(x: number | null, negate?: boolean): number | null {
  // 0 − x keeps a zero drawdown +0, never −0.
  return x !== null && negate ? 0 - x : x;
}

/** Day j's simple return of a NAV, nav[j] / nav[j − 1] − 1 (index 0: 0, never read). */
export function navReturns(nav: Float64Array): Float64Array {
  const out = new Float64Array(nav.length);
  for (let j = 1; j < nav.length; j++) out[j] = nav[j] / nav[j - 1] - 1;
  return out;
}

/** Days before a NAV stops being finite and positive (a wiped-out run, or a blank NAV). */
function positivePrefix(nav: Float64Array): number {
  let m = 0;
  while (m < nav.length && nav[m] > 0 && nav[m] !== Infinity) m++;
  return m;
}

/**
 * The performance section of a finished run. Charts are drawn from the NAVs in nav.csv and
 * benchmarks.csv: growth of $1 on a log scale (the NAVs as written, starting at 1), drawdowns
 * from the running peak (engine/metrics drawdownSeries), and the rolling one-year Sharpe ratio
 * of daily returns over T-bills (engine/metrics rollingSharpe). A NAV that reaches zero (a
 * wiped-out run) is drawn up to the day before, as the run's metrics stop there. Every number in
 * the tables comes from metrics.json: overall metrics, the calendar-year returns
 * ((1 + CAGR)^years − 1 of each year's metrics) and each run's annualised return under each
 * quadrant in force.
 *
 * @param riskFree daily T-bill return on the run's days (bundle.days; index 0 unused).
 */
export function runPerformanceSection(bundle: RunBundle, riskFree: Float64Array): ReportSection {
  const days = bundle.days;
  const T = days.length;
  const window = { days, maxPoints: 2000 };
  const colour = (k: number) => SERIES_COLOURS[k % SERIES_COLOURS.length];
  const growth: LineSeries[] = [];
  const drawdowns: LineSeries[] = [];
  const rolling: LineSeries[] = [];
  bundle.navs.forEach(({ nav }, k) => {
    const m = positivePrefix(nav);
    const label = runLabel(bundle, k);
    const level = new Float64Array(T).fill(NaN);
    level.set(nav.subarray(0, m));
    const dd = new Float64Array(T).fill(NaN);
    const d = drawdownSeries(nav.subarray(0, m));
    for (let i = 0; i < m; i++) dd[i] = -d[i];
    const excess = new Float64Array(T).fill(NaN);
    for (let i = 1; i < m; i++) excess[i] = nav[i] / nav[i - 1] - 1 - riskFree[i];
    growth.push({ label, values: level, colour: colour(k) });
    drawdowns.push({ label, values: dd, colour: colour(k) });
    rolling.push({ label, values: rollingSharpe(excess, 252), colour: colour(k) });
  });
  const period = `${isoDay(days[0])} to ${isoDay(days[T - 1])}`;
  const names = growth.map((g) => g.label).join(', ');
  return {
    title: SECTION_TITLES.performance,
    blocks: [
      metricsTable(bundle),
      {
        kind: 'chart',
        id: 'strategy-growth',
        title: 'Growth of $1 (log scale)',
        alt: `Growth of one dollar from ${period} for ${names}, log scale.`,
        caption: `The run's daily NAVs (nav.csv, benchmarks.csv) from ${isoDay(days[0])}; weekly points. A straight line on a log scale is a constant growth rate.`,
        spec: timeSeriesChart({ ...window, series: growth, yTitle: 'Growth of $1 (log scale)', log: true, yAxisFormat: '$.2~f', format: NUM2, height: 300 }),
      },
      {
        kind: 'chart',
        id: 'strategy-drawdown',
        title: 'Drawdown from the running peak',
        alt: `Drawdowns of ${names}, ${period}.`,
        caption: 'Fall below the highest NAV reached so far; each week shows its deepest point.',
        spec: drawdownChart({ ...window, series: drawdowns }),
      },
      yearsTable(bundle),
      quadrantTable(bundle),
      {
        kind: 'chart',
        id: 'strategy-rolling-sharpe',
        title: 'Rolling one-year Sharpe ratio',
        alt: `Rolling Sharpe ratio over 252 trading days for ${names}.`,
        caption:
          'Mean over standard deviation of daily returns in excess of T-bills over the trailing 252 trading days, annualised (× √252). One panel per run on one y scale: the strategy first, in bold, and pale behind each benchmark; dashed: zero.',
        spec: smallMultiplesChart({ ...window, series: rolling, format: NUM2, rule: 0, emphasis: 0 }),
      },
    ],
  };
}

function metricsTable(bundle: RunBundle): TableBlock {
  const cols: { key: string; label: string; format?: ValueFormat; negate?: boolean }[] = [
    { key: 'cagr', label: 'CAGR', format: PCT1 },
    { key: 'volatility', label: 'Volatility', format: PCT1 },
    { key: 'sharpe', label: 'Sharpe', format: NUM2 },
    { key: 'sortino', label: 'Sortino', format: NUM2 },
    { key: 'maxDrawdown', label: 'Max drawdown', format: PCT1, negate: true },
    { key: 'maxDrawdownStart', label: 'Peak' },
    { key: 'maxDrawdownTrough', label: 'Trough' },
    { key: 'hitRate', label: 'Up days', format: PCT1 },
  ];
  return {
    kind: 'table',
    id: 'strategy-metrics',
    caption: `Metrics from metrics.json, ${bundle.metrics.from} to ${bundle.metrics.to}`,
    columns: [
      { key: 'portfolio', label: 'Portfolio', align: 'left' },
      ...cols.map((c) => (c.format ? { key: c.key, label: c.label, format: c.format } : { key: c.key, label: c.label, align: 'left' as const })),
    ],
    rows: bundle.navs.map(({ name }, k) => {
      const m = bundle.metrics.runs[name].overall;
      return {
        key: name,
        ...(k === 0 ? { emphasis: true } : {}),
        cells: [
          runLabel(bundle, k),
          ...cols.map((c) => (c.format ? negated(metricValue(m, c.key), c.negate) : typeof m[c.key] === 'string' ? (m[c.key] as string) : null)),
        ],
      };
    }),
    note: 'As quadrant run computed them: CAGR and volatility annualised with 252 trading days; Sharpe and Sortino on returns in excess of T-bills; maximum drawdown the fall (negative) from the peak to the trough dated beside it.',
  };
}

function yearsTable(bundle: RunBundle): TableBlock {
  const years = new Set<number>();
  for (const { name } of bundle.navs) for (const y of Object.keys(bundle.metrics.runs[name].byYear ?? {})) years.add(Number(y));
  const days = bundle.days;
  const first = dayParts(days[0]);
  const last = dayParts(days[days.length - 1]);
  const partial = (y: number) => (y === first.year && first.month > 1) || (y === last.year && last.month < 12);
  const rows: TableRow[] = [...years]
    .filter(Number.isInteger)
    .sort((a, b) => a - b)
    .map((y) => {
      const values = bundle.navs.map(({ name }) => {
        const m = bundle.metrics.runs[name].byYear?.[String(y)];
        const cagr = metricValue(m, 'cagr');
        const span = metricValue(m, 'years');
        // The year's total return: CAGR over a whole year is the year's growth; over a partial year, un-annualise.
        return cagr === null || span === null ? null : (1 + cagr) ** span - 1;
      });
      return {
        key: String(y),
        cells: [partial(y) ? `${y} (part)` : String(y), ...values],
        tones: [null, ...values.map((v) => (v !== null && v < -0.0005 ? ('bad' as const) : null))],
      };
    });
  return {
    kind: 'table',
    id: 'strategy-years',
    caption: 'Calendar-year returns',
    columns: [{ key: 'year', label: 'Year', align: 'left' }, ...bundle.navs.map(({ name }, k) => ({ key: name, label: runLabel(bundle, k), format: PCT1 }))],
    rows,
    note: 'Total return within each calendar year, (1 + CAGR)^years − 1 of metrics.json byYear; "part" marks a year the run covers only partly.',
  };
}

function quadrantTable(bundle: RunBundle): TableBlock {
  const strategy = bundle.metrics.runs[bundle.navs[0].name];
  return {
    kind: 'table',
    id: 'strategy-quadrants',
    caption: 'Annualised return (CAGR) under each quadrant in force',
    columns: [
      { key: 'quadrant', label: 'Quadrant', align: 'left' },
      { key: 'days', label: 'Days', format: { style: 'integer' } },
      ...bundle.navs.map(({ name }, k) => ({ key: name, label: runLabel(bundle, k), format: PCT1 })),
    ],
    rows: [1, 2, 3, 4].map((q) => {
      const values = bundle.navs.map(({ name }) => metricValue(bundle.metrics.runs[name].byQuadrant?.[`Q${q}`], 'cagr'));
      return {
        key: `Q${q}`,
        cells: [`Q${q}`, metricValue(strategy.byQuadrant?.[`Q${q}`], 'days'), ...values],
        tones: [null, null, ...values.map((v) => (v !== null && v < 0 ? ('bad' as const) : null))],
      };
    }),
    note: "From metrics.json byQuadrant: day t's return counts for the quadrant labelled at the close of t − 1, the label the strategy traded on.",
  };
}
