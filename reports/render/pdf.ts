import PDFDocument from 'pdfkit';
import { configTable, presentSections, type ReportModel } from '../model.ts';
import { drawBlocks, startSection } from './pdf-flow.ts';
import { COLOURS, CONTENT_WIDTH, FONT, PAGE, TYPE } from './pdf-layout.ts';
import { drawTable, ensureSpace } from './pdf-table.ts';
import { pdfText } from './pdf-text.ts';
import type { RenderedChart } from './vega-svg.ts';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

/**
 * The report as a PDF (A4 portrait) with PDFKit: the same content as the HTML, charts drawn
 * from the same Vega SVGs (rendered for target 'pdf', without hover layers) by svg-to-pdfkit as
 * vector graphics, tables drawn as text, standard Helvetica fonts (nothing to embed or
 * download). Blocks are packed onto pages by the rules in pdf-flow.ts (sections flow, titles
 * keep with what follows, charts never split); the foot of every page names its sections and
 * says "Page i of n"; a contents list with page numbers and PDF bookmarks. Same model → same
 * bytes (dates come from the model).
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
  // The sections each page shows, for its footer: the one running on, then those starting on it.
  const pageSections: string[][] = [[]];
  let current = '';
  doc.on('pageAdded', () => pageSections.push(current ? [current] : []));

  const sections = presentSections(model);
  titleBlock(doc, model);
  // Contents: space kept now, written once the sections' pages are known.
  const tocTop = doc.y;
  doc.y += 22 + 15 * sections.length;
  const starts: number[] = [];
  sections.forEach(([id, section], k) => {
    startSection(doc, id, section.title, section.blocks, charts, k === 0);
    starts.push(pageSections.length - 1);
    current = pdfText(section.title);
    if (!pageSections.at(-1)!.includes(current)) pageSections.at(-1)!.push(current);
    if (k === 0 && id === 'summary') summaryHead(doc, model);
    drawBlocks(doc, section.blocks, charts);
  });
  contents(
    doc,
    tocTop,
    sections.map(([, s]) => s.title),
    starts,
  );
  const pages = footers(doc, model, pageSections);
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

/**
 * The foot of every page: the sections on it and the report title on the left, "Page i of n" on
 * the right; returns n.
 */
function footers(doc: PDFKit.PDFDocument, model: ReportModel, pageSections: string[][]): number {
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
    const names = (pageSections[i] ?? []).join(' / ');
    const left = CONTENT_WIDTH - 90;
    doc.font(FONT.bold).fontSize(TYPE.footer).fillColor(COLOURS.muted);
    const namesW = names ? Math.min(doc.widthOfString(names) + 1, left * 0.6) : 0;
    if (names) doc.text(names, PAGE.margin.left, y, { width: namesW, lineBreak: false, ellipsis: true });
    doc.font(FONT.regular);
    const titleX = PAGE.margin.left + (names ? namesW + 4 : 0);
    doc.text(names ? `- ${title}` : title, titleX, y, { width: left - (titleX - PAGE.margin.left), lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1} of ${n}`, PAGE.width - PAGE.margin.right - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return n;
}
