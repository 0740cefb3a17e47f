import { dayOf, isoDay, parseDateBound, type Day } from '../../datasets/day.ts';
import { ConfigError } from '../../datasets/errors.ts';

/** A named stretch of history the article (or the issue) points at. Dates inclusive, ISO. */
export interface NamedEpisode {
  id: string;
  title: string;
  from: string;
  to: string;
  description: string;
}

/**
 * The named episodes `quadrant compare` knows. Dates are the conventional markers of each event
 * (market peaks and troughs, policy announcements, calendar quarters), chosen before looking at
 * any regime label.
 */
export const EPISODES: readonly NamedEpisode[] = [
  {
    id: 'gfc-2008',
    title: '2008 financial crisis',
    from: '2007-10-09',
    to: '2009-03-09',
    description: 'S&P 500 peak to the March 2009 low: Bear Stearns, Lehman, QE1',
  },
  {
    id: 'taper-2013',
    title: '2013 taper tantrum',
    from: '2013-05-22',
    to: '2013-09-18',
    description: "Bernanke's taper testimony to the September no-taper decision",
  },
  { id: 'covid-2020', title: '2020 COVID shock', from: '2020-02-19', to: '2020-04-30', description: 'S&P 500 peak, crash, unlimited QE and the April rebound' },
  { id: 'qe-2021', title: '2021 QE', from: '2021-01-04', to: '2021-11-02', description: 'QE at $120bn a month until the taper was announced on 3 November' },
  {
    id: '2022',
    title: '2022 tightening',
    from: '2022-01-03',
    to: '2022-12-30',
    description: 'hikes from near zero to 4.25–4.50 %, QT from June, a strong dollar: the note’s Q4 example',
  },
  {
    id: 'svb-2023',
    title: 'March 2023 SVB',
    from: '2023-03-01',
    to: '2023-03-31',
    description: 'reserves below $3T, SVB fails, emergency lending lifts the Fed balance sheet by over $300bn',
  },
  {
    id: '2025Q2',
    title: '2025 Q2 tariff and stagflation scare',
    from: '2025-04-01',
    to: '2025-06-30',
    description: 'reciprocal tariffs, a weak dollar, non-US and commodities lead: the note’s Q3 example',
  },
  {
    id: 'reserves-below-3t-2025',
    title: 'Sep–Dec 2025 reserves below $3T',
    from: '2025-09-01',
    to: '2025-12-31',
    description: 'reserves under the red line, repo stress in October, QT ends, RMP decided in December',
  },
  {
    id: 'rmp-2026',
    title: 'Jan–Apr 2026 reserve management purchases',
    from: '2026-01-01',
    to: '2026-04-30',
    description: 'RMP bill purchases and the TGA drawdown the note forecast (out of sample)',
  },
];

/** An episode resolved to days (inclusive calendar bounds, not yet snapped to trading days). */
export interface EpisodeSpan {
  id: string;
  title: string;
  from: Day;
  to: Day;
  description: string;
}

/**
 * Resolves an episode name: a catalog id (`2022`, `svb-2023`, …; case-insensitive), a year
 * `YYYY`, a quarter `YYYYQn`, a month `YYYY-MM`, or a range `FROM..TO` of `YYYY[-MM[-DD]]`
 * bounds. Catalog ids win over the generic forms (so `2022` is the tightening year with its
 * description).
 *
 * @throws ConfigError (field `episode`) for anything else, listing the catalog ids.
 * @example
 * resolveEpisode('2025Q2'); // { id: '2025Q2', from: 2025-04-01, to: 2025-06-30, … }
 * resolveEpisode('2019Q4'); // { id: '2019Q4', title: '2019 Q4', from: 2019-10-01, to: 2019-12-31 }
 */
export function resolveEpisode(spec: string): EpisodeSpan {
  const text = spec.trim();
  const named = EPISODES.find((e) => e.id.toLowerCase() === text.toLowerCase());
  if (named) return { id: named.id, title: named.title, from: parseDateBound(named.from), to: parseDateBound(named.to, true), description: named.description };
  const quarter = /^(\d{4})[Qq]([1-4])$/.exec(text);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    return { id: `${y}Q${q}`, title: `${y} Q${q}`, from: dayOf(y, 3 * q - 2, 1), to: dayOf(y, 3 * q + 1, 0), description: 'calendar quarter' };
  }
  if (/^\d{4}$/.test(text)) return { id: text, title: text, from: parseDateBound(text), to: parseDateBound(text, true), description: 'calendar year' };
  if (/^\d{4}-\d{2}$/.test(text) && !Number.isNaN(parseDateBound(text))) {
    return { id: text, title: text, from: parseDateBound(text), to: parseDateBound(text, true), description: 'calendar month' };
  }
  const range = /^(.+)\.\.(.+)$/.exec(text);
  if (range) return episodeFromRange(range[1], range[2]);
  throw new ConfigError('bad-config', `unknown episode "${spec}"`, {
    field: 'episode',
    hint: `use one of ${EPISODES.map((e) => e.id).join(', ')}, a year (2019), a quarter (2019Q4), a month (2019-08) or FROM..TO`,
  });
}

/**
 * An ad-hoc episode from two date bounds `YYYY[-MM[-DD]]` (the end bound takes the last day of
 * its month or year).
 *
 * @throws ConfigError (field `from` or `to`) for an unreadable bound or from > to.
 * @example
 * episodeFromRange('2019-08', '2019-10'); // 2019-08-01 … 2019-10-31
 */
export function episodeFromRange(fromText: string, toText: string): EpisodeSpan {
  const from = parseDateBound(fromText.trim());
  const to = parseDateBound(toText.trim(), true);
  if (Number.isNaN(from)) throw new ConfigError('bad-config', `bad episode start "${fromText}"`, { field: 'from', hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  if (Number.isNaN(to)) throw new ConfigError('bad-config', `bad episode end "${toText}"`, { field: 'to', hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  if (from > to) throw new ConfigError('bad-config', `episode starts (${isoDay(from)}) after it ends (${isoDay(to)})`, { field: 'from' });
  const id = `${isoDay(from)}..${isoDay(to)}`;
  return { id, title: id, from, to, description: 'date range' };
}
