import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Taxonomy, TaxonomyError, createNormalizer, loadTaxonomyFile } from '../../src/taxonomy/index.js';

const dir = mkdtempSync(join(tmpdir(), 'intake-taxonomy-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('ECS fields are built in, minus the ecs.* set (T4)', () => {
  const t = Taxonomy.build({});
  const ip = t.get('source.ip')!;
  assert.deepEqual([ip.name, ip.type, ip.source], ['source.ip', 'ip', 'ecs']);
  assert.match(t.get('source.ip')!.description, /IP address/);
  assert.equal(t.get('source.user.name')?.type, 'keyword');
  assert.equal(t.get('@timestamp')?.type, 'date');
  assert.equal(t.get('ecs.version'), undefined);
  assert.equal(t.get('not.a.field'), undefined);
  assert.ok([...t.fields()].length > 2000);
  assert.match(t.ecsDescription('ecs.version') ?? '', /ECS version/);
  assert.equal(t.ecsDescription('acme.thing'), undefined);
});

test('later sources override earlier ones: ECS < extra files < module < format', () => {
  const extra = file('extra.yml', 'source.ip:\n  name: source.ip\n  type: keyword\n  description: ext\nacme.a:\n  name: acme.a\n  type: long\n  description: from extension\n');
  const t = Taxonomy.build({
    extraFiles: [extra],
    moduleFields: { 'acme.a': { name: 'acme.a', type: 'keyword', description: 'module' }, 'acme.b': { name: 'acme.b', type: 'boolean', description: 'm' } },
    formatFields: { 'acme.b': { name: 'acme.b', type: 'date', description: 'format' }, 'ecs.version': { name: 'ecs.version', type: 'keyword', description: '' } },
  });
  assert.deepEqual(t.get('source.ip'), { name: 'source.ip', type: 'keyword', description: 'ext', source: 'extension' });
  assert.deepEqual(t.get('acme.a'), { name: 'acme.a', type: 'keyword', description: 'module', source: 'format' });
  assert.deepEqual(t.get('acme.b'), { name: 'acme.b', type: 'date', description: 'format', source: 'format' });
  assert.equal(t.get('ecs.version')?.type, 'keyword'); // a format may declare it back
});

test('the entry name wins over the map key', () => {
  const t = Taxonomy.build({ formatFields: { 'acme.key': { name: 'acme.real', type: 'keyword', description: '' } } });
  assert.equal(t.get('acme.key'), undefined);
  assert.equal(t.get('acme.real')?.type, 'keyword');
});

test('unusable entries are skipped and unknown types kept, each with a warning naming file and field', () => {
  const bad = file('bad.yml', 'acme.x:\n  name: acme.x\n  type: whatever\n  description: d\n');
  const t = Taxonomy.build({ extraFiles: [bad] });
  assert.equal(t.get('acme.x')?.type, 'whatever');
  assert.deepEqual(t.warnings, [{ file: bad, field: 'acme.x', message: 'unknown type "whatever": its values are kept as the input gives them' }]);
  const skipped = Taxonomy.build({
    formatFields: { 'acme.y': { type: 'keyword' }, 'acme.z': { name: 'acme.z' }, 'acme.w': 'keyword', 'acme.ok': { name: 'acme.ok', type: 'long' } },
    formatFieldsFile: 'fmt/_meta/fields.yml',
  });
  assert.deepEqual(skipped.warnings.map((w) => `${w.file} ${w.field} ${w.message}`), [
    'fmt/_meta/fields.yml acme.y skipped: missing "name"',
    'fmt/_meta/fields.yml acme.z skipped: missing "type"',
    'fmt/_meta/fields.yml acme.w skipped: the definition must be a map with name, type and description',
  ]);
  assert.equal(skipped.get('acme.ok')?.type, 'long');
  assert.equal(skipped.get('acme.z'), undefined);
});

test('an unknown type keeps the value as the input gave it', () => {
  const t = Taxonomy.build({ formatFields: { 'acme.v': { name: 'acme.v', type: 'non_searchable_field_type' } } });
  const out = createNormalizer(t)({ acme: { v: 42 } }, []) as any;
  assert.equal(out.acme.v, 42);
});

test('all 22 fields.yml type names are accepted', () => {
  const types = ['keyword', 'text', 'number', 'long', 'array', 'boolean', 'string', 'integer', 'object', 'bool', 'date_nanos',
    'keywords', 'ip', 'float', 'datetime', 'date', 'int', 'list', 'short', 'dict', 'geo_point', 'tracker'];
  const fields = Object.fromEntries(types.map((type) => [`t.${type}`, { name: `t.${type}`, type, description: '' }]));
  const t = Taxonomy.build({ formatFields: fields });
  for (const type of types) assert.equal(t.get(`t.${type}`)?.type, type);
});

test('loadTaxonomyFile reads a fields.yml map and rejects other shapes', () => {
  assert.deepEqual(loadTaxonomyFile(file('ok.yml', 'a.b:\n  name: a.b\n  type: keyword\n  description: x\n')), {
    'a.b': { name: 'a.b', type: 'keyword', description: 'x' },
  });
  assert.deepEqual(loadTaxonomyFile(file('empty.yml', '')), {});
  assert.throws(() => loadTaxonomyFile(file('list.yml', '- a\n- b\n')), TaxonomyError);
  assert.throws(() => loadTaxonomyFile(file('broken.yml', 'a: [\n')), /invalid YAML/);
  assert.throws(() => loadTaxonomyFile(join(dir, 'missing.yml')), /cannot read/);
});

test('taxonomies built from the shared ECS tree do not leak overrides into each other', () => {
  const asKeyword = Taxonomy.build({ formatFields: { 'source.port': { name: 'source.port', type: 'keyword', description: '' } } });
  const plain = Taxonomy.build({});
  const other = Taxonomy.build({ formatFields: { 'source.acme': { name: 'source.acme', type: 'long', description: '' } } });
  const run = (t: Taxonomy) => createNormalizer(t)({ source: { port: 80, acme: '5' } }, []);
  assert.deepEqual(run(plain), { source: { port: 80 } });
  assert.deepEqual(run(other), { source: { port: 80, acme: 5 } });
  assert.deepEqual(run(asKeyword), { source: { port: '80' } });
});
