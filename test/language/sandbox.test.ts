import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileText, compileValue, TemplateRuntimeError, TemplateSyntaxError } from '../../src/language/index.js';

const scope = { d: { a: 1 }, s: 'x', xs: [1] };

function value(src: string): unknown {
  return compileValue(src)(scope);
}

test('Python and JS internals are not reachable', () => {
  for (const src of [
    "{{ ''.__class__ }}",
    '{{ d.__proto__ }}',
    '{{ {}.__proto__ }}',
    '{{ xs.constructor }}',
    '{{ d.constructor }}',
    '{{ d.hasOwnProperty }}',
    '{{ s.length }}',
    '{{ xs.length }}',
    '{{ d.get.__globals__ }}',
    "{{ d['__proto__'] }}",
    "{{ s['constructor'] }}",
    '{{ range.constructor }}',
    '{{ re.match.constructor }}',
    '{{ loop }}',
  ]) {
    assert.equal(value(src), undefined, src);
  }
  assert.throws(() => value('{{ xs.constructor.constructor("return process")() }}'), TemplateRuntimeError);
  assert.throws(() => value('{{ s.__class__.__mro__ }}'), TemplateRuntimeError); // an attribute of Undefined raises
  assert.throws(() => value('{{ s.toUpperCase() }}'), TemplateRuntimeError);
  assert.throws(() => value('{{ d.toString() }}'), TemplateRuntimeError);
});

test('writing __proto__ keys never changes a prototype', () => {
  const out = compileValue('{% set x = {} %}{% set _ = x.update({"__proto__": {"polluted": 1}}) %}{{ x.polluted }}')(scope);
  assert.equal(out, '');
  const lit = compileValue('{{ {"__proto__": 5} }}')(scope) as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(lit), Object.prototype);
  assert.equal(Object.hasOwn(lit, '__proto__'), true);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('resource limits raise TemplateRuntimeError', () => {
  assert.throws(() => value('{{ range(10**9) }}'), /range too big/);
  assert.throws(() => value("{{ 'a' * 10**9 }}"), /too long/);
  assert.throws(() => value('{{ [1] * 10**9 }}'), /too long/);
  assert.throws(() => value('{{ 10 ** 100000 }}'), /too large/);
  assert.throws(() => value("{{ 'x'.zfill(10**9) }}"), /too long/);
  assert.throws(
    () => compileText('{% for a in range(2000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}')(scope),
    /too many loop iterations/,
  );
  assert.throws(() => compileText('{% set l = [1] %}{% for i in range(30) %}{% set _ = l.extend(l) %}{% endfor %}')(scope), /list too long/);
});

test('deeply nested templates are refused at compile time', () => {
  assert.throws(() => compileValue('{{ ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + ' }}'), TemplateSyntaxError);
  assert.throws(() => compileValue('{{ ' + 'not '.repeat(5000) + '1 }}'), TemplateSyntaxError);
  assert.throws(() => compileValue('{{ ' + '-'.repeat(5000) + '1 }}'), TemplateSyntaxError);
  assert.throws(() => compileValue('{{ ' + '['.repeat(5000) + ']'.repeat(5000) + ' }}'), TemplateSyntaxError);
});

test('self-referencing lists render like Python', () => {
  assert.equal(compileText('{% set a = [] %}{% set _ = a.append(a) %}{{ a }}')(scope), '[[...]]');
});

test('scope names resolve to own keys only', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    assert.equal(compileValue(`{{ ${name} }}`)({ a: 1 }), undefined, name);
  }
});
