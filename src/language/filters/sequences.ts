/** Jinja sequence filters; map/select/reject/unique/items return one-shot generators like Python. */
import { getAttr } from '../access.js';
import { arg, intArg } from '../args.js';
import { lookupMethod } from '../method-registry.js';
import { fail } from '../errors.js';
import { sortList } from '../methods-seq.js';
import { PyCallable, PyGenerator, PyRange, type Kwargs } from '../objects.js';
import { add, asNumber, hasLen, isPyDict, iterate, pyCompare, pyLen, pyRepr, pyStr, strChars, toList, truthy, typeName, undefinedAttribute } from '../runtime.js';
import { getTest } from '../tests.js';
import { PyTuple } from '../../core/values.js';
import { attrGetter, ignoreCase } from './attributes.js';
import { getFilter, registerFilter, registerGuardedFilter } from './registry.js';

const f = registerFilter;

registerGuardedFilter('length', (v) => pyLen(v), hasLen);
registerGuardedFilter('count', (v) => pyLen(v), hasLen);
f('list', (v) => toList(v));

f('first', (v) => {
  const r = iterate(v)[Symbol.iterator]().next();
  return r.done ? undefined : r.value;
});

f('last', (v) => {
  if (v instanceof PyGenerator) fail("'generator' object is not reversible");
  if (v === undefined) return undefined;
  const items = typeof v === 'string' ? strChars(v) : toList(v);
  return items.length ? items[items.length - 1] : undefined;
});

f('default', defaultFilter);
f('d', defaultFilter);
function defaultFilter(v: unknown, a: unknown[], k: Kwargs): unknown {
  const dflt = arg(a, k, 0, 'default_value', '');
  const boolean = arg(a, k, 1, 'boolean', false);
  return v === undefined || (truthy(boolean) && !truthy(v)) ? dflt : v;
}

f('join', (v, a, k) => {
  const sep = pyStr(arg(a, k, 0, 'd', ''));
  const attribute = arg(a, k, 1, 'attribute', null);
  const get = attribute === null ? null : attrGetter(attribute);
  const parts: string[] = [];
  for (const x of iterate(v)) parts.push(pyStr(get ? get(x) : x));
  return parts.join(sep);
});

/** Hash key emulating Python set membership (1 == 1.0 == True; unhashable lists/dicts raise). */
function hashKey(v: unknown): string {
  if (typeof v === 'string') return 's' + v;
  const n = asNumber(v);
  if (n !== null) return typeof v === 'bigint' ? 'n' + v.toString() : 'n' + String(n);
  if (v === null) return 'N';
  if (v === undefined) return 'U';
  if (v instanceof PyTuple) return 't' + v.map(hashKey).join('\u0000');
  fail(`unhashable type: '${typeName(v)}'`);
}

f('unique', (v, a, k) => {
  const caseSensitive = truthy(arg(a, k, 0, 'case_sensitive', false));
  const get = attrGetter(arg(a, k, 1, 'attribute', null), caseSensitive ? undefined : ignoreCase);
  const seq = iterate(v);
  return new PyGenerator(
    (function* () {
      const seen = new Set<string>();
      for (const x of seq) {
        const key = hashKey(get(x));
        if (!seen.has(key)) {
          seen.add(key);
          yield x;
        }
      }
    })(),
    'generator object do_unique',
  );
});

f('sum', (v, a, k) => {
  const attribute = arg(a, k, 0, 'attribute', null);
  let acc = arg(a, k, 1, 'start', 0);
  if (typeof acc === 'string') fail("sum() can't sum strings [use ''.join(seq) instead]");
  const get = attribute === null ? null : attrGetter(attribute);
  for (const x of iterate(v)) acc = add(acc, get ? get(x) : x);
  return acc;
});

f('items', (v) => {
  if (v === undefined) return new PyGenerator([], 'generator object do_items');
  if (!isPyDict(v)) fail('Can only get item pairs from a mapping.');
  return new PyGenerator(
    Object.keys(v).map((key) => PyTuple.fromArray([key, v[key]])),
    'generator object do_items',
  );
});

f('batch', (v, a, k) => {
  const n = intArg(arg(a, k, 0, 'linecount'), 'linecount');
  if (n <= 0) fail('batch size must be positive');
  const fill = arg(a, k, 1, 'fill_with', null);
  const seq = iterate(v);
  return new PyGenerator(
    (function* () {
      let tmp: unknown[] = [];
      for (const x of seq) {
        if (tmp.length === n) {
          yield tmp;
          tmp = [];
        }
        tmp.push(x);
      }
      if (tmp.length) {
        if (fill !== null) while (tmp.length < n) tmp.push(fill);
        yield tmp;
      }
    })(),
    'generator object do_batch',
  );
});

f('slice', (v, a, k) => {
  const slices = intArg(arg(a, k, 0, 'slices'), 'slices');
  if (slices <= 0) fail('slices must be positive');
  const fill = arg(a, k, 1, 'fill_with', null);
  const seq = toList(v);
  const per = Math.floor(seq.length / slices);
  const extra = seq.length % slices;
  const out: unknown[][] = [];
  let offset = 0;
  for (let i = 0; i < slices; i++) {
    const start = offset + i * per;
    if (i < extra) offset++;
    const tmp = seq.slice(start, offset + (i + 1) * per);
    if (fill !== null && i >= extra) tmp.push(fill);
    out.push(tmp);
  }
  return new PyGenerator(out, 'generator object sync_do_slice');
});

f('reverse', (v) => {
  if (typeof v === 'string') return strChars(v).reverse().join('');
  if (Array.isArray(v)) return new PyGenerator(v.slice().reverse(), v instanceof PyTuple ? 'reversed object' : 'list_reverseiterator object');
  if (isPyDict(v)) return new PyGenerator(Object.keys(v).reverse(), 'dict_reversekeyiterator object');
  if (v === undefined || v instanceof PyRange) return new PyGenerator(toList(v).reverse(), v === undefined ? 'reversed object' : 'range_iterator object');
  return toList(v).reverse();
});

function sortKey(caseSensitive: boolean, attribute: unknown): (x: unknown) => unknown {
  return attrGetter(attribute, caseSensitive ? undefined : ignoreCase);
}

f('sort', (v, a, k) => {
  const reverse = truthy(arg(a, k, 0, 'reverse', false));
  const caseSensitive = truthy(arg(a, k, 1, 'case_sensitive', false));
  const get = sortKey(caseSensitive, arg(a, k, 2, 'attribute', null));
  const items = toList(v);
  sortList(items, new PyCallable('key', (args) => get(args[0])), reverse);
  return items;
});

f('dictsort', (v, a, k) => {
  if (!isPyDict(v)) fail('dictsort requires a mapping');
  const caseSensitive = truthy(arg(a, k, 0, 'case_sensitive', false));
  const by = arg(a, k, 1, 'by', 'key');
  const reverse = truthy(arg(a, k, 2, 'reverse', false));
  const pos = by === 'key' ? 0 : by === 'value' ? 1 : fail('You can only sort by either "key" or "value"');
  const items = Object.keys(v).map((key) => PyTuple.fromArray([key, v[key]]));
  sortList(items, new PyCallable('key', (args) => ignoreOr(caseSensitive, (args[0] as unknown[])[pos])), reverse);
  return items;
});
const ignoreOr = (cs: boolean, x: unknown): unknown => (cs ? x : ignoreCase(x));

function minmax(sign: number) {
  return (v: unknown, a: unknown[], k: Kwargs): unknown => {
    const get = sortKey(truthy(arg(a, k, 0, 'case_sensitive', false)), arg(a, k, 1, 'attribute', null));
    let best: unknown = undefined;
    let bestKey: unknown = undefined;
    let first = true;
    for (const x of iterate(v)) {
      const key = get(x);
      if (first || sign * pyCompare(key, bestKey) > 0) {
        best = x;
        bestKey = key;
        first = false;
      }
    }
    return best;
  };
}
f('max', minmax(1));
f('min', minmax(-1));

f('attr', (v, a) => {
  if (v === undefined) undefinedAttribute();
  const name = a[0];
  if (typeof name !== 'string') return undefined;
  if (isPyDict(v)) {
    // Python getattr only: dict keys are not attributes.
    const m = lookupMethod('dict', name);
    return m ? new PyCallable(name, (args, kw) => m(v, args, kw)) : undefined;
  }
  return getAttr(v, name);
});

// ---------------------------------------------------------------- map / select / reject

function mapFunc(a: unknown[], k: Kwargs): (x: unknown) => unknown {
  if (a.length === 0 && Object.hasOwn(k, 'attribute')) {
    const rest = Object.keys(k).filter((key) => key !== 'attribute' && key !== 'default');
    if (rest.length) fail(`Unexpected keyword argument ${pyRepr(rest[0])}`);
    return attrGetter(k.attribute, undefined, k.default);
  }
  const name = a[0];
  if (typeof name !== 'string') fail('map requires a filter name');
  const filter = getFilter(name);
  if (!filter) fail(`No filter named '${name}'.`);
  const rest = a.slice(1);
  return (x) => filter(x, rest, k);
}

function selectFunc(a: unknown[], k: Kwargs, lookupAttr: boolean): (x: unknown) => boolean {
  let off = 0;
  let trans: (x: unknown) => unknown = (x) => x;
  if (lookupAttr) {
    if (a.length === 0) fail('Missing parameter for attribute name');
    trans = attrGetter(a[0]);
    off = 1;
  }
  if (a.length <= off) return (x) => truthy(trans(x));
  const name = a[off];
  const test = typeof name === 'string' ? getTest(name) : undefined;
  if (!test) fail(`No test named ${pyRepr(name)}.`);
  const rest = a.slice(off + 1);
  return (x) => test(trans(x), rest, k);
}

function lazy(v: unknown, label: string, body: (seq: Iterable<unknown>) => Iterable<unknown>): PyGenerator {
  if (!truthy(v)) return new PyGenerator([], label);
  const seq = iterate(v);
  return new PyGenerator(body(seq), label);
}

f('map', (v, a, k) => {
  const fn = mapFunc(a, k);
  return lazy(v, 'generator object sync_do_map', function* (seq) {
    for (const x of seq) yield fn(x);
  });
});

for (const [name, attr, keep] of [
  ['select', false, true],
  ['reject', false, false],
  ['selectattr', true, true],
  ['rejectattr', true, false],
] as const) {
  f(name, (v, a, k) => {
    const test = selectFunc(a, k, attr);
    return lazy(v, `generator object select_or_reject`, function* (seq) {
      for (const x of seq) if (test(x) === keep) yield x;
    });
  });
}

