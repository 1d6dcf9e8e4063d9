import { readFileSync } from 'node:fs';
import { yamlLib } from '../core/yaml-lib.js';
import { TaxonomyError } from './errors.js';

/** Reads a fields.yml-shaped YAML file (a map: dotted name → {name, type, description}). */
export function loadTaxonomyFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new TaxonomyError(path, undefined, `cannot read the file (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = yamlLib().parse(text);
  } catch (err) {
    throw new TaxonomyError(path, undefined, `invalid YAML: ${(err as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new TaxonomyError(path, undefined, 'a taxonomy file must be a map of field name to definition');
  }
  return data as Record<string, unknown>;
}

/** 1-based line where the top-level key `key` of a YAML map file starts, if it can be found. */
export function topLevelKeyLine(path: string, key: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const forms = [`${key}:`, `'${key}':`, `"${key}":`];
  const index = lines.findIndex((line) => forms.some((form) => line.startsWith(form)));
  return index < 0 ? undefined : index + 1;
}
