import SVGtoPDF from 'svg-to-pdfkit';
import { formatValue } from '../format.ts';
import type { ChartBlock, HeadingBlock, MetricsBlock, NoteBlock, ReportBlock, TextBlock } from '../model.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_WIDTH, FONT, GAP, MIN_CHART_SCALE, PAGE, TYPE } from './pdf-layout.ts';
import { drawTable, ensureSpace, tableHeights } from './pdf-table.ts';
import { pdfSafeSvg, pdfText } from './pdf-text.ts';
import type { RenderedChart } from './vega-svg.ts';

/**
 * Each block kind of the PDF: how it is drawn at doc.y, and how tall it is, measured with the
 * same fonts and gaps, so the packing (pdf-flow.ts) can decide before drawing:
 * `start` is what must fit on a page for the block to begin there (a heading's keep-with-next
 * target), `full` the whole block.
 */
export interface BlockHeights {
  start: number;
  full: number;
}

export type Charts = ReadonlyMap<string, RenderedChart>;

const HEADING = { size: TYPE.section - 3, before: 6, after: 6 };
const TEXT = { lineGap: 1.5 };
const METRIC = { perRow: 3, gap: 8, height: 46 };
const CHART = { titleGap: 4, captionGap: 4 };

export function blockHeights(doc: PDFKit.PDFDocument, block: ReportBlock, charts: Charts): BlockHeights {
  switch (block.kind) {
    case 'heading': {
      const h = headingHeight(doc, block);
      return { start: h, full: h };
    }
    case 'text':
      return textHeights(doc, block);
    case 'note': {
      const h = noteBoxHeight(doc, block) + GAP.block;
      return { start: h, full: h };
    }
    case 'table':
      return tableHeights(doc, block);
    case 'metrics': {
      const rows = Math.ceil(block.items.length / METRIC.perRow);
      const row = METRIC.height + METRIC.gap;
      return { start: row + GAP.block, full: rows * row + GAP.block };
    }
    case 'chart': {
      const c = chartBox(doc, block, chartOf(block, charts));
      return { start: c.titleH + c.h * MIN_CHART_SCALE + c.captionH + GAP.block, full: c.titleH + c.h + c.captionH + GAP.block };
    }
    case 'what-if':
      return blockHeights(doc, WHAT_IF_NOTE, charts);
  }
}

/** What the PDF shows in place of the HTML's what-if panel. */
export const WHAT_IF_PDF_NOTE =
  "The interactive what-if panel (edit the playbook's weights, cost and rebalancing rule and see the curves and metrics replayed) is in the HTML version of this report.";
const WHAT_IF_NOTE: NoteBlock = { kind: 'note', tone: 'info', text: WHAT_IF_PDF_NOTE };

export function drawBlock(doc: PDFKit.PDFDocument, block: ReportBlock, charts: Charts): void {
  switch (block.kind) {
    case 'heading':
      drawHeading(doc, block);
      return;
    case 'text':
      drawText(doc, block);
      return;
    case 'note':
      drawNote(doc, block);
      return;
    case 'table':
      drawTable(doc, block);
      return;
    case 'metrics':
      drawMetrics(doc, block);
      return;
    case 'chart':
      drawChart(doc, block, chartOf(block, charts));
      return;
    case 'what-if':
      drawNote(doc, WHAT_IF_NOTE);
      return;
  }
}

/** Whether the chart fits the rest of this page at full size or shrunk to at least MIN_CHART_SCALE. */
export function chartFitsHere(doc: PDFKit.PDFDocument, block: ChartBlock, charts: Charts): boolean {
  return doc.y + blockHeights(doc, block, charts).start <= CONTENT_BOTTOM;
}

function chartOf(block: ChartBlock, charts: Charts): RenderedChart {
  const rendered = charts.get(block.id);
  if (!rendered) throw new Error(`chart ${block.id} was not rendered`);
  return rendered;
}

function headingHeight(doc: PDFKit.PDFDocument, block: HeadingBlock): number {
  doc.font(FONT.bold).fontSize(HEADING.size);
  return HEADING.before + doc.heightOfString(pdfText(block.text), { width: CONTENT_WIDTH }) + HEADING.after;
}

function drawHeading(doc: PDFKit.PDFDocument, block: HeadingBlock): void {
  doc.y += HEADING.before;
  doc.font(FONT.bold).fontSize(HEADING.size).fillColor(COLOURS.ink).text(pdfText(block.text), PAGE.margin.left, doc.y, { width: CONTENT_WIDTH });
  doc.y += HEADING.after;
}

function textHeights(doc: PDFKit.PDFDocument, block: TextBlock): BlockHeights {
  doc.font(FONT.regular).fontSize(TYPE.body);
  const heights = block.paragraphs.map((p) => doc.heightOfString(pdfText(p), { width: CONTENT_WIDTH, lineGap: TEXT.lineGap }) + GAP.block);
  const twoLines = 2 * (doc.currentLineHeight(true) + TEXT.lineGap);
  return { start: Math.min(heights[0] ?? 0, twoLines), full: heights.reduce((a, b) => a + b, 0) };
}

/** Paragraphs; a paragraph that does not fit runs on to the next page (at least two lines stay together). */
function drawText(doc: PDFKit.PDFDocument, block: TextBlock): void {
  for (const p of block.paragraphs) {
    doc.font(FONT.regular).fontSize(TYPE.body).fillColor(COLOURS.ink);
    ensureSpace(doc, 2 * (doc.currentLineHeight(true) + TEXT.lineGap));
    doc.text(pdfText(p), PAGE.margin.left, doc.y, { width: CONTENT_WIDTH, lineGap: TEXT.lineGap });
    doc.y += GAP.block;
  }
}

function noteBoxHeight(doc: PDFKit.PDFDocument, block: NoteBlock): number {
  doc.font(FONT.regular).fontSize(TYPE.body - 0.5);
  return doc.heightOfString(pdfText(block.text), { width: CONTENT_WIDTH - 20 }) + 14;
}

function drawNote(doc: PDFKit.PDFDocument, block: NoteBlock): void {
  const x = PAGE.margin.left;
  const h = noteBoxHeight(doc, block);
  ensureSpace(doc, h);
  const y = doc.y;
  const warning = block.tone === 'warning';
  doc
    .roundedRect(x, y, CONTENT_WIDTH, h, 4)
    .lineWidth(0.75)
    .fillAndStroke(warning ? COLOURS.noteWarning : COLOURS.noteInfo, warning ? COLOURS.noteWarningBorder : COLOURS.noteInfoBorder);
  doc
    .font(FONT.regular)
    .fontSize(TYPE.body - 0.5)
    .fillColor(COLOURS.ink)
    .text(pdfText(block.text), x + 10, y + 7, { width: CONTENT_WIDTH - 20 });
  doc.x = x;
  doc.y = y + h + GAP.block;
}

/** Key figures as cards, three to a row; rows may continue on the next page. */
function drawMetrics(doc: PDFKit.PDFDocument, block: MetricsBlock): void {
  const { perRow, gap, height: h } = METRIC;
  const w = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  for (let i = 0; i < block.items.length; i += perRow) {
    ensureSpace(doc, h + gap);
    const y = doc.y;
    block.items.slice(i, i + perRow).forEach((m, k) => {
      const x = PAGE.margin.left + k * (w + gap);
      doc.roundedRect(x, y, w, h, 4).fill(COLOURS.soft);
      doc
        .font(FONT.regular)
        .fontSize(TYPE.small)
        .fillColor(COLOURS.muted)
        .text(pdfText(m.label), x + 8, y + 6, { width: w - 16, lineBreak: false, ellipsis: true });
      doc
        .font(FONT.bold)
        .fontSize(15)
        .fillColor(COLOURS.ink)
        .text(pdfText(formatValue(m.value, m.format)), x + 8, y + 18, { width: w - 16, lineBreak: false });
      if (m.note)
        doc
          .font(FONT.regular)
          .fontSize(7)
          .fillColor(COLOURS.muted)
          .text(pdfText(m.note), x + 8, y + 36, { width: w - 16, lineBreak: false, ellipsis: true });
    });
    doc.x = PAGE.margin.left;
    doc.y = y + h + gap;
  }
  doc.fillColor(COLOURS.ink);
  doc.y += GAP.block;
}

/** A chart's parts at full size: title and caption heights, and the drawing's height `h` at the full content width (capped at one page). */
function chartBox(doc: PDFKit.PDFDocument, block: ChartBlock, rendered: RenderedChart) {
  doc.font(FONT.bold).fontSize(TYPE.blockTitle);
  const titleH = doc.heightOfString(pdfText(block.title), { width: CONTENT_WIDTH }) + CHART.titleGap;
  doc.font(FONT.regular).fontSize(TYPE.small);
  const captionH = CHART.captionGap + (block.caption ? doc.heightOfString(pdfText(block.caption), { width: CONTENT_WIDTH }) : 0);
  const widthScale = CONTENT_WIDTH / rendered.width;
  const pageScale = (CONTENT_HEIGHT - titleH - captionH - GAP.block) / rendered.height;
  return { titleH, captionH, h: rendered.height * Math.min(widthScale, pageScale), scale: Math.min(widthScale, pageScale) };
}

/**
 * A chart as vector graphics under its title, caption below. Full width when it fits the rest of
 * the page; shrunk (down to MIN_CHART_SCALE) to fit it; otherwise on the next page, whole.
 */
function drawChart(doc: PDFKit.PDFDocument, block: ChartBlock, rendered: RenderedChart): void {
  const x = PAGE.margin.left;
  const box = chartBox(doc, block, rendered);
  const room = CONTENT_BOTTOM - doc.y - box.titleH - box.captionH - GAP.block;
  let scale = box.scale;
  if (box.h > room) {
    if (box.h * MIN_CHART_SCALE <= room) scale = (box.scale * room) / box.h;
    else doc.addPage();
  }
  const w = rendered.width * scale;
  const h = rendered.height * scale;
  doc.font(FONT.bold).fontSize(TYPE.blockTitle).fillColor(COLOURS.ink).text(pdfText(block.title), x, doc.y, { width: CONTENT_WIDTH });
  doc.y += CHART.titleGap;
  const y = doc.y;
  SVGtoPDF(doc, pdfSafeSvg(rendered.svg), x, y, {
    width: w,
    height: h,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: (_family, bold, italic) => (bold ? (italic ? 'Helvetica-BoldOblique' : FONT.bold) : italic ? FONT.italic : FONT.regular),
    warningCallback: () => {},
  });
  doc.x = x;
  doc.y = y + h + CHART.captionGap;
  if (block.caption) {
    doc.font(FONT.regular).fontSize(TYPE.small).fillColor(COLOURS.muted).text(pdfText(block.caption), x, doc.y, { width: CONTENT_WIDTH });
  }
  doc.fillColor(COLOURS.ink);
  doc.y = Math.min(doc.y + GAP.block, CONTENT_BOTTOM);
}
