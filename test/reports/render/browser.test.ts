import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../reports/model.ts';
import { renderReport } from '../../../reports/render/index.ts';
import { Chromium, findChromium, type Page } from '../chromium.ts';
import { MODEL_CHARTS, makeModel } from '../fixtures.ts';

const binary = findChromium();
if (!binary && !process.env.CI) console.warn('skipping browser tests: no chromium binary (apt-get install chromium, or run .ci/install-browser.sh)');

describe.skipIf(!binary && !process.env.CI)('HTML report in headless Chromium', () => {
  let browser: Chromium;
  let model: ReportModel;
  let laptop: Page;
  let phone: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-html-'));
    model = makeModel();
    const out = await renderReport(model, { formats: ['html'], outDir: dir });
    browser = await Chromium.launch(binary);
    laptop = await browser.open(out.files[0].path, { width: 1280, height: 900 });
    phone = await browser.open(out.files[0].path, { width: 390, height: 844, mobile: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens offline with no console error and no network request', async () => {
    for (const page of [laptop, phone]) {
      expect(page.problems()).toEqual([]);
      expect(page.foreignRequests()).toEqual([]);
      expect(await page.evaluate<string>('document.title')).toBe(model.title);
    }
  });

  it('catches a page that does make requests or log errors (the detectors can fail)', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'quadrant-html-')), 'bad.html');
    writeFileSync(bad, '<!doctype html><title>bad</title><img src="http://example.invalid/x.png"><script>console.error("boom")</script>');
    const page = await browser.open(bad);
    expect(page.foreignRequests()).toEqual(['http://example.invalid/x.png']);
    expect(page.problems().some((m) => m.text === 'boom')).toBe(true);
  });

  it('shows every chart (wide on a laptop, narrow on a phone) and nothing overflows the phone screen', async () => {
    const visible = `[...document.querySelectorAll('figure.chart svg')].filter((s) => s.getBoundingClientRect().width > 0)`;
    expect(await laptop.evaluate<number>(`document.querySelectorAll('figure.chart').length`)).toBe(MODEL_CHARTS);
    expect(await laptop.evaluate<number>(`${visible}.length`)).toBe(MODEL_CHARTS);
    expect(await laptop.evaluate<number>(`${visible}.filter((s) => s.closest('.v-wide')).length`)).toBe(MODEL_CHARTS);
    expect(await phone.evaluate<number>(`${visible}.filter((s) => s.closest('.v-compact')).length`)).toBe(MODEL_CHARTS);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(phone.problems()).toEqual([]);
  });

  it('shows the headline numbers of the model', async () => {
    const cells = await laptop.evaluate<{ metric: string; portfolio: string; value: string | null; text: string }[]>(
      `[...document.querySelectorAll('td[data-metric]')].map((td) => ({ metric: td.dataset.metric, portfolio: td.dataset.portfolio, value: td.dataset.value ?? null, text: td.textContent }))`,
    );
    const hl = model.headline!;
    const expected = hl.portfolios.flatMap((p) =>
      hl.metrics.map((m, j) => ({ metric: m.key, portfolio: p.key, value: p.values[j] === null ? null : String(p.values[j]) })),
    );
    expect(cells.map(({ metric, portfolio, value }) => ({ metric, portfolio, value }))).toEqual(expected);
    // Written as the format says (worked by hand: 0.0812345 → 8.1%, 0.61234 → 0.61).
    expect(cells.map((c) => c.text)).toEqual(['8.1%', '0.61', '10.5%', '–']);
  });

  it('shows a value tooltip when the pointer rests on a chart', async () => {
    const page = laptop;
    const box = await page.evaluate<{ x: number; y: number }>(`(() => {
      const target = document.querySelector('#chart-lines .v-wide .hover_marks path');
      target.scrollIntoView({ block: 'center' });
      const r = target.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    await page.mouseMove(box.x, box.y);
    const tip = await page.evaluate<{ hidden: boolean; text: string }>(
      `({ hidden: document.getElementById('tip').hidden, text: document.getElementById('tip').textContent })`,
    );
    expect(tip.hidden).toBe(false);
    // The first hover band of the lines chart: its week's last day, then each series.
    expect(tip.text).toMatch(/^2020-01-03\nA <script>alert\("x"\)<\/script> & 'quotes': \d+\.\d\nB: \d+\.\d$/);
    expect(page.problems()).toEqual([]);
  });
});
