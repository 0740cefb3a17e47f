import type { Argv, CommandModule } from 'yargs';
import { MACRO_SERIES, PRICE_SERIES, DEFAULT_ROLE_INSTRUMENTS, ROLES } from '../../datasets/catalog.ts';
import { isoDay, parseDateBound } from '../../datasets/day.ts';
import { DataError, UsageError } from '../../datasets/errors.ts';
import { longestGap } from '../../datasets/checks.ts';
import { formatIssue } from '../../datasets/issues.ts';
import { loadDataset, type Dataset } from '../../datasets/load-dataset.ts';
import { describeRule } from '../../datasets/publication.ts';
import { coverage, type Series } from '../../datasets/series.ts';
import { createProgress, fetchIntoCache, resolveFetchTargets } from '../../datasets/live/index.ts';
import { resolveDataDir, cacheDir } from '../load-data.ts';
import { emit, emitText, formatTable, toCsv, type Format } from '../output.ts';

interface DataArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
}

const list: CommandModule<DataArgs, DataArgs> = {
  command: 'list',
  describe: 'the catalog: every series and role, with coverage where data is found',
  handler: (args) => {
    const ds = tryLoad(args);
    const rows: (string | number)[][] = [];
    for (const e of MACRO_SERIES) rows.push([e.id, e.title, e.units, e.frequency, describeRule(e.publication), ...coverageCells(ds?.macro.get(e.id))]);
    for (const e of PRICE_SERIES) {
      const role = ROLES.filter((r) => DEFAULT_ROLE_INSTRUMENTS[r].includes(e.ticker)).join(' ');
      rows.push([e.ticker, e.title, role ? `role: ${role}` : e.kind, 'daily', 'same day (close)', ...coverageCells(ds?.prices.get(e.ticker))]);
    }
    emitText(
      formatTable(['id', 'title', 'units / role', 'freq', 'usable from', 'first', 'last', 'rows'], rows, {
        priority: [1, 3, 4, 5, 4, 2, 2, 3],
        shrink: 'title',
      }),
    );
    emitText(
      `\nroles (instruments in order of preference; TBILL = T-bill account):\n` +
        ROLES.map((r) => `  ${r.padEnd(17)} ${DEFAULT_ROLE_INSTRUMENTS[r].join(' → ')}`).join('\n'),
    );
  },
};

const verify: CommandModule<DataArgs, DataArgs & { format: Format }> = {
  command: 'verify',
  describe: 'check every series: coverage, gaps, staleness, problems; exit 2 when unusable',
  builder: (y: Argv<DataArgs>) => y.option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as Format }),
  handler: (args) => {
    const dir = resolveDataDir(args.data, args.cache);
    const ds = loadDataset(dir);
    const header = ['series', 'first', 'last', 'rows', 'longest_gap_days', 'status', 'problems'];
    const rows: (string | number)[][] = [];
    const all: [string, Series | undefined][] = [
      ...MACRO_SERIES.map((e) => [e.id, ds.macro.get(e.id)] as [string, Series | undefined]),
      ...PRICE_SERIES.map((e) => [e.ticker, ds.prices.get(e.ticker)] as [string, Series | undefined]),
    ];
    for (const [id, s] of all) {
      const issues = ds.issues.filter((i) => i.series === id || (!i.series && s && i.file === s.meta.file));
      const status = issues.some((i) => i.severity === 'error') ? 'ERROR' : !s ? 'absent' : issues.length ? 'warning' : 'ok';
      rows.push([id, ...coverageCells(s), s ? longestGap(s).days : '', status, issues.map((i) => i.message).join('; ')]);
    }
    const errors = ds.issues.filter((i) => i.severity === 'error');
    if (args.format === 'json')
      emit(
        JSON.stringify(
          {
            dir,
            usable: errors.length === 0,
            series: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))),
            notes: ds.notes,
            issues: ds.issues,
          },
          null,
          2,
        ),
      );
    else if (args.format === 'csv') emit(toCsv(header, rows));
    else {
      emitText(
        `data: ${dir}\n\n` +
          formatTable(
            header.slice(0, 6),
            rows.map((r) => r.slice(0, 6)),
          ),
      );
      if (ds.notes.length) emitText('\n' + ds.notes.map((n) => `note: ${n}`).join('\n'));
      if (ds.issues.length) emitText('\n' + ds.issues.map(formatIssue).join('\n'));
      emitText(errors.length ? `\nNOT USABLE: ${errors.length} error(s).` : '\nusable: every required series is present and valid.');
    }
    if (errors.length) process.exitCode = 2;
  },
};

const show: CommandModule<DataArgs, DataArgs & { id: string; from?: string; to?: string; format: Format }> = {
  command: 'show <id>',
  describe: 'print one series (observation day, value, and the day it became public)',
  builder: (y: Argv<DataArgs>) =>
    y
      .positional('id', { type: 'string', demandOption: true, describe: 'a catalog id (WALCL) or ticker (SPY)' })
      .option('from', { type: 'string', describe: 'first date, YYYY[-MM[-DD]]' })
      .option('to', { type: 'string', describe: 'last date, YYYY[-MM[-DD]]' })
      .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as Format })
      .example('$0 data show WRESBAL --from 2025-09 --format csv', 'reserves since September 2025 as CSV'),
  handler: (args) => {
    const id = args.id.toUpperCase();
    const isMacro = MACRO_SERIES.some((e) => e.id === id);
    const isPrice = PRICE_SERIES.some((e) => e.ticker === id);
    if (!isMacro && !isPrice) throw new DataError('unknown-series', `unknown series "${args.id}"`, { hint: 'see `quadrant data list`' });
    const from = args.from ? parseBound(args.from, false) : -Infinity;
    const to = args.to ? parseBound(args.to, true) : Infinity;
    if (from > to) throw new UsageError(`--from ${args.from} is after --to ${args.to}`, { hint: 'swap them' });
    const ds = loadDataset(resolveDataDir(args.data, args.cache), isMacro ? { macro: [id], prices: [] } : { macro: [], prices: [id] });
    const s = isMacro ? ds.macro.get(id) : ds.prices.get(id);
    if (!s) {
      const issue = ds.issues.find((i) => i.severity === 'error');
      throw new DataError('series-missing', issue ? issue.message : `${id} has no data`, { file: issue?.file, line: issue?.line });
    }
    const header = ['date', id, 'available_from'];
    const rows: (string | number)[][] = [];
    for (let i = 0; i < s.days.length; i++) {
      if (s.days[i] < from || s.days[i] > to) continue;
      rows.push([isoDay(s.days[i]), s.values[i], isoDay(s.available[i])]);
    }
    if (args.format === 'csv') emit(toCsv(header, rows));
    else if (args.format === 'json')
      emit(
        JSON.stringify(
          { id, title: s.meta.title, units: s.meta.units, rows: rows.map(([d, v, a]) => ({ date: d, value: Number.isNaN(v) ? null : v, available_from: a })) },
          null,
          2,
        ),
      );
    else emitText(`${id}: ${s.meta.title} (${s.meta.units})\n` + formatTable(header, rows));
  },
};

const fetch: CommandModule<DataArgs, DataArgs & { series?: string[]; vintage?: string }> = {
  command: 'fetch',
  describe: 'download series from FRED, Yahoo Finance and the Treasury (daily TGA) into the cache',
  builder: (y: Argv<DataArgs>) =>
    y
      .option('series', { type: 'string', array: true, describe: 'ids or tickers to fetch (default: the whole catalog)' })
      .option('vintage', { type: 'string', describe: 'ALFRED vintage date YYYY-MM-DD for FRED series (needs FRED_API_KEY)' })
      .example('$0 data fetch', 'everything the catalog lists, into ~/.cache/quadrant')
      .example('$0 data fetch --series WALCL WRESBAL SPY', 'just these')
      .example('FRED_API_KEY=... $0 data fetch --vintage 2024-01-05', 'FRED series as known on that day, into <cache>/vintages/2024-01-05')
      .epilogue(
        'FRED_API_KEY switches FRED downloads from the keyless fredgraph.csv endpoint to the FRED API. ' +
          'A Yahoo rate limit (HTTP 429) or Ctrl-C stops the fetch between whole files; the next `data fetch` resumes. ' +
          'QUADRANT_FRED_URL, QUADRANT_FRED_API_URL, QUADRANT_YAHOO_URL and QUADRANT_FISCALDATA_URL point a service at a mirror (scheme, host and port only).',
      ),
  handler: async (args) => {
    const dir = cacheDir(args.cache);
    const targets = resolveFetchTargets(args.series);
    const progress = args.quiet ? undefined : createProgress('fetch', targets.length);
    // SIGINT / SIGTERM stop the download between whole files; the next fetch resumes.
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let summary: Awaited<ReturnType<typeof fetchIntoCache>>;
    try {
      summary = await fetchIntoCache({
        cacheDir: dir,
        series: args.series,
        vintageDate: args.vintage,
        signal: controller.signal,
        onProgress: (e) => progress?.tick(`${e.result.id}${e.result.ok ? '' : e.result.skipped ? ' not fetched' : ' FAILED'}`),
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    progress?.done();
    if (summary.resumed) emitText(`resumed the fetch begun ${summary.resumed.startedAt}: ${summary.resumed.left} of ${summary.resumed.of} series were left`);
    const rows = summary.items.map((i) => [i.id, i.ok ? 'ok' : i.skipped ? 'not fetched' : 'FAILED', i.first, i.last, i.rows]);
    emitText(`cache: ${summary.cacheDir}\n\n` + formatTable(['series', 'status', 'first', 'last', 'rows'], rows));
    const warnings = summary.items.flatMap((i) => i.warnings ?? []);
    if (warnings.length) emitText('\n' + warnings.map((w) => `warning: ${w}`).join('\n'));
    if (summary.stopped) {
      emitText(`\n${summary.stopped.message}`);
      process.exitCode = summary.stopped.reason === 'interrupted' ? 130 : 1;
    } else if (summary.failed) {
      const errors = summary.items.filter((i) => !i.ok).map((i) => `${i.id}: ${i.error}`);
      emitText(`\n${errors.join('\n')}\n\n${summary.failed} of ${summary.items.length} downloads failed; the cache keeps the previous copies of those.`);
      process.exitCode = 1;
    }
  },
};

function parseBound(text: string, end: boolean): number {
  const d = parseDateBound(text, end);
  if (Number.isNaN(d)) throw new UsageError(`bad date "${text}"`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  return d;
}

function tryLoad(args: DataArgs): Dataset | undefined {
  try {
    return loadDataset(resolveDataDir(args.data, args.cache));
  } catch {
    return undefined;
  }
}

function coverageCells(s: Series | undefined): (string | number)[] {
  if (!s) return ['', '', ''];
  const c = coverage(s);
  return c.count ? [isoDay(c.first), isoDay(c.last), c.count] : ['', '', 0];
}

export const dataCommand: CommandModule<DataArgs, DataArgs> = {
  builder: (y: Argv<DataArgs>) =>
    y
      .command(list)
      .command(verify)
      .command(show)
      .command(fetch)
      .demandCommand(1, 'name a data command: list, verify, fetch or show')
      .epilogue(`Data comes from --data DIR, else QUADRANT_DATA, else the live cache (${cacheDir()}).`),
  handler: () => {},
};
