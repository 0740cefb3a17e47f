import Papa from 'papaparse';
import { DataError, UsageError } from '../errors.ts';
import { parseIsoDay } from '../day.ts';
import { type HttpOptions, NetworkError, fetchText, redactUrl } from './http.ts';
import { serviceOrigin } from './origins.ts';
import { type FetchedFile, type FredRow, checkDates, describeBody, fredCsvText, normaliseDecimal } from './snapshot-format.ts';

/** FRED's keyless CSV download (the "Download CSV" link on every series page). */
export const FREDGRAPH_PATH = '/graph/fredgraph.csv';
/** The FRED API (needs a free key); with realtime bounds it serves ALFRED vintages. */
export const FRED_API_PATH = '/fred/series/observations';

export interface FredFetchOptions {
  /** A FRED API key: switches to the API. Empty or absent: the keyless CSV. */
  apiKey?: string;
  /** ALFRED: the series as it was known on this date (YYYY-MM-DD); needs `apiKey`. */
  vintageDate?: string;
  http?: HttpOptions;
}

export function fredGraphUrl(id: string, origin = serviceOrigin('fred')): string {
  return `${origin}${FREDGRAPH_PATH}?id=${encodeURIComponent(id)}`;
}

export function fredApiUrl(id: string, apiKey: string, opts: { vintageDate?: string; offset?: number } = {}, origin = serviceOrigin('fredApi')): string {
  let url = `${origin}${FRED_API_PATH}?series_id=${encodeURIComponent(id)}&api_key=${encodeURIComponent(apiKey)}&file_type=json`;
  if (opts.vintageDate) url += `&realtime_start=${opts.vintageDate}&realtime_end=${opts.vintageDate}`;
  if (opts.offset) url += `&offset=${opts.offset}`;
  return url;
}

/** FRED's missing-value mark is `.`; the snapshot leaves the cell blank. */
function fredValue(raw: string, id: string, date: string, where: string): string {
  const text = raw.trim();
  if (text === '.' || text === '') return '';
  const value = normaliseDecimal(text);
  if (value === undefined) {
    throw new DataError('bad-number', `${where} returned "${raw}" for ${date}, not a number`, { series: id, date });
  }
  return value;
}

/**
 * Parses a fredgraph.csv body (header `observation_date,ID`, or `DATE,ID` in older responses;
 * `.` = missing) into rows. Throws a DataError naming `url` when the body is not that CSV.
 */
export function parseFredGraphCsv(text: string, id: string, url: string): FredRow[] {
  const where = redactUrl(url);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...body] = parsed.data;
  const ok =
    header !== undefined && header.length === 2 && /^(observation_date|date)$/i.test(header[0].trim()) && header[1].trim().toUpperCase() === id.toUpperCase();
  if (!ok) {
    throw new DataError('bad-header', `${where} did not return FRED's CSV for ${id} (got ${describeBody(text)})`, {
      series: id,
      hint: `expected the header "observation_date,${id}"; check the series id on fred.stlouisfed.org`,
    });
  }
  if (body.length === 0) throw new DataError('no-data', `${where} returned no observations`, { series: id });
  const rows: FredRow[] = body.map((cells, i) => {
    if (cells.length !== 2) {
      throw new DataError('bad-header', `${where} line ${i + 2} has ${cells.length} fields, not 2`, { series: id });
    }
    const date = cells[0].trim();
    return { date, value: fredValue(cells[1], id, date, where) };
  });
  checkDates(
    rows.map((r) => r.date),
    id,
    where,
  );
  return rows;
}

interface ApiPage {
  rows: FredRow[];
  count: number;
}

/** Parses one FRED API observations page (file_type=json). Throws a DataError naming `url` otherwise. */
export function parseFredApiJson(text: string, id: string, url: string): ApiPage {
  const where = redactUrl(url);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError('bad-header', `${where} did not return FRED API JSON for ${id} (got ${describeBody(text)})`, {
      series: id,
    });
  }
  const obj = json as { observations?: unknown; count?: unknown; error_message?: unknown };
  if (typeof obj?.error_message === 'string') {
    throw new DataError('no-data', `${where}: FRED API error: ${obj.error_message}`, { series: id });
  }
  if (!Array.isArray(obj?.observations)) {
    throw new DataError('bad-header', `${where} returned JSON without an observations array`, { series: id });
  }
  const rows = obj.observations.map((o: unknown, i: number): FredRow => {
    const { date, value } = (o ?? {}) as { date?: unknown; value?: unknown };
    if (typeof date !== 'string' || typeof value !== 'string') {
      throw new DataError('bad-header', `${where} observation ${i} lacks a string date and value`, { series: id });
    }
    return { date, value: fredValue(value, id, date, where) };
  });
  return { rows, count: typeof obj.count === 'number' ? obj.count : rows.length };
}

/** The FRED API's error message in a failed response body, if any. */
function apiErrorMessage(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const msg = (JSON.parse(body) as { error_message?: unknown }).error_message;
    return typeof msg === 'string' ? msg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns "no such series" answers into DataError 'unknown-series', and ALFRED's "does not exist
 * in ALFRED but may exist in FRED" (a vintage older than ALFRED's copy of the series) into a
 * 'no-data' error that says so; passes other errors on.
 */
function translate(err: unknown, id: string, viaApi: boolean, vintageDate?: string): never {
  if (err instanceof NetworkError && (err.status === 400 || err.status === 404)) {
    const msg = apiErrorMessage(err.body);
    if (msg && /not exist in ALFRED but may exist in FRED/i.test(msg)) {
      throw new DataError('no-data', `ALFRED holds no vintage of ${id} as of ${vintageDate ?? 'that date'} (FRED API: "${msg.trim()}")`, {
        series: id,
        hint: `ALFRED's record of ${id} starts later: choose a later --vintage (the series' first vintage is listed on alfred.stlouisfed.org/series?seid=${id}), or fetch it without --vintage for the current data`,
      });
    }
    if (!viaApi || (msg && /series does not exist/i.test(msg))) {
      throw new DataError('unknown-series', `FRED has no series ${id} (${err.url}: HTTP ${err.status})`, {
        series: id,
        hint: 'check the id on fred.stlouisfed.org',
      });
    }
    if (msg) {
      const keyHint = /api_key/i.test(msg) ? 'check FRED_API_KEY' : undefined;
      throw new NetworkError(`${err.url}: FRED API error ${err.status}: ${msg}`, err.url, err.attempts, err.status, err.body, keyHint);
    }
  }
  throw err;
}

/** Pages the API can need for one request; a safety stop against a server that never ends. */
const MAX_PAGES = 50;

async function fetchViaApi(id: string, apiKey: string, vintageDate: string | undefined, http: HttpOptions): Promise<FredRow[]> {
  const rows: FredRow[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = fredApiUrl(id, apiKey, { vintageDate, offset: rows.length });
    const text = await fetchText(url, http).catch((err: unknown) => translate(err, id, true, vintageDate));
    const { rows: got, count } = parseFredApiJson(text, id, url);
    rows.push(...got);
    if (got.length === 0 || rows.length >= count) break;
  }
  checkDates(
    rows.map((r) => r.date),
    id,
    redactUrl(fredApiUrl(id, apiKey, { vintageDate })),
  );
  if (rows.length === 0) {
    throw new DataError('no-data', `FRED API returned no observations for ${id}`, { series: id });
  }
  return rows;
}

/**
 * Downloads one FRED series and converts it to the snapshot's `fred/<ID>.csv` text. With an
 * API key it uses the FRED API (and ALFRED when `vintageDate` is given), otherwise fredgraph.csv.
 */
export async function fetchFredSeries(id: string, options: FredFetchOptions = {}): Promise<FetchedFile> {
  const { apiKey, vintageDate, http = {} } = options;
  if (vintageDate !== undefined) {
    if (Number.isNaN(parseIsoDay(vintageDate))) {
      throw new UsageError(`vintage date "${vintageDate}" is not YYYY-MM-DD`, { series: id });
    }
    if (!apiKey) {
      throw new UsageError('FRED vintages (ALFRED) need a FRED API key', { series: id, hint: 'set FRED_API_KEY' });
    }
  }
  if (apiKey) {
    const rows = await fetchViaApi(id, apiKey, vintageDate, http);
    return {
      id,
      text: fredCsvText(id, rows),
      url: redactUrl(fredApiUrl(id, apiKey, { vintageDate })),
      source: vintageDate ? `ALFRED via the FRED API, vintage ${vintageDate}` : 'FRED API',
      ...(vintageDate ? { vintageDate } : {}),
    };
  }
  const url = fredGraphUrl(id);
  const text = await fetchText(url, http).catch((err: unknown) => translate(err, id, false));
  return { id, text: fredCsvText(id, parseFredGraphCsv(text, id, url)), url, source: 'FRED fredgraph.csv' };
}
