import { formatValue } from '../format.ts';
import type { TableBlock, TableRow, Tone } from '../model.ts';
import { COLOURS, CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_WIDTH, FONT, GAP, PAGE, TYPE } from './pdf-layout.ts';
import { pdfText } from './pdf-text.ts';

/**
 * A table at most this tall (a third of a page) is drawn whole, on the next page when it does
 * not fit: moving it leaves the page at least two thirds used, and a split of a short table
 * reads worse than the space. A longer table splits with at least SPLIT_ROWS rows on each side.
 */
const KEEP_WHOLE = CONTENT_HEIGHT / 3;
const SPLIT_ROWS = 3;

/** Cell padding (points), ordinary and compact tables. */
const PAD = { normal: { x: 4, y: 3 }, compact: { x: 3, y: 1.5 } };
/** Space between side-by-side column groups of a folded compact table. */
const FOLD_GAP = 14;
/** Narrowest a compact table's text column gets (points); its longer words break inside. */
const COMPACT_MIN_CELL = 72;
/** A compact table folds into at most this many column groups. */
const MAX_FOLDS = 3;

interface Laid {
  size: number;
  /** Space above and below the text of each row. */
  padY: number;
  /** Space left and right of the text of each cell. */
  padX: number;
  widths: number[];
  numeric: boolean[];
  header: string[];
  body: string[][];
  /** Side-by-side column groups (1: an ordinary table). */
  folds: number;
  /** Width of one column group. */
  groupWidth: number;
}

/**
 * Draws a table with text (no images), starting at doc.y: a bold header row repeated after each
 * page break, right-aligned numbers, wrapped long text, tones as text colours. Column widths
 * come from the content; when the natural widths exceed the page, the font shrinks (down to
 * 6.5 pt) and text columns wrap, so nothing is clipped. The caption stays with the header and
 * the first rows (see {@link tableHeights}); a short table is drawn whole, a long one breaks
 * with at least SPLIT_ROWS rows on each side, and the note keeps with the last rows. A compact table is set in small type and, when its
 * columns fit two or three times across the page, its rows fold into side-by-side groups, each
 * page's groups balanced to equal height.
 */
export function drawTable(doc: PDFKit.PDFDocument, block: TableBlock): void {
  const laid = layout(doc, block);
  const x0 = PAGE.margin.left;
  const { start } = tableHeights(doc, block, laid);
  ensureSpace(doc, start);
  if (block.caption) {
    doc.font(FONT.bold).fontSize(captionSize(block)).fillColor(COLOURS.ink).text(pdfText(block.caption), x0, doc.y, { width: CONTENT_WIDTH });
    doc.y += GAP.caption;
  }
  const heights = block.rows.map((row, i) => rowHeight(doc, laid, laid.body[i], row));
  const noteH = noteHeight(doc, block);
  if (laid.folds > 1) drawFolded(doc, block, laid, heights, noteH);
  else {
    drawRow(doc, laid, laid.header, undefined, x0);
    const n = block.rows.length;
    // rest[i]: rows i … n − 1 and the note, which keeps with the last row.
    const rest = new Float64Array(n + 1);
    rest[n] = noteH;
    for (let i = n - 1; i >= 0; i--) rest[i] = rest[i + 1] + heights[i];
    let onPage = 0;
    block.rows.forEach((row, i) => {
      // The last SPLIT_ROWS rows never go to a new page with fewer of them: break before them.
      const tail = n - i <= SPLIT_ROWS && onPage >= SPLIT_ROWS && doc.y + rest[i] > CONTENT_BOTTOM;
      if (tail || doc.y + heights[i] > CONTENT_BOTTOM) {
        doc.addPage();
        drawRow(doc, laid, laid.header, undefined, x0);
        onPage = 0;
      }
      drawRow(doc, laid, laid.body[i], row, x0);
      onPage++;
    });
  }
  if (block.note) {
    const text = pdfText(block.note);
    ensureSpace(doc, noteH);
    doc.font(FONT.regular).fontSize(TYPE.small);
    doc.y += GAP.caption;
    doc.fillColor(COLOURS.muted).text(text, x0, doc.y, { width: CONTENT_WIDTH });
  }
  doc.fillColor(COLOURS.ink);
  doc.x = x0;
  doc.y += GAP.block;
}

/**
 * Heights of a table as drawn: `start`, what must fit on a page for the table to begin there
 * (caption, header and the first SPLIT_ROWS rows; the whole table when it is at most
 * KEEP_WHOLE tall or has fewer than 2 × SPLIT_ROWS rows, so such a table is never split), and
 * `full`, the whole table on one page
 * (caption, header, rows, note and the gap after it).
 */
export function tableHeights(doc: PDFKit.PDFDocument, block: TableBlock, laid = layout(doc, block)): { start: number; full: number } {
  let caption = 0;
  if (block.caption) {
    doc.font(FONT.bold).fontSize(captionSize(block));
    caption = doc.heightOfString(pdfText(block.caption), { width: CONTENT_WIDTH }) + GAP.caption;
  }
  const header = rowHeight(doc, laid, laid.header, undefined);
  const rows = block.rows.map((row, i) => rowHeight(doc, laid, laid.body[i], row));
  const note = noteHeight(doc, block);
  const body = laid.folds > 1 ? balancedHeight(rows, laid.folds) : rows.reduce((a, b) => a + b, 0);
  const first = rows.slice(0, SPLIT_ROWS).reduce((a, b) => a + b, 0);
  const full = caption + header + body + note + GAP.block;
  // A table that cannot leave SPLIT_ROWS rows on each side of a break stays whole too.
  return { start: rows.length < 2 * SPLIT_ROWS || full <= KEEP_WHOLE ? full : caption + header + first, full };
}

/** The note under a table, with the gap above it (0 without a note). */
function noteHeight(doc: PDFKit.PDFDocument, block: TableBlock): number {
  if (!block.note) return 0;
  doc.font(FONT.regular).fontSize(TYPE.small);
  return GAP.caption + doc.heightOfString(pdfText(block.note), { width: CONTENT_WIDTH });
}

function captionSize(block: TableBlock): number {
  return block.compact ? TYPE.body : TYPE.blockTitle;
}

/** The cell texts: formatted values, reference values shortened for print (column pdfChars). */
function cellTexts(block: TableBlock): string[][] {
  return block.rows.map((r) =>
    block.columns.map((c, j) => {
      const text = pdfText(formatValue(r.cells[j] ?? null, c.format));
      return c.pdfChars !== undefined && text.length > c.pdfChars ? `${text.slice(0, c.pdfChars)}…` : text;
    }),
  );
}

/**
 * Column widths within `width`: each column's natural width (widest cell or header on one line)
 * when they all fit; otherwise each gets at least its narrowest unbreakable width (numbers and
 * short cells whole, text and headers broken at spaces) and the rest is shared in proportion to
 * what each still lacks; when even that does not fit, the font shrinks half a point at a time
 * down to 6.5 pt, and at the end the widths scale down (text then wraps more). A compact table
 * starts at the small size and first tries 3, then 2 side-by-side groups.
 */
function layout(doc: PDFKit.PDFDocument, block: TableBlock): Laid {
  const header = block.columns.map((c) => pdfText(c.label));
  const body = cellTexts(block);
  const numeric = block.columns.map((c, j) => c.align === 'right' || (c.align !== 'left' && block.rows.some((r) => typeof r.cells[j] === 'number')));
  if (block.compact) {
    // The fold count (1 to MAX_FOLDS) that makes the table shortest; fewer folds unless more save a tenth.
    const size = TYPE.tableCompact;
    let best: Laid | undefined;
    let bestHeight = Number.POSITIVE_INFINITY;
    for (let folds = 1; folds <= Math.min(MAX_FOLDS, Math.floor(block.rows.length / 4)); folds++) {
      const groupWidth = (CONTENT_WIDTH - FOLD_GAP * (folds - 1)) / folds;
      const w = fitWidths(doc, block, header, body, numeric, size, groupWidth);
      if (!w) continue;
      const laid = { size, padY: PAD.compact.y, padX: PAD.compact.x, widths: w, numeric, header, body, folds, groupWidth };
      const height = balancedHeight(
        block.rows.map((row, i) => rowHeight(doc, laid, body[i], row)),
        folds,
      );
      if (height < 0.9 * bestHeight) {
        best = laid;
        bestHeight = height;
      }
    }
    if (best) return best;
  }
  const top = block.compact ? TYPE.tableCompact : TYPE.table;
  const { x: padX, y: padY } = block.compact ? PAD.compact : PAD.normal;
  let last: number[] | undefined;
  for (let size = top; size >= TYPE.tableMin; size -= 0.5) {
    const w = fitWidths(doc, block, header, body, numeric, size, CONTENT_WIDTH);
    if (w) return { size, padY, padX, widths: w, numeric, header, body, folds: 1, groupWidth: CONTENT_WIDTH };
    last = leastWidths(doc, block, header, body, numeric, size);
  }
  const total = last!.reduce((a, b) => a + b, 0);
  return { size: TYPE.tableMin, padY, padX, widths: last!.map((w) => (w * CONTENT_WIDTH) / total), numeric, header, body, folds: 1, groupWidth: CONTENT_WIDTH };
}

function measureColumns(doc: PDFKit.PDFDocument, block: TableBlock, header: string[], body: string[][], numeric: boolean[], size: number) {
  const pad = 2 * (block.compact ? PAD.compact.x : PAD.normal.x) + 1;
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
      // In reference tables a long token (a path, a dotted parameter name) may break anywhere.
      if (block.compact && !numeric[j]) min = Math.min(min, COMPACT_MIN_CELL);
    });
    natural.push(Math.ceil(nat) + pad);
    least.push(Math.ceil(min) + pad);
  });
  return { natural, least };
}

function leastWidths(doc: PDFKit.PDFDocument, block: TableBlock, header: string[], body: string[][], numeric: boolean[], size: number): number[] {
  return measureColumns(doc, block, header, body, numeric, size).least;
}

/** Widths that fit `width` at `size` (see {@link layout}), or undefined. */
function fitWidths(
  doc: PDFKit.PDFDocument,
  block: TableBlock,
  header: string[],
  body: string[][],
  numeric: boolean[],
  size: number,
  width: number,
): number[] | undefined {
  const { natural, least } = measureColumns(doc, block, header, body, numeric, size);
  const totalNatural = natural.reduce((a, b) => a + b, 0);
  if (totalNatural <= width) return natural;
  const totalLeast = least.reduce((a, b) => a + b, 0);
  if (totalLeast > width) return undefined;
  // Columns narrower than an equal share of what is left (with a fifth to spare, so that a key
  // column next to one long text column stays whole) get their natural width, repeatedly; the
  // others share the rest in proportion to what each lacks beyond its least width.
  const widths: (number | undefined)[] = natural.map(() => undefined);
  let left = width;
  for (let changed = true; changed; ) {
    changed = false;
    const open = widths.flatMap((w, j) => (w === undefined ? [j] : []));
    const share = (1.2 * left) / open.length;
    for (const j of open) {
      const othersLeast = open.reduce((a, k) => a + (k !== j && widths[k] === undefined ? least[k] : 0), 0);
      if (natural[j] <= share && natural[j] + othersLeast <= left) {
        widths[j] = natural[j];
        left -= natural[j];
        changed = true;
      }
    }
  }
  const open = widths.flatMap((w, j) => (w === undefined ? [j] : []));
  const openLeast = open.reduce((a, j) => a + least[j], 0);
  if (openLeast > left) {
    const spare = width - totalLeast;
    const lack = totalNatural - totalLeast;
    return least.map((m, j) => m + (lack > 0 ? (spare * (natural[j] - m)) / lack : 0));
  }
  const lack = open.reduce((a, j) => a + natural[j] - least[j], 0);
  for (const j of open) widths[j] = least[j] + (lack > 0 ? ((left - openLeast) * (natural[j] - least[j])) / lack : 0);
  return widths as number[];
}

/**
 * The least column height that holds `rows` (heights, in order) in `folds` columns filled top
 * to bottom: binary search over the height, greedy filling at each try.
 */
function balancedHeight(rows: number[], folds: number): number {
  const columnsNeeded = (limit: number) => {
    let columns = 1;
    let used = 0;
    for (const h of rows) {
      if (used + h > limit && used > 0) {
        columns++;
        used = 0;
      }
      used += h;
    }
    return columns;
  };
  let lo = Math.max(0, ...rows);
  let hi = rows.reduce((a, b) => a + b, 0);
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (columnsNeeded(mid) <= folds) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Rows in side-by-side groups: on each page the remaining rows fill the groups left to right;
 * when they all fit on the page the groups are balanced to equal height, otherwise each group
 * runs to the foot of the page and the table continues on the next one.
 */
function drawFolded(doc: PDFKit.PDFDocument, block: TableBlock, laid: Laid, heights: number[], noteH: number): void {
  const headerH = rowHeight(doc, laid, laid.header, undefined);
  let next = 0;
  while (next < block.rows.length) {
    let top = doc.y;
    if (top + headerH + heights[next] > CONTENT_BOTTOM) {
      doc.addPage();
      top = doc.y;
    }
    // Room for the note on every page, so that it never goes alone to the next one.
    const room = CONTENT_BOTTOM - top - headerH - noteH;
    const rest = heights.slice(next);
    const balanced = balancedHeight(rest, laid.folds);
    const limit = balanced <= room ? balanced : room;
    let bottom = top;
    for (let g = 0; g < laid.folds && next < block.rows.length; g++) {
      const x = PAGE.margin.left + g * (laid.groupWidth + FOLD_GAP);
      doc.y = top;
      drawRow(doc, laid, laid.header, undefined, x);
      let used = 0;
      while (next < block.rows.length && (used === 0 || used + heights[next] <= limit + 0.01)) {
        drawRow(doc, laid, laid.body[next], block.rows[next], x);
        used += heights[next];
        next++;
      }
      bottom = Math.max(bottom, doc.y);
    }
    doc.y = bottom;
    if (next < block.rows.length) doc.addPage();
  }
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
    h = Math.max(h, doc.heightOfString(text || ' ', { width: laid.widths[j] - 2 * laid.padX }));
  });
  return h + 2 * laid.padY;
}

function toneColour(tone: Tone | null | undefined): string {
  if (tone === 'good') return COLOURS.good;
  if (tone === 'bad') return COLOURS.bad;
  if (tone === 'muted') return COLOURS.muted;
  return COLOURS.ink;
}

/** Draws one row (the header when `row` is undefined) at (x, doc.y) and moves below it. */
function drawRow(doc: PDFKit.PDFDocument, laid: Laid, cells: string[], row: TableRow | undefined, x0: number): void {
  const header = row === undefined;
  const h = rowHeight(doc, laid, cells, row);
  if (doc.y + h > CONTENT_BOTTOM) doc.addPage();
  const y = doc.y;
  let x = x0;
  cells.forEach((text, j) => {
    const tone = row?.tones?.[j];
    doc
      .font(isBold(row, j) ? FONT.bold : FONT.regular)
      .fontSize(laid.size)
      .fillColor(header ? COLOURS.ink : toneColour(tone));
    doc.text(text, x + laid.padX, y + laid.padY, { width: laid.widths[j] - 2 * laid.padX, align: laid.numeric[j] ? 'right' : 'left', lineBreak: true });
    x += laid.widths[j];
  });
  const width = laid.widths.reduce((a, b) => a + b, 0);
  doc
    .moveTo(x0, y + h)
    .lineTo(x0 + width, y + h)
    .lineWidth(header ? 1 : 0.5)
    .strokeColor(header ? '#999999' : COLOURS.rule)
    .stroke();
  doc.x = PAGE.margin.left;
  doc.y = y + h;
}

/** Starts a new page unless `height` points still fit above the footer (or the page is still empty). */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > CONTENT_BOTTOM && doc.y > PAGE.margin.top + 0.5) doc.addPage();
}
