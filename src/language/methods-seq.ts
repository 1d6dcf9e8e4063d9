/** Python list, tuple and dict methods. */
import { callValue, dictKey, dictSet } from './access.js';
import { intArg, NO_KWARGS } from './args.js';
import { fail } from './errors.js';
import { registerMethod } from './method-registry.js';
import { PyView } from './objects.js';
import { indexOf, isPyDict, iterate, pyCompare, pyEq, pyRepr, sliceIndices, toList } from './runtime.js';
import { LIMITS } from './limits.js';
import { PyTuple } from '../core/values.js';

type L = unknown[];
type D = Record<string, unknown>;

function grow(list: L, n: number): void {
  if (list.length + n > LIMITS.maxItems) fail('list too long');
}

function seqIndex(list: readonly unknown[], a: unknown[]): number {
  const [from, to] = sliceIndices(list.length, a[1], a[2], 1);
  for (let i = from; i < to; i++) if (pyEq(list[i], a[0])) return i;
  fail(`${pyRepr(a[0])} is not in list`);
}

function seqCount(list: readonly unknown[], a: unknown[]): number {
  let n = 0;
  for (const x of list) if (pyEq(x, a[0])) n++;
  return n;
}

/** Python list.sort: stable, optional key callable and reverse flag. */
export function sortList(list: L, key: unknown, reverse: boolean): void {
  const keys = key === null || key === undefined ? list : list.map((x) => callValue(key, [x], NO_KWARGS));
  const idx = list.map((_, i) => i);
  idx.sort((i, j) => {
    const c = pyCompare(keys[i], keys[j]);
    return reverse ? -c : c;
  });
  const sorted = idx.map((i) => list[i]);
  for (let i = 0; i < sorted.length; i++) list[i] = sorted[i];
}

const l = (name: string, fn: (s: L, a: unknown[], k: Record<string, unknown>) => unknown): void => registerMethod('list', name, fn);
l('append', (s, a) => {
  grow(s, 1);
  s.push(a[0]);
  return null;
});
l('extend', (s, a) => {
  const items = toList(a[0]);
  grow(s, items.length);
  for (const x of items) s.push(x);
  return null;
});
l('insert', (s, a) => {
  grow(s, 1);
  let i = intArg(a[0], 'insert');
  if (i < 0) i = Math.max(0, i + s.length);
  s.splice(Math.min(i, s.length), 0, a[1]);
  return null;
});
l('pop', (s, a) => {
  if (s.length === 0) fail('pop from empty list');
  const i = indexOf(s.length, a.length ? a[0] : -1);
  if (i < 0) fail('pop index out of range');
  return s.splice(i, 1)[0];
});
l('remove', (s, a) => {
  for (let i = 0; i < s.length; i++) {
    if (pyEq(s[i], a[0])) {
      s.splice(i, 1);
      return null;
    }
  }
  fail('list.remove(x): x not in list');
});
l('index', (s, a) => seqIndex(s, a));
l('count', (s, a) => seqCount(s, a));
l('copy', (s) => s.slice());
l('clear', (s) => {
  s.length = 0;
  return null;
});
l('reverse', (s) => {
  s.reverse();
  return null;
});
l('sort', (s, a, k) => {
  if (a.length) fail('sort() takes no positional arguments');
  sortList(s, k.key, !!k.reverse);
  return null;
});

registerMethod('tuple', 'index', (s: L, a) => seqIndex(s, a));
registerMethod('tuple', 'count', (s: L, a) => seqCount(s, a));

const keyOf = (k: unknown): string | null => {
  const key = dictKey(k);
  if (key !== null) return key;
  if (Array.isArray(k) && !(k instanceof PyTuple)) fail("unhashable type: 'list'");
  if (isPyDict(k)) fail("unhashable type: 'dict'");
  return null;
};

function updateFrom(d: D, src: unknown): void {
  if (isPyDict(src)) {
    for (const k of Object.keys(src)) dictSet(d, k, src[k]);
    return;
  }
  for (const pair of iterate(src)) {
    const kv = toList(pair);
    if (kv.length !== 2) fail(`dictionary update sequence element has length ${kv.length}; 2 is required`);
    const k = keyOf(kv[0]);
    dictSet(d, k ?? String(kv[0]), kv[1]);
  }
}

const d = (name: string, fn: (s: D, a: unknown[], k: Record<string, unknown>) => unknown): void => registerMethod('dict', name, fn);
d('get', (s, a) => {
  if (a.length === 0) fail('get expected at least 1 argument, got 0');
  const k = keyOf(a[0]);
  return k !== null && Object.hasOwn(s, k) ? s[k] : a.length > 1 ? a[1] : null;
});
d('keys', (s) => new PyView('dict_keys', Object.keys(s), pyRepr));
d('values', (s) => new PyView('dict_values', Object.values(s), pyRepr));
d('items', (s) => new PyView('dict_items', Object.keys(s).map((k) => PyTuple.fromArray([k, s[k]])), pyRepr));
d('update', (s, a, k) => {
  if (a.length > 1) fail(`update expected at most 1 argument, got ${a.length}`);
  if (a.length) updateFrom(s, a[0]);
  for (const key of Object.keys(k)) dictSet(s, key, k[key]);
  return null;
});
d('pop', (s, a) => {
  const k = keyOf(a[0]);
  if (k !== null && Object.hasOwn(s, k)) {
    const v = s[k];
    delete s[k];
    return v;
  }
  if (a.length > 1) return a[1];
  fail(`KeyError: ${pyRepr(a[0])}`);
});
d('setdefault', (s, a) => {
  const k = keyOf(a[0]);
  if (k !== null && Object.hasOwn(s, k)) return s[k];
  const v = a.length > 1 ? a[1] : null;
  dictSet(s, k ?? String(a[0]), v);
  return v;
});
d('copy', (s) => {
  const out: D = {};
  for (const k of Object.keys(s)) dictSet(out, k, s[k]);
  return out;
});
d('clear', (s) => {
  for (const k of Object.keys(s)) delete s[k];
  return null;
});

