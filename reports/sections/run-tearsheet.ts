import { ROLE_TITLES } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { rollingRisk, simpleReturns, type PeriodReturnRecord, type TearsheetRecord } from '../../engine/metrics/index.ts';
import { binValues, histogramChart } from '../charts/histogram.ts';
import { roleColour, SERIES_COLOURS } from '../charts/palette.ts';
import { heatmapChart } from '../charts/heatmap.ts';
import { stackedAreaChart } from '../charts/stacked-area.ts';
import type { LineSeries } from '../charts/time-rows.ts';
import { timeSeriesChart } from '../charts/time-series.ts';
import { formatValue } from '../format.ts';
import type { ReportBlock, TableBlock, TableRow, ValueFormat } from '../model.ts';
import type { RunBundle } from '../../engine/run-bundle/index.ts';
import { runLabel } from './run-performance.ts';
import type { RunWeights } from './run-weights.ts';

const PCT1: ValueFormat = { style: 'percent', digits: 1 };
const SPCT1: ValueFormat = { style: 'percent', digits: 1, signed: true };
const SPCT2: ValueFormat = { style: 'percent', digits: 2, signed: true };
const NUM2: ValueFormat = { style: 'number', digits: 2 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What the tearsheet draws: a strategy and its benchmarks over the same days, each with its tearsheet. */
export interface TearsheetRuns {
  /** The runs' trading days, ascending. */
  days: Int32Array;
  /** The strategy first, then its benchmarks: name, label in legends and tables, NAV on `days`, tearsheet (engine/metrics, as metrics.json writes it). */
  runs: { name: string; label: string; nav: Float64Array; tearsheet?: TearsheetRecord }[];
  /** The last day, ISO (the end of the trailing returns). */
  to: string;
  /** The strategy's end-of-day weights by role, when known. */
  weights?: RunWeights;
}

/** A finished run's tearsheet input: its NAVs and metrics.json's tearsheets. */
export function tearsheetRunsOfBundle(bundle: RunBundle, weights: RunWeights | undefined): TearsheetRuns {
  return {
    days: bundle.days,
    runs: bundle.navs.map(({ name, nav }, k) => ({ name, label: runLabel(bundle, k), nav, tearsheet: bundle.metrics.runs[name].tearsheet })),
    to: bundle.metrics.to,
    ...(weights ? { weights } : {}),
  };
}

/** The tearsheet blocks of a finished run (see {@link tearsheetBlocks}). */
export function runTearsheetBlocks(bundle: RunBundle, weights: RunWeights | undefined): ReportBlock[] {
  return tearsheetBlocks(tearsheetRunsOfBundle(bundle, weights));
}

/**
 * The tearsheet blocks of a strategy against its benchmarks (`run --report` and `validate
 * --report` alike): weights over time, the strategy's monthly returns (years × months), its five
 * worst drawdowns, the histogram of its daily returns, rolling one-year volatility and beta, then
 * per run the relative figures against US large caps and 60/40, VaR/CVaR with the best and worst
 * month and year, and trailing returns. Every number in a table is the runs' own tearsheet
 * (engine/metrics, metrics.json's `tearsheet` for a finished run); the daily series a tearsheet
 * leaves out (returns, rolling risk) come from the NAVs through the same engine functions. Runs
 * without tearsheets (written by an older Quadrant) get one note instead.
 */
export function tearsheetBlocks(input: TearsheetRuns): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  if (input.weights) blocks.push(weightsChart(input.weights));
  const strategy = input.runs[0]?.tearsheet;
  if (!strategy) {
    blocks.push({
      kind: 'note',
      tone: 'info',
      text: 'This run has no tearsheet analytics in metrics.json (it was written by an older Quadrant): run `quadrant run --run-dir DIR` again for monthly returns, worst drawdowns, VaR, capture and trailing returns.',
    });
    return blocks;
  }
  const name = input.runs[0].name;
  blocks.push(monthlyHeatmap(strategy, name));
  blocks.push(drawdownTable(strategy, name));
  blocks.push(returnsHistogram(input, strategy));
  blocks.push(...rollingCharts(input));
  blocks.push({ kind: 'heading', text: 'Against the benchmarks, risk and trailing returns' });
  for (const ref of Object.keys(strategy.against)) blocks.push(relativeTable(input, ref));
  blocks.push(riskTable(input), trailingTable(input));
  return blocks;
}

function weightsChart(w: RunWeights): ReportBlock {
  const held = w.roles.map((role, k) => ({ role, values: w.weights[k] })).filter((s) => s.values.some((v) => v > 1e-9));
  const series: LineSeries[] = held.map((s) => ({ label: ROLE_TITLES[s.role], values: s.values, colour: roleColour(s.role) }));
  return {
    kind: 'chart',
    id: 'strategy-weights',
    title: 'Weights over time',
    alt: `The strategy's weights by role from ${isoDay(w.days[0])} to ${isoDay(w.days[w.days.length - 1])}: ${series.map((s) => s.label).join(', ')}.`,
    caption:
      "Each role's share of equity at the close (weights.csv), the last day of each month; roles never held are left out. Each role keeps its colour in every chart.",
    spec: stackedAreaChart({ days: w.days, maxPoints: 400, series, yTitle: 'Share of equity', height: 220 }),
  };
}

function monthlyHeatmap(sheet: TearsheetRecord, name: string): ReportBlock {
  const years = [...new Set(sheet.monthlyReturns.map((m) => m.year))].sort((a, b) => a - b);
  const cell = new Map(sheet.monthlyReturns.map((m) => [`${m.year}-${m.month}`, m.return]));
  const yearly = new Map(sheet.yearlyReturns.map((y) => [y.year, y.return]));
  const values = years.map((y) => [...MONTHS.map((_, m) => cell.get(`${y}-${m + 1}`) ?? null), yearly.get(y) ?? null]);
  // The scale fits the months (the year column would wash them out): the 95th percentile of |return|.
  const abs = sheet.monthlyReturns.map((m) => Math.abs(m.return ?? 0)).sort((a, b) => a - b);
  const max = abs.length ? Math.max(abs[Math.floor(0.95 * (abs.length - 1))], 0.005) : 0.05;
  return {
    kind: 'chart',
    id: 'strategy-monthly-returns',
    title: `Monthly returns of ${name}`,
    alt: `Monthly returns of ${name}, ${years[0]} to ${years[years.length - 1]}, one row per year, with the year's total.`,
    caption: `Compounded return of each calendar month, and of the year in the last column (metrics.json tearsheet); the first and last may be partial. Colours run from orange (loss) to blue (gain) and saturate at ±${formatValue(max, PCT1)}.`,
    compact: false,
    spec: heatmapChart({ rows: years.map(String), columns: [...MONTHS, 'Year'], values, format: SPCT1, max, legendTitle: 'Return', rowHeight: 20 }),
  };
}

function drawdownTable(sheet: TearsheetRecord, name: string): TableBlock {
  return {
    kind: 'table',
    id: 'strategy-worst-drawdowns',
    caption: `The five worst drawdowns of ${name}`,
    columns: [
      { key: 'rank', label: '#', format: { style: 'integer' } },
      { key: 'depth', label: 'Depth', format: SPCT1 },
      { key: 'start', label: 'Peak', align: 'left' },
      { key: 'trough', label: 'Trough', align: 'left' },
      { key: 'recovery', label: 'Recovered', align: 'left' },
      { key: 'length', label: 'Trading days', format: { style: 'integer' } },
    ],
    rows: sheet.worstDrawdowns.map((d, i) => ({
      key: String(i + 1),
      cells: [i + 1, d.depth === null ? null : -d.depth, d.start, d.trough, d.recovery ?? 'not yet', d.lengthDays],
      tones: [null, 'bad', null, null, d.recovery ? null : 'muted', null],
    })),
    note: 'Episodes do not overlap: each runs from a running high to the first close back at or above it. Depth is the fall from the peak (negative); trading days count from the peak to the recovery, or to the last day while still under water.',
  };
}

function returnsHistogram(input: TearsheetRuns, sheet: TearsheetRecord): ReportBlock {
  const nav = input.runs[0].nav;
  const m = positiveLength(nav);
  const r = simpleReturns(nav.subarray(0, m));
  const hist = binValues(r, -0.05, 0.05, 50);
  const markers = [
    ...(sheet.valueAtRisk95 !== null ? [{ value: sheet.valueAtRisk95, label: 'VaR', side: 'right' as const }] : []),
    ...(sheet.conditionalValueAtRisk95 !== null ? [{ value: sheet.conditionalValueAtRisk95, label: 'CVaR', side: 'left' as const }] : []),
  ];
  return {
    kind: 'chart',
    id: 'strategy-return-histogram',
    title: `Daily returns of ${input.runs[0].name}`,
    alt: `Histogram of ${hist.total} daily returns in 0.2% bins from -5% to +5%; ${hist.below} below and ${hist.above} above fall into the end bins.`,
    caption: `Share of days in 0.2-point bins; the ${hist.below + hist.above} days beyond ±5% are counted in the end bins. Dashed: the historical 95% value at risk, ${formatValue(sheet.valueAtRisk95, SPCT2)} (the 5th percentile of daily returns), and the mean of the days at or below it (CVaR), ${formatValue(sheet.conditionalValueAtRisk95, SPCT2)}.`,
    spec: histogramChart({ histogram: hist, format: SPCT1, axisFormat: '+.0%', xTitle: 'Daily return', markers, height: 170 }),
  };
}

function rollingCharts(input: TearsheetRuns): ReportBlock[] {
  const days = input.days;
  const T = days.length;
  const large = input.runs.findIndex((r) => r.name === 'us-large');
  const returns = input.runs.map(({ nav }) => {
    const m = positiveLength(nav);
    const r = new Float64Array(T).fill(NaN);
    r.set(simpleReturns(nav.subarray(0, m)));
    return r;
  });
  const vol: LineSeries[] = [];
  const beta: LineSeries[] = [];
  input.runs.forEach(({ label }, k) => {
    const risk = rollingRisk(returns[k], large >= 0 ? returns[large] : undefined);
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    vol.push({ label, values: risk.volatility, colour });
    if (large >= 0 && k !== large) beta.push({ label, values: risk.beta, colour });
  });
  const window = { days, maxPoints: 1500 };
  const blocks: ReportBlock[] = [
    {
      kind: 'chart',
      id: 'strategy-rolling-volatility',
      title: 'Rolling one-year volatility',
      alt: `Annualised volatility of daily returns over the trailing 252 trading days for ${vol.map((s) => s.label).join(', ')}.`,
      caption: "Sample standard deviation of the trailing 252 daily returns × √252 (quantstats' rolling volatility).",
      spec: timeSeriesChart({
        ...window,
        series: vol,
        yTitle: 'Volatility, annualised',
        yAxisFormat: '.0%',
        format: PCT1,
        zero: true,
        height: 190,
        emphasis: 0,
      }),
    },
  ];
  if (beta.length) {
    blocks.push({
      kind: 'chart',
      id: 'strategy-rolling-beta',
      title: 'Rolling one-year beta against US large caps',
      alt: `Beta of daily returns on us-large's over the trailing 252 trading days for ${beta.map((s) => s.label).join(', ')}.`,
      caption: "cov(r, b) / var(b) of the trailing 252 daily returns against us-large (empyrical's rolling beta); 1 moves with the market, 0 apart from it.",
      spec: timeSeriesChart({
        ...window,
        series: beta,
        yTitle: 'Beta',
        format: NUM2,
        rules: [{ value: 1, label: '', colour: '#777777' }],
        height: 190,
        emphasis: 0,
      }),
    });
  }
  return blocks;
}

function relativeTable(input: TearsheetRuns, reference: string): TableBlock {
  const rows: TableRow[] = [];
  input.runs.forEach(({ name, label, tearsheet }, k) => {
    const rel = tearsheet?.against[reference];
    if (!rel || name === reference) return;
    rows.push({
      key: name,
      ...(k === 0 ? { emphasis: true } : {}),
      cells: [label, rel.alpha, rel.beta, rel.informationRatio, rel.trackingError, rel.upCapture, rel.downCapture],
      tones: [null, tone(rel.alpha), null, tone(rel.informationRatio), null, null, null],
    });
  });
  return {
    kind: 'table',
    id: `strategy-against-${reference}`,
    caption: `Against ${reference}`,
    columns: [
      { key: 'portfolio', label: 'Portfolio', align: 'left' },
      { key: 'alpha', label: 'Alpha / yr', format: SPCT1 },
      { key: 'beta', label: 'Beta', format: NUM2 },
      { key: 'ir', label: 'Information ratio', format: { ...NUM2, signed: true } },
      { key: 'te', label: 'Tracking error / yr', format: PCT1 },
      { key: 'up', label: 'Up capture', format: NUM2 },
      { key: 'down', label: 'Down capture', format: NUM2 },
    ],
    rows,
    note: `Daily returns against ${reference}'s over the run. Alpha: Jensen's, on returns over T-bills, compounded to a year (empyrical); information ratio: mean over sd of the daily active return × √252 (annualised, where quantstats reports the daily ratio); tracking error: sd of the active return × √252; capture: annualised return on ${reference}'s up (down) days over its own (empyrical), a ratio where 1 matches it and a down capture below 1 loses less.`,
  };
}

function riskTable(input: TearsheetRuns): TableBlock {
  const period = (p: PeriodReturnRecord | null | undefined, monthly: boolean) =>
    p && p.return !== null ? `${formatValue(p.return, SPCT1)} (${monthly ? `${MONTHS[(p.month ?? 1) - 1]} ${p.year}` : p.year})` : null;
  return {
    kind: 'table',
    id: 'strategy-risk',
    caption: 'Value at risk and the extreme months and years',
    columns: [
      { key: 'portfolio', label: 'Portfolio', align: 'left' },
      { key: 'var', label: 'VaR 95% / day', format: SPCT2 },
      { key: 'cvar', label: 'CVaR 95% / day', format: SPCT2 },
      { key: 'bestMonth', label: 'Best month' },
      { key: 'worstMonth', label: 'Worst month' },
      { key: 'bestYear', label: 'Best year' },
      { key: 'worstYear', label: 'Worst year' },
    ],
    rows: input.runs.map(({ name, label, tearsheet: s }, k) => {
      return {
        key: name,
        ...(k === 0 ? { emphasis: true } : {}),
        cells: [
          label,
          s?.valueAtRisk95 ?? null,
          s?.conditionalValueAtRisk95 ?? null,
          period(s?.bestMonth, true),
          period(s?.worstMonth, true),
          period(s?.bestYear, false),
          period(s?.worstYear, false),
        ],
      };
    }),
    note: "Historical, on daily returns: VaR is the 5th percentile, CVaR the mean of the days at or below it (empyrical's convention; losses negative). Months and years are calendar periods, the first and last possibly partial.",
  };
}

function trailingTable(input: TearsheetRuns): TableBlock {
  const horizons = ['1y', '3y', '5y', '10y'];
  return {
    kind: 'table',
    id: 'strategy-trailing',
    caption: `Trailing returns to ${input.to}, annualised`,
    columns: [
      { key: 'portfolio', label: 'Portfolio', align: 'left' },
      ...horizons.map((h) => ({ key: h, label: `${h.replace('y', '')} year${h === '1y' ? '' : 's'}`, format: SPCT1 })),
    ],
    rows: input.runs.map(({ name, label, tearsheet }, k) => {
      const t = tearsheet?.trailingReturns ?? {};
      const values = horizons.map((h) => t[h] ?? null);
      return { key: name, ...(k === 0 ? { emphasis: true } : {}), cells: [label, ...values], tones: [null, ...values.map(tone)] };
    }),
    note: 'Compound annual return over the last 1, 3, 5 and 10 calendar years of the run ("–" when the run is shorter).',
  };
}

function tone(x: number | null): 'bad' | null {
  return x !== null && x < 0 ? 'bad' : null;
}

/** Days before a NAV stops being finite and positive (a wiped-out run). */
function positiveLength(nav: Float64Array): number {
  let m = 0;
  while (m < nav.length && nav[m] > 0 && nav[m] !== Infinity) m++;
  return m;
}
