import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, jsonFillFormat } from './helpers.js';

const dir = jsonFillFormat(
  `      - set:
          acme: "{{ parsed.message }}"
`,
  fields({ 'acme.tags': 'keyword' }),
);

test('an undeclared object inside a written one keeps its lists of objects, emptied', () => {
  const out: any = loadFormat(dir).normalize(
    { message: '{"tags": "a", "audit": {"paths": [{"name": "/x"}, {"name": "/y"}], "mode": "r"}, "meta": {"k": 1}}' },
    { testMode: true },
  );
  // `audit` holds a list of objects: it stays, its elements emptied; `meta` holds scalars only and goes
  assert.deepEqual(out.acme, { tags: 'a', audit: { paths: [{}, {}] } });
});
