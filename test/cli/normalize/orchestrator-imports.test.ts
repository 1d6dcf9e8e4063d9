import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../helpers.js';

/** The modules a fresh process loads when it imports `module` (via a module-loading hook). */
function modulesLoadedBy(module: URL): string {
  const dir = tempDir('imports');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, "export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }\n");
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, '--input-type=module', '-e', `await import(${JSON.stringify(module.href)});`], { encoding: 'utf8' });
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
