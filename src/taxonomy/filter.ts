/** Taxonomy filter (rules T1–T3) and type coercion (section 6) in one walk over the event. */
import { isPathDict, wasWritten } from '../core/path-dicts.js';
import { isDict } from '../core/values.js';
import { DROP, coerceValue } from './coerce.js';
import { isContainer, Kind } from './field-types.js';
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

function hasKeys(obj: Record<string, unknown>): boolean {
  for (const _ in obj) return true;
  return false;
}

/**
 * Returns a filtered, coerced copy of the event `obj`: undeclared leaves left out, declared leaves
 * coerced, subtrees of container-typed fields kept (their declared descendants coerced).
 * Building new objects (instead of deleting keys in place) keeps objects fast and lets the
 * parser's objects be shared by several fields (`host` and `server` from one layer object)
 * without one filtering the other.
 */
export function filterAndCoerce(obj: Record<string, unknown>, node: FieldNode | undefined): Record<string, unknown> {
  return filterDict(obj, node, true);
}

/**
 * `holdsWrites`: the keys of `obj` are where the parser's writes landed (the event itself, or a dict
 * a path write created on the way). A dict written there stays even when the filter empties it
 * (`server: "{{host}}"` with no declared key gives `server: {}`), as does one a path write put
 * into a written dict (`auditd.user` into the written `auditd`); a dict below a written value,
 * or one a path write created, goes when emptied.
 */
/** `inList`: `obj` is (inside) an element of a list, where a list-typed field is not wrapped. */
function filterDict(obj: Record<string, unknown>, node: FieldNode | undefined, holdsWrites: boolean, inList = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    const value = obj[key];
    const child = childOf(node, key);
    const kind = child?.kind;
    if (isContainer(kind)) {
      const held = kind === Kind.List && !inList ? asList(value) : value;
      put(out, key, child!.children === null ? held : keepSubtree(held, child!));
      continue;
    }
    if (kind !== undefined && !(child!.children !== null && isDict(value))) {
      if ((kind === Kind.Keyword || kind === Kind.Verbatim) && typeof value === 'string') {
        if (value !== '') put(out, key, value); // the commonest leaf: a string is its own value
        continue;
      }
      const result = coerceValue(kind, value);
      if (result !== DROP) put(out, key, result);
      continue;
    }
    if (isDict(value)) {
      const created = isPathDict(value);
      const filtered = filterDict(value, child, created, inList);
      if ((holdsWrites && !created) || hasKeys(filtered) || wasWritten(obj, key)) put(out, key, filtered);
    } else if (Array.isArray(value)) {
      const list = filterObjectList(value, child);
      if (list !== undefined) put(out, key, list);
    }
  }
  return out;
}

/**
 * The value of a declared object/array field that also has declared descendants: every key is
 * kept, the declared ones coerced to their type (ECS `log.syslog.severity.code` is a number).
 */
function keepSubtree(value: unknown, node: FieldNode): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(isDict(item) ? keepSubtree(item, node) : item);
    return out;
  }
  if (!isDict(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    const child = childOf(node, key);
    const kind = child?.kind;
    if (child === undefined || (isContainer(kind) && child.children === null)) {
      put(out, key, item);
    } else if (kind === undefined || isContainer(kind) || (child.children !== null && isDict(item))) {
      put(out, key, child.children === null ? item : keepSubtree(item, child));
    } else {
      const result = coerceValue(kind, item);
      if (result !== DROP) put(out, key, result);
    }
  }
  return out;
}

/** Rule T2: an undeclared list keeps its object elements, whose keys are checked as `<list>.<key>`. */
function filterObjectList(list: unknown[], node: FieldNode | undefined): unknown[] | undefined {
  const out: unknown[] = [];
  for (const item of list) {
    if (isDict(item)) out.push(filterDict(item, node, false, true));
  }
  return out.length === 0 ? undefined : out;
}

/** A list-typed field holds a list: an object (or any other value) written there is its one element. */
function asList(value: unknown): unknown {
  return Array.isArray(value) ? value : [value];
}

/** Assignment that never reaches the `__proto__` setter. */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  setOwnKey(obj, key, value);
}
