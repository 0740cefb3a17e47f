import type { Day } from '../../datasets/day.ts';
import { computeMetrics } from '../metrics/compute-metrics.ts';
import { badArgument } from '../stats/bad-argument.ts';
import { navFromReturns } from './day-masks.ts';
import type { EpisodeSpan } from './episodes-catalog.ts';
import type { NamedReturns } from './regime-stats.ts';

/** How a signal's event-time path is expressed relative to the episode's base close. */
export type PathMode = 'level' | 'change' | 'percent';

/** A daily signal to follow through the episodes (a regime score, reserves, the dollar…). */
export interface EpisodeSignal {
  name: string;
  values: Float64Array;
  units: string;
  /** level = the value itself; change = value − base value; percent = value / base − 1. */
  mode: PathMode;
}

/** What the comparison reads: everything on one calendar. */
export interface EpisodeInput {
  calendar: Int32Array;
  /** Regime labels (0 warm-up, 1..4); day i is "in" the quadrant labels[i − 1]. */
  labels: Uint8Array;
  /** The raw labels behind them (the quadrant the scores point at, before confirmation), when known. */
  rawLabels?: Uint8Array;
  /** Asset roles, strategies and benchmarks, as daily returns. */
  returns: readonly NamedReturns[];
  signals: readonly EpisodeSignal[];
}

/** One run of a quadrant inside an episode. */
export interface EpisodeSegment {
  quadrant: number;
  from: Day;
  to: Day;
  days: number;
}

/** One series' performance over one episode (fractions). */
export interface EpisodeReturn {
  name: string;
  /** Compound return from the base close to the episode's last close. */
  total: number;
  /** Annualised volatility of the episode's daily returns. */
  volatility: number;
  /** Worst peak-to-trough fall inside the episode, a positive fraction. */
  maxDrawdown: number;
}

/** One episode snapped to the calendar. */
export interface EpisodeSummary {
  id: string;
  title: string;
  description: string;
  /** First and last trading day inside the episode. */
  from: Day;
  to: Day;
  /** Index of the close before the first day (event day 0) and of the last day. */
  baseIndex: number;
  endIndex: number;
  /** Return days in the episode. */
  days: number;
  /** Days in force of quadrant q at index q (0 = warm-up / unknown). */
  quadrantDays: number[];
  /** With raw labels: the same count for the raw label (rawLabels[i − 1]) … */
  rawQuadrantDays?: number[];
  /** … and the days with a confirmed label on which the raw label differs from it. */
  rawDiffers?: number;
  segments: EpisodeSegment[];
  returns: EpisodeReturn[];
}

/** A series followed in event time: value k days after each episode's base close. */
export interface EventPath {
  name: string;
  units: string;
  mode: PathMode | 'cumulative';
  /** values[e][k]: episode e, event day k (0 = base close); NaN past the episode's end. */
  values: Float64Array[];
}

export interface EpisodeComparison {
  episodes: EpisodeSummary[];
  /** Longest episode, in event days. */
  length: number;
  /** Cumulative returns of every series, then the signals. */
  paths: EventPath[];
}

/**
 * Compares episodes side by side. Each span is snapped to the trading days inside it; event
 * day 0 is the close BEFORE its first trading day (so the first day's return is inside the
 * episode) and event day k the k-th trading day after it. Per episode: the quadrant in force on
 * each return day (labels[i − 1], as in every per-regime figure), its runs, with raw labels how
 * the raw label read on those days and on how many it differs from the confirmed one, each series' total
 * return, volatility and worst drawdown (engine/metrics computeMetrics over the episode's NAV
 * slice), and event-time paths of cumulative returns and signals aligned at event day 0.
 *
 * Timing: an episode's figures read data from its base close to its last day only.
 *
 * @throws QuadrantError `bad-argument` when an episode has no trading day in the calendar or an
 *   array's length differs from the calendar's.
 * @example
 * compareEpisodes(input, ['2022', '2025Q2'].map(resolveEpisode));
 */
export function compareEpisodes(input: EpisodeInput, spans: readonly EpisodeSpan[]): EpisodeComparison {
  const { calendar, labels } = input;
  const n = calendar.length;
  if (labels.length !== n) throw badArgument(`compareEpisodes needs labels as long as the calendar (${n}), got ${labels.length}`);
  if (input.rawLabels && input.rawLabels.length !== n)
    throw badArgument(`compareEpisodes needs raw labels as long as the calendar (${n}), got ${input.rawLabels.length}`);
  for (const s of [...input.returns.map((r) => r.returns), ...input.signals.map((s) => s.values)]) {
    if (s.length !== n) throw badArgument(`compareEpisodes needs every series as long as the calendar (${n}), got ${s.length}`);
  }
  const episodes = spans.map((span) => summarize(span, input));
  const length = Math.max(0, ...episodes.map((e) => e.endIndex - e.baseIndex));
  const paths: EventPath[] = [];
  for (const r of input.returns) {
    paths.push({ name: r.name, units: 'fraction', mode: 'cumulative', values: episodes.map((e) => cumulativePath(r.returns, e, length)) });
  }
  for (const s of input.signals)
    paths.push({ name: s.name, units: s.units, mode: s.mode, values: episodes.map((e) => eventPath(s.values, e, length, s.mode)) });
  return { episodes, length, paths };
}

function summarize(span: EpisodeSpan, input: EpisodeInput): EpisodeSummary {
  const { calendar, labels, rawLabels: raw } = input;
  let first = -1;
  let last = -1;
  for (let i = 0; i < calendar.length; i++) {
    if (calendar[i] < span.from || calendar[i] > span.to) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) throw badArgument(`episode ${span.id} has no trading day in the data`);
  const baseIndex = Math.max(0, first - 1);
  const startIndex = baseIndex + 1;
  const quadrantDays = [0, 0, 0, 0, 0];
  const rawQuadrantDays = [0, 0, 0, 0, 0];
  let rawDiffers = 0;
  const segments: EpisodeSegment[] = [];
  for (let i = startIndex; i <= last; i++) {
    const q = labels[i - 1];
    quadrantDays[q <= 4 ? q : 0]++;
    if (raw) {
      const r = raw[i - 1];
      rawQuadrantDays[r <= 4 ? r : 0]++;
      if (q !== 0 && r !== q) rawDiffers++;
    }
    const seg = segments[segments.length - 1];
    if (seg && seg.quadrant === q) {
      seg.to = calendar[i];
      seg.days++;
    } else segments.push({ quadrant: q, from: calendar[i], to: calendar[i], days: 1 });
  }
  const returns: EpisodeReturn[] = input.returns.map((r) => {
    // A series without a return on some day of the episode (e.g. a strategy not yet started) gets NaN figures.
    const slice = r.returns.subarray(startIndex, last + 1);
    if (slice.some((x) => Number.isNaN(x)) || slice.length === 0) return { name: r.name, total: NaN, volatility: NaN, maxDrawdown: NaN };
    const rs = new Float64Array(slice.length + 1);
    rs.set(slice, 1);
    const nav = navFromReturns(rs);
    const m = computeMetrics({ nav, days: calendar.subarray(baseIndex, last + 1) });
    return { name: r.name, total: nav[nav.length - 1] - 1, volatility: m.volatility, maxDrawdown: m.maxDrawdown };
  });
  return {
    id: span.id,
    title: span.title,
    description: span.description,
    from: calendar[startIndex <= last ? startIndex : first],
    to: calendar[last],
    baseIndex,
    endIndex: last,
    days: last - baseIndex,
    quadrantDays,
    ...(raw ? { rawQuadrantDays, rawDiffers } : {}),
    segments,
    returns,
  };
}

/** Compound return from the base close to event day k; NaN from the first missing return on. */
function cumulativePath(returns: Float64Array, e: EpisodeSummary, length: number): Float64Array {
  const out = new Float64Array(length + 1).fill(NaN);
  let g = 1;
  out[0] = 0;
  for (let k = 1; k <= e.endIndex - e.baseIndex; k++) {
    g *= 1 + returns[e.baseIndex + k];
    out[k] = g - 1;
  }
  return out;
}

function eventPath(values: Float64Array, e: EpisodeSummary, length: number, mode: PathMode): Float64Array {
  const out = new Float64Array(length + 1).fill(NaN);
  const base = values[e.baseIndex];
  for (let k = 0; k <= e.endIndex - e.baseIndex; k++) {
    const v = values[e.baseIndex + k];
    out[k] = mode === 'level' ? v : mode === 'change' ? v - base : v / base - 1;
  }
  return out;
}
