import { isoDay } from '../../datasets/day.ts';
import type { EpisodeComparison } from '../../engine/analysis/index.ts';
import { formatValue } from '../format.ts';
import { eventPathChart } from '../charts/event-path.ts';
import { heatmapChart } from '../charts/heatmap.ts';
import { SERIES_COLOURS } from '../charts/palette.ts';
import { CALIBRATION_TARGETS } from '../../engine/regimes/calibration.ts';
import type { ReportSection, TableBlock } from '../model.ts';

const PCT = { style: 'percent' as const, digits: 1 };

/**
 * Episode comparison panels from engine/analysis compareEpisodes: each series' total return in
 * each episode as a heatmap (worst drawdown under it), the quadrants in force during each
 * episode, and, for the series named in `pathOf`, cumulative returns in event time (trading
 * days since the close before each episode) so the episodes line up at their start.
 */
export function episodesSection(cmp: EpisodeComparison, options: { pathOf?: readonly string[]; confirmation?: string } = {}): ReportSection {
  const series = cmp.episodes[0]?.returns.map((r) => r.name) ?? [];
  const values = series.map((_, i) => cmp.episodes.map((e) => (Number.isFinite(e.returns[i].total) ? e.returns[i].total : null)));
  const sublabels = series.map((_, i) =>
    cmp.episodes.map((e) =>
      Number.isFinite(e.returns[i].maxDrawdown) ? `worst ${formatValue(-e.returns[i].maxDrawdown, { style: 'percent', digits: 0 })}` : null,
    ),
  );
  const tips = series.map((_, i) => cmp.episodes.map((e) => `${isoDay(e.from)} to ${isoDay(e.to)}; volatility ${formatValue(e.returns[i].volatility, PCT)}`));
  return {
    title: 'Episode comparison',
    blocks: [...episodeIntro(cmp), episodeMixTable(cmp, options.confirmation), ...episodeCharts(cmp, series, values, sublabels, tips, options.pathOf)],
  };
}

/**
 * The episodes and the quadrants in force: confirmed days per quadrant and, when the comparison
 * has raw labels, how many labelled days the raw label (what the scores said that day) differs
 * and its own mix, so the reader sees what the confirmation rule did.
 */
export function episodeMixTable(cmp: EpisodeComparison, confirmation?: string): TableBlock {
  const withRaw = cmp.episodes.some((e) => e.rawQuadrantDays);
  const labelled = (e: EpisodeComparison['episodes'][number]) => e.quadrantDays[1] + e.quadrantDays[2] + e.quadrantDays[3] + e.quadrantDays[4];
  const differs = (e: EpisodeComparison['episodes'][number]) =>
    e.rawDiffers === undefined ? null : `${e.rawDiffers} (${formatValue(labelled(e) ? e.rawDiffers / labelled(e) : 0, { style: 'percent', digits: 0 })})`;
  const mix = (d: number[]) => [1, 2, 3, 4].map((q) => d[q]).join('/');
  return {
    kind: 'table',
    id: 'episode-regimes',
    caption: 'Episodes and the quadrants in force',
    columns: [
      { key: 'episode', label: 'Episode', align: 'left' },
      { key: 'from', label: 'From', align: 'left' },
      { key: 'to', label: 'To', align: 'left' },
      { key: 'days', label: 'Days', format: { style: 'integer' } },
      { key: 'confirmed', label: withRaw ? 'Confirmed Q1/Q2/Q3/Q4' : 'Days in Q1/Q2/Q3/Q4', align: 'right' },
      ...(withRaw
        ? [
            { key: 'raw', label: 'Raw Q1/Q2/Q3/Q4', align: 'right' as const },
            { key: 'rawDiffers', label: 'Raw differs', align: 'right' as const },
          ]
        : []),
      { key: 'description', label: 'What happened', align: 'left' as const },
    ],
    rows: cmp.episodes.map((e) => ({
      key: e.id,
      cells: [
        e.title,
        isoDay(e.from),
        isoDay(e.to),
        e.days,
        mix(e.quadrantDays),
        ...(withRaw ? [e.rawQuadrantDays ? mix(e.rawQuadrantDays) : null, differs(e)] : []),
        e.description,
      ],
    })),
    ...(withRaw
      ? {
          note: `Confirmed: the label in force, the one every table and strategy uses. Raw: the quadrant the two scores pointed at on the close before, before confirmation${confirmation ? ` (${confirmation})` : ''}; both as days in Q1/Q2/Q3/Q4; "raw differs" counts the labelled days on which the two disagree, and their share. Mean scores whose signs contradict an episode's label come from such days: the label waits until a new quadrant is confirmed.`,
        }
      : {}),
  };
}

function episodeIntro(cmp: EpisodeComparison): ReportSection['blocks'] {
  const titles = cmp.episodes.map((e) => e.title);
  return [
    {
      kind: 'text',
      paragraphs: [
        `${titles.join(' against ')}: how each asset did, and which quadrant the regime engine saw at the time (a day counts for the quadrant known at the previous close).`,
        // The two examples of the note were targets of the regime definitions (engine/regimes/calibration.ts).
        ...(cmp.episodes.some((e) => CALIBRATION_TARGETS.some((c) => c.episode === e.id))
          ? [
              `${CALIBRATION_TARGETS.map((c) => c.episode).join(' and ')} are calibration episodes, not validation: the regime definitions were adjusted until they read as the note says (Q4 and Q3), so their quadrant mix is no evidence for the definitions.`,
            ]
          : []),
      ],
    },
  ];
}

function episodeCharts(
  cmp: EpisodeComparison,
  series: string[],
  values: (number | null)[][],
  sublabels: (string | null)[][],
  tips: string[][],
  pathOf: readonly string[] = [],
): ReportSection['blocks'] {
  const titles = cmp.episodes.map((e) => e.title);
  const blocks: ReportSection['blocks'] = [
    {
      kind: 'chart',
      id: 'episode-returns',
      title: 'Total return in each episode',
      alt: `Total returns of ${series.join(', ')} in ${titles.join(' and ')}.`,
      caption: 'From the close before the episode to its last close; second line: the worst fall from a peak inside the episode.',
      spec: heatmapChart({ rows: series, columns: titles, values, sublabels, tips, format: PCT, legendTitle: 'Total return', max: 0.5 }),
    },
  ];
  for (const [j, name] of pathOf.entries()) {
    const path = cmp.paths.find((p) => p.name === name && p.mode === 'cumulative');
    if (!path) continue;
    blocks.push({
      kind: 'chart',
      id: `episode-path-${j + 1}`,
      title: `${name}: cumulative return in event time`,
      alt: `Cumulative return of ${name} from the start of ${titles.join(' and ')}, by trading day.`,
      caption: 'Trading days since the close before each episode began.',
      spec: eventPathChart({
        series: cmp.episodes.map((e, k) => ({ label: e.title, values: path.values[k], colour: SERIES_COLOURS[(k + 1) % SERIES_COLOURS.length] })),
        xTitle: 'Trading days into the episode',
        yTitle: 'Cumulative return',
        yAxisFormat: '.0%',
        format: PCT,
      }),
    });
  }
  return blocks;
}
