import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { cliCommand, ROOT } from './helpers.js';

// `intake normalize ... > /dev/full`: a write error on stdout ends with one clear line and exit 1.
for (const extra of [[], ['--workers', '2']]) {
  test(`normalize ${extra.join(' ')}: a write error on stdout is one line on stderr and exit 1, no stack trace`, (t) => {
    if (!existsSync('/dev/full')) return t.skip('no /dev/full');
    const out = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [...cliCommand(), 'normalize', '--format', 'rubycat-proveit', '--input', 'json', ...extra, join(ROOT, 'samples', 'rubycat-proveit.ndjson')], {
        cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 60_000,
      });
      assert.equal(r.status, 1);
      assert.equal(r.stderr, 'intake: cannot write to standard output: ENOSPC\n');
    } finally {
      closeSync(out);
    }
  });
}
