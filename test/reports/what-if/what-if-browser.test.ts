/**
 * The what-if panel as a reader uses it: `quadrant run --report html` on the real snapshot,
 * the report opened offline in headless Chromium, the weight table, cost and rule edited, and
 * the Sharpe ratio the page recomputes held to the one `quadrant run` computes for the same
 * table written as a strategy file (an independent process replaying from the data files).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../../builders.ts';
import { runCli } from '../../cli/run-cli.ts';
import { Chromium, findChromium, type Page } from '../chromium.ts';

const chromium = findChromium();
const canBrowse = !!chromium || !!process.env.CI;
if (!canBrowse) console.warn('skipping what-if browser checks: no chromium binary (run .ci/install-browser.sh)');

type Metrics = { runs: Record<string, { overall: { sharpe: number; cagr: number } }> };

/** The panel's columns (quadrant order) by role, in percent, as the test edits them. */
const EDITS: Record<string, Record<string, number>> = {
  Q1: { us_large: 40, us_small: 10, non_us_developed: 20, emerging: 15, commodities: 15 },
  'Q2, risk appetite falling': { us_large: 50, us_small: 30, treasuries: 20 },
  'Q2, risk appetite steady': { us_large: 50, us_small: 30, treasuries: 20 },
  Q4: { cash: 100 },
};
const EDITED_COST = 12;
const EDITED_RULE = 'regime+quarterly';

/** Sets an input as a reader would (its value, then an input event) and returns the page's update count. */
function typeInto(selector: string, value: string): string {
  return `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); return document.getElementById('what-if').dataset.updates; })()`;
}

const cell = (metric: string, which: string) => `Number(document.querySelector('td[data-wi-metric="${metric}"][data-which="${which}"]').dataset.value)`;

describe.skipIf(!canBrowse)('the what-if panel in headless Chromium (real snapshot)', () => {
  let root: string;
  let browser: Chromium;
  let laptop: Page;
  let phone: Page;
  let metrics: Metrics;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'quadrant-what-if-'));
    const run = runCli(['run', '--data', SNAPSHOT, '--out', join(root, 'run'), '--report', 'html', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    metrics = JSON.parse(readFileSync(join(root, 'run', 'metrics.json'), 'utf8')) as Metrics;
    browser = await Chromium.launch(chromium);
    laptop = await browser.open(join(root, 'run', 'report.html'), { width: 1440, height: 900 });
    phone = await browser.open(join(root, 'run', 'report.html'), { width: 390, height: 844, mobile: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("replays the unedited playbook to the report's own headline Sharpe and metrics.json's", async () => {
    const headline = await laptop.evaluate<number>(`Number(document.querySelector('td[data-metric="sharpe"][data-portfolio="article"]').dataset.value)`);
    for (const page of [laptop, phone]) {
      const original = await page.evaluate<number>(cell('sharpe', 'original'));
      expect(Math.abs(original - headline)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(original - metrics.runs.article.overall.sharpe)).toBeLessThanOrEqual(1e-9);
      expect(await page.evaluate<number>(cell('sharpe', 'edited'))).toBe(original);
      expect(Math.abs((await page.evaluate<number>(cell('cagr', 'original'))) - metrics.runs.article.overall.cagr)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('recomputes the Sharpe of an edited table, cost and rule exactly as `quadrant run` does with that table in a strategy file', async () => {
    const columns = await laptop.evaluate<string[]>(`[...document.querySelectorAll('.wi-weights thead th')].slice(1).map((th) => th.textContent)`);
    const roles = await laptop.evaluate<string[]>(`JSON.parse(document.getElementById('what-if-data').textContent).roles`);
    const original = await laptop.evaluate<number[][]>(`JSON.parse(document.getElementById('what-if-data').textContent).original.rows`);
    expect(columns).toEqual(['Q1', 'Q2, risk appetite falling', 'Q2, risk appetite steady', 'Q3', 'Q4']);
    const before = Number(await laptop.evaluate<string>(`document.getElementById('what-if').dataset.updates`));
    let edits = 0;
    for (const [column, weights] of Object.entries(EDITS)) {
      const j = columns.indexOf(column);
      for (let k = 0; k < roles.length; k++) {
        await laptop.evaluate(typeInto(`input[data-col="${j}"][data-role="${k}"]`, String(weights[roles[k]] ?? 0)));
        edits++;
      }
    }
    await laptop.evaluate(typeInto('#wi-cost', String(EDITED_COST)));
    const after = await laptop.evaluate(typeInto('#wi-rule', EDITED_RULE));
    expect(Number(after)).toBe(before + edits + 2); // one recomputation per edit, at once
    expect(await laptop.evaluate<string>(`document.querySelector('.wi-status').className`)).not.toContain('bad');
    const edited = await laptop.evaluate<number>(cell('sharpe', 'edited'));

    // The same table as a strategy file: edited columns as the page reads them (percent / 100), Q3 as the run had it.
    const fraction = (weights: Record<string, number>) => Object.fromEntries(Object.entries(weights).map(([role, w]) => [role, w / 100]));
    const q3 = Object.fromEntries(roles.map((role, k) => [role, original[columns.indexOf('Q3')][k]]).filter(([, w]) => w !== 0));
    const spec = {
      name: 'edited',
      rebalance: EDITED_RULE,
      quadrants: { Q1: fraction(EDITS.Q1), Q2: fraction(EDITS['Q2, risk appetite falling']), Q3: q3, Q4: fraction(EDITS.Q4) },
    };
    writeFileSync(join(root, 'edited.json'), JSON.stringify(spec));
    const cli = runCli([
      'run',
      '--data',
      SNAPSHOT,
      '--strategy',
      join(root, 'edited.json'),
      '--cost-bps',
      String(EDITED_COST),
      '--out',
      join(root, 'edited'),
      '--quiet',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = (JSON.parse(readFileSync(join(root, 'edited', 'metrics.json'), 'utf8')) as Metrics).runs.edited.overall.sharpe;
    expect(Math.abs(edited - expected)).toBeLessThanOrEqual(1e-9);
    // The edit matters: the edited Sharpe is not the original's.
    expect(Math.abs(edited - metrics.runs.article.overall.sharpe)).toBeGreaterThan(1e-3);
    expect(laptop.foreignRequests()).toEqual([]);
    expect(laptop.problems()).toEqual([]);
  });

  it('says when a column does not sum to 100% and keeps the last valid curve; the reset brings the original back', async () => {
    const last = await laptop.evaluate<number>(cell('sharpe', 'edited'));
    await laptop.evaluate(typeInto('input[data-col="0"][data-role="0"]', '55'));
    expect(await laptop.evaluate<string>(`document.querySelector('td[data-sum="0"]').textContent`)).toBe('115%');
    expect(await laptop.evaluate<string>(`document.querySelector('.wi-status').textContent`)).toContain('Q1 sums to 115%');
    expect(await laptop.evaluate<number>(cell('sharpe', 'edited'))).toBe(last);
    await laptop.evaluate(typeInto('#wi-rule', 'fortnightly'));
    expect(await laptop.evaluate<string>(`document.querySelector('.wi-status').className`)).toContain('bad');
    await laptop.evaluate(`document.getElementById('wi-reset').click()`);
    expect(await laptop.evaluate<number>(cell('sharpe', 'edited'))).toBe(await laptop.evaluate<number>(cell('sharpe', 'original')));
    expect(laptop.foreignRequests()).toEqual([]);
  });

  it("reads out the day's values of both curves under the pointer", async () => {
    const box = await laptop.evaluate<{ x: number; y: number }>(
      `(() => { const s = document.getElementById('wi-equity'); s.scrollIntoView({ block: 'center' }); const r = s.getBoundingClientRect(); return { x: r.left + r.width * 0.6, y: r.top + r.height / 2 }; })()`,
    );
    await laptop.mouseMove(box.x, box.y);
    const text = await laptop.evaluate<string>(`document.querySelector('#wi-equity .wi-cursor text').textContent`);
    expect(text).toMatch(/^20\d\d-\d\d-\d\d · original \$\d+\.\d\d · edited \$\d+\.\d\d$/);
  });

  it('fits a 390 px phone: the table is editable in place, the charts are drawn at the screen width', async () => {
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const inputs = await phone.evaluate<{ left: number; right: number; width: number; height: number }[]>(
      `[...document.querySelectorAll('.wi-weights input')].map((i) => { const r = i.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width, height: r.height }; })`,
    );
    expect(inputs.length).toBe(50);
    for (const r of inputs) {
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(390);
      expect(r.width).toBeGreaterThanOrEqual(40); // a finger-sized target
      expect(r.height).toBeGreaterThanOrEqual(24);
    }
    const svg = await phone.evaluate<{ width: number; paths: number }>(
      `(() => { const s = document.getElementById('wi-equity'); return { width: s.getBoundingClientRect().width, paths: s.querySelectorAll('path').length }; })()`,
    );
    expect(svg.width).toBeGreaterThan(300);
    expect(svg.width).toBeLessThanOrEqual(390);
    expect(svg.paths).toBe(2);
    const before = await phone.evaluate<number>(cell('sharpe', 'edited'));
    await phone.evaluate(typeInto('#wi-cost', '50'));
    expect(await phone.evaluate<number>(cell('sharpe', 'edited'))).toBeLessThan(before); // ten times the cost, a lower Sharpe
    expect(phone.foreignRequests()).toEqual([]);
    expect(phone.problems()).toEqual([]);
  });
});
