import { isoDay } from '../../datasets/day.ts';
import { DataError } from '../../datasets/errors.ts';
import type { Panel } from '../../datasets/panel.ts';
import { RESERVES_RED_LINE, panelNetLiquidity } from '../../engine/analysis/index.ts';
import { panelTga } from '../../engine/signals/net-liquidity.ts';
import { timeSeriesChart } from '../charts/time-series.ts';
import type { CellValue, ReportSection, TableRow } from '../model.ts';

/** Millions of USD per trillion. */
const MILLIONS_PER_TRILLION = 1_000_000;

export interface LiquidityOptions {
  /** First and last calendar index shown (default: from the first H.4.1 week to the end). */
  from?: number;
  to?: number;
}

const REQUIRED = ['WALCL', 'WRESBAL', 'WDTGAL', 'RRPONTSYD', 'DFF', 'DGS2'] as const;

/**
 * The liquidity dashboard from a panel's point-in-time columns (each day shows what was
 * published by its close): Fed total assets and net liquidity (WALCL − TGA − 1000 ×
 * RRPONTSYD, engine/analysis panelNetLiquidity; the TGA is the daily Treasury statement's where
 * the data has it, WDTGAL otherwise), reserves with the $3 trillion line, the TGA
 * and the reverse repo, the policy rate and the 2-year yield, plus a table of the latest values
 * with the observation day behind each and the change over 13 weeks. Balances are drawn in
 * trillions of dollars (WALCL, WRESBAL, WDTGAL are millions in the data, RRPONTSYD billions).
 *
 * @throws DataError when the panel lacks one of the six columns.
 */
export function liquiditySection(panel: Panel, options: LiquidityOptions = {}): ReportSection {
  for (const id of REQUIRED) {
    if (!panel.columns[id]) throw new DataError('series-missing', `the liquidity dashboard needs ${id}`, { series: id, hint: 'check `quadrant data verify`' });
  }
  const n = panel.calendar.length;
  const walcl = panel.columns.WALCL;
  let from = options.from ?? 0;
  if (options.from === undefined) while (from < n - 1 && Number.isNaN(walcl[from])) from++;
  const to = options.to ?? n - 1;
  const days = panel.calendar.subarray(from, to + 1);
  const cut = (values: Float64Array, scale = 1) => {
    const out = new Float64Array(to - from + 1);
    for (let i = from; i <= to; i++) out[i - from] = values[i] * scale;
    return out;
  };
  const trillions = { style: 'number' as const, digits: 2, suffix: ' tn' };
  const percent = { style: 'number' as const, digits: 2, suffix: '%' };
  const net = panelNetLiquidity(panel);
  const tga = panelTga(panel);
  const dailyTga = panel.columns.DTS_TGA !== undefined;
  const window = { days };
  const period = `${isoDay(days[0])} to ${isoDay(days[days.length - 1])}`;
  const redLine = RESERVES_RED_LINE / MILLIONS_PER_TRILLION;
  return {
    title: 'Liquidity dashboard',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `What the Fed and the Treasury did to dollar liquidity, ${period}, as it was known at each day's close: H.4.1 balances count from the Friday after their Wednesday, the reverse repo from the next business day.`,
          'Net liquidity = Fed total assets − Treasury General Account − overnight reverse repo. Balances in trillions of US dollars.',
        ],
      },
      latestTable(panel, net, tga, to),
      {
        kind: 'chart',
        id: 'liquidity-balance-sheet',
        title: 'Fed total assets and net liquidity',
        alt: `Fed total assets (WALCL) and net liquidity in trillions of dollars, ${period}.`,
        caption: `WALCL (H.4.1, Wednesday level) and WALCL − TGA − RRPONTSYD; ${dailyTga ? 'the TGA from the Daily Treasury Statement (DTS_TGA) where it is current, WDTGAL before' : 'TGA = WDTGAL; weekly points'}.`,
        spec: timeSeriesChart({
          ...window,
          series: [
            { label: 'Fed total assets', values: cut(walcl, 1 / MILLIONS_PER_TRILLION) },
            { label: 'Net liquidity', values: cut(net, 1 / MILLIONS_PER_TRILLION) },
          ],
          yTitle: 'US$ trillions',
          yAxisFormat: '$.1f',
          format: trillions,
          zero: true,
        }),
      },
      {
        kind: 'chart',
        id: 'liquidity-reserves',
        title: 'Bank reserves and the $3 trillion line',
        alt: `Reserve balances with Federal Reserve Banks in trillions of dollars, ${period}, with a line at $3 trillion.`,
        caption: 'WRESBAL (week average). Since 2020, reserves below about $3 trillion have coincided with funding stress (claim C6).',
        spec: timeSeriesChart({
          ...window,
          series: [{ label: 'Reserves', values: cut(panel.columns.WRESBAL, 1 / MILLIONS_PER_TRILLION) }],
          yTitle: 'US$ trillions',
          yAxisFormat: '$.1f',
          format: trillions,
          rules: [{ value: redLine, label: '$3 trillion' }],
          zero: true,
        }),
      },
      {
        kind: 'chart',
        id: 'liquidity-tga-rrp',
        title: 'Treasury General Account and overnight reverse repo',
        alt: `The Treasury's account at the Fed and the overnight reverse repo facility in trillions of dollars, ${period}.`,
        caption: `${dailyTga ? 'TGA: the Daily Treasury Statement closing balance (DTS_TGA, usable two business days on) where current, WDTGAL (Wednesday level) before' : 'WDTGAL (Wednesday level)'} and RRPONTSYD (daily; before 2014 a day without an operation counts as zero).`,
        spec: timeSeriesChart({
          ...window,
          series: [
            { label: 'TGA', values: cut(tga.values, 1 / MILLIONS_PER_TRILLION) },
            { label: 'Reverse repo', values: cut(panel.columns.RRPONTSYD, 1 / 1000) },
          ],
          yTitle: 'US$ trillions',
          yAxisFormat: '$.1f',
          format: trillions,
          zero: true,
        }),
      },
      {
        kind: 'chart',
        id: 'liquidity-rates',
        title: 'Policy rate and 2-year Treasury yield',
        alt: `Effective federal funds rate and the 2-year Treasury yield in percent, ${period}.`,
        caption: 'DFF (continued by EFFR) and DGS2. A 2-year yield below the policy rate prices cuts.',
        spec: timeSeriesChart({
          ...window,
          series: [
            { label: 'Fed funds (effective)', values: cut(panel.columns.DFF) },
            { label: '2-year Treasury', values: cut(panel.columns.DGS2) },
          ],
          yTitle: 'Percent',
          format: percent,
          zero: true,
          height: 220,
        }),
      },
    ],
  };
}

/** Value of each series on calendar index t, its observation day, and the change over 13 weeks (65 trading days). */
function latestTable(panel: Panel, net: Float64Array, tga: { values: Float64Array; asOf: Int32Array }, t: number): ReportSection['blocks'][number] {
  const back = Math.max(0, t - 65);
  const rows: TableRow[] = [];
  const add = (key: string, label: string, values: Float64Array, asOf: Int32Array | undefined, scale: number, unit: string) => {
    const v = values[t] * scale;
    const change = values[t] * scale - values[back] * scale;
    const cells: CellValue[] = [
      label,
      Number.isFinite(v) ? v : null,
      unit,
      asOf ? isoDay(asOf[t]) : isoDay(panel.calendar[t]),
      Number.isFinite(change) ? change : null,
    ];
    rows.push({ key, cells, tones: [null, null, null, null, Number.isFinite(change) && change !== 0 ? null : 'muted'] });
  };
  add('WALCL', 'Fed total assets', panel.columns.WALCL, panel.asOf.WALCL, 1 / MILLIONS_PER_TRILLION, 'US$ tn');
  add('WRESBAL', 'Reserves', panel.columns.WRESBAL, panel.asOf.WRESBAL, 1 / MILLIONS_PER_TRILLION, 'US$ tn');
  add('WDTGAL', 'Treasury General Account', tga.values, tga.asOf, 1 / MILLIONS_PER_TRILLION, 'US$ tn');
  add('RRPONTSYD', 'Overnight reverse repo', panel.columns.RRPONTSYD, panel.asOf.RRPONTSYD, 1 / 1000, 'US$ tn');
  add('NETLIQ', 'Net liquidity', net, panel.asOf.WALCL, 1 / MILLIONS_PER_TRILLION, 'US$ tn');
  add('DFF', 'Fed funds (effective)', panel.columns.DFF, panel.asOf.DFF, 1, '%');
  add('DGS2', '2-year Treasury', panel.columns.DGS2, panel.asOf.DGS2, 1, '%');
  return {
    kind: 'table',
    id: 'liquidity-latest',
    caption: `Latest values known at the close of ${isoDay(panel.calendar[t])}`,
    columns: [
      { key: 'series', label: 'Series', align: 'left' },
      { key: 'value', label: 'Value', format: { style: 'number', digits: 3 } },
      { key: 'unit', label: 'Unit', align: 'left' },
      { key: 'observed', label: 'Observed on', align: 'left' },
      { key: 'change13w', label: 'Change, 13 weeks', format: { style: 'number', digits: 3, signed: true } },
    ],
    rows,
    note: 'Net liquidity is dated by its Fed total assets observation; the other terms may be newer.',
  };
}
