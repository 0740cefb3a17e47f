import { isoDay } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import type { Panel } from '../../datasets/panel.ts';
import { calibrationText, episodesOf, summariseEpisodes, timeShares, type RegimeResult } from '../../engine/regimes/index.ts';
import { formatValue } from '../format.ts';
import { QUADRANT_MEANINGS, QUADRANT_NAMES } from '../charts/palette.ts';
import { regimeTimelineChart, type TimelinePanel } from '../charts/regime-timeline.ts';
import type { ReportSection, TableBlock } from '../model.ts';

export interface TimelineOptions {
  /** Price column drawn for US large caps (default SPY). */
  equity?: string;
  /** Months in the zoomed view ending on the last day (default 24). */
  zoomMonths?: number;
  /** How many of the latest regime episodes to list (default 12). */
  episodes?: number;
}

/**
 * The regime timeline: quadrant shading (engine/regimes labels, point in time) behind US large
 * caps on a log scale and the dollar index the regime reads (the config's dollarSource), over
 * the whole labelled history and zoomed on the last months; then the share of days in each
 * quadrant and the latest episodes.
 *
 * @throws DataError when the panel lacks the equity or dollar column.
 */
export function regimeTimelineSection(panel: Panel, regimes: RegimeResult, options: TimelineOptions = {}): ReportSection {
  const equity = options.equity ?? 'SPY';
  const dollar = regimes.config.dollarSource;
  // The dollar as the regimes read it (a spliced source has no panel column of its own).
  const dollarValues = regimes.signals.dollar ?? panel.columns[dollar];
  if (!panel.columns[equity]) throw new DataError('series-missing', `the regime timeline needs ${equity}`, { series: equity });
  if (!dollarValues) throw new DataError('series-missing', `the regime timeline needs ${dollar}`, { series: dollar });
  const cal = panel.calendar;
  const n = cal.length;
  const first = Math.max(0, regimes.firstLabelled);
  const from = cal[first];
  const to = cal[n - 1];
  const zoomFrom = to - Math.round((options.zoomMonths ?? 24) * 30.44);
  const panels: TimelinePanel[] = [
    { label: `US large caps (${equity}, log)`, values: panel.columns[equity], log: true, format: { style: 'number', digits: 2 } },
    { label: `Dollar index (${dollar})`, values: dollarValues, format: { style: 'number', digits: 2 } },
  ];
  const shares = timeShares(regimes.labels);
  const episodes = episodesOf(regimes.labels, cal).filter((e) => e.quadrant >= 1);
  const latest = summariseEpisodes(regimes, cal)
    .slice(-(options.episodes ?? 12))
    .reverse();
  const mostly = (days: readonly number[]) => [1, 2, 3, 4].reduce((best, q) => (days[q] > days[best] ? q : best), 1);
  const rule = confirmationRule(regimes);
  const sharesTable: TableBlock = {
    kind: 'table',
    id: 'regime-shares',
    caption: `Time in each quadrant, ${isoDay(from)} to ${isoDay(to)}`,
    columns: [
      { key: 'quadrant', label: 'Quadrant', align: 'left' },
      { key: 'meaning', label: 'Meaning', align: 'left' },
      { key: 'share', label: 'Share of days', format: { style: 'percent', digits: 1 } },
      { key: 'episodes', label: 'Episodes', format: { style: 'integer' } },
    ],
    rows: ([1, 2, 3, 4] as const).map((q) => ({
      key: `Q${q}`,
      cells: [QUADRANT_NAMES[q], QUADRANT_MEANINGS[q], shares[q], episodes.filter((e) => e.quadrant === q).length],
    })),
  };
  const episodeTable: TableBlock = {
    kind: 'table',
    id: 'regime-episodes',
    caption: 'Latest regime episodes',
    columns: [
      { key: 'quadrant', label: 'Quadrant', align: 'left' },
      { key: 'start', label: 'From', align: 'left' },
      { key: 'end', label: 'To', align: 'left' },
      { key: 'days', label: 'Trading days', format: { style: 'integer' } },
      { key: 'liquidity', label: 'Liquidity score', format: { style: 'number', digits: 2, signed: true } },
      { key: 'dollar', label: 'Dollar score', format: { style: 'number', digits: 2, signed: true } },
      { key: 'rawDiffers', label: 'Raw label differs', align: 'right' },
      { key: 'rawMostly', label: 'Raw label mostly', align: 'left' },
    ],
    rows: [
      // Stale stretches (an input past its normal publication interval) get no quadrant.
      ...episodesOf(regimes.stale, cal)
        .reverse()
        .map((e) => ({ cells: ['stale (an input is late)', isoDay(e.start), isoDay(e.end), e.days, null, null, null, null] })),
      ...latest.map((e) => ({
        cells: [
          QUADRANT_NAMES[e.quadrant],
          isoDay(e.start),
          isoDay(e.end),
          e.days,
          e.liquidityScore,
          e.dollarScore,
          `${e.rawDiffers} (${formatValue(e.rawDiffers / e.days, { style: 'percent', digits: 0 })})`,
          `Q${mostly(e.rawDays)}`,
        ],
      })),
    ],
    note: `Scores: means over the episode (liquidity > 0 easing, dollar > 0 strengthening). Raw label: the quadrant the two scores point at each day, before confirmation${rule ? ` (${rule})` : ''}; "differs" counts the episode's days on which it is not the episode's quadrant. Scores whose signs contradict the label come from such days: the label was still waiting for confirmation.`,
  };
  return {
    title: 'Regime timeline',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `Quadrants from the "${regimes.config.name}" regime definition: the first axis reads the Fed's stance (balance sheet, liquidity, policy rate, easing against expectations), the second the dollar (${dollar}). Each day's label uses only data published by that day's close; unshaded days are the warm-up before the first label, or stale days, when an input is older than its longest normal publication interval.`,
          ...calibrationText(regimes.labels, cal)
            .split('\n')
            .map((line) => line.replace(/^\s*-?\s*/, '')),
        ],
      },
      {
        kind: 'chart',
        id: 'timeline-full',
        title: 'Regimes behind US large caps and the dollar, whole history',
        alt: `Quadrant shading from ${isoDay(from)} to ${isoDay(to)} behind ${equity} (log scale) and ${dollar}.`,
        caption: 'Shading: the quadrant known at each close. Lines: weekly closes.',
        spec: regimeTimelineChart({ days: cal, from, to, labels: regimes.labels, panels }),
      },
      {
        kind: 'chart',
        id: 'timeline-zoom',
        title: `The last ${options.zoomMonths ?? 24} months`,
        alt: `Quadrant shading from ${isoDay(zoomFrom)} to ${isoDay(to)} behind ${equity} and ${dollar}.`,
        caption:
          'Daily values as known at each close (the broad dollar index is published weekly, hence its steps); hover for the quadrant and values of each week.',
        spec: regimeTimelineChart({ days: cal, from: zoomFrom, to, labels: regimes.labels, panels, maxHover: 160 }),
      },
      sharesTable,
      episodeTable,
    ],
  };
}

/**
 * The rule that turns raw labels into confirmed ones, in words ("a new quadrant must be the raw
 * one for 10 trading days in a row"); undefined for a model that labels days without one.
 */
export function confirmationRule(regimes: RegimeResult): string | undefined {
  if (regimes.config.model === 'markov-switching') return undefined;
  const { confirmDays, confirmBy } = regimes.config.stability;
  return confirmBy === 'axis'
    ? `each axis's new side must hold for ${confirmDays} trading days`
    : `a new quadrant must be the raw one for ${confirmDays} trading days in a row`;
}
