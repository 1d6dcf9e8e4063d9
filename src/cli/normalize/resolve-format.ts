import { EAGER_FORMATS, loadFormat, loadFormats, type Format } from '../../pipeline/index.js';
import { resolveFormatDirs } from './resolve-format-dirs.js';
import { diagnosticLines, formatLoadFailure } from '../format-errors.js';

/** The formats behind a --format value: one for a slug/name/folder, every known one for "auto". */
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

const reported = new Set<string>();

/**
 * Says, when a lazily loaded format is compiled, its warnings or why it does not load; a warning
 * shared by many formats (one of a --taxonomy file) once.
 */
export function reportLazyLoad(dir: string, outcome: Format | Error): void {
  const lines = outcome instanceof Error ? [`warning: ${formatLoadFailure(dir, outcome).message}; its events go to other formats`] : diagnosticLines(outcome);
  for (const line of lines) {
    if (!reported.has(line)) process.stderr.write(`${line}\n`);
    reported.add(line);
  }
}

/** Loads what --format names; throws a UsageError for an unknown name, a CommandError for a broken format. */
export function resolveFormats(value: string, taxonomyFiles: string[], formatsDirs: readonly string[] = []): ResolvedFormats {
  const { auto, dirs } = resolveFormatDirs(value, formatsDirs);
  if (dirs.length > EAGER_FORMATS) return { auto, formats: loadFormats(dirs, { taxonomyFiles }, reportLazyLoad) };
  return { auto, formats: dirs.map((d) => load(d, taxonomyFiles)) };
}
