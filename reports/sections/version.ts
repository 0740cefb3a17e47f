import { dependencyVersion, gitCheckout, NOT_A_CHECKOUT, quadrantVersion } from '../../engine/package-versions.ts';

/** Where the code that made a report came from. */
export interface CodeVersion {
  /** package.json version of Quadrant. */
  version: string;
  /** Git commit (40 hex), or "not a git checkout" in an installed package. */
  commit: string;
  /** True when the checkout had uncommitted changes to tracked files. */
  dirty: boolean;
  node: string;
  /** Versions of the libraries that draw the report. */
  libraries: Record<string, string>;
}

/** The report-drawing libraries whose versions the appendix lists. */
const LIBRARIES = ['vega', 'vega-lite', 'pdfkit', 'svg-to-pdfkit'];

/** Quadrant's version, the git commit when run from a checkout, and the rendering libraries' versions. */
export function codeVersion(): CodeVersion {
  const git = gitCheckout();
  const libraries = Object.fromEntries(LIBRARIES.map((name) => [name, dependencyVersion(name)]));
  return { version: quadrantVersion(), commit: git?.commit ?? NOT_A_CHECKOUT, dirty: git?.dirty ?? false, node: process.version, libraries };
}
