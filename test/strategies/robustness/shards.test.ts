import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPanel } from '../../../datasets/panel.ts';
import { loadDataset } from '../../../datasets/load-dataset.ts';
import { buildRoles } from '../../../datasets/roles.ts';
import { ConfigError } from '../../../datasets/errors.ts';
import { parseGrid, runRobustness } from '../../../strategies/robustness/index.ts';
import { checkShards, mergeShards, parseShard, runShard, shardIds, type ShardManifest, type ShardResult } from '../../../strategies/robustness/shards.ts';
import { readShardParquet, shardParquet } from '../../../strategies/robustness/shard-file.ts';
import { configsCsv, robustnessJson } from '../../../cli/commands/sweep.ts';
import { SNAPSHOT } from '../../builders.ts';

const GRID_FILE = join(import.meta.dirname, '..', '..', '..', 'strategies', 'robustness', 'example-grid.json');

describe('shard ids', () => {
  it('contiguous blocks that cover 0 … K − 1 once, for any K and N', () => {
    for (const K of [1, 7, 54, 1000])
      for (const N of [1, 2, 3, 4, 7, 60]) {
        const covered = new Array<number>(K).fill(0);
        for (let i = 0; i < N; i++) {
          const { from, to } = shardIds(K, { index: i, count: N });
          for (let id = from; id < to; id++) covered[id]++;
        }
        expect(covered.every((c) => c === 1)).toBe(true);
      }
  });

  it('I/N and auto from Slurm job arrays or Kubernetes Indexed Jobs', () => {
    expect(parseShard('2/4', {})).toEqual({ index: 2, count: 4 });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '0', QUADRANT_SHARD_COUNT: '8' })).toEqual({ index: 0, count: 8 });
    for (const bad of ['4/4', '-1/4', '1/0', '1', 'a/b', '1/4/2']) expect(() => parseShard(bad, {}), bad).toThrow(ConfigError);
    expect(() => parseShard('auto', {})).toThrow(/SLURM_ARRAY_TASK_ID/);
    expect(() => parseShard('auto', { SLURM_ARRAY_TASK_ID: '1' })).toThrow(/SLURM_ARRAY_TASK_COUNT/);
  });
});

describe('sweep shards on the real snapshot', () => {
  const panel = buildPanel(loadDataset(SNAPSHOT));
  const roles = buildRoles(panel);
  const gridText = readFileSync(GRID_FILE, 'utf8');
  const common = { gridFile: GRID_FILE, gridText, dataSha256: 'd'.repeat(64), version: '0.1.0', permutations: 20, seed: 7, workers: 0 };

  it('3 uneven shards, written to Parquet, read back and merged, give the one-machine CSV and JSON bytes', async () => {
    // The independent route is runRobustness on one machine: every figure, test and table.
    const single = await runRobustness(panel, roles, { grid: parseGrid(JSON.parse(gridText), GRID_FILE), permutations: 20, seed: 7, workers: 0 });
    const shards: ShardResult[] = [];
    const bytes: Uint8Array[] = [];
    // Shards in any order: 2, 0, 1.
    for (const index of [2, 0, 1]) {
      const shard = await runShard(panel, roles, { ...common, shard: { index, count: 3 } });
      const file = await shardParquet(shard);
      bytes.push(file);
      shards.push(await readShardParquet(file, `shard-${index}`));
    }
    expect(shards.map((s) => s.manifest.ids)).toEqual([
      { from: 36, to: 54 },
      { from: 0, to: 18 },
      { from: 18, to: 36 },
    ]);
    const { result } = await mergeShards(panel, roles, shards, (i) => `shard ${i}`, { dataSha256: common.dataSha256, version: '0.1.0', workers: 0 });
    expect(configsCsv(result)).toBe(configsCsv(single));
    expect(robustnessJson(result)).toBe(robustnessJson(single));
    // A rerun of a shard writes the same bytes.
    expect(await shardParquet(await runShard(panel, roles, { ...common, shard: { index: 2, count: 3 } }))).toEqual(bytes[0]);
  }, 120_000);

  it('a merge refuses shards of another grid or data, a missing shard or one twice, naming them', () => {
    const m = (index: number, over: Partial<ShardManifest> = {}): ShardManifest => ({
      format: 'quadrant-sweep-shard/2',
      quadrant: '0.1.0',
      grid: { file: 'g.json', sha256: 'a', text: '{}' },
      data: { sha256: 'b' },
      permutations: 20,
      seed: 7,
      costBps: 5,
      configurations: 10,
      window: { from: '2007-01-01', to: '2026-01-01', days: 100 },
      shard: { index, count: 3 },
      ids: shardIds(10, { index, count: 3 }),
      summary: { width: 30, pboBlocks: 10, years: 4 },
      ...over,
    });
    const where = (i: number) => `file${i}`;
    expect(() => checkShards([m(0), m(1), m(2)], where)).not.toThrow();
    expect(() => checkShards([m(0), m(2)], where)).toThrow(/shard 1 of 3 missing/);
    expect(() => checkShards([m(0), m(1), m(1), m(2)], where)).toThrow(/shard 1 of 3 comes twice: file1 and file2/);
    expect(() => checkShards([m(0), m(1, { grid: { file: 'g.json', sha256: 'other', text: '{}' } }), m(2)], where)).toThrow(/file1: its grid/);
    expect(() => checkShards([m(0), m(1), m(2, { data: { sha256: 'c' } })], where)).toThrow(/file2: its data/);
    expect(() => checkShards([m(0), m(1, { quadrant: '0.2.0' }), m(2)], where)).toThrow(/Quadrant version/);
    expect(() => checkShards([m(0), m(1, { ids: { from: 3, to: 7 } }), m(2)], where)).toThrow(/file1: holds ids 3…6/);
    expect(() => checkShards([m(0), m(1), m(2, { summary: { width: 26, pboBlocks: 8, years: 4 } })], where)).toThrow(/file2: its summary shape/);
  });

  it('reads back the summaries exactly, and refuses a shard of another format naming the file', async () => {
    const manifest = { format: 'quadrant-sweep-shard/2', quadrant: '0.1.0', grid: { file: 'g.json', sha256: 'a', text: '{}' }, data: { sha256: 'b' } } as const;
    const shard: ShardResult = {
      manifest: {
        ...manifest,
        permutations: 0,
        seed: 1,
        costBps: 5,
        configurations: 2,
        window: { from: '2007-01-01', to: '2026-01-01', days: 100 },
        shard: { index: 0, count: 1 },
        ids: { from: 0, to: 2 },
        summary: { width: 4, pboBlocks: 0, years: 1 },
      },
      parameters: [],
      configs: [
        { id: 0, params: {} },
        { id: 1, params: {} },
      ],
      metrics: new Float64Array(18).fill(0.5),
      summaries: Float64Array.of(0.1, -0, Number.MIN_VALUE, 1 / 3, NaN, -1e300, Infinity, 7),
    };
    const back = await readShardParquet(await shardParquet(shard), 'a.parquet');
    expect(back.summaries).toEqual(shard.summaries);
    expect(Object.is(back.summaries[1], -0)).toBe(true);
    const old = await shardParquet({ ...shard, manifest: { ...shard.manifest, format: 'quadrant-sweep-shard/1' as 'quadrant-sweep-shard/2' } });
    await expect(readShardParquet(old, 'old.parquet')).rejects.toMatchObject({
      details: { file: 'old.parquet' },
      message: expect.stringMatching(/quadrant-sweep-shard\/1/),
    });
  });
});
