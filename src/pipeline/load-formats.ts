import { EAGER_FORMATS, entryOf } from './format-registry.js';
import { LazyFormat } from './lazy-format.js';
import { loadFormat } from './load-format.js';
import type { Format, LoadOptions } from './types.js';


/**
 * The formats of `dirs`. A small set is compiled now (a broken format throws, naming its
 * problems); a larger one is made of LazyFormats, each compiled when an event is first tried on
 * it, a broken one reported through `onLoad` and giving failure records.
 */
export function loadFormats(dirs: readonly string[], options: LoadOptions, onLoad?: (dir: string, outcome: Format | Error) => void): Format[] {
  if (dirs.length <= EAGER_FORMATS) return dirs.map((dir) => loadFormat(dir, options));
  return dirs.map((dir) => new LazyFormat(entryOf(dir, dir), options, onLoad));
}
