/**
 * The what-if panel in the HTML file: its data block cannot close its element whatever the
 * strategy and row names hold, the Content-Security-Policy allows exactly the page's two inline
 * scripts by their sha256 (recomputed here with node:crypto), the bundle holds no eval, no
 * import and no `</script`, and the PDF says in one line where the panel is.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../datasets/catalog.ts';
import type { ReportModel } from '../../../reports/model.ts';
import { renderReport } from '../../../reports/render/index.ts';
import { whatIfData } from '../../../reports/what-if/what-if-data.ts';
import { whatIfScript } from '../../../reports/what-if/what-if-bundle.ts';
import { articleStrategy } from '../../../strategies/article.ts';
import { runStrategy } from '../../../strategies/run-strategy.ts';
import { makeMarket } from '../../engine/backtest/builders.ts';

const HOSTILE = '</script><script>alert(1)</script><!--';

function model(): ReportModel {
  const roles: Role[] = ['us_large', 'gold', 'cash'];
  const returns = Array.from({ length: 80 }, (_, t) => [Math.sin(t) * 0.01, Math.cos(t) * 0.01, 0.0001]);
  const market = makeMarket(returns, roles);
  const labels = Uint8Array.from({ length: 80 }, (_, t) => (t < 5 ? 0 : 1 + (Math.floor(t / 20) % 4)));
  const strategy = articleStrategy({ Q1: { us_large: 1 }, Q2: { gold: 1 }, Q3: { us_large: 0.5, gold: 0.5 }, Q4: { cash: 1 } });
  const result = runStrategy(strategy, { market, labels }, { costs: { bps: 5 } });
  const made = whatIfData({ strategy, market, labels, execution: 'next-close', result });
  if (!('data' in made)) throw new Error(made.omitted);
  const data = { ...made.data, strategy: HOSTILE, rowNames: made.data.rowNames.map((n) => `${n} ${HOSTILE}`) };
  return {
    schema: 'quadrant.report/1',
    title: 'what-if',
    createdAt: '2026-01-01T00:00:00Z',
    config: [],
    sections: { performance: { title: 'Performance', blocks: [{ kind: 'what-if', data }] } },
  };
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the what-if panel in the report files', () => {
  it('escapes every name, and the CSP allows exactly the two inline scripts by hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-what-if-html-'));
    const m = model();
    await renderReport(m, { formats: ['html', 'pdf'], outDir: dir });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<!--');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((x) => x[1]);
    expect(scripts).toHaveLength(2);
    const csp = html.match(/content="(default-src 'none';[^"]*)"/)![1];
    expect(csp.match(/script-src ([^;]*);/)![1]).toBe(scripts.map(sha).join(' '));
    expect(scripts[1]).toBe(await whatIfScript());
    // The data block parses back to the model's data (names included) and is the only other <script>.
    const block = html.match(/<script type="application\/json" id="what-if-data">([\s\S]*?)<\/script>/)![1];
    const sections = m.sections.performance!.blocks[0];
    expect(JSON.parse(block)).toEqual(sections.kind === 'what-if' ? sections.data : null);
    expect(html.match(/<script/g)).toHaveLength(3);
  });

  it('bundles the engine code with no eval, no import and nothing that closes its element', async () => {
    const js = await whatIfScript();
    expect(js).not.toMatch(/\beval\(|new Function|\bimport\(|require\(|<\/script/i);
    // The engine's own code is in it: the replay's look-ahead warning and the rule parser's message.
    expect(js.includes('LOOK-AHEAD-PRONE') && js.includes('bad rebalance rule')).toBe(true);
  });
});
