import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlText } from '../../src/pipeline/yaml-file.js';
import { builtinFormatDirs } from '../../src/pipeline/builtin.js';
import { tempDir, withEnv } from '../cli/helpers.js';

/** Every mapping path of a value (string keys, list indexes), the root included. */
function mapPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((item, i) => mapPaths(item, [...path, i]));
  if (v === null || typeof v !== 'object') return [];
  return [path, ...Object.keys(v).flatMap((k) => mapPaths((v as Record<string, unknown>)[k], [...path, k]))];
}

/** Parses `text` with the cache off, then twice with a fresh cache (a miss that writes, then a hit). */
function threeReadings(text: string) {
  const plain = withEnv('INTAKE_CACHE_DIR', 'off', () => parseYamlText('f.yml', text));
  const dir = tempDir('yaml-cache');
  const [miss, hit] = withEnv('INTAKE_CACHE_DIR', dir, () => [parseYamlText('f.yml', text), parseYamlText('f.yml', text)]);
  return { plain, miss: miss!, hit: hit!, dir };
}

function assertSameReading(text: string): void {
  const { plain, hit, dir } = threeReadings(text);
  assert.equal(readdirSync(dir).length, 1, 'the entry was written');
  assert.deepEqual(hit.value, plain.value);
  for (const path of mapPaths(plain.value)) {
    assert.deepEqual(hit.typedKeys(path), plain.typedKeys(path), `typed keys at ${JSON.stringify(path)}`);
    assert.equal(hit.lineOf(path), plain.lineOf(path), `line of ${JSON.stringify(path)}`);
  }
}

test('a cached YAML file reads exactly as a parsed one: values, typed keys, lines', () => {
  assertSameReading(
    [
      'name: x',
      'dictionary:',
      '  17: seventeen',
      '  18: [eighteen, 18]',
      '  yes: true-key',
      '  "10": quoted',
      '  abc: 1.5',
      '  ~: none',
      '  dup: first',
      '  dup: second',
      'base: {a: 1}',
      'c: [1, "two", null, false]',
      'list:',
      '  - {k: v}',
      '  - plain',
    ].join('\n'),
  );
});

test('every built-in format file reads the same from the cache', () => {
  for (const dir of builtinFormatDirs()) {
    for (const file of ['_meta/manifest.yml', '_meta/fields.yml', 'ingest/parser.yml']) {
      assertSameReading(readFileSync(join(dir, file), 'utf8'));
    }
  }
});

test('values JSON cannot carry exactly are parsed every time, not cached', () => {
  const merge = 'base: &b {a: 1}\nmerged:\n  <<: *b\n  c: 1\n';
  for (const text of ['when: 2001-12-14t21:59:43.10-05:00', 'x: .inf', 'x: -0.0', '17: {nested: map}', '17: [{nested: map}]', 'base: &b {a: 1}\nalias: *b\n', merge]) {
    const { plain, hit, dir } = threeReadings(text);
    assert.equal(readdirSync(dir).length, 0, text);
    assert.deepEqual(hit.value, plain.value);
  }
});

test('a YAML error is reported with its line, and nothing is cached', () => {
  const dir = tempDir('yaml-cache-error');
  withEnv('INTAKE_CACHE_DIR', dir, () => {
    assert.throws(() => parseYamlText('bad.yml', 'a: 1\nb: [unclosed\n'), (err: Error & { line?: number }) => /invalid YAML/.test(err.message) && err.line !== undefined);
  });
  assert.equal(readdirSync(dir).length, 0);
});
