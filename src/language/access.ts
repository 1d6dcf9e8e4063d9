/**
 * Sandboxed attribute/item access and calls. Only own properties of plain dicts, array
 * indexes, registered methods and PyObject attributes are reachable.
 */
import { fail } from './errors.js';
import { lookupMethod, type MethodReceiver } from './method-registry.js';
import { PyCallable, PyObject, PyRange, type Kwargs } from './objects.js';
import { indexOf, isPyDict, sliceValue, strChars, strLen, typeName, undefinedError } from './runtime.js';
import { PyTuple } from '../core/values.js';
import { setOwnKey } from '../core/own-key.js';

/** Marker value for `a[x:y:z]` subscripts. */
export class SliceKey {
  constructor(
    readonly start: unknown,
    readonly stop: unknown,
    readonly step: unknown,
  ) {}
}

function receiverOf(v: unknown): MethodReceiver | null {
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return v instanceof PyTuple ? 'tuple' : 'list';
  if (isPyDict(v)) return 'dict';
  return null;
}

function boundMethod(obj: unknown, name: string): unknown {
  const r = receiverOf(obj);
  if (r === null) return undefined;
  const m = lookupMethod(r, name);
  return m === undefined ? undefined : new PyCallable(name, (args, kwargs) => m(obj, args, kwargs));
}

/** Jinja `obj.name` (dict keys first, then Python attributes). Missing → undefined. */
export function getAttr(obj: unknown, name: string): unknown {
  if (obj === undefined || obj === null) return undefined;
  if (typeof obj === 'object') {
    if (obj instanceof PyObject) return obj.getAttr(name);
    if (!Array.isArray(obj) && isPyDict(obj) && Object.hasOwn(obj, name)) return obj[name];
  }
  return boundMethod(obj, name);
}

/** Jinja `obj[key]`: item first, then attribute for string keys. Missing → undefined. */
export function getItem(obj: unknown, key: unknown): unknown {
  if (obj === undefined || obj === null) return undefined;
  if (key instanceof SliceKey) return sliceValue(obj, key.start, key.stop, key.step);
  if (typeof obj === 'string') {
    if (typeof key === 'string') return boundMethod(obj, key);
    const n = strLen(obj);
    const i = indexOf(n, key);
    if (i < 0) return undefined;
    return n === obj.length ? obj[i] : strChars(obj)[i];
  }
  if (Array.isArray(obj)) {
    if (typeof key === 'string') return boundMethod(obj, key);
    const i = indexOf(obj.length, key);
    return i < 0 ? undefined : obj[i];
  }
  if (typeof obj === 'object') {
    if (obj instanceof PyRange) {
      const i = indexOf(obj.length, key);
      return i < 0 ? undefined : obj.at(i);
    }
    if (obj instanceof PyObject) return typeof key === 'string' ? obj.getAttr(key) : getItemHook(obj, key);
    if (isPyDict(obj)) {
      if (typeof key === 'string') return Object.hasOwn(obj, key) ? obj[key] : boundMethod(obj, key);
      const k = dictKey(key);
      return k !== null && Object.hasOwn(obj, k) ? obj[k] : undefined;
    }
  }
  return undefined;
}

/** PyObjects may support integer subscripts (match objects). */
function getItemHook(obj: PyObject, key: unknown): unknown {
  const item = obj.getAttr('__getitem__');
  return item instanceof PyCallable ? item.fn([key], {}) : undefined;
}

export function callValue(f: unknown, args: unknown[], kwargs: Kwargs, what = 'value'): unknown {
  if (f instanceof PyCallable) return f.fn(args, kwargs);
  if (f === undefined) undefinedError(what);
  fail(`'${typeName(f)}' object is not callable`);
}

/** `obj.name(args)` without allocating a bound method. */
export function callMethod(obj: unknown, name: string, args: unknown[], kwargs: Kwargs): unknown {
  const v = tryCallMethod(obj, name, args, kwargs);
  if (v === NO_ATTRIBUTE) {
    if (obj === null) fail(`'NoneType' object has no attribute '${name}'`);
    fail(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  return v;
}

/** What tryCallMethod returns where Python raises AttributeError (the receiver has no such method). */
export const NO_ATTRIBUTE: unique symbol = Symbol('no attribute');

/** callMethod, but NO_ATTRIBUTE instead of the AttributeError, for generated code that jumps there. */
export function tryCallMethod(obj: unknown, name: string, args: unknown[], kwargs: Kwargs): unknown {
  if (obj === undefined) undefinedError(name);
  if (typeof obj === 'object' && obj !== null) {
    if (obj instanceof PyObject) return callValue(obj.getAttr(name), args, kwargs, name);
    if (!Array.isArray(obj) && isPyDict(obj) && Object.hasOwn(obj, name)) return callValue(obj[name], args, kwargs, name);
  }
  const r = receiverOf(obj);
  const m = r === null ? undefined : lookupMethod(r, name);
  return m === undefined ? NO_ATTRIBUTE : m(obj, args, kwargs);
}

/** Write a dict key without ever touching the prototype (`__proto__`). */
export function dictSet(obj: Record<string, unknown>, key: string, value: unknown): void {
  setOwnKey(obj, key, value);
}

/**
 * Dict key for a lookup value. Dicts are JS objects, so a literal `{1: 'a'}` is stored under
 * "1"; int lookups use that spelling so that such literals still work.
 */
export function dictKey(k: unknown): string | null {
  if (typeof k === 'string') return k;
  if ((typeof k === 'number' && Number.isInteger(k)) || typeof k === 'bigint') return String(k);
  return null;
}
