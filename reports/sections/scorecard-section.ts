import type { ClaimResult, ScorecardRow, Verdict } from '../../engine/claims/index.ts';
import { isoDay } from '../../datasets/day.ts';
import { formatValue } from '../format.ts';
import type { MetricsBlock, ReportSection, TableBlock, Tone, ValueFormat } from '../model.ts';

/** How a claim's statistic is written, from its unit text. */
export function formatForUnit(unit: string): ValueFormat {
  if (/fraction/.test(unit)) return { style: 'percent', digits: 1 };
  if (/^(cuts|parts)/.test(unit)) return { style: 'number', digits: 0 };
  return { style: 'number', digits: 2 };
}

export function verdictTone(verdict: Verdict | undefined): Tone | null {
  return verdict === 'supported' ? 'good' : verdict === 'contradicted' ? 'bad' : verdict === 'inconclusive' ? 'muted' : null;
}

function verdictText(result: ClaimResult | undefined, forecast: boolean): string {
  if (!result) return forecast ? 'n/a (forecast)' : 'no data';
  return result.thin ? `${result.verdict} (thin data)` : result.verdict;
}

function interval(result: ClaimResult | undefined, format: ValueFormat): string {
  if (!result || !Number.isFinite(result.lower) || !Number.isFinite(result.upper)) return '';
  return `[${formatValue(result.lower, format)}, ${formatValue(result.upper, format)}]`;
}

/**
 * The claims scorecard: each claim with its statistic, interval and verdict, in sample (up to
 * the article's date) and out of sample (after it), from engine/claims runScorecard; then
 * what each claim measures and the rule that turns the statistic into a verdict.
 */
export function scorecardSection(rows: readonly ScorecardRow[]): ReportSection {
  const main: TableBlock = {
    kind: 'table',
    id: 'scorecard',
    caption: 'Claims scorecard',
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'title', label: 'What the article says', align: 'left' },
      { key: 'in_stat', label: 'In sample', align: 'right' },
      { key: 'in_interval', label: 'Interval', align: 'right' },
      { key: 'in_verdict', label: 'Verdict', align: 'left' },
      { key: 'out_stat', label: 'Out of sample', align: 'right' },
      { key: 'out_interval', label: 'Interval', align: 'right' },
      { key: 'out_verdict', label: 'Verdict', align: 'left' },
    ],
    rows: rows.map((r) => {
      const f = formatForUnit(r.claim.unit);
      const forecast = r.claim.kind === 'forecast';
      return {
        key: r.claim.id,
        cells: [
          r.claim.id,
          r.claim.title,
          r.inSample ? formatValue(r.inSample.statistic, f) : '',
          interval(r.inSample, f),
          verdictText(r.inSample, forecast),
          r.outOfSample ? formatValue(r.outOfSample.statistic, f) : '',
          interval(r.outOfSample, f),
          verdictText(r.outOfSample, false),
        ],
        tones: [null, null, null, null, verdictTone(r.inSample?.verdict), null, null, verdictTone(r.outOfSample?.verdict)],
      };
    }),
    note: 'Statistics in each claim\'s unit (percentages are annualised fractions); "thin data" marks a verdict resting on few days or episodes.',
  };
  const detail: TableBlock = {
    kind: 'table',
    id: 'scorecard-rules',
    caption: 'What each claim measures',
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'text', label: 'Claim', align: 'left' },
      { key: 'statistic', label: 'Statistic', align: 'left' },
      { key: 'rule', label: 'Verdict rule', align: 'left' },
      { key: 'data', label: 'Data used', align: 'left' },
    ],
    rows: rows.map((r) => {
      const used = [r.inSample, r.outOfSample]
        .filter((x): x is ClaimResult => !!x && Number.isFinite(x.from))
        .map((x) => `${x.window}: ${isoDay(x.from)} to ${isoDay(x.to)}, ${x.n} days${Number.isFinite(x.episodes) ? `, ${x.episodes} episodes` : ''}`)
        .join('; ');
      return { key: r.claim.id, cells: [r.claim.id, r.claim.text, `${r.claim.statistic} (${r.claim.unit})`, r.claim.rule, used] };
    }),
  };
  const notes: TableBlock = {
    kind: 'table',
    id: 'scorecard-figures',
    caption: 'Supporting figures',
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'window', label: 'Sample', align: 'left' },
      { key: 'note', label: 'Figure', align: 'left' },
    ],
    rows: rows.flatMap((r) =>
      [r.inSample, r.outOfSample].filter((x): x is ClaimResult => !!x).flatMap((x) => x.notes.map((n) => ({ cells: [r.claim.id, x.window, n] }))),
    ),
  };
  return {
    title: 'Claims scorecard',
    blocks: [verdictCounts(rows), main, detail, ...(notes.rows.length ? [notes] : [])],
  };
}

/** Verdict counts in and out of sample: the summary's figures. */
export function verdictCounts(rows: readonly ScorecardRow[]): MetricsBlock {
  const count = (side: 'inSample' | 'outOfSample', v: Verdict) => rows.filter((r) => r[side]?.verdict === v).length;
  const n = { style: 'integer' as const };
  return {
    kind: 'metrics',
    items: [
      { id: 'claims-supported-in', label: 'Supported, in sample', value: count('inSample', 'supported'), format: n },
      { id: 'claims-contradicted-in', label: 'Contradicted, in sample', value: count('inSample', 'contradicted'), format: n },
      { id: 'claims-inconclusive-in', label: 'Inconclusive, in sample', value: count('inSample', 'inconclusive'), format: n },
      { id: 'claims-supported-out', label: 'Supported, out of sample', value: count('outOfSample', 'supported'), format: n },
      { id: 'claims-contradicted-out', label: 'Contradicted, out of sample', value: count('outOfSample', 'contradicted'), format: n },
      { id: 'claims-inconclusive-out', label: 'Inconclusive, out of sample', value: count('outOfSample', 'inconclusive'), format: n },
    ],
  };
}
