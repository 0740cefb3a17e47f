import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
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

/**
 * The appendix: enough to reproduce every figure: the code version (package version, git
 * commit, whether the checkout was modified, Node and library versions), every parameter, the
 * data files with coverage and sha256 checksums, which instrument stood for each role when,
 * and the dataset's notes and warnings.
 */
export function appendixSection(input: AppendixInput): ReportSection {
  const { dataset: ds, version } = input;
  const files = datasetProvenance(ds);
  const blocks: ReportSection['blocks'] = [];
  blocks.push({
    kind: 'text',
    paragraphs: [
      `Data directory: ${ds.dir} (${files.filter((f) => f.series).length} series files). Each file's sha256 below identifies its exact bytes; the snapshot's PROVENANCE.md files name the source of every row.`,
      ...(input.command ? [`Reproduce with: ${input.command}`] : []),
    ],
  });
  blocks.push({
    kind: 'table',
    id: 'appendix-version',
    caption: 'Code version',
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
  blocks.push(configTable('appendix-parameters', 'Parameters', input.parameters));
  blocks.push(coverageTable(files));
  blocks.push({
    kind: 'table',
    id: 'appendix-checksums',
    caption: 'File checksums (sha256)',
    columns: [
      { key: 'file', label: 'File', align: 'left' },
      { key: 'bytes', label: 'Bytes', format: { style: 'integer' } },
      { key: 'sha256', label: 'sha256', align: 'left' },
    ],
    rows: files.map((f) => ({ key: f.file, cells: [f.file, f.bytes, f.sha256] })),
  });
  if (input.segments?.length) {
    blocks.push({
      kind: 'table',
      id: 'appendix-role-instruments',
      caption: 'Instrument behind each role, by period',
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

function coverageTable(files: FileProvenance[]): TableBlock {
  return {
    kind: 'table',
    id: 'appendix-coverage',
    caption: 'Data coverage',
    columns: [
      { key: 'series', label: 'Series', align: 'left' },
      { key: 'title', label: 'Title', align: 'left' },
      { key: 'source', label: 'Source', align: 'left' },
      { key: 'first', label: 'First', align: 'left' },
      { key: 'last', label: 'Last', align: 'left' },
      { key: 'rows', label: 'Values', format: { style: 'integer' } },
    ],
    rows: files
      .filter((f) => f.series)
      .map((f) => ({ key: f.series, cells: [f.series, f.title, f.source === 'prices' ? `prices/${basename(f.file)}` : f.source, f.first, f.last, f.rows] })),
  };
}
