/**
 * Text-level fixes to Vega's SVG output (a string; no DOM in Node).
 *
 * Vega's SVG renderer writes a mark's `description` as `aria-label` but has no tooltips, so
 * {@link ariaToTitles} turns each labelled item into `<path …><title>label</title></path>`:
 * browsers show a <title> on hover with no script at all, and screen readers read it.
 * {@link prefixIds} keeps several inline SVGs in one HTML page from sharing clip-path ids.
 */

const ITEM_WITH_LABEL = /<(path|rect|line|text|g)\b([^>]*?) aria-label="([^"]*)"([^>]*?)(\/?)>/g;

/**
 * Moves `aria-label` of each self-closing mark item into a child <title> (the label is already
 * XML-escaped by Vega, which is also valid element text), dropping the item's ARIA role
 * attributes. Container elements (`<g …>` that are not self-closing) keep their aria-label.
 */
export function ariaToTitles(svg: string): string {
  return svg.replace(ITEM_WITH_LABEL, (whole, tag: string, before: string, label: string, after: string, selfClosing: string) => {
    if (!selfClosing) return whole;
    const attrs = stripAria(before + after);
    return `<${tag}${attrs}><title>${label}</title></${tag}>`;
  });
}

/** Removes every ARIA attribute (for the PDF path, where they mean nothing). */
export function stripAriaAttributes(svg: string): string {
  return svg.replace(/ (?:aria-label|aria-roledescription|aria-hidden|role)="[^"]*"/g, '');
}

function stripAria(attrs: string): string {
  return attrs.replace(/ (?:role|aria-roledescription)="[^"]*"/g, '');
}

/**
 * Renames every id to `<prefix>-<n>` (n counting from 1 in order of appearance) and every
 * reference to it (`url(#…)`, `href="#…"`). Vega numbers clip paths and gradients with
 * process-wide counters, so this also makes the same chart render to the same bytes however
 * many charts were drawn before it.
 */
export function prefixIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const m of svg.matchAll(/ id="([^"]+)"/g)) if (!names.has(m[1])) names.set(m[1], `${prefix}-${names.size + 1}`);
  const rename = (id: string) => names.get(id) ?? id;
  return svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`);
}

/**
 * Cuts long decimals in geometry attributes (`d`, `transform`, `x`, `y`, `width`, `height`)
 * to two places (truncation: under a hundredth of a pixel, invisible); files get much smaller.
 */
export function roundGeometry(svg: string): string {
  return svg.replace(
    / (d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g,
    (_, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d\d)\d+/g, '$1')}"`,
  );
}

/** The root element's width and height in px. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg[^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('not a Vega SVG: no width and height on the root element');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * Removes the groups Vega draws for hover layers (class `hover_marks`: transparent bands that
 * carry tooltips), whose items are self-closing paths; the PDF has no pointer to hover with.
 */
export function removeHoverGroups(svg: string): string {
  return svg.replace(/<g class="mark-rect role-mark hover_marks"[^>]*>(?:<path [^>]*\/>)*<\/g>/g, '');
}
