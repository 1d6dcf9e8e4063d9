import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileCondition,
  compileText,
  compileValue,
  isTemplate,
  parsePythonLiteral,
  pyStr,
  registerFilter,
  registerMethod,
  registerTest,
  TemplateRuntimeError,
  TemplateSyntaxError,
  truthy,
} from '../../src/language/index.js';
import { PyFloat, PyTuple } from '../../src/core/values.js';

const scope = {
  original: { message: 'user=bob action=login', n: 7 },
  parsed: { message: { user: { name: 'bob' }, values: [9], missing_is_none: null, list: ['a', 'b'] } },
  final: { event: { type: ['start'] } },
};

test('isTemplate detects {{ and {%', () => {
  assert.equal(isTemplate('{{ a }}'), true);
  assert.equal(isTemplate('x {% if a %}{% endif %}'), true);
  assert.equal(isTemplate('plain { text }'), false);
});

test('compileValue keeps the native value of a lone expression', () => {
  assert.deepEqual(compileValue('  {{ parsed.message.list }} ')(scope), ['a', 'b']);
  assert.equal(compileValue('{{ original.n }}')(scope), 7);
  assert.equal(compileValue('{{ "0x3e7" }}')(scope), '0x3e7');
  assert.equal(compileValue('{{ "17" }}')(scope), '17');
  assert.equal(compileValue('{{ nope }}')(scope), undefined);
  assert.equal(compileValue('{{ parsed.message.missing_is_none }}')(scope), null);
  const f = compileValue('{{ original.n / 7 }}')(scope);
  assert.ok(f instanceof PyFloat && f.value === 1);
  assert.equal(compileValue('{{- parsed.message.user.name -}}')(scope), 'bob');
  // a string that is a list or dict literal becomes that value (a CEF/CSV field holding "['a']")
  assert.deepEqual(compileValue('{{ "[\'a\', None]" }}')(scope), ['a', null]);
  assert.deepEqual(compileValue('{{ "{\'k\': 1}" }}')(scope), { k: 1 });
  assert.deepEqual(compileValue('{{ parsed.message.list | string }}')(scope), ['a', 'b']);
  assert.equal(compileValue('{{ "[a b]" }}')(scope), '[a b]');
  assert.equal(compileValue('{{ "1, 2" }}')(scope), '1, 2');
});

test('compileValue makes a rendered list or dict literal a value; other text stays text', () => {
  assert.deepEqual(compileValue('[{% for x in parsed.message.list %}"{{x}}",{% endfor %}]')(scope), ['a', 'b']);
  assert.deepEqual(compileValue("{'name': '{{ parsed.message.user.name }}', 'ttl': {{ original.n }}}")(scope), { name: 'bob', ttl: 7 });
  assert.deepEqual(compileValue("{% if original.n > 3 %}['allowed']{% else %}['info']{% endif %}")(scope), ['allowed']);
  assert.equal(compileValue('{% if true %}None{% endif %}')(scope), 'None');
  assert.equal(compileValue('{% if true %}0x2a{% endif %}')(scope), '0x2a');
  assert.equal(compileValue("{% if true %}'x'{% endif %}")(scope), "'x'");
  assert.equal(compileValue('{% if true %}{{ parsed.message.user.name }} {% endif %}')(scope), 'bob ');
  assert.deepEqual(compileValue('{% if true %}1, 2{% endif %}')(scope), '1, 2');
  // Containers joined by bare commas are a tuple to Python: they stay text too.
  assert.equal(compileValue('{% if true %}{"a": 1},{"b": 2}{% endif %}')(scope), '{"a": 1},{"b": 2}');
  assert.deepEqual(compileValue('{% if true %}[(1, 2)]{% endif %}')(scope), [[1, 2]]);
  assert.deepEqual(compileValue('{% if true %}\n [1, 2]{% endif %}')(scope), [1, 2]);
  assert.equal(compileValue('{% if true %}[a]{% endif %}')(scope), '[a]');
  assert.equal(compileValue('{% if true %}true{% endif %}')(scope), 'true');
  assert.equal(compileValue('x{{ original.n }}')(scope), 'x7');
  assert.equal(compileValue('{{ original.n }}{{ original.n }}')(scope), '77');
  assert.equal(compileValue('audit_login')(scope), 'audit_login');
});

test('compileValue: run-time errors raise TemplateRuntimeError, syntax errors TemplateSyntaxError', () => {
  assert.throws(() => compileValue("{{ 'a' + 1 }}")(scope), TemplateRuntimeError);
  assert.throws(() => compileValue('{{ original.message.toUpperCase() }}')(scope), TemplateRuntimeError);
  assert.throws(() => compileValue('{{ nope.get("x") }}')(scope), TemplateRuntimeError);
  assert.throws(() => compileValue('{{ parsed.message.list | map("upper") }}')(scope), /unusable value/);
  assert.throws(() => compileValue('{{ 1 + }}'), TemplateSyntaxError);
  assert.throws(() => compileValue('{{ x | nosuchfilter }}'), /No filter named 'nosuchfilter'/);
  try {
    compileValue('line1\n{% if x %}\n{{ a b }}{% endif %}');
    assert.fail('expected a syntax error');
  } catch (e) {
    assert.ok(e instanceof TemplateSyntaxError);
    assert.equal(e.line, 3);
    assert.match(e.message, /line 3, column/);
  }
});

test('compileCondition: empty is true, errors are false, Python truthiness otherwise', () => {
  assert.equal(compileCondition('')(scope), true);
  assert.equal(compileCondition('{{ original.message.startswith("user=") }}')(scope), true);
  assert.equal(compileCondition('{{ nope.split() }}')(scope), false);
  assert.equal(compileCondition('{{ parsed.message.missing != None }}')(scope), true);
  assert.equal(compileCondition('{{ parsed.message.get("missing") != None }}')(scope), false);
  assert.equal(compileCondition('{{ parsed.message.missing_is_none != null }}')(scope), true);
  assert.equal(compileCondition('{{ nope == null }}')(scope), true);
  assert.equal(compileCondition('{{ "0" }}')(scope), false);
  assert.equal(compileCondition('{{ "00x" }}')(scope), true);
  assert.equal(compileCondition('{{ [] }}')(scope), false);
  assert.equal(compileCondition('{% if original.n %}0{% endif %}')(scope), false);
});

test('compileCondition judges a lone string value as its rendered text: "0", "False", "None" are false', () => {
  const flags = { e: { zero: '0', no: 'False', none: 'None', yes: '1', word: 'x', words: 'x y', empty: '' } };
  assert.equal(compileCondition('{{ e.zero }}')(flags), false);
  assert.equal(compileCondition('{{ e.no }}')(flags), false);
  assert.equal(compileCondition('{{ e.none }}')(flags), false);
  assert.equal(compileCondition('{{ e.empty or e.zero }}')(flags), false);
  assert.equal(compileCondition('{{ e.yes }}')(flags), true);
  // A bare name reads as an undefined variable (catalog-rules/templates.md); other text is true.
  assert.equal(compileCondition('{{ e.word }}')(flags), false);
  assert.equal(compileCondition('{{ e.words }}')(flags), true);
  // Inside the expression Python truthiness holds: "0" is a true string.
  assert.equal(compileCondition('{{ not e.zero }}')(flags), false);
  assert.equal(compileCondition('{{ e.zero and e.yes }}')(flags), true);
});

test('compileText renders with Python str() and drops one trailing newline', () => {
  const t = compileText('{{ parsed.message.list }} {{ {"k": None} }} {{ 1.0 }} {{ nope }}|{{ None }}\n');
  assert.equal(t(scope), "['a', 'b'] {'k': None} 1.0 |None");
});

test('dict attribute lookup prefers keys; methods only through the registry', () => {
  assert.equal(compileValue('{{ parsed.message.values[0] }}')(scope), 9);
  assert.equal(compileValue('{{ final.get("event").type | first }}')(scope), 'start');
});

test('Jinja scoping: set in for is iteration-local, mutation is visible, if does not scope', () => {
  const acc = compileText('{% set acc = [] %}{% for v in [1, 2] %}{% set acc = acc.append(v) %}{% endfor %}{{ acc }}');
  assert.equal(acc(scope), '[1, 2]');
  assert.equal(compileText('{% set acc = [] %}{% if true %}{% set acc = acc.append(1) %}{% endif %}{{ acc }}')(scope), 'None');
  assert.equal(compileText('{% set x = 1 %}{% for v in [5] %}{% set x = v %}{% endfor %}{{ x }}')(scope), '1');
  assert.equal(compileText('{% for k, v in {"a": 1}.items() %}{{ loop.index }}{{ k }}{{ v }}{{ loop.last }}{% endfor %}')(scope), '1a1True');
});

test('each render starts from fresh literals (no shared mutable constants)', () => {
  const t = compileText('{% set acc = [] %}{% set _ = acc.append(1) %}{{ acc }}');
  assert.equal(t(scope), '[1]');
  assert.equal(t(scope), '[1]');
});

test('pyStr and truthy follow Python', () => {
  assert.equal(pyStr(null), 'None');
  assert.equal(pyStr(true), 'True');
  assert.equal(pyStr(new PyFloat(6)), '6.0');
  assert.equal(pyStr(new PyFloat(1e20)), '1e+20');
  assert.equal(pyStr(1.5e-7), '1.5e-07');
  assert.equal(pyStr(PyTuple.fromArray([1])), '(1,)');
  assert.equal(pyStr(undefined), '');
  assert.equal(truthy(undefined), false);
  assert.equal(truthy({}), false);
  assert.equal(truthy(' '), true);
  assert.equal(truthy(new PyFloat(0)), false);
});

test('registries extend filters, tests and methods', () => {
  registerFilter('shout', (v) => pyStr(v).toUpperCase() + '!');
  registerTest('short', (v) => typeof v === 'string' && v.length < 4);
  registerMethod('str', 'twice', (s: string) => s + s);
  assert.equal(compileValue('{{ "hi" | shout }}')(scope), 'HI!');
  assert.equal(compileValue('{{ "hi" is short }}')(scope), true);
  assert.equal(compileValue('{{ "ab".twice() }}')(scope), 'abab');
});

test('parsePythonLiteral accepts Python literals only', () => {
  assert.deepEqual(parsePythonLiteral("['a', 1, 2.0, None, True, (1, 2), {'k': -0x10}]"), {
    ok: true,
    value: ['a', 1, new PyFloat(2), null, true, [1, 2], { k: -16 }],
  });
  assert.deepEqual(parsePythonLiteral('[1, 2,]'), { ok: true, value: [1, 2] });
  assert.deepEqual(parsePythonLiteral("'it\\'s' \"x\""), { ok: true, value: "it'sx" });
  assert.deepEqual(parsePythonLiteral('1_000'), { ok: true, value: 1000 });
  assert.deepEqual(parsePythonLiteral('0b101'), { ok: true, value: 5 });
  assert.deepEqual(parsePythonLiteral('12345678901234567890'), { ok: true, value: 12345678901234567890n });
  for (const bad of ['true', 'null', 'false', '[john@example.com]', 'audit_login', '007', '[1,,2]', "b'x'", '{1, 2}', '', '1j', '"open']) {
    assert.deepEqual(parsePythonLiteral(bad), { ok: false }, bad);
  }
});

test('a brace text without a colon is refused before parsing, unless its dict is empty', () => {
  assert.deepEqual(parsePythonLiteral('{}'), { ok: true, value: {} });
  assert.deepEqual(parsePythonLiteral('{ }, [1]'), { ok: true, value: [{}, [1]], bareTuple: true });
  assert.deepEqual(parsePythonLiteral('{ # note\n}'), { ok: true, value: {} });
  let errorsMade = 0;
  const limit = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!;
  Object.defineProperty(Error, 'stackTraceLimit', { configurable: true, get: () => limit.value, set: () => void errorsMade++ });
  try {
    assert.deepEqual(parsePythonLiteral('{54849625-5478-4994-a5ba-3e3b0328c30d}'), { ok: false });
    assert.deepEqual(parsePythonLiteral('{1, 2}'), { ok: false });
  } finally {
    Object.defineProperty(Error, 'stackTraceLimit', limit);
  }
  assert.equal(errorsMade, 0);
});

test('a colon ending an if/elif/else/for tag is ignored and reported; elsewhere it is still an error', () => {
  const notes: string[] = [];
  const f = compileValue('{% if original.n > 9: %}big{% elif original.n > 5 : %}mid{% else: %}small{% endif %}', (m) => notes.push(m));
  assert.equal(f(scope), 'mid');
  assert.equal(notes.length, 3);
  assert.match(notes[0]!, /':' ends the 'if' tag \(line 1, column 21\)/);
  assert.throws(() => compileValue('{% set x = 1: %}{{ x }}'), TemplateSyntaxError);
  assert.throws(() => compileValue('{% if x :: %}a{% endif %}'), TemplateSyntaxError);
  assert.throws(() => compileValue('{% endif: %}'), TemplateSyntaxError);
});

test('dirname is the text before the last separator, as written; basename the text after it', () => {
  const f = (expr: string, path: string): unknown => compileValue(`{{ p | ${expr} }}`)({ p: path });
  assert.equal(f('dirname', '/etc/conf.d//app.conf'), '/etc/conf.d/');
  assert.equal(f('dirname', 'C:\\\\setup.zip'), 'C:\\');
  assert.equal(f('dirname', 'C:\\Tools\\\\run.exe'), 'C:\\Tools\\');
  assert.equal(f('dirname', 'C:\\Tools/bin\\run.exe'), 'C:\\Tools/bin');
  assert.equal(f('dirname', 'run.exe'), '');
  assert.equal(f('basename', 'C:\\Tools/bin\\run.exe'), 'run.exe');
  assert.equal(f('basename', '/usr/bin/'), '');
});

test('re_match / re_search on None match nothing', () => {
  assert.equal(compileValue("{{ v | re_search('x') }}")({ v: null }), false);
  assert.equal(compileValue("{{ v is defined and not (v | re_match('x')) }}")({ v: null }), true);
  assert.equal(compileValue("{{ v | re_search('b') }}")({ v: 'abc' }), true);
});

test('re_match is anchored at the start only, like re.match', () => {
  const m = (text: string, pattern: string): unknown => compileValue(`{{ t | re_match(p) }}`)({ t: text, p: pattern });
  assert.equal(m('Login of bob was refused, timeout', '^Login.*?was refused'), true);
  assert.equal(m('Login of bob was refused, timeout', 'was refused'), false);
  assert.equal(m('abc123', '[a-z]+'), true);
  assert.equal(m('abc123', '[a-z]+$'), false);
});
