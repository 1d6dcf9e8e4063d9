import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kvParse } from '../../src/stages/kv.js';
import { StageConfigError, StageError } from '../../src/stages/stage.js';
import { compileWarnings, run } from './helpers.js';

test('names and defaults: whitespace between items, = between key and value', () => {
  assert.deepEqual(kvParse.names, ['kv.parse-kv', 'kv.parseKV']);
  assert.deepEqual(run(kvParse, 'a=1 b=2\tc=3'), { a: '1', b: '2', c: '3' });
});

test('a value extends to the next separator followed by key=', () => {
  assert.deepEqual(run(kvParse, 'msg=Configuration is changed by admin user=bob'), { msg: 'Configuration is changed by admin', user: 'bob' });
  assert.deepEqual(run(kvParse, 'url=http://x/?a=b&c=d src=1'), { url: 'http://x/?a=b&c=d', src: '1' });
});

test('quoted values run to the closing quote, which is removed', () => {
  assert.deepEqual(run(kvParse, 'msg="from=a, size=1, relay=b" status=sent'), { msg: 'from=a, size=1, relay=b', status: 'sent' });
  assert.deepEqual(run(kvParse, 'a="x y"'), { a: 'x y' });
  assert.deepEqual(run(kvParse, 'a="unterminated b=1'), { a: '"unterminated', b: '1' });
  // A closing quote that does not end the item: the value is plain text up to the next pair
  // (that text losing one outer pair of quotes when it starts and ends with one).
  assert.deepEqual(run(kvParse, 'x="<a><b c="d"></b>" e="f"'), { x: '"<a><b', c: 'd"></b>', e: 'f' });
});

test('keys and unquoted values trimmed, empty values kept, junk skipped, last duplicate wins', () => {
  assert.deepEqual(run(kvParse, 'a=1, b = 2 ,c=', { item_sep: ',' }), { a: '1', b: '2', c: '' });
  assert.deepEqual(run(kvParse, 'user=admin  ip=1.2.3.4   port=2'), { user: 'admin', ip: '1.2.3.4', port: '2' });
  assert.deepEqual(run(kvParse, 'duser= suser=x'), { duser: '', suser: 'x' });
  assert.deepEqual(run(kvParse, 'garbage here a=1 a=2'), { a: '2' });
  assert.deepEqual(run(kvParse, ''), {});
  const proto = run(kvParse, '__proto__=x') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(proto), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value, 'x');
});

test('separators are regexes, with a literal fallback when they do not compile', () => {
  assert.deepEqual(run(kvParse, 'a: 1, b: two words, c: 3', { item_sep: ',\\s', value_sep: ':\\s' }), { a: '1', b: 'two words', c: '3' });
  assert.deepEqual(run(kvParse, 'a=1\r\nb=2', { item_sep: '\\r\\n' }), { a: '1', b: '2' });
  assert.deepEqual(run(kvParse, 'a=1$MARK$b=x y', { item_sep: '\\$MARK\\$' }), { a: '1', b: 'x y' });
  assert.deepEqual(run(kvParse, 'a=1*,*b=2', { item_sep: '*,*' }), { a: '1', b: '2' });
  assert.deepEqual(run(kvParse, 'a:1;b:2', { item_sep: ';', value_sep: ':' }), { a: '1', b: '2' });
  assert.deepEqual(run(kvParse, 'a=1&b=2', { item_sep: '&', reversed: false }), { a: '1', b: '2' });
});

test('bad properties and bad inputs', () => {
  assert.throws(() => run(kvParse, 'a=1', { item_sep: '' }), StageConfigError);
  assert.throws(() => run(kvParse, 'a=1', { item_sep: '\\s*' }), StageConfigError);
  assert.throws(() => run(kvParse, 'a=1', { value_sep: 3 }), StageConfigError);
  for (const bad of [null, 42, { a: 1 }]) assert.throws(() => run(kvParse, bad), StageError);
  const big = 'k=' + 'v '.repeat(5_000_000);
  assert.equal((run(kvParse, big) as { k: string }).k.length, 9_999_999);
  assert.deepEqual(run(kvParse, 'a=\u0000\u0001 b=2'), { a: '\u0000\u0001', b: '2' });
});

test('groups: [name k=v ...] nests under name, sections nest, [k=v ...] adds to the enclosing level', () => {
  const text = 'id=7 event=open [message=Session opened zone="Z 1" ][rules rule=R1 ][conn [conn src=1.2.3.4 sent=4.52 K dst=5.6.7.8 ]] tail=end';
  assert.deepEqual(run(kvParse, text, { groups: true }), {
    id: '7', event: 'open', message: 'Session opened', zone: 'Z 1', rules: { rule: 'R1' },
    conn: { conn: { src: '1.2.3.4', sent: '4.52 K', dst: '5.6.7.8' } }, tail: 'end',
  });
  // A value before a section ends at the separator in front of `[`.
  assert.deepEqual(run(kvParse, 'message=closed now [alg mod=x id=1 ]', { groups: true }), { message: 'closed now', alg: { mod: 'x', id: '1' } });
  // Without groups the brackets are text.
  assert.deepEqual(run(kvParse, 'a=1 [b c=2 ]', {}), { a: '1 [b', c: '2 ]' });
});

test('groups: unterminated sections, stray brackets, same-name sections merge, deep nesting stays bounded', () => {
  assert.deepEqual(run(kvParse, '[s a=1', { groups: true }), { s: { a: '1' } });
  assert.deepEqual(run(kvParse, '] a=1 ]', { groups: true }), { a: '1' });
  assert.deepEqual(run(kvParse, '[s a=1 ][s b=2 ]', { groups: true }), { s: { a: '1', b: '2' } });
  assert.deepEqual(run(kvParse, '[ ] [] a=1', { groups: true }), { a: '1' });
  const deep = run(kvParse, '[a '.repeat(10_000) + 'k=v', { groups: true });
  assert.equal(typeof deep, 'object');
  assert.equal(run(kvParse, 'x=' + '[a '.repeat(100_000), { groups: true }) !== null, true);
});

test('reversed: false is accepted; true warns and reads key first', () => {
  compileWarnings.length = 0;
  assert.deepEqual(run(kvParse, 'a=1', { reversed: false }), { a: '1' });
  assert.deepEqual(compileWarnings, []);
  assert.deepEqual(run(kvParse, 'a=1', { reversed: true }), { a: '1' });
  assert.match(compileWarnings[0], /^reversed: /);
  assert.throws(() => run(kvParse, 'a=1', { groups: 'yes' }), StageConfigError);
});

test('a closing quote ends a quoted value only when the next pair, a bracket or the end follows', () => {
  assert.deepEqual(run(kvParse, 'a=""  b="x"'), { a: '""', b: 'x' });
  assert.deepEqual(run(kvParse, 'a="k=1, k2=2, z"  b=""'), { a: '"k=1,', k2: '2, z"', b: '' });
  assert.deepEqual(run(kvParse, 'a="x"   '), { a: 'x' });
  assert.deepEqual(run(kvParse, '[s a="x"]', { groups: true }), { s: { a: 'x' } });
  const many = run(kvParse, 'a="' + '" '.repeat(50_000) + 'b=1') as Record<string, string>;
  assert.equal(many.b, '1');
});

test('only a whitespace separator lets a value run over separators; with others a piece without a pair is dropped', () => {
  assert.deepEqual(run(kvParse, 'a=30,junk-11:22,b=2,#15', { item_sep: ',' }), { a: '30', b: '2' });
  assert.deepEqual(run(kvParse, ', Step=5= x, Step=63=y z', { item_sep: ',\\sStep=', value_sep: '=\\s' }), { 5: 'x' });
  assert.deepEqual(run(kvParse, 'time=May 01 2025 18:00:02 CEST next=1'), { time: 'May 01 2025 18:00:02 CEST', next: '1' });
  assert.deepEqual(run(kvParse, 'time=May 01\tx=1', { item_sep: '\\t' }), { time: 'May 01', x: '1' });
});

test('quoted values are trimmed; a plain value that starts and ends with a quote loses one pair', () => {
  assert.deepEqual(run(kvParse, 'a=" x " b=1'), { a: 'x', b: '1' });
  assert.deepEqual(run(kvParse, 'note="done "'), { note: 'done' });
  // The first closing quote does not end the item: plain text, whose outer quotes are removed.
  assert.deepEqual(run(kvParse, 'name=""kept"" n=1'), { name: '"kept"', n: '1' });
  assert.deepEqual(run(kvParse, 'k=""x=1 y"" n=1'), { k: '"x=1 y"', n: '1' });
  // The space before the boundary is part of the plain value, so its quotes stay.
  assert.deepEqual(run(kvParse, 'verb="GET"  host="h"'), { verb: '"GET"', host: 'h' });
});

test('single quotes delimit a value as double quotes do', () => {
  assert.deepEqual(run(kvParse, "agent='Tool/1.0 (X11; a=b)' src=1"), { agent: 'Tool/1.0 (X11; a=b)', src: '1' });
  assert.deepEqual(run(kvParse, `a='say "hi"' b="it's" c=''x'' d=1`), { a: 'say "hi"', b: "it's", c: "'x'", d: '1' });
  assert.deepEqual(run(kvParse, "a=it's b=1"), { a: "it's", b: '1' });
});

test("single quotes delimit a value like double quotes, separators inside included", () => {
  assert.deepEqual(run(kvParse, "on='yes',tags='a,b',when='2024-01-02 03:04:05 +0200',none=''", { item_sep: ',' }), {
    on: 'yes',
    tags: 'a,b',
    when: '2024-01-02 03:04:05 +0200',
    none: '',
  });
  // A closing quote that does not end the item leaves the quote as text.
  assert.deepEqual(run(kvParse, "msg='it's here next=1"), { msg: "'it's here", next: '1' });
});

test('an unquoted value that starts and ends with the same quote loses one outer pair', () => {
  assert.deepEqual(run(kvParse, 'base=""ou=a,o=b"" scope=2'), { base: '"ou=a,o=b"', scope: '2' });
  assert.deepEqual(run(kvParse, "who=''x'' n=1"), { who: "'x'", n: '1' });
  // Blanks after the quote (two spaces before the next pair) keep it: the value is `""`.
  assert.deepEqual(run(kvParse, 'a=""  b=1'), { a: '""', b: '1' });
});
