/**
 * Page packing of the real reports: `quadrant run --report` and `quadrant validate --report` on
 * the real snapshot, each PDF measured from the outside (test/reports/pdf-pages.ts: poppler's
 * raster for the lowest inked row above each footer, pdftotext for the lines). Every page is at
 * least half used except the last page of a section; no page ends with a title (the titles read
 * from the HTML report of the same run: section, sub-heading, chart and table titles); the
 * reproducibility appendix takes at most three pages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { POPPLER, pageFills, sectionEndPages, type PageFill } from '../reports/pdf-pages.ts';
import { runCli } from './run-cli.ts';

/** Letters and digits only: the PDF writes some characters differently (WinAnsi stand-ins). */
const norm = (s: string) => s.replace(/&[a-z#0-9]+;/g, ' ').replace(/[^A-Za-z0-9]+/g, '');

/** Titles in the HTML report: section titles, sub-headings, chart titles, table captions. */
function htmlTitles(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/<(h2|h3|figcaption|caption)[^>]*>([\s\S]*?)<\/\1>/g)) out.add(norm(m[2].replace(/<[^>]+>/g, '')));
  out.delete('');
  return out;
}

describe.skipIf(!POPPLER && !process.env.CI)('page packing of the real reports (poppler)', () => {
  let root: string;
  const reports = new Map<string, { pdf: string; fills: PageFill[]; ends: Set<number>; titles: Set<string> }>();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'quadrant-packing-cli-'));
    const commands: [string, string[]][] = [
      ['run', ['run', '--data', SNAPSHOT, '--out', join(root, 'run'), '--report', 'html,pdf', '--quiet']],
      ['validate', ['validate', '--data', SNAPSHOT, '--report', 'html,pdf', '--report-dir', join(root, 'validate'), '--quiet']],
    ];
    for (const [name, args] of commands) {
      const out = runCli(args, {}, 600_000);
      if (out.code !== 0) throw new Error(`${name}: exit ${out.code}: ${out.stderr}`);
      const pdf = join(root, name, 'report.pdf');
      const fills = pageFills(pdf);
      reports.set(name, { pdf, fills, ends: sectionEndPages(pdf, fills), titles: htmlTitles(readFileSync(join(root, name, 'report.html'), 'utf8')) });
    }
  }, 1_200_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const name of ['run', 'validate']) {
    describe(`quadrant ${name} --report pdf`, () => {
      it('uses at least half of every page but the last page of a section', () => {
        const { fills, ends } = reports.get(name)!;
        const bad = fills.filter((f) => f.fill < 0.5 && !ends.has(f.page)).map((f) => `page ${f.page}: ${(f.fill * 100).toFixed(0)}%`);
        expect(bad).toEqual([]);
      });

      it('ends no page with a title', () => {
        const { fills, titles } = reports.get(name)!;
        expect(titles.size).toBeGreaterThan(20);
        const orphans = fills.slice(0, -1).filter((f) => titles.has(norm(f.lastLine)));
        expect(orphans.map((f) => `page ${f.page}: ${f.lastLine}`)).toEqual([]);
      });

      it('keeps the reproducibility appendix to at most three pages', () => {
        const { fills } = reports.get(name)!;
        const start = fills.find((f) => f.footer.includes('Appendix: reproducibility'))!.page;
        expect(fills.length - start + 1).toBeLessThanOrEqual(3);
      });
    });
  }
});
