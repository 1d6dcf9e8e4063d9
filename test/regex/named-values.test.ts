import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern } from '../../src/regex/index.js';
import { emitExact } from '../../src/regex/emit.js';
import { parsePattern } from '../../src/regex/parser.js';

test('named-only emission keeps named groups and backreferenced groups, drops other captures', () => {
  const parsed = parsePattern('(a)(?P<x>b)(c)\\3(?:d)', false);
  const e = emitExact(parsed, true, true);
  assert.equal(e.source, '^(?:(?:a)(b)(c)(?:\\2)(?:d))$');
  assert.deepEqual(e.groups.names, ['x']);
  assert.deepEqual(e.groups.jsIndices, [[1]]);
});

test('execValues and exec agree with search/fullMatch on named values (unnamed, atomic, duplicate groups)', () => {
  const cases: Array<[string, string[]]> = [
    ['(\\d+)-(?P<word>\\w+)(?>x+)(?P<tail>y)?', ['12-abxxy', '12-abxx', 'zz']],
    ['(?:(?P<a>\\d+)|(?P<a>[a-z]+))(\\.)\\1?(?P<b>.*)', ['12.rest', 'ab..z', '!']],
    ['((?P<h>[a-f]+):)+(?P<n>\\d)', ['ab:cd:1', 'ab:1', 'x:1']],
  ];
  for (const [pattern, inputs] of cases) {
    const re = compilePattern(pattern, { fullMatch: true });
    for (const input of inputs) {
      const full = re.fullMatch(input);
      const values = re.execValues(input);
      const named = re.exec(input);
      assert.equal(values === null, full === null, `${pattern} on ${input}`);
      assert.equal(re.test(input), full !== null);
      if (full === null) continue;
      assert.deepEqual(named, full.named, `${pattern} on ${input}`);
      assert.deepEqual(values, re.groupNames.map((n) => full.named[n]));
    }
  }
});
