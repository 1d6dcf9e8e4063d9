import { isDict } from '../core/values.js';
import { setOwnKey } from '../core/own-key.js';
import { newPathDict, noteWritten } from '../core/path-dicts.js';

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
      next = newPathDict();
      setOwnKey(cur, key, next);
    }
    cur = next as Record<string, unknown>;
  }
  if (last > 0) noteWritten(cur, keys[last], value);
  setOwnKey(cur, keys[last], value);
}

export type PathWriter = (root: Record<string, unknown>, value: unknown) => void;

/**
 * setPath for one fixed path, resolved at compile time. For keys that Object.prototype does not
 * have (and never `__proto__`), `obj[key]` is the own value or undefined, so the own-key test
 * and the `__proto__` check of setOwnKey are not needed per event.
 */
export function pathWriter(keys: readonly string[]): PathWriter {
  if (keys.length === 0 || keys.some((k) => k in Object.prototype)) return (root, value) => setPath(root, keys, value);
  if (keys.length === 1) {
    const k0 = keys[0]!;
    return (root, value) => {
      root[k0] = value;
    };
  }
  if (keys.length === 2) {
    const [k0, k1] = keys as [string, string];
    return (root, value) => {
      const parent = childDict(root, k0);
      noteWritten(parent, k1, value);
      parent[k1] = value;
    };
  }
  if (keys.length === 3) {
    const [k0, k1, k2] = keys as [string, string, string];
    return (root, value) => {
      const parent = childDict(childDict(root, k0), k1);
      noteWritten(parent, k2, value);
      parent[k2] = value;
    };
  }
  const last = keys.length - 1;
  const lastKey = keys[last]!;
  return (root, value) => {
    let cur = root;
    for (let i = 0; i < last; i++) cur = childDict(cur, keys[i]!);
    noteWritten(cur, lastKey, value);
    cur[lastKey] = value;
  };
}

/** The dict at `obj[key]`, replacing a missing or non-dict value by a new dict (key not on Object.prototype). */
export function childDict(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const next = obj[key];
  if (isDict(next)) return next;
  const created = newPathDict();
  obj[key] = created;
  return created;
}

/** Removes the value at `keys`; parents that become empty stay (parser-language 4.4). */
export function deletePath(root: Record<string, unknown>, keys: readonly string[]): void {
  const parent = getPath(root, keys.slice(0, -1));
  if (isDict(parent)) delete parent[keys[keys.length - 1]];
}

/** Deep copy of lists and dicts: the input envelope and YAML constants must not be shared with an event. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new (value.constructor as ArrayConstructor)() as unknown[];
    for (const item of value) out.push(cloneValue(item));
    return out as T;
  }
  if (isDict(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwnKey(out, key, cloneValue(value[key]));
    return out as T;
  }
  return value;
}
