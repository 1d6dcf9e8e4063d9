import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, queryToSql, QuerySyntaxError } from '../../src/outputs/query.js';

test('parses field terms, boolean operators, implicit AND and parentheses', () => {
  assert.deepEqual(parseQuery('a:1 OR NOT (b:"x y" c:z*)'), {
    kind: 'or',
    items: [
      { kind: 'term', field: 'a', value: '1', quoted: false },
      {
        kind: 'not',
        item: {
          kind: 'and',
          items: [
            { kind: 'term', field: 'b', value: 'x y', quoted: true },
            { kind: 'term', field: 'c', value: 'z*', quoted: false },
          ],
        },
      },
    ],
  });
  assert.equal(parseQuery('   '), null);
});

test('AND binds tighter than OR', () => {
  const node = parseQuery('a:1 AND b:2 OR c:3');
  assert.equal(node?.kind, 'or');
  assert.equal((node as { items: { kind: string }[] }).items[0]!.kind, 'and');
});

test('values and paths are bound parameters, never concatenated', () => {
  const evil = `x' OR 1=1 --`;
  const frag = queryToSql(parseQuery(`source.ip:"${evil}" event.action:"${evil}"`)!);
  assert.ok(!frag.sql.includes(evil));
  assert.ok(frag.params.includes(evil));
  assert.ok(frag.params.includes('$."source"."ip"'));
});

test('wildcards become escaped LIKE patterns; quoted wildcards are literal', () => {
  const glob = queryToSql(parseQuery('user.name:jo*n_?')!);
  assert.match(glob.sql, /LIKE \? ESCAPE/);
  assert.deepEqual(glob.params, ['$."user"."name"', 'jo%n\\__']);
  const literal = queryToSql(parseQuery('user.name:"jo*"')!);
  assert.match(literal.sql, /= \?/);
  assert.deepEqual(literal.params, ['$."user"."name"', 'jo*']);
});

test('syntax errors are reported', () => {
  assert.throws(() => parseQuery('a:1 AND'), QuerySyntaxError);
  assert.throws(() => parseQuery('(a:1'), QuerySyntaxError);
  assert.throws(() => parseQuery('a:"open'), QuerySyntaxError);
  assert.throws(() => parseQuery('a:1 )'), QuerySyntaxError);
});
