/**
 * The PDF uses the standard Helvetica fonts (no font file to ship or download), which can draw
 * only the Windows-1252 ("WinAnsi") characters. Everything written into the PDF passes through
 * {@link pdfText}: common symbols get ASCII stand-ins, anything else a "?", so nothing turns
 * into garbage glyphs.
 */

const EXTRA_WINANSI = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const STAND_INS: Record<string, string> = {
  '−': '-',
  '‐': '-',
  '‑': '-',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '≤': '<=',
  '≥': '>=',
  '≈': '~',
  '≠': '!=',
  '∞': 'inf',
  '√': 'sqrt',
  Δ: 'D',
  σ: 's',
  μ: 'u',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
};

/** `text` with every character the standard PDF fonts cannot draw replaced. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 32 && c <= 126) || (c >= 160 && c <= 255) || c === 10 || EXTRA_WINANSI.has(ch)) out += ch;
    else if (c === 9) out += ' ';
    else if (ch in STAND_INS) out += STAND_INS[ch];
    else if (c < 32 || c === 127) continue;
    else out += '?';
  }
  return out;
}

/**
 * The same replacement inside an SVG document's text (element content and attribute values),
 * leaving markup alone; used before svg-to-pdfkit draws a chart with the standard fonts.
 */
export function pdfSafeSvg(svg: string): string {
  // Fast path: plain ASCII needs nothing.
  if (!/[^\x00-\x7e]/.test(svg)) return svg;
  return pdfText(svg);
}
