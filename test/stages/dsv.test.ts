import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dsvParse } from '../../src/stages/dsv.js';
import { StageConfigError, StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

const cols = { columnnames: ['a', 'b', 'c'] };

test('columns mapped by position; extra columns ignored, missing ones None (csv.DictReader restval)', () => {
  assert.deepEqual(run(dsvParse, '1,2,3', cols), { a: '1', b: '2', c: '3' });
  assert.deepEqual(run(dsvParse, '1,2,3,4,5', cols), { a: '1', b: '2', c: '3' });
  assert.deepEqual(run(dsvParse, '1,2', cols), { a: '1', b: '2', c: null });
  assert.deepEqual(run(dsvParse, '1,,', cols), { a: '1', b: '', c: '' });
});

test('double-quote quoting with "" escapes, delimiters and line breaks inside quotes', () => {
  // A line break inside quotes is dropped (the record is read line by line: catalog-rules/stages.md).
  assert.deepEqual(run(dsvParse, '"x, y","say ""hi""","l1\nl2"', cols), { a: 'x, y', b: 'say "hi"', c: 'l1l2' });
  assert.deepEqual(run(dsvParse, '"ab"c,d', cols), { a: 'abc', b: 'd', c: null });
  assert.deepEqual(run(dsvParse, 'a"b,c', cols), { a: 'a"b', b: 'c', c: null });
  assert.deepEqual(run(dsvParse, '"unterminated,x', cols), { a: 'unterminated,x', b: null, c: null });
  assert.deepEqual(run(dsvParse, '1,2\n3,4', cols), { a: '1', b: '2', c: null }); // one record only
});

test('delimiter property and a column-name string', () => {
  assert.deepEqual(run(dsvParse, '1 "2 3" 4', { columnnames: ['a', 'b', 'c'], delimiter: ' ' }), { a: '1', b: '2 3', c: '4' });
  assert.deepEqual(run(dsvParse, '1;2', { columnnames: 'a, b', delimiter: ';' }), { a: '1', b: '2' });
});

test('bad properties and inputs', () => {
  assert.throws(() => run(dsvParse, '1', {}), StageConfigError);
  assert.throws(() => run(dsvParse, '1', { columnnames: [] }), StageConfigError);
  assert.throws(() => run(dsvParse, '1', { columnnames: ['a'], delimiter: ';;' }), StageConfigError);
  for (const bad of [null, 1, ['a']]) assert.throws(() => run(dsvParse, bad, cols), StageError);
  const big = 'x'.repeat(10_000_000) + ',y';
  assert.equal((run(dsvParse, big, cols) as { b: string }).b, 'y');
});

test('a quoted field spanning lines loses its line breaks; an unquoted line break ends the record', () => {
  const columns = { columnnames: ['a', 'b', 'c'] };
  assert.deepEqual(run(dsvParse, '"x \ny","p,q \r\nr",z', columns), { a: 'x y', b: 'p,q r', c: 'z' });
  assert.deepEqual(run(dsvParse, 'x,y\nz', columns), { a: 'x', b: 'y', c: null });
});
