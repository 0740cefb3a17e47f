import { UsageError } from '../datasets/errors.ts';

/**
 * Options renamed so that one name means one thing in every command: `--out` is always a FILE;
 * folders are `--run-dir`, `--report-dir` and `--shard-dir`; the regime definition is always
 * `--preset NAME` or `--config FILE`; report formats are `--report html,pdf` (`--format` is the
 * terminal's table, csv or json). The old spellings still work and warn once.
 */
interface Renamed {
  command: string;
  old: string;
  /** The option the value now belongs to (undefined: the old name still means it, e.g. sweep's --out FILE). */
  now: (value: unknown, argv: Record<string, unknown>) => string | undefined;
  /** The old spelling as the warning shows it. */
  usage: string;
  /** The new spelling as the warning shows it. */
  instead: string;
}

/** A JSON regime definition rather than a preset name: preset names are plain words. */
const isConfigFile = (value: unknown) => typeof value === 'string' && /[/\\]|\.json$/i.test(value);

export const RENAMED_OPTIONS: readonly Renamed[] = [
  { command: 'run', old: 'out', now: () => 'run-dir', usage: '--out DIR', instead: '--run-dir DIR' },
  {
    command: 'run',
    old: 'regimes',
    now: (value) => (isConfigFile(value) ? 'config' : 'preset'),
    usage: '--regimes',
    instead: '--preset NAME or --config FILE',
  },
  { command: 'report', old: 'out', now: () => 'report-dir', usage: '--out DIR', instead: '--report-dir DIR' },
  { command: 'report', old: 'format', now: () => 'report', usage: '--format html,pdf', instead: '--report html,pdf' },
  {
    command: 'sweep',
    old: 'out',
    now: (_value, argv) => (argv.shard !== undefined ? 'shard-dir' : undefined),
    usage: '--shard … --out DIR',
    instead: '--shard … --shard-dir DIR',
  },
];

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Moves each old option of the invoked command to its new name (a yargs middleware, before the
 * output checks), with one warning line per old option on stderr (none with --quiet). Giving
 * both spellings is a usage error.
 */
export function applyRenamedOptions(argv: Record<string, unknown>, warn: (line: string) => void = (l) => process.stderr.write(l)): void {
  const command = String((argv._ as unknown[] | undefined)?.[0] ?? '');
  for (const r of RENAMED_OPTIONS) {
    if (r.command !== command || argv[r.old] === undefined) continue;
    const value = argv[r.old];
    const target = r.now(value, argv);
    if (target === undefined) continue;
    if (argv[target] !== undefined)
      throw new UsageError(`give ${r.instead.split(' or ')[0].split(' ')[0]} only (--${r.old} is its old name)`, { option: r.old });
    argv[target] = value;
    argv[camel(target)] = value;
    delete argv[r.old];
    delete argv[camel(r.old)];
    if (!argv.quiet) warn(`quadrant: ${command} ${r.usage} is deprecated; use ${r.instead}\n`);
  }
}
