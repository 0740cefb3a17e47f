import type { Argv, CommandModule } from 'yargs';
import { isoDay } from '../../datasets/day.ts';
import { computeRegimes, QUADRANT_NAMES, episodesOf } from '../../engine/regimes/index.ts';
import { watchList } from '../../engine/signals/watch-list.ts';
import { emit, emitText, formatTable, type Format } from '../output.ts';
import { loadRegimePanel, parseDayArg, regimeConfigFrom } from './regimes.ts';

interface SignalsArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
  asOf?: string;
  preset?: string;
  config?: string;
  format: Format;
}

export const signalsCommand: CommandModule<SignalsArgs, SignalsArgs> = {
  builder: (y: Argv<SignalsArgs>) =>
    y
      .option('as-of', { type: 'string', describe: 'the day, YYYY[-MM[-DD]] (default: the last day of the data)' })
      .option('preset', { type: 'string', describe: 'regime preset for the label line (default article)' })
      .option('config', { type: 'string', describe: 'a JSON regime definition for the label line' })
      .conflicts('preset', 'config')
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as Format })
      .example('$0 signals --as-of 2026-01-19', 'what the note could see on the day it was published'),
  handler: async (args) => {
    const config = regimeConfigFrom(args);
    const { panel } = await loadRegimePanel(args);
    const cal = panel.calendar;
    const asked = args.asOf ? parseDayArg(args.asOf, true, 'as-of') : cal[cal.length - 1];
    if (asked > cal[cal.length - 1] + 7 && !args.quiet) {
      process.stderr.write(`warning: --as-of ${args.asOf} is after the data, which ends ${isoDay(cal[cal.length - 1])}: showing that day\n`);
    }
    const w = watchList(panel, asked, { redLine: config.reserves.redLine });
    // Labels at row t read rows ≤ t only, so the full-history run gives the label known that day.
    const r = computeRegimes(panel, config);
    const t = w.row;
    const q = r.labels[t];
    const since = q ? episodesOf(r.labels.subarray(0, t + 1), cal.subarray(0, t + 1)).at(-1) : undefined;
    if (args.format === 'json') {
      emit(
        JSON.stringify(
          {
            asOf: isoDay(w.asked),
            row: isoDay(w.day),
            items: w.items.map((i) => ({ ...i, observed: i.observed >= 0 ? isoDay(i.observed) : null })),
            regime: {
              config: config.name,
              quadrant: q,
              since: since ? isoDay(since.start) : null,
              liquidityScore: r.liquidityScore[t],
              dollarScore: r.dollarScore[t],
            },
          },
          (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
          2,
        ),
      );
      return;
    }
    const out: string[] = [];
    out.push(`watch-list as of ${isoDay(w.asked)} (panel row ${isoDay(w.day)}: only figures published by that close)`);
    out.push(
      formatTable(
        ['signal', 'observed', 'reading'],
        w.items.map((i) => [i.title, i.observed >= 0 ? isoDay(i.observed) : '', i.reading]),
      ),
    );
    out.push(
      '',
      q
        ? `regime (${config.name}): ${QUADRANT_NAMES[q as 1 | 2 | 3 | 4]} since ${since ? isoDay(since.start) : '?'}; liquidity score ${r.liquidityScore[t].toFixed(2)}, dollar score ${r.dollarScore[t].toFixed(2)}`
        : `regime (${config.name}): not yet labelled on this day (warm-up)`,
    );
    emitText(out.join('\n'));
  },
};
