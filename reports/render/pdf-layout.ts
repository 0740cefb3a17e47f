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
  footer: 8,
};

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
