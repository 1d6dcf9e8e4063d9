import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, jsonFillFormat } from './helpers.js';

const dir = jsonFillFormat(
  `      - set:
          acme.identity: "{{ parsed.message.identity }}"
          acme.blob: "{{ parsed.message.identity }}"
`,
  fields({ 'acme.identity.key': 'keyword', 'acme.identity.account': 'keyword', 'acme.blob': 'object' }),
);

test('an empty string at a declared keyword leaf of a written dict is left out', () => {
  const out: any = loadFormat(dir).normalize({ message: '{"identity": {"key": "", "account": "42"}}' }, { testMode: true });
  assert.deepEqual(out.acme.identity, { account: '42' });
  // inside a field declared object the value is kept verbatim
  assert.deepEqual(out.acme.blob, { key: '', account: '42' });
});
