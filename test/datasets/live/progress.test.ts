import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../datasets/live/progress.ts';

function stream(isTTY: boolean, columns = 80) {
  const out: string[] = [];
  return { isTTY, columns, out, write: (t: string) => out.push(t) };
}

describe('createProgress', () => {
  it('writes one plain line per item when stderr is not a terminal', () => {
    const s = stream(false);
    const p = createProgress('fetch', 3, { stream: s });
    p.tick('WALCL ok');
    p.tick();
    p.tick('SPY failed');
    p.done();
    expect(s.out).toEqual(['fetch 1/3 WALCL ok\n', 'fetch 2/3\n', 'fetch 3/3 SPY failed\n']);
  });

  it('redraws one bar in place on a terminal and ends the line when done', () => {
    const s = stream(true);
    const p = createProgress('fetch', 4, { stream: s, redrawMs: 0, width: 8 });
    p.tick('A');
    p.tick('B');
    expect(s.out.at(-1)).toBe('\r\x1b[2Kfetch [####----] 2/4 B');
    p.tick();
    p.tick('D');
    p.done();
    p.done();
    expect(s.out.at(-2)).toBe('\r\x1b[2Kfetch [########] 4/4 D');
    expect(s.out.at(-1)).toBe('\n');
    expect(s.out.filter((t) => t === '\n')).toHaveLength(1);
    expect(s.out.every((t) => t === '\n' || t.startsWith('\r'))).toBe(true);
  });

  it('throttles redraws but always draws the last tick, and fits the terminal width', () => {
    const s = stream(true, 20);
    const p = createProgress('sweep', 1000, { stream: s, redrawMs: 60_000, width: 10 });
    for (let i = 0; i < 1000; i++) p.tick(`cell ${i} with a long note`);
    p.done();
    expect(s.out).toHaveLength(3);
    expect(s.out[1].replace('\r\x1b[2K', '')).toBe('sweep [##########] ');
    expect(s.out[1].length - '\r\x1b[2K'.length).toBeLessThan(20);
  });
});
