import type { Argv, CommandModule } from 'yargs';
import { ROLES } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import { UsageError } from '../../datasets/errors.ts';
import {
  compareEpisodes,
  EPISODES,
  episodeFromRange,
  resolveEpisode,
  type EpisodeComparison,
  type EpisodeSignal,
  type EpisodeSpan,
  type EventPath,
} from '../../engine/analysis/index.ts';
import { panelNetLiquidity } from '../../engine/analysis/liquidity-signals.ts';
import { pct } from '../../engine/percent.ts';
import { costOptions, loadAnalysisInputs, roleReturns, type AnalysisArgs } from '../analysis-inputs.ts';
import { assumptionJson, BUILTIN_STRATEGIES, describeAssumption } from '../../strategies/index.ts';
import { alignRight } from '../format.ts';
import { emit, emitText, formatTable, toCsv, type Format } from '../output.ts';
import { stepProgress } from '../progress.ts';
import { hiddenTablesText } from '../hidden-tables.ts';

interface CompareArgs extends AnalysisArgs {
  episodes?: string[];
  from?: string[];
  to?: string[];
  days: string;
  format: Format;
  out?: string;
  verbose: boolean;
}

/** Event days shown in the terminal tables (those past the longest episode are dropped). */
const DEFAULT_EVENT_DAYS = '0,5,10,21,42,63,126,189,252';

/** The episodes named on the command line: positional names first, then the --from/--to pairs in order. */
export function episodesFromArgs(names: readonly string[], from: readonly string[], to: readonly string[]): EpisodeSpan[] {
  if (from.length !== to.length) {
    throw new UsageError(`--from and --to come in pairs: got ${from.length} --from and ${to.length} --to`, {
      field: 'from',
      hint: 'e.g. --from 2019-08 --to 2019-10',
    });
  }
  const spans = [...names.map(resolveEpisode), ...from.map((f, i) => episodeFromRange(f, to[i]))];
  if (spans.length === 0) {
    throw new UsageError('name at least one episode', {
      field: 'episodes',
      hint: `e.g. quadrant compare 2022 2025Q2; named: ${EPISODES.map((e) => e.id).join(', ')}`,
    });
  }
  return spans;
}

function parseEventDays(text: string): number[] {
  const days = text.split(',').map((s) => Number(s.trim()));
  if (days.some((d) => !Number.isInteger(d) || d < 0)) throw new UsageError(`--days needs whole numbers ≥ 0, got "${text}"`, { field: 'days' });
  return days;
}

/** A quadrant path value as "Q3"; NaN (blank in CSV, null in JSON) where there is no label. */
function quadrantCell(q: number): string | number {
  return q >= 1 && q <= 4 ? `Q${q}` : NaN;
}

/** The paths of labels (confirmed and raw), written Q1..Q4. */
const isQuadrantPath = (p: EventPath) => p.name === 'quadrant' || p.name === 'raw_quadrant';

/** "Q4 120d → Q2 31d → …" (at most `max` runs). */
function regimePath(segments: { quadrant: number; days: number }[], max = 6): string {
  const parts = segments.slice(0, max).map((s) => `${s.quadrant ? `Q${s.quadrant}` : 'warm-up'} ${s.days}d`);
  return parts.join(' → ') + (segments.length > max ? ` → … (${segments.length} runs)` : '');
}

function pathTable(title: string, path: EventPath, cmp: EpisodeComparison, eventDays: number[], fmt: (x: number) => string): string {
  const days = [...new Set([...eventDays.filter((k) => k <= cmp.length), cmp.length])].sort((a, b) => a - b);
  const body = days.map((k) => [String(k), ...path.values.map((v) => fmt(v[k]))]);
  return `${title}\n${formatTable(
    ['event day', ...cmp.episodes.map((e) => e.id)],
    alignRight(
      body,
      body[0].map((_, i) => i),
    ),
  )}`;
}

export const compareCommand: CommandModule<AnalysisArgs, CompareArgs> = {
  builder: (y: Argv<AnalysisArgs>) =>
    costOptions(y)
      .positional('episodes', {
        type: 'string',
        array: true,
        describe: `named episodes (${EPISODES.map((e) => e.id).join(', ')}), years (2019), quarters (2019Q4), months (2019-08) or FROM..TO`,
      })
      .option('from', { type: 'string', array: true, describe: 'start of an ad-hoc episode, YYYY[-MM[-DD]] (repeat with --to for more)' })
      .option('to', { type: 'string', array: true, describe: 'end of the ad-hoc episode of the matching --from' })
      .option('preset', { type: 'string', describe: 'regime definition preset (default article)' })
      .option('config', { type: 'string', describe: 'a JSON regime definition instead of a preset' })
      .option('strategies', {
        type: 'boolean',
        default: true,
        describe: 'replay the built-in strategies and show them against the benchmarks (--no-strategies to skip)',
      })
      .option('days', {
        type: 'string',
        default: DEFAULT_EVENT_DAYS,
        describe: 'event days (trading days after the close before each start) shown in the path tables (giving it prints them)',
      })
      .option('verbose', {
        type: 'boolean',
        default: false,
        describe: 'the table format: add the signals in event time (one table per signal); by default a line says how to see them',
      })
      .option('format', {
        choices: ['table', 'csv', 'json'] as const,
        default: 'table' as Format,
        describe: 'table: side-by-side tables; csv: every event-time path, one row per episode, series and day; json: everything',
      })
      .option('out', { type: 'string', describe: 'write to this file (atomically) instead of stdout' })
      .example('$0 compare 2022 2025Q2', "the note's Q4 and Q3 examples side by side")
      .example('$0 compare svb-2023 --from 2019-09 --to 2019-10', 'SVB against the September 2019 repo spike')
      .example('$0 compare 2022 2025Q2 --verbose', 'with the liquidity, dollar and return paths in event time'),
  handler: async (args) => {
    const spans = episodesFromArgs(args.episodes ?? [], args.from ?? [], args.to ?? []);
    const eventDays = parseEventDays(args.days);
    const progress = stepProgress('compare', 3 + (args.strategies ? BUILTIN_STRATEGIES.length - 1 : 0), args.quiet);
    const { panel, roles, regimes, strategies, dir, assumption } = await loadAnalysisInputs(args, progress);
    const cal = panel.calendar;
    const signals: EpisodeSignal[] = [
      { name: 'quadrant', values: Float64Array.from(regimes.labels), units: 'label at the close (0 warm-up)', mode: 'level' },
      { name: 'raw_quadrant', values: Float64Array.from(regimes.rawLabels), units: 'raw label at the close, before confirmation (0 none)', mode: 'level' },
      { name: 'liquidity_score', values: regimes.liquidityScore, units: 'score (> 0 easing)', mode: 'level' },
      { name: 'dollar_score', values: regimes.dollarScore, units: 'score (> 0 strengthening)', mode: 'level' },
      { name: 'net_liquidity_change', values: panelNetLiquidity(panel), units: 'millions of USD since the base close', mode: 'change' },
      { name: 'reserves', values: panel.columns.WRESBAL, units: 'millions of USD (WRESBAL as of the close)', mode: 'level' },
      { name: 'dollar_change', values: panel.columns.DTWEXBGS, units: 'fraction since the base close (DTWEXBGS)', mode: 'percent' },
    ];
    const cmp = compareEpisodes(
      { calendar: cal, labels: regimes.labels, rawLabels: regimes.rawLabels, returns: [...roleReturns(roles), ...strategies], signals },
      spans,
    );
    progress.tick('episodes');
    progress.done();

    if (args.format === 'json') {
      const json = {
        assumptions: assumptionJson(assumption),
        meta: { data: dir, regimes: regimes.config.name, eventDayZero: 'the close before each episode’s first trading day' },
        episodes: cmp.episodes.map((e) => ({
          ...e,
          from: isoDay(e.from),
          to: isoDay(e.to),
          segments: e.segments.map((s) => ({ ...s, from: isoDay(s.from), to: isoDay(s.to) })),
        })),
        // Quadrants spelled Q1..Q4 as in every output (null before labels start).
        paths: cmp.paths.map((p) => ({ ...p, values: p.values.map((v) => (isQuadrantPath(p) ? Array.from(v, quadrantCell) : Array.from(v))) })),
      };
      emit(
        JSON.stringify(json, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2),
        args.out,
      );
      return;
    }
    if (args.format === 'csv') {
      const rows: (string | number)[][] = [];
      cmp.episodes.forEach((e, j) => {
        for (const p of cmp.paths) {
          for (let k = 0; k <= e.endIndex - e.baseIndex; k++)
            rows.push([e.id, p.name, k, isoDay(cal[e.baseIndex + k]), isQuadrantPath(p) ? quadrantCell(p.values[j][k]) : p.values[j][k]]);
        }
      });
      emit(toCsv(['episode', 'series', 'event_day', 'date', 'value'], rows), args.out);
      return;
    }

    const out: string[] = [
      `assumptions: ${describeAssumption(assumption)}`,
      `data ${dir}; regimes "${regimes.config.name}"; event day 0 = the close before each episode's first trading day`,
      '',
    ];
    out.push(
      'EPISODES AND REGIMES (days in force of each quadrant: the label known at the previous close; raw≠: labelled days on which the raw label, before confirmation, differs)',
      formatTable(
        ['episode', 'title', 'from', 'to', 'days', 'Q1', 'Q2', 'Q3', 'Q4', 'raw≠', 'raw Q1/Q2/Q3/Q4', 'regime path'],
        cmp.episodes.map((e) => [
          e.id,
          e.title,
          isoDay(e.from),
          isoDay(e.to),
          e.days,
          e.quadrantDays[1],
          e.quadrantDays[2],
          e.quadrantDays[3],
          e.quadrantDays[4],
          e.rawDiffers ?? '',
          e.rawQuadrantDays ? e.rawQuadrantDays.slice(1).join('/') : '',
          regimePath(e.segments),
        ]),
        { priority: [1, 3, 2, 2, 2, 1, 1, 1, 1, 4], shrink: 'title' },
      ),
    );
    const cell = (name: string, j: number) => {
      const r = cmp.episodes[j].returns.find((x) => x.name === name)!;
      return Number.isFinite(r.total) ? `${pct(r.total)} (${pct(-r.maxDrawdown)})` : 'n/a';
    };
    const roleRows = ROLES.map((role) => [role, ...cmp.episodes.map((_, j) => cell(role, j))]);
    out.push(
      '',
      'ASSET ROLES: total return over the episode (worst drawdown inside it)',
      formatTable(
        ['role', ...cmp.episodes.map((e) => e.id)],
        alignRight(
          roleRows,
          cmp.episodes.map((_, j) => j + 1),
        ),
      ),
    );
    if (strategies.length) {
      const names = strategies.map((s) => s.name);
      const rows = names.map((name) => [name, ...cmp.episodes.map((_, j) => cell(name, j))]);
      const total = (name: string, j: number) => cmp.episodes[j].returns.find((x) => x.name === name)!.total;
      for (const bench of names.filter((n) => n !== 'article')) {
        rows.push([`article − ${bench}`, ...cmp.episodes.map((_, j) => pct(total('article', j) - total(bench, j)) || 'n/a')]);
      }
      out.push(
        '',
        'STRATEGY AGAINST BENCHMARKS (replayed from the first labelled day; n/a before it; the random-regime control is a distribution: see quadrant validate)',
        formatTable(
          ['strategy', ...cmp.episodes.map((e) => e.id)],
          alignRight(
            rows,
            cmp.episodes.map((_, j) => j + 1),
          ),
        ),
      );
    }
    // The event-time tables are long (one per signal): printed with --verbose or an explicit --days.
    if (!args.verbose && args.days === DEFAULT_EVENT_DAYS) {
      out.push(
        '',
        hiddenTablesText([
          {
            what: `signals in event time (quadrant, liquidity and dollar scores, net liquidity, reserves, dollar, US large caps${strategies.length ? ', the strategy' : ''} at event days ${DEFAULT_EVENT_DAYS})`,
            alternative: '--days LIST',
          },
        ]),
      );
      emitText(out.join('\n'), args.out);
      return;
    }
    const path = (name: string) => cmp.paths.find((p) => p.name === name)!;
    const q = (x: number) => (Number.isNaN(x) ? '' : x === 0 ? '-' : `Q${x}`);
    const score = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '');
    const bn = (x: number) => (Number.isFinite(x) ? `${Math.round(x / 1000)}` : '');
    out.push(
      '',
      'SIGNALS IN EVENT TIME (trading days after event day 0; blank past an episode’s end)',
      '',
      pathTable('quadrant at the close', path('quadrant'), cmp, eventDays, q),
      '',
      pathTable('liquidity score (> 0 easing)', path('liquidity_score'), cmp, eventDays, score),
      '',
      pathTable('dollar score (> 0 strengthening)', path('dollar_score'), cmp, eventDays, score),
      '',
      pathTable('net liquidity change since day 0 ($bn)', path('net_liquidity_change'), cmp, eventDays, bn),
      '',
      pathTable('bank reserves ($bn, as of the close)', path('reserves'), cmp, eventDays, bn),
      '',
      pathTable('broad dollar index change since day 0', path('dollar_change'), cmp, eventDays, (x) => pct(x)),
      '',
      pathTable('US large caps, cumulative return', path('us_large'), cmp, eventDays, (x) => pct(x)),
    );
    if (strategies.length)
      out.push(
        '',
        pathTable('article strategy, cumulative return', path('article'), cmp, eventDays, (x) => pct(x)),
      );
    emitText(out.join('\n'), args.out);
  },
};
