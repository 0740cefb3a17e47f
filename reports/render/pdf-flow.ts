import type { ReportBlock, SectionId } from '../model.ts';
import { blockHeights, chartFitsHere, drawBlock, type Charts } from './pdf-blocks.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_WIDTH, FONT, GAP, MIN_SECTION_ROOM, PAGE, TYPE } from './pdf-layout.ts';
import { ensureSpace } from './pdf-table.ts';
import { pdfText } from './pdf-text.ts';

/**
 * How the PDF packs blocks onto pages, so that no page is left mostly empty in mid-section:
 *
 * - Blocks flow: each starts on the current page when its start fits there (two lines of text,
 *   a table's caption, header and first rows, a chart at no less than MIN_CHART_SCALE); tables
 *   and text continue on the next page, charts and notes never split.
 * - Titles keep with what follows: a heading or section title moves to the next page unless
 *   the start of the block after it fits below it, so no title ends a page. A short lead-in
 *   (text of at most LEAD_IN points) keeps with the chart it introduces the same way.
 * - A chart that does not fit and would leave the page less than half used lets the small
 *   blocks right after it (text, notes, tables, key figures that fit whole, up to the next
 *   heading or chart) go first, as print layouts float figures.
 * - Sections continue on the current page after a gap (a section title mid-page reads as well as
 *   on a fresh page and saves the half-empty page at each section's end) when at least a quarter
 *   of the page is left. The summary opens page 1 under the report title. The appendix,
 *   reference material read (and printed) apart from the findings, starts a new page unless
 *   the current one is less than half used (a half-empty page would read worse).
 */
export const SECTIONS_ON_NEW_PAGE: ReadonlySet<SectionId> = new Set(['appendix']);

const SECTION_TITLE = { size: TYPE.section, ruleGap: 2, after: 8 };
/** Text up to this tall (about five lines) before a chart is its lead-in and keeps with it. */
const LEAD_IN = 70;

/**
 * What must fit on the current page for blocks[i] to begin there: its own start, plus, for a
 * heading or a lead-in before a chart, the start of what follows (at most a page).
 */
export function keepHeight(doc: PDFKit.PDFDocument, blocks: readonly ReportBlock[], i: number, charts: Charts): number {
  const block = blocks[i];
  if (!block) return 0;
  const own = blockHeights(doc, block, charts);
  const next = blocks[i + 1];
  let h = own.start;
  if (block.kind === 'heading') h = own.full + keepHeight(doc, blocks, i + 1, charts);
  else if (block.kind === 'text' && next?.kind === 'chart' && own.full <= LEAD_IN) h = own.full + blockHeights(doc, next, charts).start;
  return Math.min(h, CONTENT_HEIGHT);
}

/** Share of the current page's content area already used. */
export function pageUsed(doc: PDFKit.PDFDocument): number {
  return (doc.y - PAGE.margin.top) / CONTENT_HEIGHT;
}

function atPageTop(doc: PDFKit.PDFDocument): boolean {
  return doc.y <= PAGE.margin.top + 0.5;
}

function sectionTitleHeight(doc: PDFKit.PDFDocument, title: string): number {
  doc.font(FONT.bold).fontSize(SECTION_TITLE.size);
  return doc.heightOfString(pdfText(title), { width: CONTENT_WIDTH }) + SECTION_TITLE.ruleGap + SECTION_TITLE.after;
}

/**
 * Moves to where section `id` starts (see the module comment) and draws its title, which keeps
 * with the section's first blocks.
 */
export function startSection(doc: PDFKit.PDFDocument, id: SectionId, title: string, blocks: readonly ReportBlock[], charts: Charts, isFirst: boolean): void {
  if (!isFirst && !atPageTop(doc)) {
    const need = sectionTitleHeight(doc, title) + keepHeight(doc, blocks, 0, charts);
    const room = CONTENT_BOTTOM - doc.y - GAP.section;
    if ((SECTIONS_ON_NEW_PAGE.has(id) && pageUsed(doc) >= 0.5) || room < Math.max(MIN_SECTION_ROOM, need)) doc.addPage();
    else doc.y += GAP.section;
  }
  const x = PAGE.margin.left;
  doc.outline.addItem(pdfText(title));
  doc.font(FONT.bold).fontSize(SECTION_TITLE.size).fillColor(COLOURS.ink).text(pdfText(title), x, doc.y, { width: CONTENT_WIDTH });
  doc.y += SECTION_TITLE.ruleGap;
  doc
    .moveTo(x, doc.y)
    .lineTo(x + CONTENT_WIDTH, doc.y)
    .lineWidth(0.75)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y += SECTION_TITLE.after;
}

/** Draws a section's blocks in order, with the keep-with-next and float rules of the module comment. */
export function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly ReportBlock[], charts: Charts): void {
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i];
    if (block.kind === 'heading' || block.kind === 'text') ensureSpace(doc, keepHeight(doc, blocks, i, charts));
    if (block.kind === 'chart' && !chartFitsHere(doc, block, charts) && pageUsed(doc) < 0.5) {
      let j = i + 1;
      let room = CONTENT_BOTTOM - doc.y;
      while (j < blocks.length && blocks[j].kind !== 'heading' && blocks[j].kind !== 'chart') {
        const h = blockHeights(doc, blocks[j], charts).full;
        if (h > room) break;
        room -= h;
        j++;
      }
      for (let k = i + 1; k < j; k++) drawBlock(doc, blocks[k], charts);
      drawBlock(doc, block, charts);
      i = j;
      continue;
    }
    drawBlock(doc, block, charts);
    i++;
  }
}
