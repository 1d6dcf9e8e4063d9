/**
 * Dicts that a write created on the way to its target (`set a.b.c` creates `a` and `a.b`), as
 * opposed to dicts a parser wrote as values. Normalization removes an intermediate dict left
 * empty by the taxonomy filter, but keeps an emptied dict that was itself written.
 *
 * The mark is a private field stamped on the dict (a base constructor that returns another object
 * puts its subclass's fields on that object): invisible to keys, JSON and copies, and nearly free, where
 * a WeakSet entry per created dict cost ~0.2 us with its share of garbage collection, the largest
 * per-event cost of path writes on formats that write many nested fields.
 */
const Returning = class {
  constructor(target: object) {
    return target;
  }
} as unknown as new (target: object) => object;

class Mark extends Returning {
  #intermediate = true;
  static has(obj: object): boolean {
    return #intermediate in obj;
  }
}

/** A new empty dict, remembered as an intermediate of a path write. */
export function newPathDict(): Record<string, unknown> {
  const created: Record<string, unknown> = {};
  new Mark(created);
  return created;
}

export function isPathDict(obj: object): boolean {
  return Mark.has(obj);
}

const written = new WeakMap<object, Set<string>>();

/**
 * Remembers that a path write put a dict at `parent[key]` below the event's top level
 * (`set auditd.user: "{{u}}"`): emptied by the filter, it stays, as written top-level dicts do.
 * The place is remembered, not the dict: one dict may be written at one place and lie inside
 * another written value elsewhere.
 */
export function noteWritten(parent: object, key: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const keys = written.get(parent);
  if (keys === undefined) written.set(parent, new Set([key]));
  else keys.add(key);
}

export function wasWritten(parent: object, key: string): boolean {
  return written.get(parent)?.has(key) === true;
}
