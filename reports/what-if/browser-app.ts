/// <reference lib="dom" />
/**
 * The what-if panel in the browser (bundled by esbuild into the report's second inline script,
 * see what-if-bundle.ts). It reads the panel's data block, replays the original settings once
 * and the reader's edits on every change with replayWhatIf (the engine's replay and metrics),
 * and draws the growth of $1 and the drawdown of both. No request, no eval, no storage.
 * The panel's element records the last update's time in `data-ms` (read by the benchmark).
 */
import { dayParts, isoDay } from '../../datasets/day.ts';
import { drawdownSeries } from '../../engine/metrics/drawdown-series.ts';
import { metricText, percentText, WHAT_IF_METRICS } from './what-if-format.ts';
import { decodeWhatIf, replayWhatIf, type WhatIfData, type WhatIfOutcome, type WhatIfSettings } from './what-if-replay.ts';

const ORIGINAL_COLOUR = '#999999';
const EDITED_COLOUR = '#0072B2';

function start(): void {
  const panel = document.getElementById('what-if');
  const source = document.getElementById('what-if-data');
  if (!panel || !source) return;
  const data = JSON.parse(source.textContent ?? '') as WhatIfData;
  const inputs = decodeWhatIf(data);
  const original = replayWhatIf(inputs, data.original);
  const cells = [...panel.querySelectorAll<HTMLInputElement>('input[data-col]')];
  const cost = panel.querySelector<HTMLInputElement>('#wi-cost')!;
  const rule = panel.querySelector<HTMLInputElement>('#wi-rule')!;
  const status = panel.querySelector<HTMLElement>('.wi-status')!;
  let edited: WhatIfOutcome = original;
  let width = chartWidth(panel);

  const settings = (): WhatIfSettings | string => {
    // An untouched cell keeps the run's exact weight (its text is rounded to 12 digits).
    const rows = data.original.rows.map((row) => row.slice());
    for (const cell of cells) {
      const j = Number(cell.dataset.col);
      const k = Number(cell.dataset.role);
      const changed = cell.value !== cell.defaultValue;
      cell.classList.toggle('changed', changed);
      if (!changed) continue;
      const x = cell.value.trim() === '' ? 0 : Number(cell.value);
      if (!Number.isFinite(x)) return `${cell.getAttribute('aria-label')}: "${cell.value}" is not a number`;
      rows[j][k] = x / 100;
    }
    const off: string[] = [];
    rows.forEach((row, j) => {
      const sum = row.reduce((a, w) => a + w, 0);
      const bad = Math.abs(sum - 1) > 1e-9;
      const td = panel.querySelector<HTMLElement>(`td[data-sum="${j}"]`)!;
      td.textContent = percentText(sum);
      td.classList.toggle('bad', bad);
      if (bad) off.push(`${data.rowNames[j]} sums to ${percentText(sum)}`);
    });
    if (off.length) return `${off.join('; ')}: each column must sum to 100% (the edited figures below are the last valid ones).`;
    const bps = cost.value === cost.defaultValue ? data.original.costBps : Number(cost.value);
    if (!(cost.value.trim() !== '' && bps >= 0 && bps <= 10_000)) return 'The cost must be a number of basis points from 0 to 10,000.';
    return { rows, costBps: bps, rule: rule.value };
  };

  const update = (): void => {
    const t0 = performance.now();
    const s = settings();
    let problem = typeof s === 'string' ? s : '';
    if (typeof s !== 'string') {
      try {
        const r0 = performance.now();
        edited = replayWhatIf(inputs, s);
        panel.dataset.replayMs = String(performance.now() - r0);
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err);
      }
    }
    status.textContent = problem || 'Replayed in this page on the report’s data.';
    status.classList.toggle('bad', problem !== '');
    panel.classList.toggle('stale', problem !== '');
    showMetrics(panel, original, edited);
    draw(panel, original, edited, width);
    panel.dataset.ms = String(performance.now() - t0);
    panel.dataset.updates = String(Number(panel.dataset.updates ?? 0) + 1);
  };

  panel.addEventListener('input', update);
  panel.querySelector('#wi-reset')?.addEventListener('click', () => {
    for (const input of [...cells, cost, rule]) input.value = input.defaultValue;
    update();
  });
  // The charts' width is read once and on resize: reading layout on every edit would lay out the whole report.
  window.addEventListener('resize', () => {
    const w = chartWidth(panel);
    if (w !== width) {
      width = w;
      draw(panel, original, edited, width);
    }
  });
  update();
}

function showMetrics(panel: HTMLElement, original: WhatIfOutcome, edited: WhatIfOutcome): void {
  for (const m of WHAT_IF_METRICS) {
    for (const [which, outcome] of [
      ['original', original],
      ['edited', edited],
    ] as const) {
      const td = panel.querySelector<HTMLElement>(`td[data-wi-metric="${m.key}"][data-which="${which}"]`);
      if (!td) continue;
      const raw = outcome.metrics[m.key];
      const value = m.negate ? 0 - raw : raw;
      td.textContent = metricText(value, m.format);
      td.dataset.value = String(value);
    }
  }
}

function chartWidth(panel: HTMLElement): number {
  const fig = panel.querySelector<HTMLElement>('.wi-chart');
  return Math.max(240, Math.round(fig?.clientWidth ?? 600));
}

function draw(panel: HTMLElement, original: WhatIfOutcome, edited: WhatIfOutcome, w: number): void {
  const days = original.result.days;
  const h = w < 480 ? 170 : 210;
  const pair = [original, edited];
  const navs = pair.map((o) => positive(o.result.nav));
  lineChart(
    panel.querySelector('#wi-equity') as SVGSVGElement,
    days,
    navs,
    w,
    h,
    true,
    (v) => `$${v < 10 ? Number(v.toPrecision(2)) : Math.round(v)}`,
    (v) => `$${v.toFixed(2)}`,
  );
  const dds = navs.map((nav) => {
    const d = drawdownSeries(nav);
    const out = new Float64Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = -d[i];
    return out;
  });
  lineChart(
    panel.querySelector('#wi-drawdown') as SVGSVGElement,
    days,
    dds,
    w,
    Math.round(h * 0.75),
    false,
    (v) => `${Math.round(v * 100)}%`,
    (v) => `${(v * 100).toFixed(1)}%`,
  );
}

/** The NAV before a wipe-out (metrics stop there too). */
function positive(nav: Float64Array): Float64Array {
  let m = 0;
  while (m < nav.length && nav[m] > 0) m++;
  return nav.subarray(0, m);
}

/** What a drawn chart's readout needs: its days, lines and horizontal scale. */
interface ChartState {
  days: Int32Array;
  series: Float64Array[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  W: number;
  H: number;
  readout: (v: number) => string;
}

const charts = new WeakMap<SVGSVGElement, ChartState>();

/**
 * Two lines (original grey, edited blue) on a time axis: each pixel column keeps its lowest and
 * highest value in the order they occur, so thinning never hides a trough. Pointing at (or
 * tapping) the chart shows the day's values of both.
 */
function lineChart(
  svg: SVGSVGElement,
  days: Int32Array,
  series: Float64Array[],
  W: number,
  H: number,
  log: boolean,
  label: (v: number) => string,
  readout: (v: number) => string,
): void {
  const left = 44;
  const right = 8;
  const top = 8;
  const bottom = 20;
  const f = log ? Math.log : (v: number) => v;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!(hi > lo)) hi = lo + (log ? lo : 0.01) * 0.1 + 1e-9;
  const d0 = days[0];
  const d1 = days[days.length - 1];
  const x = (t: number) => left + ((days[t] - d0) / Math.max(1, d1 - d0)) * (W - left - right);
  const y = (v: number) => top + (1 - (f(v) - f(lo)) / (f(hi) - f(lo))) * (H - top - bottom);
  const parts: string[] = [];
  for (const v of log ? logTicks(lo, hi) : linearTicks(lo, hi)) {
    const yy = y(v).toFixed(1);
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${yy}" y2="${yy}" stroke="#e4e4e4"/>`);
    parts.push(`<text x="${left - 4}" y="${yy}" text-anchor="end" dominant-baseline="middle">${label(v)}</text>`);
  }
  const years = yearStarts(days);
  const every = Math.max(1, Math.ceil((years.length * 38) / (W - left - right)));
  years.forEach(([t, year], i) => {
    if (i % every) return;
    const xx = x(t).toFixed(1);
    parts.push(`<line x1="${xx}" x2="${xx}" y1="${top}" y2="${H - bottom}" stroke="#f0f0f0"/>`);
    parts.push(`<text x="${xx}" y="${H - 5}" text-anchor="middle">${year}</text>`);
  });
  series.forEach((s, k) =>
    parts.push(
      `<path fill="none" stroke="${k === 0 ? ORIGINAL_COLOUR : EDITED_COLOUR}" stroke-width="${k === 0 ? 2.2 : 1.4}" stroke-linejoin="round" d="${pathOf(s, x, y)}"/>`,
    ),
  );
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.innerHTML = parts.join('');
  if (!charts.has(svg)) {
    svg.addEventListener('pointermove', (e) => showReadout(svg, e), { passive: true });
    svg.addEventListener('pointerdown', (e) => showReadout(svg, e), { passive: true });
    svg.addEventListener('pointerleave', () => svg.querySelector('.wi-cursor')?.remove());
  }
  charts.set(svg, { days, series, left, right, top, bottom, W, H, readout });
}

/** A vertical rule at the day under the pointer and, at the plot's top left, that day's values. */
function showReadout(svg: SVGSVGElement, e: PointerEvent): void {
  const c = charts.get(svg);
  if (!c) return;
  const box = svg.getBoundingClientRect();
  const px = ((e.clientX - box.left) * c.W) / Math.max(1, box.width);
  const { days } = c;
  const day = days[0] + ((px - c.left) / (c.W - c.left - c.right)) * (days[days.length - 1] - days[0]);
  let t = 0;
  while (t < days.length - 1 && days[t + 1] <= day) t++;
  const xx = (c.left + ((days[t] - days[0]) / Math.max(1, days[days.length - 1] - days[0])) * (c.W - c.left - c.right)).toFixed(1);
  const value = (s: Float64Array) => (t < s.length ? c.readout(s[t]) : '–');
  const text = `${isoDay(days[t])} · original ${value(c.series[0])} · edited ${value(c.series[1])}`;
  svg.querySelector('.wi-cursor')?.remove();
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  g.setAttribute('class', 'wi-cursor');
  g.innerHTML = `<line x1="${xx}" x2="${xx}" y1="${c.top}" y2="${c.H - c.bottom}" stroke="#555" stroke-dasharray="3 2"/><text x="${c.left + 4}" y="${c.top + 10}" fill="#1b1b1b" stroke="#fff" stroke-width="3" paint-order="stroke">${text}</text>`;
  svg.appendChild(g);
}

function pathOf(s: Float64Array, x: (t: number) => number, y: (v: number) => number): string {
  const out: string[] = [];
  let col = -1;
  let iMin = -1;
  let iMax = -1;
  const flush = () => {
    if (iMin < 0) return;
    const a = Math.min(iMin, iMax);
    const b = Math.max(iMin, iMax);
    out.push(`${x(a).toFixed(1)},${y(s[a]).toFixed(1)}`);
    if (b !== a) out.push(`${x(b).toFixed(1)},${y(s[b]).toFixed(1)}`);
  };
  for (let t = 0; t < s.length; t++) {
    const c = Math.round(x(t));
    if (c !== col) {
      flush();
      col = c;
      iMin = iMax = t;
    } else {
      if (s[t] < s[iMin]) iMin = t;
      if (s[t] > s[iMax]) iMax = t;
    }
  }
  flush();
  return out.length ? `M${out.join('L')}` : '';
}

/** [index of the first trading day of each year after the first, year]. */
function yearStarts(days: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  let prev = dayParts(days[0]).year;
  for (let t = 1; t < days.length; t++) {
    const y = dayParts(days[t]).year;
    if (y !== prev) out.push([t, y]);
    prev = y;
  }
  return out;
}

/** Levels of 1, 1.5, 2, 3, 5, 7 × 10^k inside [lo, hi], at most six. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 1.5, 2, 3, 5, 7]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  const step = Math.ceil(out.length / 6);
  return out.filter((_, i) => i % step === 0);
}

/** Round steps (1, 2, 5 × 10^k) from lo to hi, about four of them. */
function linearTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

start();
