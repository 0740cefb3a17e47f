/**
 * Quadrant as a user gets it: `npm pack`, then `npm install` of the tarball into an empty
 * project with no `overrides` (every dependency from the registry), then the CLI through npx,
 * the library from a plain .mjs script and the published types from tsc. Slow (a build and a
 * registry install, about a minute), so it runs in CI (CI=true) or with QUADRANT_PACKAGE_TEST=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from '../cli/run-cli.ts';
import { Chromium, findChromium } from '../reports/chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const enabled = process.env.CI === 'true' || process.env.QUADRANT_PACKAGE_TEST === '1';
const ownVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let work = '';
let project = '';
let packed: string[] = [];

function sh(cmd: string, args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  // No TZ or QUADRANT_* from the test run: the installed CLI sets its own defaults.
  const env = { ...process.env, TZ: undefined, QUADRANT_DATA: undefined, QUADRANT_COMPILED: undefined, npm_config_loglevel: 'error' };
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// The library as the README's example uses it: the article playbook from the first labelled day, 5 bps, as `quadrant run` does.
const PLAYBOOK_SCRIPT = `
import { openDataset, buildRoles, marketFromRoles, computeRegimes, resolveRegimeConfig, articleStrategy, runStrategy, resultMetrics } from 'quadrant';

const { panel } = await openDataset(process.argv[2]);
const market = marketFromRoles(panel, buildRoles(panel));
const { labels } = computeRegimes(panel, resolveRegimeConfig('article'));
const start = labels.findIndex((q) => q !== 0);
const result = runStrategy(articleStrategy(), { market, labels, panel }, { start, costs: { bps: 5 } });
const dataFrame = await result.toDataFrame().then(() => 'loaded', (err) => err.code);
console.log(JSON.stringify({ sharpe: resultMetrics(result, market, labels).overall.sharpe, days: result.days.length, dataFrame }));
`;

const CONSUMER_TS = `
import { buildRoles, computeRegimes, defineStrategy, limitWeight, marketFromRoles, openDataset, rebalanceOn, resolveRegimeConfig, resultMetrics, runStrategy, weighByQuadrant, whenRegimeKnown, type BacktestResult, type Metrics, type QuadrantTable } from 'quadrant';

const table: QuadrantTable = { Q1: { us_large: 1 }, Q2: { us_large: 0.5, treasuries: 0.5 }, Q3: { gold: 1 }, Q4: { cash: 1 } };
const mine = defineStrategy({ name: 'mine', steps: [whenRegimeKnown(), weighByQuadrant(table), limitWeight(0.6), rebalanceOn('monthly')] });

export async function sharpe(dir: string): Promise<number> {
  const { panel } = await openDataset(dir);
  const market = marketFromRoles(panel, buildRoles(panel));
  const { labels } = computeRegimes(panel, resolveRegimeConfig('rates'));
  const result: BacktestResult = runStrategy(mine, { market, labels, panel }, { costs: { bps: 5 } });
  const nav: Float64Array = result.nav;
  // @ts-expect-error a NAV is numbers; were the published types to decay to any, this line would not be an error and tsc would fail
  const wrong: string = result.nav;
  const overall: Metrics = resultMetrics(result, market, labels).overall;
  return overall.sharpe + nav.length * 0 + wrong.length * 0;
}
`;

describe.skipIf(!enabled)('the packed package, installed from the registry alone', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'quadrant-package-'));
    project = join(work, 'project');
    const pack = sh('npm', ['pack', '--json', '--pack-destination', work], ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
    packed = info.files.map((f) => f.path);
    execFileSync('mkdir', ['-p', project]);
    // A fresh project: no overrides, nothing but the tarball and Node's types for the tsc check.
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
    const install = sh('npm', ['install', '--no-audit', '--no-fund', join(work, info.filename), '@types/node@20'], project);
    expect(install.code, install.stderr).toBe(0);
  }, 600_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the compiled code, its types and the CLI, and no tests, benchmarks, fixtures or TypeScript sources', () => {
    expect(packed).toEqual(expect.arrayContaining(['bin/quadrant.mjs', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'package.json', 'README.md']));
    expect(packed.filter((p) => /^(test|bench|\.ci)\//.test(p) || /fixtures/.test(p))).toEqual([]);
    expect(packed.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    // danfojs-node is an optional peer: not installed, and nothing else pulled in xlsx from outside the registry.
    expect(existsSync(join(project, 'node_modules', 'danfojs-node'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'xlsx'))).toBe(false);
  });

  it('runs `npx quadrant --help`', () => {
    const r = sh('npx', ['quadrant', '--help'], project);
    expect(r.code, r.stderr).toBe(0);
    for (const command of ['data', 'regimes', 'signals', 'validate', 'compare', 'run', 'sweep', 'report']) expect(r.stdout).toContain(`quadrant ${command}`);
  });

  it('runs `npx quadrant regimes --data` with the same output as the sources in this checkout', () => {
    // --verbose: every episode, 2022 included (the terminal default shows the last 12).
    const installed = sh('npx', ['quadrant', 'regimes', '--data', SNAPSHOT, '--verbose'], project);
    expect(installed.code, installed.stderr).toBe(0);
    const checkout = runCli(['regimes', '--data', SNAPSHOT, '--verbose']);
    expect(checkout.code, checkout.stderr).toBe(0);
    expect(installed.stdout).toBe(checkout.stdout);
    expect(installed.stdout).toMatch(/^Q4 +2022-0\d-\d\d +2022-1\d-\d\d/m); // the README: most of 2022 is labelled Q4
  });

  it("imports the library from a plain .mjs script: the article playbook's Sharpe equals `quadrant run`'s, and toDataFrame names its missing dependency", () => {
    writeFileSync(join(project, 'playbook.mjs'), PLAYBOOK_SCRIPT);
    const script = sh('node', ['playbook.mjs', SNAPSHOT], project);
    expect(script.code, script.stderr).toBe(0);
    const lib = JSON.parse(script.stdout) as { sharpe: number; days: number; dataFrame: string };
    const run = sh('npx', ['quadrant', 'run', '--data', SNAPSHOT, '--run-dir', 'run', '--quiet'], project);
    expect(run.code, run.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(join(project, 'run', 'metrics.json'), 'utf8')) as { runs: Record<string, { overall: { sharpe: number } }> };
    expect(lib.sharpe).toBe(metrics.runs.article.overall.sharpe);
    expect(lib.sharpe).toBeGreaterThan(0.3); // the README's "Sharpe of 0.36" on this snapshot
    expect(lib.sharpe).toBeLessThan(0.42);
    expect(lib.dataFrame).toBe('missing-dependency');
    // The installed copy knows its version and that it is not a git checkout.
    const manifest = JSON.parse(readFileSync(join(project, 'run', 'manifest.json'), 'utf8')) as { quadrant: { version: string; commit?: string } };
    expect(manifest.quadrant).toEqual({ version: ownVersion });
  });

  it("draws the what-if panel from the bundle `npm run build` shipped (no esbuild installed), and the page replays the run's Sharpe", async () => {
    const run = sh('npx', ['quadrant', 'run', '--data', SNAPSHOT, '--out', 'what-if-run', '--report', 'html', '--quiet'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(project, 'node_modules', 'esbuild'))).toBe(false);
    const html = readFileSync(join(project, 'what-if-run', 'report.html'), 'utf8');
    const bundle = readFileSync(join(project, 'node_modules', 'quadrant', 'dist', 'reports', 'what-if', 'what-if.bundle.js'), 'utf8');
    expect(html).toContain('id="what-if-data"');
    expect(html).toContain(`<script>${bundle}</script>`);
    const binary = findChromium();
    if (!binary) return;
    const browser = await Chromium.launch(binary);
    try {
      const page = await browser.open(join(project, 'what-if-run', 'report.html'));
      const metrics = JSON.parse(readFileSync(join(project, 'what-if-run', 'metrics.json'), 'utf8')) as {
        runs: Record<string, { overall: { sharpe: number } }>;
      };
      const sharpe = await page.evaluate<number>(`Number(document.querySelector('td[data-wi-metric="sharpe"][data-which="original"]').dataset.value)`);
      expect(Math.abs(sharpe - metrics.runs.article.overall.sharpe)).toBeLessThanOrEqual(1e-9);
      expect(page.problems()).toEqual([]);
      expect(page.foreignRequests()).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('type-checks a consumer .ts file against the published types with tsc', () => {
    writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
    const tsconfig = {
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      files: ['consumer.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = sh(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });
});
