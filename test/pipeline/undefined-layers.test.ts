import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, makeFormat } from './helpers.js';

const FIELDS = fields({ 'acme.kind': 'keyword', 'acme.size': 'long', 'acme.name': 'keyword', 'acme.flag': 'keyword', 'acme.copy': 'keyword' });

const JSON_STAGE = `  - name: parsed
    external:
      name: json.parse-json
      properties:
        input_field: "{{original.message}}"
`;

const run = (parser: string, message: string): any => loadFormat(makeFormat(parser, FIELDS)).normalize({ message }, { testMode: true });

test('an attribute of Undefined raises: the filter is false, the set writes nothing', () => {
  const out = run(
    `name: acme
pipeline:
${JSON_STAGE}  - name: fill
  - name: never
    filter: "{{ 1 == 2 }}"
  - name: after
stages:
  never:
    actions:
      - set:
          acme.copy: never
  fill:
    actions:
      - set:
          acme.kind: "set"
        filter: "{{ final.action.name != None }}"
      - set:
          acme.name: "yes"
        filter: "{{ final.error.code is not defined }}"
      - set:
          acme.size: "{{ final.dns.question.name | length }}"
      - set:
          acme.flag: "{{ parsed.message.event_data.get('x') }}"
  after:
    actions:
      - set:
          acme.copy: "ran"
        filter: "{{ never.acme.copy != None }}"
`,
    '{"a": 1}',
  );
  assert.equal(out.acme, undefined, JSON.stringify(out.acme));
});

test('a missing key of a defined value is Undefined, not an error', () => {
  const out = run(
    `name: acme
pipeline:
${JSON_STAGE}  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "missing"
        filter: "{{ parsed.message.nope is not defined and parsed.message.nope != None }}"
      - set:
          acme.size: "{{ 1 if parsed.message.none_value.x is not defined else 2 }}"
`,
    '{"none_value": null}',
  );
  assert.equal(out.acme.kind, 'missing');
  assert.equal(out.acme.size, 1, 'None.x is Undefined');
});

test('a translate source final.<path> reads the event being built', () => {
  const out = run(
    `name: acme
pipeline:
${JSON_STAGE}  - name: fill
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{ parsed.message.code }}"
      - translate:
        dictionary:
          "4625": "failed logon"
        mapping:
          final.acme.kind: acme.name
`,
    '{"code": "4625"}',
  );
  assert.equal(out.acme.name, 'failed logon');
});

test('a custom stage is a layer of what it has set so far, defined once it runs', () => {
  const out = run(
    `name: acme
pipeline:
${JSON_STAGE}  - name: fill
  - name: check
stages:
  fill:
    actions:
      - set:
          acme.kind: "{{ parsed.message.kind }}"
      - set:
          acme.name: "{{ fill.acme.kind | upper }}"
        filter: "{{ fill.acme.get('kind') != None }}"
      - set:
          acme.flag: "{% if fill is defined %}inside{% else %}no{% endif %}"
  check:
    actions:
      - set:
          acme.copy: "{{ fill.acme.name }}"
        filter: "{{ fill is defined }}"
      - set:
          acme.size: 1
        filter: "{{ check.acme.copy == 'LOGIN' and check.acme.size is not defined }}"
`,
    '{"kind": "login"}',
  );
  assert.deepEqual(out.acme, { kind: 'login', name: 'LOGIN', flag: 'inside', copy: 'LOGIN', size: 1 });
});
