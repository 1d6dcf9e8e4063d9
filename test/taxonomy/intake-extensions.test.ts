import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNormalizer, Taxonomy } from '../../src/taxonomy/index.js';

test('Intake extensions are declared for every format and survive the taxonomy filter', () => {
  const taxonomy = Taxonomy.build({});
  assert.equal(taxonomy.get('log.hostname')?.source, 'extension');
  assert.equal(taxonomy.get('action.properties'), undefined); // C2: only formats that declare it keep it
  const event = createNormalizer(taxonomy)({ log: { hostname: 'gw01' }, action: { name: 'x', properties: { Any: 'thing' } } }, []);
  assert.deepEqual(event.log, { hostname: 'gw01' });
  assert.deepEqual(event.action, { name: 'x' });
});

test('a format field overrides an Intake extension of the same name', () => {
  const taxonomy = Taxonomy.build({ formatFields: { 'action.id': { name: 'action.id', type: 'long', description: 'd' } } });
  assert.equal(taxonomy.get('action.id')?.type, 'long');
});
