import { ConfigError } from '../../datasets/errors.ts';
import { JOB_FIELDS, JOB_WIDTH } from './jobs-core.ts';
import { SHARD_FORMAT, type ShardManifest, type ShardResult } from './shards.ts';

/** The Parquet key-value metadata entry holding a shard's manifest (JSON). */
export const SHARD_METADATA_KEY = 'quadrant.shard';

/** A shard's file name in its directory: shard-I-of-N.parquet. */
export function shardFileName(manifest: Pick<ShardManifest, 'shard'>): string {
  return `shard-${manifest.shard.index}-of-${manifest.shard.count}.parquet`;
}

/**
 * A shard as one Parquet file: a row per configuration with `id`, each grid parameter (DOUBLE
 * when numeric, else STRING), each figure of JOB_FIELDS (DOUBLE, NaN as null) and `summary`,
 * the summary of its daily excess returns (row-summary.ts: the sums the deflated Sharpe, PBO
 * and walk-forward need, 2 + 2S + 2Y doubles instead of T) as little-endian float64 bytes
 * (BYTE_ARRAY: exact, so a merge computes what one machine would); the manifest in the file's
 * key-value metadata. The same shard gives the same bytes. DuckDB, pandas and polars read the
 * table directly.
 */
export async function shardParquet(shard: ShardResult): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const { configs, parameters, metrics, summaries } = shard;
  const width = shard.manifest.summary.width;
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const params = parameters.map((name) => {
    const values = configs.map((c) => c.params[name]);
    return values.every((v) => typeof v === 'number')
      ? { name, data: values as number[], type: 'DOUBLE' as const }
      : { name, data: values.map((v) => String(v)), type: 'STRING' as const };
  });
  const blobs = configs.map((_, j) => new Uint8Array(summaries.buffer.slice(summaries.byteOffset + j * width * 8, summaries.byteOffset + (j + 1) * width * 8)));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: configs.map((c) => c.id), type: 'INT32' },
      ...params,
      ...JOB_FIELDS.map((f, k) => ({ name: f, data: configs.map((_, j) => num(metrics[j * JOB_WIDTH + k])), type: 'DOUBLE' as const })),
      { name: 'summary', data: blobs, type: 'BYTE_ARRAY', statistics: false },
    ],
    kvMetadata: [{ key: SHARD_METADATA_KEY, value: JSON.stringify(shard.manifest) }],
  });
  return new Uint8Array(buffer);
}

/**
 * Reads a shard file back (its manifest, figures and row summaries; parameters are the grid's
 * business and are re-derived from it by the merge).
 *
 * @throws ConfigError naming `file` when it is not a Quadrant shard, is of another shard format,
 *   or its rows disagree with its manifest.
 */
export async function readShardParquet(bytes: Uint8Array, file: string): Promise<ShardResult> {
  const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let manifest: ShardManifest;
  let rows: Record<string, unknown>[];
  try {
    const meta = parquetMetadata(buffer);
    const entry = meta.key_value_metadata?.find((kv) => kv.key === SHARD_METADATA_KEY);
    if (!entry?.value) throw new Error(`no "${SHARD_METADATA_KEY}" metadata`);
    manifest = JSON.parse(entry.value) as ShardManifest;
  } catch (err) {
    throw new ConfigError('bad-config', `not a Quadrant sweep shard: ${(err as Error).message}`, { file, field: 'shards' });
  }
  if (manifest.format !== SHARD_FORMAT)
    throw new ConfigError('bad-config', `a shard of format ${JSON.stringify(manifest.format)}; this Quadrant reads ${SHARD_FORMAT}`, {
      file,
      field: 'shards',
      hint: 'rerun the shards with this Quadrant: quadrant sweep --shard I/N',
    });
  try {
    rows = await parquetReadObjects({ file: buffer, columns: ['id', ...JOB_FIELDS, 'summary'], utf8: false });
  } catch (err) {
    throw new ConfigError('bad-config', `not a Quadrant sweep shard: ${(err as Error).message}`, { file, field: 'shards' });
  }
  const width = manifest.summary.width;
  const k = manifest.ids.to - manifest.ids.from;
  if (rows.length !== k) throw new ConfigError('bad-config', `holds ${rows.length} configurations, its manifest says ${k}`, { file, field: 'shards' });
  const metrics = new Float64Array(k * JOB_WIDTH);
  const summaries = new Float64Array(k * width);
  rows.forEach((row, j) => {
    if (Number(row.id) !== manifest.ids.from + j)
      throw new ConfigError('bad-config', `row ${j} holds configuration ${String(row.id)}, expected ${manifest.ids.from + j}`, { file, field: 'shards' });
    JOB_FIELDS.forEach((f, c) => (metrics[j * JOB_WIDTH + c] = row[f] === null || row[f] === undefined ? NaN : Number(row[f])));
    const blob = row.summary as Uint8Array;
    if (!(blob instanceof Uint8Array) || blob.byteLength !== width * 8)
      throw new ConfigError('bad-config', `configuration ${String(row.id)}: its summary is not ${width} float64 values`, { file, field: 'shards' });
    summaries.set(new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)), j * width);
  });
  return { manifest, parameters: [], configs: [], metrics, summaries };
}
