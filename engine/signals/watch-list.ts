import { isoDay, type Day } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import { calendarIndexAtOrBefore, type Panel } from '../../datasets/panel.ts';
import { dailyIsFreshest, panelTga } from './net-liquidity.ts';

/** One line of the article's watch-list, as public on a given day. */
export interface WatchItem {
  key: string;
  title: string;
  /** Panel column the value comes from. */
  series: string;
  /** The value, in `units`. */
  value: number;
  units: string;
  /** Observation day behind the value (panel.asOf): what was the newest published figure. */
  observed: Day;
  /** Change over `changeWindow` (same units; percent change for the dollar), from panel rows only. */
  change: number;
  changeWindow: string;
  /** A plain-words reading, e.g. "reserves $2.93T: below the $3T red line since 2025-09-24". */
  reading: string;
}

export interface WatchList {
  /** The day asked for, and the panel row used (the last trading day at or before it). */
  asked: Day;
  day: Day;
  row: number;
  items: WatchItem[];
}

export interface WatchListOptions {
  /** Reserve red line in millions of USD (default 3,000,000 = $3T). */
  redLine?: number;
}

const WEEK = 5;
const MONTH = 21;

/**
 * The note's watch-list on day `asked`: reserves against the red line, TGA, reverse repos, net
 * liquidity, the 13-week balance-sheet change, the policy rate, the 2-year yield and dollar
 * momentum, each with its recent change and a reading in plain words.
 *
 * Timing: everything comes from the panel row of the last trading day ≤ `asked` and earlier
 * rows, so only what was published by that day's close is used; `observed` names the
 * observation behind each value (e.g. a Wednesday H.4.1 figure read on the Friday after).
 *
 * @throws DataError when `asked` is before the calendar or a needed column is missing.
 */
export function watchList(panel: Panel, asked: Day, options: WatchListOptions = {}): WatchList {
  const redLine = options.redLine ?? 3_000_000;
  const t = calendarIndexAtOrBefore(panel.calendar, asked);
  if (t < 0) throw new DataError('no-data', `no trading day on or before ${isoDay(asked)}`, { hint: `the calendar starts ${isoDay(panel.calendar[0])}` });
  const col = (id: string) => {
    const c = panel.columns[id];
    if (!c) throw new DataError('series-missing', `the watch-list needs ${id}, which is not in the data`, { series: id });
    return c;
  };
  const at = (id: string, lag: number) => (t - lag >= 0 ? col(id)[t - lag] : NaN);
  const obs = (id: string) => panel.asOf[id]?.[t] ?? -1;
  const items: WatchItem[] = [];

  const res = at('WRESBAL', 0);
  const resChange = res - at('WRESBAL', 4 * WEEK);
  const below = res < redLine;
  const since = sideSince(col('WRESBAL'), panel.asOf.WRESBAL, t, (v) => v < redLine === below);
  items.push({
    key: 'reserves',
    title: 'Bank reserves',
    series: 'WRESBAL',
    value: res,
    units: 'millions of USD',
    observed: obs('WRESBAL'),
    change: resChange,
    changeWindow: '4 weeks',
    reading:
      `reserves ${usd(res)}: ${below ? 'below' : 'above'} the ${usd(redLine)} red line ${since.start >= 0 ? `${since.sinceStart ? 'since at least' : 'since'} ${isoDay(since.start)}` : ''}`.trimEnd() +
      `; ${moved(resChange)} over 4 weeks`,
  });

  // The daily DTS balance where it is current, the weekly H.4.1 level otherwise (see panelTga).
  col('WDTGAL');
  const tgaAll = panelTga(panel);
  const tgaAt = (lag: number) => (t - lag >= 0 ? tgaAll.values[t - lag] : NaN);
  const tga = tgaAt(0);
  const daily = panel.columns.DTS_TGA;
  const tgaDaily = daily !== undefined && dailyIsFreshest(daily[t], panel.asOf.DTS_TGA[t], panel.columns.WDTGAL[t], panel.asOf.WDTGAL[t]);
  const tgaChange = tga - tgaAt(4 * WEEK);
  items.push({
    key: 'tga',
    title: tgaDaily ? 'Treasury General Account (daily statement)' : 'Treasury General Account',
    series: tgaDaily ? 'DTS_TGA' : 'WDTGAL',
    value: tga,
    units: 'millions of USD',
    observed: tgaAll.asOf[t],
    change: tgaChange,
    changeWindow: '4 weeks',
    reading: `TGA ${usd(tga)}, ${moved(tgaChange)} over 4 weeks: ${flat(tgaChange, 25_000) ? 'little net effect on liquidity' : tgaChange < 0 ? 'the Treasury is releasing cash (adds liquidity)' : 'the Treasury is building cash (drains liquidity)'}`,
  });

  const rrp = at('RRPONTSYD', 0) * 1000;
  const rrpChange = rrp - at('RRPONTSYD', 4 * WEEK) * 1000;
  items.push({
    key: 'rrp',
    title: 'Overnight reverse repos',
    series: 'RRPONTSYD',
    value: rrp,
    units: 'millions of USD',
    observed: obs('RRPONTSYD'),
    change: rrpChange,
    changeWindow: '4 weeks',
    reading: `RRP ${usd(rrp)}, ${moved(rrpChange)} over 4 weeks: ${rrp < 50_000 ? 'almost drained, no buffer left to release' : rrpChange < -25_000 ? 'cash leaving the facility (adds liquidity)' : rrpChange > 25_000 ? 'cash parked at the Fed (drains liquidity)' : 'steady'}`,
  });

  const net = at('WALCL', 0) - tga - rrp;
  const net13 = at('WALCL', 13 * WEEK) - tgaAt(13 * WEEK) - at('RRPONTSYD', 13 * WEEK) * 1000;
  const netChange = net - net13;
  items.push({
    key: 'net_liquidity',
    title: 'Net liquidity (WALCL − TGA − RRP)',
    series: 'WALCL',
    value: net,
    units: 'millions of USD',
    observed: Math.min(obs('WALCL'), tgaAll.asOf[t], obs('RRPONTSYD')),
    change: netChange,
    changeWindow: '13 weeks',
    reading: `net liquidity ${usd(net)}, ${moved(netChange)} over 13 weeks: ${flat(netChange, 50_000) ? 'roughly flat' : netChange > 0 ? 'rising (good for risk assets, C7)' : 'falling'}`,
  });

  const walcl = at('WALCL', 0);
  const bs = walcl - at('WALCL', 13 * WEEK);
  items.push({
    key: 'balance_sheet',
    title: 'Fed balance sheet, 13-week change',
    series: 'WALCL',
    value: bs,
    units: 'millions of USD',
    observed: obs('WALCL'),
    change: bs,
    changeWindow: '13 weeks',
    reading: `Fed assets ${usd(walcl)}, ${moved(bs)} over 13 weeks (${usd(Math.abs(bs) / 3)} a month): ${flat(bs, 15_000) ? 'roughly flat, QT has stopped' : bs > 0 ? 'expanding (QE or reserve management purchases)' : 'shrinking (QT)'}`,
  });

  const dff = at('DFF', 0);
  const dffChange = dff - at('DFF', 3 * MONTH);
  items.push({
    key: 'policy_rate',
    title: 'Policy rate (effective fed funds)',
    series: 'DFF',
    value: dff,
    units: 'percent',
    observed: obs('DFF'),
    change: dffChange,
    changeWindow: '3 months',
    reading: `fed funds ${pct(dff)}, ${dffChange <= -0.125 ? `cut ${pp(-dffChange)} over 3 months: easing` : dffChange >= 0.125 ? `raised ${pp(dffChange)} over 3 months: tightening` : 'unchanged over 3 months: on hold'}`,
  });

  const dgs2 = at('DGS2', 0);
  const dgs2Change = dgs2 - at('DGS2', 3 * MONTH);
  const spread = dgs2 - dff;
  items.push({
    key: 'two_year',
    title: '2-year Treasury yield',
    series: 'DGS2',
    value: dgs2,
    units: 'percent',
    observed: obs('DGS2'),
    change: dgs2Change,
    changeWindow: '3 months',
    reading:
      `2-year ${pct(dgs2)}, ${Math.abs(spread) < 0.1 ? 'level with' : `${pp(Math.abs(spread))} ${spread < 0 ? 'below' : 'above'}`} the policy rate: ` +
      `${spread <= -0.1 ? 'markets price cuts' : spread >= 0.1 ? 'markets price hikes' : 'no change priced'}; ` +
      `${dgs2Change >= 0.1 ? `up ${pp(dgs2Change)} over 3 months (less easing expected)` : dgs2Change <= -0.1 ? `down ${pp(-dgs2Change)} over 3 months (more easing expected)` : 'little changed over 3 months'}`,
  });

  for (const [id, name] of [
    ['DTWEXBGS', 'broad dollar'],
    ['DXY', 'DXY'],
  ] as const) {
    if (!panel.columns[id]) continue;
    const x = at(id, 0);
    const mom = x / at(id, 63) - 1;
    const prev = at(id, 21) / at(id, 84) - 1;
    let sum = 0;
    for (let i = 0; i < 200; i++) sum += at(id, i);
    const trend = x / (sum / 200) - 1;
    items.push({
      key: id === 'DXY' ? 'dollar_dxy' : 'dollar',
      title: id === 'DXY' ? 'US dollar index (DXY), 63-day momentum' : 'Broad US dollar (DTWEXBGS), 63-day momentum',
      series: id,
      value: x,
      units: 'index',
      observed: obs(id),
      change: mom * 100,
      changeWindow: '63 trading days, percent',
      reading:
        `${name} ${x.toFixed(2)}, ${signed(mom * 100)}% over 63 days, ${Number.isNaN(trend) ? 'no 200-day average yet' : `${Math.abs(trend * 100).toFixed(1)}% ${trend < 0 ? 'below' : 'above'} its 200-day average`}: ` +
        `${mom > 0.01 ? (mom - prev > 0.005 ? 'strengthening, and accelerating' : 'strengthening') : mom < -0.01 ? (mom - prev < -0.005 ? 'weakening, and faster' : 'weakening') : 'roughly flat'}`,
    });
  }
  return { asked, day: panel.calendar[t], row: t, items };
}

/**
 * First observation day of the current run of rows on one side of a line, walking back from t.
 * `sinceStart` says the run reaches the first row with data (so "since at least").
 */
function sideSince(x: Float64Array, asOf: Int32Array | undefined, t: number, sameSide: (v: number) => boolean): { start: Day; sinceStart: boolean } {
  let s = t;
  while (s > 0 && !Number.isNaN(x[s - 1]) && sameSide(x[s - 1])) s--;
  const sinceStart = s === 0 || Number.isNaN(x[s - 1]);
  return { start: asOf ? asOf[s] : -1, sinceStart };
}

function flat(x: number, band: number): boolean {
  return Math.abs(x) < band;
}

/** Millions of USD as "$2.93T" or "$850bn". */
function usd(millions: number): string {
  if (Number.isNaN(millions)) return 'n/a';
  const sign = millions < 0 ? '-' : '';
  const a = Math.abs(millions);
  return a >= 1_000_000 ? `${sign}$${(a / 1_000_000).toFixed(2)}T` : `${sign}$${Math.round(a / 1000)}bn`;
}

function moved(millions: number): string {
  if (Number.isNaN(millions)) return 'change n/a';
  return millions >= 0 ? `up ${usd(millions)}` : `down ${usd(-millions)}`;
}

function pct(x: number): string {
  return Number.isNaN(x) ? 'n/a' : `${x.toFixed(2)}%`;
}

function pp(x: number): string {
  return `${x.toFixed(2)} pp`;
}

function signed(x: number): string {
  return Number.isNaN(x) ? 'n/a' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
}
