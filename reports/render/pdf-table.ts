import { formatValue } from '../format.ts';
import type { TableBlock, TableRow, Tone } from '../model.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, PAGE, TYPE } from './pdf-layout.ts';
import { pdfText } from './pdf-text.ts';

const PAD_X = 4;
const PAD_Y = 3;

interface Laid {
  size: number;
  widths: number[];
  numeric: boolean[];
  header: string[];
  body: string[][];
}

/**
 * Draws a table with text (no images), starting at doc.y: a bold header row repeated after each
 * page break, right-aligned numbers, wrapped long text, tones as text colours. Column widths
 * come from the content; when the natural widths exceed the page, the font shrinks (down to
 * 6.5 pt) and text columns wrap, so nothing is clipped.
 */
export function drawTable(doc: PDFKit.PDFDocument, block: TableBlock): void {
  const laid = layout(doc, block);
  const x0 = PAGE.margin.left;
  if (block.caption) {
    ensureSpace(doc, TYPE.blockTitle + 6 + rowHeight(doc, laid, laid.header, undefined) * 2);
    doc.font(FONT.bold).fontSize(TYPE.blockTitle).fillColor(COLOURS.ink).text(pdfText(block.caption), x0, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.3);
  }
  drawRow(doc, laid, laid.header, undefined);
  block.rows.forEach((row, i) => {
    const cells = laid.body[i];
    const h = rowHeight(doc, laid, cells, row);
    if (doc.y + h > CONTENT_BOTTOM) {
      doc.addPage();
      drawRow(doc, laid, laid.header, undefined);
    }
    drawRow(doc, laid, cells, row);
  });
  if (block.note) {
    doc.moveDown(0.3);
    doc.font(FONT.regular).fontSize(TYPE.small).fillColor(COLOURS.muted).text(pdfText(block.note), x0, doc.y, { width: CONTENT_WIDTH });
  }
  doc.fillColor(COLOURS.ink);
  doc.moveDown(0.8);
}

/**
 * Column widths: each column's natural width (widest cell or header on one line) when they all
 * fit; otherwise each gets at least its narrowest unbreakable width (numbers and short cells
 * whole, text and headers broken at spaces) and the rest is shared in proportion to what each
 * still lacks; when even that does not fit, the font shrinks half a point at a time down to
 * 6.5 pt, and at the end the widths scale down (text then wraps more).
 */
function layout(doc: PDFKit.PDFDocument, block: TableBlock): Laid {
  const header = block.columns.map((c) => pdfText(c.label));
  const body = block.rows.map((r) => block.columns.map((c, j) => pdfText(formatValue(r.cells[j] ?? null, c.format))));
  const numeric = block.columns.map((c, j) => c.align === 'right' || (c.align !== 'left' && block.rows.some((r) => typeof r.cells[j] === 'number')));
  const pad = 2 * PAD_X + 1;
  let last: Laid | undefined;
  for (let size = TYPE.table; size >= TYPE.tableMin; size -= 0.5) {
    const natural: number[] = [];
    const least: number[] = [];
    block.columns.forEach((_, j) => {
      doc.font(FONT.bold).fontSize(size);
      let nat = doc.widthOfString(header[j]);
      let min = Math.max(...header[j].split(/\s+/).map((w) => doc.widthOfString(w)));
      body.forEach((row, i) => {
        const text = row[j];
        doc.font(isBold(block.rows[i], j) ? FONT.bold : FONT.regular).fontSize(size);
        const w = doc.widthOfString(text);
        nat = Math.max(nat, w);
        // Numbers and short text stay on one line; longer text may break at spaces.
        min = Math.max(min, numeric[j] || text.length <= 24 ? w : Math.max(...text.split(/\s+/).map((x) => doc.widthOfString(x))));
      });
      natural.push(Math.ceil(nat) + pad);
      least.push(Math.ceil(min) + pad);
    });
    const totalNatural = natural.reduce((a, b) => a + b, 0);
    if (totalNatural <= CONTENT_WIDTH) return { size, widths: natural, numeric, header, body };
    const totalLeast = least.reduce((a, b) => a + b, 0);
    if (totalLeast <= CONTENT_WIDTH) {
      const spare = CONTENT_WIDTH - totalLeast;
      const lack = totalNatural - totalLeast;
      const widths = least.map((m, j) => m + (lack > 0 ? (spare * (natural[j] - m)) / lack : 0));
      return { size, widths, numeric, header, body };
    }
    last = { size, widths: least.map((w) => (w * CONTENT_WIDTH) / totalLeast), numeric, header, body };
  }
  return last!;
}

/** Cells drawn in bold: an emphasised row, and good or bad tones. */
function isBold(row: TableRow | undefined, j: number): boolean {
  if (!row) return true;
  const tone = row.tones?.[j];
  return row.emphasis === true || tone === 'good' || tone === 'bad';
}

function rowHeight(doc: PDFKit.PDFDocument, laid: Laid, cells: string[], row: TableRow | undefined): number {
  let h = 0;
  cells.forEach((text, j) => {
    doc.font(isBold(row, j) ? FONT.bold : FONT.regular).fontSize(laid.size);
    h = Math.max(h, doc.heightOfString(text || ' ', { width: laid.widths[j] - 2 * PAD_X }));
  });
  return h + 2 * PAD_Y;
}

function toneColour(tone: Tone | null | undefined): string {
  if (tone === 'good') return COLOURS.good;
  if (tone === 'bad') return COLOURS.bad;
  if (tone === 'muted') return COLOURS.muted;
  return COLOURS.ink;
}

/** Draws one row (the header when `row` is undefined) at doc.y and moves below it. */
function drawRow(doc: PDFKit.PDFDocument, laid: Laid, cells: string[], row: TableRow | undefined): void {
  const header = row === undefined;
  const h = rowHeight(doc, laid, cells, row);
  if (doc.y + h > CONTENT_BOTTOM) doc.addPage();
  const y = doc.y;
  let x = PAGE.margin.left;
  cells.forEach((text, j) => {
    const tone = row?.tones?.[j];
    doc
      .font(isBold(row, j) ? FONT.bold : FONT.regular)
      .fontSize(laid.size)
      .fillColor(header ? COLOURS.ink : toneColour(tone));
    doc.text(text, x + PAD_X, y + PAD_Y, { width: laid.widths[j] - 2 * PAD_X, align: laid.numeric[j] ? 'right' : 'left', lineBreak: true });
    x += laid.widths[j];
  });
  const width = laid.widths.reduce((a, b) => a + b, 0);
  doc
    .moveTo(PAGE.margin.left, y + h)
    .lineTo(PAGE.margin.left + width, y + h)
    .lineWidth(header ? 1 : 0.5)
    .strokeColor(header ? '#999999' : COLOURS.rule)
    .stroke();
  doc.x = PAGE.margin.left;
  doc.y = y + h;
}

/** Starts a new page unless `height` points still fit above the footer. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > CONTENT_BOTTOM) doc.addPage();
}
