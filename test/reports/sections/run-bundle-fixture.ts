import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small run bundle as `quadrant run --out` writes it: two runs (article, us-large) over three
 * days of January 2024; `overrides` replace a file's text, or delete it with null.
 */
export function writeBundle(dir: string, overrides: Partial<Record<'manifest.json' | 'metrics.json' | 'nav.csv' | 'benchmarks.csv', string | null>> = {}): string {
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
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
    }),
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
  };
  for (const [name, text] of Object.entries({ ...files, ...overrides })) if (text !== null) writeFileSync(join(dir, name), text);
  return dir;
}
