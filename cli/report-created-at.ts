import { UsageError } from '../datasets/errors.ts';
import { quote } from '../datasets/problems.ts';

// Its own module: cli/main.ts checks the variable before any command runs, and importing the
// report command for that would load the report stack into `quadrant --help`.

/** Last second a report date can show (9999-12-31T23:59:59Z), in seconds since 1970. */
const MAX_EPOCH = 253_402_300_799;

/**
 * The `createdAt` of a report: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention)
 * when set, so the same run renders byte-identical files; otherwise now.
 *
 * @throws UsageError naming the variable when it is not whole seconds from 0 to MAX_EPOCH.
 */
export function reportCreatedAt(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (0 to ${MAX_EPOCH}), got ${quote(epoch)}`, {
      hint: 'unset it to date the report now',
    });
  }
  return new Date(Number(epoch) * 1000).toISOString();
}
