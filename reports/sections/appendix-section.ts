import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MACRO_SERIES, PRICE_SERIES } from '../../datasets/catalog.ts';
import { isoDay } from '../../datasets/day.ts';
import type { Dataset } from '../../datasets/load-dataset.ts';
import type { RoleSegment } from '../../datasets/roles.ts';
import { coverage } from '../../datasets/series.ts';
import { configTable, type ConfigEntry, type ReportSection, type TableBlock } from '../model.ts';
import type { CodeVersion } from './version.ts';

/** One data file as read: its series, coverage and checksum. */
export interface FileProvenance {
  series: string;
  title: string;
  source: string;
  /** Path relative to the data directory. */
  file: string;
  first: string;
  last: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** sha256 (hex) of a file's bytes. */
export function sha256File(path: string): { sha256: string; bytes: number } {
  const data = readFileSync(path);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength };
}

/**
 * Provenance of every file a dataset read, in catalog order: series id and title, source,
 * coverage (first and last observation with a value, row count; datasets/series.ts coverage)
 * and the sha256 of the file's bytes, so a reader can check they hold the same data.
 * The snapshot's own PROVENANCE.md and manifest.json files are listed too when present.
 */
export function datasetProvenance(ds: Dataset): FileProvenance[] {
  const out: FileProvenance[] = [];
  const ids = [...MACRO_SERIES.map((e) => e.id), ...PRICE_SERIES.map((e) => e.ticker)];
  for (const id of ids) {
    const path = ds.files.get(id);
    const series = ds.macro.get(id) ?? ds.prices.get(id);
    if (!path || !series) continue;
    const c = coverage(series);
    const { sha256, bytes } = sha256File(path);
    out.push({
      series: id,
      title: series.meta.title,
      source: series.meta.source,
      file: relative(ds.dir, path),
      first: c.count ? isoDay(c.first) : '',
      last: c.count ? isoDay(c.last) : '',
      rows: c.count,
      bytes,
      sha256,
    });
  }
  for (const sub of ['fred', 'prices']) {
    for (const name of ['PROVENANCE.md', 'manifest.json']) {
      const path = join(ds.dir, sub, name);
      if (!existsSync(path)) continue;
      const { sha256, bytes } = sha256File(path);
      out.push({ series: '', title: `${sub}/${name}`, source: 'snapshot notes', file: `${sub}/${name}`, first: '', last: '', rows: 0, bytes, sha256 });
    }
  }
  return out;
}

/** Flattens a JSON-like value into `a.b.c = value` entries (arrays joined with ", "). */
export function flattenParameters(value: unknown, prefix = ''): ConfigEntry[] {
  if (value === null || value === undefined) return [{ key: prefix, value: String(value) }];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return [{ key: prefix, value: value.map(String).join(', ') }];
    return value.flatMap((v, i) => flattenParameters(v, `${prefix}[${i}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenParameters(v, prefix ? `${prefix}.${k}` : k));
  }
  return [{ key: prefix, value: String(value) }];
}

/**
 * Parameters for print: the leaves of one parent path (`regime.components.reserves.weight`,
 * `.method`, `.deadBand`) share a row when there are at least `minGroup` of them with values of
 * at most `maxValue` characters: key `regime.components.reserves`, value
 * `weight: 0.25 · method: sign · deadBand: 100000`. Longer values, lone leaves and top-level keys
 * keep their own rows; the order of first appearance is kept.
 */
export function groupParameters(entries: readonly ConfigEntry[], options: { minGroup?: number; maxValue?: number } = {}): ConfigEntry[] {
  const minGroup = options.minGroup ?? 3;
  const maxValue = options.maxValue ?? 24;
  const parent = (key: string) => key.slice(0, Math.max(0, key.lastIndexOf('.')));
  const groupable = (e: ConfigEntry) => parent(e.key) !== '' && e.value.length <= maxValue;
  const counts = new Map<string, number>();
  for (const e of entries) if (groupable(e)) counts.set(parent(e.key), (counts.get(parent(e.key)) ?? 0) + 1);
  const out: ConfigEntry[] = [];
  const rows = new Map<string, ConfigEntry>();
  for (const e of entries) {
    const p = parent(e.key);
    if (!groupable(e) || (counts.get(p) ?? 0) < minGroup) {
      out.push(e);
      continue;
    }
    const leaf = `${e.key.slice(p.length + 1)}: ${e.value}`;
    const row = rows.get(p);
    if (row) row.value += ` · ${leaf}`;
    else {
      const fresh = { key: p, value: leaf };
      rows.set(p, fresh);
      out.push(fresh);
    }
  }
  return out;
}

export interface AppendixInput {
  dataset: Dataset;
  version: CodeVersion;
  /** Every parameter that shaped the report, flattened (see flattenParameters). */
  parameters: ConfigEntry[];
  /** Which instrument stood for each role when (datasets/roles.ts roleSegments). */
  segments?: RoleSegment[];
  /** The command that reproduces the report. */
  command?: string;
}

/** Hex digits of a sha256 the PDF prints (48 bits: enough to tell files apart by eye). */
export const SHORT_HASH = 12;

/**
 * The appendix: enough to reproduce every figure: the code version (package version, git
 * commit, whether the checkout was modified, Node and library versions), every parameter, the
 * data files with coverage and sha256 checksums, which instrument stood for each role when,
 * and the dataset's notes and warnings. All reference tables are compact (small type, folded
 * into side-by-side columns in the PDF, collapsed in the HTML); the PDF prints each sha256's
 * first SHORT_HASH hex digits, the HTML (and a run's manifest.json) the whole digest.
 */
export function appendixSection(input: AppendixInput): ReportSection {
  const { dataset: ds, version } = input;
  const files = datasetProvenance(ds);
  const blocks: ReportSection['blocks'] = [];
  blocks.push({
    kind: 'text',
    paragraphs: [
      `Data directory: ${ds.dir} (${files.filter((f) => f.series).length} series files). Each file's sha256 identifies its exact bytes: the PDF prints the first ${SHORT_HASH} hex digits, the HTML report lists the full digests (as does a run's manifest.json). The snapshot's PROVENANCE.md files name the source of every row.`,
      ...(input.command ? [`Reproduce with: ${input.command}`] : []),
    ],
  });
  blocks.push({
    kind: 'table',
    id: 'appendix-version',
    caption: 'Code version',
    compact: true,
    columns: [
      { key: 'item', label: 'Item', align: 'left' },
      { key: 'value', label: 'Value', align: 'left' },
    ],
    rows: [
      { key: 'version', cells: ['Quadrant version', version.version] },
      {
        key: 'commit',
        cells: ['Git commit', version.commit + (version.dirty ? ' (with uncommitted changes)' : '')],
        tones: [null, version.dirty ? 'bad' : null],
      },
      { key: 'node', cells: ['Node.js', version.node] },
      ...Object.entries(version.libraries).map(([name, v]) => ({ key: name, cells: [name, v] })),
    ],
  });
  blocks.push({
    ...configTable('appendix-parameters', 'Parameters', groupParameters(input.parameters)),
    compact: true,
    note: 'Leaves of one parameter path share a row (path, then name: value for each).',
  });
  blocks.push(filesTable(files));
  if (input.segments?.length) {
    blocks.push({
      kind: 'table',
      id: 'appendix-role-instruments',
      caption: 'Instrument behind each role, by period',
      compact: true,
      columns: [
        { key: 'role', label: 'Role', align: 'left' },
        { key: 'instrument', label: 'Instrument', align: 'left' },
        { key: 'from', label: 'From', align: 'left' },
        { key: 'to', label: 'To', align: 'left' },
        { key: 'days', label: 'Trading days', format: { style: 'integer' } },
      ],
      rows: input.segments.map((s) => ({
        cells: [s.role, s.instrument, s.from, s.to, s.days],
        tones: [null, s.instrument === 'TBILL' ? 'muted' : null, null, null, null],
      })),
      note: 'TBILL is the T-bill account (3-month bill yield accrued daily), used before an instrument has prices and after its last one.',
    });
  }
  const remarks = [
    ...ds.notes.map((n) => ({ cells: ['note', '', n] })),
    ...ds.issues.map((i) => ({ cells: [i.severity, i.series ?? '', i.message], tones: [i.severity === 'error' ? ('bad' as const) : null, null, null] })),
  ];
  if (remarks.length) {
    blocks.push({
      kind: 'table',
      id: 'appendix-data-notes',
      caption: 'Dataset notes and warnings at load time',
      compact: true,
      columns: [
        { key: 'kind', label: 'Kind', align: 'left' },
        { key: 'series', label: 'Series', align: 'left' },
        { key: 'message', label: 'Message', align: 'left' },
      ],
      rows: remarks,
    });
  }
  return { title: 'Appendix: reproducibility', blocks };
}

/**
 * One row per file read: series, title, file, coverage (first and last value, count) and sha256; the snapshot's notes files (PROVENANCE.md, manifest.json) at the end, without coverage.
 */
function filesTable(files: FileProvenance[]): TableBlock {
  return {
    kind: 'table',
    id: 'appendix-files',
    caption: 'Data files: coverage and checksums',
    compact: true,
    columns: [
      { key: 'series', label: 'Series', align: 'left' },
      { key: 'title', label: 'Title', align: 'left' },
      { key: 'file', label: 'File', align: 'left' },
      { key: 'first', label: 'First', align: 'left' },
      { key: 'last', label: 'Last', align: 'left' },
      { key: 'rows', label: 'Values', format: { style: 'integer' } },
      { key: 'sha256', label: 'sha256', align: 'left', pdfChars: SHORT_HASH },
    ],
    rows: files.map((f) => ({
      key: f.file,
      cells: [f.series, f.series ? f.title : '', f.file, f.first, f.last, f.series ? f.rows : null, f.sha256],
    })),
  };
}
