import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small run bundle as `quadrant run --run-dir` writes it: two runs (article, us-large) over three
 * days of January 2024; `overrides` replace a file's text, or delete it with null. The manifest
 * records the sha256 of the other files as they end up (unless it is overridden itself).
 */
export function writeBundle(
  dir: string,
  overrides: Partial<Record<'manifest.json' | 'metrics.json' | 'nav.csv' | 'benchmarks.csv', string | null>> = {},
): string {
  const files: Record<string, string> = {
    'metrics.json': JSON.stringify({
      strategy: 'article',
      lookAheadProne: false,
      from: '2024-01-02',
      to: '2024-01-04',
      runs: {
        article: { overall: { cagr: 0.1, sharpe: 0.5, maxDrawdown: 0.2, volatility: null }, byYear: {}, byQuadrant: {} },
        'us-large': { overall: { cagr: 0.2, sharpe: 0.7, maxDrawdown: 0.3, volatility: 0.15 }, byYear: {}, byQuadrant: {} },
      },
    }),
    'nav.csv': 'date,nav\n2024-01-02,1\n2024-01-03,1.1\n2024-01-04,0.30000000000000004\n',
    'benchmarks.csv': 'date,article,us-large\n2024-01-02,1,1\n2024-01-03,1.1,0.9\n2024-01-04,0.30000000000000004,\n',
    'weights.csv': 'date,us_large,cash,financing,turnover,costs\n2024-01-02,1,0,0,0,0\n',
    'trades.csv': 'date,role,instrument,side,amount,fraction,cost\n',
  };
  const final: Record<string, string | null> = { ...files, ...overrides };
  if (overrides['manifest.json'] === undefined) {
    const bundle: Record<string, { sha256: string; bytes: number }> = {};
    for (const name of ['nav.csv', 'weights.csv', 'trades.csv', 'benchmarks.csv', 'metrics.json']) {
      const bytes = Buffer.from(final[name] ?? '');
      bundle[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    }
    final['manifest.json'] = JSON.stringify({ ...MANIFEST, bundle });
  }
  for (const [name, text] of Object.entries(final)) if (text !== null) writeFileSync(join(dir, name), text);
  return dir;
}

const MANIFEST = {
  quadrant: { version: '0.1.0', commit: 'abc' },
  node: 'v20',
  command: ['quadrant', 'run'],
  data: { dir: '/data', files: { WALCL: { file: 'fred/WALCL.csv', sha256: 'x', bytes: 1 } } },
  config: { strategy: 'article', steps: 'a → b', regimes: 'article', from: '2024-01-02', to: '2024-01-04', rebalance: null, seed: 1 },
  runs: [
    { name: 'article', rule: 'monthly', options: { execution: 'next-close', costs: { bps: 5 }, leverage: 1 }, lookAheadProne: false, warnings: [] },
    { name: 'us-large', rule: 'never', options: { execution: 'next-close', costs: { bps: 5 }, leverage: 1 }, lookAheadProne: false, warnings: [] },
  ],
  lookAheadProne: false,
};
