import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { jsonFillFormat } from './helpers.js';

const dir = jsonFillFormat(`      - set:
          process.args_count: "{{ len(parsed.message.args) }}"
          process.title: "{{ parsed.message.args | length }}"
      - set:
          process.name: "{{ parsed.message.name }}"
`);

test('len is no template global: the entry that calls it is lost, the rest runs', () => {
  const out: any = loadFormat(dir).normalize({ message: '{"args": ["a", "b"], "name": "sh"}' }, { testMode: true });
  assert.equal(out.process.args_count, undefined);
  assert.equal(out.process.name, 'sh');
  // the `length` filter is the Jinja way and works
  assert.equal(out.process.title, '2');
});
