import { isDict } from '../language/values.js';

/** Dotted paths of the parser language: `a.b.c` addresses nested dict keys. */
export function splitPath(path: string): string[] {
  return path.split('.');
}

/** Value at `keys` below `root` (own keys only), or undefined. */
export function getPath(root: unknown, keys: readonly string[]): unknown {
  let cur = root;
  for (const key of keys) {
    if (!isDict(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Writes `value` at `keys`, creating intermediate dicts; a non-dict on the way is replaced by a dict. */
export function setPath(root: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let cur = root;
  const last = keys.length - 1;
  for (let i = 0; i < last; i++) {
    const key = keys[i];
    let next = Object.hasOwn(cur, key) ? cur[key] : undefined;
    if (!isDict(next)) {
      next = {};
      defineKey(cur, key, next);
    }
    cur = next as Record<string, unknown>;
  }
  defineKey(cur, keys[last], value);
}

/** Removes the value at `keys`; parents that become empty stay (parser-language 4.4). */
export function deletePath(root: Record<string, unknown>, keys: readonly string[]): void {
  const parent = getPath(root, keys.slice(0, -1));
  if (isDict(parent)) delete parent[keys[keys.length - 1]];
}

/** Plain assignment would call the `__proto__` setter for that key: define it as an own property. */
export function defineKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Deep copy of lists and dicts, so that two fields never share one object (the taxonomy filter edits in place). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new (value.constructor as ArrayConstructor)() as unknown[];
    for (const item of value) out.push(cloneValue(item));
    return out as T;
  }
  if (isDict(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) defineKey(out, key, cloneValue(value[key]));
    return out as T;
  }
  return value;
}
