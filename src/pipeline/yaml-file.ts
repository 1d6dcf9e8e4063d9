import { readFileSync } from 'node:fs';
import type { Document } from 'yaml';
import { yamlLib } from '../core/yaml-lib.js';
import { readCachedYaml, writeCachedYaml, type CachedYaml, type KeyPath } from './yaml-cache.js';

/** A YAML file read once, with a way back from a value's path to its line for error messages. */
export interface YamlFile {
  file: string;
  value: unknown;
  /** 1-based line of the node at `path` (or of its closest existing ancestor). */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Keys of the mapping at `path` with their YAML types (an int key stays an int), in file order. */
  typedKeys(path: readonly (string | number)[]): unknown[] | undefined;
}

export class YamlFileError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, message: string) {
    super(message);
  }
}

/**
 * Parses with YAML 1.1 rules, like the reference engine's PyYAML: `yes`/`no`/`on`/`off` are booleans,
 * which matters for translate dictionary keys.
 */
export function readYamlFile(file: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new YamlFileError(file, undefined, `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseYamlText(file, text);
}

// PyYAML's YAML 1.1 booleans: yes/no/on/off/true/false in three casings, but not y/n as the 1.1 spec lists.
const pyYamlBool = (value: boolean, test: RegExp) => ({
  identify: (v: unknown) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test,
  resolve: () => value,
});
const customTags = (tags: Tags): Tags => [
  ...tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:bool'),
  pyYamlBool(true, /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/),
  pyYamlBool(false, /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/),
];
type Tags = Exclude<Parameters<typeof import('yaml').parseDocument>[1], undefined> extends { customTags?: infer C } ? Extract<C, unknown[]> : never;

/** Reads YAML text, from the parse cache when it holds this very text (see yaml-cache.ts). */
export function parseYamlText(file: string, text: string): YamlFile {
  const cached = readCachedYaml(text);
  if (cached !== undefined) return fromCache(file, text, cached);
  const { yaml, doc } = parseWithLibrary(file, text);
  let typedKeys: Array<[KeyPath, unknown[]]> | undefined;
  try {
    typedKeys = typedKeyTable(doc, yaml.value);
  } catch (err) {
    if (!(err instanceof NotCacheable)) throw err;
  }
  if (typedKeys !== undefined) writeCachedYaml(text, { value: yaml.value, typedKeys });
  return yaml;
}

class NotCacheable extends Error {}

function holdsMapping(node: unknown): boolean {
  const { isAlias, isMap, isSeq } = yamlLib();
  if (isMap(node) || isAlias(node)) return true;
  return isSeq(node) && node.items.some(holdsMapping);
}

function parseWithLibrary(file: string, text: string): { yaml: YamlFile; doc: Document } {
  const { LineCounter, parseDocument, isMap, isNode, isScalar } = yamlLib();
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { version: '1.1', customTags, lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.pos ? lineCounter.linePos(err.pos[0]).line : undefined;
    throw new YamlFileError(file, line, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const value = doc.toJS({ maxAliasCount: 1000 });
  const yaml: YamlFile = {
    file,
    value,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
    typedKeys(path) {
      const node = doc.getIn(path, true);
      if (!isMap(node)) return undefined;
      return node.items.map((pair) => (isScalar(pair.key) ? pair.key.value : pair.key));
    },
  };
  return { yaml, doc };
}

/**
 * A file served from the cache. Lines are needed only to report a problem: the text is parsed
 * then, once. Typed keys come from the entry where they differ from the value's own keys.
 */
function fromCache(file: string, text: string, entry: CachedYaml): YamlFile {
  const typed = new Map(entry.typedKeys.map(([path, keys]) => [JSON.stringify(path), keys]));
  let parsed: YamlFile | undefined;
  return {
    file,
    value: entry.value,
    lineOf(path) {
      parsed ??= parseWithLibrary(file, text).yaml;
      return parsed.lineOf(path);
    },
    typedKeys(path) {
      const keys = typed.get(JSON.stringify(path));
      if (keys !== undefined) return keys;
      const node = valueAt(entry.value, path);
      return node !== null && typeof node === 'object' && !Array.isArray(node) ? Object.keys(node) : undefined;
    },
  };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/**
 * The mappings whose typed keys, in file order, are not exactly the value's own keys (a key that
 * is an int or a bool, a duplicate, a merge key, keys that Object.keys would reorder).
 */
function typedKeyTable(doc: Document, value: unknown): Array<[KeyPath, unknown[]]> {
  const { isAlias, isMap, isScalar, isSeq } = yamlLib();
  const table: Array<[KeyPath, unknown[]]> = [];
  const walk = (node: unknown, js: unknown, path: KeyPath): void => {
    // An alias is a node of its own for typed keys and lines, not the mapping it names.
    if (isAlias(node)) throw new NotCacheable();
    if (isMap(node)) {
      const keys = node.items.map((pair) => (isScalar(pair.key) ? pair.key.value : pair.key));
      const own = js !== null && typeof js === 'object' && !Array.isArray(js) ? Object.keys(js) : [];
      if (keys.length !== own.length || keys.some((k, i) => k !== own[i])) table.push([path, keys]);
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'string') walk(pair.value, valueAt(js, [key]), [...path, key]);
        // Below a typed key, paths would not name the same mapping in both readings: not cached
        // (a list of scalars, as translate dictionaries hold, is fine: it has no typed keys).
        else if (holdsMapping(pair.value)) throw new NotCacheable();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, Array.isArray(js) ? js[i] : undefined, [...path, i]));
    }
  };
  walk(doc.contents, value, []);
  return table;
}
