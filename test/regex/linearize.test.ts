import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, nonLinearReasons } from '../../src/regex/index.js';

test('a lookbehind its left neighbour decides, and an atomic number nothing can extend, run on the linear engine', () => {
  // The shape of grok's NUMBER after a delimiter.
  const re = compilePattern('\\[(?<w>\\w+)@(?<n>(?<![0-9.+-])(?>[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)))\\] (?<rest>.*)', { fullMatch: true });
  assert.equal(re.linear, true);
  assert.deepEqual(re.exec('[a@12.5] x y'), { w: 'a', n: '12.5', rest: 'x y' });
  assert.equal(re.exec('[a@12.] x'), null);
});

test('a negative lookahead is dropped when the next unit or the end of a full match decides it', () => {
  const re = compilePattern('(?<ip>\\d+\\.\\d+)(?![0-9])(?: (?<p>\\d+))?', { fullMatch: true });
  assert.equal(re.linear, true);
  assert.deepEqual(re.exec('1.2 80'), { ip: '1.2', p: '80' });
  assert.deepEqual(re.exec('1.2'), { ip: '1.2', p: undefined });
});

test('an atomic group is kept where backtracking into it would change the answer', () => {
  const re = compilePattern('(?>\\d+)\\d', { fullMatch: true });
  assert.equal(re.linear, false);
  assert.equal(re.exec('123'), null);
  // An atomic alternation whose first choice is not its longest.
  const alt = compilePattern('(?>a|ab)c', { fullMatch: true });
  assert.equal(alt.linear, false);
  assert.equal(alt.exec('abc'), null);
});

test('a lookaround is kept where the neighbour does not decide it (search: unknown text around)', () => {
  assert.equal(compilePattern('(?<![0-9])\\d+').linear, false);
  assert.equal(compilePattern('x(?<![0-9])\\d+', { fullMatch: true }).linear, true);
  assert.equal(compilePattern('.*(?<![0-9])\\d+', { fullMatch: true }).linear, false);
});

test('nested quantifiers (grok URIPROTO) run on the linear engine from the first step, with exact groups', () => {
  const re = compilePattern('(?<proto>[A-Za-z]([A-Za-z0-9+\\-.]+)+)://(?<host>[^/]*)', { fullMatch: true });
  assert.equal(re.linear, true);
  assert.equal(re.linearOnly, true);
  assert.deepEqual(re.exec('svn+ssh://h'), { proto: 'svn+ssh', host: 'h' });
  // Exponential for a backtracking engine: 2^n ways to split the repetition.
  assert.equal(re.exec('a'.repeat(50_000) + '!'), null);
  const m = compilePattern('([A-Za-z]([A-Za-z0-9+\\-.]+)+):').search('x' + 'ab'.repeat(20) + ':');
  assert.equal(m?.groups[0], 'x' + 'ab'.repeat(20));
  assert.equal(m?.groups[1], 'ab'.repeat(20), 'the greedy inner repetition takes all in one iteration, as in Python');
});

test('lazy quantifiers, leftmost-first alternation and named groups keep their meaning on the linear engine', () => {
  const re = compilePattern('(?<k>(?:a|ab)+?)(?<rest>b*c(?:, (?<x>\\w+) = (?<v>[^\\n]*?))*)', { fullMatch: true });
  assert.equal(re.linearOnly, true);
  assert.deepEqual(re.exec('abbc, p = 1, q = 2'), { k: 'a', rest: 'bbc, p = 1, q = 2', x: 'q', v: '2' });
  const s = compilePattern('(a|ab)(c|bcd)(d*)').search('abcd');
  assert.deepEqual(s?.groups, ['a', 'bcd', '']);
  const u = compilePattern('(?<w>\\w+)é(?<e>\\S+)$', { fullMatch: true });
  assert.deepEqual(u.exec('caf\u00e9\u00e8\u2603'), { w: 'caf', e: '\u00e8\u2603' });
});

test('nonLinearReasons names what keeps a backtracking path, and nothing for a linear pattern', () => {
  assert.deepEqual(nonLinearReasons('x(?<![0-9])\\d+', { fullMatch: true }), []);
  assert.deepEqual(nonLinearReasons('(?>\\d+)\\d', { fullMatch: true }), ['atomic group that can be backtracked into']);
  assert.deepEqual(nonLinearReasons('[a-z]{0,62}'), ['repetition bound above 16 ({0,62})']);
  assert.deepEqual(nonLinearReasons('(\\w)\\1'), ['backreference']);
});

test('an atomic number followed by free text: on one-line inputs a linear source, on others the exact one', () => {
  const re = compilePattern('(?<n>(?<![0-9.+-])(?>[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)))(?<rest>[^\\n]*?)', { fullMatch: true });
  assert.equal(re.linear, false, 'the whole pattern keeps its backtracking path for inputs with a line feed');
  assert.deepEqual(re.exec('12.5 apples'), { n: '12.5', rest: ' apples' });
  assert.deepEqual(re.exec('12.5.3'), { n: '12.5', rest: '.3' });
  assert.equal(re.exec('12 a\nb'), null);
  assert.equal(re.exec('x12'), null);
  // Backtracking into the atomic group would succeed here: it must not.
  const strict = compilePattern('(?<n>(?>\\d+))(?<d>\\d)(?<rest>[^\\n]*)', { fullMatch: true });
  assert.equal(strict.exec('123 x'), null);
});

test('a risky linear pattern keeps JS captures: an optional group whose body matched empty is unset', () => {
  // V8's `l` engine reads "" here; JS backtracking (and the VM) leave the group unset.
  const re = compilePattern('(?:a|ab)+(?P<x>\\w*)?X', { fullMatch: true });
  assert.equal(re.linearOnly, true);
  assert.deepEqual(re.exec('aX'), { x: undefined });
  assert.deepEqual(re.exec('abaX'), { x: 'ba' });
  assert.equal(/^(?:a|ab)+(\w*)?X$/.exec('aX')?.[1], undefined);
});
