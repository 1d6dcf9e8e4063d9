/** JSON filters: Jinja's tojson and the catalog's to_json / from_json. */
import { arg } from '../args.js';
import { fail } from '../errors.js';
import { pyJsonDumps, pyJsonLoads } from '../pyjson.js';
import { typeName } from '../runtime.js';
import { registerFilter } from './registry.js';

const HTML_SAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', "'": '\\u0027' };

registerFilter('tojson', (v, a, k) => {
  const indent = arg(a, k, 0, 'indent', null) as number | string | null;
  return pyJsonDumps(v, { sortKeys: true, indent }).replace(/[<>&']/g, (c) => HTML_SAFE[c]!);
});

// The catalog's to_json: compact separators, non-ASCII characters kept (docs/catalog-rules/templates.md).
registerFilter('to_json', (v) => pyJsonDumps(v, { compact: true, ensureAscii: false }));

/** How a JSON text can start (after whitespace): most non-JSON texts are told apart without a parse. */
const JSON_START = /^[\s]*[{["\-\dNI]|^[\s]*(?:true|false|null)/;

// The catalog's from_json: a text that is not JSON gives None (`v | from_json == None` is how
// parsers tell JSON from plain values; docs/catalog-rules/templates.md).
registerFilter('from_json', (v) => {
  if (typeof v !== 'string') fail(`the JSON object must be str, bytes or bytearray, not ${typeName(v)}`);
  if (!JSON_START.test(v)) return null;
  try {
    return pyJsonLoads(v);
  } catch {
    return null;
  }
});
