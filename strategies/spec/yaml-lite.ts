import { ConfigError } from '../../datasets/errors.ts';

export type YamlValue = string | number | boolean | null | { [key: string]: YamlValue };

/**
 * Parses the small YAML subset strategy files need (no dependency): nested block mappings by
 * indentation (spaces), `key: value` pairs, one-line flow mappings `{ a: 0.5, b: 0.5 }`,
 * scalars (numbers, true/false, null or ~, 'single' or "double" quoted and plain strings),
 * `#` comments and a leading `---`. Lists, anchors, multi-line strings and tabs are refused
 * with the line that has them.
 *
 * @throws ConfigError with `file` and `line` for anything outside the subset.
 * @example
 * parseYamlLite('Q1:\n  us_large: 1\n'); // { Q1: { us_large: 1 } }
 */
export function parseYamlLite(text: string, file?: string): { [key: string]: YamlValue } {
  const lines: { indent: number; text: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (/^\t| \t/.test(raw.match(/^\s*/)![0])) throw fail('tabs are not allowed for indentation', file, line);
    const content = stripComment(raw, file, line).trimEnd();
    if (content.trim() === '' || (lines.length === 0 && content.trim() === '---')) return;
    lines.push({ indent: content.length - content.trimStart().length, text: content.trim(), line });
  });
  let pos = 0;
  const block = (indent: number): { [key: string]: YamlValue } => {
    const out: { [key: string]: YamlValue } = {};
    while (pos < lines.length && lines[pos].indent >= indent) {
      const l = lines[pos];
      if (l.indent > indent) throw fail('unexpected indentation', file, l.line);
      if (l.text.startsWith('- ') || l.text === '-') throw fail('lists are not supported in strategy files', file, l.line);
      const colon = keyEnd(l.text);
      if (colon < 0) throw fail(`expected "key: value", got "${l.text}"`, file, l.line);
      const key = unquote(l.text.slice(0, colon).trim(), file, l.line);
      if (key in out) throw fail(`duplicate key "${key}"`, file, l.line);
      const rest = l.text.slice(colon + 1).trim();
      pos++;
      if (rest === '') {
        if (pos < lines.length && lines[pos].indent > indent) out[key] = block(lines[pos].indent);
        else out[key] = null;
      } else out[key] = value(rest, file, l.line);
    }
    return out;
  };
  const result = block(lines.length ? lines[0].indent : 0);
  if (pos < lines.length) throw fail('unexpected indentation', file, lines[pos].line);
  return result;
}

function fail(message: string, file: string | undefined, line: number): ConfigError {
  return new ConfigError('bad-config', `YAML: ${message}`, { file, line, hint: 'strategy files use a small YAML subset (mappings and scalars), or JSON' });
}

function stripComment(raw: string, file: string | undefined, line: number): string {
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || raw[i - 1] === ' ')) return raw.slice(0, i);
  }
  if (quote) throw fail('unterminated quoted string', file, line);
  return raw;
}

/** Index of the colon ending a key (outside quotes, followed by a space or the end), or −1. */
function keyEnd(text: string): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  }
  return -1;
}

function value(text: string, file: string | undefined, line: number): YamlValue {
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw fail('a flow mapping must close on the same line', file, line);
    const out: { [key: string]: YamlValue } = {};
    const body = text.slice(1, -1).trim();
    if (body === '') return out;
    for (const part of splitTopLevel(body)) {
      const colon = keyEnd(part.trim());
      if (colon < 0) throw fail(`expected "key: value" inside { }, got "${part.trim()}"`, file, line);
      const p = part.trim();
      const key = unquote(p.slice(0, colon).trim(), file, line);
      if (key in out) throw fail(`duplicate key "${key}"`, file, line);
      out[key] = scalar(p.slice(colon + 1).trim(), file, line);
    }
    return out;
  }
  if (text.startsWith('[')) throw fail('lists are not supported in strategy files', file, line);
  if (text.startsWith('&') || text.startsWith('*') || text.startsWith('|') || text.startsWith('>')) {
    throw fail(`"${text[0]}" (anchors, aliases, block strings) is not supported`, file, line);
  }
  return scalar(text, file, line);
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts.filter((p) => p.trim() !== '');
}

function scalar(text: string, file: string | undefined, line: number): YamlValue {
  if (text.startsWith('"') || text.startsWith("'")) return unquote(text, file, line);
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (text === 'null' || text === '~' || text === 'Null' || text === 'NULL') return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('{') || text.startsWith('[')) throw fail('nested flow collections are not supported', file, line);
  return text;
}

function unquote(text: string, file: string | undefined, line: number): string {
  const q = text[0];
  if (q !== '"' && q !== "'") return text;
  if (text.length < 2 || text[text.length - 1] !== q) throw fail(`unterminated quoted string ${text}`, file, line);
  const inner = text.slice(1, -1);
  if (q === "'") return inner.replace(/''/g, "'");
  try {
    return JSON.parse(text) as string;
  } catch {
    throw fail(`bad escape in ${text}`, file, line);
  }
}
