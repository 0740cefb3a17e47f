import { escapeHtml } from '../escape.ts';
import { configTable, presentSections, type ReportBlock, type ReportModel } from '../model.ts';
import { chartHtml, headlineHtml, metricsHtml, noteHtml, tableHtml, textHtml } from './html-blocks.ts';
import { REPORT_SCRIPT, cspHash } from './html-script.ts';
import { REPORT_CSS } from './html-style.ts';
import { WHAT_IF_CSS, whatIfHtml } from './html-what-if.ts';
import type { RenderedChart } from './vega-svg.ts';

/**
 * The whole report as one self-contained HTML document: inline CSS, inline SVG charts, one
 * inline script; a Content-Security-Policy that forbids every network request (default-src
 * 'none') and allows only that style and script by hash, so the file opens offline and cannot
 * fetch anything even if a string slipped through. Every model string is escaped.
 *
 * @param charts rendered SVG per chart id (target 'html'); a missing one is an error.
 */
export function renderHtml(model: ReportModel, charts: ReadonlyMap<string, RenderedChart>, whatIfScript?: string): string {
  const sections = presentSections(model);
  // The what-if panel adds its styles and its bundled script (reports/what-if/), allowed by hash too.
  const whatIf = hasWhatIf(model);
  if (whatIf && whatIfScript === undefined) throw new Error('the report has a what-if panel but no what-if script was given');
  const css = whatIf ? REPORT_CSS + WHAT_IF_CSS : REPORT_CSS;
  const scripts = whatIf ? [REPORT_SCRIPT, whatIfScript!] : [REPORT_SCRIPT];
  const csp = `default-src 'none'; style-src ${cspHash(css)}; script-src ${scripts.map(cspHash).join(' ')}; img-src data:; base-uri 'none'; form-action 'none'`;
  const toc = sections.map(([id, s]) => `<li><a href="#sec-${id}">${escapeHtml(s.title)}</a></li>`).join('');
  const body = sections
    .map(([id, section]) => {
      const parts: string[] = [`<section id="sec-${id}" data-section="${id}"><h2>${escapeHtml(section.title)}</h2>`];
      if (id === 'summary') parts.push(summaryHead(model));
      for (const block of section.blocks) parts.push(blockHtml(block, charts));
      parts.push('</section>');
      return parts.join('\n');
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="quadrant">
<title>${escapeHtml(model.title)}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<div class="page">
<header class="top">
<h1>${escapeHtml(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${escapeHtml(model.subtitle)}</p>` : ''}
<p class="meta">Generated ${escapeHtml(model.createdAt)} by Quadrant · one self-contained file: it works offline; hover (or tap) a chart for values.</p>
</header>
<nav class="toc" aria-label="Contents"><ol>${toc}</ol></nav>
<main>
${body}
</main>
<footer>${escapeHtml(model.title)} · ${escapeHtml(model.createdAt)} · every figure can be reproduced from the parameters and data checksums in the appendix.</footer>
</div>
<div id="tip" role="tooltip" hidden></div>
${scripts.map((js) => `<script>${js}</script>`).join('\n')}
</body>
</html>
`;
}

/** Question, headline metrics and configuration, at the top of the summary. */
function summaryHead(model: ReportModel): string {
  const parts: string[] = [];
  if (model.question) parts.push(`<p class="question">${escapeHtml(model.question)}</p>`);
  if (model.answer) parts.push(`<p class="answer" data-answer>${escapeHtml(model.answer)}</p>`);
  if (model.headline) parts.push(headlineHtml(model.headline));
  if (model.config.length) {
    parts.push(tableHtml(configTable('config', 'Configuration', model.config)));
  }
  return parts.join('\n');
}

function blockHtml(block: ReportBlock, charts: ReadonlyMap<string, RenderedChart>): string {
  switch (block.kind) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'text':
      return textHtml(block);
    case 'note':
      return noteHtml(block);
    case 'table':
      return tableHtml(block);
    case 'metrics':
      return metricsHtml(block);
    case 'chart': {
      const rendered = charts.get(block.id);
      if (!rendered) throw new Error(`chart ${block.id} was not rendered`);
      return chartHtml(block, rendered);
    }
    case 'what-if':
      return whatIfHtml(block);
  }
}

/** Whether a model holds a what-if panel (its page then carries the panel's script). */
export function hasWhatIf(model: ReportModel): boolean {
  return presentSections(model).some(([, s]) => s.blocks.some((b) => b.kind === 'what-if'));
}
