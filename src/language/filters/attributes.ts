/** Jinja's make_attrgetter: dotted attribute paths resolved with item-first lookup. */
import { getItem } from '../access.js';
import { fail } from '../errors.js';
import { undefinedAttribute } from '../runtime.js';

export type Getter = (item: unknown) => unknown;

export function attrGetter(attribute: unknown, postprocess?: (v: unknown) => unknown, dflt?: unknown): Getter {
  let parts: unknown[];
  if (typeof attribute === 'string') parts = attribute.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  else if (typeof attribute === 'number') parts = [attribute];
  else if (attribute === null || attribute === undefined) parts = [];
  else fail('attribute must be a string or an integer');
  return (item) => {
    for (const part of parts) {
      if (item === undefined) undefinedAttribute(); // a part of Undefined raises, as in Jinja2
      item = getItem(item, part);
      if (dflt !== undefined && dflt !== null && item === undefined) item = dflt;
    }
    return postprocess ? postprocess(item) : item;
  };
}

export const ignoreCase = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : v);
