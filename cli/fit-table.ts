import { outputWidth } from './terminal-width.ts';

/** How a terminal table gives way when it is wider than the terminal (see formatTable). */
export interface TableFit {
  /**
   * Importance of each column, parallel to the header: 1 is kept longest, larger numbers are
   * dropped first (ties: the rightmost first). Default: left to right.
   */
  priority?: readonly number[];
  /** Shorter headers, by full header, used before any column is dropped. */
  short?: Readonly<Record<string, string>>;
  /** A text column (by header) whose long cells are cut with "…" before any column is dropped. */
  shrink?: string;
  /** The width to fit; default the terminal's (cli/terminal-width.ts). */
  width?: number;
}

const GAP = 2;
/** Cells printed right-aligned: numbers as text ("-47.1", "+6.3%", "3,252,209", "0.37"), blanks and n/a. */
const NUMBER_LIKE = /^(?:[-+−]?[\d,]*\.?\d+%?|n\/a|<0\.\d+|)$/;
/** The narrowest a shrinkable column becomes: enough for a recognisable title. */
const SHRINK_MIN = 12;

/**
 * A plain-text table with right-aligned numbers that fits `width`: first the short headers,
 * then the shrinkable column is cut, then the least important columns are dropped, one at a
 * time, and a last line names them. The first column of the priority order always stays.
 */
export function formatTable(header: string[], rows: (string | number)[][], fit: TableFit = {}): string {
  const width = fit.width ?? outputWidth();
  const text = rows.map((r) => header.map((_, i) => (typeof r[i] === 'number' ? formatNumber(r[i] as number) : String(r[i] ?? ''))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || NUMBER_LIKE.test(String(r[i] ?? '').trim())));
  const priority = header.map((_, i) => fit.priority?.[i] ?? i + 1);
  let head = [...header];
  let keep = header.map((_, i) => i);
  const colWidth = (i: number) => Math.max(head[i].length, ...text.map((r) => r[i].length));
  const widths = header.map((_, i) => colWidth(i));
  const total = () => keep.reduce((s, i) => s + widths[i], 0) + GAP * Math.max(0, keep.length - 1);

  if (total() > width && fit.short) {
    head = header.map((h) => fit.short?.[h] ?? h);
    for (const i of keep) widths[i] = colWidth(i);
  }
  // The shrinkable column gives way first, then whole columns by priority; the room left over
  // goes back to the shrinkable column.
  const shrink = fit.shrink === undefined ? -1 : header.indexOf(fit.shrink);
  const natural = shrink >= 0 ? widths[shrink] : 0;
  if (shrink >= 0 && total() > width) widths[shrink] = Math.max(Math.min(natural, SHRINK_MIN), head[shrink].length, natural - (total() - width));
  while (total() > width && keep.length > 1) {
    const worst = keep.reduce((a, b) => (priority[b] >= priority[a] ? b : a));
    keep = keep.filter((i) => i !== worst);
  }
  if (shrink >= 0 && keep.includes(shrink)) widths[shrink] = Math.min(natural, widths[shrink] + Math.max(0, width - total()));
  if (shrink >= 0) for (const r of text) if (r[shrink].length > widths[shrink]) r[shrink] = `${r[shrink].slice(0, widths[shrink] - 1)}…`;

  const line = (r: string[]) =>
    keep
      .map((i) => (numeric[i] ? r[i].padStart(widths[i]) : r[i].padEnd(widths[i])))
      .join(' '.repeat(GAP))
      .trimEnd();
  const lines = [line(head), keep.map((i) => '-'.repeat(widths[i])).join(' '.repeat(GAP)), ...text.map(line)];
  const dropped = header.filter((_, i) => !keep.includes(i));
  if (dropped.length) lines.push(`(left out at ${width} columns: ${dropped.join(', ')}; --wide shows all)`);
  return lines.join('\n');
}

export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return '';
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(digits + 2)).toString();
}
