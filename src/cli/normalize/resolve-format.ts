import { loadFormat, type Format } from '../../pipeline/index.js';
import { resolveFormatDirs } from './resolve-format-dirs.js';
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

/** Loads what --format names; throws a UsageError for an unknown name, a CommandError for a broken format. */
export function resolveFormats(value: string, taxonomyFiles: string[], formatsDirs: readonly string[] = []): ResolvedFormats {
  const { auto, dirs } = resolveFormatDirs(value, formatsDirs);
  return { auto, formats: dirs.map((d) => load(d, taxonomyFiles)) };
}
