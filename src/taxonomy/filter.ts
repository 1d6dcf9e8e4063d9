/** Taxonomy filter (rules T1–T3) and type coercion (section 6) in one walk over the event. */
import { isDict } from '../core/values.js';
import { DROP, coerceValue } from './coerce.js';
import { Kind } from './field-types.js';
import type { FieldNode } from './taxonomy.js';
import { setOwnKey } from '../core/own-key.js';

function childOf(node: FieldNode | undefined, key: string): FieldNode | undefined {
  const children = node?.children;
  if (!children) return undefined;
  const direct = children.get(key);
  if (direct !== undefined || !key.includes('.')) return direct;
  // A key that itself holds dots ("a.b") names the same field as nested keys would.
  let current: FieldNode | undefined = node;
  for (const segment of key.split('.')) {
    current = current?.children?.get(segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * Returns a filtered, coerced copy of `obj`: undeclared leaves left out, declared leaves coerced,
 * subtrees of container-typed fields kept as they are. Building new objects (instead of deleting
 * keys in place) keeps objects fast and lets the parser's objects be shared by several fields
 * (`host` and `server` from one layer object) without one filtering the other.
 * `path` holds the name segments of `obj` (joined only for warnings).
 */
export function filterAndCoerce(
  obj: Record<string, unknown>,
  node: FieldNode | undefined,
  path: string[],
  warnings: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    const value = obj[key];
    const child = childOf(node, key);
    const kind = child?.kind;
    if (kind === Kind.Container) {
      put(out, key, value);
      continue;
    }
    if (kind !== undefined && !(child!.children !== null && isDict(value))) {
      if (kind === Kind.Keyword && typeof value === 'string') {
        put(out, key, value); // the commonest leaf: a string is its own keyword value
        continue;
      }
      path.push(key);
      const result = coerceValue(kind, value, path, warnings);
      path.pop();
      if (result !== DROP) put(out, key, result);
      continue;
    }
    if (isDict(value)) {
      // A nested object that no declared field lies under goes whole; one that does stays even
      // when emptied (T3: the parser's `server: {hostname, os: {type}}` becomes `server: {}`).
      if (child === undefined && path.length > 0) continue;
      path.push(key);
      put(out, key, filterAndCoerce(value, child, path, warnings));
      path.pop();
    } else if (Array.isArray(value)) {
      const list = filterObjectList(key, value, child, path, warnings);
      if (list !== undefined) put(out, key, list);
    }
  }
  return out;
}

/** Rule T2: an undeclared list keeps its object elements, whose keys are checked as `<list>.<key>`. */
function filterObjectList(
  key: string,
  list: unknown[],
  node: FieldNode | undefined,
  path: string[],
  warnings: string[],
): unknown[] | undefined {
  const out: unknown[] = [];
  path.push(key);
  for (const item of list) {
    if (isDict(item)) out.push(filterAndCoerce(item, node, path, warnings));
  }
  path.pop();
  return out.length === 0 ? undefined : out;
}

/** Assignment that never reaches the `__proto__` setter. */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  setOwnKey(obj, key, value);
}
