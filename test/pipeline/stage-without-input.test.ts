import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, makeFormat } from './helpers.js';

const PARSER = `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
  - name: when
    external:
      name: date.parse
      properties:
        input_field: "{{ parsed.message.at }}"
        output_field: date
  - name: inner
    external:
      name: json.parse-json
      properties:
        input_field: "{{ parsed.message.body }}"
  - name: report
stages:
  report:
    actions:
      - set:
          acme.when: "absent"
        filter: "{{ when == null }}"
      - set:
          acme.when: "present"
        filter: "{{ when != null }}"
      - set:
          acme.inner: "{{ 'failed' if inner.get('message') == None else 'parsed' }}"
`;

const run = (message: string): any =>
  loadFormat(makeFormat(PARSER, fields({ 'acme.when': 'keyword', 'acme.inner': 'keyword' }))).normalize({ message }, { testMode: true });

test('a stage given no input does not run: its name stays undefined', () => {
  assert.equal(run('{"body": "{}"}').acme.when, 'absent');
  assert.equal(run('{"at": "", "body": "{}"}').acme.when, 'absent');
});

test('a stage that runs and fails is an empty layer: `.get` on it gives None', () => {
  const out = run('{"at": "not a date", "body": "not json"}');
  assert.equal(out.acme.when, 'present');
  assert.equal(out.acme.inner, 'failed');
  assert.equal(run('{"at": "2024-01-02T03:04:05Z", "body": "{\\"a\\": 1}"}').acme.inner, 'parsed');
});
