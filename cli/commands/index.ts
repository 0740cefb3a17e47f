import type { CommandModule } from 'yargs';
import { dataCommand } from './data.ts';

/** Every top-level command, in the order `--help` lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [dataCommand];
