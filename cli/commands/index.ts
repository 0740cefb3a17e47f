import type { CommandModule } from 'yargs';
import { dataCommand } from './data.ts';
import { regimesCommand } from './regimes.ts';
import { signalsCommand } from './signals.ts';
import { validateCommand } from './validate.ts';
import { compareCommand } from './compare.ts';
import { runCommand } from './run.ts';
import { sweepCommand } from './sweep.ts';
import { reportCommand } from './report.ts';

/** Every top-level command, in the order `--help` lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [dataCommand, regimesCommand, signalsCommand, validateCommand, compareCommand, runCommand, sweepCommand, reportCommand];
