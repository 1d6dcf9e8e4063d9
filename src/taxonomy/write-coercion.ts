/**
 * Coercion at write: a `set` into a declared scalar field stores the coerced value, so a later
 * template reading `final.<field>` sees it (an ECS long read back is a number, a keyword a string).
 * A set into a declared array/list leaf stores a list.
 */
import { isDict } from '../core/values.js';
import { coerceValue, DROP } from './coerce.js';
import { Kind } from './field-types.js';
import type { Taxonomy } from './taxonomy.js';

export { DROP as WRITE_DROP };

/** Returns the coercer for the field at `keys`, or undefined when writes there stay as given. */
export type WriteCoercion = (keys: readonly string[]) => ((value: unknown) => unknown) | undefined;

const SCALAR = new Set([Kind.Keyword, Kind.Number, Kind.Boolean, Kind.Date, Kind.Ip]);

export function writeCoercion(taxonomy: Taxonomy): WriteCoercion {
  return (keys) => {
    let node = taxonomy.fieldTree();
    for (const key of keys) {
      const next = node.children?.get(key);
      if (next === undefined) return undefined;
      node = next;
    }
    const kind = node.kind;
    // A `set` into a declared array leaf stores a list: a lone scalar is its only element.
    if (kind === Kind.List && node.children === null) return asList;
    // A name with declared descendants is a container: its writes stay as given.
    if (kind === undefined || !SCALAR.has(kind) || node.children !== null) return undefined;
    return (value) => coerceValue(kind, value);
  };
}

function asList(value: unknown): unknown {
  return value === null || value === undefined || Array.isArray(value) || isDict(value) ? value : [value];
}
