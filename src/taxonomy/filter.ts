/** Taxonomy filter (rules T1–T3) and type coercion (section 6) in one walk over the event. */
import { isDict } from '../language/values.js';
import { DROP, coerceValue } from './coerce.js';
import { Kind } from './field-types.js';
import type { FieldNode } from './taxonomy.js';

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
 * Removes undeclared leaves of `obj` (objects on the way to declared fields, even emptied, stay), leaves subtrees of
 * container-typed fields untouched and coerces declared leaves in place.
 * `path` holds the name segments of `obj` (joined only for warnings).
 */
export function filterAndCoerce(
  obj: Record<string, unknown>,
  node: FieldNode | undefined,
  path: string[],
  warnings: string[],
): void {
  // for-in without an allocated key list; deleting the current key while iterating is safe.
  for (const key in obj) {
    const value = obj[key];
    const child = childOf(node, key);
    const kind = child?.kind;
    if (kind === Kind.Container) continue;
    if (kind !== undefined && !(child!.children !== null && isDict(value))) {
      path.push(key);
      const result = coerceValue(kind, value, path, warnings);
      path.pop();
      if (result === DROP) delete obj[key];
      else if (result !== value) obj[key] = result;
      continue;
    }
    if (isDict(value)) {
      // A nested object that no declared field lies under goes whole; one that does stays even
      // when emptied (T3: the parser's `server: {hostname, os: {type}}` becomes `server: {}`).
      if (child === undefined && path.length > 0) {
        delete obj[key];
        continue;
      }
      path.push(key);
      filterAndCoerce(value, child, path, warnings);
      path.pop();
    } else if (Array.isArray(value)) {
      filterObjectList(obj, key, value, child, path, warnings);
    } else {
      delete obj[key];
    }
  }
}

/** Rule T2: an undeclared list keeps its object elements, whose keys are checked as `<list>.<key>`. */
function filterObjectList(
  obj: Record<string, unknown>,
  key: string,
  list: unknown[],
  node: FieldNode | undefined,
  path: string[],
  warnings: string[],
): void {
  let kept = 0;
  path.push(key);
  for (const item of list) {
    if (isDict(item)) {
      filterAndCoerce(item, node, path, warnings);
      kept++;
    }
  }
  path.pop();
  if (kept === 0) delete obj[key];
  else if (kept < list.length) obj[key] = list.filter(isDict);
}
