import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, translatePattern, RegexSyntaxError } from '../../src/regex/index.js';

const full = (p: string, s: string) => compilePattern(p, { fullMatch: true }).exec(s);

test('(?P<name>) and (?P=name) become JS named groups and backreferences', () => {
  assert.deepEqual(full('(?P<a>\\w+)-(?P=a)', 'ab-ab'), { a: 'ab' });
  assert.equal(full('(?P<a>\\w+)-(?P=a)', 'ab-ac'), null);
  assert.match(translatePattern('(?P<x>a)').source, /\(\?<x>a\)/);
});

test('duplicate names are renamed and the right-most participating occurrence wins', () => {
  const t = translatePattern('(?P<a>x)?(?P<a>y)?(?P<a>z)?');
  assert.deepEqual(t.groups.names, ['a']);
  assert.deepEqual(t.groups.jsNames, [['a', 'a__2', 'a__3']]);
  assert.deepEqual(full('(?P<a>x)?(?P<a>y)?(?P<a>z)?', 'xy'), { a: 'y' });
  assert.deepEqual(full('(?P<a>x)?(?P<a>y)?(?P<a>z)?', 'x'), { a: 'x' });
  assert.deepEqual(full('(?P<a>x)|(?P<a>y)', 'y'), { a: 'y' });
  assert.deepEqual(full('(?P<a>x)?', ''), { a: undefined });
});

test('leading, trailing and scoped inline flags', () => {
  assert.ok(full('(?i)abc', 'AbC'));
  assert.ok(full('abc(?i)', 'ABC'), 'flags anywhere are global (regex module, version 0)');
  assert.ok(full('a(?i:b)c', 'aBc'));
  assert.equal(full('a(?i:b)c', 'aBC'), null);
  assert.equal(full('(?i)a(?-i:b)', 'AB'), null);
  assert.ok(full('(?i)[a-c]+', 'AbC'));
  assert.equal(full('(?i)[^a]', 'A'), null);
  assert.ok(full('(?s)a.b', 'a\nb'));
  assert.equal(full('a.b', 'a\nb'), null);
  assert.ok(full('a.b', 'a\rb'), 'Python `.` excludes only \\n');
  assert.ok(full('(?x) a b  # comment\n c', 'abc'));
  assert.equal(compilePattern('^b$').search('a\nb'), null);
  assert.ok(compilePattern('(?m)^b$').search('a\nb\nc'));
  assert.equal(translatePattern('(?i)a').flags, '');
});

test('atomic groups and possessive quantifiers do not give characters back', () => {
  assert.equal(full('(?>a+)a', 'aaa'), null);
  assert.ok(full('(?:a+)a', 'aaa'));
  assert.equal(full('a++a', 'aaa'), null);
  assert.ok(full('(?>ab|a)c', 'abc'));
  assert.equal(full('(?>a|ab)c', 'abc'), null);
  assert.match(translatePattern('(?>x+)x').source, /\(\?=\(\?<__a1>x\+\)\)\\k<__a1>x/);
  // Nothing after it in a search: never backtracked into, a plain group (linearize.ts).
  assert.equal(translatePattern('(?>x)').source, '(?:x)');
});

test('anchors \\A \\Z \\z and Python $ before a final newline', () => {
  const c = compilePattern('\\Afoo\\Z');
  assert.ok(c.search('foo'));
  assert.equal(c.search('foo\n'), null);
  assert.ok(compilePattern('foo$').search('foo\n'));
  assert.equal(compilePattern('foo$').search('foo\nx'), null);
  assert.ok(compilePattern('x\\z').search('ax'));
});

test('\\s is Python whitespace, \\h horizontal space, POSIX classes in brackets', () => {
  for (const ch of ['\x1c', '\x1f', '\x85', ' ', '\t', '\u3000']) assert.ok(full('\\s', ch), JSON.stringify(ch));
  assert.equal(full('\\s', '\ufeff'), null);
  // The one difference from Python: the vertical tab is not whitespace, so \S+ runs over it.
  assert.equal(full('\\s', '\v'), null);
  assert.ok(full('\\S+', 'a\vb'));
  assert.ok(full('[^\\s]+', 'a\vb'));
  assert.ok(full('\\h', '\t'));
  assert.equal(full('\\h', '\n'), null);
  assert.ok(full('[[:alpha:]]+[[:digit:]]', 'abZ1'));
  assert.equal(full('[[:alpha:]]', '1'), null);
  assert.ok(full('[[:^digit:]]', 'x'));
  assert.ok(full('[[:xdigit:][:space:]]+', 'aF 09'));
});

test('quantifier and escape corner cases', () => {
  assert.ok(full('x{,2}', 'xx'));
  assert.equal(full('x{,2}', 'xxx'), null);
  assert.ok(full('a{', 'a{'), 'a lone brace is literal');
  assert.ok(full('\\x41\\u0042\\101', 'ABA'));
  assert.ok(full('[\\]a-]+', ']-a'));
  assert.ok(full('[]a]+', ']a'));
  assert.ok(full('(a)(b)\\2', 'abb'));
  assert.ok(full('😀+', '😀😀'));
});

test('groups() numbering follows Python (duplicate names share a number)', () => {
  const m = compilePattern('(?P<a>x)|(?P<a>y)(z)').search('yz')!;
  assert.deepEqual(m.groups, ['y', 'z']);
  assert.equal(m.text, 'yz');
  const s = compilePattern('b+').match('abb');
  assert.equal(s, null, 'match() is anchored at the start');
  assert.equal(compilePattern('a(b+)').match('abbc')!.groups[0], 'bb');
});

test('untranslatable or invalid patterns throw RegexSyntaxError with a clear message', () => {
  const cases: Array<[string, RegExp]> = [
    ['(a', /missing \), unterminated subpattern/],
    ['a)', /unbalanced parenthesis/],
    ['*a', /nothing to repeat/],
    ['a**', /multiple repeat/],
    ['[a', /unterminated character set/],
    ['(?(1)a|b)', /conditional/],
    ['\\p{L}', /not supported/],
    ['(?P=nope)', /unknown group name/],
    ['\\q', /bad escape/],
    ['[z-a]', /bad character range/],
    ['(?P<1a>x)', /bad character in group name/],
    ['a{3,1}', /min repeat greater than max repeat/],
  ];
  for (const [p, msg] of cases) {
    assert.throws(() => translatePattern(p), (e: unknown) => e instanceof RegexSyntaxError && msg.test((e as Error).message), p);
  }
});
