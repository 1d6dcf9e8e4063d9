import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileCondition, compileText, compileValue, registerFilter } from '../../src/language/index.js';

const value = (src: string, scope: Record<string, unknown>): unknown => compileValue(src)(scope);
const cond = (src: string, scope: Record<string, unknown>): boolean => compileCondition(src)(scope);

test('attribute chains read own dict keys only, with getAttr semantics otherwise', () => {
  const nullProto = Object.assign(Object.create(null), { k: 'np' }) as Record<string, unknown>;
  const scope = {
    a: { b: { c: 'deep', constructor: 'own ctor' }, empty: {} },
    np: { d: nullProto },
    s: 'text',
    n: null,
  };
  assert.equal(value('{{ a.b.c }}', scope), 'deep');
  assert.equal(value('{{ a.b.constructor }}', scope), 'own ctor');
  for (const k of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    assert.equal(value(`{{ a.empty.${k} }}`, scope), undefined, k);
    assert.equal(value(`{{ ${k} }}`, scope), undefined, k);
    assert.equal(cond(`{{ a.empty.${k} is defined }}`, scope), false, k);
  }
  assert.equal(value('{{ np.d.k }}', scope), 'np');
  assert.equal(value('{{ a.missing.x }}', scope), undefined);
  assert.equal(value('{{ n.x.y }}', scope), undefined);
  assert.equal(value('{{ s.length }}', scope), undefined);
  assert.equal(value("{{ a.b.get('c') }}", scope), 'deep'); // missing key → bound method
  assert.equal(value('{{ s.upper() }}', scope), 'TEXT');
  // loop variables shadow the scope
  assert.equal(compileText('{% for a in [{"b": {"c": 1}}] %}{{ a.b.c }}{% endfor %}{{ a.b.c }}')(scope), '1deep');
});

test('comparisons with a literal keep Python equality and membership', () => {
  const scope = { t: true, one: 1, f: 1.5, s: '4624', n: 4624, none: null };
  assert.equal(cond('{{ t == 1 }}', scope), true);
  assert.equal(cond('{{ 1 == t }}', scope), true);
  assert.equal(cond('{{ one == 1.0 }}', scope), true);
  assert.equal(cond('{{ f == 1 }}', scope), false);
  assert.equal(cond("{{ one == '1' }}", scope), false);
  assert.equal(cond('{{ none == None }}', scope), true);
  assert.equal(cond('{{ missing == None }}', scope), false);
  assert.equal(cond('{{ missing != None }}', scope), true);
  assert.equal(cond("{{ s in ['4624', '4625'] }}", scope), true);
  assert.equal(cond("{{ n in ['4624', '4625'] }}", scope), false);
  assert.equal(cond("{{ n | string in ('1', '2', '3', '4', '4624') }}", scope), true);
  assert.equal(cond("{{ missing not in ['a'] }}", scope), true);
  assert.equal(value("{{ s in ['4624'] }}", scope), true);
});

test('and / or / not keep Python values in value context and truth in conditions', () => {
  const scope = { e: '', x: 'x', l: [], d: { k: 0 } };
  assert.equal(value('{{ e or x }}', scope), 'x');
  assert.equal(value('{{ x and l }}', scope), scope.l);
  assert.equal(value('{{ not l }}', scope), true);
  assert.equal(cond('{{ x and d }}', scope), true);
  assert.equal(cond('{{ e or l }}', scope), false);
  assert.equal(cond('{{ not (e or d.k) }}', scope), true);
  assert.equal(compileText('{% if x and not e %}yes{% else %}no{% endif %}')(scope), 'yes');
  assert.equal(value("{{ 'a' if d.k else 'b' }}", scope), 'b');
});

test('a compiled template evaluated re-entrantly (from a filter) keeps each scope', () => {
  let self: ((scope: Record<string, unknown>) => unknown) | null = null;
  let selfText: ((scope: Record<string, unknown>) => string) | null = null;
  registerFilter('test_reenter', (v) => self!({ a: { b: `inner-${String(v)}` }, depth: 1 }));
  registerFilter('test_reenter_text', (v) => selfText!({ a: { b: `inner-${String(v)}` }, depth: 1 }));
  self = compileValue("{{ a.b if depth else (a.b | test_reenter) ~ '/' ~ a.b }}");
  selfText = compileText("{{ a.b }}{% if not depth %}[{{ a.b | test_reenter_text }}]{% endif %}{{ a.b }}");
  assert.equal(self({ a: { b: 'outer' }, depth: 0 }), 'inner-outer/outer');
  assert.equal(selfText({ a: { b: 'o' }, depth: 0 }), 'o[inner-oinner-o]o');
  assert.equal(self({ a: { b: 'again' }, depth: 1 }), 'again');
});
