import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kvParse } from '../../src/stages/kv.js';
import { StageConfigError, StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

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
});

test('keys trimmed, empty values kept, junk skipped, last duplicate wins', () => {
  assert.deepEqual(run(kvParse, 'a=1, b = 2,c=', { item_sep: ',' }), { a: '1', b: ' 2', c: '' });
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
  assert.deepEqual(run(kvParse, 'a=1&b=2', { item_sep: '&', groups: true, reversed: false }), { a: '1', b: '2' });
});

test('bad properties and bad inputs', () => {
  assert.throws(() => run(kvParse, 'a=1', { item_sep: '' }), StageConfigError);
  assert.throws(() => run(kvParse, 'a=1', { item_sep: '\\s*' }), StageConfigError);
  assert.throws(() => run(kvParse, 'a=1', { value_sep: 3 }), StageConfigError);
  for (const bad of [null, 42, { a: 1 }]) assert.throws(() => run(kvParse, bad), StageError);
  const big = 'k=' + 'v '.repeat(5_000_000);
  assert.equal((run(kvParse, big) as { k: string }).k.length, 10_000_000);
  assert.deepEqual(run(kvParse, 'a=\u0000\u0001 b=2'), { a: '\u0000\u0001', b: '2' });
});
