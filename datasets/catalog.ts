import type { PublicationRule } from './publication.ts';

/** Asset roles: strategies speak of these, never of tickers. */
export const ROLES = [
  'us_large',
  'us_small',
  'non_us_developed',
  'emerging',
  'china_hk',
  'commodities',
  'gold',
  'treasuries',
  'short_treasuries',
  'cash',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

export const ROLE_TITLES: Record<Role, string> = {
  us_large: 'US large caps',
  us_small: 'US small caps',
  non_us_developed: 'Non-US developed',
  emerging: 'Emerging markets',
  china_hk: 'China / Hong Kong',
  commodities: 'Commodities',
  gold: 'Gold',
  treasuries: 'US Treasuries (7-10y)',
  short_treasuries: 'Short Treasuries (1-3y)',
  cash: 'Cash (T-bills)',
};

/**
 * The instruments behind each role, in order of preference. Where the first has no price on a
 * day, the next one that does is used, and the switch is reported. `TBILL` is the synthetic
 * T-bill account accrued from the 3-month bill yield (see datasets/roles.ts).
 */
export const DEFAULT_ROLE_INSTRUMENTS: Record<Role, readonly string[]> = {
  us_large: ['SPY', 'GSPC'],
  us_small: ['IWM', 'RUT'],
  non_us_developed: ['EFA', 'VEU', 'ACWX'],
  emerging: ['EEM'],
  china_hk: ['FXI', 'MCHI', 'EWH'],
  commodities: ['DBC', 'GSG'],
  gold: ['GLD', 'GC_F'],
  treasuries: ['IEF', 'TLT'],
  short_treasuries: ['SHY'],
  cash: ['BIL', 'TBILL'],
};

/** The synthetic instrument built from the T-bill yield. */
export const TBILL = 'TBILL';

export interface MacroEntry {
  id: string;
  title: string;
  units: string;
  frequency: 'daily' | 'weekly' | 'monthly';
  publication: PublicationRule;
  /** Needed by the regime engine or the backtest; a missing file is an error. */
  required: boolean;
  /** A series whose later values carry this one on after it ends (DFF → EFFR). */
  continuedBy?: string;
  /** Days without an observation mean zero: a value older than this many days aligns as 0. */
  zeroAfterDays?: number;
  note?: string;
}

export interface PriceEntry {
  ticker: string;
  title: string;
  /** ETFs carry dividend-adjusted closes; indices are price levels. */
  kind: 'etf' | 'index';
  required: boolean;
}

const nextDay: PublicationRule = { kind: 'next-business-day' };
const h41: PublicationRule = { kind: 'h41-weekly' };

/** Every macro series the article's framework reads, declared once. */
export const MACRO_SERIES: readonly MacroEntry[] = [
  { id: 'WALCL', title: 'Fed total assets (H.4.1)', units: 'millions of USD', frequency: 'weekly', publication: h41, required: true },
  {
    id: 'WRESBAL',
    title: 'Reserve balances with Federal Reserve Banks (week average)',
    units: 'millions of USD',
    frequency: 'weekly',
    publication: h41,
    required: true,
  },
  {
    id: 'WDTGAL',
    title: 'Treasury General Account (Wednesday level)',
    units: 'millions of USD',
    frequency: 'weekly',
    publication: h41,
    required: true,
    note: 'WTREGEN (week average) where available',
  },
  {
    id: 'DTS_TGA',
    title: 'Treasury General Account, daily closing balance (Daily Treasury Statement)',
    units: 'millions of USD',
    frequency: 'daily',
    publication: { kind: 'dts-daily' },
    required: false,
    note: 'Fiscal Data API; used instead of WDTGAL wherever it is newer',
  },
  {
    id: 'RRPONTSYD',
    title: 'Overnight reverse repurchase agreements',
    units: 'billions of USD',
    frequency: 'daily',
    publication: nextDay,
    required: true,
    zeroAfterDays: 5,
    note: 'before 2014 only days with an operation are listed: no listing within 5 days means zero',
  },
  { id: 'DFF', title: 'Effective federal funds rate', units: 'percent', frequency: 'daily', publication: nextDay, required: true, continuedBy: 'EFFR' },
  { id: 'EFFR', title: 'Effective federal funds rate (NY Fed)', units: 'percent', frequency: 'daily', publication: nextDay, required: false },
  { id: 'DGS2', title: '2-year Treasury constant-maturity yield', units: 'percent', frequency: 'daily', publication: nextDay, required: true },
  { id: 'DGS10', title: '10-year Treasury constant-maturity yield', units: 'percent', frequency: 'daily', publication: nextDay, required: false },
  {
    id: 'DTB3',
    title: '3-month Treasury bill (secondary market)',
    units: 'percent, discount basis',
    frequency: 'daily',
    publication: nextDay,
    required: true,
    continuedBy: 'DGS3MO',
  },
  { id: 'DGS3MO', title: '3-month Treasury constant-maturity yield', units: 'percent', frequency: 'daily', publication: nextDay, required: false },
  {
    id: 'DTWEXBGS',
    title: 'Nominal broad US dollar index (H.10)',
    units: 'index, Jan 2006 = 100',
    frequency: 'daily',
    publication: { kind: 'h10-weekly' },
    required: true,
  },
  {
    id: 'DTWEXB',
    title: 'Broad US dollar index, goods only (H.10, discontinued)',
    units: 'index, Jan 1997 = 100',
    frequency: 'daily',
    publication: { kind: 'h10-weekly' },
    required: false,
    note: 'the broad index as published before January 2019 (DTWEXBGS before 2019 is a later back-cast); ends 2019-12-31',
  },
  {
    id: 'DXY',
    title: 'ICE US dollar index (DXY)',
    units: 'index, Mar 1973 = 100',
    frequency: 'daily',
    publication: { kind: 'same-day' },
    required: false,
    note: 'cross-check for DTWEXBGS',
  },
  {
    id: 'UNRATE',
    title: 'Unemployment rate',
    units: 'percent',
    frequency: 'monthly',
    publication: { kind: 'monthly', releaseDay: 10 },
    required: false,
    note: 'first-Friday release; day 10 is a conservative bound',
  },
  {
    id: 'CPIAUCSL',
    title: 'Consumer price index, all items',
    units: 'index 1982-84 = 100',
    frequency: 'monthly',
    publication: { kind: 'monthly', releaseDay: 20 },
    required: false,
    note: 'mid-month release; day 20 is a conservative bound',
  },
  { id: 'VIXCLS', title: 'CBOE volatility index (VIX)', units: 'index', frequency: 'daily', publication: { kind: 'same-day' }, required: false },
  { id: 'BAMLH0A0HYM2', title: 'ICE BofA US high-yield option-adjusted spread', units: 'percent', frequency: 'daily', publication: nextDay, required: false },
];

/** Every price series the roles use, and a few indices for context. */
export const PRICE_SERIES: readonly PriceEntry[] = [
  { ticker: 'SPY', title: 'SPDR S&P 500 ETF', kind: 'etf', required: true },
  { ticker: 'GSPC', title: 'S&P 500 index', kind: 'index', required: false },
  { ticker: 'IWM', title: 'iShares Russell 2000 ETF', kind: 'etf', required: true },
  { ticker: 'RUT', title: 'Russell 2000 index', kind: 'index', required: false },
  { ticker: 'EFA', title: 'iShares MSCI EAFE ETF', kind: 'etf', required: true },
  { ticker: 'VEU', title: 'Vanguard FTSE All-World ex-US ETF', kind: 'etf', required: false },
  { ticker: 'ACWX', title: 'iShares MSCI ACWI ex US ETF', kind: 'etf', required: false },
  { ticker: 'EEM', title: 'iShares MSCI Emerging Markets ETF', kind: 'etf', required: true },
  { ticker: 'FXI', title: 'iShares China Large-Cap ETF', kind: 'etf', required: true },
  { ticker: 'MCHI', title: 'iShares MSCI China ETF', kind: 'etf', required: false },
  { ticker: 'EWH', title: 'iShares MSCI Hong Kong ETF', kind: 'etf', required: false },
  { ticker: 'DBC', title: 'Invesco DB Commodity Index ETF', kind: 'etf', required: true },
  { ticker: 'GSG', title: 'iShares S&P GSCI Commodity ETF', kind: 'etf', required: false },
  { ticker: 'GLD', title: 'SPDR Gold Shares', kind: 'etf', required: true },
  { ticker: 'GC_F', title: 'Gold futures (front month)', kind: 'index', required: false },
  { ticker: 'IEF', title: 'iShares 7-10 Year Treasury ETF', kind: 'etf', required: true },
  { ticker: 'TLT', title: 'iShares 20+ Year Treasury ETF', kind: 'etf', required: false },
  { ticker: 'SHY', title: 'iShares 1-3 Year Treasury ETF', kind: 'etf', required: true },
  { ticker: 'BIL', title: 'SPDR 1-3 Month T-Bill ETF', kind: 'etf', required: false },
];

export function macroEntry(id: string): MacroEntry | undefined {
  return MACRO_SERIES.find((e) => e.id === id);
}

export function priceEntry(ticker: string): PriceEntry | undefined {
  return PRICE_SERIES.find((e) => e.ticker === ticker);
}
