import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { compilePattern } from '../../src/regex/index.js';

// [pattern, input]: each is checked with fullmatch and search against Python (one spawn).
const CASES: Array<[string, string]> = [
  ['(?P<a>\\d+)-(?P<b>\\w+)', '12-ab'], ['(?P<a>\\d+)-(?P<b>\\w+)', '12-'], ['a.c', 'a\rc'], ['a.c', 'a\nc'],
  ['(?s)a.c', 'a\nc'], ['\\s+', '\x1c\x1d\x1e\x1f'], ['\\s', '\ufeff'], ['\\S+', 'ab\u00a0'], ['x{,2}y', 'xxy'],
  ['x{2,}', 'xxxx'], ['a{', 'a{'], ['a{1', 'a{1'], ['(?i)straße', 'STRASSE'], ['(?i)[a-f]+', 'aBcDeF'],
  ['(?i)café', 'CAFÉ'], ['[^\\W\\d]+', 'ab_'], ['(?>a+)b', 'aab'], ['(?>a|ab)c', 'abc'], ['a++b', 'aab'],
  ['a*+a', 'aaa'], ['(?P<x>a)?(?P<x>b)?', 'ab'], ['(?P<x>a)|(?P<x>b)', 'b'], ['(?:(?P<x>a)|c)(?P<x>b)?', 'a'],
  ['(a)(b)?(c)', 'ac'], ['(\\w)\\1', 'aa'], ['(?P<q>["\'])(?P<v>.*?)(?P=q)', '"x\'y"'], ['foo$', 'foo\n'],
  ['foo$\\n', 'foo\n'], ['^ab', 'ab'], ['(?m)^b', 'a\nb'], ['\\Aab\\Z', 'ab'], ['\\bfoo\\b', 'a foo b'],
  ['\\Bo', 'foo'], ['[\\d.]+', '1.2.3'], ['[\\s\\w]+', 'a b'], ['[[:alpha:]]+', 'abC'], ['[[:^space:]]+', 'ab'],
  ['(?x) a  b # c\n d', 'abd'], ['a(?i:b)c', 'aBc'], ['a(?i:b)c', 'aBC'], ['(?i)a(?-i:b)', 'Ab'],
  ['(?<![0-9])\\d+', 'a12'], ['\\d+(?![0-9.])', '12.5'], ['(?!<[0-9])\\d\\d', '12'], ['.*?x', 'axbx'],
  ['(a|ab)(c|bcd)(d*)', 'abcd'], ['(?:a*)*b', 'aab'], ['[\\x41-\\x43]+', 'ABC'], ['\\101\\x42\\u0043', 'ABC'],
  ['[]a]+', ']a]'], ['[a\\]]+', 'a]'], ['(?#c)ab', 'ab'], ['\\h+', ' \t'], ['é+', 'éé'], ['[à-ÿ]+', 'éü'],
  ['(?:ab)+?', 'abab'], ['a|b|', ''], ['(?P<n>a(?P<m>b)?)+', 'aab'], ['(?>ab|a)+c', 'abac'], ['(?>a|ab)+c', 'abc'], ['(?:\\.|[^\\"])++"', 'a\\"b"'],
  ['@(?<![0-9.+-])(?>[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)) x', '@12.5 x'], ['@(?<![0-9.+-])(?>[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)) x', '@-.5 x'],
  ['(?>\\d+)\\d', '123'], ['(?>\\d+)x', '12x'], ['a(?![0-9])', 'a'], ['a(?![0-9]) ', 'a '], [' (?<![0-9])\\d+', ' 12'],
  ['(?>[a-z]+)(?:-(?>[a-z]+))*', 'ab-cd'], ['(?>a|ab)c', 'ac'], ['x*+y', 'xxy'], ['(?>\\d+(?:\\.\\d+)?)\\.', '1.2.'], ['(?>\\d+)\\d?', '12'], ['x(?>a|ab)', 'xab'], ['(?>a+)b|(?>a+)', 'aa'],
];

const PY = `
import json, sys, re, warnings
warnings.simplefilter('ignore')
try:
    import regex
except ImportError:
    regex = re
out = []
for p, s in json.load(sys.stdin):
    # Python's re where it knows the syntax (its \s includes \x1c-\x1f like str.isspace);
    # the regex module for POSIX classes, \h and duplicate names.
    r = regex.compile(p) if '[:' in p or '\\h' in p else None
    if r is None:
        try:
            r = re.compile(p)
        except re.error:
            r = regex.compile(p)
    row = []
    for m in (r.fullmatch(s), r.search(s)):
        row.append(None if m is None else [m.group(0), list(m.groups()), m.groupdict()])
    out.append(row)
print(json.dumps(out))
`;

/** The first Python that has the `regex` module (CI installs Debian's python3-regex). */
function pythonWithRegex(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import regex'], { stdio: 'ignore' });
      return candidate;
    } catch {
      /* try the next one */
    }
  }
  throw new Error('no python3 with the `regex` module: install python3-regex (apt-get) to run the differential test');
}

test('translated patterns behave like Python regex on ~60 cases (fullmatch and search)', () => {
  const stdout = execFileSync(pythonWithRegex(), ['-c', PY], { input: JSON.stringify(CASES), encoding: 'utf8' });
  const expected = JSON.parse(stdout) as Array<Array<[string, Array<string | null>, Record<string, string | null>] | null>>;
  CASES.forEach(([pattern, input], i) => {
    const re = compilePattern(pattern);
    const got = [re.fullMatch(input), re.search(input)].map((m) =>
      m === null ? null : [m.text, m.groups.map((g) => g ?? null), Object.fromEntries(Object.entries(m.named).map(([k, v]) => [k, v ?? null]))],
    );
    assert.deepEqual(got, expected[i], `pattern ${JSON.stringify(pattern)} on ${JSON.stringify(input)}`);
  });
});
