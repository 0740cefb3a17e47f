import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError, QuadrantError, UsageError } from '../../../datasets/errors.ts';
import { fetchFredSeries, fredApiUrl, fredGraphUrl, parseFredGraphCsv } from '../../../datasets/live/fred.ts';
import { NetworkError } from '../../../datasets/live/http.ts';
import { fredCsvText, normaliseDecimal } from '../../../datasets/live/snapshot-format.ts';
import { fakeFetch, fixture, recordingSleep, reply } from './fake-fetch.ts';

const http = (fetchImpl: ReturnType<typeof fakeFetch>) => ({ fetchImpl, sleep: recordingSleep() });
const KEY = 'k3y0123456789abcdef';

describe('FRED keyless CSV (fredgraph.csv)', () => {
  it('converts a fredgraph response to the snapshot file exactly ("." becomes blank)', async () => {
    const fetchImpl = fakeFetch((url) =>
      url === 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=WALCL' ? reply(fixture('fredgraph-WALCL.csv')) : undefined,
    );
    const got = await fetchFredSeries('WALCL', { http: http(fetchImpl) });
    expect(got.text).toBe(fixture('expected/fred-WALCL.csv'));
    expect(got.url).toBe(fredGraphUrl('WALCL'));
    expect(got.source).toBe('FRED fredgraph.csv');
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('reads the older DATE header and strips trailing zeros (4.10 → 4.1)', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fredgraph-DGS10-old.csv')));
    const got = await fetchFredSeries('DGS10', { http: http(fetchImpl) });
    expect(got.text).toBe(fixture('expected/fred-DGS10.csv'));
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const crlf = '\uFEFF' + fixture('fredgraph-WALCL.csv').replace(/\n/g, '\r\n');
    const rows = parseFredGraphCsv(crlf, 'WALCL', fredGraphUrl('WALCL'));
    expect(fredCsvText('WALCL', rows)).toBe(fixture('expected/fred-WALCL.csv'));
  });

  it('rejects an HTML error page with a DataError naming the URL', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-error-page.html')));
    const err = await fetchFredSeries('WALCL', { http: http(fetchImpl) }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('bad-header');
    expect(err.message).toContain('https://fred.stlouisfed.org/graph/fredgraph.csv?id=WALCL');
    expect(err.message).toContain('an HTML page');
    expect(err.details.series).toBe('WALCL');
  });

  it('rejects a CSV about another series', () => {
    expect(() => parseFredGraphCsv(fixture('fredgraph-WALCL.csv'), 'WRESBAL', 'u')).toThrow(/did not return FRED's CSV for WRESBAL/);
  });

  it.each([
    ['observation_date,X\n2024-13-01,1\n', 'bad-date'],
    ['observation_date,X\n2024-01-02,1\n2024-01-01,2\n', 'unsorted-dates'],
    ['observation_date,X\n2024-01-02,1\n2024-01-02,2\n', 'duplicate-date'],
    ['observation_date,X\n2024-01-02,n/a\n', 'bad-number'],
    ['observation_date,X\n', 'no-data'],
  ])('rejects malformed rows: %j → %s', (text, code) => {
    expect(() => parseFredGraphCsv(text, 'X', 'u')).toThrow(expect.objectContaining({ code }));
  });

  it('turns a 404 into unknown-series without retrying', async () => {
    const fetchImpl = fakeFetch(() => reply('<html>Not Found</html>', 404));
    const err = await fetchFredSeries('NOPE', { http: http(fetchImpl) }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('unknown-series');
    expect(err.message).toContain('fredgraph.csv?id=NOPE');
    expect(fetchImpl.calls).toHaveLength(1);
  });
});

describe('FRED API (with a key)', () => {
  it('asks the observations endpoint and gives the same file as the CSV route', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-api-WALCL.json')));
    const got = await fetchFredSeries('WALCL', { apiKey: KEY, http: http(fetchImpl) });
    expect(fetchImpl.calls.map((c) => c.url)).toEqual([`https://api.stlouisfed.org/fred/series/observations?series_id=WALCL&api_key=${KEY}&file_type=json`]);
    expect(got.text).toBe(fixture('expected/fred-WALCL.csv'));
    expect(got.source).toBe('FRED API');
    expect(got.url).not.toContain(KEY);
    expect(got.url).toContain('api_key=REDACTED');
  });

  it('fetches an ALFRED vintage with realtime_start = realtime_end = the date', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-api-WALCL-vintage-2024-02-01.json')));
    const got = await fetchFredSeries('WALCL', { apiKey: KEY, vintageDate: '2024-02-01', http: http(fetchImpl) });
    expect(fetchImpl.calls[0].url).toBe(
      `https://api.stlouisfed.org/fred/series/observations?series_id=WALCL&api_key=${KEY}&file_type=json&realtime_start=2024-02-01&realtime_end=2024-02-01`,
    );
    expect(got.text).toBe(fixture('expected/fred-WALCL-vintage-2024-02-01.csv'));
    expect(got.vintageDate).toBe('2024-02-01');
    expect(got.source).toContain('vintage 2024-02-01');
  });

  it('pages through count > one page with offset', async () => {
    const obs = (date: string, value: string) => ({ realtime_start: '2024-03-10', realtime_end: '2024-03-10', date, value });
    const pages = [
      { count: 3, offset: 0, limit: 2, observations: [obs('2024-01-01', '1.50'), obs('2024-02-01', '.')] },
      { count: 3, offset: 2, limit: 2, observations: [obs('2024-03-01', '2')] },
    ];
    const fetchImpl = fakeFetch((_, i) => reply(JSON.stringify(pages[i])));
    const got = await fetchFredSeries('X', { apiKey: KEY, http: http(fetchImpl) });
    expect(fetchImpl.calls).toHaveLength(2);
    expect(fetchImpl.calls[1].url).toBe(`${fredApiUrl('X', KEY)}&offset=2`);
    expect(got.text).toBe('observation_date,X\n2024-01-01,1.5\n2024-02-01,\n2024-03-01,2\n');
  });

  it('maps "series does not exist" to unknown-series, not retried', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-api-error-unknown-series.json'), 400));
    const err = await fetchFredSeries('NOPE', { apiKey: KEY, http: http(fetchImpl) }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('unknown-series');
    expect(err.message).not.toContain(KEY);
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('says a vintage is older than ALFRED\'s record of the series, and what to do, instead of "unknown series"', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-api-error-alfred-coverage.json'), 400));
    const err = await fetchFredSeries('WALCL', { apiKey: KEY, vintageDate: '1999-01-06', http: http(fetchImpl) }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('no-data');
    expect(err.message).toBe(
      'ALFRED holds no vintage of WALCL as of 1999-01-06 (FRED API: "Bad Request.  The series does not exist in ALFRED but may exist in FRED.")',
    );
    expect(err.details.hint).toMatch(/choose a later --vintage .* or fetch it without --vintage for the current data/);
  });

  it("reports FRED's own message for a bad key, with the key masked", async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-api-error-bad-key.json'), 400));
    const err = await fetchFredSeries('WALCL', { apiKey: KEY, http: http(fetchImpl) }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toContain('api_key is not registered');
    expect(err.message).not.toContain(KEY);
    expect(err.details.hint).toBe('check FRED_API_KEY');
  });

  it('rejects a body that is not API JSON', async () => {
    const fetchImpl = fakeFetch(() => reply(fixture('fred-error-page.html')));
    await expect(fetchFredSeries('WALCL', { apiKey: KEY, http: http(fetchImpl) })).rejects.toThrow(/did not return FRED API JSON .*HTML page/);
  });

  it('needs a key and a real date for a vintage', async () => {
    const fetchImpl = fakeFetch(() => undefined);
    await expect(fetchFredSeries('WALCL', { vintageDate: '2024-02-01', http: http(fetchImpl) })).rejects.toBeInstanceOf(UsageError);
    await expect(fetchFredSeries('WALCL', { apiKey: KEY, vintageDate: '2024-02-30', http: http(fetchImpl) })).rejects.toBeInstanceOf(QuadrantError);
    expect(fetchImpl.calls).toHaveLength(0);
  });
});

describe('normaliseDecimal', () => {
  it.each([
    ['4.00', '4'],
    ['719542.0', '719542'],
    ['-0.50', '-0.5'],
    ['-0.00', '0'],
    ['0.0700', '0.07'],
    ['5.33', '5.33'],
    ['007', '7'],
  ])('%s → %s', (input, out) => expect(normaliseDecimal(input)).toBe(out));

  it.each(['.', '', 'abc', '1e5', '1,000', 'NaN'])('rejects %j', (input) => expect(normaliseDecimal(input)).toBeUndefined());

  it('keeps the value and is idempotent', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.nat({ max: 10_000_000 }), fc.stringMatching(/^[0-9]{0,6}$/))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
    fc.assert(
      fc.property(decimal, (text) => {
        const out = normaliseDecimal(text)!;
        expect(Number(out)).toBe(Number(text) === 0 ? 0 : Number(text));
        expect(normaliseDecimal(out)).toBe(out);
        expect(out).not.toMatch(/\.\d*0$|\.$/);
      }),
    );
  });
});
