#!/usr/bin/env node
// Runs every compiled test (dist/test/**/*.test.js) with node's test runner, two files at a time.
// Exit code: node --test's own, i.e. non-zero when any test fails (or when no test file exists).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testRoot = join(root, 'dist', 'test');

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(path));
    else if (entry.name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

const files = existsSync(testRoot) ? findTests(testRoot).sort() : [];
if (files.length === 0) {
  console.error('run-tests: no dist/test/**/*.test.js found (did `npm run build` run?)');
  process.exit(1);
}
const filter = process.argv.slice(2);
const selected = filter.length > 0 ? files.filter((f) => filter.some((part) => f.includes(part))) : files;
// A parse cache of its own (see src/pipeline/yaml-cache.ts): the first load of each file in the run
// parses and writes, later ones read, so both paths run; the user's cache is left alone.
const cacheDir = mkdtempSync(join(tmpdir(), 'intake-test-cache-'));
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', ...selected.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, INTAKE_CACHE_DIR: process.env.INTAKE_CACHE_DIR ?? cacheDir } },
);
rmSync(cacheDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
