import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dependencyVersion, gitCheckout, packageRoot, quadrantVersion } from '../../engine/package-versions.ts';

// Expected values are read straight from the files and from git itself, not through the module.
const root = join(import.meta.dirname, '..', '..');
const versionIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

describe('package versions', () => {
  it("finds Quadrant's own package.json and version", () => {
    expect(packageRoot()).toBe(root);
    expect(quadrantVersion()).toBe(versionIn(join(root, 'package.json')));
  });

  it("reads a dependency's version even when its exports map hides package.json (pdfkit, vega)", () => {
    expect(dependencyVersion('pdfkit')).toBe(versionIn(join(root, 'node_modules', 'pdfkit', 'package.json')));
    expect(dependencyVersion('vega')).toBe(versionIn(join(root, 'node_modules', 'vega', 'package.json')));
    expect(dependencyVersion('svg-to-pdfkit')).toBe(versionIn(join(root, 'node_modules', 'svg-to-pdfkit', 'package.json')));
    expect(dependencyVersion('no-such-package-quadrant-test')).toBe('not installed');
  });

  const tmp = mkdtempSync(join(tmpdir(), 'quadrant-git-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("does not report the commit of a repository that merely contains Quadrant (node_modules/quadrant in someone's project)", () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: tmp, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'consumer project');
    const installed = join(tmp, 'node_modules', 'quadrant');
    mkdirSync(installed, { recursive: true });
    expect(gitCheckout(installed)).toBeUndefined();
    // The repository's own root does count, with the commit git reports.
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: tmp, encoding: 'utf8' }).trim();
    expect(gitCheckout(tmp)).toEqual({ commit: head, dirty: false });
  });
});
