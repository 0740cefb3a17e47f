import type { Argv, CommandModule } from 'yargs';
import { isoDay, parseDateBound, type Day } from '../../datasets/day.ts';
import { UsageError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import {
  calibrationJson,
  calibrationText,
  computeRegimes,
  episodesOf,
  staleInputsAt,
  labelAgreement,
  RegimeCache,
  regimeDefinitions,
  DEFAULT_PRESET,
  PRESET_NAMES,
  QUADRANT_NAMES,
  REGIME_INPUTS,
  resolveRegimeConfig,
  summariseEpisodes,
  timeShares,
  transitionMatrix,
  transitionProbabilities,
  type RegimeConfig,
  type RegimeResult,
} from '../../engine/regimes/index.ts';
import { alignRight } from '../format.ts';
import { hiddenTablesText } from '../hidden-tables.ts';
import { loadData } from '../load-data.ts';

import { emit, emitText, formatNumber, formatTable, toCsv, type Format } from '../output.ts';

interface CommonArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
}

interface RegimesArgs extends CommonArgs {
  preset?: string;
  config?: string;
  from?: string;
  to?: string;
  format: Format;
  out?: string;
  'compare-presets'?: boolean;
  verbose: boolean;
}

/** The macro series the regime engine and the watch-list read (EFFR continues DFF). */
const REGIME_SERIES = [...REGIME_INPUTS, 'EFFR', 'DTWEXBGS', 'DTWEXB', 'DXY'];

/** Loads, checks and aligns only the series the regimes need (a fast start). */
export async function loadRegimePanel(args: CommonArgs): Promise<{ dir: string; panel: Panel }> {
  const { dir, panel } = await loadData(args, { macro: REGIME_SERIES, prices: ['SPY'] });
  return { dir, panel };
}

/** The regime config named by --config FILE or --preset NAME (default article). */
export function regimeConfigFrom(args: { preset?: string; config?: string }): RegimeConfig {
  if (args.config && args.preset)
    throw new UsageError('give --preset or --config, not both', { hint: 'a config file can name its base preset with "extends"' });
  if (args.config) return resolveRegimeConfig(args.config);
  const name = args.preset ?? DEFAULT_PRESET;
  if (!(PRESET_NAMES as string[]).includes(name)) {
    throw new UsageError(`unknown preset "${name}"`, { field: 'preset', hint: `presets: ${PRESET_NAMES.join(', ')}; use --config FILE for your own` });
  }
  return resolveRegimeConfig(name);
}

/** A --from/--to/--as-of date (YYYY, YYYY-MM or YYYY-MM-DD; `end` picks the period's last day); UsageError otherwise. */
export function parseDayArg(text: string, end: boolean, flag: string): Day {
  const d = parseDateBound(text, end);
  if (Number.isNaN(d)) throw new UsageError(`bad date for --${flag}: "${text}"`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  return d;
}

/** Calendar index range [a, b] of --from/--to (inclusive), or null when empty. */
function rowRange(calendar: Int32Array, from?: string, to?: string): [number, number] | null {
  const lo = from ? parseDayArg(from, false, 'from') : -Infinity;
  const hi = to ? parseDayArg(to, true, 'to') : Infinity;
  const b = calendarIndexAtOrBefore(calendar, hi);
  const a = lo === -Infinity ? 0 : calendarIndexAtOrBefore(calendar, lo - 1) + 1;
  return a <= b && b >= 0 ? [a, b] : null;
}

function dailyRows(panel: Panel, r: RegimeResult, a: number, b: number): { header: string[]; rows: (string | number)[][] } {
  const comps = Object.keys(r.components);
  const sigs = Object.keys(r.signals);
  // Components carry a _score suffix: several share a name with the raw signal they score.
  // quadrant 0 on a stale day; stale_inputs names the inputs carried past their normal interval.
  // Quadrants are spelled Q1..Q4 as everywhere else; a day without one (warm-up, stale) is blank.
  const header = [
    'date',
    'quadrant',
    'raw_quadrant',
    'stale_inputs',
    'liquidity_score',
    'dollar_score',
    ...comps.map((c) => `${c}_score`),
    ...sigs.map(signalColumn),
  ];
  const rows: (string | number)[][] = [];
  for (let t = a; t <= b; t++) {
    const stale = r.stale[t] ? staleInputsAt(panel, r.inputs, t).join(';') : '';
    const row: (string | number)[] = [
      isoDay(panel.calendar[t]),
      quadrantLabel(r.labels[t]),
      quadrantLabel(r.rawLabels[t]),
      stale,
      r.liquidityScore[t],
      r.dollarScore[t],
    ];
    for (const c of comps) row.push(r.components[c][t]);
    for (const s of sigs) row.push(r.signals[s][t]);
    rows.push(row);
  }
  return { header, rows };
}

/** "Q3" for 3; NaN (a blank CSV cell, null in JSON) for a day without a label. */
function quadrantLabel(q: number): string | number {
  return q >= 1 && q <= 4 ? `Q${q}` : NaN;
}

/**
 * A raw signal's column with its unit: balance-sheet, TGA and reserve amounts are in millions of
 * dollars (FRED's unit), rate changes in percentage points; scores, the dollar index and its
 * momentum (fractions) keep their names.
 */
export function signalColumn(key: string): string {
  if (/^(walcl|net_liquidity|reserves|tga)/.test(key)) return `${key}_usd_mn`;
  if (/^(dff|dgs2|dgs3mo)_change$|^easing_shortfall$|^policy_surprise$/.test(key)) return `${key}_pp`;
  return key;
}

function summary(dir: string, panel: Panel, r: RegimeResult, a: number, b: number) {
  const labels = r.labels.subarray(a, b + 1);
  const cal = panel.calendar.subarray(a, b + 1);
  const view: RegimeResult = {
    ...r,
    labels,
    rawLabels: r.rawLabels.subarray(a, b + 1),
    stale: r.stale.subarray(a, b + 1),
    liquidityScore: r.liquidityScore.subarray(a, b + 1),
    dollarScore: r.dollarScore.subarray(a, b + 1),
    components: Object.fromEntries(Object.entries(r.components).map(([k, v]) => [k, v.subarray(a, b + 1)])),
    signals: Object.fromEntries(Object.entries(r.signals).map(([k, v]) => [k, v.subarray(a, b + 1)])),
  };
  const episodes = summariseEpisodes(view, cal).map((e) => ({ ...e, startIndex: e.startIndex + a, endIndex: e.endIndex + a }));
  const staleRuns = episodesOf(view.stale, cal).map((e) => ({
    start: e.start,
    end: e.end,
    days: e.days,
    inputs: staleSince(panel, r.inputs, e.startIndex + a, e.endIndex + a),
  }));
  const counts = transitionMatrix(labels);
  return { dir, episodes, staleRuns, shares: timeShares(labels), counts, probabilities: transitionProbabilities(counts) };
}

/** The quadrant (1..4) with the most days; the first on a tie. */
function mostDays(days: readonly number[]): number {
  let best = 1;
  for (let q = 2; q <= 4; q++) if (days[q] > days[best]) best = q;
  return best;
}

/** Each input stale within rows [from, to], with the first day it was: "DGS3MO from 2026-07-30". */
function staleSince(panel: Panel, inputs: readonly string[], from: number, to: number): string[] {
  const first = new Map<string, number>();
  for (let t = from; t <= to; t++) for (const id of staleInputsAt(panel, inputs, t)) if (!first.has(id)) first.set(id, t);
  return [...first].sort((x, y) => x[1] - y[1]).map(([id, t]) => `${id} from ${isoDay(panel.calendar[t])}`);
}

/** Episodes the terminal shows without --verbose: the most recent. */
const RECENT_EPISODES = 12;

function printTable(dir: string, panel: Panel, r: RegimeResult, a: number, b: number, verbose: boolean): string {
  const { episodes, staleRuns, shares, counts } = summary(dir, panel, r, a, b);
  const shown = verbose ? episodes : episodes.slice(-RECENT_EPISODES);
  const cal = panel.calendar;
  const out: string[] = [];
  out.push(`regimes: ${r.config.name} (${r.config.description})`);
  const rule =
    r.config.model === 'markov-switching'
      ? 'each day from its filtered Markov-switching probabilities (monthly refits)'
      : `confirm ${r.config.stability.confirmDays} days`;
  out.push(`data: ${dir}; dollar: ${r.config.dollarSource}; ${rule}`);
  const first = r.firstLabelled;
  out.push(
    first < 0
      ? 'no day could be labelled: the inputs never cover the warm-up'
      : `labelled from ${isoDay(cal[first])} (earlier days are warm-up) to ${isoDay(cal[cal.length - 1])}; showing ${isoDay(cal[a])} to ${isoDay(cal[b])}`,
  );
  const last = r.labels[b];
  if (last) out.push(`on ${isoDay(cal[b])}: ${QUADRANT_NAMES[last as 1 | 2 | 3 | 4]} (liquidity ${fmt(r.liquidityScore[b])}, dollar ${fmt(r.dollarScore[b])})`);
  const walclKey = Object.keys(r.signals).find((k) => k.startsWith('walcl_change_')) ?? '';
  out.push(
    '',
    `episodes (${shown.length < episodes.length ? `the last ${shown.length} of ${episodes.length}` : episodes.length}; scores are means over the episode, signals as on its first day; raw≠: days the raw label, what the scores pointed at before confirmation, differs from the episode's, and the raw label on most of its days)`,
  );
  const body = shown
    .map((e) => [
      `Q${e.quadrant}`,
      isoDay(e.start),
      isoDay(e.end),
      String(e.days),
      fixed(e.liquidityScore, 2),
      fixed(e.dollarScore, 2),
      fixed(e.signalsAtStart[walclKey] / 1000, 0),
      fixed(e.signalsAtStart.dff_change, 2),
      fixed(e.signalsAtStart.dgs2_change, 2),
      fixed(e.signalsAtStart.dollar_momentum * 100, 1),
      String(e.rawDiffers),
      `Q${mostDays(e.rawDays)}`,
    ])
    .concat(staleRuns.map((s) => ['stale', isoDay(s.start), isoDay(s.end), String(s.days), '', '', '', '', '', 'inputs below', '', '']));
  out.push(
    formatTable(
      [
        'quadrant',
        'start',
        'end',
        'days',
        'liquidity',
        'dollar',
        `${walclKey.replace('walcl_change_', 'WALCL Δ')} $bn`,
        'DFF Δ pp',
        'DGS2 Δ pp',
        'dollar mom %',
        'raw≠',
        'raw mostly',
      ],
      alignRight(body, [3, 4, 5, 6, 7, 8, 9, 10]),
      // The raw label beside the confirmed one stays before the rate signals.
      { priority: [1, 1, 2, 1, 1, 1, 3, 4, 4, 3, 2, 2] },
    ),
  );
  if (shown.length < episodes.length)
    out.push(hiddenTablesText([{ what: `the ${episodes.length - shown.length} earlier episodes`, alternative: '--from/--to' }]));
  for (const s of staleRuns) {
    out.push(
      `stale ${isoDay(s.start)} to ${isoDay(s.end)} (${s.days} days): ${s.inputs.join(', ')} carried past the longest normal publication interval; those days get no quadrant`,
    );
  }
  out.push('', 'time shares (of labelled days)');
  out.push(
    formatTable(
      ['quadrant', 'share %', 'meaning'],
      alignRight(
        ([1, 2, 3, 4] as const).map((q) => [`Q${q}`, fixed(shares[q] * 100, 1), QUADRANT_NAMES[q].slice(3)]),
        [1],
      ),
    ),
  );
  out.push('', 'transitions (number of switches, from row to column)');
  out.push(
    formatTable(
      ['from \\ to', 'Q1', 'Q2', 'Q3', 'Q4'],
      counts.map((row, i) => [`Q${i + 1}`, ...row]),
    ),
  );
  out.push('', calibrationText(r.labels, cal));
  return out.join('\n');
}

/**
 * Every definition of the grid against the default (the first): the share of days both label
 * with the same quadrant, over --from..--to and by year.
 */
function compareDefinitions(panel: Panel, format: Format, from?: string, to?: string): string {
  const range = rowRange(panel.calendar, from, to);
  if (!range) throw new UsageError('no trading days between --from and --to');
  const [a, b] = range;
  const cal = panel.calendar.subarray(a, b + 1);
  const cache = new RegimeCache(panel);
  const defs = regimeDefinitions();
  const labels = defs.map((d) => computeRegimes(panel, d.config, { cache }).labels.subarray(a, b + 1));
  const rows = defs.slice(1).map((d, i) => ({ name: d.name, change: d.change, ...labelAgreement(labels[0], labels[i + 1], cal) }));
  const base = defs[0].name;
  if (format === 'csv') {
    const body: (string | number)[][] = [];
    for (const r of rows) {
      body.push([r.name, 'all', r.total.days, r.total.same]);
      for (const y of r.years) body.push([r.name, y.year, y.days, y.same]);
    }
    return toCsv(['definition', 'year', 'days', `same_as_${base}`], body);
  }
  if (format === 'json') {
    return JSON.stringify(
      { default: base, note: 'share of days both definitions label with the same quadrant (days either leaves unlabelled do not count)', definitions: rows },
      (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
      1,
    );
  }
  const years = [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort((x, y) => x - y);
  const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : Math.round(x * 100));
  const table = formatTable(
    ['definition', 'all', ...years.map((y) => `'${String(y).slice(2)}`)],
    rows.map((r) => [r.name, pct(r.total.same), ...years.map((y) => pct(r.years.find((x) => x.year === y)?.same))]),
    // On a narrow terminal the earliest years give way first.
    { priority: [1, 1, ...years.map((_, i) => 2 + years.length - i)] },
  );
  return [
    `agreement with "${base}": % of days both definitions label with the same quadrant (${isoDay(cal[0])} to ${isoDay(cal[cal.length - 1])})`,
    table,
    '',
    ...rows.map((r) => `${r.name}: ${r.change}`),
  ].join('\n');
}

function round(x: number, digits: number): number {
  if (Number.isNaN(x)) return NaN;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmt(x: number): string {
  return formatNumber(round(x, 2));
}

/** Fixed decimals for the terminal ("" for NaN): one convention per kind of figure, not a float's shortest form. */
function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? (Object.is(round(x, digits), -0) ? 0 : x).toFixed(digits).replace(/^-(0\.?0*)$/, '$1') : '';
}

export const regimesCommand: CommandModule<CommonArgs, RegimesArgs> = {
  builder: (y: Argv<CommonArgs>) =>
    y
      .option('preset', { type: 'string', describe: `a built-in definition: ${PRESET_NAMES.join(', ')} (default ${DEFAULT_PRESET})` })
      .option('config', { type: 'string', describe: 'a JSON regime definition (fields merge over the preset named by "extends", default article)' })
      .conflicts('preset', 'config')
      .option('from', {
        type: 'string',
        describe: 'first date shown, YYYY[-MM[-DD]] (default: the first labelled day; earlier history still warms up the signals)',
      })
      .option('to', { type: 'string', describe: 'last date shown, YYYY[-MM[-DD]]' })
      .option('format', {
        choices: ['table', 'csv', 'json'] as const,
        default: 'table' as Format,
        describe: 'table: episodes and summaries; csv: one row per trading day (label, scores, each component as <name>_score, raw signals); json: both',
      })
      .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
      .option('verbose', {
        type: 'boolean',
        default: false,
        describe: `the table format: every episode (default: the last ${RECENT_EPISODES}, and a line saying how many more)`,
      })
      .option('compare-presets', {
        type: 'boolean',
        describe:
          'agreement of every definition of the grid (presets, other dollar index, without each calibrated component, the earlier article) with the default: share of days with the same label, by year',
      })
      .example('$0 regimes --data ../shared/datasets', 'the last 12 episodes of the article preset, time shares, transitions')
      .example('$0 regimes --verbose --wide', 'every episode since labels start, every column')
      .example('$0 regimes --compare-presets --format csv', 'agreement of every definition with the default, by year')
      .example('$0 regimes --preset rates --from 2022 --to 2022 --format csv', 'daily labels, scores and components for 2022'),
  handler: async (args) => {
    if (args['compare-presets']) {
      if (args.preset || args.config) throw new UsageError('--compare-presets compares every definition of the grid; leave out --preset and --config');
      const { panel } = await loadRegimePanel(args);
      (args.format === 'table' ? emitText : emit)(compareDefinitions(panel, args.format, args.from, args.to), args.out);
      return;
    }
    const config = regimeConfigFrom(args);
    const { dir, panel } = await loadRegimePanel(args);
    const r = computeRegimes(panel, config);
    // Without --from, show from the first labelled day: the rows before are warm-up.
    const from = args.from ?? (r.firstLabelled > 0 ? isoDay(panel.calendar[r.firstLabelled]) : undefined);
    const range = rowRange(panel.calendar, from, args.to);
    if (!range)
      throw new UsageError('no trading days between --from and --to', {
        hint: `the data runs ${isoDay(panel.calendar[0])} to ${isoDay(panel.calendar[panel.calendar.length - 1])}`,
      });
    const [a, b] = range;
    if (args.format === 'csv') {
      const { header, rows } = dailyRows(panel, r, a, b);
      emit(toCsv(header, rows), args.out);
    } else if (args.format === 'json') {
      const s = summary(dir, panel, r, a, b);
      const { header, rows } = dailyRows(panel, r, a, b);
      const nan = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);
      emit(
        JSON.stringify(
          {
            config: r.config,
            data: dir,
            calibration: calibrationJson(r.labels, panel.calendar),
            firstLabelled: r.firstLabelled < 0 ? null : isoDay(panel.calendar[r.firstLabelled]),
            from: isoDay(panel.calendar[a]),
            to: isoDay(panel.calendar[b]),
            timeShares: s.shares,
            transitions: {
              counts: s.counts,
              probabilities: s.probabilities,
              note: 'counts of day-to-day switches from row quadrant to column quadrant; probabilities are row-normalised',
            },
            episodes: s.episodes.map((e) => ({ ...e, start: isoDay(e.start), end: isoDay(e.end) })),
            stale: s.staleRuns.map((e) => ({ ...e, start: isoDay(e.start), end: isoDay(e.end) })),
            days: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, nan(row[i])]))),
          },
          (_k, v) => nan(v),
          1,
        ),
        args.out,
      );
    } else emitText(printTable(dir, panel, r, a, b, args.verbose), args.out);
  },
};
