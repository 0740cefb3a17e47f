/**
 * The short terminal output of a command that prints long tables: each table left out gets
 * one line saying how to see it and what it holds, so nothing is hidden without a word.
 */
export interface HiddenTable {
  /** What the table holds, in a few words. */
  what: string;
  /** The --section that prints it alone, when the command has one. */
  section?: string;
  /** Another way to see it, e.g. "--from/--to". */
  alternative?: string;
}

/** "NOT SHOWN" and one line per table: the option first (aligned), then what it prints. */
export function hiddenTablesText(tables: readonly HiddenTable[]): string {
  if (!tables.length) return '';
  const how = tables.map((t) => `${t.section ? `--section ${t.section}` : '--verbose'}${t.alternative ? ` or ${t.alternative}` : ''}`);
  const width = Math.max(...how.map((h) => h.length));
  return ['NOT SHOWN (--verbose prints everything)', ...tables.map((t, i) => `  ${how[i].padEnd(width)}  ${t.what}`)].join('\n');
}
