/**
 * The PDF's page packing, measured from the outside (test/reports/pdf-pages.ts: poppler's
 * raster of each page for the lowest inked row above the footer rule, pdftotext for the lines):
 * every page is at least half used except the last page of a section; no page ends with a
 * title; pages average at least three quarters used; the footer names each page's sections; a
 * compact table folds into side-by-side groups and prints checksums shortened.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { presentSections, type ReportBlock, type ReportModel } from '../../../reports/model.ts';
import { renderReport } from '../../../reports/render/index.ts';
import { pdfText } from '../../../reports/render/pdf-text.ts';
import { makeModel } from '../fixtures.ts';
import { makePackingModel, sentences } from '../packing-fixture.ts';
import { POPPLER, pageFills, sectionEndPages, type PageFill } from '../pdf-pages.ts';

/** Every title in a model: section titles, headings, chart titles, table captions and header rows (as the PDF writes them). */
function titles(model: ReportModel): Set<string> {
  const out = new Set<string>();
  for (const [, section] of presentSections(model)) {
    out.add(section.title);
    for (const b of section.blocks) {
      if (b.kind === 'heading') out.add(b.text);
      if (b.kind === 'chart') out.add(b.title);
      if (b.kind === 'table' && b.caption) out.add(b.caption);
      // A header row with no row under it is an orphan too: its cells, and the whole row.
      if (b.kind === 'table') {
        for (const c of b.columns) out.add(c.label);
        out.add(b.columns.map((c) => c.label).join(' '));
      }
    }
  }
  return new Set([...out].map((t) => pdfText(t).replace(/\s+/g, ' ').trim()));
}

/** A report of one summary section holding `blocks`, for layouts built case by case. */
function summaryOnly(title: string, blocks: ReportBlock[]): ReportModel {
  return { schema: 'quadrant.report/1', title, createdAt: '2026-01-19T00:00:00Z', config: [], sections: { summary: { title: 'Summary', blocks } } };
}

const text = (pdf: string, page: number, layout = false) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });

describe.skipIf(!POPPLER && !process.env.CI)('PDF page packing (pdftoppm raster + pdftotext)', () => {
  const cases: [string, () => ReportModel][] = [
    ['the rendering fixture', makeModel],
    ['the packing fixture', makePackingModel],
  ];
  const out = new Map<string, { pdf: string; html: string; fills: PageFill[]; ends: Set<number>; model: ReportModel }>();

  beforeAll(async () => {
    for (const [name, make] of cases) {
      const dir = mkdtempSync(join(tmpdir(), 'quadrant-packing-'));
      const model = make();
      await renderReport(model, { formats: ['pdf', 'html'], outDir: dir });
      const pdf = join(dir, 'report.pdf');
      const fills = pageFills(pdf);
      out.set(name, { pdf, html: join(dir, 'report.html'), fills, ends: sectionEndPages(pdf, fills), model });
    }
  }, 120_000);

  for (const [name] of cases) {
    describe(name, () => {
      it('uses at least half of every page but the last page of a section', () => {
        const { fills, ends } = out.get(name)!;
        const bad = fills.filter((f) => f.fill < 0.5 && !ends.has(f.page)).map((f) => `page ${f.page}: ${(f.fill * 100).toFixed(0)}%`);
        expect(bad).toEqual([]);
      });

      it('ends no page with a title or a table header', () => {
        const { fills, model } = out.get(name)!;
        const all = titles(model);
        const orphans = fills.slice(0, -1).filter((f) => all.has(f.lastLine.replace(/\s+/g, ' ').trim()));
        expect(orphans.map((f) => `page ${f.page}: ${f.lastLine}`)).toEqual([]);
      });

      it('names the sections of each page in its footer', () => {
        const { pdf, fills, model } = out.get(name)!;
        // Contents (page 1): "k. Title   page".
        const listed = [...text(pdf, 1, true).matchAll(/^\s*\d+\. (.+?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1].trim(), page: Number(m[2]) }));
        expect(listed.map((l) => l.title)).toEqual(presentSections(model).map(([, s]) => pdfText(s.title)));
        for (const { title, page } of listed) {
          expect(page).toBeLessThanOrEqual(fills.length);
          const lines = text(pdf, page).split('\n');
          // The section's title is on the page the contents give, and in that page's footer line.
          expect(lines, title).toContain(title);
          expect(fills[page - 1].footer, title).toContain(title);
        }
      });
    });
  }

  it('never leaves a heading, caption or header row at the foot of a page, wherever the table starts', async () => {
    // Tall rows (cells of about ten lines) after text of 24 to 40 sentences (a line or two more
    // each time): the heading and table start at every height of the page's last 150 points.
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-orphans-'));
    const orphans: string[] = [];
    for (let k = 24; k <= 40; k++) {
      const model = summaryOnly('Orphans', [
        { kind: 'text', paragraphs: [sentences(k)] },
        { kind: 'heading', text: 'Definitions' },
        {
          kind: 'table',
          id: 'tall',
          caption: 'Tall rows',
          columns: [
            { key: 'claim', label: 'Claim', align: 'left' },
            { key: 'rule', label: 'Rule', align: 'left' },
          ],
          rows: Array.from({ length: 6 }, (_, i) => ({ cells: [`C${i + 1}`, sentences(14, i)] })),
        },
      ]);
      const out = await renderReport(model, { formats: ['pdf'], outDir: dir, name: `k${k}` });
      const all = titles(model);
      for (const f of pageFills(out.files[0].path).slice(0, -1))
        if (all.has(f.lastLine.replace(/\s+/g, ' ').trim())) orphans.push(`${k} sentences, page ${f.page}: ${f.lastLine}`);
    }
    expect(orphans).toEqual([]);
  }, 120_000);

  it('splits a long table with at least three rows on each side, and never splits a short one or one of five rows, wherever it starts', async () => {
    // Tables of 40 and 9 one-line rows, and of 5 under a long note, after text of 20 to 44
    // sentences: their starts sweep the page. Rows are found on the pages by their labels (pdftotext).
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-splits-'));
    const table = (id: string, n: number, note?: string) => ({
      kind: 'table' as const,
      id,
      caption: `Table ${id}`,
      columns: [
        { key: 'row', label: 'Row', align: 'left' as const },
        { key: 'value', label: 'Value', align: 'right' as const },
      ],
      rows: Array.from({ length: n }, (_, i) => ({ cells: [`${id}-row-${String(i + 1).padStart(2, '0')}`, i * 1.5] })),
      ...(note ? { note } : {}),
    });
    const bad: string[] = [];
    for (let k = 20; k <= 44; k += 2) {
      const model = summaryOnly('Splits', [
        { kind: 'text', paragraphs: [sentences(k)] },
        table('long', 40),
        { kind: 'text', paragraphs: [sentences(k - 12)] },
        table('short', 9),
        { kind: 'text', paragraphs: [sentences(k - 16)] },
        // Five rows under a note longer than a third of a page: too few rows to split 3 + 3.
        table('few', 5, sentences(40)),
      ]);
      const rendered = await renderReport(model, { formats: ['pdf'], outDir: dir, name: `k${k}` });
      const pdf = rendered.files[0].path;
      const pages = pageFills(pdf).length;
      for (const [id, n] of [
        ['long', 40],
        ['short', 9],
        ['few', 5],
      ] as const) {
        const counts = Array.from({ length: pages }, (_, p) => (text(pdf, p + 1).match(new RegExp(`${id}-row-\\d\\d`, 'g')) ?? []).length).filter((c) => c > 0);
        if (counts.reduce((a, b) => a + b, 0) !== n) bad.push(`${k}: ${id} rows ${counts.join('+')} of ${n}`);
        else if (id !== 'long' && counts.length > 1) bad.push(`${k}: the ${id} table split ${counts.join('+')}`);
        else if (counts.length > 1 && counts.some((c) => c < 3)) bad.push(`${k}: ${id} split ${counts.join('+')}`);
      }
    }
    expect(bad).toEqual([]);
  }, 180_000);

  it('packs the packing fixture: pages average at least three quarters used', () => {
    const { fills } = out.get('the packing fixture')!;
    const body = fills.slice(0, -1);
    const mean = body.reduce((a, f) => a + f.fill, 0) / body.length;
    expect(mean).toBeGreaterThan(0.75);
  });

  it('folds a compact table into side-by-side groups and shortens its checksums in print only', () => {
    const { pdf, html, fills, model } = out.get('the packing fixture')!;
    const layoutText = Array.from({ length: fills.length }, (_, k) => text(pdf, k + 1, true)).join('\n');
    // Two or more parameters on one printed line: the 80 rows sit in column groups.
    const together = layoutText.split('\n').filter((l) => (l.match(/regime\.windows\.param\d+/g) ?? []).length >= 2);
    expect(together.length).toBeGreaterThan(10);
    const files = model.sections.appendix!.blocks.find((b) => b.kind === 'table' && b.id === 'appendix-files');
    const sha = (files as { rows: { cells: unknown[] }[] }).rows[0].cells[2] as string;
    expect(layoutText).toContain(`${sha.slice(0, 12)}…`);
    expect(layoutText).not.toContain(sha);
    expect(readFileSync(html, 'utf8')).toContain(sha);
  });
});
