import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { countErrorsMade, fields, jsonFillFormat } from './helpers.js';

const FIELDS = fields({
  'acme.a': 'keyword', 'acme.b': 'keyword', 'acme.c': 'keyword', 'acme.d': 'keyword', 'acme.e': 'keyword', 'acme.obj': 'object', 'acme.list': 'keyword',
  'acme.x.constructor': 'keyword', 'acme.x.toString': 'keyword', 'acme.x.y': 'keyword',
});

function format(actions: string) {
  const dir = jsonFillFormat(
    `${actions}`,
    FIELDS,
  );
  return loadFormat(dir);
}

function run(actions: string, message = '{"k": "v", "n": 3}'): any {
  return format(actions).normalize({ message }, { testMode: true });
}

test('set entries run in order: a later one reads what an earlier one wrote, a failing one blanks only itself', () => {
  const out = run(`      - set:
          acme.a: "{{ parsed.message.k }}"
          acme.b: "{{ parsed.message.missing | int }}"
          acme.c: "{{ final.acme.a ~ '!' }}"
`);
  assert.equal(out.acme.a, 'v');
  assert.equal(out.acme.b, undefined);
  assert.equal(out.acme.c, 'v!');
});

test('set replaces a non-dict on the way to a nested field by a dict', () => {
  const out = run(`      - set:
          acme.x: "flat"
      - set:
          acme.x.y: "{{ parsed.message.k }}"
`);
  assert.deepEqual(out.acme.x, { y: 'v' });
});

test('path segments that Object.prototype has are written as plain own keys', () => {
  const out = run(`      - set:
          acme.x.constructor: "{{ parsed.message.k }}"
          acme.x.toString: "t"
          acme.obj.__proto__: "{{ parsed.message.k }}"
`);
  assert.equal(Object.getOwnPropertyDescriptor(out.acme.x, 'constructor')?.value, 'v');
  assert.equal(Object.getOwnPropertyDescriptor(out.acme.x, 'toString')?.value, 't');
  assert.equal(Object.getOwnPropertyDescriptor(out.acme.obj, '__proto__')?.value, 'v');
  assert.equal(Object.getPrototypeOf(out.acme.obj), Object.prototype);
  assert.equal(typeof ({} as { constructor: unknown }).constructor, 'function');
});

test('internal values (methods, views, ranges) are not stored; constants, lists and text templates are', () => {
  const out = run(`      - set:
          acme.a: "{{ parsed.message.k.upper }}"
          acme.b: "{{ range(parsed.message.n) }}"
          acme.c: "{{ parsed.message.k }}-{{ parsed.message.n }}"
          acme.obj: "{'k': [1, 2]}"
          acme.list: ["{{ parsed.message.k }}", "{{ parsed.message.missing }}", "w"]
`);
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.b, undefined);
  assert.equal(out.acme.c, 'v-3');
  assert.deepEqual(out.acme.obj, { k: [1, 2] });
  assert.deepEqual(out.acme.list, ['v', 'w']);
});

test('a set template that does not compile is reported with its field and writes nothing', () => {
  const loaded = format(`      - set:
          acme.a: "{{ 1 | no_such_filter }}"
          acme.b: "ok"
`);
  assert.ok(loaded.diagnostics.some((d) => /no_such_filter/.test(d.message) && /acme\.a/.test(JSON.stringify(d))), JSON.stringify(loaded.diagnostics));
  const out = loaded.normalize({ message: '{}' }, { testMode: true }) as any;
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.b, 'ok');
});

test('an Undefined left of `in "text"` raises as a jump: the field is blank and no error object is made', () => {
  const fmt = format(`      - set:
          acme.a: "{{ parsed.message.missing in 'abc' }}"
          acme.b: "{{ parsed.message.k in 'xvz' }}"
`);
  const { value: out, errorsMade } = countErrorsMade((): any => fmt.normalize({ message: '{"k": "v"}' }, { testMode: true }));
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.b, 'true');
  assert.equal(errorsMade, 0);
});

test('a method the receiver lacks (of None, of an int) raises as a jump: the field is blank and no error object is made', () => {
  const fmt = format(`      - set:
          acme.a: "{{ parsed.message.none.lower() }}"
          acme.b: "{{ parsed.message.k.upper() }}"
          acme.c: "{{ parsed.message.n.lower() }}"
`);
  const { value: out, errorsMade } = countErrorsMade((): any => fmt.normalize({ message: '{"k": "v", "none": null, "n": 3}' }, { testMode: true }));
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.c, undefined);
  assert.equal(out.acme.b, 'V');
  assert.equal(errorsMade, 0);
});

test('an ordering of values Python cannot order (None < 3) raises as a jump; orderable ones compare', () => {
  const fmt = format(`      - set:
          acme.a: "{{ parsed.message.none < parsed.message.n }}"
          acme.b: "{{ parsed.message.n < 4 }}"
          acme.c: "{{ parsed.message.k > parsed.message.n }}"
`);
  const { value: out, errorsMade } = countErrorsMade((): any => fmt.normalize({ message: '{"k": "v", "none": null, "n": 3}' }, { testMode: true }));
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.b, 'true');
  assert.equal(out.acme.c, undefined);
  assert.equal(errorsMade, 0);
});

test('`x not in None` raises as a jump like `x in None`; on a string it is the negation of `in`', () => {
  const fmt = format(`      - set:
          acme.a: "{{ 'v' not in parsed.message.none }}"
          acme.b: "{{ 'x' not in parsed.message.k }}"
          acme.c: "{{ 'v' not in parsed.message.k }}"
`);
  const { value: out, errorsMade } = countErrorsMade((): any => fmt.normalize({ message: '{"k": "v", "none": null}' }, { testMode: true }));
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.b, 'true');
  assert.equal(out.acme.c, 'false');
  assert.equal(errorsMade, 0);
});

test('`| length` of a value without a length (None, an int) raises as a jump; of Undefined it is 0', () => {
  const fmt = format(`      - set:
          acme.a: "{{ parsed.message.none | length }}"
          acme.b: "{{ parsed.message.n | count }}"
          acme.c: "{{ parsed.message.k | length }}"
          acme.d: "{{ parsed.message.missing | length }}"
`);
  const { value: out, errorsMade } = countErrorsMade((): any => fmt.normalize({ message: '{"k": "vw", "none": null, "n": 3}' }, { testMode: true }));
  assert.equal(out.acme.a, undefined);
  assert.equal(out.acme.b, undefined);
  assert.equal(out.acme.c, '2');
  assert.equal(out.acme.d, '0');
  assert.equal(errorsMade, 0);
});

test('a slice runs in generated code: of a method result it slices, of None it is Undefined, a method of None raises as a jump', () => {
  const fmt = format(`      - set:
          acme.a: "{{ parsed.message.k.split('.')[1:] | join('-') }}"
          acme.b: "{{ parsed.message.none.split('.')[1:] }}"
          acme.c: "{{ parsed.message.none[1:] }}"
          acme.d: "{{ parsed.message.k[::-1] }}"
          acme.e: "{{ parsed.message.k[:parsed.message.n] }}"
`);
  const { value: out, errorsMade } = countErrorsMade((): any => fmt.normalize({ message: '{"k": "a.b.c", "none": null, "n": 3}' }, { testMode: true }));
  assert.equal(out.acme.a, 'b-c');
  assert.equal(out.acme.b, undefined);
  assert.equal(out.acme.c, undefined);
  assert.equal(out.acme.d, 'c.b.a');
  assert.equal(out.acme.e, 'a.b');
  assert.equal(errorsMade, 0);
});
