import { describe, expect, it } from 'vitest';
import { NetworkError, backoffDelay, fetchText, redactUrl } from '../../../datasets/live/http.ts';
import { fakeFetch, recordingSleep, reply } from './fake-fetch.ts';

const URL_ = 'https://example.test/data.csv';
const noJitter = () => 0;

describe('fetchText', () => {
  it('returns the body and sends the given headers', async () => {
    const fetchImpl = fakeFetch(() => reply('a,b\n1,2\n'));
    const text = await fetchText(URL_, { fetchImpl, headers: { 'User-Agent': 'x' } });
    expect(text).toBe('a,b\n1,2\n');
    expect(fetchImpl.calls).toHaveLength(1);
    expect(fetchImpl.calls[0].headers).toEqual({ 'User-Agent': 'x' });
  });

  it('retries 5xx with exponential back-off, then succeeds', async () => {
    const fetchImpl = fakeFetch((_, i) => (i < 2 ? reply('busy', 503) : reply('ok')));
    const sleep = recordingSleep();
    const text = await fetchText(URL_, { fetchImpl, sleep, random: noJitter, baseDelayMs: 100 });
    expect(text).toBe('ok');
    expect(fetchImpl.calls).toHaveLength(3);
    expect(sleep.delays).toEqual([100, 200]);
  });

  it('adds jitter of up to one base delay', async () => {
    const fetchImpl = fakeFetch((_, i) => (i < 1 ? reply('', 502) : reply('ok')));
    const sleep = recordingSleep();
    await fetchText(URL_, { fetchImpl, sleep, random: () => 0.5, baseDelayMs: 100 });
    expect(sleep.delays).toEqual([150]);
  });

  it('gives up after retries + 1 attempts with a network error naming URL and status', async () => {
    const fetchImpl = fakeFetch(() => reply('down', 500));
    const sleep = recordingSleep();
    const err = await fetchText(URL_, { fetchImpl, sleep, retries: 3, random: noJitter, baseDelayMs: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.code).toBe('network');
    expect(err.status).toBe(500);
    expect(err.attempts).toBe(4);
    expect(err.message).toContain(URL_);
    expect(err.message).toContain('HTTP 500');
    expect(err.message).toContain('4 attempts');
    expect(fetchImpl.calls).toHaveLength(4);
    expect(sleep.delays).toEqual([10, 20, 40]);
  });

  it('honours Retry-After on 429', async () => {
    const fetchImpl = fakeFetch((_, i) => (i === 0 ? reply('slow down', 429, { 'Retry-After': '7' }) : reply('ok')));
    const sleep = recordingSleep();
    await fetchText(URL_, { fetchImpl, sleep, random: noJitter, baseDelayMs: 100 });
    expect(fetchImpl.calls).toHaveLength(2);
    expect(sleep.delays).toEqual([7000]);
  });

  it('caps a delay at maxDelayMs', () => {
    expect(backoffDelay(10, 1000, 30_000, noJitter)).toBe(30_000);
    expect(backoffDelay(2, 1000, 30_000, noJitter)).toBe(4000);
  });

  it('does not retry 404 and keeps the body', async () => {
    const fetchImpl = fakeFetch(() => reply('{"missing":true}', 404));
    const sleep = recordingSleep();
    const err = await fetchText(URL_, { fetchImpl, sleep }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.status).toBe(404);
    expect(err.body).toBe('{"missing":true}');
    expect(err.message).toBe(`GET ${URL_} failed: HTTP 404 Not Found`);
    expect(fetchImpl.calls).toHaveLength(1);
    expect(sleep.delays).toEqual([]);
  });

  it('does not retry 400', async () => {
    const fetchImpl = fakeFetch(() => reply('bad', 400));
    await expect(fetchText(URL_, { fetchImpl, sleep: recordingSleep() })).rejects.toMatchObject({ status: 400 });
    expect(fetchImpl.calls).toHaveLength(1);
  });

  it('retries transport errors and reports their cause', async () => {
    const failure = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const fetchImpl = fakeFetch(() => failure);
    const err = await fetchText(URL_, { fetchImpl, sleep: recordingSleep(), retries: 2 }).catch((e) => e);
    expect(fetchImpl.calls).toHaveLength(3);
    expect(err.status).toBeUndefined();
    expect(err.message).toContain('fetch failed (ECONNRESET)');
  });

  it('times out a hung request, aborting its signal, and retries it', async () => {
    const fetchImpl = fakeFetch(
      (_, i) =>
        new Promise((_resolve, reject) => {
          const signal = fetchImpl.calls[i].signal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const err = await fetchText(URL_, { fetchImpl, sleep: recordingSleep(), timeoutMs: 20, retries: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toContain('timed out after 20 ms');
    expect(fetchImpl.calls).toHaveLength(2);
    expect(fetchImpl.calls.every((c) => c.signal.aborted)).toBe(true);
  });

  it('times out even when the fetch ignores its signal, and covers a slow body', async () => {
    const never = fakeFetch(() => new Promise(() => {}));
    await expect(fetchText(URL_, { fetchImpl: never, sleep: recordingSleep(), timeoutMs: 15, retries: 0 })).rejects.toThrow(/timed out after 15 ms/);
    const slowBody = fakeFetch(() => ({ ...reply(''), text: () => new Promise<string>(() => {}) }));
    await expect(fetchText(URL_, { fetchImpl: slowBody, sleep: recordingSleep(), timeoutMs: 15, retries: 0 })).rejects.toThrow(/timed out/);
  });

  it('never shows an API key in its messages', async () => {
    const url = 'https://api.stlouisfed.org/fred/series/observations?series_id=X&api_key=abc123secret&file_type=json';
    const fetchImpl = fakeFetch(() => reply('nope', 404));
    const err = await fetchText(url, { fetchImpl }).catch((e) => e);
    expect(err.message).not.toContain('abc123secret');
    expect(err.url).toContain('api_key=REDACTED&file_type=json');
    expect(redactUrl('https://x.test/?a=1&api_key=k&b=2')).toBe('https://x.test/?a=1&api_key=REDACTED&b=2');
  });
});
