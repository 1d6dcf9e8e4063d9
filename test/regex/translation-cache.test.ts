import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern } from '../../src/regex/index.js';
import { tempDir, withEnv } from '../cli/helpers.js';

function withCacheDir<T>(dir: string, run: () => T): T {
  return withEnv('INTAKE_CACHE_DIR', dir, run);
}

const PATTERNS: Array<[string, { fullMatch?: boolean; ignoreCase?: boolean }, string[]]> = [
  ['(?P<user>\\w+)@(?P<host>[^ ]+)(?: port (?P<port>\\d+))?', { fullMatch: true }, ['bob@h1 port 22', 'bob@h1', 'nope', '@x']],
  ['(?<a>x)|(?<a>y)(?<b>z)?', {}, ['x', 'yz', 'q y', '']],
  ['(?i)accepted (?P<m>\\S+) for (?P<u>.*?) from (?P<ip>[\\d.]+)', { ignoreCase: false }, ['Accepted password for root from 10.0.0.1', 'Failed x']],
  ['(?:a+)+b', { fullMatch: true }, ['aaab', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaac']],
];

test('a pattern compiled from the cache behaves exactly as a freshly translated one', () => {
  const dir = tempDir('regex-cache');
  for (const [pattern, opts, inputs] of PATTERNS) {
    const fresh = withCacheDir('off', () => compilePattern(pattern, opts));
    const miss = withCacheDir(dir, () => compilePattern(pattern, opts));
    const hit = withCacheDir(dir, () => compilePattern(pattern, opts));
    for (const c of [miss, hit]) {
      assert.deepEqual(c.groupNames, fresh.groupNames, pattern);
      assert.equal(c.linear, fresh.linear, pattern);
      for (const input of inputs) {
        assert.deepEqual(c.execValues(input), fresh.execValues(input), `${pattern} on ${input}`);
        assert.deepEqual(c.search(input), fresh.search(input), `${pattern} search ${input}`);
        assert.deepEqual(c.match(input), fresh.match(input), `${pattern} match ${input}`);
      }
    }
  }
  assert.equal(readdirSync(dir).length, PATTERNS.length, 'one entry per pattern and options');
});

test('the cached translation is what a later compile uses; a damaged entry is translated again', () => {
  const dir = tempDir('regex-cache-planted');
  withCacheDir(dir, () => compilePattern('(?P<x>a)', { fullMatch: true }));
  const [entry] = readdirSync(dir);
  const file = join(dir, entry!);
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...stored, source: stored.source.replace('a', 'b') }));
  assert.deepEqual(withCacheDir(dir, () => compilePattern('(?P<x>a)', { fullMatch: true }).execValues('b')), ['b']);
  writeFileSync(file, '{"source": 1}');
  assert.deepEqual(withCacheDir(dir, () => compilePattern('(?P<x>a)', { fullMatch: true }).execValues('a')), ['a']);
});

test('syntax errors are raised and never cached', () => {
  const dir = tempDir('regex-cache-errors');
  withCacheDir(dir, () => assert.throws(() => compilePattern('(?P<x>a', { fullMatch: true })));
  assert.equal(readdirSync(dir).length, 0);
});
