import { builtinFormatDirs } from './format-dirs.js';
import { loadFormat } from './load-format.js';
import type { Format, LoadOptions } from './types.js';

export { builtinFormatDirs, findBuiltinFormat, findFormatDirs, packageRoot } from './format-dirs.js';

/** Loads every built-in format (formats/<vendor>/<format>/ of the package). */
export function loadBuiltinFormats(options: LoadOptions = {}): Format[] {
  return builtinFormatDirs().map((dir) => loadFormat(dir, options));
}
