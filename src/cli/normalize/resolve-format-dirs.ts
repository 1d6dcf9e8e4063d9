import { existsSync, statSync } from 'node:fs';
import { builtinFormatDirs, findBuiltinFormat } from '../../pipeline/format-dirs.js';
import { UsageError } from '../errors.js';

/** The folders behind a --format value, without loading them; throws a UsageError for an unknown name. */
export function resolveFormatDirs(value: string): { auto: boolean; dirs: string[] } {
  if (value === 'auto') {
    const dirs = builtinFormatDirs();
    if (dirs.length === 0) throw new UsageError('--format auto: no built-in format is installed');
    return { auto: true, dirs };
  }
  if (existsSync(value) && statSync(value).isDirectory()) return { auto: false, dirs: [value] };
  const dir = findBuiltinFormat(value);
  if (dir === undefined) {
    const known = builtinFormatDirs().length > 0 ? ` (see intake formats)` : '';
    throw new UsageError(`--format: "${value}" is neither a built-in format nor a folder${known}`);
  }
  return { auto: false, dirs: [dir] };
}
