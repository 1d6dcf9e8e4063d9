import { existsSync, statSync } from 'node:fs';
import { builtinFormatDirs } from '../../pipeline/format-dirs.js';
import { closestSlugs, findFormat, formatTrees, listFormats } from '../../pipeline/format-registry.js';
import { UsageError } from '../errors.js';

/**
 * The folder of a format named by its folder path, slug or name, searched in the --formats-dir
 * trees, INTAKE_FORMATS_PATH and the built-in formats; a UsageError with the closest slugs otherwise.
 */
export function resolveFormatDir(value: string, formatsDirs: readonly string[] = [], option = '--format'): string {
  if (existsSync(value) && statSync(value).isDirectory()) return value;
  const entries = listFormats(formatTrees(formatsDirs));
  const found = findFormat(entries, value);
  if (found !== undefined) return found.dir;
  const close = closestSlugs(entries, value);
  const hint = close.length > 0 ? `; did you mean ${close.map((s) => `"${s}"`).join(', ')}?` : ' (see intake formats)';
  throw new UsageError(`${option}: "${value}" is neither a known format nor a folder${hint}`);
}

/** The folders behind a --format value, without loading them; "auto" is every known format. */
export function resolveFormatDirs(value: string, formatsDirs: readonly string[] = []): { auto: boolean; dirs: string[] } {
  if (value === 'auto') {
    const trees = formatTrees(formatsDirs);
    const dirs = trees.length === 0 ? builtinFormatDirs() : listFormats(trees).map((e) => e.dir);
    if (dirs.length === 0) throw new UsageError('--format auto: no format is installed');
    return { auto: true, dirs };
  }
  return { auto: false, dirs: [resolveFormatDir(value, formatsDirs)] };
}
