/**
 * The short terminal output of a command that prints long tables: each table left out gets
 * one line saying what it holds and how to see it, so nothing is hidden without a word.
 */
export interface HiddenTable {
  /** What the table holds, in a few words. */
  what: string;
  /** Rows it would print (0 or NaN: not counted). */
  rows?: number;
  /** The --section that prints it alone, when the command has one. */
  section?: string;
  /** Another way to see it, e.g. "--from/--to". */
  alternative?: string;
}

export function hiddenTablesText(tables: readonly HiddenTable[]): string {
  if (!tables.length) return '';
  const lines = ['NOT SHOWN (--verbose prints everything)'];
  for (const t of tables) {
    const size = t.rows && t.rows > 0 ? ` (${t.rows} rows)` : '';
    lines.push(`  ${t.what}${size}: ${t.section ? `--section ${t.section}` : '--verbose'}${t.alternative ? ` or ${t.alternative}` : ''}`);
  }
  return lines.join('\n');
}
