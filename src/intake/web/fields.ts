import { Taxonomy } from '../../taxonomy/index.js';
import type { Format } from '../../pipeline/types.js';
import type { FieldInfo } from './api-types.js';

export type { FieldInfo };

let base: Taxonomy | undefined;

/** ECS and Intake's own fields: the taxonomy of an event whose format is not known here. */
function baseTaxonomy(): Taxonomy {
  base ??= Taxonomy.build({});
  return base;
}

/** `a.b[2].c` -> `a.b.c`: taxonomy names have no list positions. */
export function taxonomyName(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

/** The taxonomy entry of each field path, or of its nearest enclosing declared field; null if none. */
export function describeFields(format: Format | undefined, paths: readonly string[]): Record<string, FieldInfo | null> {
  let taxonomy: Taxonomy;
  try {
    taxonomy = format?.taxonomy ?? baseTaxonomy();
  } catch {
    taxonomy = baseTaxonomy(); // a format that does not load: its events still get ECS's words
  }
  const out: Record<string, FieldInfo | null> = {};
  for (const path of paths) {
    const name = taxonomyName(path);
    const parts = name.split('.');
    out[path] = null;
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      const def = taxonomy.get(candidate);
      if (def === undefined) continue;
      out[path] = { type: def.type, description: def.description, source: def.source, ...(n < parts.length ? { of: candidate } : {}) };
      break;
    }
  }
  return out;
}
