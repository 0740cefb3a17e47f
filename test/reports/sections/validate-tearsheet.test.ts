import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPanel, buildRoles, loadDataset } from '../../../datasets/index.ts';
import { computeRegimes } from '../../../engine/regimes/index.ts';
import type { RunMetricsFile } from '../../../engine/run-bundle/index.ts';
import type { ChartBlock, ReportBlock, TableBlock } from '../../../reports/model.ts';
import { buildReportFromInputs } from '../../../reports/sections/report-from-inputs.ts';
import { runCli } from '../../cli/run-cli.ts';

const SNAPSHOT = process.env.QUADRANT_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets');

// The validate report's tearsheet is built in process; `quadrant run --out` writes the same runs'
// tearsheets to metrics.json through the run bundle. The two must agree number for number.
describe('the validate report carries the run tearsheet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-validate-tearsheet-'));
  const run = runCli(['run', '--data', SNAPSHOT, '--out', dir, '--quiet']);
  const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as RunMetricsFile;
  const dataset = loadDataset(SNAPSHOT);
  const panel = buildPanel(dataset);
  const model = buildReportFromInputs(
    { dataset, panel, roles: buildRoles(panel), regimes: computeRegimes(panel) },
    { createdAt: '2026-01-01T00:00:00Z', playbook: { withoutControl: true } },
  );
  const blocks = model.sections.performance!.blocks;
  const table = (id: string) => blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === id)!;
  const chart = (id: string) => blocks.find((b): b is ChartBlock => b.kind === 'chart' && b.id === id);

  it('has every tearsheet part, once', () => {
    expect(run.code).toBe(0);
    const ids = blocks.map((b: ReportBlock) => ('id' in b ? b.id : undefined)).filter(Boolean);
    for (const id of [
      'strategy-weights',
      'strategy-monthly-returns',
      'strategy-worst-drawdowns',
      'strategy-return-histogram',
      'strategy-rolling-volatility',
      'strategy-rolling-beta',
      'strategy-against-us-large',
      'strategy-against-60-40',
      'strategy-risk',
      'strategy-trailing',
    ])
      expect(ids.filter((x) => x === id)).toHaveLength(1);
    expect(chart('strategy-weights')).toBeDefined();
  });

  it("the worst drawdowns, relative figures, VaR and trailing returns are metrics.json's", () => {
    const article = metrics.runs.article.tearsheet!;
    const dd = table('strategy-worst-drawdowns').rows;
    expect(dd.map((r) => r.cells.slice(1, 4))).toEqual(article.worstDrawdowns.map((d) => [d.depth === null ? null : -d.depth, d.start, d.trough]));
    for (const ref of ['us-large', '60-40']) {
      const rows = table(`strategy-against-${ref}`).rows;
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        const rel = metrics.runs[row.key!].tearsheet!.against[ref];
        const want = [rel.alpha, rel.beta, rel.informationRatio, rel.trackingError, rel.upCapture, rel.downCapture];
        (row.cells.slice(1) as number[]).forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 12));
      }
    }
    for (const row of table('strategy-risk').rows) {
      const s = metrics.runs[row.key!].tearsheet!;
      expect(row.cells[1]).toBeCloseTo(s.valueAtRisk95!, 12);
      expect(row.cells[2]).toBeCloseTo(s.conditionalValueAtRisk95!, 12);
    }
    for (const row of table('strategy-trailing').rows) {
      const t = metrics.runs[row.key!].tearsheet!.trailingReturns;
      expect(row.cells.slice(1)).toEqual(['1y', '3y', '5y', '10y'].map((h) => (t[h] === null ? null : expect.closeTo(t[h]!, 12))));
    }
  });
});
