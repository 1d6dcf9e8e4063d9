import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern } from '../../src/regex/index.js';
import { expandGrok } from '../../src/stages/grok/expand.js';
import { BASE_PATTERNS } from '../../src/stages/grok/library.js';
import { tempDir, withEnv } from '../cli/helpers.js';

/** A grok alternation of message shapes, big enough (IPv6 inside each) to be split. */
const GROK = [
  'Accepted %{NOTSPACE:method} for %{DATA:user} from %{IPORHOST:src}(?: port %{INT:port})?(?: ssh2)?',
  'Failed %{NOTSPACE:method} for (?:invalid user )?%{DATA:user} from %{IPORHOST:src}(?: port %{INT:port})?',
  'Connection (?:closed|reset) by (?:%{WORD:role} user %{DATA:user} )?%{IPORHOST:src}(?: port %{INT:port})?',
  '(?:Accepted|Failed) %{GREEDYDATA:rest}',
  '%{IPORHOST:src} said %{GREEDYDATA:rest}',
  // First units the dispatch must get right: case folding, an optional start, a lookahead, non-ASCII.
  '(?i:error) %{GREEDYDATA:rest}',
  '(?:x-)?%{IPORHOST:src} maybe',
  '(?=Z)%{WORD:word}',
  'é%{GREEDYDATA:rest}',
  '(?:\\[%{INT:port}\\]|<%{INT:port}>) %{GREEDYDATA:rest}',
].map((p) => `(?:${p})`).join('|');

const INPUTS = [
  'Accepted password for bob from 10.0.0.1 port 22 ssh2',
  'Accepted publickey for alice from 2001:db8::1 port 4242',
  'Accepted password for bob from host.example.org',
  'Failed password for invalid user admin from ::1 port 22',
  'Failed none for root from 192.168.1.300 port 22',
  'Connection closed by authenticating user root 1.2.3.4 port 5',
  'Connection reset by fe80::1',
  'Accepted something odd',
  '10.0.0.1 said hello',
  'nothing like it',
  '',
  'ERROR disk full',
  'eRrOr lower and upper',
  'x-10.0.0.1 maybe',
  '10.0.0.1 maybe',
  'x-maybe',
  'Zed',
  'Zed and more',
  'ée',
  'é',
  '[22] bracketed',
  '<22> angled',
  '\u{1F600} astral',
];

function withCacheDir<T>(dir: string, run: () => T): T {
  return withEnv('INTAKE_CACHE_DIR', dir, run);
}

test('a big full-match alternation is split into one regex per alternative', () => {
  const { regex } = expandGrok(`(?:${GROK})`, new Map(), BASE_PATTERNS);
  const dir = tempDir('split');
  withCacheDir(dir, () => compilePattern(regex, { fullMatch: true }));
  const entry = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8'));
  assert.equal(entry.branches.length, 10);
});

test('the split pattern matches exactly as the whole one: same alternative, same captures', () => {
  const { regex } = expandGrok(`(?:${GROK})`, new Map(), BASE_PATTERNS);
  for (const cache of ['off', tempDir('split-same')]) {
    const c = withCacheDir(cache, () => compilePattern(regex, { fullMatch: true }));
    for (const input of INPUTS) {
      // fullMatch() runs the whole pattern as one regex; exec() runs the split alternatives.
      const whole = c.fullMatch(input);
      const split = c.exec(input);
      assert.deepEqual(split, whole === null ? null : whole.named, input);
      assert.equal(c.test(input), whole !== null, input);
    }
  }
});

test('small patterns and search-mode patterns are not split', () => {
  const dir = tempDir('split-small');
  withCacheDir(dir, () => compilePattern('(?:(?P<a>x)|(?P<b>y))', { fullMatch: true }));
  const { regex } = expandGrok(`(?:${GROK})`, new Map(), BASE_PATTERNS);
  withCacheDir(dir, () => compilePattern(regex));
  for (const file of readdirSync(dir)) assert.equal(JSON.parse(readFileSync(join(dir, file), 'utf8')).branches, null, file);
});

test('an input is tried only against the alternatives that can start with its first character', () => {
  const { regex } = expandGrok(`(?:${GROK})`, new Map(), BASE_PATTERNS);
  const c = withCacheDir('off', () => compilePattern(regex, { fullMatch: true }));
  const exec = RegExp.prototype.exec;
  const sources: string[] = [];
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    sources.push(this.source);
    return exec.call(this, input);
  };
  const run = (input: string): number => {
    sources.length = 0;
    c.exec(input);
    return new Set(sources).size;
  };
  try {
    // Each alternative runs one or two regexes (a relaxed pre-check, the exact one): trying all ten
    // would run ten or more. "Q" can start only the three that begin with a host name or a word.
    assert.ok(run('Qwerty') <= 6);
    // Nothing matches the empty input: every alternative needs a first character.
    assert.equal(run(''), 0);
    // "A": Accepted (which matches and ends the search).
    assert.ok(run('Accepted password for bob from 10.0.0.1 port 22 ssh2') <= 2);
    // "]": no alternative starts with it.
    assert.equal(run(']x'), 0);
  } finally {
    RegExp.prototype.exec = exec;
  }
});

test('an alternation inside capture groups and inside an alternative is split through, with the same captures', () => {
  const parts = GROK.split('|(?:');
  const nested = `(?P<all>${parts.slice(0, 5).join('|(?:')}|(?P<more>(?:${parts.slice(5).join('|(?:')}))`;
  const { regex } = expandGrok(nested, new Map(), BASE_PATTERNS);
  const dir = tempDir('split-nested');
  const c = withCacheDir(dir, () => compilePattern(regex, { fullMatch: true }));
  const entry = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8'));
  assert.equal(entry.branches.length, 10);
  for (const input of INPUTS) {
    const whole = c.fullMatch(input);
    assert.deepEqual(c.exec(input), whole === null ? null : whole.named, input);
  }
});
