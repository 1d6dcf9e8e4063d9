import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { jsonFillFormat } from './helpers.js';

const dir = jsonFillFormat(`      - set:
          user.roles: '["{{ parsed.message.kind }}"]'
        filter: '{{ parsed.message.get("kind") }}'
      - set:
          process.title: "{{ parsed.message.kind }}"
        filter: 'kind={{ parsed.message.get("kind") }}'
`);

function run(kind: unknown): any {
  return loadFormat(dir).normalize({ message: JSON.stringify({ kind }) }, { testMode: true });
}

test('a filter rendering a bare name is false: it reads as an undefined variable', () => {
  for (const kind of ['Regular', 'null', 'false', 'none', 'False', '0']) {
    assert.equal(run(kind).user, undefined, kind);
  }
});

test('a filter rendering true, a true literal or other text is true', () => {
  for (const kind of ['true', 'True', '1', 'two words', 'a-b', '[1]']) {
    assert.deepEqual(run(kind).user?.roles, [kind], kind);
  }
  // a longer text around the value is never a bare name
  assert.equal(run('Regular').process.title, 'Regular');
});
