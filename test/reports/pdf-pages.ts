/**
 * How full each page of a PDF is, measured from the outside with poppler alone (nothing from
 * Quadrant's layout code): `pdftoppm -gray` rasterises every page, `pdftotext -bbox-layout`
 * locates the footer's "Page k of n" line and the first text line of each page.
 *
 * Method, per page: the footer is its text line plus the rule just above it (the first inked
 * rows above the text); the content ends at the lowest inked row above that rule (text, chart
 * lines, table rules and boxes all count); fill = (content bottom − top margin) / (footer
 * rule − top margin), with the top margin the highest inked row over all pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POPPLER = ['pdftoppm', 'pdftotext', 'pdfinfo'].every((bin) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, bin))));

/** Raster resolution: 2 px per point, so a 1 pt rule is one or two rows. */
const DPI = 144;
/** A grey level below this is ink (white paper is 255; light fills such as #f2f3f5 are ~242). */
const INK = 250;

export interface PageFill {
  /** 1-based page number. */
  page: number;
  /** Used share of the page's content area, 0..1. */
  fill: number;
  /** First text line of the page (pdftotext reading order). */
  firstLine: string;
  /** Last text line above the footer. */
  lastLine: string;
  /** The footer's text, left to right. */
  footer: string;
}

interface Gray {
  width: number;
  height: number;
  px: Uint8Array;
}

function readPgm(path: string): Gray {
  const buf = readFileSync(path);
  const fields: number[] = [];
  let i = 2;
  while (fields.length < 3) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(buf[i]))) s += String.fromCharCode(buf[i++]);
    fields.push(Number(s));
  }
  return { width: fields[0], height: fields[1], px: buf.subarray(i + 1) };
}

function inkedRow(g: Gray, y: number): boolean {
  const row = y * g.width;
  for (let x = 0; x < g.width; x++) if (g.px[row + x] < INK) return true;
  return false;
}

interface Line {
  yMin: number;
  yMax: number;
  text: string;
}

/** Text lines per page from `pdftotext -bbox-layout` (points, top-down). */
function textLines(pdf: string): Line[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages: Line[][] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const lines: Line[] = [];
    for (const m of page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[3].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]);
      lines.push({ yMin: Number(m[1]), yMax: Number(m[2]), text: unescapeXml(words.join(' ')) });
    }
    pages.push(lines);
  }
  return pages;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Page fills of `pdf` (see the module comment for the method). */
export function pageFills(pdf: string): PageFill[] {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-fill-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, join(dir, 'p')]);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
    const lines = textLines(pdf);
    if (lines.length !== files.length) throw new Error(`pdftotext saw ${lines.length} pages, pdftoppm ${files.length}`);
    const scale = DPI / 72;
    const measured = files.map((f, k) => {
      const g = readPgm(join(dir, f));
      const n = files.length;
      const footer = lines[k].find((l) => l.text.endsWith(`Page ${k + 1} of ${n}`));
      if (!footer) throw new Error(`page ${k + 1}: no "Page ${k + 1} of ${n}" footer`);
      // Up from the footer text: white gap, the rule, white gap, then the content's last ink.
      let y = Math.floor(footer.yMin * scale) - 1;
      while (y > 0 && !inkedRow(g, y)) y--;
      while (y > 0 && inkedRow(g, y)) y--;
      const ruleTop = y + 1;
      while (y > 0 && !inkedRow(g, y)) y--;
      const bottom = y;
      let top = 0;
      while (top < g.height && !inkedRow(g, top)) top++;
      const above = lines[k].filter((l) => l.yMax * scale <= ruleTop && l.text.trim());
      const foot = lines[k].filter((l) => Math.abs(l.yMin - footer.yMin) < 3).map((l) => l.text);
      return { ruleTop, bottom, top, firstLine: above[0]?.text ?? '', lastLine: above.at(-1)?.text ?? '', footer: foot.join(' ') };
    });
    const margin = Math.min(...measured.map((m) => m.top));
    return measured.map((m, k) => ({
      page: k + 1,
      fill: m.bottom <= margin ? 0 : (m.bottom - margin) / (m.ruleTop - margin),
      firstLine: m.firstLine,
      lastLine: m.lastLine,
      footer: m.footer,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The pages on which a section ends: the last page, and each page followed by a page whose first
 * text line is a section title from the contents list on page 1 ("3. Performance   9").
 */
export function sectionEndPages(pdf: string, fills: PageFill[]): Set<number> {
  const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const titles = [...first.matchAll(/^\s*\d+\. (.+?)\s{2,}\d+\s*$/gm)].map((m) => m[1].trim());
  const ends = new Set<number>([fills.length]);
  for (const f of fills) if (f.page > 1 && titles.includes(f.firstLine.trim())) ends.add(f.page - 1);
  return ends;
}

/** Pages under half full that do not end a section: what the packing rule forbids. */
export function underfilledPages(pdf: string): { fills: PageFill[]; bad: PageFill[] } {
  const fills = pageFills(pdf);
  const ends = sectionEndPages(pdf, fills);
  return { fills, bad: fills.filter((f) => f.fill < 0.5 && !ends.has(f.page)) };
}
