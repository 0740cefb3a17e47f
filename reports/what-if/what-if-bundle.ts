import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser bundle's file name, next to this module in dist/ (written by `npm run build`). */
export const WHAT_IF_BUNDLE_FILE = 'what-if.bundle.js';

let cached: Promise<string> | undefined;

/**
 * The what-if panel's script: browser-app.ts with the engine code it imports, one IIFE. An
 * installed package reads the copy `npm run build` wrote beside this module; a checkout (where
 * this module runs as TypeScript) bundles the sources with esbuild on first use, once per
 * process, so an edit to the engine shows in the next report and a stale bundle never does.
 */
export function whatIfScript(): Promise<string> {
  cached ??= (async () => {
    const prebuilt = new URL(`./${WHAT_IF_BUNDLE_FILE}`, import.meta.url);
    if (!import.meta.url.endsWith('.ts') && existsSync(prebuilt)) return readFileSync(prebuilt, 'utf8');
    return buildWhatIfScript();
  })();
  return cached;
}

/**
 * Bundles browser-app.ts with esbuild (a dev dependency: checkouts and `npm run build` have it).
 * Minified, ES2020, no eval and no import left (the replay's lazy danfojs-node import is
 * swapped for a stub); `</script` cannot occur in the output (it is
 * inlined in a <script> element).
 */
export async function buildWhatIfScript(): Promise<string> {
  const esbuild = await import('esbuild');
  const entry = fileURLToPath(new URL('./browser-app.ts', import.meta.url));
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    // The replay's result offers toDataFrame() (danfojs-node, imported lazily): the page gets a stub without the import.
    plugins: [
      {
        name: 'no-data-frame',
        setup(build) {
          build.onResolve({ filter: /\/to-data-frame\.ts$/ }, () => ({ path: fileURLToPath(new URL('./no-data-frame.ts', import.meta.url)) }));
        },
      },
    ],
  });
  return out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').trimEnd();
}

/** `npm run build`: writes the bundle into `dir` (dist/reports/what-if/, beside this module's compiled copy). */
export async function writeWhatIfBundle(dir: string): Promise<string> {
  const path = join(dir, WHAT_IF_BUNDLE_FILE);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, await buildWhatIfScript());
  return path;
}
