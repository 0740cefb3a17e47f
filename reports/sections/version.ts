import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vl from 'vega-lite';

/** Where the code that made a report came from. */
export interface CodeVersion {
  /** package.json version of Quadrant. */
  version: string;
  /** Git commit (40 hex) or "unknown" outside a checkout. */
  commit: string;
  /** True when the checkout had uncommitted changes to tracked files. */
  dirty: boolean;
  node: string;
  /** Versions of the libraries that draw the report. */
  libraries: Record<string, string>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reads package.json, `git rev-parse HEAD` / `git status` and the rendering libraries' versions. */
export function codeVersion(): CodeVersion {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
  } catch {
    // Not a git checkout (an installed package): the version alone identifies the code.
  }
  const libraries: Record<string, string> = { vega: vega.version, 'vega-lite': vl.version };
  for (const name of ['pdfkit', 'svg-to-pdfkit']) {
    try {
      libraries[name] = (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      libraries[name] = 'unknown';
    }
  }
  return { version: pkg.version, commit, dirty, node: process.version, libraries };
}
