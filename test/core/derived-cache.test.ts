import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as derived from '../../src/core/derived-cache.js';
import { readEntry, writeEntry } from '../../src/core/derived-cache.js';
import { tempDir, withEnv } from '../cli/helpers.js';

test('entries are written and read back; a missing or damaged entry reads as nothing', () => {
  const dir = tempDir('derived');
  withEnv('INTAKE_CACHE_DIR', dir, () => {
    writeEntry('k-1.json', { a: [1, 'x'] });
    assert.deepEqual(readEntry('k-1.json'), { a: [1, 'x'] });
    assert.equal(readEntry('k-2.json'), undefined);
    writeFileSync(join(dir, 'k-3.json'), '{broken');
    assert.equal(readEntry('k-3.json'), undefined);
  });
  assert.deepEqual(readdirSync(dir).sort(), ['k-1.json', 'k-3.json']);
});

test('the first write of a family removes that family\'s week-old entries of other kinds, nothing else', () => {
  const dir = tempDir('derived-prune');
  const entryMadeDaysAgo = (name: string, days: number) => {
    const when = new Date(Date.now() - days * 24 * 3600 * 1000);
    writeFileSync(join(dir, name), '1');
    utimesSync(join(dir, name), when, when);
  };
  for (const name of ['fam-old-1.json', 'fam-old-2.json', 'fam-new-1.json', 'other-old-1.json']) entryMadeDaysAgo(name, 8);
  // Another version's entry made yesterday: that version is still in use, its entries stay.
  entryMadeDaysAgo('fam-side-1.json', 1);
  withEnv('INTAKE_CACHE_DIR', dir, () => writeEntry('fam-new-2.json', 2, 'fam-', 'fam-new-'));
  assert.deepEqual(readdirSync(dir).sort(), ['fam-new-1.json', 'fam-new-2.json', 'fam-side-1.json', 'other-old-1.json']);
});

test('the cache can be turned off, and an unwritable directory is not an error', () => {
  withEnv('INTAKE_CACHE_DIR', 'off', () => {
    writeEntry('x.json', 1);
    assert.equal(readEntry('x.json'), undefined);
  });
  const file = join(tempDir('derived-file'), 'not-a-dir');
  writeFileSync(file, '');
  withEnv('INTAKE_CACHE_DIR', join(file, 'sub'), () => {
    assert.doesNotThrow(() => writeEntry('y.json', 1));
    assert.equal(readEntry('y.json'), undefined);
  });
});

test('the default location is under XDG_CACHE_HOME or the home directory, never a relative path', () => {
  const { cacheDir } = derived;
  withEnv('INTAKE_CACHE_DIR', '', () => {
    withEnv('XDG_CACHE_HOME', '/var/cache/u', () => assert.equal(cacheDir(), '/var/cache/u/intake'));
    withEnv('XDG_CACHE_HOME', '', () => withEnv('HOME', '/home/u', () => assert.equal(cacheDir(), '/home/u/.cache/intake')));
    withEnv('XDG_CACHE_HOME', 'relative', () => withEnv('HOME', '', () => assert.equal(cacheDir(), undefined)));
  });
});
