/**
 * The few closing lines of `validate` in the terminal, after hundreds of lines of tables: the
 * answer to the benchmark question, the verdict counts per sample, and where the report went.
 */
export function closingSummary(verdicts: string | undefined, answer: string | undefined, files: string[]): string {
  const lines = ['', 'SUMMARY'];
  if (answer) lines.push(`does the playbook beat simple benchmarks? ${answer}`);
  if (verdicts) lines.push(...verdicts.split('\n').map((l) => `verdicts ${l}`));
  if (files.length) lines.push(`report: ${files.join(', ')}`);
  return lines.join('\n');
}
