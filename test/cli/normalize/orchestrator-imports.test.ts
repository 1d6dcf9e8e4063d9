import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliCommand, tempDir } from '../helpers.js';

/** A module that registers a loading hook printing `LOADED <url>` for every module loaded. */
function loadReporter(): string {
  const dir = tempDir('imports');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, "export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }\n");
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  return pathToFileURL(register).href;
}

/** The modules a fresh process loads when it imports `module`. */
function modulesLoadedBy(module: URL): string {
  const run = spawnSync(process.execPath, ['--import', loadReporter(), '--input-type=module', '-e', `await import(${JSON.stringify(module.href)});`], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stderr;
}

test('the normalize command imports no engine module until it normalizes in its own thread', () => {
  const loaded = modulesLoadedBy(new URL('../../../src/cli/commands/normalize.js', import.meta.url));
  const lines = loaded.split('\n').filter((l) => l.startsWith('LOADED '));
  assert.ok(lines.some((l) => l.includes('/cli/normalize/worker-pool.')), 'the hook saw the command\'s own modules');
  for (const engine of ['/pipeline/load-format.', '/taxonomy/taxonomy.', '/language/compiler.', '/stages/grok.']) {
    assert.ok(!lines.some((l) => l.includes(engine)), `${engine} is not loaded`);
  }
});

test('the compiled CLI normalizes from its one-file bundle; from the sources, from the modules', () => {
  const input = JSON.stringify({ message: 'not json' }) + '\n';
  const run = spawnSync(process.execPath, ['--import', loadReporter(), ...cliCommand(), 'normalize', '--format', 'rubycat-proveit', '--input', 'json'], { encoding: 'utf8', input });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim().split('\n').length, 1, 'one event out');
  const ours = run.stderr.split('\n').filter((l) => l.startsWith('LOADED file:') && !l.includes('/node_modules/'));
  if (import.meta.url.endsWith('.js')) {
    assert.ok(ours.some((l) => l.endsWith('/dist/bundle/normalize.js')), ours.join('\n'));
    for (const l of ours) assert.ok(!l.includes('/dist/src/pipeline/') && !l.includes('/dist/src/language/'), `loaded apart from the bundle: ${l}`);
  } else {
    assert.ok(ours.some((l) => l.endsWith('/src/pipeline/load-format.ts')), ours.join('\n'));
  }
});
