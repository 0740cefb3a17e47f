import type { CommandModule } from 'yargs';

/**
 * Every top-level command, in the order `--help` lists them. Only the module of the command
 * being run is imported (cli/main.ts): the others cost their import time for nothing.
 */
export interface CommandEntry {
  /** The yargs command string, e.g. `compare [episodes..]`; its first word is the name. */
  command: string;
  describe: string;
  // biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type; the list holds them all
  load: () => Promise<CommandModule<any, any>>;
}

export const COMMANDS: CommandEntry[] = [
  { command: 'data <command>', describe: 'list, verify, fetch and show the input series', load: async () => (await import('./data.ts')).dataCommand },
  {
    command: 'regimes',
    describe: 'label every trading day Q1..Q4 from data public on that day; episodes, time shares, transitions',
    load: async () => (await import('./regimes.ts')).regimesCommand,
  },
  {
    command: 'signals',
    describe: "the article's watch-list as of a day, from what was published by then, with the regime label",
    load: async () => (await import('./signals.ts')).signalsCommand,
  },
  {
    command: 'validate',
    describe: "score the article's claims C1–C10 in and out of sample, with per-regime, relative and liquidity tables",
    load: async () => (await import('./validate.ts')).validateCommand,
  },
  {
    command: 'compare [episodes..]',
    describe: 'compare episodes side by side: regimes, signals in event time, role returns, strategy vs benchmarks',
    load: async () => (await import('./compare.ts')).compareCommand,
  },
  {
    command: 'run',
    describe: 'backtest a strategy (default: the article playbook) against the benchmarks',
    load: async () => (await import('./run.ts')).runCommand,
  },
  {
    command: 'sweep [action] [inputs..]',
    describe: 'sweep regime and rebalancing parameters: sensitivity, deflated Sharpe, PBO, permutation test, walk-forward',
    load: async () => (await import('./sweep.ts')).sweepCommand,
  },
  {
    command: 'report',
    describe: 'draw the HTML and PDF report of a finished run (quadrant run --run-dir DIR)',
    load: async () => (await import('./report.ts')).reportCommand,
  },
];
