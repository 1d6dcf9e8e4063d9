/**
 * Dicts that a write created on the way to its target (`set a.b.c` creates `a` and `a.b`), as
 * opposed to dicts a parser wrote as values. Normalization removes an intermediate dict left
 * empty by the taxonomy filter, but keeps an emptied dict that was itself written.
 */
const intermediates = new WeakSet<object>();

/** A new empty dict, remembered as an intermediate of a path write. */
export function newPathDict(): Record<string, unknown> {
  const created: Record<string, unknown> = {};
  intermediates.add(created);
  return created;
}

export function isPathDict(obj: object): boolean {
  return intermediates.has(obj);
}
