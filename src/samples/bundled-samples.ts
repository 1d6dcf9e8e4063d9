import { join } from 'node:path';
import { stringifyJson } from '../core/json.js';
import { loadBuiltinFormats, packageRoot } from '../pipeline/index.js';

/** The bundled sample files: per built-in format, its test inputs as NDJSON (`--input json` lines). */
export function bundledSamples(): { file: string; text: string }[] {
  return loadBuiltinFormats().map((format) => ({
    file: join(packageRoot(), 'samples', `${format.slug}.ndjson`),
    text: format.loadTests().map((t) => stringifyJson(t.input) + '\n').join(''),
  }));
}
