import type { RegimeStatsRow } from '../../engine/analysis/index.ts';
import { STAND_IN_MARK, standInFootnote } from '../../engine/claims/stand-in-series.ts';
import type { StandIn } from '../../engine/claims/types.ts';
import { formatValue } from '../format.ts';
import { heatmapChart } from '../charts/heatmap.ts';
import { QUADRANT_MEANINGS } from '../charts/palette.ts';
import type { ReportSection, TableBlock } from '../model.ts';

const PCT = { style: 'percent' as const, digits: 1 };
const PCT0 = { style: 'percent' as const, digits: 0 };

/** Interval bounds in whole percents, but one decimal under 10% so +0.2% never reads "0%". */
function boundFormat(x: number) {
  return Math.abs(x) < 0.1 ? PCT : PCT0;
}

/**
 * Returns by regime: asset roles (or any named series) × quadrants as a heatmap of the
 * annualised mean daily return (252 × mean, engine/analysis regimeStats: day i counts for the
 * quadrant known at close i − 1) with its stationary-bootstrap interval written under each
 * value, and a table with days, episodes, Sharpe and the Newey–West t-statistic.
 *
 * @param rows regimeTable output for quadrants 1..4 (rows for quadrant 0 are ignored), in
 *   series order.
 */
export function regimeHeatmapSection(
  rows: readonly RegimeStatsRow[],
  options: { intro?: string[]; standIns?: ReadonlyMap<string, readonly StandIn[]> } = {},
): ReportSection {
  const quadrantRows = rows.filter((r) => r.quadrant >= 1 && r.quadrant <= 4);
  const series = [...new Set(quadrantRows.map((r) => r.series))];
  // A series resting on a stand-in carries the mark wherever its name is shown, and the footnote explains it.
  const standIns = options.standIns ?? new Map<string, readonly StandIn[]>();
  const shown = (name: string) => (standIns.has(name) ? `${name} ${STAND_IN_MARK}` : name);
  const footnote = standInFootnote(standIns);
  const columns = ['Q1', 'Q2', 'Q3', 'Q4'];
  const cell = (s: string, q: number) => quadrantRows.find((r) => r.series === s && r.quadrant === q);
  const values = series.map((s) =>
    columns.map((_, j) => {
      const r = cell(s, j + 1);
      return r && Number.isFinite(r.meanAnnual) ? r.meanAnnual : null;
    }),
  );
  const sublabels = series.map((s) =>
    columns.map((_, j) => {
      const r = cell(s, j + 1);
      return r && Number.isFinite(r.lower) && Number.isFinite(r.upper)
        ? `[${formatValue(r.lower, boundFormat(r.lower))}, ${formatValue(r.upper, boundFormat(r.upper))}]`
        : null;
    }),
  );
  const tips = series.map((s) =>
    columns.map((_, j) => {
      const r = cell(s, j + 1);
      return r
        ? `${r.days} days in ${r.episodes} episodes; Sharpe ${formatValue(r.sharpe, { style: 'number', digits: 2 })}; NW t ${formatValue(r.tStat, { style: 'number', digits: 2 })}`
        : null;
    }),
  );
  const level = quadrantRows[0]?.level ?? 0.95;
  const reps = quadrantRows[0]?.reps ?? 0;
  const table: TableBlock = {
    kind: 'table',
    id: 'regime-stats',
    caption: 'Per-regime statistics',
    columns: [
      { key: 'series', label: 'Series', align: 'left' },
      { key: 'quadrant', label: 'Quadrant', align: 'left' },
      { key: 'days', label: 'Days', format: { style: 'integer' } },
      { key: 'episodes', label: 'Episodes', format: { style: 'integer' } },
      { key: 'meanAnnual', label: 'Mean (ann.)', format: PCT },
      { key: 'lower', label: 'Low', format: PCT },
      { key: 'upper', label: 'High', format: PCT },
      { key: 'volatility', label: 'Volatility', format: PCT },
      { key: 'sharpe', label: 'Sharpe', format: { style: 'number', digits: 2 } },
      { key: 'tStat', label: 'NW t', format: { style: 'number', digits: 2 } },
    ],
    rows: quadrantRows.map((r) => ({
      key: `${r.series}|Q${r.quadrant}`,
      cells: [shown(r.series), `Q${r.quadrant}`, r.days, r.episodes, r.meanAnnual, r.lower, r.upper, r.volatility, r.sharpe, r.tStat],
      tones: [null, null, null, null, r.lower > 0 ? 'good' : r.upper < 0 ? 'bad' : null, null, null, null, null, null],
    })),
    note: `Interval: stationary bootstrap, ${Math.round(level * 100)}% level, ${reps} resamples. Green: the interval lies above zero; red: below.${footnote ? ` ${footnote}` : ''}`,
  };
  return {
    title: 'Returns by regime',
    blocks: [
      {
        kind: 'text',
        paragraphs: options.intro ?? [
          `Annualised mean return of each series on the days of each quadrant (a day counts for the quadrant known at the previous close), with its ${Math.round(level * 100)}% bootstrap interval. ${[1, 2, 3, 4].map((q) => `Q${q}: ${QUADRANT_MEANINGS[q]}`).join('; ')}.`,
        ],
      },
      {
        kind: 'chart',
        id: 'regime-heatmap',
        title: 'Annualised return by quadrant, with its interval',
        alt: `Heatmap of annualised mean returns of ${series.join(', ')} in quadrants Q1 to Q4.`,
        caption: `Blue: positive, orange: negative; the second line of each cell is the interval.${footnote ? ` ${footnote}` : ''}`,
        // Four columns of two-line cells do not fit a phone: it scrolls sideways instead.
        compact: false,
        spec: heatmapChart({ rows: series.map(shown), columns, values, sublabels, tips, format: PCT, legendTitle: 'Annualised return', max: 0.4 }),
      },
      table,
    ],
  };
}
