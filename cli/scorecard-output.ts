import { isoDay } from '../datasets/day.ts';
import {
  FORECASTS_DISCLOSURE,
  FORECASTS_REGISTERED,
  summariseVerdicts,
  VERDICT_ADJUSTMENT,
  VERDICTS,
  type ClaimResult,
  type ScorecardRow,
  type VerdictSummary,
} from '../engine/claims/index.ts';
import { pct } from '../engine/percent.ts';
import { formatP } from './figures.ts';
import { alignRight } from './format.ts';
import { formatTable } from './output.ts';

/** The statistic in its unit, for tables. */
export function formatStatistic(unit: string, x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (unit.startsWith('annualised') || unit.startsWith('fraction')) return pct(x);
  if (unit.startsWith('parts passed')) return `${x}/3`;
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

function verdictCell(r: ClaimResult | undefined, kind: string): string {
  if (!r) return kind === 'forecast' ? 'n/a (forecast)' : 'n/a (no data)';
  return r.thin ? `${r.verdict} [thin]` : r.verdict;
}

/** The scorecard as a terminal table: decisive statistic, interval, raw and adjusted p, power, episodes, verdict. */
export function scorecardTable(rows: readonly ScorecardRow[]): string {
  const body: string[][] = [];
  for (const { claim, inSample, outOfSample } of rows) {
    for (const [label, r] of [
      ['in', inSample],
      ['out', outOfSample],
    ] as const) {
      body.push([
        label === 'in' ? claim.id : '',
        label === 'in' ? claim.title : '',
        label,
        r ? formatStatistic(claim.unit, r.statistic) : '',
        r && Number.isFinite(r.lower) ? `[${formatStatistic(claim.unit, r.lower)}, ${formatStatistic(claim.unit, r.upper)}]` : '',
        r ? formatP(r.pValue) : '',
        r ? formatP(r.pHolm) : '',
        r ? formatP(r.pBH) : '',
        r && Number.isFinite(r.mde) ? formatStatistic(claim.unit, r.mde) : '',
        r ? String(r.n) : '',
        r && Number.isFinite(r.episodes) ? `${r.episodes}${Number.isFinite(r.fragments) ? `/${r.fragments}` : ''}` : '',
        verdictCell(r, claim.kind),
      ]);
    }
  }
  return formatTable(
    ['claim', 'title', 'sample', 'statistic', 'interval', 'p', 'p Holm', 'p BH', 'MDE', 'days', 'episodes', 'verdict'],
    alignRight(body, [3, 4, 5, 6, 7, 8, 9, 10]),
    // The verdict, the decisive statistic and its Holm p-value stay longest.
    { priority: [1, 2, 1, 1, 2, 3, 1, 4, 3, 3, 4, 1], shrink: 'title' },
  );
}

/** One line per sample: the five verdict counts. */
export function summaryText(summary: VerdictSummary): string {
  return (['in-sample', 'out-of-sample'] as const).map((w) => `${w}: ${VERDICTS.map((v) => `${summary[w][v]} ${v}`).join(', ')}`).join('\n');
}

/** The legend under the table: columns, the adjustment that decides, the pre-registration. */
export function scorecardLegend(level: number): string {
  return [
    `statistic = the decisive statistic (contrasts for C1–C7, see each rule); p = two-sided raw p-value of the claim's test; MDE = minimum detectable effect at 80% power and ${Math.round((1 - level) * 100)}% size from the statistic's bootstrap standard error`,
    `episodes = runs of the condition lasting ≥ 21 trading days / all runs (fragments); [thin] = fewer than 60 days or 3 episodes`,
    `${VERDICT_ADJUSTMENT}; untestable = no day in the claim's condition, pending = a forecast window still open (neither counts as inconclusive)`,
    `forecasts: bands registered ${isoDay(FORECASTS_REGISTERED)} in engine/claims/forecasts.json. ${FORECASTS_DISCLOSURE}`,
  ].join('\n');
}

/** Per claim: the claim, its statistic, rule, and per sample the test, sample, power, secondary figure and notes. */
export function scorecardDetails(rows: readonly ScorecardRow[]): string {
  const out: string[] = [];
  for (const { claim, inSample, outOfSample } of rows) {
    out.push(`${claim.id}  ${claim.text}`, `    statistic: ${claim.statistic} [${claim.unit}]`, `    rule: ${claim.rule}`);
    for (const r of [inSample, outOfSample]) {
      if (!r) continue;
      const span = Number.isFinite(r.from) ? ` ${isoDay(r.from)} … ${isoDay(r.to)}` : '';
      out.push(`    ${r.window}${span}: ${r.verdict}${r.verdict !== r.unadjustedVerdict ? ` (${r.unadjustedVerdict} before the Holm adjustment)` : ''}`);
      out.push(`      sample: ${r.sample}`, `      test: ${r.test}`);
      if (Number.isFinite(r.pValue))
        out.push(
          `      p ${formatP(r.pValue)}, Holm ${formatP(r.pHolm)}, BH ${formatP(r.pBH)}; power: MDE ${formatStatistic(claim.unit, r.mde)} (se ${formatStatistic(claim.unit, r.standardError)}), ${r.episodes} episodes of ≥ 21 days (${r.fragments} runs)`,
        );
      if (r.secondary)
        out.push(`      secondary (does not decide): ${r.secondary.label} ${formatStatistic(claim.unit.replace('difference', '').trim(), r.secondary.value)}`);
      if (r.notes.length) out.push(`      ${r.notes.join('; ')}`);
    }
  }
  return out.join('\n');
}

export const SCORECARD_HEADER = [
  'claim',
  'title',
  'sample',
  'statistic',
  'lower',
  'upper',
  'unit',
  'p_value',
  'p_holm',
  'p_bh',
  'standard_error',
  'mde',
  'days',
  'episodes',
  'fragments',
  'verdict',
  'unadjusted_verdict',
  'thin',
  'secondary_label',
  'secondary_value',
  'stand_ins',
  'test',
  'sample_days',
  'from',
  'to',
  'notes',
  'rule',
];

/** The scorecard's rows for CSV and JSON, in SCORECARD_HEADER order. */
export function scorecardRecords(rows: readonly ScorecardRow[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const { claim, inSample, outOfSample } of rows) {
    for (const r of [inSample, outOfSample]) {
      const sample = r ? r.window : 'in-sample';
      if (!r && claim.kind === 'history') continue;
      out.push([
        claim.id,
        claim.title,
        sample,
        r ? r.statistic : NaN,
        r ? r.lower : NaN,
        r ? r.upper : NaN,
        claim.unit,
        r ? r.pValue : NaN,
        r ? r.pHolm : NaN,
        r ? r.pBH : NaN,
        r ? r.standardError : NaN,
        r ? r.mde : NaN,
        r ? r.n : NaN,
        r ? r.episodes : NaN,
        r ? r.fragments : NaN,
        r ? r.verdict : 'n/a (forecast)',
        r ? r.unadjustedVerdict : 'n/a (forecast)',
        r ? String(r.thin) : '',
        r?.secondary?.label ?? '',
        r?.secondary ? r.secondary.value : NaN,
        r ? r.standIns.map((s) => `${s.role}: ${s.days}/${s.of} days ${isoDay(s.from)}..${isoDay(s.to)}`).join('; ') : '',
        r ? r.test : '',
        r ? r.sample : '',
        r && Number.isFinite(r.from) ? isoDay(r.from) : '',
        r && Number.isFinite(r.to) ? isoDay(r.to) : '',
        r ? r.notes.join('; ') : '',
        claim.rule,
      ]);
    }
  }
  return out;
}

/** The scorecard block of validate's JSON: rows with typed fields, the stand-ins as objects, the verdict counts. */
export function scorecardJson(rows: readonly ScorecardRow[]): {
  rows: Record<string, unknown>[];
  summary: VerdictSummary;
  adjustment: string;
  forecasts: { registered: string; file: string; disclosure: string };
} {
  const records: Record<string, unknown>[] = scorecardRecords(rows).map((r) =>
    Object.fromEntries(SCORECARD_HEADER.map((h, i) => [h, h === 'thin' ? r[i] === 'true' : r[i]])),
  );
  // Stand-ins as objects in JSON (the CSV keeps the joined text).
  let k = 0;
  for (const { claim, inSample, outOfSample } of rows) {
    for (const r of [inSample, outOfSample]) {
      if (!r && claim.kind === 'history') continue;
      records[k++].stand_ins = r ? r.standIns.map((s) => ({ role: s.role, days: s.days, of: s.of, from: isoDay(s.from), to: isoDay(s.to) })) : [];
    }
  }
  return {
    rows: records,
    summary: summariseVerdicts(rows),
    adjustment: VERDICT_ADJUSTMENT,
    forecasts: { registered: isoDay(FORECASTS_REGISTERED), file: 'engine/claims/forecasts.json', disclosure: FORECASTS_DISCLOSURE },
  };
}
