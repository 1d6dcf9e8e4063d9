import { existsSync, statSync } from 'node:fs';
import { builtinFormatDirs, findBuiltinFormat, loadFormat, type Format } from '../../pipeline/index.js';
import { UsageError } from '../errors.js';
import { diagnosticLines, formatLoadFailure } from '../format-errors.js';

/** The formats behind a --format value: one for a slug/name/folder, all built-ins for "auto". */
export interface ResolvedFormats {
  auto: boolean;
  formats: Format[];
}

function load(dir: string, taxonomyFiles: string[]): Format {
  let format: Format;
  try {
    format = loadFormat(dir, { taxonomyFiles });
  } catch (err) {
    throw formatLoadFailure(dir, err);
  }
  for (const line of diagnosticLines(format)) process.stderr.write(`${line}\n`);
  return format;
}

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

/** Loads what --format names; throws a UsageError for an unknown name, a CommandError for a broken format. */
export function resolveFormats(value: string, taxonomyFiles: string[]): ResolvedFormats {
  const { auto, dirs } = resolveFormatDirs(value);
  return { auto, formats: dirs.map((d) => load(d, taxonomyFiles)) };
}
