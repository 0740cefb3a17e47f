import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseShard } from '../../strategies/robustness/shards.ts';

const DIR = join(import.meta.dirname, '..', '..', 'deploy', 'kubernetes');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const field = (text: string, name: string) => /^\s*(\S+)/.exec(text.split(new RegExp(`^\\s*${name}:`, 'm'))[1] ?? '')?.[1];
// The args list, on the key's line or (when long) on the next.
const args = (text: string) => JSON.parse(/^\s*args:\s*(\[.*\])$/m.exec(text)![1]) as string[];

describe('the Kubernetes Indexed Job of deploy/kubernetes', () => {
  const shards = read('sweep-shards.yaml');
  const merge = read('sweep-merge.yaml');

  it('is Indexed, with as many completions as QUADRANT_SHARD_COUNT, each pod its own shard', () => {
    expect(field(shards, 'completionMode')).toBe('Indexed');
    const completions = Number(field(shards, 'completions'));
    const count = /name: QUADRANT_SHARD_COUNT\s+value: "(\d+)"/.exec(shards)?.[1];
    expect(count).toBe(String(completions));
    // The last pod's index maps onto the last shard (what --shard auto reads in the pod).
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: String(completions - 1), QUADRANT_SHARD_COUNT: count })).toEqual({
      index: completions - 1,
      count: completions,
    });
    const a = args(shards);
    expect(a.slice(0, 1)).toEqual(['sweep']);
    expect(a[a.indexOf('--shard') + 1]).toBe('auto');
  });

  it('merges the directory the shards write to, on the same data', () => {
    const s = args(shards);
    const m = args(merge);
    expect(m.slice(0, 2)).toEqual(['sweep', 'merge']);
    expect(m[2]).toBe(s[s.indexOf('--shard-dir') + 1]);
    expect(m[m.indexOf('--data') + 1]).toBe(s[s.indexOf('--data') + 1]);
    expect(field(merge, 'claimName')).toBe(field(shards, 'claimName'));
  });
});
