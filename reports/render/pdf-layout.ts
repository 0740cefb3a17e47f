/** Page geometry and type sizes of the PDF (points; A4 portrait). */
export const PAGE = {
  size: 'A4' as const,
  width: 595.28,
  height: 841.89,
  margin: { top: 56, bottom: 62, left: 52, right: 52 },
};

export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Lowest y content may reach (the footer with page numbers sits below it). */
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin.bottom;
export const CONTENT_HEIGHT = CONTENT_BOTTOM - PAGE.margin.top;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export const TYPE = {
  title: 20,
  subtitle: 12,
  section: 16,
  blockTitle: 11,
  body: 10,
  small: 8.5,
  table: 8.5,
  tableMin: 6.5,
  /** Reference tables (TableBlock.compact): parameters, checksums. */
  tableCompact: 7,
  footer: 8,
};

/** Vertical space (points) after each kind of element; the packing measures with the same values. */
export const GAP = {
  /** After a table caption, before its header; before a table note. */
  caption: 4,
  /** After every block (table, text paragraph, note, chart, metrics row group). */
  block: 10,
  /** Before a section heading that continues on the current page. */
  section: 16,
};

/**
 * Packing rules (see pdf-flow.ts). A chart that does not fit the rest of the page may shrink to
 * this share of its full-width size before it moves to the next page (its text stays legible).
 */
export const MIN_CHART_SCALE = 0.8;
/** A section continues on the current page only when at least this much of the page is left. */
export const MIN_SECTION_ROOM = CONTENT_HEIGHT / 4;

export const COLOURS = {
  ink: '#1b1b1b',
  muted: '#5b5b5b',
  rule: '#d0d0d0',
  soft: '#f2f3f5',
  good: '#0b6e4f',
  bad: '#b2182b',
  accent: '#0072b2',
  noteInfo: '#eef5fb',
  noteInfoBorder: '#c9def0',
  noteWarning: '#fff6e5',
  noteWarningBorder: '#f0d59c',
};
