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

// The catalog's to_json: compact separators, non-ASCII characters kept (aws-cloudtrail's expected outputs).
registerFilter('to_json', (v) => pyJsonDumps(v, { compact: true, ensureAscii: false }));

registerFilter('from_json', (v) => {
  if (typeof v !== 'string') fail(`the JSON object must be str, bytes or bytearray, not ${typeName(v)}`);
  return pyJsonLoads(v);
});
