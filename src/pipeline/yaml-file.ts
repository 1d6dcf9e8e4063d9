import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';

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
type Tags = Exclude<Parameters<typeof parseDocument>[1], undefined> extends { customTags?: infer C } ? Extract<C, unknown[]> : never;

export function parseYamlText(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { version: '1.1', customTags, lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.pos ? lineCounter.linePos(err.pos[0]).line : undefined;
    throw new YamlFileError(file, line, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const value = doc.toJS({ maxAliasCount: 1000 });
  return {
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
}
