import { ROLE_TITLES } from '../../datasets/catalog.ts';
import { escapeHtml } from '../escape.ts';
import type { WhatIfBlock } from '../model.ts';
import { percentText, WHAT_IF_METRICS } from '../what-if/what-if-format.ts';

/**
 * The what-if panel's markup: the editable weight table (a row per role, a column per target
 * row of the strategy, in % of equity), the cost and the rebalancing rule, the metrics table
 * (original beside edited) and the two chart frames the page's script draws into. The data
 * follows as a JSON data block (`type="application/json"`: never executed, so the CSP needs no
 * hash for it); `<` is written \u003c so no string can close the element. Without scripts
 * the panel says it needs them.
 */
export function whatIfHtml(block: WhatIfBlock): string {
  const d = block.data;
  const cols = d.rowNames
    .map((name, j) => `<th scope="col" class="num" title="held on ${escapeHtml(percentText(d.rowShares[j]))} of the run's days">${escapeHtml(name)}</th>`)
    .join('');
  const body = d.roles
    .map((role, k) => {
      const cells = d.original.rows
        .map((row, j) => {
          const v = percentText(row[k], false);
          const label = `${ROLE_TITLES[role]} in ${d.rowNames[j]}, % of equity`;
          return `<td class="num"><input type="number" inputmode="decimal" step="any" value="${v}" data-col="${j}" data-role="${k}" aria-label="${escapeHtml(label)}"></td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(ROLE_TITLES[role])}</th>${cells}</tr>`;
    })
    .join('\n');
  const sums = d.original.rows.map((_, j) => `<td class="num" data-sum="${j}">100%</td>`).join('');
  const metricRows = WHAT_IF_METRICS.map(
    (m) =>
      `<tr data-row="${m.key}"><th scope="row">${escapeHtml(m.label)}</th><td class="num" data-wi-metric="${m.key}" data-which="original"></td><td class="num" data-wi-metric="${m.key}" data-which="edited"></td></tr>`,
  ).join('\n');
  const json = JSON.stringify(d).replace(/</g, '\\u003c');
  return `<div class="what-if" id="what-if" data-what-if>
<p>Edit the weights (percent of equity; each column must sum to 100%), the cost or the rebalancing rule: the edited ${escapeHtml(d.strategy)} is replayed at once in this page, by Quadrant's own replay and metrics code, on the same daily role returns and regime labels as the report (${escapeHtml(d.fixed.execution)} execution; nothing leaves the page).</p>
<noscript><p class="note warning">The what-if panel needs JavaScript.</p></noscript>
<div class="wi-grid">
<div class="wi-edit">
<div class="table-wrap wi-table"><table class="wi-weights"><caption>Target weights, % of equity</caption><thead><tr><th scope="col">Role</th>${cols}</tr></thead><tbody>
${body}
</tbody><tfoot><tr><th scope="row">Sum</th>${sums}</tr></tfoot></table></div>
<div class="wi-settings">
<label>Cost, bps of value traded <input type="number" inputmode="decimal" min="0" max="10000" step="any" id="wi-cost" value="${escapeHtml(String(d.original.costBps))}"></label>
<label>Rebalancing rule <input type="text" id="wi-rule" list="wi-rules" autocomplete="off" spellcheck="false" value="${escapeHtml(d.original.rule)}"></label>
<datalist id="wi-rules"><option value="regime+monthly"><option value="regime"><option value="monthly"><option value="quarterly"><option value="regime+drift:0.05"><option value="weekly"><option value="never"></datalist>
<button type="button" id="wi-reset">Back to the original</button>
</div>
</div>
<div class="wi-out">
<p class="wi-status" role="status" aria-live="polite"></p>
<div class="table-wrap"><table class="wi-metrics" data-table="what-if-metrics"><caption>Headline metrics</caption><thead><tr><th scope="col">Metric</th><th scope="col" class="num">Original</th><th scope="col" class="num">Edited</th></tr></thead><tbody>
${metricRows}
</tbody></table></div>
<figure class="wi-chart"><figcaption>Growth of $1 (log scale)</figcaption><svg id="wi-equity" role="img" aria-label="Growth of one dollar, original and edited"></svg></figure>
<figure class="wi-chart"><figcaption>Drawdown from the running peak</figcaption><svg id="wi-drawdown" role="img" aria-label="Drawdown, original and edited"></svg></figure>
<p class="wi-legend"><span class="wi-key wi-key-original"></span>original <span class="wi-key wi-key-edited"></span>edited</p>
</div>
</div>
<script type="application/json" id="what-if-data">${json}</script>
</div>`;
}

/** The panel's styles, added to the report's stylesheet when a report has the panel. */
export const WHAT_IF_CSS = `
.what-if{border:1px solid var(--rule);border-radius:8px;padding:14px 16px;margin:16px 0 28px;background:#fcfcfd}
.wi-grid{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:20px;align-items:start}
.wi-table{margin:0 0 12px}
.wi-weights{min-width:0;font-size:.85rem}
.wi-weights th,.wi-weights td{padding:3px 4px}
.wi-weights thead th{font-size:.78rem;line-height:1.2;white-space:normal;max-width:6.5em}
.wi-weights tbody th{max-width:9em}
.wi-weights tbody th{vertical-align:middle;white-space:normal;line-height:1.2}
.wi-weights input{width:3.8em;font:inherit;font-variant-numeric:tabular-nums;text-align:right;padding:3px 4px;border:1px solid #c4c4c4;border-radius:4px;background:#fff}
.wi-weights input.changed{border-color:var(--accent);background:#eef5fb}
.wi-weights td.bad{color:var(--bad);font-weight:700}
.wi-weights tfoot th,.wi-weights tfoot td{border-bottom:0;border-top:2px solid #bbb}
.what-if.stale td[data-which=edited]{color:var(--muted);font-style:italic}
.wi-settings{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:flex-end;font-size:.9rem}
.wi-settings label{display:flex;flex-direction:column;gap:3px}
.wi-settings input{font:inherit;padding:4px 6px;border:1px solid #c4c4c4;border-radius:4px;width:11em}
#wi-cost{width:6em}
.wi-settings button{font:inherit;padding:5px 10px;border:1px solid var(--accent);border-radius:4px;background:#fff;color:var(--accent);cursor:pointer}
.wi-status{min-height:1.5em;font-size:.88rem;color:var(--muted);margin:0 0 4px}
.wi-status.bad{color:var(--bad);font-weight:600}
.wi-metrics{min-width:0;width:100%}
.wi-metrics td.up{color:var(--good)}
.wi-metrics td.down{color:var(--bad)}
.wi-chart{margin:8px 0 4px}
.wi-chart figcaption{font-weight:600;font-size:.9rem;margin-bottom:2px}
.wi-chart svg{display:block;width:100%;height:auto;overflow:visible}
.wi-chart text{font-size:11px;fill:var(--muted)}
.wi-chart .wi-cursor text{fill:var(--ink);font-weight:600}
.wi-chart svg{touch-action:pan-y}
.wi-legend{font-size:.85rem;color:var(--muted)}
.wi-key{display:inline-block;width:18px;height:3px;vertical-align:middle;margin:0 4px 0 8px}
.wi-key-original{background:#999}
.wi-key-edited{background:var(--accent)}
@media (max-width:820px){.wi-grid{grid-template-columns:minmax(0,1fr)}}
@media (max-width:640px){.what-if{padding:10px 8px}.wi-weights input{width:3.6em;padding:3px 2px}.wi-weights th,.wi-weights td{padding:2px 2px}.wi-weights tbody th{font-size:.78rem}}
`;
