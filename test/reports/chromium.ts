/**
 * A minimal headless-Chromium driver for tests: the Chrome DevTools Protocol over
 * --remote-debugging-pipe (file descriptors 3 and 4, NUL-separated JSON), so no npm dependency
 * and no open port. It opens a file, records console messages, uncaught exceptions, log entries
 * (CSP violations land there) and every network request the page makes, evaluates expressions
 * and takes full-page screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** The Chromium binary: $CHROMIUM, else the Debian paths; undefined when none is installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export interface PageMessage {
  source: 'console' | 'exception' | 'log';
  level: string;
  text: string;
}

type Pending = { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void };
type Listener = (params: Record<string, unknown>, sessionId?: string) => void;

export class Chromium {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Map<string, Listener[]>();
  private buffer = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly input: Writable,
    output: Readable,
    private readonly profile: string,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  static async launch(binary = findChromium()): Promise<Chromium> {
    if (!binary) throw new Error('no chromium binary found');
    const profile = mkdtempSync(join(tmpdir(), 'quadrant-chromium-'));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      '--hide-scrollbars',
      '--font-render-hinting=none',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ];
    const proc = spawn(binary, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const stdio = proc.stdio as unknown as [unknown, unknown, unknown, Writable, Readable];
    const browser = new Chromium(proc, stdio[3], stdio[4], profile);
    await browser.send('Browser.getVersion');
    return browser;
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const raw = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      const msg = JSON.parse(raw) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        for (const l of this.listeners.get(msg.method) ?? []) l(msg.params ?? {}, msg.sessionId);
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(message + '\0');
    });
  }

  on(method: string, listener: Listener): void {
    const list = this.listeners.get(method) ?? [];
    list.push(listener);
    this.listeners.set(method, list);
  }

  /** Opens a local file in a new tab with the network switched off; waits for its load event. */
  async open(path: string, viewport: { width: number; height: number; mobile?: boolean } = { width: 1280, height: 900 }): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const page = new Page(this, sessionId);
    this.on('Runtime.consoleAPICalled', (p, s) => {
      if (s !== sessionId) return;
      const args = (p.args as { value?: unknown; description?: string }[]) ?? [];
      page.messages.push({ source: 'console', level: String(p.type), text: args.map((a) => String(a.value ?? a.description ?? '')).join(' ') });
    });
    this.on('Runtime.exceptionThrown', (p, s) => {
      if (s !== sessionId) return;
      const d = p.exceptionDetails as { text?: string; exception?: { description?: string } };
      page.messages.push({ source: 'exception', level: 'error', text: `${d.text ?? ''} ${d.exception?.description ?? ''}`.trim() });
    });
    this.on('Log.entryAdded', (p, s) => {
      if (s !== sessionId) return;
      const e = p.entry as { level: string; text: string; url?: string };
      page.messages.push({ source: 'log', level: e.level, text: `${e.text}${e.url ? ` (${e.url})` : ''}` });
    });
    this.on('Network.requestWillBeSent', (p, s) => {
      if (s !== sessionId) return;
      page.requests.push(String((p.request as { url: string }).url));
    });
    const loaded = new Promise<void>((resolve) => this.on('Page.loadEventFired', (_, s) => s === sessionId && resolve()));
    for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }, sessionId);
    await this.send(
      'Emulation.setDeviceMetricsOverride',
      { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: viewport.mobile ?? false },
      sessionId,
    );
    const url = pathToFileURL(path).href;
    page.url = url;
    await this.send('Page.navigate', { url }, sessionId);
    await loaded;
    // Let late errors (e.g. from the inline script) arrive.
    await new Promise((r) => setTimeout(r, 100));
    return page;
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // already gone
    }
    if (this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (this.proc.exitCode === null && this.proc.signalCode === null) {
        this.proc.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

export class Page {
  url = '';
  readonly messages: PageMessage[] = [];
  readonly requests: string[] = [];

  constructor(
    private readonly browser: Chromium,
    readonly sessionId: string,
  ) {}

  /** Evaluates an expression in the page and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.sessionId)) as {
      result: { value?: T };
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`evaluate failed: ${r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  /** Requests other than the page's own document. */
  foreignRequests(): string[] {
    return this.requests.filter((u) => u !== this.url);
  }

  /** Console errors and warnings, exceptions and error log entries. */
  problems(): PageMessage[] {
    return this.messages.filter((m) => m.level === 'error' || m.level === 'warning' || m.level === 'assert');
  }

  /** Width and height of the whole page in CSS px. */
  async contentSize(): Promise<{ width: number; height: number }> {
    const metrics = (await this.browser.send('Page.getLayoutMetrics', {}, this.sessionId)) as { cssContentSize: { width: number; height: number } };
    return metrics.cssContentSize;
  }

  /** A PNG of the page from `top` down `height` CSS px (default: the whole page). */
  async screenshot(path: string, top = 0, height?: number): Promise<void> {
    const size = await this.contentSize();
    const h = Math.min(height ?? size.height, size.height - top);
    const shot = (await this.browser.send(
      'Page.captureScreenshot',
      { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: top, width: size.width, height: h, scale: 1 } },
      this.sessionId,
    )) as { data: string };
    writeFileSync(path, Buffer.from(shot.data, 'base64'));
  }

  /** Moves the mouse to a point (CSS px from the top-left of the viewport). */
  async mouseMove(x: number, y: number): Promise<void> {
    // A background tab does not paint, and input waits for a frame: bring it forward first.
    await this.browser.send('Page.bringToFront', {}, this.sessionId);
    // The pointer arrives from a pixel away: the first move into a fresh tab only positions it.
    await this.browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: x - 1, y }, this.sessionId);
    await this.browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, this.sessionId);
  }
}
