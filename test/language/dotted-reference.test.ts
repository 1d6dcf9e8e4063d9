import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileCondition, compileText, compileValue } from '../../src/language/index.js';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, jsonFillFormat } from '../pipeline/helpers.js';

const scope = { parsed: { message: { groups: [{ id: 'g1' }], codes: { '0': 'zero' } } } };

test('a lone dotted reference reads a number segment as a key: it indexes no list', () => {
  assert.equal(compileValue('{{ parsed.message.codes.0 }}')(scope as never), 'zero');
  assert.throws(() => compileValue('{{ parsed.message.groups.0.id }}')(scope as never));
  assert.equal(compileValue('{{ parsed.message.groups.0 }}')(scope as never), undefined);
});

test('brackets, calls, filters, conditions and text keep Jinja2 item access', () => {
  assert.equal(compileValue('{{ parsed.message.groups[0].id }}')(scope as never), 'g1');
  assert.equal(compileValue('{{ parsed.message.groups.0.get("id") }}')(scope as never), 'g1');
  assert.equal(compileValue('{{ parsed.message.groups.0.id | upper }}')(scope as never), 'G1');
  assert.equal(compileCondition('{{ parsed.message.groups.0.id == "g1" }}')(scope as never), true);
  assert.equal(compileText('id={{ parsed.message.groups.0.id }}')(scope as never), 'id=g1');
});

test('in a set, the numbered reference through a list writes nothing', () => {
  const format = loadFormat(
    jsonFillFormat(
      `      - set:
          acme.first: "{{ parsed.message.groups.0.id }}"
          acme.second: "{{ parsed.message.groups[0].id }}"
`,
      fields({ 'acme.first': 'keyword', 'acme.second': 'keyword' }),
    ),
  );
  const out = format.normalize({ message: '{"groups": [{"id": "g1"}]}' }, { testMode: true }) as { acme?: unknown };
  assert.deepEqual(out.acme, { second: 'g1' });
});
