import {
  FORECASTS_DISCLOSURE,
  FORECASTS_REGISTERED,
  VERDICT_ADJUSTMENT,
  VERDICTS,
  type ClaimResult,
  type ScorecardRow,
  type Verdict,
} from '../../engine/claims/index.ts';
import { isoDay } from '../../datasets/day.ts';
import { formatValue } from '../format.ts';
import type { MetricsBlock, NoteBlock, ReportSection, TableBlock, Tone, ValueFormat } from '../model.ts';

/** How a claim's statistic is written, from its unit text. */
export function formatForUnit(unit: string): ValueFormat {
  if (/fraction/.test(unit)) return { style: 'percent', digits: 1 };
  if (/^(cuts|parts)/.test(unit)) return { style: 'number', digits: 0 };
  return { style: 'number', digits: 2 };
}

/** The decisive statistic with its unit where a bare number would not say it: "2 of 3 parts", "0 cuts". */
export function statisticText(unit: string, value: number, format: ValueFormat): string {
  if (!Number.isFinite(value)) return formatValue(value, format);
  const of = /^parts passed of (\d+)$/.exec(unit);
  if (of) return `${value} of ${of[1]} parts`;
  if (unit === 'cuts') return `${value} cut${value === 1 ? '' : 's'}`;
  return formatValue(value, format);
}

export function verdictTone(verdict: Verdict | undefined): Tone | null {
  if (verdict === undefined) return null;
  return verdict === 'supported' ? 'good' : verdict === 'contradicted' ? 'bad' : 'muted';
}

function verdictText(result: ClaimResult | undefined, forecast: boolean): string {
  if (!result) return forecast ? 'n/a (forecast)' : 'no data';
  return result.thin ? `${result.verdict} (thin data)` : result.verdict;
}

function interval(result: ClaimResult | undefined, format: ValueFormat): string {
  if (!result || !Number.isFinite(result.lower) || !Number.isFinite(result.upper)) return '';
  return `[${formatValue(result.lower, format)}, ${formatValue(result.upper, format)}]`;
}

function pText(p: number): string {
  if (!Number.isFinite(p)) return '';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

const P_FORMAT: ValueFormat = { style: 'text' };

/**
 * The claims scorecard: each claim with its decisive statistic, interval, raw and adjusted
 * p-values, minimum detectable effect, episodes and verdict, in sample (up to the article's
 * date) and out of sample (after it), from engine/claims runScorecard; then how each verdict
 * was reached (test, sample, power, secondary figure, stand-ins) and the rule that decides it.
 */
export function scorecardSection(rows: readonly ScorecardRow[]): ReportSection {
  const main: TableBlock = {
    kind: 'table',
    id: 'scorecard',
    caption: 'Claims scorecard',
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'title', label: 'What the article says', align: 'left', width: 3 },
      { key: 'sample', label: 'Sample', align: 'left' },
      { key: 'stat', label: 'Statistic', align: 'right' },
      { key: 'interval', label: 'Interval', align: 'right', width: 2 },
      { key: 'p', label: 'p', align: 'right', format: P_FORMAT },
      { key: 'p_holm', label: 'p Holm', align: 'right', format: P_FORMAT },
      { key: 'p_bh', label: 'p BH', align: 'right', format: P_FORMAT },
      { key: 'mde', label: 'MDE', align: 'right' },
      { key: 'episodes', label: 'Episodes', align: 'right' },
      { key: 'verdict', label: 'Verdict', align: 'left', width: 2 },
    ],
    rows: rows.flatMap((r) => {
      const f = formatForUnit(r.claim.unit);
      const forecast = r.claim.kind === 'forecast';
      return (['in', 'out'] as const).map((side) => {
        const x = side === 'in' ? r.inSample : r.outOfSample;
        return {
          key: `${r.claim.id}-${side}`,
          cells: [
            side === 'in' ? r.claim.id : '',
            side === 'in' ? r.claim.title : '',
            side === 'in' ? 'in sample' : 'out of sample',
            x ? statisticText(r.claim.unit, x.statistic, f) : '',
            interval(x, f),
            x ? pText(x.pValue) : '',
            x ? pText(x.pHolm) : '',
            x ? pText(x.pBH) : '',
            x && Number.isFinite(x.mde) ? formatValue(x.mde, f) : '',
            x && Number.isFinite(x.episodes) ? `${x.episodes}${Number.isFinite(x.fragments) ? ` / ${x.fragments}` : ''}` : '',
            verdictText(x, side === 'in' && forecast),
          ],
          tones: [null, null, null, null, null, null, null, null, null, null, verdictTone(x?.verdict)],
        };
      });
    }),
    note: `Statistics in each claim's unit: returns and spreads are annualised, while C8's "k of n" counts and C9's share of days are plain counts and shares; C1–C7 are decided by contrasts (see each rule), the level is shown below as a secondary figure. p: two-sided raw p-value; ${VERDICT_ADJUSTMENT}. MDE: minimum detectable effect at 80% power and 5% size from the statistic's standard error. Episodes: runs of the condition of at least 21 trading days / all runs. Untestable: no day in the claim's condition; pending: a forecast window still open; "thin data": fewer than 60 days or 3 episodes.`,
  };
  const how: TableBlock = {
    kind: 'table',
    id: 'scorecard-tests',
    caption: 'How each verdict was reached',
    columns: [
      { key: 'claim', label: 'Claim', align: 'left' },
      { key: 'window', label: 'Sample', align: 'left' },
      { key: 'days', label: 'Days compared', align: 'left', width: 3 },
      { key: 'test', label: 'Test', align: 'left', width: 4 },
      { key: 'power', label: 'Power', align: 'left', width: 2 },
      { key: 'secondary', label: 'Secondary figure (does not decide)', align: 'left', width: 2 },
      { key: 'stand_ins', label: 'Stand-ins (roles held as T-bills)', align: 'left', width: 2 },
    ],
    rows: rows.flatMap((r) => {
      const f = formatForUnit(r.claim.unit);
      return [r.inSample, r.outOfSample]
        .filter((x): x is ClaimResult => !!x)
        .map((x) => ({
          key: `${r.claim.id}-${x.window}`,
          cells: [
            r.claim.id,
            x.window,
            x.sample,
            x.test,
            Number.isFinite(x.mde)
              ? `MDE ${formatValue(x.mde, f)} (se ${formatValue(x.standardError, f)}); ${x.episodes} episodes ≥ 21 days`
              : 'no sampling test',
            x.secondary ? `${x.secondary.label}: ${formatValue(x.secondary.value, f.style === 'percent' ? f : { style: 'number', digits: 2 })}` : '',
            x.standIns.map((s) => `${s.role} on ${s.days} of ${s.of} days (${isoDay(s.from)} to ${isoDay(s.to)})`).join('; '),
          ],
        }));
    }),
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
  const standIns = rows.flatMap((r) =>
    [r.inSample, r.outOfSample].filter((x): x is ClaimResult => !!x && x.standIns.length > 0).map((x) => `${r.claim.id} ${x.window}`),
  );
  const warnings: NoteBlock[] = standIns.length
    ? [
        {
          kind: 'note',
          tone: 'warning',
          text: `Stand-ins: some roles earned the T-bill rate because none of their instruments was priced, in ${standIns.join(', ')} (see "How each verdict was reached").`,
        },
      ]
    : [];
  const forecasts: NoteBlock = {
    kind: 'note',
    tone: 'info',
    text: `Forecast bands (C8–C10) registered ${isoDay(FORECASTS_REGISTERED)} in engine/claims/forecasts.json. ${FORECASTS_DISCLOSURE}`,
  };
  return {
    title: 'Claims scorecard',
    blocks: [verdictCounts(rows), ...warnings, main, how, detail, forecasts, ...(notes.rows.length ? [notes] : [])],
  };
}

const VERDICT_LABEL: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  inconclusive: 'Inconclusive',
  pending: 'Pending',
  untestable: 'Untestable',
};

/** Verdict counts in and out of sample, all five verdicts: the summary's figures (ids claims-<verdict>-<in|out>). */
export function verdictCounts(rows: readonly ScorecardRow[]): MetricsBlock {
  const count = (side: 'inSample' | 'outOfSample', v: Verdict) => rows.filter((r) => r[side]?.verdict === v).length;
  const n = { style: 'integer' as const };
  return {
    kind: 'metrics',
    items: (['in', 'out'] as const).flatMap((s) =>
      VERDICTS.map((v) => ({
        id: `claims-${v}-${s}`,
        label: `${VERDICT_LABEL[v]}, ${s === 'in' ? 'in sample' : 'out of sample'}`,
        value: count(s === 'in' ? 'inSample' : 'outOfSample', v),
        format: n,
      })),
    ),
  };
}
