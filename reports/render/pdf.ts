import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { formatValue } from '../format.ts';
import {
  configTable,
  presentSections,
  type ChartBlock,
  type MetricsBlock,
  type NoteBlock,
  type ReportBlock,
  type ReportModel,
  type TableBlock,
} from '../model.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_WIDTH, FONT, PAGE, TYPE } from './pdf-layout.ts';
import { drawTable, ensureSpace } from './pdf-table.ts';
import { pdfSafeSvg, pdfText } from './pdf-text.ts';
import type { RenderedChart } from './vega-svg.ts';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

/**
 * The report as a PDF (A4 portrait) with PDFKit: the same content as the HTML, charts drawn
 * from the same Vega SVGs (rendered for target 'pdf', without hover layers) by svg-to-pdfkit as
 * vector graphics, tables drawn as text, standard Helvetica fonts (nothing to embed or
 * download). Each section starts on a new page; a chart never straddles a page break (it moves
 * to the next page, or shrinks to fit one); page numbers at the foot of every page; a contents
 * list with page numbers and PDF bookmarks. Same model → same bytes (dates come from the model).
 *
 * @param charts rendered SVG per chart id (target 'pdf').
 */
export async function renderPdf(model: ReportModel, charts: ReadonlyMap<string, RenderedChart>): Promise<PdfResult> {
  const created = new Date(model.createdAt);
  const date = Number.isNaN(created.getTime()) ? new Date(0) : created;
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margin,
    bufferPages: true,
    compress: true,
    info: { Title: pdfText(model.title), Author: 'Quadrant', Creator: 'Quadrant (pdfkit)', Producer: 'Quadrant', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const sections = presentSections(model);
  titleBlock(doc, model);
  // Contents: space kept now, written once the sections' pages are known.
  const tocTop = doc.y;
  doc.y += 22 + 15 * sections.length;
  const starts: number[] = [];
  sections.forEach(([, section], k) => {
    if (k > 0) doc.addPage();
    else ensureSpace(doc, 200);
    starts.push(doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
    sectionHeading(doc, section.title);
    if (k === 0 && sections[0][0] === 'summary') summaryHead(doc, model);
    for (const block of section.blocks) drawBlock(doc, block, charts);
  });
  contents(
    doc,
    tocTop,
    sections.map(([, s]) => s.title),
    starts,
  );
  const pages = footers(doc, model);
  doc.end();
  await ended;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pages };
}

function titleBlock(doc: PDFKit.PDFDocument, model: ReportModel): void {
  const x = PAGE.margin.left;
  doc.font(FONT.bold).fontSize(TYPE.title).fillColor(COLOURS.ink).text(pdfText(model.title), x, PAGE.margin.top, { width: CONTENT_WIDTH });
  if (model.subtitle)
    doc.moveDown(0.2).font(FONT.regular).fontSize(TYPE.subtitle).fillColor(COLOURS.muted).text(pdfText(model.subtitle), { width: CONTENT_WIDTH });
  doc
    .moveDown(0.3)
    .font(FONT.regular)
    .fontSize(TYPE.small)
    .fillColor(COLOURS.muted)
    .text(pdfText(`Generated ${model.createdAt} by Quadrant`), { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  doc
    .moveTo(x, doc.y)
    .lineTo(x + CONTENT_WIDTH, doc.y)
    .lineWidth(1.5)
    .strokeColor(COLOURS.ink)
    .stroke();
  doc.moveDown(0.8);
  doc.fillColor(COLOURS.ink);
}

function contents(doc: PDFKit.PDFDocument, top: number, titles: string[], pages: number[]): void {
  if (titles.length === 0) return;
  doc.switchToPage(0);
  const x = PAGE.margin.left;
  doc.font(FONT.bold).fontSize(TYPE.blockTitle).fillColor(COLOURS.ink).text('Contents', x, top, { width: CONTENT_WIDTH });
  let y = top + 18;
  titles.forEach((title, k) => {
    doc.font(FONT.regular).fontSize(TYPE.body).fillColor(COLOURS.ink);
    doc.text(`${k + 1}. ${pdfText(title)}`, x + 8, y, { width: CONTENT_WIDTH - 60, lineBreak: false });
    doc.text(String(pages[k] + 1), x + CONTENT_WIDTH - 50, y, { width: 50, align: 'right', lineBreak: false });
    y += 15;
  });
}

function sectionHeading(doc: PDFKit.PDFDocument, title: string): void {
  const x = PAGE.margin.left;
  doc.outline.addItem(pdfText(title));
  doc.font(FONT.bold).fontSize(TYPE.section).fillColor(COLOURS.ink).text(pdfText(title), x, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.15);
  doc
    .moveTo(x, doc.y)
    .lineTo(x + CONTENT_WIDTH, doc.y)
    .lineWidth(0.75)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.moveDown(0.6);
}

function summaryHead(doc: PDFKit.PDFDocument, model: ReportModel): void {
  const x = PAGE.margin.left;
  if (model.question) {
    const text = pdfText(model.question);
    doc.font(FONT.regular).fontSize(TYPE.body + 1);
    const h = doc.heightOfString(text, { width: CONTENT_WIDTH - 14 });
    ensureSpace(doc, h + 8);
    const y = doc.y;
    doc.rect(x, y, 3, h + 4).fill(COLOURS.accent);
    doc.fillColor(COLOURS.ink).text(text, x + 12, y + 2, { width: CONTENT_WIDTH - 14 });
    doc.x = x;
    doc.moveDown(model.answer ? 0.4 : 0.8);
  }
  if (model.answer) {
    const text = pdfText(model.answer);
    doc.font(FONT.bold).fontSize(TYPE.body);
    ensureSpace(doc, doc.heightOfString(text, { width: CONTENT_WIDTH - 14 }) + 8);
    doc.fillColor(COLOURS.ink).text(text, x + 12, doc.y, { width: CONTENT_WIDTH - 14 });
    doc.x = x;
    doc.moveDown(0.8);
  }
  if (model.headline) {
    const hl = model.headline;
    drawTable(doc, {
      kind: 'table',
      id: 'headline',
      caption: hl.from && hl.to ? `Headline metrics, ${hl.from} to ${hl.to}` : 'Headline metrics',
      columns: [
        { key: 'portfolio', label: 'Portfolio', align: 'left' },
        ...hl.metrics.map((m) => ({ key: m.key, label: m.label, format: m.format, align: 'right' as const })),
      ],
      rows: hl.portfolios.map((p) => ({ key: p.key, cells: [p.label, ...p.values], emphasis: p.emphasis })),
    });
  }
  if (model.config.length) {
    drawTable(doc, configTable('config', 'Configuration', model.config));
  }
}

function drawBlock(doc: PDFKit.PDFDocument, block: ReportBlock, charts: ReadonlyMap<string, RenderedChart>): void {
  switch (block.kind) {
    case 'heading':
      // Keep a heading with at least a few lines of what follows.
      ensureSpace(doc, 120);
      doc
        .moveDown(0.4)
        .font(FONT.bold)
        .fontSize(TYPE.section - 3)
        .fillColor(COLOURS.ink)
        .text(pdfText(block.text), PAGE.margin.left, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.4);
      return;
    case 'text':
      for (const p of block.paragraphs) {
        doc.font(FONT.regular).fontSize(TYPE.body).fillColor(COLOURS.ink);
        ensureSpace(doc, doc.currentLineHeight(true) * 2);
        doc.text(pdfText(p), PAGE.margin.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
        doc.moveDown(0.6);
      }
      return;
    case 'note':
      drawNote(doc, block);
      return;
    case 'table':
      drawTable(doc, block as TableBlock);
      return;
    case 'metrics':
      drawMetrics(doc, block);
      return;
    case 'chart': {
      const rendered = charts.get(block.id);
      if (!rendered) throw new Error(`chart ${block.id} was not rendered`);
      drawChart(doc, block, rendered);
      return;
    }
    case 'what-if':
      drawNote(doc, { kind: 'note', tone: 'info', text: WHAT_IF_PDF_NOTE });
      return;
  }
}

/** What the PDF shows in place of the HTML's what-if panel. */
export const WHAT_IF_PDF_NOTE =
  "The interactive what-if panel (edit the playbook's weights, cost and rebalancing rule and see the curves and metrics replayed) is in the HTML version of this report.";

function drawNote(doc: PDFKit.PDFDocument, block: NoteBlock): void {
  const x = PAGE.margin.left;
  const text = pdfText(block.text);
  doc.font(FONT.regular).fontSize(TYPE.body - 0.5);
  const h = doc.heightOfString(text, { width: CONTENT_WIDTH - 20 }) + 14;
  ensureSpace(doc, h + 6);
  const y = doc.y;
  const warning = block.tone === 'warning';
  doc
    .roundedRect(x, y, CONTENT_WIDTH, h, 4)
    .lineWidth(0.75)
    .fillAndStroke(warning ? COLOURS.noteWarning : COLOURS.noteInfo, warning ? COLOURS.noteWarningBorder : COLOURS.noteInfoBorder);
  doc.fillColor(COLOURS.ink).text(text, x + 10, y + 7, { width: CONTENT_WIDTH - 20 });
  doc.x = x;
  doc.y = y + h;
  doc.moveDown(0.8);
}

function drawMetrics(doc: PDFKit.PDFDocument, block: MetricsBlock): void {
  const perRow = 3;
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const h = 46;
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
  doc.moveDown(0.5);
}

function drawChart(doc: PDFKit.PDFDocument, block: ChartBlock, rendered: RenderedChart): void {
  const x = PAGE.margin.left;
  const title = pdfText(block.title);
  const caption = block.caption ? pdfText(block.caption) : '';
  doc.font(FONT.bold).fontSize(TYPE.blockTitle);
  const titleH = doc.heightOfString(title, { width: CONTENT_WIDTH }) + 4;
  doc.font(FONT.regular).fontSize(TYPE.small);
  const captionH = caption ? doc.heightOfString(caption, { width: CONTENT_WIDTH }) + 6 : 0;
  let scale = CONTENT_WIDTH / rendered.width;
  const fullPage = CONTENT_HEIGHT - titleH - captionH - 8;
  if (rendered.height * scale > fullPage) scale = fullPage / rendered.height;
  const w = rendered.width * scale;
  const h = rendered.height * scale;
  ensureSpace(doc, titleH + h + captionH + 4);
  doc.font(FONT.bold).fontSize(TYPE.blockTitle).fillColor(COLOURS.ink).text(title, x, doc.y, { width: CONTENT_WIDTH });
  doc.y += 4;
  const y = doc.y;
  SVGtoPDF(doc, pdfSafeSvg(rendered.svg), x, y, {
    width: w,
    height: h,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: (_family, bold, italic) => (bold ? (italic ? 'Helvetica-BoldOblique' : FONT.bold) : italic ? FONT.italic : FONT.regular),
    warningCallback: () => {},
  });
  doc.x = x;
  doc.y = y + h + 4;
  if (caption) {
    doc.font(FONT.regular).fontSize(TYPE.small).fillColor(COLOURS.muted).text(caption, x, doc.y, { width: CONTENT_WIDTH });
  }
  doc.fillColor(COLOURS.ink);
  doc.moveDown(1);
  if (doc.y > CONTENT_BOTTOM) doc.y = CONTENT_BOTTOM;
}

/** "Page i of n" and the title at the foot of every page; returns n. */
function footers(doc: PDFKit.PDFDocument, model: ReportModel): number {
  const range = doc.bufferedPageRange();
  const n = range.count;
  const title = pdfText(model.title);
  for (let i = 0; i < n; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin.bottom + 24;
    doc
      .moveTo(PAGE.margin.left, y - 6)
      .lineTo(PAGE.width - PAGE.margin.right, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.font(FONT.regular).fontSize(TYPE.footer).fillColor(COLOURS.muted);
    doc.text(title, PAGE.margin.left, y, { width: CONTENT_WIDTH - 90, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1} of ${n}`, PAGE.width - PAGE.margin.right - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return n;
}
