import { QuadrantError } from '../errors.ts';

/** The part of a fetch Response that Quadrant reads; the global `Response` satisfies it. */
export interface ResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A `fetch` look-alike; tests inject one so no test touches the network. */
export type FetchLike = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<ResponseLike>;

export type Sleep = (ms: number) => Promise<void>;

export interface HttpOptions {
  /** Per attempt, covering the headers and the whole body. Default 30 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after the first, on network errors, timeouts, 429 and 5xx. Default 3. */
  retries?: number;
  fetchImpl?: FetchLike;
  /** Waits between attempts; inject a no-op in tests. */
  sleep?: Sleep;
  headers?: Record<string, string>;
  /** First back-off delay; doubles each retry. Default 1000 ms. */
  baseDelayMs?: number;
  /** Cap on one back-off delay (also on a server's Retry-After). Default 30 000 ms. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
  /**
   * Whether a 429 is retried. Default true. Yahoo Finance blocks for long stretches, so its
   * client fails at once and stops asking (retrying only lengthens the block).
   */
  retryRateLimited?: boolean;
  /** Stops the request (and any retry) at once: the user interrupted the download. */
  signal?: AbortSignal;
  /** Awaited before every attempt: keeps a service's request rate under its limit (see createPacer). */
  pace?: () => Promise<void>;
}

/**
 * A pace keeper: each call waits until `intervalMs` has passed since the previous call's slot,
 * so requests through it run at most 1000 / intervalMs a second (FRED's API allows about 2).
 */
export function createPacer(intervalMs: number, now: () => number = Date.now, sleep: Sleep = realSleep): () => Promise<void> {
  let next = -Infinity;
  return async () => {
    const t = now();
    const wait = next - t;
    next = Math.max(t, next) + intervalMs;
    if (wait > 0) await sleep(wait);
  };
}

/** The download was interrupted (SIGINT, SIGTERM) before it finished. */
export class InterruptedError extends QuadrantError {
  constructor(url: string) {
    super('network', `interrupted while downloading ${url}`, { hint: 'the next `quadrant data fetch` resumes where this one stopped' }, 130);
  }
}

/** Longest part of a failed response's body kept on the error. */
const BODY_KEPT = 2000;

/** An HTTP or transport failure; `status` is absent when no response arrived. */
export class NetworkError extends QuadrantError {
  readonly url: string;
  readonly status?: number;
  /** The start of the failed response's body, for callers that read API error messages. */
  readonly body?: string;
  readonly attempts: number;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;

  constructor(message: string, url: string, attempts: number, status?: number, body?: string, hint?: string, retryAfterMs?: number) {
    super('network', message, hint ? { hint } : {}, 1);
    this.url = url;
    this.status = status;
    this.body = body;
    this.attempts = attempts;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The URL with secrets (FRED's `api_key`) masked, for messages and manifests. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]api_key=)[^&#]*/gi, '$1REDACTED');
}

/** The default sleep: a timer. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** 429 and 5xx are worth another try; other 4xx are the caller's mistake. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Delay before retry number `attempt` (0-based): exponential, capped, plus up to one base of jitter. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  return Math.min(maxMs, baseMs * 2 ** attempt) + Math.floor(random() * baseMs);
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined. */
function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

function causeText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  return code ? `${err.message} (${code})` : err.message;
}

/**
 * GETs `url` and returns the body text. Retries network errors, timeouts, 429 and 5xx with
 * exponential back-off and jitter (honouring Retry-After up to `maxDelayMs`); fails at once on
 * other statuses. Every failure is a NetworkError naming the URL (secrets masked) and status.
 */
export async function fetchText(url: string, options: HttpOptions = {}): Promise<string> {
  const {
    timeoutMs = 30_000,
    retries = 3,
    fetchImpl = globalThis.fetch as FetchLike,
    sleep = realSleep,
    headers = {},
    baseDelayMs = 1000,
    maxDelayMs = 30_000,
    random = Math.random,
    retryRateLimited = true,
    signal,
  } = options;
  const shown = redactUrl(url);
  const attempts = retries + 1;
  let lastProblem = '';
  let lastStatus: number | undefined;
  let lastBody: string | undefined;

  for (let attempt = 0; attempt < attempts; attempt++) {
    if (signal?.aborted) throw new InterruptedError(shown);
    await options.pace?.();
    if (signal?.aborted) throw new InterruptedError(shown);
    let waitHint: number | undefined;
    const controller = new AbortController();
    let onAbort = () => {};
    const interrupted = new Promise<never>((_, reject) => {
      onAbort = () => {
        controller.abort();
        reject(new InterruptedError(shown));
      };
    });
    interrupted.catch(() => {});
    signal?.addEventListener('abort', onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      // Racing the timer also stops a fetch that ignores its signal.
      const { res, body } = await Promise.race([
        (async () => {
          const res = await fetchImpl(url, { signal: controller.signal, headers });
          return { res, body: await res.text() };
        })(),
        timedOut,
        interrupted,
      ]);
      if (res.ok) return body;
      lastStatus = res.status;
      lastBody = body.slice(0, BODY_KEPT);
      lastProblem = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      waitHint = retryAfterMs(res.headers.get('retry-after'), Date.now());
      if (!isRetryableStatus(res.status) || (res.status === 429 && !retryRateLimited)) {
        throw new NetworkError(`GET ${shown} failed: ${lastProblem}`, shown, attempt + 1, res.status, lastBody, undefined, waitHint);
      }
    } catch (err) {
      if (err instanceof NetworkError || err instanceof InterruptedError) throw err;
      if (signal?.aborted) throw new InterruptedError(shown);
      lastStatus = undefined;
      lastBody = undefined;
      lastProblem = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : causeText(err);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    if (attempt + 1 < attempts) {
      const delay = backoffDelay(attempt, baseDelayMs, maxDelayMs, random);
      await sleep(waitHint === undefined ? delay : Math.min(maxDelayMs, Math.max(delay, waitHint)));
      if (signal?.aborted) throw new InterruptedError(shown);
    }
  }
  throw new NetworkError(
    `GET ${shown} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastProblem}`,
    shown,
    attempts,
    lastStatus,
    lastBody,
    'check the network connection or try again later',
  );
}
