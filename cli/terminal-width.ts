/**
 * How wide the terminal text may be. Tables drop or shorten their lower-priority columns and
 * prose wraps to fit it; `--wide` (and writing to a file with --out) lifts the limit.
 */
let override: number | undefined;

/** The width when nothing says otherwise: a pipe or a log has no columns. */
export const DEFAULT_WIDTH = 100;
/** Narrower than this, fitting does more harm than good: the text is printed at this width. */
const MIN_WIDTH = 40;

/** Fixes the width for the rest of the process: Infinity prints everything (--wide, --out FILE); undefined asks the terminal. */
export function setOutputWidth(width: number | undefined): void {
  override = width;
}

/** COLUMNS when set to a whole number, else the terminal's columns, else 100. */
export function outputWidth(): number {
  if (override !== undefined) return override;
  const env = Number(process.env.COLUMNS);
  if (process.env.COLUMNS && Number.isInteger(env) && env > 0) return Math.max(MIN_WIDTH, env);
  if (process.stdout.isTTY && process.stdout.columns) return Math.max(MIN_WIDTH, process.stdout.columns);
  return DEFAULT_WIDTH;
}

/**
 * Wraps every line longer than `width` at spaces; continuation lines keep the line's indent
 * plus two spaces. Lines that already fit (tables fitted by formatTable) are left alone.
 */
export function wrapLines(text: string, width = outputWidth()): string {
  if (!Number.isFinite(width)) return text;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    const indent = ' '.repeat(Math.min(line.length - line.trimStart().length + 2, Math.floor(width / 2)));
    let rest = line;
    let first = true;
    while (rest.length > 0) {
      const prefix = first ? '' : indent;
      const room = width - prefix.length;
      if (rest.length <= room) {
        out.push(prefix + rest);
        break;
      }
      // The last space that leaves the piece within the width (not a leading one); else cut hard.
      let cut = rest.lastIndexOf(' ', room);
      const lead = rest.length - rest.trimStart().length;
      if (cut <= lead) cut = room;
      out.push((prefix + rest.slice(0, cut)).trimEnd());
      rest = rest.slice(cut).trimStart();
      first = false;
    }
  }
  return out.join('\n');
}
