/**
 * The what-if panel's recomputation in the browser, against the target of 50 ms for the
 * full history: the article playbook's panel on the real snapshot (from the first label to the
 * last day), rendered as the report renders it, opened in headless Chromium, and the cost edited
 * 21 times after 3 untimed edits. Timed inside the page (the panel's `data-ms`): one whole
 * update, reading the inputs, the replay and metrics (engine code, bundled), the metrics table
 * and both charts (the median; the fastest beside it). The replay and metrics alone are printed
 * beside (replay_ms). The page holds the panel alone, so the figure leaves out the browser's
 * layout of the rest of the report, which runs after the update and outside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchFigure } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';
import { openDataset } from '../datasets/open-dataset.ts';
import { buildRoles } from '../datasets/roles.ts';
import { marketFromRoles } from '../engine/backtest/market.ts';
import { computeRegimes, resolveRegimeConfig } from '../engine/regimes/index.ts';
import { articleStrategy } from '../strategies/article.ts';
import { runStrategy } from '../strategies/run-strategy.ts';
import { whatIfBlocks } from '../reports/sections/what-if-section.ts';
import { renderReport } from '../reports/render/index.ts';
import { Chromium, findChromium } from '../test/reports/chromium.ts';

async function timeInPage(): Promise<BenchFigure> {
  const binary = findChromium();
  if (!binary) return { value: Number.NaN, context: { skipped: 'no chromium binary (run .ci/install-browser.sh)' } };
  const { panel } = await openDataset(SNAPSHOT_DIR);
  const market = marketFromRoles(panel, buildRoles(panel));
  const { labels } = computeRegimes(panel, resolveRegimeConfig('article'));
  const start = labels.findIndex((q) => q !== 0);
  const strategy = articleStrategy();
  const result = runStrategy(strategy, { market, labels, panel }, { start, costs: { bps: 5 } });
  const blocks = whatIfBlocks({ strategy, market, labels, panel, execution: 'next-close', result });
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-what-if-'));
  const browser = await Chromium.launch(binary);
  try {
    const out = await renderReport(
      {
        schema: 'quadrant.report/1',
        title: 'what-if',
        createdAt: '2026-09-15T00:00:00Z',
        config: [],
        sections: { performance: { title: 'Performance', blocks } },
      },
      { formats: ['html'], outDir: dir },
    );
    const page = await browser.open(out.files[0].path, { width: 1440, height: 900 });
    const times = await page.evaluate<{ update: number[]; replay: number[] }>(`(() => {
      const panel = document.getElementById('what-if');
      const cost = document.getElementById('wi-cost');
      const update = [], replay = [];
      for (let i = 0; i < 24; i++) {
        cost.value = String(5 + (i % 7));
        cost.dispatchEvent(new Event('input', { bubbles: true }));
        if (i >= 3) { update.push(Number(panel.dataset.ms)); replay.push(Number(panel.dataset.replayMs)); }
      }
      return { update, replay };
    })()`);
    if (page.problems().length || page.foreignRequests().length)
      throw new Error(`the what-if page logged problems or made requests: ${JSON.stringify(page.problems())}`);
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      value: median(times.update),
      context: { fastest_ms: Math.min(...times.update), replay_ms: median(times.replay), days: result.days.length, edits: times.update.length },
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const benchmarks: Benchmark[] = [{ name: 'what-if: recompute full history in the browser', unit: 'ms', target: 50, run: timeInPage }];

export default benchmarks;
