import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUADRANT_BANDS } from '../../../reports/charts/palette.ts';
import { renderReport } from '../../../reports/render/index.ts';
import { makeModel } from '../fixtures.ts';

const POPPLER = ['pdftoppm', 'pdftotext', 'pdfinfo'].every((bin) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, bin))));
if (!POPPLER && !process.env.CI)
  console.warn('skipping PDF page tests: poppler-utils (pdftoppm, pdftotext, pdfinfo) not installed; run .ci/install-browser.sh');

const run = (bin: string, args: string[]) => execFileSync(bin, args, { encoding: 'utf8' });

/** Pixels of a binary PPM (P6) as [r, g, b] triples. */
function ppmPixels(path: string): Uint8Array {
  const buf = readFileSync(path);
  // Header: P6 <w> <h> <max> then one whitespace byte.
  let fields = 0;
  let i = 0;
  while (fields < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    while (!/\s/.test(String.fromCharCode(buf[i]))) i++;
    fields++;
  }
  return buf.subarray(i + 1);
}

describe.skipIf(!POPPLER && !process.env.CI)('PDF report (pdftoppm, pdftotext)', () => {
  let dir: string;
  let pdf: string;
  let pages: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quadrant-pdf-'));
    const out = await renderReport(makeModel(), { formats: ['pdf'], outDir: dir });
    pdf = out.files[0].path;
    pages = out.pdfPages!;
  });

  it('has the page count it reports, page by page', () => {
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1])).toBe(pages);
    run('pdftoppm', ['-r', '20', '-png', pdf, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))).toHaveLength(pages);
    // Sections flow on from page to page (pdf-packing.test.ts); six sections with six charts fill more than one.
    expect(pages).toBeGreaterThan(1);
    for (let k = 1; k <= pages; k++) expect(run('pdftotext', ['-f', String(k), '-l', String(k), pdf, '-'])).toContain(`Page ${k} of ${pages}`);
  });

  it('lists each section in the contents with the page it starts on', () => {
    const first = run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']);
    for (const title of ['Regime timeline', 'Claims scorecard']) {
      const m = new RegExp(`\\d+\\. ${title}\\s+(\\d+)`).exec(first);
      expect(m, title).not.toBeNull();
      const page = Number(m![1]);
      expect(run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']).split('\n')).toContain(title);
    }
  });

  it('writes the scorecard as text, tones and all', () => {
    const text = run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toMatch(/C1 broad rally\s+3\.7%\s+supported/);
    expect(text).toMatch(/C4 non-US beats US\s+-15\.5%\s+contradicted/);
    // The hostile string is plain text in a PDF.
    expect(text).toContain(`<script>alert("x")</script> & 'quotes'`);
  });

  it('shades regimes with the four opaque tints (no translucent overlap turning solid)', () => {
    const text = (k: number) => run('pdftotext', ['-f', String(k), '-l', String(k), pdf, '-']);
    let page = 1;
    while (page <= pages && !text(page).startsWith('Regime timeline')) page++;
    run('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), pdf, join(dir, 'timeline')]);
    const file = readdirSync(dir).find((f) => f.startsWith('timeline') && f.endsWith('.ppm'))!;
    const px = ppmPixels(join(dir, file));
    for (const hex of QUADRANT_BANDS.slice(1)) {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i + 2 < px.length; i += 3) if (Math.abs(px[i] - r) <= 3 && Math.abs(px[i + 1] - g) <= 3 && Math.abs(px[i + 2] - b) <= 3) count++;
      expect(count, hex).toBeGreaterThan(200);
    }
  });

  it('renders the same model to the same bytes', async () => {
    const again = mkdtempSync(join(tmpdir(), 'quadrant-pdf-'));
    await renderReport(makeModel(), { formats: ['pdf'], outDir: again });
    expect(readFileSync(join(again, 'report.pdf')).equals(readFileSync(pdf))).toBe(true);
  });
});
