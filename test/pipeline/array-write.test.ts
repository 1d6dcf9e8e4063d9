import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, jsonFillFormat } from './helpers.js';

const dir = jsonFillFormat(
  `      - set:
          acme.tags: "{{ parsed.message.tag }}"
          acme.list: "{{ parsed.message.tags }}"
          acme.items: "{{ parsed.message.items }}"
`,
  fields({ 'acme.tags': 'array', 'acme.list': 'list', 'acme.items': 'object', 'acme.items.id': 'list' }),
);

test('a set of a lone value into a declared array field stores a one-element list', () => {
  const out: any = loadFormat(dir).normalize(
    { message: '{"tag": "blue", "tags": ["a", "b"], "items": [{"id": "x"}]}' },
    { testMode: true },
  );
  assert.deepEqual(out.acme.tags, ['blue']);
  assert.deepEqual(out.acme.list, ['a', 'b']);
  // elements of a written list are not wrapped: only the set's own path is
  assert.deepEqual(out.acme.items, [{ id: 'x' }]);
});
