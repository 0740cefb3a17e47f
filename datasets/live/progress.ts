/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** One more item finished; `note` says which (or how it went). */
  tick(note?: string): void;
  /** Ends the bar's line (on a terminal). */
  done(): void;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** Least time between two redraws of a terminal bar; the last tick always draws. Default 100 ms. */
  redrawMs?: number;
  /** Bar width in characters. Default 24. */
  width?: number;
}

/**
 * A progress report for long commands. On a terminal: one bar redrawn in place
 * (`label [#####-----] 3/10 note`). Otherwise (logs, CI, pipes): one plain line per tick.
 */
export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const { stream = process.stderr, redrawMs = 100, width = 24 } = options;
  const tty = stream.isTTY === true;
  let count = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;
  const counter = (): string => `${count}/${total}`;

  function draw(note: string): void {
    const filled = total > 0 ? Math.min(width, Math.round((count / total) * width)) : width;
    let line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counter()}${note ? ` ${note}` : ''}`;
    const cols = stream.columns ?? 80;
    if (line.length > cols - 1) line = line.slice(0, Math.max(0, cols - 1));
    stream.write(`\r\x1b[2K${line}`);
    drawn = true;
    lastDraw = Date.now();
  }

  return {
    tick(note = '') {
      if (finished) return;
      count++;
      if (!tty) {
        stream.write(`${label} ${counter()}${note ? ` ${note}` : ''}\n`);
        return;
      }
      if (count >= total || Date.now() - lastDraw >= redrawMs) draw(note);
    },
    done() {
      if (finished) return;
      finished = true;
      if (tty) {
        if (!drawn || count < total) draw('');
        stream.write('\n');
      }
    },
  };
}
