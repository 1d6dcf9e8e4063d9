import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFormat } from '../../src/pipeline/index.js';
import { fields, makeFormat } from './helpers.js';

const PARSER = `name: acme
pipeline:
  - name: parsed
    external:
      name: json.parse-json
      properties:
        input_field: "{{original.message}}"
  - name: default_mode
  - name: copy_mode
    filter: "{{ parsed.message.mode is defined }}"
stages:
  default_mode:
    filter: "{{ parsed.message.mode == 'never-this' }}"
    actions:
      - set:
          acme.mode: "fallback"
  copy_mode:
    actions:
      - set:
          acme.mode: "{{ parsed.message.mode }}"
`;

test('a filter written in a stage definition is not applied, with a load warning at its line', () => {
  const format = loadFormat(makeFormat(PARSER, fields({ 'acme.mode': 'keyword' })));
  const warning = format.diagnostics.find((d) => /stage definition is not applied/.test(d.message));
  assert.ok(warning, JSON.stringify(format.diagnostics));
  assert.equal(warning.line, 13);
  assert.deepEqual(format.normalize({ message: '{"a": 1}' }, { testMode: true }).acme, { mode: 'fallback' });
  assert.deepEqual(format.normalize({ message: '{"mode": "strict"}' }, { testMode: true }).acme, { mode: 'strict' });
});

test('the pipeline entry filter still decides whether the stage runs', () => {
  const format = loadFormat(makeFormat(PARSER.replace('  - name: default_mode\n', '  - name: default_mode\n    filter: "{{ 1 == 2 }}"\n'), fields({ 'acme.mode': 'keyword' })));
  assert.equal(format.normalize({ message: '{"a": 1}' }, { testMode: true }).acme, undefined);
});
