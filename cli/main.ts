import yargs, { type Argv } from 'yargs';
import { errnoText, isErrnoError, printable, QuadrantError, UsageError } from '../datasets/errors.ts';
import { checkOutputs } from './check-outputs.ts';
import { checkCounts } from './count-limits.ts';
import { reportCreatedAt } from './report-created-at.ts';
import { setOutputWidth } from './terminal-width.ts';
import { applyRenamedOptions } from './renamed-options.ts';
import { COMMANDS } from './commands/index.ts';

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 runtime failure, 2 usage or input error.
 * Errors are printed as one line on stderr; library code never calls process.exit.
 */
export async function main(argv: string[]): Promise<number> {
  const cli: Argv = yargs(argv)
    .scriptName('quadrant')
    .usage('$0 <command> [options]\n\nPoint-in-time backtests of the Fed-liquidity × US-dollar regime playbook.')
    .option('data', { type: 'string', describe: 'snapshot directory with fred/ and prices/ (default: QUADRANT_DATA, else the cache)', global: true })
    .option('cache', { type: 'string', describe: 'live-data cache directory (default: QUADRANT_CACHE or ~/.cache/quadrant)', global: true })
    .option('quiet', { type: 'boolean', describe: 'print no warnings or progress', global: true })
    .option('wide', {
      type: 'boolean',
      describe: 'print every table column and unwrapped lines (default: fit the terminal, COLUMNS, or 100 columns in a pipe)',
      global: true,
    })
    .demandCommand(1, 'name a command (quadrant --help lists them)')
    .strict()
    .recommendCommands()
    .completion('completion', 'print a shell completion script (bash or zsh)')
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    // Output paths and counts are checked before any handler runs: a bad --out or --reps costs
    // no computation.
    .middleware((argv) => {
      applyRenamedOptions(argv);
      // Text written to a file (--out FILE) has no terminal to fit.
      setOutputWidth(argv.wide || argv.out !== undefined ? Number.POSITIVE_INFINITY : undefined);
      checkCounts(argv);
      checkOutputs(argv);
      // A report's date comes from SOURCE_DATE_EPOCH: a bad value is found before the work.
      if (argv._[0] === 'report' || argv.report !== undefined) reportCreatedAt();
    })
    // Throwing here stops yargs before any handler runs: a bad option never half-runs a job.
    .fail((msg, err) => {
      throw err ?? new UsageError(msg, { hint: 'see quadrant --help' });
    });
  // Load the invoked command's module; list the others by name and description alone.
  for (const entry of COMMANDS) {
    const name = entry.command.split(' ')[0];
    if (argv.includes(name)) cli.command({ ...(await entry.load()), command: entry.command, describe: entry.describe });
    else cli.command(entry.command, entry.describe);
  }
  skipHelpCache(cli);
  try {
    await cli.parseAsync();
  } catch (err) {
    process.stderr.write(`quadrant: ${describeFailure(err)}\n`);
    return err instanceof QuadrantError ? err.exitCode : 1;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

/**
 * One printable line for any failure: a QuadrantError describes itself; a system error names its
 * path; anything else is an internal error whose stack trace QUADRANT_DEBUG=1 prints.
 */
export function describeFailure(err: unknown): string {
  if (err instanceof QuadrantError) return err.describe();
  if (isErrnoError(err)) return printable(`${err.path ? `${err.path}: ` : ''}${errnoText(err)}`);
  if (process.env.QUADRANT_DEBUG) return (err as Error)?.stack ?? String(err);
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return printable(`internal error: ${message.slice(0, 500)} (QUADRANT_DEBUG=1 prints the stack trace; please report it)`);
}

/**
 * yargs renders the whole help text after every command's handler, only to cache it: about a
 * tenth of a short command's start-up. Quadrant never shows help once a handler ran (failures
 * throw from .fail instead), so the cache is never read; `--help` renders as before.
 */
function skipHelpCache(cli: Argv): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance(): { cacheHelpMessage(): void } } };
  const usage = (cli as unknown as Internals).getInternalMethods?.().getUsageInstance();
  if (usage) usage.cacheHelpMessage = () => {};
}
