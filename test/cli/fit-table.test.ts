import { afterEach, describe, expect, it } from 'vitest';
import { formatTable } from '../../cli/fit-table.ts';
import { outputWidth, setOutputWidth, wrapLines } from '../../cli/terminal-width.ts';

const HEADER = ['claim', 'title', 'sample', 'statistic', 'p', 'p BH', 'verdict'];
// Widths by hand: claim 5, title 32, sample 6, statistic 9, p 5, p BH 5, verdict 12
// = 74 characters + 6 gaps × 2 = 86 at full width.
const ROWS = [
  ['C1', 'Q1: broad rally across the world', 'in', '-9.4%', '0.216', '0.881', 'inconclusive'],
  ['C2', 'Q2: USD assets beat non-US', 'out', '+39.3%', '0.172', '0.430', 'contradicted'],
];
const PRIORITY = [1, 2, 1, 1, 3, 4, 1];
const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('formatTable fitted to a width', () => {
  afterEach(() => setOutputWidth(undefined));

  it('prints every column when the table fits (86 columns by hand)', () => {
    const text = formatTable(HEADER, ROWS, { width: 86, priority: PRIORITY });
    expect(longest(text)).toBe(86);
    expect(text.split('\n')[0].split(/\s{2,}/)).toEqual(HEADER);
  });

  it('at 80 columns drops only the least important column and says so', () => {
    const text = formatTable(HEADER, ROWS, { width: 80, priority: PRIORITY });
    const lines = text.split('\n');
    expect(longest(text)).toBeLessThanOrEqual(80);
    // 86 − (5 + 2) for "p BH" = 79: one drop is enough, and it is the priority-4 column.
    expect(lines[0].split(/\s{2,}/)).toEqual(['claim', 'title', 'sample', 'statistic', 'p', 'verdict']);
    expect(lines.at(-1)).toBe('(left out at 80 columns: p BH; --wide shows all)');
    expect(lines[2]).toContain('0.216');
    expect(lines[2]).not.toContain('0.881');
  });

  it('cuts the shrinkable column with an ellipsis before dropping a column', () => {
    const text = formatTable(HEADER, ROWS, { width: 80, priority: PRIORITY, shrink: 'title' });
    const lines = text.split('\n');
    expect(longest(text)).toBe(80);
    // Six columns too many: the 32-character title gives them up (26 left, 25 + "…").
    expect(lines[0].split(/\s{2,}/)).toEqual(HEADER);
    expect(lines[2]).toContain('Q1: broad rally across th…');
    expect(lines[3]).toContain('Q2: USD assets beat non-US');
  });

  it('at 40 columns keeps the priority-1 columns, in their order', () => {
    const text = formatTable(HEADER, ROWS, { width: 40, priority: PRIORITY, shrink: 'title' });
    const table = text.split('\n').slice(0, -1);
    expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(table[0].split(/\s{2,}/)).toEqual(['claim', 'sample', 'statistic', 'verdict']);
    expect(text).toContain('left out at 40 columns: title, p, p BH');
  });

  it('uses the short headers before dropping anything', () => {
    // 9 + 2 + 10 = 21 by hand with the short header; the full one (17) would need 29.
    const text = formatTable(['turnover (% / yr)', 'equity ($)'], [[12.5, 1000]], { width: 21, short: { 'turnover (% / yr)': 'turn %/yr' } });
    expect(text.split('\n')[0]).toBe('turn %/yr  equity ($)');
  });

  it('--wide (an infinite width) restores every column', () => {
    setOutputWidth(Number.POSITIVE_INFINITY);
    const text = formatTable(HEADER, ROWS, { priority: PRIORITY, shrink: 'title' });
    expect(text.split('\n')[0].split(/\s{2,}/)).toEqual(HEADER);
    expect(text).toContain('Q1: broad rally across the world');
    expect(text).not.toContain('left out');
  });
});

describe('outputWidth and wrapLines', () => {
  const saved = process.env.COLUMNS;
  afterEach(() => {
    setOutputWidth(undefined);
    if (saved === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = saved;
  });

  it('honours COLUMNS, else 100 when stdout is not a terminal', () => {
    process.env.COLUMNS = '72';
    expect(outputWidth()).toBe(72);
    delete process.env.COLUMNS;
    if (!process.stdout.isTTY) expect(outputWidth()).toBe(100);
    process.env.COLUMNS = 'wide';
    if (!process.stdout.isTTY) expect(outputWidth()).toBe(100);
  });

  it('wraps prose at spaces with a hanging indent and leaves short lines alone', () => {
    const text = 'short line\n  alpha beta gamma delta epsilon';
    // Width 16 by hand: "  alpha beta" (12) + "gamma" would make 18; continuation indent is 2 + 2.
    expect(wrapLines(text, 16)).toBe('short line\n  alpha beta\n    gamma delta\n    epsilon');
  });

  it('cuts a word longer than the width rather than overflow', () => {
    expect(wrapLines('abcdefghij', 4).split('\n')).toEqual(['abcd', '  ef', '  gh', '  ij']);
  });
});
