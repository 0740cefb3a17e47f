import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FetchLike, ResponseLike } from '../../../datasets/live/http.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/live/', import.meta.url));

/** A recorded response from test/fixtures/live. */
export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function reply(body: string, status = 200, headers: Record<string, string> = {}): ResponseLike {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_TEXT[status] ?? '',
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    text: async () => body,
  };
}

export interface Call {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** What a route answers: a response, or an error to throw (a transport failure). */
export type Answer = ResponseLike | Error;

/**
 * A fake fetch that answers from `route` and records every call. When `route` returns
 * undefined the fake answers 599, so a URL no test expected fails loudly.
 */
export function fakeFetch(route: (url: string, callIndex: number) => Answer | Promise<Answer> | undefined): FetchLike & {
  calls: Call[];
} {
  const calls: Call[] = [];
  const impl = async (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => {
    calls.push({ url, headers: init.headers, signal: init.signal });
    const answer = await route(url, calls.length - 1);
    if (answer === undefined) return reply(`no fake route for ${url}`, 599);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(impl, { calls });
}

/** A sleep that records its delays and returns at once. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { delays: number[] } {
  const delays: number[] = [];
  return Object.assign(
    async (ms: number) => {
      delays.push(ms);
    },
    { delays },
  );
}
