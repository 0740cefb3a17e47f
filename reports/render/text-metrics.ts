import PDFDocument from 'pdfkit';
import * as vega from 'vega';

/**
 * Vega lays out labels, legends and titles by measuring text. In Node without a canvas it
 * falls back to a rough estimate (0.8 × size per character), which truncates legend labels and
 * leaves odd gaps. Measuring with the Helvetica metrics that PDFKit ships instead gives the
 * widths the PDF will really draw and, within a pixel or so, what browsers draw with Arial or
 * Liberation Sans (metric-compatible with Helvetica).
 */
let installed = false;
let measurer: PDFKit.PDFDocument | undefined;
const cache = new Map<string, number>();

/** Vega's text measurement hook (exported at run time from vega-scenegraph; not in vega's types). */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}

/** Width in px of `text` in Helvetica (bold for weights ≥ 600 or "bold") at `size` px. */
export function helveticaWidth(text: string, size: number, bold = false): number {
  const key = `${bold ? 'b' : 'r'}${size}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    measurer ??= new PDFDocument({ autoFirstPage: false });
    width = measurer
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .widthOfString(text);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, width);
  }
  return width;
}

/** Points Vega's text measurement at {@link helveticaWidth}, once per process. */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  textMetrics.width = (item: TextItem, text?: unknown) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const bold =
      weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
    const value = text ?? item.text;
    const lines = Array.isArray(value) ? value : [value];
    let max = 0;
    for (const line of lines) {
      if (line == null) continue;
      max = Math.max(max, helveticaWidth(String(line), size, bold));
    }
    return max;
  };
}
