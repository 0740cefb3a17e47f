import { isMap, isScalar, LineCounter, parseDocument, visit, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { ConfigError } from '../../datasets/errors.ts';
import { quote } from '../../datasets/problems.ts';

/**
 * Largest YAML file read, in bytes. The `yaml` package builds a mapping in time quadratic in its
 * number of keys (measured: 20,000 keys take 0.7 s, 12 s with its own duplicate-key check), so
 * YAML gets a tighter bound than JSON; a strategy file is a few hundred bytes.
 */
export const MAX_YAML_BYTES = 64_000;

/**
 * The `yaml` package's options for files Quadrant reads: the core schema (plain JSON-like
 * scalars), no custom or language tags, no merge keys. Duplicate keys are found by
 * {@link firstDuplicateKey} in linear time instead of the package's quadratic check.
 */
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
};

/**
 * Parses a YAML document with the maintained `yaml` package, configured for untrusted files:
 * the core schema, no tags beyond it (an unknown tag such as `!!js/function` is an error, not a
 * string), no anchors or aliases at all (so no expansion bomb: `maxAliasCount: 0`), duplicate
 * keys refused, keys plain scalars. Check the size (MAX_YAML_BYTES) and run assertTextDepth
 * first: the parser recurses on nesting.
 *
 * @throws ConfigError naming `file` and the line of the first problem.
 */
export function parseYaml(text: string, file?: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const where = (offset: number | undefined) => ({ ...(file ? { file } : {}), ...(offset !== undefined ? { line: lineCounter.linePos(offset).line } : {}) });
  const [problem] = [...doc.errors, ...doc.warnings];
  if (problem) {
    const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError('bad-config', `not valid YAML: ${message}`, where(problem.pos[0]));
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) throw new ConfigError('bad-config', duplicate.message, where(duplicate.offset));
  try {
    return doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    throw new ConfigError('bad-config', 'YAML anchors and aliases (&name, *name, <<) are not accepted: write each value out', file ? { file } : {});
  }
}

/** The first repeated or non-scalar key of any mapping in `doc`, with its offset; one pass. */
function firstDuplicateKey(doc: ReturnType<typeof parseDocument>): { message: string; offset?: number } | undefined {
  let found: { message: string; offset?: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) {
          found = { message: 'not valid YAML here: keys must be plain names or numbers', offset: (key as { range?: number[] } | null)?.range?.[0] };
          return visit.BREAK;
        }
        const text = String(key.value);
        if (seen.has(text)) {
          found = { message: `not valid YAML: duplicate key ${quote(text)}`, offset: key.range?.[0] };
          return visit.BREAK;
        }
        seen.add(text);
      }
      return undefined;
    },
  });
  return found;
}
