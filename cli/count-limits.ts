import { UsageError } from '../datasets/errors.ts';

/** A count option's range: whole numbers from `min` to `max`, both included. */
export interface CountLimit {
  min: number;
  max: number;
}

/**
 * Upper bounds of every count option, so no argument can ask for unbounded work (`--reps 1e9`
 * once ran for 19 minutes at 770 MB without output). Each is 20 to 50 times its default; the
 * `--help` of each option states it. Grid sizes are bounded by MAX_GRID_CONFIGS.
 */
export const COUNT_LIMITS = {
  reps: { min: 1, max: 20_000 },
  permutations: { min: 0, max: 10_000 },
  workers: { min: 0, max: 64 },
  top: { min: 1, max: 1_000 },
  // Trials only enter the deflated Sharpe ratio's formula: no work grows with them.
  'extra-trials': { min: 0, max: 1_000_000 },
} as const satisfies Record<string, CountLimit>;

/** The count options of each command (checked before its handler runs). */
const COMMAND_COUNTS: Record<string, (keyof typeof COUNT_LIMITS)[]> = {
  validate: ['reps', 'permutations', 'extra-trials'],
  sweep: ['workers', 'permutations', 'top'],
};

/** " (0 to 10,000)": the range as `--help` states it. */
export function countRange(option: keyof typeof COUNT_LIMITS): string {
  const { min, max } = COUNT_LIMITS[option];
  return ` (${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')})`;
}

/** Checks the count options of the invoked command (a yargs middleware). */
export function checkCounts(argv: Record<string, unknown>): void {
  const command = String((argv._ as unknown[] | undefined)?.[0] ?? '');
  for (const option of COMMAND_COUNTS[command] ?? []) {
    const value = argv[option];
    if (value === undefined) continue;
    const { min, max } = COUNT_LIMITS[option];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new UsageError(`must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got ${JSON.stringify(value)}`, {
        option,
      });
    }
  }
}
