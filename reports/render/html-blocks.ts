import { escapeHtml } from '../escape.ts';
import { formatValue } from '../format.ts';
import type { CellValue, ChartBlock, HeadlineTable, MetricsBlock, NoteBlock, TableBlock, TextBlock } from '../model.ts';
import type { RenderedChart } from './vega-svg.ts';

/** `data-value` attribute for a number (its shortest round-trip text), empty otherwise. */
function dataValue(value: CellValue): string {
  return typeof value === 'number' && Number.isFinite(value) ? ` data-value="${String(value)}"` : '';
}

export function textHtml(block: TextBlock): string {
  return block.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

export function noteHtml(block: NoteBlock): string {
  return `<div class="note ${block.tone}" role="note">${escapeHtml(block.text)}</div>`;
}

/**
 * A table: numbers right-aligned and written with their column's format; each cell carries
 * `data-col`, and numeric cells `data-value` with the unformatted number, so tests and tools
 * read exact values from the page.
 */
export function tableHtml(block: TableBlock): string {
  const numeric = block.columns.map((c, j) => c.align === 'right' || (c.align !== 'left' && block.rows.some((r) => typeof r.cells[j] === 'number')));
  const head = block.columns
    .map((c, j) => `<th scope="col" data-col="${escapeHtml(c.key)}"${numeric[j] ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = block.rows
    .map((row) => {
      const cells = block.columns
        .map((c, j) => {
          const value = row.cells[j] ?? null;
          const classes: string[] = [];
          if (numeric[j]) classes.push('num');
          else if (typeof value === 'string' && value.length > 40) classes.push('wrap');
          else if (typeof value === 'string' && value.length <= 24) classes.push('nowrap');
          const tone = row.tones?.[j];
          if (tone) classes.push(`tone-${tone}`);
          const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
          return `<td data-col="${escapeHtml(c.key)}"${dataValue(value)}${cls}>${escapeHtml(formatValue(value, c.format))}</td>`;
        })
        .join('');
      const key = row.key !== undefined ? ` data-row="${escapeHtml(row.key)}"` : '';
      return `<tr${key}${row.emphasis ? ' class="emphasis"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
  const note = block.note ? `<p class="table-note">${escapeHtml(block.note)}</p>` : '';
  const table = `<div class="table-wrap"><table id="table-${escapeHtml(block.id)}" data-table="${escapeHtml(block.id)}">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${note}</div>`;
  if (!block.compact) return table;
  // Reference data: folded away under its caption and row count; the reader opens it.
  const rows = `${block.rows.length} ${block.rows.length === 1 ? 'row' : 'rows'}`;
  return `<details class="compact"><summary>${escapeHtml(block.caption ?? block.id)} <span class="count">(${rows})</span></summary>${table}</details>`;
}

/** Headline metrics: portfolios × metrics, each cell with `data-metric`, `data-portfolio` and `data-value`. */
export function headlineHtml(headline: HeadlineTable): string {
  const head =
    `<th scope="col">Portfolio</th>` +
    headline.metrics.map((m) => `<th scope="col" class="num" data-col="${escapeHtml(m.key)}">${escapeHtml(m.label)}</th>`).join('');
  const rows = headline.portfolios
    .map((p) => {
      const cells = headline.metrics
        .map((m, j) => {
          const v = p.values[j] ?? null;
          return `<td class="num" data-metric="${escapeHtml(m.key)}" data-portfolio="${escapeHtml(p.key)}"${dataValue(v)}>${escapeHtml(formatValue(v, m.format))}</td>`;
        })
        .join('');
      return `<tr data-row="${escapeHtml(p.key)}"${p.emphasis ? ' class="emphasis"' : ''}><th scope="row">${escapeHtml(p.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  const period = headline.from && headline.to ? `Headline metrics, ${escapeHtml(headline.from)} to ${escapeHtml(headline.to)}` : 'Headline metrics';
  return `<div class="table-wrap"><table id="table-headline" data-table="headline"><caption>${period}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
}

export function metricsHtml(block: MetricsBlock): string {
  const items = block.items
    .map(
      (m) =>
        `<div class="metric" data-metric="${escapeHtml(m.id)}"${dataValue(m.value)}><span class="label">${escapeHtml(m.label)}</span><span class="value">${escapeHtml(formatValue(m.value, m.format))}</span>${m.note ? `<span class="mnote">${escapeHtml(m.note)}</span>` : ''}</div>`,
    )
    .join('');
  return `<div class="metrics">${items}</div>`;
}

/**
 * A chart: its title, the inline SVG (scaled by CSS through its viewBox), a caption. With a
 * phone variant, both SVGs are inlined and CSS shows one by screen width; without, a narrow
 * screen scrolls the chart sideways at a readable size.
 */
export function chartHtml(block: ChartBlock, rendered: RenderedChart): string {
  const id = escapeHtml(block.id);
  const caption = block.caption ? `<p class="chart-caption">${escapeHtml(block.caption)}</p>` : '';
  const body = rendered.compact
    ? `<div class="v-wide">${rendered.svg}</div><div class="v-compact">${rendered.compact.svg}</div>`
    : `<div class="v-only">${rendered.svg}</div>`;
  const hint = rendered.compact ? '' : '<p class="scroll-hint">Scroll sideways to see the whole chart.</p>';
  return `<figure class="chart" id="chart-${id}" data-chart="${id}"><figcaption>${escapeHtml(block.title)}</figcaption>${hint}<div class="chart-body${rendered.compact ? '' : ' scroll'}" role="img" aria-label="${escapeHtml(block.alt)}">${body}</div>${caption}</figure>`;
}
