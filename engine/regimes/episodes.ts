import type { Episode, RegimeResult } from './types.ts';

/**
 * Runs of one quadrant: each maximal stretch of consecutive calendar days with the same
 * non-zero label. Days labelled 0 (warm-up) belong to no episode and split runs. `days` counts
 * trading days. O(n).
 *
 * @example
 * episodesOf(Uint8Array.of(0, 1, 1, 4), cal); // [{ quadrant: 1, startIndex: 1, endIndex: 2, days: 2, … }, { quadrant: 4, startIndex: 3, endIndex: 3, days: 1, … }]
 */
export function episodesOf(labels: Uint8Array, calendar: Int32Array): Episode[] {
  const out: Episode[] = [];
  const n = labels.length;
  let t = 0;
  while (t < n) {
    const q = labels[t];
    if (q === 0) {
      t++;
      continue;
    }
    let end = t;
    while (end + 1 < n && labels[end + 1] === q) end++;
    out.push({ quadrant: q as 1 | 2 | 3 | 4, startIndex: t, endIndex: end, start: calendar[t], end: calendar[end], days: end - t + 1 });
    t = end + 1;
  }
  return out;
}

/** An episode with the state of the signals behind it. */
export interface EpisodeSummary extends Episode {
  /** Mean liquidity and dollar scores over the episode. */
  liquidityScore: number;
  dollarScore: number;
  /** Mean of each component score over the episode. */
  components: Record<string, number>;
  /** Each raw signal on the episode's first day (what the data said when it began). */
  signalsAtStart: Record<string, number>;
  /** Days of the episode on which the raw label (before confirmation) is each quadrant, index 1..4 (0: none). */
  rawDays: number[];
  /** Days of the episode on which the raw label differs from the episode's (confirmed) one. */
  rawDiffers: number;
}

/**
 * Episodes of a result with the mean scores and components over each, the raw signals at its
 * start, and how the raw label (what the scores pointed at, before confirmation) read over it:
 * scores whose signs contradict the label come from days the raw label had already moved on or
 * had not yet been confirmed.
 */
export function summariseEpisodes(result: RegimeResult, calendar: Int32Array): EpisodeSummary[] {
  return episodesOf(result.labels, calendar).map((e) => {
    const components: Record<string, number> = {};
    for (const [name, c] of Object.entries(result.components)) components[name] = meanOver(c, e.startIndex, e.endIndex);
    const signalsAtStart: Record<string, number> = {};
    for (const [name, s] of Object.entries(result.signals)) signalsAtStart[name] = s[e.startIndex];
    const rawDays = [0, 0, 0, 0, 0];
    for (let t = e.startIndex; t <= e.endIndex; t++) rawDays[result.rawLabels[t] <= 4 ? result.rawLabels[t] : 0]++;
    return {
      ...e,
      liquidityScore: meanOver(result.liquidityScore, e.startIndex, e.endIndex),
      dollarScore: meanOver(result.dollarScore, e.startIndex, e.endIndex),
      components,
      signalsAtStart,
      rawDays,
      rawDiffers: e.days - rawDays[e.quadrant],
    };
  });
}

function meanOver(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = from; t <= to; t++) s += x[t];
  return s / (to - from + 1);
}
