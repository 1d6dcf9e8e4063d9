import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../cli/helpers.js';

const ecsModule = fileURLToPath(new URL('../../src/taxonomy/ecs.js', import.meta.url));

/** builtinEcsTypes() in a fresh process (the table is computed once per process). */
function typesInFreshProcess(cacheDir: string): Array<[string, string]> {
  const code = `import(${JSON.stringify(ecsModule)}).then((m) => process.stdout.write(JSON.stringify(m.builtinEcsTypes())));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { env: { ...process.env, INTAKE_CACHE_DIR: cacheDir } }).toString());
}

test('the ECS type table equals @elastic/ecs minus ecs.*, computed or read from the cache', () => {
  const flat = (createRequire(import.meta.url)('@elastic/ecs') as { EcsFlat: Record<string, { type: string }> }).EcsFlat;
  const expected = Object.keys(flat).filter((n) => !n.startsWith('ecs.')).map((n) => [n, flat[n]!.type]);
  const dir = tempDir('ecs-cache');
  assert.deepEqual(typesInFreshProcess(dir), expected, 'computed from the package');
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('ecs-types-')).length, 1, 'the entry was written');
  assert.deepEqual(typesInFreshProcess(dir), expected, 'read from the cache');
  // The entry is what a later process uses: a planted one shows it is read, not recomputed.
  const entry = readdirSync(dir).find((f) => f.startsWith('ecs-types-'))!;
  writeFileSync(join(dir, entry), JSON.stringify([['planted.field', 'keyword']]));
  assert.deepEqual(typesInFreshProcess(dir), [['planted.field', 'keyword']]);
  writeFileSync(join(dir, entry), '{not json');
  assert.deepEqual(typesInFreshProcess(dir), expected, 'a damaged entry is recomputed');
  assert.deepEqual(typesInFreshProcess('off'), expected, 'with the cache off');
});
