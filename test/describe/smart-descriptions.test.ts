import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { descriptionExamples } from '../../src/describe/coverage.js';
import {
  compileSmartDescriptions,
  describeEvent,
  loadSmartDescriptions,
  SmartDescriptionError,
} from '../../src/describe/smart-descriptions.js';

const descriptions = compileSmartDescriptions([
  { value: 'Event from {host.name}', conditions: [] },
  { value: '{user.name} logged on to {host.name}', conditions: [{ field: 'action.id', value: 4624 }, { field: 'user.name' }] },
  {
    value: '{user.name} logged on to {host.name} from {source.ip}',
    conditions: [{ field: 'action.id', value: 4624 }, { field: 'user.name' }, { field: 'source.ip' }],
    relationships: [{ source: 'user.name', target: 'source.ip', type: 'connected from' }, { source: 'user.name', target: 'x.y', type: 'never' }],
  },
  { value: 'Admin login of {user.name}', conditions: [{ field: 'event.category', value: ['authentication', 'iam'] }] },
]);

test('the description with most conditions that all hold wins; numbers match their keyword text', () => {
  const logon = { action: { id: '4624' }, user: { name: 'alice' }, host: { name: 'pc1' } };
  assert.equal(describeEvent(descriptions, logon)?.text, 'alice logged on to pc1');
  const fromIp = { ...logon, source: { ip: '10.0.0.1' } };
  const rendered = describeEvent(descriptions, fromIp)!;
  assert.equal(rendered.text, 'alice logged on to pc1 from 10.0.0.1');
  assert.deepEqual(rendered.relationships, [{ source: 'alice', target: '10.0.0.1', type: 'connected from' }]);
  assert.equal(describeEvent(descriptions, { action: { id: 4625 }, user: { name: 'bob' }, host: { name: 'pc2' } })?.text, 'Event from pc2');
});

test('a list condition needs every listed value among the field values; missing placeholders render empty and are named', () => {
  assert.equal(describeEvent(descriptions, { event: { category: ['iam', 'authentication'] }, user: { name: 'root' } })?.text, 'Admin login of root');
  const partial = describeEvent(descriptions, { event: { category: ['authentication'] } })!;
  assert.equal(partial.text, 'Event from ');
  assert.deepEqual(partial.missing, ['host.name']);
  assert.equal(describeEvent([], {}), undefined);
});

test('malformed files are errors naming the file and entry', () => {
  assert.throws(() => compileSmartDescriptions({}, 'f.json'), /f\.json: the document must be a JSON array/);
  assert.throws(() => compileSmartDescriptions([{ conditions: [] }], 'f.json'), /description 1: needs a "value"/);
  assert.throws(() => compileSmartDescriptions([{ value: 'x', conditions: [{ value: 1 }] }], 'f.json'), SmartDescriptionError);
});

test('descriptionExamples gives each description the first event that fills all its placeholders', () => {
  const events = [{ host: {} }, { host: { name: 'a' } }, { host: { name: 'b' } }];
  const ex = descriptionExamples(descriptions, events);
  assert.equal(ex[0].example?.eventIndex, 1);
  assert.equal(ex[0].example?.rendered.text, 'Event from a');
  assert.equal(ex[1].example, undefined);
});

// The catalog copy beside the repository: every smart-descriptions file compiles, and the share of
// descriptions that the formats' own tests show stays where it was measured (790 of 1,580).
const catalog = join(process.cwd(), '..', 'shared', 'catalog');
test('every smart description of the catalog compiles; its tests show at least 790 of them', { skip: !existsSync(catalog) && process.env.CI !== 'true' }, () => {
  let total = 0;
  let shown = 0;
  for (const vendor of readdirSync(catalog)) {
    const vendorDir = join(catalog, vendor);
    for (const name of existsSync(join(vendorDir)) && !vendor.startsWith('.') ? readdirSync(vendorDir) : []) {
      const file = join(vendorDir, name, '_meta', 'smart-descriptions.json');
      if (!existsSync(file)) continue;
      const list = loadSmartDescriptions(file);
      const testsDir = join(vendorDir, name, 'tests');
      const events = existsSync(testsDir)
        ? readdirSync(testsDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(testsDir, f), 'utf8')).expected)
        : [];
      total += list.length;
      shown += descriptionExamples(list, events).filter((e) => e.example !== undefined).length;
    }
  }
  assert.ok(total >= 1580, `${total} descriptions`);
  assert.ok(shown >= 790, `${shown} of ${total} shown`);
});
