import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Which code made a result: Quadrant's version, its dependencies' versions and, in a git
 * checkout, the commit. Versions come from package.json files found by Node's own resolution
 * (createRequire), so they are right both in a checkout and in an installed copy, where the
 * dependencies sit in the consumer's node_modules and there is no git repository.
 */

const require = createRequire(import.meta.url);

/** What a report says for the commit of an installed package. */
export const NOT_A_CHECKOUT = 'not a git checkout';

/** The directory holding Quadrant's package.json (the checkout, or node_modules/quadrant). */
export function packageRoot(): string {
  return dirname(require.resolve('quadrant/package.json'));
}

/** Quadrant's own version, from its package.json. */
export function quadrantVersion(): string {
  return (require('quadrant/package.json') as { version: string }).version;
}

/**
 * The installed version of a dependency, or "not installed". Its package.json is read directly
 * when the package exports it; otherwise found by walking up from the package's entry file.
 */
export function dependencyVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // The package hides its package.json behind an `exports` map, or is absent.
  }
  try {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
  } catch {
    // Not resolvable from here.
  }
  return 'not installed';
}

/**
 * The git commit of the checkout Quadrant runs from and whether tracked files were modified, or
 * undefined outside a checkout. Only a repository rooted at Quadrant's own directory counts: an
 * installed copy inside someone else's repository must not report their commit.
 */
export function gitCheckout(root = packageRoot()): { commit: string; dirty: boolean } | undefined {
  if (!existsSync(join(root, '.git'))) return undefined;
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git(['rev-parse', 'HEAD']);
    return commit ? { commit, dirty: git(['status', '--porcelain', '--untracked-files=no']).length > 0 } : undefined;
  } catch {
    return undefined; // git is not installed, or the repository is unreadable
  }
}
