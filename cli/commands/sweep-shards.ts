import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError, UsageError } from '../../datasets/errors.ts';
import { buildRoles } from '../../datasets/roles.ts';
import { dataChecksums } from '../../engine/backtest/manifest.ts';
import { readShardParquet, shardFileName, shardParquet } from '../../strategies/robustness/shard-file.ts';
import { checkShards, dataFingerprint, mergeShards, parseShard, runShard, type ShardResult } from '../../strategies/robustness/shards.ts';
import type { RobustnessResult } from '../../strategies/robustness/index.ts';
import { loadData } from '../load-data.ts';
import { formatTable, writeFileAtomic } from '../output.ts';
import { quadrantVersion } from '../../engine/package-versions.ts';

interface DataArgs {
  data?: string;
  cache?: string;
  quiet?: boolean;
}

/** The data of a sweep and its fingerprint (what shards and merges must agree on). */
async function sweepData(args: DataArgs) {
  const loaded = await loadData(args);
  return { ...loaded, roles: buildRoles(loaded.panel), fingerprint: dataFingerprint(dataChecksums(loaded.dir, loaded.dataset.files)) };
}

/**
 * `quadrant sweep --grid FILE --shard I/N|auto --out DIR`: replays shard I of N of the grid and
 * writes DIR/shard-I-of-N.parquet atomically (a killed shard leaves no such file; a rerun
 * writes the same bytes). Returns the file written.
 */
export async function runShardCommand(
  args: DataArgs & { grid: string; shard: string; out?: string; workers?: number; permutations: number; seed: number; costBps: number },
  onProgress?: Parameters<typeof runShard>[2]['onProgress'],
): Promise<string> {
  if (!args.out) throw new UsageError('--shard needs --out DIR (the directory the shard file goes to)', { field: 'out' });
  const shard = parseShard(args.shard);
  let gridText: string;
  try {
    gridText = readFileSync(args.grid, 'utf8');
    JSON.parse(gridText);
  } catch (err) {
    throw new ConfigError('bad-config', `cannot read the grid: ${(err as Error).message}`, { file: args.grid, field: 'grid' });
  }
  const { panel, roles, fingerprint } = await sweepData(args);
  const result = await runShard(panel, roles, {
    shard,
    gridFile: args.grid,
    gridText,
    dataSha256: fingerprint,
    version: quadrantVersion(),
    costBps: args.costBps,
    permutations: args.permutations,
    seed: args.seed,
    workers: args.workers ?? 'auto',
    onProgress,
  });
  const file = join(args.out, shardFileName(result.manifest));
  writeFileAtomic(file, await shardParquet(result));
  return file;
}

/** The shard files named by `inputs`: files as given, directories' shard-*-of-*.parquet sorted. */
export function shardFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${input}`, { field: 'shards' });
    }
    if (!isDir) files.push(input);
    else
      for (const f of readdirSync(input)
        .filter((f) => /^shard-\d+-of-\d+\.parquet$/.test(f))
        .sort())
        files.push(join(input, f));
  }
  if (files.length === 0)
    throw new UsageError(`no shard-I-of-N.parquet files in ${inputs.join(', ')}`, {
      field: 'shards',
      hint: 'quadrant sweep --grid FILE --shard I/N --out DIR writes them',
    });
  return files;
}

/**
 * `quadrant sweep merge DIR...`: reads every shard, checks that they make one sweep, and
 * computes the whole-set statistics on the data (which must be the shards' data).
 */
export async function mergeCommand(
  args: DataArgs & { inputs: string[]; workers?: number },
  onProgress?: Parameters<typeof mergeShards>[4]['onProgress'],
): Promise<{ result: RobustnessResult; gridFile: string; dir: string }> {
  const files = shardFiles(args.inputs);
  const shards: ShardResult[] = [];
  for (const file of files) shards.push(await readShardParquet(new Uint8Array(readFileSync(file)), file));
  // Disagreeing, missing or repeated shards are found before any data is read.
  checkShards(
    shards.map((s) => s.manifest),
    (i) => basename(files[i]),
  );
  const { dir, panel, roles, fingerprint } = await sweepData(args);
  const { result, manifest } = await mergeShards(panel, roles, shards, (i) => basename(files[i]), {
    dataSha256: fingerprint,
    version: quadrantVersion(),
    workers: args.workers ?? 'auto',
    onProgress,
  });
  return { result, gridFile: manifest.grid.file, dir };
}

/**
 * `quadrant sweep query DIR "SQL"`: DuckDB over the shards' Parquet files, which appear as the
 * view `configs` (one row per configuration; `summary` holds the sums of its daily excess
 * returns the merge needs, as float64 bytes). DuckDB reads only the columns and row groups the
 * query needs.
 *
 * @throws UsageError when @duckdb/node-api (an optional dependency) is not installed.
 */
export async function queryCommand(inputs: readonly string[]): Promise<string> {
  if (inputs.length < 2)
    throw new UsageError('sweep query needs the shard directories and one SQL statement: quadrant sweep query DIR... "SELECT …"', { field: 'inputs' });
  const sql = inputs[inputs.length - 1];
  const files = shardFiles(inputs.slice(0, -1));
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    throw new UsageError('sweep query needs DuckDB: npm install @duckdb/node-api (an optional dependency of Quadrant)', { field: 'query' });
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
    await connection.run(`CREATE VIEW configs AS SELECT * FROM read_parquet([${list}])`);
    let reader: Awaited<ReturnType<typeof connection.runAndReadAll>>;
    try {
      reader = await connection.runAndReadAll(sql);
    } catch (err) {
      throw new UsageError(`the query failed: ${(err as Error).message.split('\n')[0]}`, {
        field: 'query',
        hint: 'the shards are the view "configs", e.g. SELECT id, sharpe FROM configs ORDER BY sharpe DESC LIMIT 20',
      });
    }
    const header = reader.columnNames();
    const rows = reader.getRows().map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' || typeof v === 'bigint' ? Number(v) : String(v))));
    return formatTable(header, rows);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
