import { createProgress, type Progress } from '../datasets/live/progress.ts';

/** A progress bar on a terminal (stderr), nothing in pipes, logs or with --quiet. */
export function stepProgress(label: string, total: number, quiet?: boolean): Progress {
  if (quiet || !process.stderr.isTTY) return { tick() {}, done() {} };
  return createProgress(label, total);
}
