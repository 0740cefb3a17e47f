import { ConfigError } from './errors.ts';

/**
 * Deepest nesting of objects and arrays read from a configuration file (strategy, grid, regime
 * config). Real ones nest four levels; the bound keeps recursive validators far from the
 * call-stack limit, whatever the file holds.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * The deepest bracket (`[`, `{`) or indentation nesting of JSON or YAML text, found in one pass
 * without parsing, so a hostile file is refused before a recursive parser sees it. Brackets
 * inside quoted strings are not counted; indentation counts one level per deeper indent (and per
 * `- ` sequence marker). An upper bound for YAML's block nesting, exact for JSON.
 */
export function textNestingDepth(text: string): number {
  let deepest = 0;
  let brackets = 0;
  let quote = '';
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote || c === '\n') quote = '';
      if (c === '\n') (lineStart = true), (indent = 0);
      continue;
    }
    if (lineStart) {
      if (c === ' ' || (c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n'))) {
        indent++;
        continue;
      }
      if (c === '\n' || c === '\r' || c === '#') {
        if (c === '#') while (i < text.length && text[i] !== '\n') i++;
        indent = 0;
        continue;
      }
      lineStart = false;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Each "- " marker opens one more level than its indentation shows.
      if (indents.length > deepest) deepest = indents.length;
    }
    if (c === '\n') {
      lineStart = true;
      indent = 0;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      brackets++;
      if (indents.length + brackets > deepest) deepest = indents.length + brackets;
    } else if (c === ']' || c === '}') brackets = Math.max(0, brackets - 1);
  }
  return deepest;
}

/** Throws ConfigError('too-deep') naming `file` when the text nests deeper than MAX_INPUT_DEPTH. */
export function assertTextDepth(text: string, file?: string, option?: string): void {
  const depth = textNestingDepth(text);
  if (depth > MAX_INPUT_DEPTH) {
    throw new ConfigError('too-deep', `nests ${depth.toLocaleString('en-US')} levels deep; at most ${MAX_INPUT_DEPTH} are allowed`, {
      ...(file ? { file } : {}),
      ...(option ? { option } : {}),
    });
  }
}

/**
 * The dotted path of the first place where `value` nests deeper than `max` levels, or undefined.
 * Iterative, so it cannot overflow the stack on the inputs it guards against.
 */
export function tooDeepAt(value: unknown, max = MAX_INPUT_DEPTH): string | undefined {
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return path || '(root)';
    for (const key of Object.keys(node)) {
      stack.push({ node: (node as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}
